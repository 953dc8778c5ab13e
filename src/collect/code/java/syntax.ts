/**
 * How the framework reads Java syntax (`tree-sitter-java`): names of calls and
 * functions, declarations, loops, string literals; values through values.ts
 * (`@Value` placeholders here).
 */
import { assignmentSides, declared } from '../kit/declarations.js';
import { identifierOrChain } from '../kit/names.js';
import type { Assignment, CallInfo, LanguageSyntax, Node } from '../types.js';
import { annotationArgs, annotationName, annotationsOf, chainName, CLASS_TYPES, FUNCTION_TYPES, modifierWords, newTypeName, stringValue, typeName, unparen } from './nodes.js';
import { evaluateJava, evaluateJavaCall, evaluateJavaCreation } from './values.js';

const LOOP_BODY: Record<string, string> = { for_statement: 'for', enhanced_for_statement: 'for-each' };
const ITERATION = new Set([
  'forEach', 'forEachOrdered', 'map', 'flatMap', 'filter', 'peek', 'mapToObj', 'mapToInt', 'mapToLong', 'anyMatch',
  'allMatch', 'noneMatch', 'concatMap', 'flatMapSequential', 'flatMapIterable', 'replaceAll',
]);
/** `optional.map(…)` / `mono.map(…)` run once, not per element: only stream-ish receivers count for these. */
const ONCE_ON = /(?:^|\.)(?:Optional\.\w+|\w*[Oo]ptional\w*|\w*[Mm]ono\w*|\w*(?:Future|Promise)\w*|bodyToMono|retrieve|exchangeToMono|toEntity|block)$/;

/** Receivers whose `map`/`flatMap`/`filter` run at most once. */
const ONCE_TYPES = /^(Optional\w*|Mono|CompletableFuture|CompletionStage|Future|ListenableFuture|ResponseEntity|Try|Either)$/;
const MEMBER_TYPES = new Set(['field_access']);

export const JAVA_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: new Set(['lambda_expression']),
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument_list']),

  functionName(fn) {
    const line = fn.startPosition.row + 1;
    if (fn.type === 'constructor_declaration' || fn.type === 'compact_constructor_declaration') {
      const n = fn.childForFieldName('name');
      return { name: '<init>', line: n ? n.startPosition.row + 1 : line };
    }
    const n = fn.childForFieldName('name');
    return { name: n?.text ?? '<anonymous>', line: n ? n.startPosition.row + 1 : line };
  },

  className(cls) {
    if (cls.type === 'object_creation_expression') return `<anonymous ${newTypeName(cls)}>`;
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type === 'method_invocation') {
      const method = node.childForFieldName('name')?.text ?? '';
      const obj = node.childForFieldName('object');
      const left = obj ? chainName(obj) : '';
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'line_comment' && a.type !== 'block_comment');
      const c: CallInfo = { node, name: left ? `${left}.${method}` : method, method, args, isNew: false };
      if (obj) c.receiver = obj;
      return c;
    }
    if (node.type === 'object_creation_expression') {
      const name = newTypeName(node);
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'line_comment' && a.type !== 'block_comment');
      return { node, name, method: name.slice(name.lastIndexOf('.') + 1), args, isNew: true };
    }
    return undefined;
  },

  loopKind(loop, child) {
    const body = LOOP_BODY[loop.type];
    if (body) return loop.childForFieldName('body')?.id === child.id ? body : undefined;
    if (loop.type === 'while_statement') return 'while';
    if (loop.type === 'do_statement') return 'do-while';
    return undefined;
  },

  iterationKind(call, typeOf) {
    if (call.isNew || !ITERATION.has(call.method)) return undefined;
    const recv = call.name.slice(0, Math.max(0, call.name.length - call.method.length - 1));
    if (ONCE_ON.test(recv)) return undefined;
    const t = call.receiver && typeOf ? typeOf(call.receiver) : undefined;
    if (t && ONCE_TYPES.test(t)) return undefined;
    return call.method;
  },

  stringValue,

  declarations(node) {
    if (node.type === 'variable_declarator') {
      const holder = node.parent;
      if (!holder) return [];
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return [];
      return [
        declared(nameNode, holder.type === 'local_variable_declaration' ? 'local' : 'field', {
          constant: modifierWords(holder).has('final') || holder.type === 'constant_declaration',
          annotations: annotationsOf(holder),
          value: node.childForFieldName('value'),
          ...typeName(holder.childForFieldName('type')),
        }),
      ];
    }
    if (node.type === 'formal_parameter' || node.type === 'spread_parameter') {
      const nameNode = node.childForFieldName('name') ?? node.namedChildren.find((c) => c?.type === 'variable_declarator')?.childForFieldName('name');
      if (!nameNode) return [];
      const record = node.parent?.parent?.type === 'record_declaration';
      return [
        declared(nameNode, record ? 'field' : 'parameter', {
          constant: record || modifierWords(node).has('final'),
          annotations: annotationsOf(node),
          ...typeName(node.childForFieldName('type')),
        }),
      ];
    }
    return [];
  },

  assignment(node): Assignment | undefined {
    const sides = assignmentSides(node);
    if (!sides) return undefined;
    const { left, value, operator } = sides;
    if (left.type === 'identifier') return { node, name: left.text, value, operator };
    if (left.type === 'field_access') {
      const obj = left.childForFieldName('object');
      const qualifier = obj?.type === 'this' ? 'this' : chainName(obj);
      return { node, name: left.childForFieldName('field')?.text ?? '', qualifier, value, operator };
    }
    return undefined;
  },

  exprName: (node) => identifierOrChain(unparen(node), MEMBER_TYPES, chainName),

  reference(node) {
    const ids = node.namedChildren.filter((c) => c?.type === 'identifier');
    return ids[ids.length - 1]?.text;
  },

  objectTypes: new Set(['lambda_expression']),
  unwrap: unparen,
  evaluate: evaluateJava,
  evaluateCall: evaluateJavaCall,
  evaluateCreation: evaluateJavaCreation,

  declarationValue(d, r) {
    for (const a of d.annotations) {
      if (annotationName(a) !== 'Value') continue;
      const arg = annotationArgs(a).get('value');
      const s = arg ? r.str(arg) : undefined;
      if (s) return r.springPlaceholders(s.s);
    }
    return undefined;
  },
};
