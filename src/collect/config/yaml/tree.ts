/**
 * A small positional tree shared by the YAML and JSON collectors: maps, sequences and
 * scalars, each with its exact 1-based line and column, and a walker that flattens it
 * into leaves (`a.b[0].c` / `A:B:0:C`), pairing `{name|key, value}` items the way
 * Kubernetes `env[]` and Postman `auth` lists hold them.
 *
 * YAML is parsed with `yaml`'s `parseAllDocuments` + `LineCounter`; parse errors become
 * diagnostics with the line of the error (messages never quote the file, which may hold
 * secrets) and the documents that did parse are kept.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { DiagnosticFact } from '../../../facts/types.js';
import { parseError } from '../per-file.js';

export interface Pos {
  line: number;
  column: number;
}

export interface PScalar extends Pos {
  type: 'scalar';
  /** The scalar as text (`0123`, `false` kept as written); null for YAML/JSON null or an empty value. */
  value: string | null;
  /** YAML `|` block: content starts on the line after `line` (the indicator's line), lines map one to one. */
  blockLiteral?: boolean;
  /** Quoted in the source (`"…"` / `'…'`). */
  quoted?: boolean;
}

export interface PPair {
  key: string;
  keyPos: Pos;
  value: PNode | undefined;
}

export interface PMap extends Pos {
  type: 'map';
  pairs: PPair[];
}

export interface PSeq extends Pos {
  type: 'seq';
  items: Array<PNode | undefined>;
}

export type PNode = PScalar | PMap | PSeq;

export function mapGet(node: PNode | undefined, key: string): PNode | undefined {
  if (node?.type !== 'map') return undefined;
  for (const p of node.pairs) if (p.key === key) return p.value;
  return undefined;
}

export function scalarText(node: PNode | undefined): string | undefined {
  return node?.type === 'scalar' && node.value !== null ? node.value : undefined;
}

// ---------------------------------------------------------------------------
// YAML → tree

function convert(node: YamlNode | null | undefined, lc: LineCounter): PNode | undefined {
  if (!node || isAlias(node)) return undefined;
  const start = node.range?.[0] ?? 0;
  const { line, col } = lc.linePos(start);
  if (isScalar(node)) {
    const v = node.value;
    let value: string | null;
    if (v === null || v === undefined) value = null;
    else if (typeof v === 'string') value = v;
    else value = typeof node.source === 'string' && node.source !== '' ? node.source : String(v);
    const s: PScalar = { type: 'scalar', value, line, column: col };
    if (node.type === 'BLOCK_LITERAL') s.blockLiteral = true;
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') s.quoted = true;
    return s;
  }
  if (isMap(node)) {
    const pairs: PPair[] = [];
    for (const item of node.items) {
      const k = item.key as YamlNode | null;
      if (!k || !isScalar(k) || k.value === null || k.value === undefined) continue;
      const key = typeof k.value === 'string' ? k.value : (k.source ?? String(k.value));
      if (key === '<<') continue; // merge key: the merged values are reported where written
      const kp = lc.linePos(k.range?.[0] ?? start);
      pairs.push({ key, keyPos: { line: kp.line, column: kp.col }, value: convert(item.value as YamlNode | null, lc) });
    }
    return { type: 'map', pairs, line, column: col };
  }
  if (isSeq(node)) {
    return { type: 'seq', items: node.items.map((i) => convert(i as YamlNode | null, lc)), line, column: col };
  }
  return undefined;
}

/** A line that is only Go-template actions (`{{- if … }}`, `{{- include … | nindent 8 }}`). */
const ACTIONS_ONLY = /^\s*(?:\{\{[^\n]*?\}\}\s*)+$/;

/**
 * Mask Go-template actions (Helm templates) so the YAML around them parses; offsets and
 * line breaks are kept. A line of actions only, and an action over several lines
 * (`{{/* … *\/}}`), become blanks; an action inside a line becomes `${___}` of the same
 * length — a plain scalar wherever the action stood (a value, a key, part of a value),
 * and a placeholder to the credential heuristics.
 */
