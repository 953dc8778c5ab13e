/**
 * Digests that cache keys are made of: the running build, a stable serialisation of any
 * structured value (settings, a collector's prepared project), and the sets of paths a
 * collector's results depend on.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL } from '../version.js';

declare const __DANCU_GUARD_BUILD__: string | undefined;

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A JSON-like text of `value` that is the same for equal values: object keys sorted,
 * Maps and Sets as their entries in order, RegExps as source and flags.
 */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Map) return `Map[${[...value].map(([k, v]) => `${stableStringify(k)}:${stableStringify(v)}`).join(',')}]`;
  if (value instanceof Set) return `Set[${[...value].map(stableStringify).join(',')}]`;
  if (value instanceof RegExp) return `RegExp(${JSON.stringify(value.source)},${value.flags})`;
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function digestOf(value: unknown): string {
  return sha256(stableStringify(value));
}

let buildCache: string | undefined;

/**
 * The identity of the running code: set by scripts/build.mjs (a hash of the sources it
 * bundled); from the sources (tests), a hash of every file under src/; otherwise (another
 * bundle) a hash of the module file itself. With the version, so a release never reuses
 * another's cache.
 */
export function buildId(): string {
  if (buildCache) return buildCache;
  let code: string;
  if (typeof __DANCU_GUARD_BUILD__ === 'string' && __DANCU_GUARD_BUILD__) code = __DANCU_GUARD_BUILD__;
  else {
    const here = fileURLToPath(import.meta.url);
    code = here.endsWith('.ts') ? sourcesHash(join(dirname(here), '..')) : sha256(readFileSync(here));
  }
  buildCache = sha256(`${TOOL.name}@${TOOL.version}\0${code}`).slice(0, 24);
  return buildCache;
}

function sourcesHash(src: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  walk(src);
  // The dependencies' versions shape facts too (parsers, grammars).
  files.push(join(src, '..', 'package-lock.json'));
  const h = createHash('sha256');
  for (const f of files) {
    let content: Buffer;
    try {
      content = readFileSync(f);
    } catch {
      content = Buffer.from('(missing)');
    }
    h.update(`${f.slice(src.length)}\0${sha256(content)}\n`);
  }
  return h.digest('hex');
}
