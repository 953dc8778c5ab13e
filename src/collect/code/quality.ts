/**
 * Audit-log quality facts of a tree-sitter file (R3):
 *
 * - log writes in a function that makes a client call, with what they write that a
 *   log must not hold: the response of a call (the citizen record) or what was parsed
 *   from it (`taint.ts`), an object serialised whole (`JsonSerializer.Serialize(user)`),
 *   a value under a sensitive name (`token`), an object a secret is read from, logged
 *   whole (`body` after `body.getString("accessToken")`);
 * - officer-id fields (`MaCanBo`, settings.officerFieldPatterns) given a value: where
 *   the value comes from (a literal, a constant, one config value, the signed-in user…).
 *
 * Facts only: the policy (policies/logging) decides what is a finding.
 */
import type { Language, LogWriteFact, OfficerFieldFact } from '../../facts/types.js';
import { matchesAny } from '../../policy/settings.js';
import { settingsPatterns } from './kit/patterns.js';
import { isSensitiveKey } from '../credentials/candidates.js';
import { mentionsOfficerField } from './kit/tiers.js';
import { lastSegment } from './kit/names.js';
import { exprText } from './resolve.js';
import { Taint } from './taint.js';
import type { CallInfo, FnInfo, Node, ParsedFile } from './types.js';

/** Output calls that are logs even when no logger pattern names them. */
const OUTPUT = /(^|\.)(System\.(out|err)\.print(ln|f)?|console\.(log|error|warn|info|debug)|Console\.Write(Line)?|Debug\.Write(Line)?|Trace\.Write(Line)?|error_log|fmt\.(Print|Println|Printf)|log\.(Print|Println|Printf|Fatal|Fatalf|Panic|Panicf))$/;
/** Calls that serialise an object whole. */
const SERIALIZER = /(^|\.)(JSON\.stringify|SerializeObject|Serialize|toJson|toJSONString|writeValueAsString|dumps|json_encode|print_r|var_export|serialize|Marshal|MarshalIndent|ToJson|asdict|model_dump|to_dict)$/;
/** Sensitive-looking names that are not secrets themselves (a token's URL, a password's policy). */
const NOT_A_SECRET = /(url|uri|endpoint|path|host|expir\w*|type|length|count|size|header|name|field|claim|policy|format|label|title|message|msg|required|enabled|valid\w*)$/i;
/** Accessors that read a named field of an object: `x.getString("k")`, `x.get("k")`. */
const KEYED_GET = /^(get|getString|optString|getAsString|GetValue|GetProperty|Value|get_value|getProperty|getHeader|GetString|input|post)$/;
const USER = /(current_?user|currentUser|CurrentUser|\b_?user\.(Get|get|Id|id|name|Name|email|User)|User\.(Identity|FindFirst|Claims)|HttpContext\.User|ClaimsPrincipal|\bclaims?\b|Claims|getRemoteUser|getUserPrincipal|SecurityContextHolder|Authentication|\bprincipal\b|\bPrincipal\b|auth\(\)->user|Auth::user|\$request->user|request\.user|req\.user|session|Session|GetUserId|GetUserName|GetUserOfficeCode|getUsername|userId\b)/;

function loggerRegexes(fa: ParsedFile): RegExp[] {
  return settingsPatterns(fa.settings, 'loggerPatterns');
}

/** The functions of the file that make a reported client call. */
function clientFunctions(fa: ParsedFile, calls: readonly Node[], fns: (n: Node) => FnInfo): Set<FnInfo> {
  const out = new Set<FnInfo>();
  for (const n of calls) out.add(fns(n));
  return out;
}

/** Calls that set a request header or parameter: `setRequestProperty("Authorization", v)`, `.header("lgspaccesstoken", v)`. */
const HEADER_SET = /^(setRequestProperty|addRequestProperty|header|setHeader|addHeader|set|add|Add|append|put|TryAddWithoutValidation|AddHeader|AddDefaultHeader|param|withHeader|setBearerAuth|setBasicAuth)$/;

/**
 * The credentials a function's calls authenticate with: the names inside the values it
 * gives to an `Authorization`-like, secret-named or gateway-marker header or parameter
 * (`"Bearer " + token` → `token`), and the objects such a value is read from
 * (`body.getString("accessToken")` → `body`, logged whole it carries the secret).
 */
