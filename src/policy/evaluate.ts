/**
 * Evaluate the compiled Rego bundle with @open-policy-agent/opa-wasm.
 *
 * Facts are fed in chunks of whole files (every fact about one file travels together,
 * since rules join call sites, credentials and endpoints with their file), with the
 * repo-level facts in every chunk, so wasm memory stays flat however large the tree.
 * The streaming pipeline (src/pipeline/) evaluates each chunk of files in the worker
 * that collected it, and merges the results with `rawFindingKey`.
 * Any failure to load or evaluate is a PolicyError: the scan fails closed.
 *
 * opa-wasm is imported when the first evaluator is loaded, not before: a command that
 * never evaluates (`--help`, `keygen`) does not pay for it.
 */
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { emptyFacts, FILE_FACT_LISTS, type Facts, type FileFactList } from '../facts/types.js';
import { append, appendLists } from '../util/arrays.js';
import { PolicyError } from '../util/errors.js';
import { policyWasm } from './bundle.js';
import type { Settings } from './settings.js';

export const FINDINGS_ENTRYPOINT = 'dancu/main/findings';

/** A raw result of a `deny` rule, as the Rego policies emit it. */
export interface RawFinding {
  rule: string;
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  message: { en: string; vi: string };
  value?: string;
  key?: string;
  /** What matched, for fingerprinting (never a clear secret). */
  match?: string;
  severity?: string;
}

export interface Evaluator {
  evaluate(input: unknown, entrypoint?: string): unknown;
}

/** Load the bundle once per process (per worker) with the given data document. */
export async function loadEvaluator(settings: Settings, wasm: Buffer = policyWasm()): Promise<Evaluator> {
  let policy: LoadedPolicy;
  try {
    const { loadPolicy } = await import('@open-policy-agent/opa-wasm');
    // 2 MiB to start; wasm memory grows on demand up to 1 GiB.
    policy = await loadPolicy(wasm, { initial: 32, maximum: 16384 });
    policy.setData({ settings });
  } catch (err) {
    throw PolicyError.of('policy.cannotLoad', { reason: (err as Error).message }, { cause: err });
  }
  return {
    evaluate(input, entrypoint = FINDINGS_ENTRYPOINT) {
      let result: Array<{ result: unknown }>;
      try {
        result = policy.evaluate(input, entrypoint) as Array<{ result: unknown }>;
      } catch (err) {
        throw PolicyError.of('policy.evaluationFailed', { entrypoint, reason: (err as Error).message }, { cause: err });
      }
      if (!Array.isArray(result) || result.length === 0) {
        throw PolicyError.of('policy.noResult', { entrypoint });
      }
      return result[0]!.result;
    },
  };
}

/** Split facts into chunks of whole files, each holding at most about `maxFacts` facts. */
export function* chunkFacts(facts: Facts, maxFacts = 250): Generator<Facts> {
  type Bucket = { files: Facts['files'] } & Record<FileFactList, Array<{ file: string }>>;
  const byFile = new Map<string, Bucket>();
  const bucket = (file: string): Bucket => {
    let b = byFile.get(file);
    if (!b) {
      b = { files: [] } as unknown as Bucket;
      for (const key of FILE_FACT_LISTS) b[key] = [];
      byFile.set(file, b);
    }
    return b;
  };
  for (const f of facts.files) bucket(f.path).files.push(f);
  for (const key of FILE_FACT_LISTS) for (const x of (facts[key] ?? []) as Array<{ file: string }>) bucket(x.file)[key].push(x);

  let chunk: Facts = emptyChunk(facts);
  let size = 0;
  for (const b of byFile.values()) {
    let n = 0;
    for (const key of FILE_FACT_LISTS) n += b[key].length;
    // Files with no facts beyond their entry need no evaluation.
    if (n === 0 && !b.files.some((f) => f.tool)) continue;
    if (size > 0 && size + n > maxFacts) {
      yield chunk;
      chunk = emptyChunk(facts);
      size = 0;
    }
    // One file may hold a great many facts (a bundle): appended, never spread.
    append(chunk.files, b.files);
    appendLists(chunk as unknown as Record<FileFactList, unknown[]>, b, FILE_FACT_LISTS);
    size += n + 1;
  }
  // Repo-level facts (exceptions, weakenings) must be judged even when no file has facts.
  if (size > 0 || facts.exceptions.length > 0 || (facts.weakenings?.length ?? 0) > 0) yield chunk;
}

/** A chunk starts empty but for the repo-level facts, which travel with every chunk. */
function emptyChunk(facts: Facts): Facts {
  return { ...emptyFacts(facts.repo), exceptions: facts.exceptions, ...(facts.weakenings ? { weakenings: facts.weakenings } : {}) };
}

/** What makes two raw findings the same finding (the first of several is kept). */
export function rawFindingKey(raw: RawFinding): string {
  return `${raw.rule}\0${raw.file}\0${raw.line}\0${raw.column ?? ''}\0${raw.match ?? ''}`;
}

/** Evaluate every chunk and return the raw findings, deduplicated (also against `seen`, which grows). */
export function evaluateFindings(evaluator: Evaluator, facts: Facts, maxFacts?: number, seen = new Set<string>()): RawFinding[] {
  const out: RawFinding[] = [];
  for (const chunk of chunkFacts(facts, maxFacts)) {
    const result = evaluator.evaluate(chunk);
    if (!Array.isArray(result)) {
      throw new PolicyError(`policy entrypoint ${FINDINGS_ENTRYPOINT} did not return a set of findings`);
    }
    for (const raw of result as RawFinding[]) {
      if (!raw || typeof raw.rule !== 'string' || typeof raw.file !== 'string' || !Number.isInteger(raw.line)) {
        throw new PolicyError(`policy returned a malformed finding: ${JSON.stringify(raw).slice(0, 200)}`);
      }
      const key = rawFindingKey(raw);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(raw);
    }
  }
  return out;
}
