/**
 * How the framework reads Go syntax (`tree-sitter-go`): names of calls, functions and
 * methods (`Type.Method`), composite literals as object creations (`&http.Client{…}`
 * → `http.Client`), declarations (`var`, `const`, `:=`, function parameters, struct
 * fields), `for` loops, string literals; values through values.ts.
 */
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node } from '../types.js';
import { callName, chainName, exprList, insideFunction, isReceiver, receiverType, stringValue, typeText, unparen } from './nodes.js';
import { evaluateGo } from './values.js';

const ITERATION = /^(lo\.(ForEach|Map|FilterMap|FlatMap|Filter|Reduce)|slices\.(IndexFunc|ContainsFunc)|errgroup\.Go)$/;

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
    const out: Declaration[] = [];
    switch (node.type) {
      case 'var_spec':
      case 'const_spec': {
        const names = node.childrenForFieldName('name').filter((c): c is Node => !!c);
        const values = exprList(node.childForFieldName('value'));
        const type = typeText(node.childForFieldName('type'));
        const local = insideFunction(node);
        names.forEach((n, i) => {
          if (n.text === '_') return;
          const d: Declaration = { name: n.text, nameNode: n, kind: local ? 'local' : 'field', constant: node.type === 'const_spec', annotations: [] };
          const v = values.length === names.length ? values[i] : i === 0 ? values[0] : undefined;
          if (v) d.value = v;
          if (type) d.type = type;
          out.push(d);
        });
        return out;
      }
      case 'short_var_declaration': {
        const names = exprList(node.childForFieldName('left'));
        const values = exprList(node.childForFieldName('right'));
        names.forEach((n, i) => {
          if (n.type !== 'identifier' || n.text === '_') return;
          const v = values.length === names.length ? values[i] : i === 0 ? values[0] : undefined;
          const d: Declaration = { name: n.text, nameNode: n, kind: 'local', constant: false, annotations: [] };
          if (v) d.value = v;
          out.push(d);
        });
        return out;
      }
      case 'parameter_declaration':
      case 'variadic_parameter_declaration': {
        // Method parameters sit outside the method's body (its @function): they are left
        // out rather than seen file-wide.
        if (node.parent?.parent?.type === 'method_declaration') return [];
        const type = typeText(node.childForFieldName('type'));
        for (const n of node.childrenForFieldName('name')) {
          if (!n || n.text === '_') continue;
          const d: Declaration = { name: n.text, nameNode: n, kind: 'parameter', constant: false, annotations: [] };
          if (type) d.type = type;
          out.push(d);
        }
        return out;
      }
      case 'field_declaration': {
        const type = typeText(node.childForFieldName('type'));
        for (const n of node.childrenForFieldName('name')) {
          if (!n) continue;
          const d: Declaration = { name: n.text, nameNode: n, kind: 'property', constant: false, annotations: [] };
          if (type) d.type = type;
          out.push(d);
        }
        return out;
      }
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

  evaluate: evaluateGo,
};

// ---------------------------------------------------------------------------
// Values
