/**
 * The in-memory workspace the TypeScript/JavaScript collector works in.
 *
 * Only discovered files' text (through `ctx.readText`) ever enters it, and module
 * resolution is done here against the set of discovered paths: an import (relative,
 * or an alias of the nearest tsconfig's `paths`/`baseUrl`) can never leave the
 * scanned root, reach an ignored file or touch the disk. Files
 * are parsed lazily (with TypeScript's own parser, as bundled by ts-morph) the first
 * time they are analysed or imported by an analysed file.
 *
 * Nothing is type-checked: a program and checker for thousands of files cost seconds,
 * while everything the collector needs (constants, imports, re-exports, object
 * literals) is found syntactically through the scope tables below.
 */
import { builtinModules } from 'node:module';
import { ts } from 'ts-morph';
import type { Language, Location } from '../../facts/types.js';
import type { CollectContext } from '../types.js';
import { parseBounded, type BlankedRegion } from './depth.js';
import { inRoot, matchPaths, normalizePath, TsConfigs } from './tsconfig.js';

export interface ImportBinding {
  kind: 'import';
  /** The module specifier as written. */
  spec: string;
  /** Imported name; 'default' or '*' (namespace / CommonJS module object). */
  name: string;
  node: ts.Node;
}

export type ExportEntry =
  | { kind: 'local'; name: string }
  | { kind: 'expr'; node: ts.Expression }
  | { kind: 'decl'; node: ts.Node }
  | { kind: 'reexport'; spec: string; name: string };

export interface FileModel {
  path: string;
  language: Language;
  text: string;
  sf: ts.SourceFile;
  isJson: boolean;
  exports: Map<string, ExportEntry>;
  exportStars: string[];
  /** `module.exports = expr` (CommonJS). */
  cjsExport?: ts.Expression;
  /** Every module this file imports or requires (specifier and 1-based line). */
  importSpecs: Array<{ spec: string; line: number; names: string[] }>;
  /** Parts of the text too deep to parse or walk, blanked before parsing (not analysed). */
  blanked?: BlankedRegion[];
}

/** A declaration found by a scope lookup. */
export type Binding =
  | ImportBinding
  | { kind: 'decl'; node: ts.Node }; // VariableDeclaration | BindingElement | Parameter | FunctionDeclaration | ClassDeclaration

const SOURCE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function scriptKindFor(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(ts|mts|cts)$/.test(path)) return ts.ScriptKind.TS;
  if (path.endsWith('.json')) return ts.ScriptKind.JSON;
  return ts.ScriptKind.JS;
}

export class Workspace {
  private readonly models = new Map<string, FileModel | null>();
  private readonly known: Set<string>;
  private readonly scopes = new WeakMap<ts.Node, Map<string, Binding>>();
  private readonly languages = new Map<string, Language>();
  private readonly resolved = new Map<string, string | undefined>();
  private configFiles: string[] | undefined;
  private readonly tsconfigs: TsConfigs;

  constructor(private readonly ctx: CollectContext) {
    this.known = new Set(ctx.allFiles.map((f) => f.path));
    this.tsconfigs = new TsConfigs((p) => this.known.has(p), (p) => ctx.readText(p));
    for (const f of ctx.allFiles) if (f.language) this.languages.set(f.path, f.language);
  }

  has(path: string): boolean {
    return this.known.has(path);
  }

  /** Parse (once) a discovered file; undefined when unreadable or not discovered. */
  get(path: string): FileModel | undefined {
    this.ctx.onUse?.(path); // the pipeline records what each file's facts depend on
    const cached = this.models.get(path);
    if (cached !== undefined) return cached ?? undefined;
    let model: FileModel | null = null;
    const text = this.known.has(path) ? this.ctx.readText(path) : undefined;
    if (text !== undefined) model = this.parse(path, text);
    this.models.set(path, model);
    return model ?? undefined;
  }

  /** node-config files (`config/default.json` first, then other `config/*.json`). */
  nodeConfigFiles(): string[] {
    if (!this.configFiles) {
      const all = [...this.known].filter((p) => /(^|\/)config\/[^/]+\.json$/.test(p));
      const rank = (p: string) => (/\/default\.json$|^config\/default\.json$/.test(p) ? 0 : /production/.test(p) ? 1 : 2);
      this.configFiles = all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    }
    return this.configFiles;
  }

  parsedCount(): number {
    let n = 0;
    for (const m of this.models.values()) if (m) n++;
    return n;
  }

