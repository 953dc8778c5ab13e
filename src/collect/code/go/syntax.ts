/**
 * How the framework reads Go syntax (`tree-sitter-go`): names of calls, functions and
 * methods (`Type.Method`), composite literals as object creations (`&http.Client{…}`
 * → `http.Client`), declarations (`var`, `const`, `:=`, function parameters, struct
 * fields), `for` loops, string literals; values through values.ts.
 */
import { declared } from '../kit/declarations.js';
import type { Assignment, CallInfo, LanguageSyntax, Node } from '../types.js';
import { callName, chainName, exprList, insideFunction, isReceiver, receiverType, stringValue, typeText, unparen } from './nodes.js';
import { evaluateGo, evaluateGoCall } from './values.js';

const ITERATION = /^(lo\.(ForEach|Map|FilterMap|FlatMap|Filter|Reduce)|slices\.(IndexFunc|ContainsFunc)|errgroup\.Go)$/;

/** The `name` children of a spec or declaration. */
function named(node: Node): Node[] {
  return node.childrenForFieldName('name').filter((c): c is Node => !!c);
}

/** Names (`_` left out) with their values: one each, or the first name gets the one value (`a, err := f()`). */
function paired(names: readonly Node[], values: readonly Node[]): Array<[Node, Node | undefined]> {
  const out: Array<[Node, Node | undefined]> = [];
  names.forEach((n, i) => {
    if (n.text !== '_') out.push([n, values.length === names.length ? values[i] : i === 0 ? values[0] : undefined]);
  });
  return out;
}

export const GO_SYNTAX: LanguageSyntax = {
  functionTypes: new Set(['function_declaration', 'method_declaration']),
  lambdaTypes: new Set(['func_literal']),
  classTypes: new Set(['method_declaration']),
  argumentWrapperTypes: new Set(['argument_list']),

  functionName(fn) {
    const holder = fn.type === 'block' ? fn.parent : fn;
    const n = holder?.childForFieldName('name');
    return { name: n?.text ?? '<func>', line: n ? n.startPosition.row + 1 : fn.startPosition.row + 1 };
  },

  className(cls) {
    return cls.type === 'method_declaration' ? receiverType(cls) : '<type>';
  },

  call(node) {
    if (node.type === 'composite_literal') {
      const name = typeText(node.childForFieldName('type'));
      if (!name) return undefined;
      return { node, name, method: name.slice(name.lastIndexOf('.') + 1), args: [], isNew: true };
    }
    if (node.type !== 'call_expression') return undefined;
    const { name, method, receiver } = callName(node);
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
    const c: CallInfo = { node, name, method, args, isNew: false };
    if (receiver) c.receiver = receiver;
    return c;
  },

  loopKind(loop, child) {
    if (loop.type !== 'for_statement') return undefined;
    if (loop.childForFieldName('body')?.id !== child.id) return undefined;
    return loop.namedChildren.some((c) => c?.type === 'range_clause') ? 'for-range' : 'for';
  },

  iterationKind(call) {
    return !call.isNew && ITERATION.test(call.name) ? call.name : undefined;
  },

  stringValue,

  declarations(node) {
    const type = typeText(node.childForFieldName('type'));
    switch (node.type) {
      case 'var_spec':
      case 'const_spec': {
        const kind = insideFunction(node) ? 'local' : 'field';
        const constant = node.type === 'const_spec';
        return paired(named(node), exprList(node.childForFieldName('value'))).map(([n, value]) => declared(n, kind, { constant, value, type }));
      }
      case 'short_var_declaration':
        return paired(exprList(node.childForFieldName('left')), exprList(node.childForFieldName('right')))
          .filter(([n]) => n.type === 'identifier')
          .map(([n, value]) => declared(n, 'local', { value }));
      case 'parameter_declaration':
      case 'variadic_parameter_declaration':
        // Method parameters sit outside the method's body (its @function): they are left
        // out rather than seen file-wide.
        if (node.parent?.parent?.type === 'method_declaration') return [];
        return named(node)
          .filter((n) => n.text !== '_')
          .map((n) => declared(n, 'parameter', { type }));
      case 'field_declaration':
        return named(node).map((n) => declared(n, 'property', { type }));
      default:
        return [];
    }
  },

  declarationValue(d, r) {
    // A struct field: the value given to it in a composite literal of the file (`&Svc{baseURL: x}`).
    if (d.kind !== 'property' || d.value) return undefined;
    for (const k of r.fa.captures('keyed')) {
      const key = k.childForFieldName('key');
      const keyId = key?.namedChild(0);
      if (keyId?.type !== 'identifier' || keyId.text !== d.name) continue;
      const v = k.childForFieldName('value')?.namedChild(0);
      const val = v ? r.resolve(v) : undefined;
      if (val) return val;
    }
    return undefined;
  },

  assignment(node): Assignment | undefined {
    const left = exprList(node.childForFieldName('left'))[0];
    const value = exprList(node.childForFieldName('right'))[0];
    if (!left || !value) return undefined;
    const op = node.childForFieldName('operator')?.text ?? '=';
    if (left.type === 'identifier') return { node, name: left.text, value, operator: op };
    if (left.type === 'selector_expression') {
      const obj = left.childForFieldName('operand');
      const name = left.childForFieldName('field')?.text ?? '';
      return { node, name, qualifier: chainName(obj), value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'identifier') return isReceiver(e) ? '' : e.text;
    if (e.type === 'selector_expression') return chainName(e);
    return '';
  },

  objectTypes: new Set(['composite_literal', 'func_literal']),
  unwrap: unparen,
  evaluate: evaluateGo,
  evaluateCall: evaluateGoCall,
};

// ---------------------------------------------------------------------------
// Values