export function maskTemplates(text: string): string {
  const lines = text.split('\n').map((line) => (ACTIONS_ONLY.test(line) ? ' '.repeat(line.length) : line));
  const joined = lines.join('\n');
  let out = '';
  let at = 0;
  for (let open = joined.indexOf('{{', at); open >= 0; open = joined.indexOf('{{', at)) {
    const close = joined.indexOf('}}', open + 2);
    if (close < 0) break;
    const action = joined.slice(open, close + 2);
    out += joined.slice(at, open);
    if (action.includes('\n')) out += action.replace(/[^\n]/g, ' ');
    else out += `\${${'_'.repeat(Math.max(0, action.length - 3))}}`;
    at = close + 2;
  }
  return out + joined.slice(at);
}

/** True when the text holds Go-template actions (`{{ … }}`). */
export function isGoTemplate(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) > open;
}

/** Helm's own words inside actions: `.Values`, `.Release`, `.Chart`, `include "…"`, `toYaml`, `nindent`. */
const HELM_ACTION = /\{\{-?\s*(?:[^}]*\.(?:Values|Release|Chart|Capabilities|Files)\b|(?:include|template|tpl|toYaml|define|range|with)\b)|\|\s*n?indent\b/;

/** A Helm chart template: a file in a chart's `templates/` folder, or Go-template actions in Helm's words. */
export function isHelmTemplate(text: string, file: string): boolean {
  return /(?:^|\/)templates\//.test(file) || /\.tpl$/.test(file) || HELM_ACTION.test(text);
}

export interface YamlParse {
  /** The root node of every document that parsed without error (empty documents omitted). */
  docs: PNode[];
  diagnostics: DiagnosticFact[];
  /** A Go template whose documents did not all parse: the masked text and the failed documents' line spans. */
  templateLines?: { text: string; spans: Array<[number, number]> };
}

interface ParseOnce {
  docs: PNode[];
  errors: Array<{ line: number; column: number; message: string }>;
  /** Line spans (1-based, inclusive) of the documents that failed to parse. */
  failed: Array<[number, number]>;
}

function parseOnce(text: string): ParseOnce {
  const lc = new LineCounter();
  // The parser reports problems as Error objects; their stack traces are never read, and
  // capturing them was a tenth of a chart collection's scan (templates error on every line).
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = limit;
  }
  const docs: PNode[] = [];
  const errors: ParseOnce['errors'] = [];
  const failed: ParseOnce['failed'] = [];
  for (const doc of parsed) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const { line, col } = lc.linePos(e.pos[0]);
        errors.push({ line, column: col, message: `YAML: ${e.message.split('\n')[0] ?? e.code}` });
      }
      const [from = 0, , to = text.length] = doc.range ?? [];
      failed.push([lc.linePos(from).line, lc.linePos(Math.max(from, to - 1)).line]);
      continue;
    }
    const root = convert(doc.contents as YamlNode | null, lc);
    if (root) docs.push(root);
  }
  return { docs, errors, failed };
}

/**
 * Parse a (multi-document) YAML file. Never throws. A Go template (Helm `templates/`,
 * any file with `{{ … }}` actions) that does not parse as written is read again with its
 * actions masked; it is not YAML until rendered, so a document that still does not parse
 * is no error: its lines are listed in `templateLines` for a tolerant line-wise reading
 * (./lines.ts) instead.
 */
export function parseYaml(text: string, file: string): YamlParse {
  try {
    let res = parseOnce(text);
    if (res.errors.length > 0 && isGoTemplate(text)) {
      const masked = maskTemplates(text);
      const m = parseOnce(masked);
      if (isHelmTemplate(text, file)) {
        const out: YamlParse = { docs: m.docs, diagnostics: [] };
        if (m.failed.length > 0) out.templateLines = { text: masked, spans: m.failed };
        return out;
      }
      if (m.errors.length < res.errors.length) res = m;
    }
    return { docs: res.docs, diagnostics: res.errors.map((e) => parseError(file, e.line, e.message, e.column)) };
  } catch (err) {
    return { docs: [], diagnostics: [parseError(file, 1, `YAML: ${err instanceof Error ? err.message.split('\n')[0] : 'parse failed'}`)] };
  }
}

