/**
 * The secret-detector engine.
 *
 * Every detector declares lower-case keywords (Gitleaks-style). One pass of an
 * Aho–Corasick automaton over the file (case-insensitive, no copy of the text) finds
 * every keyword occurrence; only detectors whose keywords occur run, and they are handed
 * the keyword offsets, so most detectors try a sticky regex at a few positions instead
 * of scanning the file. A file without any keyword costs that one pass.
 *
 * Format detectors run in priority order; a match whose secret span another format
 * detector already reported is dropped, and the keyword-context detector yields to all
 * of them (a JWT under `token:` is a JWT, not a generic literal).
 */
import type { CredentialKind } from '../../../facts/types.js';
import { aiDetectors } from './ai.js';
import { authHeaderDetectors } from './auth-header.js';
import { cloudDetectors } from './cloud.js';
import { connectionDetectors } from './connection.js';
import { cryptoDetectors } from './crypto.js';
import { keywordContext } from './generic.js';
import { jwt } from './jwt.js';
import { npmDetectors } from './npm.js';
import { privateKeyDetectors } from './private-key.js';
import { saasDetectors } from './saas.js';
import { slackDetectors } from './slack.js';
import type { Detector, Family, SecretMatch, Syntax } from './types.js';
import { vaultDetectors } from './vault.js';
import { vcsDetectors } from './vcs.js';
import { xmlElementDetectors } from './xml-element.js';

export type { Detector, Family, SecretMatch, Syntax } from './types.js';
export { isCredentialName } from './generic.js';

/** Every detector, in priority order (more specific formats first). */
export const DETECTORS: readonly Detector[] = [
  ...privateKeyDetectors,
  jwt,
  ...vcsDetectors,
  ...cloudDetectors,
  ...slackDetectors,
  ...npmDetectors,
  ...aiDetectors,
  ...vaultDetectors,
  ...saasDetectors,
  ...cryptoDetectors,
  ...connectionDetectors,
  ...authHeaderDetectors,
  ...xmlElementDetectors,
  keywordContext,
];

// ---------------------------------------------------------------------------
// Keyword prefilter: Aho–Corasick over ASCII, case-folded on the fly.

interface Automaton {
  keywords: string[];
  /** keyword index → indices of the detectors that declared it. */
  owners: number[][];
  /** Transition table: 128 columns (ASCII, letters folded to lower case) per state. */
  delta: Uint16Array | Uint32Array;
  /** Per state: the keyword indices that end there (including via failure links), or null. */
  out: (number[] | null)[];
  /** Per state: 1 when `out` is non-null (a typed array keeps the hot loop monomorphic). */
  accepting: Uint8Array;
}

function buildAutomaton(detectors: readonly Detector[]): Automaton {
  const keywords: string[] = [];
  const owners: number[][] = [];
  const byWord = new Map<string, number>();
  detectors.forEach((d, di) => {
    for (const raw of d.keywords) {
      const k = raw.toLowerCase();
      if (!/^[\x01-\x7f]+$/.test(k)) throw new Error(`detector ${d.id}: keyword ${JSON.stringify(raw)} is not ASCII`);
      let ki = byWord.get(k);
      if (ki === undefined) {
        ki = keywords.length;
        keywords.push(k);
        owners.push([]);
        byWord.set(k, ki);
      }
      const o = owners[ki];
      if (o && !o.includes(di)) o.push(di);
    }
  });
  const next: Map<number, number>[] = [new Map()];
  const outSets: number[][] = [[]];
  keywords.forEach((k, ki) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      let n = next[s]?.get(c);
      if (n === undefined) {
        n = next.length;
        next.push(new Map());
        outSets.push([]);
        next[s]?.set(c, n);
      }
      s = n;
    }
    outSets[s]?.push(ki);
  });
  const delta = next.length < 0xffff ? new Uint16Array(next.length * 128) : new Uint32Array(next.length * 128);
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let c = 1; c < 128; c++) {
    const n = next[0]?.get(c);
    if (n !== undefined) {
      delta[c] = n;
      queue.push(n);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi] ?? 0;
    for (let c = 0; c < 128; c++) {
      const n = c === 0 ? undefined : next[s]?.get(c);
      const viaFail = delta[((fail[s] ?? 0) << 7) | c] ?? 0;
      if (n !== undefined) {
        fail[n] = viaFail;
        outSets[n] = [...(outSets[n] ?? []), ...(outSets[viaFail] ?? [])];
        delta[(s << 7) | c] = n;
        queue.push(n);
      } else {
        delta[(s << 7) | c] = viaFail;
      }
    }
  }
  const out = outSets.map((o) => (o.length > 0 ? o : null));
  return { keywords, owners, delta, out, accepting: Uint8Array.from(out, (o) => (o ? 1 : 0)) };
}

const AUTOMATON = buildAutomaton(DETECTORS);

/**
 * Start offsets of every keyword occurrence, per keyword index (sparse), or undefined
 * when the text holds none. ASCII letters are folded to lower case; a non-ASCII
 * character resets the automaton (keywords are ASCII).
 */
