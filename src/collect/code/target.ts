/**
 * The target of a client call site: its URL (base and path joined, resolved through
 * constants and config, redacted), the config keys and where the value is written,
 * and the SOAP namespace/operation of the call or of its function.
 */
import type { Location, ResolutionStep, TargetFact } from '../../facts/types.js';
import { redactEndpoint } from '../credentials/candidates.js';
import { ABSOLUTE_URL, joinUrl, uniq } from '../resolution.js';
import { exprText } from './resolve.js';
import { soapContext } from './soap.js';
import type { ClientCall, FnInfo, Node, ParsedFile, Val } from './types.js';

interface UrlPiece {
  s?: string;
  ph: string;
  via: ResolutionStep[];
  keys: string[];
  def?: Location;
  complete: boolean;
}

function piece(fa: ParsedFile, v: Node | Val | undefined): UrlPiece | undefined {
  if (!v) return undefined;
  const isNode = 'startIndex' in v;
  const val: Val | undefined = isNode ? fa.resolver.resolve(v as Node) : (v as Val);
  const ph = isNode ? '${' + exprText(v as Node) + '}' : '${?}';
  if (!val) return isNode ? { ph, via: [], keys: [], complete: false } : undefined;
  if (val.t === 'str') {
    const p: UrlPiece = { s: val.s, ph: val.s, via: val.via, keys: val.keys, complete: val.complete };
    // A literal handed over as a node (`new EndpointAddress("http://…")` made elsewhere) is written where that node is.
    const def = val.def ?? (isNode ? fa.loc(v as Node) : undefined);
    if (def) p.def = def;
    return p;
  }
  if (val.t === 'ref') return { ph: val.keys[0] ? '${' + val.keys[0] + '}' : ph, via: val.via, keys: val.keys, complete: false };
  return { ph, via: [], keys: [], complete: false };
}

function combine(base: UrlPiece | undefined, path: UrlPiece | undefined): UrlPiece | undefined {
  if (!base) return path;
  if (!path) return base;
  if (path.s !== undefined && ABSOLUTE_URL.test(path.s)) return path;
  const s = joinUrl(base.s ?? base.ph, path.s ?? path.ph);
  const out: UrlPiece = {
    ph: s,
    via: uniq<ResolutionStep>(['concatenation', ...base.via, ...path.via]),
    keys: uniq([...base.keys, ...path.keys]),
    complete: base.complete && path.complete,
  };
  if (base.s !== undefined || path.s !== undefined) out.s = s;
  const def = base.def ?? path.def;
  if (def) out.def = def;
  return out;
}

function insideNode(fa: ParsedFile, def: Location, node: Node): boolean {
  if (def.file !== fa.path) return false;
  const start = node.startPosition.row + 1;
  const end = node.endPosition.row + 1;
  return def.line >= start && def.line <= end;
}

export function targetOf(fa: ParsedFile, c: ClientCall, info: FnInfo): TargetFact {
  const full = combine(piece(fa, c.base), piece(fa, c.url));
  const target: TargetFact = { via: [] };
  if (full) {
    if (full.s !== undefined) {
      target.url = redactEndpoint(full.s);
      target.via = full.via;
    } else {
      target.via = full.via.filter((s) => s === 'env' || s === 'config' || s === 'constant' || s === 'property' || s === 'env-default');
    }
    if (full.keys.length) target.keys = full.keys;
    if (full.def && !insideNode(fa, full.def, c.node)) target.definedAt = full.def;
  }
  const soap = soapContext(fa, info);
  const ns = c.namespace ?? soap.namespace;
  const op = c.operation ?? soap.operation;
  if (ns) target.namespace = ns;
  if (op) target.operation = op;
  return target;
}
