/**
 * Full analysis of one TypeScript/JavaScript file: client call sites with their
 * target and code-path context, TLS switches, credentials, stand-alone tool signals
 * and parse diagnostics.
 */
import { ts } from 'ts-morph';
import type { CallSiteFact, CredentialFact, DiagnosticFact, EndpointFact, LogWriteFact, OfficerFieldFact, TlsSettingFact, ToolFact } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import { matchesAny } from '../../policy/settings.js';
import { isSensitiveKey, redactEndpoint } from '../credentials/candidates.js';
import { classifyCall, soapCreateCall, type Anchored, type ClassifyEnv, type ClientCall } from './clients.js';
import { buildTarget } from './targets.js';
import { FnIndex, type FnInfo, type Limiter } from './context.js';
import { CredentialScanner } from './credentials.js';
import { lineOf, type FileModel } from './model.js';
import { callName, lastSegment } from './names.js';
import { type Resolver } from './resolve.js';
import { normSpec, propName, unwrap } from './values.js';
import { fileWideTls, tlsOffIn, tlsSettingAt, type TlsHit } from './tls.js';
import { isBrowserFile, isNavigation, literalEndpoint, usesWebDriver } from './endpoints.js';
import { auditWrites, fieldsOfInfo, worthAuditing } from './audit.js';
import { mentionsOfficerField, urlTier } from '../code/kit/tiers.js';
import { fieldsMatter } from '../code/kit/fields.js';
import { logWritesTs, officerFieldsTs } from './quality.js';
import { aroundCallers, callerFacts } from '../code/kit/callers.js';
import { ToolSignals } from '../code/kit/tools.js';
import { importSignals, nodeSignals, shebangSignal, underToolDir } from './tools.js';

export interface Patterns {
  endpoint: RegExp[];
  operation: RegExp[];
  limiter: RegExp[];
}

export interface AnalyzerEnv {
  resolver: Resolver;
  settings: Settings;
  patterns: Patterns;
  binEntries: Set<string>;
  /** Whether a path lies in a front-end app's package (endpoints.ts). */
  frontend?: (path: string) => boolean;
}

export interface FileResult {
  callSites: CallSiteFact[];
  tlsSettings: TlsSettingFact[];
  credentials: CredentialFact[];
  diagnostics: DiagnosticFact[];
  /** URLs a browser-automation script navigates to (page.goto): the portal it scrapes. */
  endpoints: EndpointFact[];
  tool?: ToolFact;
  logWrites: LogWriteFact[];
  officerFields: OfficerFieldFact[];
  /** soap.createClient call sites, reported only if no operation is seen on their client. */
  soapCreates: Array<{ node: ts.CallExpression; fact: CallSiteFact }>;
  /** soap.createClient calls whose client was seen making an operation call. */
  usedSoapCreates: ts.CallExpression[];
}

const MAX_DIAGNOSTICS = 1;
const NAVIGATION_NAMES = new Set(['goto', 'navigate', 'url', 'get', 'navigateTo', 'to']);

// `ts.isX()` goes through a getter on TypeScript's namespace object: the hot walk compares kinds.
const K = ts.SyntaxKind;
const CRED_KINDS = new Set<ts.SyntaxKind>([
  K.VariableDeclaration, K.PropertyAssignment, K.PropertyDeclaration, K.Parameter, K.BindingElement, K.BinaryExpression, K.CallExpression,
]);
const SIGNAL_KINDS = new Set<ts.SyntaxKind>([
  K.BinaryExpression, K.PropertyAccessExpression, K.ElementAccessExpression, K.CallExpression, K.Decorator,
]);
const TLS_KINDS = new Set<ts.SyntaxKind>([K.PropertyAssignment, K.BinaryExpression, K.StringLiteral, K.NoSubstitutionTemplateLiteral, K.CallExpression]);
const LITERAL_KINDS = new Set<ts.SyntaxKind>([K.StringLiteral, K.NoSubstitutionTemplateLiteral, K.TemplateExpression]);

