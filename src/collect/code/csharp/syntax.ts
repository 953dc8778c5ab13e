/**
 * How the framework reads C# syntax (`tree-sitter-c-sharp`): names of calls and
 * functions, declarations, loops, string literals; values through values.ts.
 */
import { assignmentSides, declared } from '../kit/declarations.js';
import { identifierOrChain } from '../kit/names.js';
import type { Assignment, CallInfo, LanguageSyntax, Node } from '../types.js';
import { argsOf, attributesOf, chainName, CLASS_TYPES, FUNCTION_TYPES, genericArgs, initializerValue, modifiers, nameText, stringValue, typeName, unwrap } from './nodes.js';
import { evaluateCSharp, evaluateCSharpCall, evaluateCSharpCreation } from './values.js';

const LOOP_BODY: Record<string, string> = { for_statement: 'for', foreach_statement: 'foreach' };
const ITERATION = new Set([
  'ForEach', 'ForEachAsync', 'Select', 'SelectMany', 'Where', 'Any', 'All', 'Aggregate', 'For', 'Invoke', 'ToDictionary', 'ToLookup',
]);

/** The value of `= value` (an `equals_value_clause`), or the node itself. */
function initialiser(n: Node | null | undefined): Node | undefined {
  if (!n) return undefined;
  return n.type === 'equals_value_clause' ? (n.namedChild(0) ?? n) : n;
}

const MEMBER_TYPES = new Set(['member_access_expression']);

