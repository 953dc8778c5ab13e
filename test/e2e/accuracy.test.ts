import { REPO } from '../helpers/paths.js';
/**
 * The accuracy report (`npm run accuracy`, scripts/accuracy.mjs): the built CLI (built by
 * the global setup, hence `--no-build`) over every
 * example, compared finding by finding (rule, file, line) with
 * `examples/<name>.expected.json`, and precision/recall per language and per category.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = REPO;
const EXAMPLES = join(ROOT, 'examples');

interface Figures {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

interface Finding {
  ruleId: string;
  file: string;
  line: number;
}

interface Report {
  target: number;
  ok: boolean;
  examples: Array<{ name: string; language: string; hasExpected: boolean; expected: number; found: number; missing: Finding[]; unexpected: Finding[] }>;
  language: Record<string, Figures>;
  category: Record<string, Figures>;
  overall: Figures;
}

let report: Report;
let status: number | null;

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'accuracy.mjs'), '--json', '--no-build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  status = r.status;
  if (!r.stdout) throw new Error(`accuracy.mjs printed nothing: ${r.stderr}`);
  report = JSON.parse(r.stdout) as Report;
}, 300_000);

describe('accuracy report over the examples', () => {
  it('has an expected-findings file for every example, in the { example, findings: [{ ruleId, file, line }] } shape', () => {
    const dirs = readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(report.examples.map((e) => e.name)).toEqual(dirs);
    for (const name of dirs) {
      const path = join(EXAMPLES, `${name}.expected.json`);
      expect(existsSync(path), path).toBe(true);
      const doc = JSON.parse(readFileSync(path, 'utf8')) as { example: string; findings: Finding[] };
      expect(doc.example).toBe(name);
      for (const f of doc.findings) expect(Object.keys(f).sort()).toEqual(['file', 'line', 'ruleId']);
    }
  });

  it("every example's findings equal its expected findings exactly (rule, file, line)", () => {
    for (const e of report.examples) {
      expect({ name: e.name, missing: e.missing, unexpected: e.unexpected }).toEqual({ name: e.name, missing: [], unexpected: [] });
      expect(e.found, e.name).toBe(e.expected);
    }
    // Compliant examples yield nothing at all; violating ones something.
    for (const e of report.examples) {
      if (e.name.endsWith('-compliant')) expect(e.found, e.name).toBe(0);
      if (e.name.endsWith('-violating')) expect(e.found, e.name).toBeGreaterThan(0);
    }
  });

  it('covers every language the scanner reads (config files count under their example) and every judged category', () => {
    for (const l of ['typescript', 'javascript', 'java', 'csharp', 'php', 'python', 'go']) expect(Object.keys(report.language), l).toContain(l);
    for (const c of ['credentials', 'lookup-tool', 'logging', 'quota', 'transport']) expect(Object.keys(report.category), c).toContain(c);
  });

  it('reaches ≥ 0.9 precision and recall per language, per category and overall, and exits 0', () => {
    expect(report.target).toBe(0.9);
    for (const [name, t] of [...Object.entries(report.language), ...Object.entries(report.category), ['overall', report.overall] as const]) {
      expect(t.precision ?? 1, `${name} precision`).toBeGreaterThanOrEqual(0.9);
      expect(t.recall ?? 1, `${name} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(report.ok).toBe(true);
    expect(status).toBe(0);
  });
});
