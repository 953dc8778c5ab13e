/**
 * The target of a TypeScript client call: its URL (the call's URL or path, config
 * objects' `url`/`baseURL`/`prefixUrl`, `http(s).request` options, an instance's
 * base), its config keys and where it is written, and a SOAP namespace/operation from
 * envelopes and `SOAPAction` headers.
 */
import { ts } from 'ts-morph';
import type { Location, ResolutionStep, TargetFact } from '../../facts/types.js';
import { ABSOLUTE_URL, joinUrl, uniq } from '../resolution.js';
import type { Anchored, ClientCall } from './clients.js';
import type { FileModel } from './model.js';
import type { Resolver } from './resolve.js';
import { exprText, type Val } from './values.js';

interface UrlPiece {
  s?: string;
  /** How to show the piece when it did not resolve, e.g. `${process.env.BASE}`. */
  ph?: string;
  via: ResolutionStep[];
  keys: string[];
  def?: Location;
  complete: boolean;
}

function piece(v: Val | undefined, e: ts.Expression, file: FileModel): UrlPiece | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return { s: v.s, via: v.via, keys: v.keys, def: v.def, complete: v.complete };
  if (v.t === 'env') return { via: v.via, keys: v.keys, complete: false, ph: '${' + exprText(file, e) + '}' };
  return undefined;
}

/** A config object's property, with the config's own provenance prepended when it was not written inline. */
function configProp(cfg: Val | undefined, name: string, r: Resolver): Val | undefined {
  if (cfg?.t !== 'node' || !ts.isObjectLiteralExpression(cfg.node)) return undefined;
  const v = r.objectProperty(cfg.node, name, cfg.file, 1, new Set());
  if (!v) return undefined;
  if (cfg.via.length === 0) return v;
  if (v.t === 'str') return { ...v, via: uniq<ResolutionStep>(['property', ...cfg.via, ...v.via]) };
  if (v.t === 'env') return { ...v, via: uniq<ResolutionStep>(['property', ...cfg.via, ...v.via]) };
  if (v.t === 'node') return { ...v, via: uniq<ResolutionStep>(['property', ...cfg.via, ...v.via]) };
  return v;
}

function resolveConfig(a: Anchored, r: Resolver): Val | undefined {
  return r.resolve(a.e, a.file);
}

function combine(base: UrlPiece | undefined, path: UrlPiece | undefined): UrlPiece | undefined {
  if (!base) return path;
  if (!path) return base;
  if (path.s !== undefined && ABSOLUTE_URL.test(path.s)) return path;
  const s = joinUrl(base.s ?? base.ph ?? '${base}', path.s ?? path.ph ?? '${path}');
  return {
    s: base.s === undefined && path.s === undefined ? undefined : s,
    ph: s,
    via: uniq<ResolutionStep>(['concatenation', ...base.via, ...path.via]),
    keys: uniq([...base.keys, ...path.keys]),
    def: path.def ?? base.def,
    complete: base.complete && path.complete,
  };
}