function authNames(fa: ParsedFile, info: FnInfo): { secrets: Set<string>; carriers: Set<string> } {
  const secrets = new Set<string>();
  const carriers = new Set<string>();
  const gateway = settingsPatterns(fa.settings, 'gatewayMarkerPatterns');
  for (const c of info.callInfos) {
    if (c.isNew || !HEADER_SET.test(c.method) || c.args.length < 2) continue;
    const k = fa.syntax.stringValue(fa.syntax.unwrap(c.args[0]!));
    if (!k || !(/^(authori[sz]ation|proxy-authorization|cookie)$/i.test(k) || isSecretName(fa, k) || matchesAny(k, gateway))) continue;
    const collect = (n: Node, depth: number): void => {
      if (depth > 6) return;
      const call = fa.callInfo(n);
      if (call && !call.isNew && call.receiver && KEYED_GET.test(call.method)) {
        const recv = fa.syntax.exprName(call.receiver);
        if (recv && !recv.includes('.')) carriers.add(recv);
        return;
      }
      const name = fa.syntax.exprName(n);
      if (name && !call && !name.includes('.')) secrets.add(name);
      for (const child of n.namedChildren) if (child) collect(child, depth + 1);
    };
    for (const a of c.args.slice(1)) collect(a, 0);
  }
  return { secrets, carriers };
}

function isSecretName(fa: ParsedFile, name: string): boolean {
  return isSensitiveKey(name, fa.settings) && !NOT_A_SECRET.test(name) && !/^(url|uri|endpoint|path|host)/i.test(name);
}

const MEMBER_FIELDS: ReadonlyArray<[string, string]> = [['object', 'field'], ['expression', 'name'], ['object', 'attribute'], ['operand', 'field'], ['object', 'name']];

/** The parts of a member access node (`a.b`, `a->b`), whatever the grammar calls them. */
export function memberParts(n: Node): { object: Node; name: string } | undefined {
  for (const [o, f] of MEMBER_FIELDS) {
    const object = n.childForFieldName(o);
    const name = n.childForFieldName(f);
    if (object && name && name.id !== object.id) return { object, name: name.text };
  }
  return undefined;
}

type Content = LogWriteFact['contents'][number];

const CONDITION = /conditional|ternary/;
const NO_CONTENT_CALL = /^(length|size|count|Count|Length|isEmpty|isBlank|IsNullOrEmpty|IsNullOrWhiteSpace|contains|Contains|startsWith|endsWith|equals|Equals|hashCode|getClass|GetType|substring|Substring|replaceAll|replace|Replace|mask\w*|successful|failed|ok|isOk|isSuccess\w*|status|getStatus\w*|StatusCode)$/;

