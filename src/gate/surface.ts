/**
 * The integration surface and its fingerprint.
 *
 * The surface is what a written notice to the provincial Đề án 06 working group
 * covers (R5): the code that calls the population DB and the config those calls read.
 * Which call sites reach the DB is the Rego decision (`lib.db_calls`, exposed by the
 * `dancu/gate/surface` entrypoint), never re-implemented here. From it:
 *
 * - every file with a DB call site: its whole normalized content;
 * - every file named by a call's `target.definedAt`: whole when it is source code, the
 *   entry on that line when it is a config file or manifest;
 * - in config files and manifests, the entries holding a key a DB call reads
 *   (`target.keys`, e.g. `DANCU_URL` in a Kubernetes `env`, `.env` or compose file) and
 *   the entries of endpoint facts pointing at the DB (`k8s/deployment.yaml` DANCU_URL):
 *   only those `key=value` entries, so an image tag bump in the same manifest does not
 *   call for a new notice.
 *
 * Never included: the declaration, the lock file and `.dancu-guard.yml`.
 *
 * Each file's normalized content (comments, blank lines and whitespace dropped, see
 * normalize.ts) is hashed with its path; the fingerprint is the hash of the sorted
 * `path\0hash` list. Deterministic across machines and line-ending conventions.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { jsonEntries, parseJson } from '../collect/config/json.js';
import { parseDotenv } from '../collect/config/dotenv.js';
import { parseProperties } from '../collect/config/properties.js';
import { parseYaml, yamlEntries } from '../collect/config/yaml/index.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { DECLARATION_FILE_NAMES } from '../config/declaration.js';
import type { CallSiteFact, ConfigFormat, CredentialFact, EndpointFact, Facts, FileFact } from '../facts/types.js';
import { chunkFacts, type Evaluator } from '../policy/evaluate.js';
import { PolicyError } from '../util/errors.js';
import { APPROVALS_DIR } from './attest/verify.js';
import { normalizeFile, unifyLineEndings } from './normalize.js';
import { LOCK_FILE_NAME } from './lock-file.js';

export const SURFACE_ENTRYPOINT = 'dancu/gate/surface';
export { LOCK_FILE_NAME } from './lock-file.js';

/** What the Rego surface entrypoint returns, merged over every chunk. */
export interface IntegrationSurface {
  /** Call sites that reach the population DB. */
  callSites: CallSiteFact[];
  /** Endpoint facts pointing at the DB. */
  endpoints: EndpointFact[];
  /** Credential facts that are credentials at all (sensitive key or known format), placeholders included. */
  credentials: CredentialFact[];
}

export type SurfaceReason = 'call-site' | 'defined-at' | 'config-key' | 'endpoint' | 'not-analysed';

/**
 * Diagnostics that mean a file was not (wholly) analysed: its call sites may be missing
 * from the surface, so the file is in the fingerprint whole, by its bytes (fail closed:
 * changing it changes the fingerprint).
 */
const NOT_ANALYSED = new Set(['not-analysed', 'skipped-binary', 'skipped-size', 'skipped-encoding', 'unreadable']);

export interface SurfaceFile {
  path: string;
  /** `sha256:<hex>` of the path and the normalized content. */
  hash: string;
  reasons: SurfaceReason[];
  /** Whole file, or only the `key=value` entries listed in `keys`. */
  scope: 'file' | 'entries';
  keys?: string[];
}

export interface Fingerprint {
  /** `sha256:<64 hex>` */
  fingerprint: string;
  /** Sorted by path. */
  files: SurfaceFile[];
}

