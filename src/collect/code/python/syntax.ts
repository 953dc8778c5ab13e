/**
 * How the framework reads Python syntax (`tree-sitter-python`): names of calls (a call
 * whose callee starts with an upper-case letter, `httpx.Client(…)`, `Session()`, is an
 * object creation), functions (`__init__` is `<init>`), declarations (every
 * assignment: module-level and class-level ones are fields, `self.x = …` in a method
 * is a field of its class; parameters; `with … as x`), loops (`for`, `while`,
 * comprehensions), string literals; values through values.ts.
 */
import { insideFunction } from '../kit/names.js';
import { assignmentSides, declared } from '../kit/declarations.js';
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node } from '../types.js';
import { callName, chainName, CLASS_TYPES, COMPREHENSIONS, FUNCTION_TYPES, LAMBDA_TYPES, positional, stringValue, typeText, unparen } from './nodes.js';
import { evaluatePython, evaluatePythonCall } from './values.js';

function parameterDecls(node: Node): Declaration[] {
  const out: Declaration[] = [];
  for (const p of node.namedChildren) {
    if (!p) continue;
    let nameNode: Node | undefined;
    let value: Node | undefined;
    let type: string | undefined;
    if (p.type === 'identifier') nameNode = p;
    else if (p.type === 'typed_parameter') {
      nameNode = p.namedChildren.find((c) => c?.type === 'identifier') ?? undefined;
      type = typeText(p.childForFieldName('type'));
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      nameNode = p.childForFieldName('name') ?? undefined;
      value = p.childForFieldName('value') ?? undefined;
      type = typeText(p.childForFieldName('type'));
    }
    if (!nameNode || nameNode.type !== 'identifier' || nameNode.text === 'self' || nameNode.text === 'cls') continue;
    out.push(declared(nameNode, 'parameter', { value, type }));
  }
  return out;
}

/** A variable assigned in a function (a local) or at module/class level (a field; a constant when named in capitals). */
function variable(name: Node, assignment: Node, value: Node | undefined, type?: string): Declaration {
  const local = insideFunction(assignment, PY_SYNTAX);
  return declared(name, local ? 'local' : 'field', { constant: !local && /^[A-Z][A-Z0-9_]*$/.test(name.text), value, type });
}

const ITERATION = new Set(['map', 'filter', 'starmap', 'imap', 'imap_unordered', 'map_async', 'starmap_async', 'foreach', 'for_each', 'apply_async']);

export const PY_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: LAMBDA_TYPES,
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument_list']),

  functionName(fn) {
    const n = fn.childForFieldName('name');
    const name = n?.text ?? '<lambda>';
    return { name: name === '__init__' ? '<init>' : name, line: n ? n.startPosition.row + 1 : fn.startPosition.row + 1 };
  },

  className(cls) {
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type !== 'call') return undefined;
    const { name, method, receiver } = callName(node);
    const args = positional(node);
    const isNew = /^[A-Z]/.test(method) && !/^[A-Z0-9_]+$/.test(method);
    const c: CallInfo = { node, name, method, args, isNew };
    if (receiver) c.receiver = receiver;
    return c;
  },

  loopKind(loop, child) {
    if (loop.type === 'while_statement') return 'while';
    if (loop.type === 'for_statement') return loop.childForFieldName('body')?.id === child.id ? 'for' : undefined;
    if (COMPREHENSIONS.has(loop.type)) {
      // The element expression and `if` clauses run per element; the first iterable once.
      if (loop.childForFieldName('body')?.id === child.id) return 'comprehension';
      if (child.type === 'if_clause') return 'comprehension';
      if (child.type === 'for_in_clause' && loop.namedChildren.filter((c) => c?.type === 'for_in_clause')[0]?.id !== child.id) return 'comprehension';
      return undefined;
    }
    return undefined;
  },

  iterationKind(call) {
    if (call.isNew) return undefined;
    if (!call.receiver && (call.name === 'map' || call.name === 'filter')) return call.name;
    if (call.receiver && ITERATION.has(call.method)) return call.method;
    return undefined;
  },

  stringValue,

  declarations(node) {
    if (node.type === 'parameters' || node.type === 'lambda_parameters') return parameterDecls(node);
    if (node.type === 'with_item') {
      const v = node.childForFieldName('value');
      if (v?.type !== 'as_pattern') return [];
      const value = v.namedChild(0);
      const target = v.childForFieldName('alias')?.namedChild(0);
      if (!value || target?.type !== 'identifier') return [];
      return [declared(target, insideFunction(node, PY_SYNTAX) ? 'local' : 'field', { value })];
    }
    if (node.type !== 'assignment') return [];
    const left = node.childForFieldName('left');
    const value = node.childForFieldName('right') ?? undefined;
    if (!left) return [];
    const type = typeText(node.childForFieldName('type'));
    if (left.type === 'identifier') return [variable(left, node, value, type)];
    if (left.type === 'attribute' && left.childForFieldName('object')?.text === 'self') {
      const nameNode = left.childForFieldName('attribute');
      if (!nameNode) return [];
      return [declared(nameNode, 'field', { value, type })];
    }
    if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && value && (value.type === 'expression_list' || value.type === 'tuple')) {
      const names = left.namedChildren.filter((c): c is Node => !!c);
      const values = value.namedChildren.filter((c): c is Node => !!c);
      return names.flatMap((n, i) => (n.type === 'identifier' && values[i] ? [variable(n, node, values[i])] : []));
    }
    return [];
  },

  assignment(node): Assignment | undefined {
    const sides = assignmentSides(node);
    if (!sides) return undefined;
    const { left, value } = sides;
    const op = node.type === 'augmented_assignment' ? (node.childForFieldName('operator')?.text ?? '+=') : '=';
    if (left.type === 'identifier') return { node, name: left.text, value, operator: op };
    if (left.type === 'attribute') {
      const obj = left.childForFieldName('object');
      const name = left.childForFieldName('attribute')?.text ?? '';
      const q = obj?.text === 'self' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    if (left.type === 'subscript') {
      // headers['Authorization'] = '…'
      const key = left.childForFieldName('subscript');
      const k = key ? stringValue(key) : undefined;
      if (k !== undefined) return { node, name: k, qualifier: chainName(left.childForFieldName('value')), value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'identifier') return e.text === 'self' || e.text === 'cls' ? '' : e.text;
    if (e.type === 'attribute') return chainName(e);
    return '';
  },

  objectTypes: new Set(['lambda', 'dictionary', 'tuple', 'list']),
  unwrap: unparen,
  evaluate: evaluatePython,
  evaluateCall: evaluatePythonCall,
};

// ---------------------------------------------------------------------------
// Values