function contentsOf(fa: ParsedFile, c: CallInfo, taint: Taint, auth: { secrets: ReadonlySet<string>; carriers: ReadonlySet<string> }): Content[] {
  const out: Content[] = [];
  const add = (kind: Content['kind'], n: Node) => {
    const expr = exprText(n, 60).replace(/(["'`])(?:(?!\1).){12,}\1/g, '$1…$1');
    if (!out.some((x) => x.kind === kind && x.expr === expr)) out.push({ kind, expr });
  };
  const visit = (n: Node, depth: number): void => {
    if (depth > 10 || out.length >= 6) return;
    if (fa.syntax.lambdaTypes.has(n.type)) return;
    const call = fa.callInfo(n);
    if (call) {
      if (call.isNew) return;
      if (NO_CONTENT_CALL.test(call.method)) return;
      if (SERIALIZER.test(call.name) && call.args[0] && fa.syntax.stringValue(fa.syntax.unwrap(call.args[0])) === undefined) {
        add('serialized', n);
        return;
      }
      if (taint.tainted(n)) {
        add('response', n);
        return;
      }
      if (call.receiver && KEYED_GET.test(call.method)) {
        const recv = fa.syntax.exprName(call.receiver);
        if (recv && auth.carriers.has(recv) && call.args[0]) {
          const k = fa.syntax.stringValue(fa.syntax.unwrap(call.args[0]));
          if (k && isSecretName(fa, k)) add('secret', n);
        }
        return;
      }
      // Only what is passed in: a receiver is judged by the call itself (a size, a flag, a masked copy).
      for (const a of call.args) visit(a, depth + 1);
      return;
    }
    if (/binary/.test(n.type)) {
      const op = n.childForFieldName('operator')?.text ?? '';
      if (op !== '+' && op !== '.') return; // a comparison or a flag, not content
      for (const child of n.namedChildren) if (child) visit(child, depth + 1); // each part on its own
      return;
    }
    const name = fa.syntax.exprName(n);
    if (name && taint.tainted(n)) {
      add('response', n);
      return;
    }
    if (name && !name.includes('.')) {
      const bare = name.replace(/^\$/, '');
      if (auth.secrets.has(name) || auth.secrets.has(bare)) add('secret', n);
      else if (auth.carriers.has(name) || auth.carriers.has(bare)) add('secret-carrier', n);
      return;
    }
    if (name) return; // a member read (`x.y`): one field, not the record, unless tainted above
    if (CONDITION.test(n.type)) {
      for (const f of ['consequence', 'alternative']) {
        const b = n.childForFieldName(f);
        if (b) visit(b, depth + 1);
      }
      if (n.childForFieldName('consequence')) return;
    }
    for (const child of n.namedChildren) if (child) visit(child, depth + 1);
  };
  for (const a of c.args) visit(a, 0);
  return out;
}

/** Log writes in the functions that make client calls. */
export function logWrites(fa: ParsedFile, clientNodes: readonly Node[], fnOf: (n: Node) => FnInfo): LogWriteFact[] {
  if (clientNodes.length === 0) return [];
  const logger = loggerRegexes(fa);
  const fns = clientFunctions(fa, clientNodes, fnOf);
  const taint = new Taint(fa, clientNodes);
  const out: LogWriteFact[] = [];
  const clients = new Set<number>(clientNodes.map((n) => n.id));
  for (const info of fns) {
    const auth = authNames(fa, info);
    for (const c of info.callInfos) {
      // The client call itself is never a log write, whatever the logger patterns match.
      if (clients.has(c.node.id)) continue;
      if (c.isNew || !(matchesAny(c.name, logger) || OUTPUT.test(c.name))) continue;
      const contents = contentsOf(fa, c, taint, auth);
      if (contents.length === 0) continue;
      const l = fa.loc(c.node);
      const w: LogWriteFact = { file: fa.path, line: l.line, language: fa.language as Language, logger: c.name, function: { name: info.name, line: info.line }, contents };
      if (l.column !== undefined) w.column = l.column;
      out.push(w);
    }
  }
  return out;
}

function officerPatterns(fa: ParsedFile): RegExp[] {
  return settingsPatterns(fa.settings, 'officerFieldPatterns');
}

/** Where an officer id's value comes from. */
function sourceOf(fa: ParsedFile, value: Node): { source: OfficerFieldFact['source']; keys?: string[] } {
  if (USER.test(value.text)) return { source: 'user' };
  const inner = fa.syntax.unwrap(value);
  if (fa.syntax.stringValue(inner) !== undefined || /^(integer|int_literal|integer_literal|decimal_integer_literal|number)$/.test(inner.type)) return { source: 'literal' };
  const v = fa.resolver.resolve(value);
  if (v?.t === 'str' || v?.t === 'ref') {
    const keys = v.keys.length ? { keys: v.keys.slice(0, 5) } : {};
    if (v.via.includes('config')) return { source: 'config', ...keys };
    if (v.via.includes('env') || v.via.includes('env-default')) return { source: 'env', ...keys };
    // A name that holds one fixed value (not a default behind a per-request read).
    if (v.t === 'str' && v.complete && v.via.includes('constant') && fa.syntax.exprName(inner)) return { source: 'constant' };
  }
  return { source: 'other' };
}

/** Field/value pairs of the file: assignments, setters and keyed calls, dictionary and object entries. */
function officerPairs(fa: ParsedFile): Array<{ field: string; value: Node; at: Node }> {
  const out: Array<{ field: string; value: Node; at: Node }> = [];
  for (const a of fa.assignments) if (a.operator === '=') out.push({ field: a.name, value: a.value, at: a.node });
  for (const c of fa.calls) {
    if (c.isNew) continue;
    if (/^set[A-Z]/.test(c.method) && c.args.length === 1) out.push({ field: c.method.slice(3), value: c.args[0]!, at: c.node });
    else if (c.args.length >= 2) {
      const k = fa.syntax.stringValue(fa.syntax.unwrap(c.args[0]!));
      if (k) out.push({ field: k, value: c.args[1]!, at: c.node });
    }
  }
  for (const p of [...fa.captures('pair'), ...fa.captures('keyed'), ...fa.captures('kwarg')]) {
    const key = p.childForFieldName('key') ?? p.childForFieldName('name') ?? p.namedChild(0);
    const value = p.childForFieldName('value') ?? (p.namedChildCount >= 2 ? p.namedChild(p.namedChildCount - 1) : null);
    if (!key || !value || key.id === value.id) continue;
    const k = fa.syntax.stringValue(fa.syntax.unwrap(key)) ?? key.text;
    out.push({ field: k, value, at: p });
  }
  for (const anon of fa.captures('anon')) {
    for (let i = 0; i + 2 < anon.childCount; i++) {
      const k = anon.child(i);
      const eq = anon.child(i + 1);
      const v = anon.child(i + 2);
      if (k?.type === 'identifier' && eq?.type === '=' && v) out.push({ field: k.text, value: v, at: k });
    }
  }
  return out;
}

/** Officer-id fields given a value in this file. */
export function officerFields(fa: ParsedFile): OfficerFieldFact[] {
  if (!mentionsOfficerField(fa.text, fa.settings)) return [];
  const patterns = officerPatterns(fa);
  const out: OfficerFieldFact[] = [];
  for (const p of officerPairs(fa)) {
    if (!matchesAny(p.field, patterns)) continue;
    const l = fa.loc(p.at);
    if (out.some((o) => o.line === l.line && o.field === p.field)) continue;
    const f: OfficerFieldFact = { file: fa.path, line: l.line, language: fa.language as Language, field: p.field, ...sourceOf(fa, p.value) };
    if (l.column !== undefined) f.column = l.column;
    out.push(f);
  }
  return out;
}