// ---------------------------------------------------------------------------
// Walking

export type Seg = string | number;

export interface Leaf {
  /** Path of the map/sequence holding the value. */
  parent: Seg[];
  /** The value's own name: map key, `name`/`key` of a pair item, `KEY` of `KEY=VALUE`. */
  name: string;
  /** Reported key: the flattened path, or the bare name for env-style entries. */
  key: string;
  /** Flattened parent path, to tell siblings apart. */
  group: string;
  /** The value came from a `{name, value}` item or a `KEY=VALUE` list entry. */
  envStyle: boolean;
  node: PScalar;
}

export interface WalkOptions {
  /** Path separator for flattened keys: `.` (`a.b[0].c`) or `:` (.NET, `A:B:0:C`). */
  sep: '.' | ':';
  /** Return true to skip this path (and everything under it). */
  skip?: (path: readonly Seg[]) => boolean;
  /** Under a map key in this set, a sequence of `KEY=VALUE` strings is read as entries (compose). */
  splitLists?: ReadonlySet<string>;
}

/** Map keys whose children are environment variables: their entries are keyed by the variable name. */
const ENV_PARENTS = new Set(['env', 'environment']);

export function flatten(path: readonly Seg[], sep: '.' | ':'): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += sep === ':' ? `:${s}` : `[${s}]`;
    else out += out === '' ? s : `${sep}${s}`;
  }
  return out;
}

/** Every scalar under `node`, with its flattened key. */
export function walkLeaves(node: PNode | undefined, opts: WalkOptions, path: Seg[] = [], out: Leaf[] = []): Leaf[] {
  if (!node || opts.skip?.(path)) return out;
  const last = path[path.length - 1];
  if (node.type === 'scalar') {
    if (path.length === 0) return out;
    let name = '';
    for (let i = path.length - 1; i >= 0; i--) {
      const s = path[i];
      if (typeof s === 'string') {
        name = s;
        break;
      }
    }
    const parent = path.slice(0, -1);
    const parentName = parent[parent.length - 1];
    const envParent = typeof last === 'string' && typeof parentName === 'string' && ENV_PARENTS.has(parentName);
    out.push({
      parent,
      name,
      key: envParent ? name : flatten(path, opts.sep),
      group: flatten(parent, opts.sep),
      envStyle: envParent,
      node,
    });
    return out;
  }
  if (node.type === 'seq') {
    const split = typeof last === 'string' && opts.splitLists?.has(last);
    node.items.forEach((item, i) => {
      if (split && item?.type === 'scalar' && item.value !== null) {
        const eq = item.value.indexOf('=');
        if (eq > 0) {
          const name = item.value.slice(0, eq).trim();
          const value = item.value.slice(eq + 1);
          const column = item.column + (item.quoted ? 1 : 0) + eq + 1;
          out.push({
            parent: path,
            name,
            key: name,
            group: flatten(path, opts.sep),
            envStyle: true,
            node: { type: 'scalar', value, line: item.line, column },
          });
        }
        return;
      }
      walkLeaves(item, opts, [...path, i], out);
    });
    return out;
  }
  // map: a `{name|key, value}` item of a list is one entry named by its `name`.
  const nameNode = mapGet(node, 'name') ?? mapGet(node, 'key');
  const valueNode = mapGet(node, 'value');
  const pairName = typeof last === 'number' ? scalarText(nameNode) : undefined;
  if (pairName !== undefined && valueNode?.type === 'scalar') {
    out.push({ parent: path, name: pairName, key: pairName, group: flatten(path.slice(0, -1), opts.sep), envStyle: true, node: valueNode });
    for (const p of node.pairs) {
      if (p.key === 'value' || p.key === 'name' || p.key === 'key') continue;
      walkLeaves(p.value, opts, [...path, p.key], out);
    }
    return out;
  }
  for (const p of node.pairs) walkLeaves(p.value, opts, [...path, p.key], out);
  return out;
}