/** Evaluate `dancu/gate/surface` over every chunk of facts and merge. */
export function evaluateSurface(evaluator: Evaluator, facts: Facts): IntegrationSurface {
  const out: IntegrationSurface = { callSites: [], endpoints: [], credentials: [] };
  const seen = new Set<string>();
  for (const chunk of chunkFacts(facts)) {
    const result = evaluator.evaluate(chunk, SURFACE_ENTRYPOINT) as Partial<IntegrationSurface> | undefined;
    if (!result || !Array.isArray(result.callSites) || !Array.isArray(result.endpoints) || !Array.isArray(result.credentials)) {
      throw new PolicyError(`policy entrypoint ${SURFACE_ENTRYPOINT} did not return {callSites, endpoints, credentials}`);
    }
    for (const [kind, list] of [
      ['c', result.callSites],
      ['e', result.endpoints],
      ['k', result.credentials],
    ] as const) {
      for (const item of list) {
        const key = `${kind}\0${JSON.stringify(item)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (kind === 'c') out.callSites.push(item as CallSiteFact);
        else if (kind === 'e') out.endpoints.push(item as EndpointFact);
        else out.credentials.push(item as CredentialFact);
      }
    }
  }
  const byLoc = <T extends { file: string; line: number; column?: number }>(a: T, b: T) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
  out.callSites.sort(byLoc);
  out.endpoints.sort(byLoc);
  out.credentials.sort(byLoc);
  return out;
}

/** Files never part of the surface: the gate's own records (approvals included) and the scanner's config. */
function excluded(path: string): boolean {
  return (
    path === LOCK_FILE_NAME ||
    DECLARATION_FILE_NAMES.includes(path) ||
    CONFIG_FILE_NAMES.includes(path) ||
    (path.startsWith(`${APPROVALS_DIR}/`) && path.endsWith('.dsse.json'))
  );
}

interface Want {
  whole: boolean;
  reasons: Set<SurfaceReason>;
  /** Entries to include by line (definedAt, endpoint facts). */
  lines: Set<number>;
  /** Entries to include by key. */
  keys: Set<string>;
}

/** One key/value of a config file, as far as we can read it. */
interface Entry {
  key: string;
  value: string;
  line: number;
}

const YAML_FORMATS = new Set<ConfigFormat>(['k8s', 'helm-values', 'compose', 'github-workflow', 'yaml']);

/** Key/value entries of a config file or manifest; undefined when its format is not read entry-wise. */
export function configEntries(path: string, text: string, format: ConfigFormat | undefined): Entry[] | undefined {
  const lower = path.toLowerCase();
  try {
    if ((format && YAML_FORMATS.has(format)) || (format === 'spring' && /\.ya?ml$/.test(lower))) {
      const parsed = parseYaml(text, path);
      if (parsed.diagnostics.length > 0) return undefined;
      return parsed.docs.flatMap((doc) => yamlEntries(doc, format));
    }
    if (format === 'dotenv') return parseDotenv(text).entries;
    if (format === 'properties' || (format === 'spring' && lower.endsWith('.properties'))) return parseProperties(text).entries;
    if (format === 'appsettings' || format === 'json') {
      const root = parseJson(text);
      return root ? jsonEntries(root, 'config', format === 'appsettings' ? ':' : '.') : [];
    }
    if (format === 'dockerfile') return dockerfileEntries(text);
  } catch {
    return undefined;
  }
  return undefined;
}

/** `ENV K=V`, `ENV K V`, `ARG K=V` lines of a Dockerfile. */
function dockerfileEntries(text: string): Entry[] {
  const out: Entry[] = [];
  unifyLineEndings(text)
    .split('\n')
    .forEach((raw, i) => {
      const m = /^\s*(?:ENV|ARG)\s+(.+?)\s*$/i.exec(raw);
      if (!m) return;
      const body = m[1]!;
      const pairs = [...body.matchAll(/([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)];
      if (pairs.length > 0) {
        for (const p of pairs) out.push({ key: p[1]!, value: p[2]!.replace(/^(["'])(.*)\1$/, '$2'), line: i + 1 });
      } else {
        const kv = /^([A-Za-z_][\w.-]*)\s+(.*)$/.exec(body);
        if (kv) out.push({ key: kv[1]!, value: kv[2]!, line: i + 1 });
        else out.push({ key: body, value: '', line: i + 1 });
      }
    });
  return out;
}

/** Lookup form of a config key: lower case, separators dropped (`dancu.base-url` = `DANCU_BASEURL`). */
export function normKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The entry's key is `key`, or ends with it after a separator (`spring.dancu.url` holds `dancu.url`). */
export function keyMatches(entryKey: string, key: string): boolean {
  const want = normKey(key);
  if (want.length === 0) return false;
  const segments = entryKey.split(/\.|:|__|\//).filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    if (normKey(segments.slice(i).join('.')) === want) return true;
  }
  return normKey(entryKey) === want;
}

/**
 * Compute the surface files and the fingerprint. `readText` reads a repo-relative path;
 * `hashBytes` hashes one's raw bytes (files not analysed are fingerprinted by their bytes,
 * whatever their size or encoding).
 */
export function computeFingerprint(
  facts: Pick<Facts, 'files'> & Partial<Pick<Facts, 'diagnostics'>>,
  surface: Pick<IntegrationSurface, 'callSites' | 'endpoints'>,
  readText: (path: string) => string | undefined,
  hashBytes: (path: string) => string | undefined = () => undefined,
): Fingerprint {
  const fileFacts = new Map<string, FileFact>(facts.files.map((f) => [f.path, f]));
  const wants = new Map<string, Want>();
  const want = (path: string): Want => {
    let w = wants.get(path);
    if (!w) {
      w = { whole: false, reasons: new Set(), lines: new Set(), keys: new Set() };
      wants.set(path, w);
    }
    return w;
  };
  const isConfig = (path: string) => {
    const kind = fileFacts.get(path)?.kind;
    return kind === 'config' || kind === 'manifest';
  };

  const keys = new Set<string>();
  for (const cs of surface.callSites) {
    const w = want(cs.file);
    w.whole = true;
    w.reasons.add('call-site');
    for (const k of cs.target.keys ?? []) keys.add(k);
    const def = cs.target.definedAt;
    if (def && def.file !== cs.file) {
      const d = want(def.file);
      d.reasons.add('defined-at');
      if (isConfig(def.file)) d.lines.add(def.line);
      else d.whole = true;
    }
  }
  for (const e of surface.endpoints) {
    const w = want(e.file);
    w.reasons.add('endpoint');
    if (isConfig(e.file)) {
      w.lines.add(e.line);
      if (e.key) w.keys.add(e.key);
    } else w.whole = true;
  }
  // Config files and manifests holding a key a DB call reads.
  if (keys.size > 0) {
    for (const f of facts.files) {
      if ((f.kind !== 'config' && f.kind !== 'manifest') || excluded(f.path)) continue;
      const text = readText(f.path);
      if (text === undefined) continue;
      const entries = configEntries(f.path, text, f.format);
      if (!entries) continue;
      const hits = [...keys].filter((k) => entries.some((e) => keyMatches(e.key, k)));
      if (hits.length === 0) continue;
      const w = want(f.path);
      w.reasons.add('config-key');
      for (const k of hits) w.keys.add(k);
    }
  }

  const files: SurfaceFile[] = [];
  // Files not (wholly) analysed: whole, by their bytes, whatever else wanted them.
  const unanalysed = new Set((facts.diagnostics ?? []).filter((d) => NOT_ANALYSED.has(d.kind)).map((d) => d.file));
  for (const path of unanalysed) {
    if (excluded(path)) continue;
    const bytes = hashBytes(path);
    const reasons = new Set<SurfaceReason>(wants.get(path)?.reasons ?? []);
    reasons.add('not-analysed');
    // Unreadable now too: the path alone keeps it in the fingerprint.
    files.push({ path, hash: `sha256:${sha256(`${path}\0${bytes ?? 'unreadable'}`)}`, reasons: [...reasons].sort(), scope: 'file' });
  }
  for (const [path, w] of wants) {
    if (excluded(path) || unanalysed.has(path)) continue;
    const text = readText(path);
    if (text === undefined) continue; // vanished or unreadable: the scan reported it
    const fact = fileFacts.get(path);
    const shape = { path, ...(fact?.language ? { language: fact.language } : {}), ...(fact?.format ? { format: fact.format } : {}) };
    let content: string | undefined;
    let scope: SurfaceFile['scope'] = 'file';
    let keyList: string[] | undefined;
    if (!w.whole) {
      const entries = configEntries(path, text, fact?.format);
      const chosen = (entries ?? []).filter((e) => w.lines.has(e.line) || [...w.keys].some((k) => keyMatches(e.key, k)));
      if (chosen.length > 0) {
        scope = 'entries';
        const lines = [...new Set(chosen.map((e) => `${e.key}=${unifyLineEndings(e.value).trim()}`))].sort();
        content = lines.join('\n');
        keyList = [...new Set(chosen.map((e) => e.key))].sort();
      }
    }
    content ??= normalizeFile(text, shape);
    const file: SurfaceFile = {
      path,
      hash: `sha256:${sha256(`${path}\0${content}`)}`,
      reasons: [...w.reasons].sort(),
      scope,
    };
    if (keyList) file.keys = keyList;
    files.push(file);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { fingerprint: combine(files), files };
}

/** The fingerprint of a list of per-file hashes (sorted by path). */
export function combine(files: ReadonlyArray<{ path: string; hash: string }>): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `sha256:${sha256(sorted.map((f) => `${f.path}\0${f.hash}\n`).join(''))}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Chunk size for hashing a file's bytes (a file of any size is hashed in constant memory). */
const HASH_CHUNK = 1 << 20;

/**
 * A hasher of repo-relative paths under `root`: the sha256 of the raw bytes, read in
 * chunks; undefined when the file cannot be opened (or is a link: never followed).
 */
export function byteHasher(root: string): (path: string) => string | undefined {
  return (path) => {
    let fd: number | undefined;
    try {
      fd = openSync(join(root, ...path.split('/')), fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
      const hash = createHash('sha256');
      const buf = Buffer.allocUnsafe(HASH_CHUNK);
      for (;;) {
        const n = readSync(fd, buf, 0, HASH_CHUNK, null);
        if (n <= 0) break;
        hash.update(buf.subarray(0, n));
      }
      return hash.digest('hex');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}

/** A reader of repo-relative paths under `root` (BOM dropped). */
export function fileReader(root: string): (path: string) => string | undefined {
  return (path) => {
    try {
      return readFileSync(join(root, ...path.split('/')), 'utf8');
    } catch {
      return undefined;
    }
  };
}
