/**
 * How the framework reads PHP syntax (`tree-sitter-php`): names of calls and functions,
 * declarations (properties, class constants, `define()`, parameters, promoted
 * constructor properties, and every `$var = …` / `$this->prop = …` assignment, PHP
 * having no other declarations), loops, string literals; values through values.ts.
 *
 * The `logger('…')` helper is named `logger.debug` (what it does).
 */
import { insideFunction } from '../kit/names.js';
import { declared } from '../kit/declarations.js';
import type { Assignment, CallInfo, LanguageSyntax, Node } from '../types.js';
import {
  argsOf,
  CALL_TYPES,
  callName,
  chainName,
  CLASS_TYPES,
  FUNCTION_TYPES,
  hasModifier,
  isSelfScope,
  LAMBDA_TYPES,
  MEMBER_ACCESS,
  newTypeName,
  simpleName,
  stringValue,
  typeName,
  unparen,
  varName,
} from './nodes.js';
import { evaluatePhp, evaluatePhpCall } from './values.js';

const LOOP_KIND: Record<string, string> = { for_statement: 'for', foreach_statement: 'foreach', while_statement: 'while', do_statement: 'do-while' };

/** Helpers whose callback runs once per element. */
const ITERATION_FUNCTIONS = new Set(['array_map', 'array_walk', 'array_walk_recursive', 'array_filter', 'array_reduce', 'iterator_apply', 'usort', 'uasort']);
const ITERATION_METHODS = new Set([
  'each', 'map', 'flatMap', 'filter', 'reject', 'transform', 'chunk', 'chunkById', 'lazyById', 'eachSpread', 'mapWithKeys', 'mapSpread',
  'mapInto', 'flatMapWithKeys', 'sortBy', 'groupBy', 'keyBy', 'every', 'partition', 'reduce', 'forEach', 'pipe', 'tap',
]);
/** `pipe`/`tap` run once: not iterations after all. */
const ONCE_METHODS = new Set(['pipe', 'tap']);