export function analyzeFile(file: FileModel, env: AnalyzerEnv): FileResult {
  const { resolver: r, settings, patterns } = env;
  const sf = file.sf;
  const result: FileResult = { callSites: [], tlsSettings: [], credentials: [], diagnostics: [], endpoints: [], logWrites: [], officerFields: [], soapCreates: [], usedSoapCreates: [] };

  // Parse problems: reported, and what parsed is still analysed.
  const parseDiags = (sf as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  // The first error only: the rest are usually its echoes.
  // Errors inside blanked regions (depth.ts) are the blanking's, not the file's.
  const inBlanked = (line: number) => (file.blanked ?? []).some((b) => line >= b.line && line <= b.endLine);
  const ownDiags = parseDiags.filter((d) => !inBlanked(sf.getLineAndCharacterOfPosition(d.start ?? 0).line + 1));
  for (const d of ownDiags.slice(0, MAX_DIAGNOSTICS)) {
    const lc = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    result.diagnostics.push({
      file: file.path,
      line: lc.line + 1,
      column: lc.character + 1,
      kind: 'parse-error',
      message: ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 300),
    });
  }

  // Parts too deep to parse or walk were blanked (depth.ts): facts may be missing there.
  for (const b of file.blanked ?? []) {
    const lines = b.endLine > b.line ? `lines ${b.line}-${b.endLine}` : `line ${b.line}`;
    result.diagnostics.push({ file: file.path, line: b.line, kind: 'not-analysed', message: `${b.why}: ${lines} not analysed` });
  }

  // One walk: calls, TLS switches, credentials, tool signals, imports.
  const calls: Array<ts.CallExpression | ts.NewExpression> = [];
  const signals = new ToolSignals();
  const creds = new CredentialScanner(file, settings, r);
  let fileTls: TlsHit | undefined;
  const importSpecs: Array<{ spec: string; line: number; names: string[] }> = [];
  const gotos: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    const kind = n.kind;
    if (kind === K.CallExpression || kind === K.NewExpression) {
      calls.push(n as ts.CallExpression | ts.NewExpression);
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
          const a = n.arguments[0] && unwrap(n.arguments[0]);
          if (a && ts.isStringLiteralLike(a)) importSpecs.push({ spec: a.text, line: lineOf(sf, n), names: requireNames(n) });
        } else if (ts.isPropertyAccessExpression(callee) && NAVIGATION_NAMES.has(callee.name.text)) {
          gotos.push(n);
        }
      }
    } else if (kind === K.ImportDeclaration && ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const names: string[] = [];
      const nb = n.importClause?.namedBindings;
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) names.push((el.propertyName ?? el.name).text);
      importSpecs.push({ spec: n.moduleSpecifier.text, line: lineOf(sf, n), names });
    }
    if (TLS_KINDS.has(kind)) {
      const t = tlsSettingAt(file, n);
      if (t) result.tlsSettings.push({ file: file.path, line: t.line, column: t.column, setting: t.setting, language: file.language });
    }
    if (LITERAL_KINDS.has(kind)) {
      const e = literalEndpoint(file, n, settings);
      if (e && !result.endpoints.some((o) => o.line === e.line && o.url === e.url)) result.endpoints.push(e);
    }
    if (!fileTls && (kind === K.BinaryExpression || kind === K.CallExpression)) fileTls = fileWideTls(file, n, r);
    if (CRED_KINDS.has(kind)) creds.visit(n);
    if (SIGNAL_KINDS.has(kind)) nodeSignals(file, n, signals);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  result.credentials = creds.out;
  file.importSpecs = importSpecs;

  // Client calls.
  const imports = new Set(importSpecs.map((i) => normSpec(i.spec)));
  const soapish = imports.has('soap') || imports.has('strong-soap') || file.text.includes('createClient');
  const cenv: ClassifyEnv = { resolver: r, operationPatterns: patterns.operation, limiterPatterns: patterns.limiter, soapish };
  const clientCalls: ClientCall[] = [];
  const soapCreates: ts.CallExpression[] = [];
  for (const c of calls) {
    if (!ts.isCallExpression(c)) continue;
    if (soapish && soapCreateCall(c, file, r)) {
      soapCreates.push(c);
      continue;
    }
    let cc: ClientCall | undefined;
    try {
      cc = classifyCall(c, file, cenv);
    } catch {
      cc = undefined;
    }
    if (cc) clientCalls.push(cc);
  }
  const clientNodes = new Set<ts.Node>([...clientCalls.map((c) => c.node), ...soapCreates]);
  const browser = isBrowserFile(file, importSpecs, env.frontend);
  let built: FnIndex | undefined;
  const getIndex = (): FnIndex => (built ??= new FnIndex(file, r, clientNodes, patterns.limiter, calls));

  const fact = (c: ClientCall): CallSiteFact => {
    const index = getIndex();
    const boundary = index.boundaryOf(c.node);
    const info = index.info(boundary);
    const extraBodies: Anchored[] = [];
    if (c.client === 'http' || c.client === 'https' || c.client === 'request' || c.client === 'undici') {
      for (const w of info.callNodes) {
        const m = lastSegment(callName(w.expression));
        if ((m === 'write' || m === 'end') && w.arguments[0]) extraBodies.push({ e: w.arguments[0], file });
      }
    }
    const target = buildTarget(c, file, r, settings.soapNamespaces, extraBodies);
    if (target.url !== undefined) target.url = redactEndpoint(target.url);
    const lc = sf.getLineAndCharacterOfPosition(c.node.getStart(sf));
    const site: CallSiteFact = {
      file: file.path,
      line: lc.line + 1,
      column: lc.character + 1,
      language: file.language,
      client: c.client,
      callee: calleeText(c.node, file, settings),
      target,
      function: { name: info.name, line: info.line },
      callsInFunction: [...info.calls],
      callers: [],
    };
    if (fieldsMatter(target.url, settings, patterns.endpoint)) {
      const fields = fieldsOfInfo(file, info, settings);
      if (fields.length) target.fields = fields;
    }
    if (browser) site.browser = true;
    const callers = index.callersOf(info);
    site.callers = callerFacts(callers);
    if (worthAuditing(target, settings, patterns)) {
      const writes = auditWrites(file, r, info, callers, settings);
      if (writes.length) site.auditWrites = writes;
    }
    // Loop: in the function, else around a call of it in a same-file caller.
    const loop = index.loopAround(c.node, boundary) ?? aroundCallers(callers, (s, g) => index.loopAround(s, g.node));
    if (loop) site.loop = loop;
    const limiter = c.limiter ?? limiterFor(index, c.node, boundary, info, callers);
    if (limiter) site.limiter = limiter;
    const tls = callTls(c, r) ?? fileTls;
    if (tls) site.tlsVerifyDisabled = { setting: tls.setting, line: tls.line };
    return site;
  };

  for (const c of clientCalls) {
    try {
      result.callSites.push(fact(c));
      if (c.soapCreate) result.usedSoapCreates.push(c.soapCreate);
    } catch (err) {
      result.diagnostics.push({
        file: file.path,
        line: lineOf(sf, c.node),
        kind: 'not-analysed',
        message: `internal: could not analyse call (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      });
    }
  }
  for (const node of soapCreates) {
    const args = node.arguments;
    const cc: ClientCall = {
      node,
      client: 'soap',
      configs: [],
      bodies: [],
      base: args[0] ? { e: args[0], file } : undefined,
    };
    const opt = args[1] && !ts.isFunctionLike(unwrap(args[1])) ? args[1] : undefined;
    if (opt) cc.configs.push({ e: opt, file });
    try {
      result.soapCreates.push({ node, fact: fact(cc) });
    } catch {
      // ignored: a createClient we cannot describe is not a call site we can report
    }
  }

  // Audit-log quality: log writes beside client calls, officer-id fields.
  try {
    if (clientCalls.length) {
      const index = getIndex();
      const byFn = new Map<ts.Node, { info: FnInfo; clients: ts.Node[] }>();
      for (const c of clientCalls) {
        const b = index.boundaryOf(c.node);
        const entry = byFn.get(b) ?? { info: index.info(b), clients: [] };
        entry.clients.push(c.node);
        byFn.set(b, entry);
      }
      result.logWrites = logWritesTs(file, r, [...byFn.values()], settings);
    }
    if (mentionsOfficerField(file.text, settings)) result.officerFields = officerFieldsTs(file, r, settings);
  } catch {
    // best effort: the call sites still count
  }

  // Stand-alone tool signals.
  shebangSignal(file, signals);
  if (env.binEntries.has(file.path)) signals.add('bin', 'package.json bin', 1);
  for (const i of importSpecs) importSignals(i.spec, i.line, i.names, signals);
  const webdriver = usesWebDriver(importSpecs);
  for (const g of gotos) {
    const a = g.arguments[0];
    if (!a || !isNavigation(g, webdriver)) continue;
    const v = r.resolve(a, file);
    if (v?.t === 'str' && /^https?:\/\//i.test(v.s)) {
      const pos = sf.getLineAndCharacterOfPosition(a.getStart(sf));
      const line = pos.line + 1;
      const url = redactEndpoint(v.s);
      const how = callName(g.expression) || 'goto';
      const same = result.endpoints.find((o) => o.line === line && o.url === url);
      if (same) Object.assign(same, { key: how, navigation: true });
      else result.endpoints.push({ file: file.path, line, column: pos.character + 1, key: how, url, source: 'source', navigation: true });
      const tier = urlTier(v.s, settings);
      if (tier === 'db' || tier === 'portal') signals.add('browser-automation', `${how} to a population-DB portal`, lineOf(sf, g));
    }
  }
  const dir = underToolDir(file.path);
  if (dir) {
    const db = [...result.callSites, ...result.soapCreates.map((s) => s.fact)].find((s) => isDbCall(s, settings, patterns));
    if (db) signals.add('script', `under ${dir}/ and calls the population DB`, db.line);
  }
  const tool = signals.best();
  if (tool) result.tool = tool;
  return result;
}

function requireNames(call: ts.CallExpression): string[] {
  const p = call.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name)) {
    return p.name.elements.map((e) => propName(e.propertyName ?? (ts.isIdentifier(e.name) ? e.name : undefined)) ?? '').filter(Boolean);
  }
  return [];
}

export function isDbCall(s: CallSiteFact, settings: Settings, patterns: Patterns): boolean {
  const t = s.target;
  if (t.url && matchesAny(t.url, patterns.endpoint)) return true;
  if (t.namespace && settings.soapNamespaces.includes(t.namespace)) return true;
  if (t.operation && matchesAny(t.operation, patterns.operation)) return true;
  return (t.keys ?? []).some((k) => matchesAny(k, patterns.endpoint));
}

function limiterFor(
  index: FnIndex,
  node: ts.Node,
  boundary: ts.Node,
  info: FnInfo,
  callers: Array<{ info: FnInfo; sites: ts.Node[] }>,
): Limiter | undefined {
  return index.limiterAround(node, boundary) ?? index.gateIn(info) ?? aroundCallers(callers, (s, g) => index.limiterAround(s, g.node));
}

function callTls(c: ClientCall, r: Resolver): TlsHit | undefined {
  const anchors: Anchored[] = [...c.configs];
  if (c.url) anchors.push(c.url);
  for (const a of anchors) {
    const v = r.resolve(a.e, a.file);
    if (!v) continue;
    const h = tlsOffIn(v, r, 0);
    if (h) return h;
  }
  return undefined;
}

const LONG_LITERAL = 40;

/**
 * The call as written, whitespace collapsed, at most 200 characters; literals longer
 * than 40 characters, literals under a sensitive key, `Basic …`/`Bearer …` values and
 * URL passwords are elided, so no secret is copied into a fact.
 */
export function calleeText(call: ts.Node, file: FileModel, settings: Settings): string {
  const sf = file.sf;
  const start = call.getStart(sf);
  const text = file.text.slice(start, call.getEnd());
  const cuts: Array<[number, number, string]> = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      const s = n.getStart(sf);
      const raw = file.text.slice(s, n.getEnd());
      const value = (n as ts.LiteralLikeNode).text;
      let elide =
        value.length > LONG_LITERAL ||
        /^(Basic|Bearer|Token)\s/i.test(value) ||
        /:\/\/[^\s/@:]*:[^\s/@]*@/.test(value) ||
        /^[^\s:/]+:[^\s]+$/.test(value) || // user:pass
        /(pass|pwd|secret|token|key|sig|auth)[^=&?\s]*=[^&\s]/i.test(value); // ?token=…
      // Anything under a sensitive key or an Authorization header, or fed to base64.
      for (let p: ts.Node | undefined = n.parent; !elide && p && p !== call; p = p.parent) {
        if (ts.isPropertyAssignment(p)) {
          const k = propName(p.name);
          if (k && (isSensitiveKey(k, settings) || /^authori[sz]ation$/i.test(k))) elide = true;
        } else if (ts.isCallExpression(p) && /(^|\.)(Buffer\.from|btoa)$/.test(callName(p.expression))) elide = true;
      }
      if (elide) {
        const q = raw[0] ?? "'";
        if (ts.isTemplateHead(n)) cuts.push([s - start, n.getEnd() - start, '`…${']);
        else if (ts.isTemplateMiddle(n)) cuts.push([s - start, n.getEnd() - start, '}…${']);
        else if (ts.isTemplateTail(n)) cuts.push([s - start, n.getEnd() - start, '}…`']);
        else cuts.push([s - start, n.getEnd() - start, `${q}…${q}`]);
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(call);
  let out = '';
  let at = 0;
  for (const [a, b, rep] of cuts) {
    out += text.slice(at, a) + rep;
    at = b;
  }
  out += text.slice(at);
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length > 200) out = out.slice(0, 199) + '…';
  return out;
}