export const CSHARP_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: new Set(['lambda_expression', 'anonymous_method_expression']),
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument', 'argument_list']),
  creationInitializer: initializerValue,

  functionName(fn) {
    const n = fn.childForFieldName('name');
    const line = (n ?? fn).startPosition.row + 1;
    if (fn.type === 'constructor_declaration') return { name: '<init>', line };
    if (fn.type === 'destructor_declaration') return { name: '<finalize>', line };
    if (fn.type === 'operator_declaration') return { name: 'operator', line };
    return { name: n?.text ?? '<anonymous>', line };
  },

  className(cls) {
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type === 'invocation_expression') {
      const fn = node.childForFieldName('function');
      if (!fn) return undefined;
      const args = argsOf(node.childForFieldName('arguments'));
      const f = unwrap(fn);
      let method = '';
      let receiver: Node | undefined;
      let typeArgs: string[] | undefined;
      if (f.type === 'identifier') method = f.text;
      else if (f.type === 'generic_name') {
        method = nameText(f);
        typeArgs = genericArgs(f);
      } else if (f.type === 'member_access_expression') {
        const nm = f.childForFieldName('name');
        method = nameText(nm);
        typeArgs = genericArgs(nm);
        receiver = f.childForFieldName('expression') ?? undefined;
        if (receiver && (receiver.type === 'this' || receiver.type === 'this_expression')) receiver = undefined;
      } else if (f.type === 'conditional_access_expression') {
        receiver = f.childForFieldName('condition') ?? undefined;
        const b = f.namedChildren[f.namedChildCount - 1];
        if (b?.type === 'member_binding_expression') {
          const nm = b.childForFieldName('name');
          method = nameText(nm);
          typeArgs = genericArgs(nm);
        }
      } else return undefined;
      const left = receiver ? chainName(receiver) : '';
      const c: CallInfo = { node, name: left ? `${left}.${method}` : method, method, args, isNew: false };
      if (receiver) c.receiver = receiver;
      if (typeArgs?.length) c.typeArgs = typeArgs;
      return c;
    }
    if (node.type === 'object_creation_expression') {
      const t = node.childForFieldName('type');
      const { type, typeArgs } = typeName(t);
      const name = t?.type === 'qualified_name' ? t.text : (type ?? '');
      const c: CallInfo = { node, name, method: type ?? '', args: argsOf(node.childForFieldName('arguments')), isNew: true };
      if (typeArgs.length) c.typeArgs = typeArgs;
      return c;
    }
    if (node.type === 'implicit_object_creation_expression') {
      const list = node.namedChildren.find((c) => c?.type === 'argument_list');
      return { node, name: 'new', method: 'new', args: argsOf(list), isNew: true };
    }
    return undefined;
  },

  loopKind(loop, child) {
    const body = LOOP_BODY[loop.type];
    if (body) return loop.childForFieldName('body')?.id === child.id ? (loop.text.startsWith('await') ? 'await foreach' : body) : undefined;
    if (loop.type === 'while_statement') return 'while';
    if (loop.type === 'do_statement') return 'do-while';
    return undefined;
  },

  iterationKind(call) {
    if (call.isNew) return undefined;
    if (/^Parallel\.(ForEach|ForEachAsync|For|Invoke)$/.test(call.name)) return call.name;
    if (!ITERATION.has(call.method) || call.method === 'Invoke' || call.method === 'For') return undefined;
    return call.method;
  },

  stringValue,

  declarations(node) {
    if (node.type === 'variable_declarator') {
      const nameNode = node.childForFieldName('name');
      const vd = node.parent;
      if (!nameNode || !vd) return [];
      const holder = vd.parent;
      const mods = modifiers(holder);
      const { type, typeArgs } = typeName(vd.childForFieldName('type'));
      const kind = holder?.type === 'field_declaration' || holder?.type === 'event_field_declaration' ? 'field' : 'local';
      return [
        declared(nameNode, kind, {
          constant: mods.has('const') || mods.has('readonly'),
          annotations: attributesOf(holder),
          value: initialiser(node.namedChildren.find((c) => c && c.id !== nameNode.id && c.type !== 'bracketed_argument_list')),
          type: type === 'var' ? undefined : type,
          typeArgs,
        }),
      ];
    }
    if (node.type === 'parameter') {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return [];
      const typeNode = node.childForFieldName('type');
      const value = node.namedChildren.find((c) => c && c.id !== nameNode.id && c.id !== typeNode?.id && c.type !== 'attribute_list' && c.type !== 'modifier');
      return [declared(nameNode, 'parameter', { annotations: attributesOf(node), value: initialiser(value), ...typeName(typeNode) })];
    }
    if (node.type === 'property_declaration') {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return [];
      let value = node.childForFieldName('value');
      if (value?.type === 'arrow_expression_clause') value = value.namedChild(0);
      return [
        declared(nameNode, 'property', {
          constant: modifiers(node).has('const'),
          annotations: attributesOf(node),
          value,
          ...typeName(node.childForFieldName('type')),
        }),
      ];
    }
    return [];
  },

  assignment(node): Assignment | undefined {
    const sides = assignmentSides(node);
    if (!sides) return undefined;
    const { value, operator: op } = sides;
    const l = unwrap(sides.left);
    if (l.type === 'identifier') return { node, name: l.text, value, operator: op };
    if (l.type === 'member_access_expression') {
      const obj = l.childForFieldName('expression');
      const name = nameText(l.childForFieldName('name'));
      const q = !obj || obj.type === 'this' || obj.type === 'this_expression' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    if (l.type === 'element_binding_expression' || l.type === 'element_access_expression') {
      const k = argsOf(l.type === 'element_access_expression' ? l.childForFieldName('subscript') : l)[0];
      const s = k ? stringValue(k) : undefined;
      if (s !== undefined) {
        const a: Assignment = { node, name: s, value, operator: op };
        if (l.type === 'element_access_expression') a.qualifier = chainName(l.childForFieldName('expression'));
        return a;
      }
    }
    return undefined;
  },

  exprName: (node) => identifierOrChain(unwrap(node), MEMBER_TYPES, chainName),

  objectTypes: new Set(['lambda_expression', 'anonymous_method_expression']),
  unwrap,
  evaluate: evaluateCSharp,
  evaluateCall: evaluateCSharpCall,
  evaluateCreation: evaluateCSharpCreation,
};