export const PHP_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: LAMBDA_TYPES,
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument', 'arguments']),

  functionName(fn) {
    const n = fn.childForFieldName('name');
    const name = n?.text ?? '<anonymous>';
    return { name: name.toLowerCase() === '__construct' ? '<init>' : name, line: n ? n.startPosition.row + 1 : fn.startPosition.row + 1 };
  },

  className(cls) {
    if (cls.type === 'anonymous_class') {
      const base = cls.namedChildren.find((c) => c?.type === 'base_clause')?.namedChild(0);
      return `<anonymous ${base ? simpleName(base.text) : 'class'}>`;
    }
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type === 'object_creation_expression') {
      const name = newTypeName(node);
      const args = argsOf(node.namedChildren.find((c) => c?.type === 'arguments'));
      return { node, name, method: name, args, isNew: true };
    }
    if (!CALL_TYPES.has(node.type)) return undefined;
    const { name, method, receiver } = callName(node);
    const args = argsOf(node.childForFieldName('arguments'));
    // The `logger('message')` helper logs at debug level.
    if (node.type === 'function_call_expression' && name === 'logger' && args.length > 0) {
      return { node, name: 'logger.debug', method: 'debug', args, isNew: false };
    }
    const c: CallInfo = { node, name, method, args, isNew: false };
    if (receiver) c.receiver = receiver;
    return c;
  },

  loopKind(loop, child) {
    const kind = LOOP_KIND[loop.type];
    if (!kind) return undefined;
    if (loop.type === 'for_statement') {
      // `for (init; cond; update)`: the initialiser runs once.
      const init = loop.childForFieldName('initialize');
      return init && init.id === child.id ? undefined : kind;
    }
    if (loop.type === 'foreach_statement') {
      // The collection expression is evaluated once.
      return loop.namedChild(0)?.id === child.id ? undefined : kind;
    }
    return kind;
  },

  iterationKind(call) {
    if (call.isNew) return undefined;
    if (!call.receiver && ITERATION_FUNCTIONS.has(call.name)) return call.name;
    if (call.receiver && ITERATION_METHODS.has(call.method) && !ONCE_METHODS.has(call.method)) return call.method;
    return undefined;
  },

  stringValue,

  declarations(node) {
    switch (node.type) {
      case 'property_element': {
        const holder = node.parent;
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return [];
        return [
          declared(nameNode, 'field', {
            name: varName(nameNode),
            constant: hasModifier(holder, 'readonly'),
            value: node.childForFieldName('default_value'),
            type: typeName(holder?.childForFieldName('type')),
          }),
        ];
      }
      case 'const_element': {
        const kids = node.namedChildren.filter((c): c is Node => !!c);
        const nameNode = kids.find((c) => c.type === 'name');
        if (!nameNode) return [];
        return [declared(nameNode, 'field', { constant: true, value: kids.find((c) => c.id !== nameNode.id) })];
      }
      case 'simple_parameter':
      case 'variadic_parameter':
      case 'property_promotion_parameter': {
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return [];
        const promoted = node.type === 'property_promotion_parameter';
        return [
          declared(nameNode, promoted ? 'field' : 'parameter', {
            name: varName(nameNode),
            constant: promoted && hasModifier(node, 'readonly'),
            value: node.childForFieldName('default_value'),
            type: typeName(node.childForFieldName('type')),
          }),
        ];
      }
      case 'static_variable_declaration': {
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return [];
        return [declared(nameNode, 'local', { name: varName(nameNode), value: node.childForFieldName('value') })];
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const value = node.childForFieldName('right');
        if (!left || !value) return [];
        if (left.type === 'variable_name') {
          const name = varName(left);
          if (!name || name === 'this') return [];
          // Top-level script variables are visible in the whole file (a "global").
          return [{ name, nameNode: left, kind: insideFunction(node, PHP_SYNTAX) ? 'local' : 'field', constant: false, annotations: [], value }];
        }
        if (MEMBER_ACCESS.has(left.type) && varName(left.childForFieldName('object')) === 'this') {
          const nameNode = left.childForFieldName('name');
          if (!nameNode || nameNode.type !== 'name') return [];
          return [{ name: nameNode.text, nameNode, kind: 'field', constant: false, annotations: [], value }];
        }
        return [];
      }
      case 'function_call_expression': {
        // define('NAME', value)
        const args = argsOf(node.childForFieldName('arguments'));
        const k = args[0];
        const name = k ? stringValue(k) : undefined;
        if (!k || !name || !/^[A-Za-z_]\w*$/.test(name)) return [];
        return [declared(k, 'field', { name, constant: true, value: args[1] })];
      }
      default:
        return [];
    }
  },

  assignment(node): Assignment | undefined {
    const left = node.childForFieldName('left');
    const value = node.childForFieldName('right');
    if (!left || !value) return undefined;
    let op = '=';
    if (node.type === 'augmented_assignment_expression') op = node.childForFieldName('operator')?.text ?? node.child(1)?.text ?? '.=';
    if (left.type === 'variable_name') return { node, name: varName(left), value, operator: op };
    if (MEMBER_ACCESS.has(left.type)) {
      const obj = left.childForFieldName('object');
      const name = left.childForFieldName('name')?.text ?? '';
      const q = varName(obj) === 'this' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    if (left.type === 'scoped_property_access_expression') {
      const scope = left.childForFieldName('scope');
      const name = varName(left.childForFieldName('name'));
      return { node, name, qualifier: isSelfScope(scope) ? 'this' : chainName(scope), value, operator: op };
    }
    if (left.type === 'subscript_expression') {
      // $headers['Authorization'] = '…'
      const base = left.namedChild(0);
      const idx = left.namedChild(1);
      const key = idx ? stringValue(idx) : undefined;
      if (key !== undefined) return { node, name: key, qualifier: chainName(base), value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'variable_name') {
      const v = varName(e);
      return v === 'this' ? '' : v;
    }
    if (MEMBER_ACCESS.has(e.type) || e.type === 'scoped_property_access_expression') return chainName(e);
    return '';
  },

  objectTypes: new Set(['object_creation_expression', 'array_creation_expression', 'anonymous_function', 'arrow_function']),
  unwrap: unparen,
  evaluate: evaluatePhp,
  evaluateCall: evaluatePhpCall,
};