function keywordHits(text: string, a: Automaton = AUTOMATON): Map<number, number[]> | undefined {
  const { delta, out, keywords, accepting } = a;
  let hits: Map<number, number[]> | undefined;
  let s = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c > 127) c = 0;
    s = delta[(s << 7) | c] as number;
    if (accepting[s] === 1) {
      hits ??= new Map();
      for (const ki of out[s] ?? []) {
        const at = i - (keywords[ki]?.length ?? 1) + 1;
        const list = hits.get(ki);
        if (list) list.push(at);
        else hits.set(ki, [at]);
      }
    }
  }
  return hits;
}

/** The ids of the detectors whose keywords occur in `text` (the prefilter's verdict). */
export function triggeredDetectors(text: string): string[] {
  const hits = keywordHits(text);
  if (!hits) return [];
  const ids = new Set<string>();
  for (const ki of hits.keys()) for (const di of AUTOMATON.owners[ki] ?? []) ids.add(DETECTORS[di]?.id ?? '');
  return [...ids].sort();
}

// ---------------------------------------------------------------------------
// Scanning

const CODE_EXT = new Set(
  'ts tsx mts cts js jsx mjs cjs java kt kts scala groovy cs vb fs php py pyi rb go rs swift c h cc cpp hpp m mm dart lua pl r jl vue svelte jsp cshtml razor ipynb'.split(
    ' ',
  ),
);

/** `code` for program source (unquoted values are expressions), `config` for everything else. */
export function syntaxOf(file: string): Syntax {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot > 0 && CODE_EXT.has(base.slice(dot + 1)) ? 'code' : 'config';
}

export interface ScanOptions {
  /** Restrict to these detectors (default: all). */
  detectors?: readonly Detector[];
  /** Leave out the keyword-context detector (a caller that knows the key already). */
  formatsOnly?: boolean;
}

const FORMAT_DETECTORS: readonly Detector[] = DETECTORS.filter((d) => !d.generic);
const FORMAT_AUTOMATON = buildAutomaton(FORMAT_DETECTORS);
const automata = new WeakMap<readonly Detector[], Automaton>();

/** Every secret the detectors find in `text`, in text order. `file` (repo-relative) sets the syntax. */
export function scanText(text: string, file = '', opts: ScanOptions = {}): SecretMatch[] {
  let detectors = DETECTORS;
  let automaton = AUTOMATON;
  if (opts.detectors) {
    detectors = opts.formatsOnly ? opts.detectors.filter((d) => !d.generic) : opts.detectors;
    automaton = automata.get(opts.detectors) ?? buildAutomaton(detectors);
    if (!opts.formatsOnly) automata.set(opts.detectors, automaton);
  } else if (opts.formatsOnly) {
    detectors = FORMAT_DETECTORS;
    automaton = FORMAT_AUTOMATON;
  }
  const hits = keywordHits(text, automaton);
  if (!hits) return [];
  const positions = new Map<number, number[]>();
  for (const [ki, list] of hits) {
    for (const di of automaton.owners[ki] ?? []) {
      const p = positions.get(di);
      if (p) for (const at of list) p.push(at);
      else positions.set(di, list.slice());
    }
  }
  const syntax = syntaxOf(file);
  const out: SecretMatch[] = [];
  // Spans already reported, bucketed by 256-character block, for the overlap rule.
  const buckets = new Map<number, SecretMatch[]>();
  const blocks = (start: number, end: number) => [start >> 8, (Math.max(start, end - 1) >> 8) + 1] as const;
  const order = [...positions.keys()].sort((a, b) => a - b);
  for (const di of order) {
    const d = detectors[di];
    if (!d) continue;
    const at = (positions.get(di) ?? []).sort((a, b) => a - b);
    for (const r of d.find({ text, file, syntax, hits: at })) {
      const start = r.start ?? r.index;
      const end = r.end ?? start + r.secret.length;
      // A format detector already reported these characters: keep the first (more specific).
      const [b0, b1] = blocks(start, end);
      let taken = false;
      for (let b = b0; b < b1 && !taken; b++) {
        taken = (buckets.get(b) ?? []).some((o) => o.start < end && start < o.end && (d.generic === true || (o.start === start && o.end === end) || o.secret === r.secret));
      }
      if (taken) continue;
      const m: SecretMatch = { detector: d.id, family: d.family, kind: r.kind ?? d.kind, index: r.index, start, end, secret: r.secret };
      if (r.key !== undefined) m.key = r.key;
      out.push(m);
      for (let b = b0; b < b1; b++) {
        const list = buckets.get(b);
        if (list) list.push(m);
        else buckets.set(b, [m]);
      }
    }
  }
  return out.sort((a, b) => a.index - b.index || a.start - b.start);
}

/**
 * The known format a single value has (a config value, a string literal), if any: the
 * first format match in it. The keyword-context detector is not used (the caller knows
 * the key and applies its own rules).
 */
export function knownFormatOf(value: string): { kind: CredentialKind; secret: string; detector: string } | undefined {
  const first = scanText(value, '', { formatsOnly: true })[0];
  return first ? { kind: first.kind, secret: first.secret, detector: first.detector } : undefined;
}

/** Detector metadata, for docs and reports. */
export function detectorCatalog(): Array<{ id: string; family: Family; kind: CredentialKind; description: string; keywords: readonly string[] }> {
  return DETECTORS.map((d) => ({ id: d.id, family: d.family, kind: d.kind, description: d.description, keywords: d.keywords }));
}