  private parse(path: string, source: string): FileModel {
    const isJson = path.endsWith('.json');
    // Too deep to parse or walk: that part is blanked and reported, the rest is kept (depth.ts).
    const { sf, text, blanked } = parseBounded(source, (t) => ts.createSourceFile('/' + path, t, ts.ScriptTarget.Latest, true, scriptKindFor(path)));
    const language: Language =
      this.languages.get(path) ?? (/\.(ts|tsx|mts|cts)$/.test(path) ? 'typescript' : 'javascript');
    const model: FileModel = { path, language, text, sf, isJson, exports: new Map(), exportStars: [], importSpecs: [] };
    if (blanked.length > 0) model.blanked = blanked;
    if (isJson) {
      const first = sf.statements[0];
      if (first && ts.isExpressionStatement(first)) model.cjsExport = first.expression;
    } else {
      indexModule(model);
    }
    return model;
  }

  /**
   * Resolve a module specifier from `from` to a discovered file path: relative ones
   * against `from`'s directory, others through the `paths` and `baseUrl` of the
   * nearest tsconfig.json/jsconfig.json (see tsconfig.ts). Anything else (packages,
   * Node built-ins) is never resolved: node_modules is not ours to read.
   */
  resolveModule(from: string, spec: string): string | undefined {
    const key = `${from}\0${spec}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const found = this.findModule(from, spec);
    this.resolved.set(key, found);
    return found;
  }

  /** A package (or Node built-in): a bare specifier that no tsconfig alias maps to a discovered file. */
  isExternal(from: string, spec: string): boolean {
    return isBareSpec(spec) && this.resolveModule(from, spec) === undefined;
  }

  private findModule(from: string, spec: string): string | undefined {
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      const base = normalizePath(dirOf(from) ? `${dirOf(from)}/${spec}` : spec);
      if (base === undefined) return undefined; // escapes the root
      return this.findFile(base, true);
    }
    if (!isBareSpec(spec) || isNodeBuiltin(spec)) return undefined;
    const cfg = this.tsconfigs.forFile(from);
    if (!cfg) return undefined;
    // As TypeScript: a matching `paths` pattern's targets in order, then `baseUrl`.
    if (cfg.paths && cfg.pathsBase !== undefined) {
      for (const t of matchPaths(cfg.paths, spec) ?? []) {
        const base = inRoot(cfg.pathsBase, t);
        const found = base === undefined || base === '' ? undefined : this.findFile(base, false);
        if (found) return found;
      }
    }
    if (cfg.baseUrl !== undefined) {
      const base = inRoot(cfg.baseUrl, spec);
      if (base !== undefined && base !== '') return this.findFile(base, false);
    }
    return undefined;
  }

  /**
   * The discovered source (or JSON) file a root-relative module path names: as written,
   * `.js` → `.ts` and the like, with an extension added, or a directory's index.
   * `implicitJson`: also `x` → `x.json` (require of a relative path, not a TypeScript alias).
   */
  private findFile(base: string, implicitJson: boolean): string | undefined {
    const candidates: string[] = [];
    const ext = /\.(m|c)?jsx?$/.exec(base);
    if (ext) {
      const stem = base.slice(0, base.length - ext[0].length);
      if (ext[0] === '.js') candidates.push(`${stem}.ts`, `${stem}.tsx`);
      if (ext[0] === '.jsx') candidates.push(`${stem}.tsx`);
      if (ext[0] === '.mjs') candidates.push(`${stem}.mts`);
      if (ext[0] === '.cjs') candidates.push(`${stem}.cts`);
    }
    candidates.push(base);
    for (const e of SOURCE_EXTS) candidates.push(base + e);
    if (implicitJson) candidates.push(`${base}.json`);
    for (const e of SOURCE_EXTS) candidates.push(`${base}/index${e}`);
    for (const c of candidates) {
      if (c !== '' && this.known.has(c) && (SOURCE_EXTS.some((e) => c.endsWith(e)) || c.endsWith('.json'))) return c;
    }
    return undefined;
  }

  /** Find the declaration an identifier (by name, at a position) refers to. */
  lookup(name: string, at: ts.Node): Binding | undefined {
    let n: ts.Node | undefined = at;
    while (n) {
      if (isScopeNode(n)) {
        const b = this.scopeOf(n).get(name);
        if (b) return b;
      }
      n = n.parent;
    }
    return undefined;
  }

  private scopeOf(node: ts.Node): Map<string, Binding> {
    let m = this.scopes.get(node);
    if (m) return m;
    m = new Map();
    buildScope(node, m);
    this.scopes.set(node, m);
    return m;
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Not relative, not absolute: a package, a Node built-in or a tsconfig alias. */
export function isBareSpec(spec: string): boolean {
  return !spec.startsWith('.') && !spec.startsWith('/');
}

const BUILTINS = new Set(builtinModules);

/** `node:x`, `https`, `fs/promises`: always Node's own, whatever an alias says. */
function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!);
}

const K = ts.SyntaxKind;
const SCOPE_KINDS = new Set<ts.SyntaxKind>([
  K.SourceFile, K.Block, K.ModuleBlock, K.CaseBlock, K.ForStatement, K.ForOfStatement, K.ForInStatement, K.CatchClause,
  K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor,
  K.SetAccessor,
]);

function isScopeNode(n: ts.Node): boolean {
  return SCOPE_KINDS.has(n.kind);
}

function addBindingName(name: ts.BindingName, node: ts.Node, m: Map<string, Binding>): void {
  if (ts.isIdentifier(name)) {
    if (!m.has(name.text)) m.set(name.text, { kind: 'decl', node });
    return;
  }
  for (const el of name.elements) {
    if (ts.isOmittedExpression(el)) continue;
    addBindingName(el.name, el, m);
  }
}

function addStatements(statements: readonly ts.Statement[], m: Map<string, Binding>): void {
  for (const st of statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) addBindingName(d.name, d, m);
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
      if (!m.has(st.name.text)) m.set(st.name.text, { kind: 'decl', node: st });
    } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (!clause) continue;
      if (clause.name) m.set(clause.name.text, { kind: 'import', spec, name: 'default', node: clause.name });
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) m.set(nb.name.text, { kind: 'import', spec, name: '*', node: nb.name });
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) {
          const imported = el.propertyName ? moduleExportNameText(el.propertyName) : el.name.text;
          m.set(el.name.text, { kind: 'import', spec, name: imported, node: el.name });
        }
      }
    } else if (ts.isImportEqualsDeclaration(st)) {
      const ref = st.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        m.set(st.name.text, { kind: 'import', spec: ref.expression.text, name: '*', node: st.name });
      }
    }
  }
}

export function moduleExportNameText(n: ts.ModuleExportName): string {
  return ts.isIdentifier(n) ? n.text : n.text;
}

function buildScope(node: ts.Node, m: Map<string, Binding>): void {
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node)) {
    addStatements(node.statements, m);
  } else if (ts.isCaseBlock(node)) {
    for (const c of node.clauses) addStatements(c.statements, m);
  } else if (ts.isFunctionLike(node)) {
    for (const p of node.parameters) addBindingName(p.name, p, m);
    if (ts.isFunctionExpression(node) && node.name) {
      if (!m.has(node.name.text)) m.set(node.name.text, { kind: 'decl', node });
    }
    // Arrow functions with an expression body and functions with a block body: the block is its own scope.
  } else if (ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) {
    const init = node.initializer;
    if (init && ts.isVariableDeclarationList(init)) for (const d of init.declarations) addBindingName(d.name, d, m);
  } else if (ts.isCatchClause(node)) {
    const d = node.variableDeclaration;
    if (d) addBindingName(d.name, d, m);
  }
}

/** Index exports and imported module specifiers of a parsed source file. */
function indexModule(model: FileModel): void {
  const { sf, exports } = model;
  for (const st of sf.statements) {
    const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
    const exported = mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    const isDefault = mods?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
    if (ts.isVariableStatement(st) && exported) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) exports.set(d.name.text, { kind: 'local', name: d.name.text });
        else collectBindingNames(d.name).forEach((n) => exports.set(n, { kind: 'local', name: n }));
      }
    } else if (ts.isEnumDeclaration(st) && exported) {
      exports.set(st.name.text, { kind: 'local', name: st.name.text });
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && exported) {
      if (isDefault) exports.set('default', { kind: 'decl', node: st });
      if (st.name) {
        if (!isDefault) exports.set(st.name.text, { kind: 'local', name: st.name.text });
      }
    } else if (ts.isExportAssignment(st)) {
      if (st.isExportEquals) model.cjsExport = st.expression;
      else exports.set('default', { kind: 'expr', node: st.expression });
    } else if (ts.isExportDeclaration(st)) {
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      const clause = st.exportClause;
      if (!clause) {
        if (spec) model.exportStars.push(spec);
      } else if (ts.isNamespaceExport(clause)) {
        if (spec) exports.set(moduleExportNameText(clause.name), { kind: 'reexport', spec, name: '*' });
      } else {
        for (const el of clause.elements) {
          const local = el.propertyName ? moduleExportNameText(el.propertyName) : moduleExportNameText(el.name);
          const name = moduleExportNameText(el.name);
          exports.set(name, spec ? { kind: 'reexport', spec, name: local } : { kind: 'local', name: local });
        }
      }
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression)) {
      // CommonJS: module.exports = …, module.exports.X = …, exports.X = …
      const be = st.expression;
      if (be.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const lhs = be.left.getText(sf);
      if (lhs === 'module.exports') model.cjsExport = be.right;
      else {
        const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(lhs);
        if (m && m[1]) exports.set(m[1], { kind: 'expr', node: be.right });
      }
    }
  }
}

export function collectBindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const out: string[] = [];
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) out.push(...collectBindingNames(el.name));
  return out;
}

export function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

export function locOf(file: FileModel, node: ts.Node): Location {
  const lc = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf));
  return { file: file.path, line: lc.line + 1, column: lc.character + 1 };
}
