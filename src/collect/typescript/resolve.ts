/**
 * Static value resolution: what string (URL, header, envelope) or object an
 * expression stands for, following constants, imports (named, default, namespace,
 * re-exports, CommonJS), const object literals, env defaults, templates,
 * concatenation and `new URL(path, base)`. Bounded (depth ≤ 8) and cycle-safe.
 * Nothing is executed: unresolved parts of a string stay as `${expression}`.
 */
import { joinParts, uniq, type Part, type StrVal } from '../resolution.js';
import { ts } from 'ts-morph';
import type { ResolutionStep } from '../../facts/types.js';
import { followAliases } from './aliases.js';
import { findThisAssignment, isBufferFrom, isFunctionNode, returnExpressions } from './functions.js';
import { locOf, type Binding, type FileModel, type ImportBinding, type Workspace } from './model.js';
import { exprText, MAX_DEPTH, normSpec, propName, setDef, unwrap, withStep, type EnvVal, type InstVal, type Val } from './values.js';

const K = ts.SyntaxKind;
/** Expressions that are objects, not strings: they resolve to themselves. */
const OBJECT_KINDS = new Set<ts.SyntaxKind>([K.ObjectLiteralExpression, K.ArrayLiteralExpression, K.ArrowFunction, K.FunctionExpression, K.ClassExpression]);

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

export class Resolver {
  constructor(readonly ws: Workspace) {}

  resolve(expr: ts.Expression | undefined, file: FileModel, depth = 0, seen: Set<ts.Node> = new Set()): Val | undefined {
    if (!expr || depth > MAX_DEPTH) return undefined;
    const e = unwrap(expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
      return { t: 'str', s: e.text, via: ['literal'], keys: [], lit: true, complete: true, names: [] };
    }
    if (ts.isNumericLiteral(e)) {
      return { t: 'str', s: e.text, via: ['literal'], keys: [], lit: true, complete: true, names: [] };
    }
    if (ts.isTemplateExpression(e)) {
      const parts: Part[] = [{ s: e.head.text, via: [], keys: [], lit: true, complete: true, names: [] }];
      for (const span of e.templateSpans) {
        parts.push(this.part(span.expression, file, depth, seen));
        parts.push({ s: span.literal.text, via: [], keys: [], lit: true, complete: true, names: [] });
      }
      return joinParts(parts, 'template');
    }
    if (ts.isBinaryExpression(e)) return this.binary(e, file, depth, seen);
    if (ts.isConditionalExpression(e)) {
      const a = this.resolve(e.whenTrue, file, depth + 1, seen);
      if (a && (a.t === 'str' || a.t === 'env')) return a;
      return this.resolve(e.whenFalse, file, depth + 1, seen) ?? a;
    }
    if (ts.isIdentifier(e)) return this.identifier(e, file, depth, seen);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.member(e, file, depth, seen);
    if (ts.isCallExpression(e)) return this.call(e, file, depth, seen);
    if (ts.isNewExpression(e)) return this.newExpr(e, file, depth, seen);
    if (ts.isMetaProperty(e)) return undefined;
    if (OBJECT_KINDS.has(e.kind)) return { t: 'node', node: e, file, via: [], keys: [] };
    return undefined;
  }

  /** Resolve to a string part; unresolved parts become `${expression}`. */
  part(expr: ts.Expression, file: FileModel, depth: number, seen: Set<ts.Node>): Part {
    return this.toPart(this.resolve(expr, file, depth + 1, seen), expr, file);
  }

