/**
 * Baselines: `--write-baseline FILE` records the current findings by fingerprint;
 * `--baseline FILE` reports only findings not in it and lists entries that no longer
 * match anything (stale). Fingerprints hash the rule, the path and what matched, not
 * the line, so a baseline survives code moving. A file that is not one of ours is
 * refused (exit 2) and nothing is written.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { emitWarning, msg, type Message, UsageError } from '../util/errors.js';
import { FINGERPRINT_SCHEME } from './fingerprint.js';
import { jsonProblem, readInput } from '../util/files.js';
import type { Finding } from './types.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** Where it was when recorded (informational: matching ignores it). */
  line: number;
  /** Redacted value, never the clear one. */
  value?: string;
}

export interface Baseline {
  tool: 'dancu-guard';
  kind: 'baseline';
  /** 2: fingerprints of scheme 2 (`fingerprint.ts`). A version 1 file loads, but its entries cannot match. */
  version: 1 | 2;
  createdAt: string;
  findings: BaselineEntry[];
}

const schema = {
  type: 'object',
  required: ['tool', 'kind', 'version', 'findings'],
  properties: {
    tool: { const: 'dancu-guard' },
    kind: { const: 'baseline' },
    version: { enum: [1, 2] },
    createdAt: { type: 'string' },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fingerprint', 'ruleId', 'file', 'line'],
        properties: {
          fingerprint: { type: 'string', pattern: '^[0-9a-f]{16,64}$' },
          ruleId: { type: 'string' },
          file: { type: 'string' },
          line: { type: 'integer', minimum: 1 },
          value: { type: 'string', maxLength: 8 },
        },
      },
    },
  },
} as const;

/** The baseline version written: the fingerprint scheme its entries use. */
export const BASELINE_VERSION = FINGERPRINT_SCHEME;

const validate = new Ajv({ allErrors: false, strict: false }).compile<Baseline>(schema);

export function baselineOf(findings: readonly Finding[], now = new Date()): Baseline {
  const entries = findings
    .map((f): BaselineEntry => {
      const e: BaselineEntry = { fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file, line: f.line };
      if (f.value !== undefined) e.value = f.value;
      return e;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.fingerprint < b.fingerprint ? -1 : 1)));
  return { tool: 'dancu-guard', kind: 'baseline', version: BASELINE_VERSION, createdAt: now.toISOString(), findings: entries };
}

/** Write atomically: a crash never leaves a half-written baseline behind. */
export function writeBaseline(path: string, findings: readonly Finding[]): Baseline {
  const baseline = baselineOf(findings);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(baseline, null, 2)}\n`);
    renameSync(tmp, path);
  } catch (err) {
    throw UsageError.of('baseline.cannotWrite', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  return baseline;
}

/**
 * Read a baseline file. Inside `root` (the scanned repository) it must not be a link
 * out of it; no message quotes its content.
 */
export function readBaseline(path: string, root?: string): Baseline {
  return parseBaseline(readInput(path, 'noun.baseline', root), path);
}

/** A baseline document from its text (`display` names it in messages). */
export function parseBaseline(text: string, display: string): Baseline {
  const path = display;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw UsageError.of('baseline.notJson', { path, problem: jsonProblem(err) });
  }
  if (!validate(doc)) {
    const e = validate.errors?.[0];
    throw UsageError.of('baseline.badShape', { path, detail: e ? shapeProblem(e) : msg('baseline.unknownShape') });
  }
  if (doc.version !== BASELINE_VERSION) {
    // Loads, so nothing breaks; its entries are listed as stale, and this says why.
    emitWarning(msg('baseline.oldVersion', { path, version: String(doc.version) }), 'DANCU_GUARD_BASELINE_VERSION');
  }
  return doc;
}

/** True when a baseline's entries can match current findings (its fingerprint scheme is current). */
export function baselineIsCurrent(doc: Baseline): boolean {
  return doc.version === BASELINE_VERSION;
}

export interface BaselineResult {
  /** Findings not in the baseline: these are reported. */
  fresh: Finding[];
  /** Findings the baseline accepts. */
  known: Finding[];
  /** Baseline entries that match no current finding (fixed, or the code changed). */
  stale: BaselineEntry[];
}

/** Multiset match by fingerprint: two identical findings need two entries. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineResult {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const e of baseline.findings) {
    const list = remaining.get(e.fingerprint) ?? [];
    list.push(e);
    remaining.set(e.fingerprint, list);
  }
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const f of findings) {
    const list = remaining.get(f.fingerprint);
    if (list && list.length > 0) {
      list.shift();
      known.push(f);
    } else {
      fresh.push(f);
    }
  }
  const stale = [...remaining.values()].flat();
  return { fresh, known, stale };
}

/** The first schema problem of a baseline, in words of the message table. */
function shapeProblem(e: { instancePath: string; keyword: string; params: Record<string, unknown> }): Message {
  const path = e.instancePath || '/';
  if (e.keyword === 'required') return msg('baseline.detail.required', { path, key: String(e.params.missingProperty) });
  if (e.keyword === 'type') return msg('baseline.detail.type', { path, type: String(e.params.type) });
  return msg('baseline.detail.other', { path, keyword: e.keyword });
}