/** Work out the target of a client call. `extraBodies` are e.g. `req.write(envelope)` in the same function. */
export function buildTarget(c: ClientCall, file: FileModel, r: Resolver, soapNamespaces: string[], extraBodies: Anchored[]): TargetFact {
  let urlP: UrlPiece | undefined;
  const configs: Val[] = [];
  if (c.url) {
    const v = r.resolve(c.url.e, c.url.file);
    if (v?.t === 'node' && ts.isObjectLiteralExpression(v.node)) configs.push(v);
    else urlP = piece(v, c.url.e, c.url.file);
  }
  for (const a of c.configs) {
    const v = resolveConfig(a, r);
    if (v?.t === 'node' && ts.isObjectLiteralExpression(v.node)) configs.push(v);
  }
  const baseConfigVal = c.baseConfig ? resolveConfig(c.baseConfig, r) : undefined;
  // URL from config objects.
  if (!urlP) {
    for (const cfg of configs) {
      if (cfg === baseConfigVal) continue;
      const u = configProp(cfg, 'url', r) ?? configProp(cfg, 'uri', r) ?? configProp(cfg, 'href', r);
      const p = u && cfgPiece(u);
      if (p) {
        urlP = p;
        break;
      }
      if (c.httpOptions) {
        const h = httpOptionsUrl(cfg, r, c.httpOptions.defaultProtocol);
        if (h) {
          urlP = h;
          break;
        }
      }
      if (c.client === 'undici') {
        const pth = configProp(cfg, 'path', r);
        const pp = pth && cfgPiece(pth);
        if (pp) {
          urlP = pp;
          break;
        }
      }
    }
  }
  // Base URL (instance or per-call baseURL/prefixUrl).
  let baseP: UrlPiece | undefined;
  if (c.base) baseP = piece(r.resolve(c.base.e, c.base.file), c.base.e, c.base.file);
  if (!baseP) {
    for (const cfg of configs.concat(baseConfigVal && !configs.includes(baseConfigVal) ? [baseConfigVal] : [])) {
      const b = configProp(cfg, 'baseURL', r) ?? configProp(cfg, 'prefixUrl', r) ?? configProp(cfg, 'baseUrl', r);
      const p = b && cfgPiece(b);
      if (p) {
        baseP = p;
        break;
      }
    }
  }
  const full = combine(baseP, urlP);
  const target: TargetFact = { via: [] };
  if (full) {
    if (full.s !== undefined) target.url = full.s;
    target.via = full.s !== undefined ? full.via : full.via.filter((s) => s === 'env' || s === 'config' || s === 'import' || s === 'constant' || s === 'property');
    if (full.s === undefined && target.via.length === 0) target.via = ['env'];
    if (full.keys.length) target.keys = full.keys;
    if (full.def && !insideCall(full.def, c.node, file)) target.definedAt = full.def;
  }
  if (c.operation) target.operation = c.operation;
  // SOAP namespace / operation from envelopes and SOAPAction headers.
  const bodies: Anchored[] = [...c.bodies, ...extraBodies];
  const bodyStrings: string[] = [];
  for (const b of bodies) {
    const v = r.resolve(b.e, b.file);
    if (v?.t === 'str') bodyStrings.push(v.s);
  }
  for (const cfg of configs.concat(baseConfigVal ? [baseConfigVal] : [])) {
    for (const k of ['body', 'data', 'xml', 'json', 'form']) {
      const v = configProp(cfg, k, r);
      if (v?.t === 'str') bodyStrings.push(v.s);
    }
    const h = configProp(cfg, 'headers', r);
    if (h?.t === 'node' && ts.isObjectLiteralExpression(h.node)) {
      for (const key of ['SOAPAction', 'soapAction', 'SOAPACTION', 'soapaction']) {
        const a = r.objectProperty(h.node, key, h.file, 1, new Set());
        if (a?.t === 'str' && a.s && !target.operation) {
          const op = a.s.replace(/^"|"$/g, '').split(/[/#]/).filter(Boolean).pop();
          if (op && /^[A-Za-z_][\w]*$/.test(op)) target.operation = op;
        }
      }
    }
  }
  for (const s of bodyStrings) {
    const env = envelopeInfo(s, soapNamespaces);
    if (env.namespace && !target.namespace) target.namespace = env.namespace;
    if (env.operation && !target.operation) target.operation = env.operation;
  }
  return target;
}

function cfgPiece(v: Val): UrlPiece | undefined {
  if (v.t === 'str') return { s: v.s, via: v.via, keys: v.keys, def: v.def, complete: v.complete };
  if (v.t === 'env') return { via: v.via, keys: v.keys, complete: false, ph: '${' + (v.step === 'env' ? 'process.env.' : '') + v.key + '}' };
  return undefined;
}

function httpOptionsUrl(cfg: Val, r: Resolver, defaultProtocol: string): UrlPiece | undefined {
  const host = configProp(cfg, 'hostname', r) ?? configProp(cfg, 'host', r);
  const hp = host && cfgPiece(host);
  if (!hp) return undefined;
  const proto = configProp(cfg, 'protocol', r);
  const port = configProp(cfg, 'port', r);
  const path = configProp(cfg, 'path', r);
  const parts: UrlPiece[] = [];
  const pp = proto && cfgPiece(proto);
  const protoS = pp?.s ?? defaultProtocol;
  const portP = port && cfgPiece(port);
  const pathP = path && cfgPiece(path);
  const hostS = hp.s ?? '${' + (hp.keys[0] ?? 'host') + '}';
  let s = `${protoS.endsWith(':') ? protoS : protoS + ':'}//${hostS}`;
  if (portP) s += ':' + (portP.s ?? '${port}');
  s += pathP ? (pathP.s ?? '${path}') : '/';
  for (const p of [pp, hp, portP, pathP]) if (p) parts.push(p);
  return {
    s,
    via: uniq<ResolutionStep>(['concatenation', ...parts.flatMap((p) => p.via)]),
    keys: uniq(parts.flatMap((p) => p.keys)),
    def: hp.def,
    complete: parts.every((p) => p.complete),
  };
}

function insideCall(def: Location, call: ts.Node, file: FileModel): boolean {
  if (def.file !== file.path) return false;
  const start = file.sf.getLineAndCharacterOfPosition(call.getStart(file.sf));
  const end = file.sf.getLineAndCharacterOfPosition(call.getEnd());
  const line = def.line - 1;
  const col = (def.column ?? 1) - 1;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && col < start.character) return false;
  if (line === end.line && col > end.character) return false;
  return true;
}

const STANDARD_NS = /schemas\.xmlsoap\.org|www\.w3\.org|docs\.oasis-open\.org/i;

/** Namespace and operation of a SOAP envelope held in a string. */
export function envelopeInfo(s: string, soapNamespaces: string[]): { namespace?: string; operation?: string } {
  if (!s.includes('xmlns') && !/<\w+:Body/i.test(s)) return {};
  const out: { namespace?: string; operation?: string } = {};
  const nsRe = /xmlns(?::[\w.-]+)?\s*=\s*["']([^"']+)["']/g;
  const all: string[] = [];
  for (let m = nsRe.exec(s); m; m = nsRe.exec(s)) if (m[1]) all.push(m[1]);
  out.namespace = all.find((n) => soapNamespaces.includes(n)) ?? all.find((n) => !STANDARD_NS.test(n));
  const body = /<(?:[\w.-]+:)?Body\b[^>]*>\s*<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)/i.exec(s);
  if (body?.[1]) out.operation = body[1];
  return out;
}

