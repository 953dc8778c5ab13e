/**
 * SOAP target of a call, from the function it is made in: the DB's namespace
 * (`settings.soapNamespaces`) in a string of the function or in a constant it uses
 * (an envelope, a SOAPAction), and an operation name matching
 * `settings.operationPatterns` in those strings, else among the methods called and
 * types created there (`createTraCuuThongTinCongDanRequest`, `TraCuuThongTinCongDanAsync`,
 * `new TraCuuThongTinCongDanRequest()`), with `create`/`Async`/`Request`/`Response`
 * trimmed.
 */
import { matchesAny } from '../../policy/settings.js';
import { contains, spanOf } from './span.js';
import type { FnInfo, ParsedFile } from './types.js';

const memo = new WeakMap<FnInfo, { namespace?: string; operation?: string }>();

/** `createTraCuuThongTinCongDanRequest` → `TraCuuThongTinCongDan`; `traCuuThongTinCongDan` → `TraCuuThongTinCongDan`. */
export function operationName(token: string): string {
  let t = token.replace(/^(?:create|get|call|invoke)(?=[A-Z])/, '');
  t = t.replace(/(?:Async|RequestType|ResponseType|Request|Response|Req|Resp|Input|Output|Body)+$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The operation a token names, if it is one per the settings. */
export function matchOperation(fa: ParsedFile, token: string): string | undefined {
  if (token.length < 4) return undefined;
  const name = operationName(token);
  if (matchesAny(name, fa.patterns.operation)) return name;
  return undefined;
}

export function soapContext(fa: ParsedFile, fn: FnInfo): { namespace?: string; operation?: string } {
  const m = memo.get(fn);
  if (m) return m;
  const out: { namespace?: string; operation?: string } = {};
  const span = fn.span ?? { start: 0, end: fa.text.length };
  const strings: string[] = [];
  for (const s of fa.captures('string')) {
    if (!contains(span, spanOf(s))) continue;
    const v = fa.syntax.stringValue(s) ?? fa.resolver.str(s)?.s;
    if (v) strings.push(v);
  }
  // Constants the function uses (by name): an envelope or a SOAPAction kept in a field.
  const body = fa.text.slice(span.start, span.end);
  for (const d of fa.decls.all()) {
    if ((d.kind !== 'field' && d.kind !== 'property') || !d.value) continue;
    if (d.nameNode.startIndex >= span.start && d.nameNode.endIndex <= span.end) continue;
    if (!new RegExp(`\\b${d.name.replace(/[$]/g, '\\$')}\\b`).test(body)) continue;
    const v = fa.resolver.declaration(d);
    if (v?.t === 'str') strings.push(v.s);
  }
  for (const s of strings) {
    const ns = fa.settings.soapNamespaces.find((n) => s.includes(n));
    if (ns) {
      out.namespace = ns;
      break;
    }
  }
  outer: for (const s of strings) {
    for (const tok of s.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      const op = matchOperation(fa, tok);
      if (op) {
        out.operation = op;
        break outer;
      }
    }
  }
  if (!out.operation) {
    for (const c of fn.callInfos) {
      const op = matchOperation(fa, c.method);
      if (op) {
        out.operation = op;
        break;
      }
    }
  }
  memo.set(fn, out);
  return out;
}