  private binary(e: ts.BinaryExpression, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      const l = this.resolve(e.left, file, depth + 1, seen);
      const r = this.resolve(e.right, file, depth + 1, seen);
      if (l?.t !== 'str' && r?.t !== 'str' && l?.t !== 'env' && r?.t !== 'env') return undefined;
      return joinParts([this.toPart(l, e.left, file), this.toPart(r, e.right, file)], 'concatenation');
    }
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      const l = this.resolve(e.left, file, depth + 1, seen);
      if (l?.t === 'env') {
        const r = this.resolve(e.right, file, depth + 1, seen);
        if (r?.t === 'str') {
          const step: ResolutionStep = l.step === 'config' ? 'config' : 'env-default';
          return { ...r, via: uniq<ResolutionStep>([step, ...r.via]), keys: uniq([...l.keys, ...r.keys]), lit: false };
        }
        if (r?.t === 'env') return { ...l, keys: uniq([...l.keys, ...r.keys]) };
        return l;
      }
      if (l?.t === 'str' || (l && l.t !== 'envobj')) return l;
      return this.resolve(e.right, file, depth + 1, seen);
    }
    if (op === ts.SyntaxKind.CommaToken) return this.resolve(e.right, file, depth + 1, seen);
    return undefined;
  }

  private toPart(v: Val | undefined, expr: ts.Expression, file: FileModel): Part {
    if (v?.t === 'str') return { s: v.s, via: v.via, keys: v.keys, lit: v.lit, complete: v.complete, def: v.def, names: v.names };
    const text = '${' + exprText(file, expr) + '}';
    if (v?.t === 'env') return { s: text, via: v.via, keys: v.keys, lit: false, complete: false, names: [] };
    return { s: text, via: [], keys: [], lit: false, complete: false, names: [] };
  }

  private identifier(e: ts.Identifier, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    if (e.text === 'undefined') return undefined;
    // Plain aliases and local imports first, in a loop: they cost no recursion depth.
    const end = followAliases(this.ws, e.text, e, file, seen);
    if (!end) return { t: 'global', name: e.text, path: [] };
    let v = this.binding(end.binding, end.file, depth, seen, end.name);
    for (let i = end.hops.length - 1; i >= 0; i--) {
      const h = end.hops[i]!;
      v = withStep(v, h.import ? 'import' : 'constant', h.def, h.name);
    }
    return v;
  }

  binding(b: Binding, file: FileModel, depth: number, seen: Set<ts.Node>, name: string): Val | undefined {
    if (seen.has(b.node)) return undefined;
    seen.add(b.node);
    try {
      if (b.kind === 'import') return this.importBinding(b, file, depth, seen);
      const node = b.node;
      if (ts.isVariableDeclaration(node)) {
        if (!node.initializer) return undefined;
        const v = this.resolve(node.initializer, file, depth + 1, seen);
        return withStep(v, 'constant', locOf(file, node.name), name);
      }
      if (ts.isBindingElement(node)) return this.bindingElement(node, file, depth, seen);
      if (ts.isParameter(node)) return this.parameter(node, file, depth, seen);
      return { t: 'node', node, file, via: [], keys: [] };
    } finally {
      seen.delete(b.node);
    }
  }

  private bindingElement(el: ts.BindingElement, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const pattern = el.parent;
    const key = ts.isObjectBindingPattern(pattern) ? propName(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined)) : undefined;
    let source: Val | undefined;
    const holder = pattern.parent;
    if (ts.isVariableDeclaration(holder) && holder.initializer) source = this.resolve(holder.initializer, file, depth + 1, seen);
    else if (ts.isBindingElement(holder)) source = this.bindingElement(holder, file, depth + 1, seen);
    let v: Val | undefined;
    if (source && key !== undefined) v = this.property(source, key, depth + 1, seen);
    if (v?.t === 'env' && el.initializer) {
      const d = this.resolve(el.initializer, file, depth + 1, seen);
      if (d?.t === 'str') {
        return { ...d, via: uniq<ResolutionStep>(['env-default', ...d.via]), keys: uniq([...v.keys, ...d.keys]), lit: false, def: d.def ?? locOf(file, el.name) };
      }
      return v;
    }
    if (v) return withStep(v, 'constant', locOf(file, el.name), key);
    if (el.initializer) return withStep(this.resolve(el.initializer, file, depth + 1, seen), 'constant', locOf(file, el.name), key);
    return undefined;
  }

  private parameter(p: ts.ParameterDeclaration, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const fn = p.parent;
    const idx = fn.parameters.indexOf(p);
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn)) {
      const call = fn.parent;
      const callee = unwrap(call.expression);
      // promise.then(client => …): the value of the promise.
      if (idx === 0 && ts.isPropertyAccessExpression(callee) && callee.name.text === 'then') {
        return this.resolve(callee.expression, file, depth + 1, seen);
      }
      // soap.createClient(url, (err, client) => …): the client.
      if (idx === 1 && ts.isPropertyAccessExpression(callee) && callee.name.text === 'createClient') {
        return { t: 'node', node: call, file, via: [], keys: [] };
      }
    }
    if (p.type && ts.isTypeReferenceNode(p.type)) {
      const inst = this.typeInstance(p.type);
      if (inst) return inst;
    }
    if (p.initializer) return this.resolve(p.initializer, file, depth + 1, seen);
    return undefined;
  }

  typeInstance(t: ts.TypeReferenceNode): InstVal | undefined {
    const tn = t.typeName;
    const id = ts.isIdentifier(tn) ? tn : tn.left;
    if (!ts.isIdentifier(id)) return undefined;
    const b = this.ws.lookup(id.text, t);
    if (b?.kind === 'import' && this.ws.isExternal(t.getSourceFile().fileName.replace(/^\//, ''), b.spec)) {
      const cls = ts.isIdentifier(tn) ? (b.name === 'default' || b.name === '*' ? id.text : b.name) : tn.right.text;
      return { t: 'inst', spec: normSpec(b.spec), cls, path: [] };
    }
    return undefined;
  }

  importBinding(b: ImportBinding, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    return this.moduleMember(b.spec, b.name, file, depth, seen);
  }

  /** The value of `name` ('*' for the module itself) exported by module `spec` imported from `file`. */
  moduleMember(spec: string, name: string, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    if (this.ws.isExternal(file.path, spec)) {
      return { t: 'ext', spec: normSpec(spec), path: name === '*' || name === 'default' ? [] : [name] };
    }
    const target = this.ws.resolveModule(file.path, spec);
    const tf = target ? this.ws.get(target) : undefined;
    if (!tf) return undefined;
    const step: ResolutionStep = tf.isJson ? 'config' : 'import';
    if (name === '*') {
      if (tf.isJson) return withStep(this.resolve(tf.cjsExport, tf, depth + 1, seen), step);
      return { t: 'ns', file: tf, via: [step] };
    }
    return withStep(this.exported(tf, name, depth + 1, seen), step);
  }

  exported(tf: FileModel, name: string, depth: number, seen: Set<ts.Node>, stars: Set<FileModel> = new Set()): Val | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const entry = tf.exports.get(name);
    if (entry) {
      switch (entry.kind) {
        case 'local': {
          const b = this.ws.lookup(entry.name, tf.sf);
          return b ? this.binding(b, tf, depth + 1, seen, entry.name) : undefined;
        }
        case 'expr':
          return this.resolve(entry.node, tf, depth + 1, seen);
        case 'decl':
          return { t: 'node', node: entry.node, file: tf, via: [], keys: [] };
        case 'reexport':
          return this.moduleMember(entry.spec, entry.name, tf, depth + 1, seen);
      }
    }
    if (tf.cjsExport) {
      const v = this.resolve(tf.cjsExport, tf, depth + 1, seen);
      if (name === 'default') return v;
      if (v) {
        const p = this.property(v, name, depth + 1, seen);
        if (p) return p;
      }
    }
    if (name !== 'default') {
      for (const star of tf.exportStars) {
        if (this.ws.isExternal(tf.path, star)) continue;
        const target = this.ws.resolveModule(tf.path, star);
        const sf = target ? this.ws.get(target) : undefined;
        // Each module is searched once per lookup: `export *` cycles and diamonds stay linear.
        if (!sf || sf === tf || stars.has(sf)) continue;
        stars.add(sf);
        const v = this.exported(sf, name, depth + 1, seen, stars);
        if (v) return v;
      }
    }
    return undefined;
  }

  private member(
    e: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    file: FileModel,
    depth: number,
    seen: Set<ts.Node>,
  ): Val | undefined {
    let name: string | undefined;
    if (ts.isPropertyAccessExpression(e)) name = e.name.text;
    else {
      const a = unwrap(e.argumentExpression);
      if (ts.isStringLiteralLike(a) || ts.isNumericLiteral(a)) name = a.text;
    }
    if (name === undefined) return undefined;
    const obj = unwrap(e.expression);
    // process.env / import.meta.env
    if (ts.isPropertyAccessExpression(obj) && obj.name.text === 'env') {
      const o = unwrap(obj.expression);
      if ((ts.isIdentifier(o) && o.text === 'process' && !this.ws.lookup('process', o)) || ts.isMetaProperty(o)) {
        return { t: 'env', key: name, step: 'env', keys: [name], via: ['env'] };
      }
    }
    if (obj.kind === ts.SyntaxKind.ThisKeyword) return this.thisMember(obj, name, file, depth, seen);
    const o = this.resolve(obj, file, depth + 1, seen);
    if (!o) return undefined;
    return this.property(o, name, depth + 1, seen);
  }

  /** `obj.name` for an already-resolved `obj`. */
  property(o: Val, name: string, depth: number, seen: Set<ts.Node>): Val | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (o.t) {
      case 'envobj':
        return { t: 'env', key: name, step: 'env', keys: [name], via: ['env'] };
      case 'ns': {
        const v = this.exported(o.file, name, depth + 1, seen);
        if (v && (v.t === 'str' || v.t === 'node' || v.t === 'env')) return { ...v, via: uniq<ResolutionStep>([...o.via, ...v.via]) };
        return v;
      }
      case 'ext':
        return { t: 'ext', spec: o.spec, path: o.path.length === 0 && name === 'default' ? [] : [...o.path, name] };
      case 'global':
        if (o.path.length === 0 && GLOBAL_OBJECTS.has(o.name)) return { t: 'global', name, path: [] };
        if (o.path.length === 0 && o.name === 'process' && name === 'env') return { t: 'envobj' };
        return { t: 'global', name: o.name, path: [...o.path, name] };
      case 'inst':
        return { t: 'inst', spec: o.spec, cls: o.cls, path: [...o.path, name] };
      case 'str':
        if (name === 'href') return o;
        return undefined;
      case 'node': {
        const n = o.node;
        if (ts.isObjectLiteralExpression(n)) {
          const v = this.objectProperty(n, name, o.file, depth + 1, seen);
          if (!v) return undefined;
          const r = withStep(v, 'property');
          if (r && (r.t === 'str' || r.t === 'node')) {
            r.via = uniq<ResolutionStep>(['property', ...o.via, ...r.via]);
            r.keys = uniq([...o.keys, ...r.keys]);
          }
          return r;
        }
        const member = (init: ts.Expression, at: ts.Node): Val | undefined => {
          const r = withStep(this.resolve(init, o.file, depth + 1, seen), 'property', locOf(o.file, at), name);
          if (r && (r.t === 'str' || r.t === 'node' || r.t === 'env')) r.via = uniq<ResolutionStep>(['property', ...o.via, ...r.via]);
          return r;
        };
        if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) {
          for (const m of n.members) {
            if (ts.isPropertyDeclaration(m) && propName(m.name) === name && m.initializer) return member(m.initializer, m.name);
          }
        }
        if (ts.isEnumDeclaration(n)) {
          const m = n.members.find((x) => propName(x.name) === name);
          return m?.initializer ? member(m.initializer, m.name) : undefined;
        }
        if (ts.isGetAccessorDeclaration(n)) return undefined;
        if (ts.isArrayLiteralExpression(n) && /^\d+$/.test(name)) {
          const el = n.elements[Number(name)];
          return el ? this.resolve(el, o.file, depth + 1, seen) : undefined;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  objectProperty(obj: ts.ObjectLiteralExpression, name: string, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const props = obj.properties;
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i]!;
      if (ts.isPropertyAssignment(p) && propName(p.name) === name) {
        const v = this.resolve(p.initializer, file, depth + 1, seen);
        return setDef(v, locOf(file, p.name), name);
      }
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) {
        return setDef(this.identifier(p.name, file, depth + 1, seen), locOf(file, p.name), name);
      }
      if (ts.isGetAccessorDeclaration(p) && propName(p.name) === name) {
        const r = returnExpressions(p)[0];
        return r ? setDef(this.resolve(r, file, depth + 1, seen), locOf(file, p.name), name) : undefined;
      }
      if (ts.isMethodDeclaration(p) && propName(p.name) === name) {
        return { t: 'node', node: p, file, via: [], keys: [] };
      }
      if (ts.isSpreadAssignment(p)) {
        const s = this.resolve(p.expression, file, depth + 1, seen);
        if (s) {
          const v = this.property(s, name, depth + 1, seen);
          if (v) return v;
        }
      }
    }
    return undefined;
  }

  /** `this.name` inside a class: field initializer, constructor parameter property, or `this.name = …`. */
  private thisMember(thisNode: ts.Node, name: string, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    let cls: ts.Node | undefined = thisNode.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return undefined;
    let assigned: ts.Expression | undefined;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && propName(m.name) === name) {
        if (m.initializer) return setDef(this.resolve(m.initializer, file, depth + 1, seen), locOf(file, m.name), name);
        if (m.type && ts.isTypeReferenceNode(m.type)) {
          const inst = this.typeInstance(m.type);
          if (inst) return inst;
        }
      }
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) {
            return this.parameter(p, file, depth + 1, seen);
          }
        }
      }
      if (ts.isMethodDeclaration(m) && propName(m.name) === name) return { t: 'node', node: m, file, via: [], keys: [] };
    }
    if (!assigned) assigned = findThisAssignment(cls, name);
    if (assigned) return this.resolve(assigned, file, depth + 1, seen);
    return undefined;
  }

  private call(e: ts.CallExpression, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const callee = unwrap(e.expression);
    const args = e.arguments;
    // require('x')
    if (ts.isIdentifier(callee) && callee.text === 'require' && args.length === 1) {
      const a = unwrap(args[0]!);
      if (ts.isStringLiteralLike(a)) return this.moduleMember(a.text, '*', file, depth + 1, seen);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const m = callee.name.text;
      const recvExpr = unwrap(callee.expression);
      // require('x').y
      if (m === 'toString' || m === 'trim' || m === 'valueOf' || m === 'toLowerCase' || m === 'toUpperCase') {
        // Buffer.from(x).toString('base64')
        if (m === 'toString' && ts.isCallExpression(recvExpr) && isBufferFrom(recvExpr)) {
          const enc = args[0] && unwrap(args[0]);
          const src = this.part(recvExpr.arguments[0]!, file, depth, seen);
          if (enc && ts.isStringLiteralLike(enc) && enc.text === 'base64' && src.complete) {
            return { t: 'str', s: Buffer.from(src.s, 'utf8').toString('base64'), via: src.via, keys: src.keys, lit: src.lit, complete: true, def: src.def, names: src.names };
          }
          return undefined;
        }
        const r = this.resolve(recvExpr, file, depth + 1, seen);
        if (r?.t !== 'str') return undefined;
        if (m === 'toLowerCase') return { ...r, s: r.s.toLowerCase() };
        if (m === 'toUpperCase') return { ...r, s: r.s.toUpperCase() };
        return m === 'trim' ? { ...r, s: r.s.trim() } : r;
      }
      if (m === 'concat') {
        const r = this.resolve(recvExpr, file, depth + 1, seen);
        if (r?.t !== 'str') return undefined;
        return joinParts([this.toPart(r, recvExpr, file), ...args.map((a) => this.part(a, file, depth, seen))], 'concatenation');
      }
      if (m === 'join' && ts.isArrayLiteralExpression(recvExpr)) {
        const sepE = args[0] && unwrap(args[0]);
        const sep = sepE && ts.isStringLiteralLike(sepE) ? sepE.text : ',';
        const parts: Part[] = [];
        recvExpr.elements.forEach((el, i) => {
          if (i > 0) parts.push({ s: sep, via: [], keys: [], lit: true, complete: true, names: [] });
          parts.push(this.part(el, file, depth, seen));
        });
        return joinParts(parts, 'concatenation');
      }
      if (m === 'freeze' && ts.isIdentifier(recvExpr) && recvExpr.text === 'Object' && args[0]) {
        return this.resolve(args[0], file, depth + 1, seen);
      }
      if (m === 'resolve' && args.length === 2) {
        const r = this.resolve(recvExpr, file, depth + 1, seen);
        if (r?.t === 'ext' && r.spec === 'url') return this.urlJoin(args[1]!, args[0]!, file, depth, seen);
      }
      // NestJS ConfigService / node-config: config.get('KEY', default?)
      if ((m === 'get' || m === 'getOrThrow') && args[0] && /config/i.test(recvExpr.getText(file.sf))) {
        const k = unwrap(args[0]);
        if (ts.isStringLiteralLike(k)) {
          const env: EnvVal = { t: 'env', key: k.text, step: 'config', keys: [k.text], via: ['config'] };
          // node-config: the value in config/default.json (or another config/*.json) when there is one.
          const rv = this.resolve(recvExpr, file, depth + 1, seen);
          if (rv?.t === 'ext' && rv.spec === 'config' && rv.path.length === 0) {
            const fromJson = this.nodeConfigValue(k.text, depth, seen);
            if (fromJson) return { ...fromJson, via: uniq<ResolutionStep>(['config', ...fromJson.via]), keys: uniq([k.text, ...fromJson.keys]) };
          }
          if (args[1]) {
            const d = this.resolve(args[1], file, depth + 1, seen);
            if (d?.t === 'str') return { ...d, via: uniq<ResolutionStep>(['config', ...d.via]), keys: uniq([k.text, ...d.keys]), lit: false };
          }
          return env;
        }
      }
    }
    if (ts.isIdentifier(callee) && (callee.text === 'String' || callee.text === 'encodeURI') && args[0] && !this.ws.lookup(callee.text, callee)) {
      return this.resolve(args[0], file, depth + 1, seen);
    }
    if (ts.isIdentifier(callee) && callee.text === 'btoa' && args[0] && !this.ws.lookup('btoa', callee)) {
      const src = this.part(args[0], file, depth, seen);
      if (src.complete) return { t: 'str', s: Buffer.from(src.s, 'utf8').toString('base64'), via: src.via, keys: src.keys, lit: src.lit, complete: true, names: src.names };
      return undefined;
    }
    // A same-workspace function: the value of what it returns.
    if (depth < MAX_DEPTH - 2) {
      const f = this.resolve(callee, file, depth + 1, seen);
      if (f?.t === 'node' && isFunctionNode(f.node) && !seen.has(f.node)) {
        seen.add(f.node);
        try {
          for (const r of returnExpressions(f.node).slice(0, 3)) {
            const v = this.resolve(r, f.file, depth + 1, seen);
            if (v && v.t !== 'global') return setDef(v, locOf(f.file, r));
          }
        } finally {
          seen.delete(f.node);
        }
      }
    }
    return { t: 'node', node: e, file, via: [], keys: [] };
  }

  /** `config.get('a.b')` of node-config: the value in the repo's config/*.json, default.json first. */
  private nodeConfigValue(key: string, depth: number, seen: Set<ts.Node>): StrVal | undefined {
    for (const path of this.ws.nodeConfigFiles()) {
      const f = this.ws.get(path);
      if (!f?.cjsExport) continue;
      let v: Val | undefined = this.resolve(f.cjsExport, f, depth + 1, seen);
      for (const part of key.split('.')) {
        v = v ? this.property(v, part, depth + 1, seen) : undefined;
      }
      if (v?.t === 'str') return v;
    }
    return undefined;
  }

  private newExpr(e: ts.NewExpression, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const callee = unwrap(e.expression);
    const args = e.arguments ?? [];
    if (ts.isIdentifier(callee) && callee.text === 'URL' && args[0]) {
      const b = this.ws.lookup('URL', callee);
      const isGlobal = !b || (b.kind === 'import' && normSpec(b.spec) === 'url');
      if (isGlobal) {
        if (!args[1]) return this.resolve(args[0], file, depth + 1, seen);
        return this.urlJoin(args[0], args[1], file, depth, seen);
      }
    }
    return { t: 'node', node: e, file, via: [], keys: [] };
  }

  /** WHATWG URL semantics of `new URL(path, base)`, as far as the parts resolve. */
  urlJoin(pathE: ts.Expression, baseE: ts.Expression, file: FileModel, depth: number, seen: Set<ts.Node>): Val | undefined {
    const p = this.part(pathE, file, depth, seen);
    const b = this.part(baseE, file, depth, seen);
    if (!p.complete && !b.complete && p.via.length === 0 && b.via.length === 0) return undefined;
    let s: string;
    if (/^[a-z][a-z0-9+.-]*:/i.test(p.s)) s = p.s;
    else if (p.s.startsWith('/')) {
      const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)/i.exec(b.s)?.[1] ?? b.s.replace(/\/+$/, '');
      s = origin + p.s;
    } else {
      const idx = b.s.lastIndexOf('/');
      const dir = /^[a-z][a-z0-9+.-]*:\/\/[^/]*$/i.test(b.s) ? b.s + '/' : idx >= 0 ? b.s.slice(0, idx + 1) : b.s + '/';
      s = dir + p.s;
    }
    return {
      t: 'str',
      s,
      via: uniq<ResolutionStep>(['concatenation', ...b.via, ...p.via]),
      keys: uniq([...b.keys, ...p.keys]),
      lit: p.lit && b.lit,
      complete: p.complete && b.complete,
      def: p.def ?? b.def,
      names: [...b.names, ...p.names],
    };
  }
}
