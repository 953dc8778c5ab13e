import { FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
/**
 * Measured accuracy of the secret detectors (the real ones, through `scanText` and the
 * collectors), on the labelled synthetic corpus in test/fixtures/secrets-corpus/ and on
 * the secretlint rule snapshots when DANCU_SECRETLINT_CORPUS names a copy of them (the tests
 * never read outside the repository; `npm run accuracy:secrets` does). Same harness as `node scripts/secrets-accuracy.mjs`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFacts } from '../../../src/collect/index.js';
import { detectKnownFormats, scanText } from '../../../src/collect/credentials/candidates.js';
import {
  EXCLUDED_CASES,
  EXCLUDED_RULES,
  evaluateSecretlint,
  evaluateSynthetic,
  listFiles,
  loadSecretlintCases,
  readLabels,
} from '../../helpers/secrets-accuracy.js';
import type { CollectContext } from '../../../src/collect/types.js';
import { classify } from '../../../src/discover/classify.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { defaultSettings } from '../../../src/policy/settings.js';

const CORPUS = join(FIXTURES_DIR, 'secrets-corpus');
const SECRETLINT = process.env.DANCU_SECRETLINT_CORPUS ?? '';
const haveSecretlint = SECRETLINT !== '' && existsSync(join(SECRETLINT, 'packages', '@secretlint'));

const scan = (text: string, file: string) => scanText(text, file);

describe('synthetic corpus (labelled)', () => {
  const report = evaluateSynthetic(CORPUS, scan);

  it('every file is labelled, every label points at a line of its file', () => {
    expect(report.unlabelledFiles).toEqual([]);
    const labels = readLabels(CORPUS);
    const files = new Set(listFiles(CORPUS));
    for (const [file, entry] of Object.entries(labels.files)) {
      expect(files.has(file), file).toBe(true);
      const lines = readFileSync(join(CORPUS, file), 'utf8').split('\n').length;
      for (const p of entry.positives) expect(p.line, `${file}:${p.line}`).toBeLessThanOrEqual(lines);
    }
    // Positives of every family the detectors cover, and plenty of hard negatives.
    const families = new Set(Object.values(labels.files).flatMap((f) => f.positives.map((p) => p.family)));
    for (const f of ['private-key', 'jwt', 'aws', 'gcp', 'azure', 'github', 'gitlab', 'slack', 'npm', 'sendgrid', 'ai', 'vault', 'saas', 'url-credentials', 'connection-string', 'auth-header', 'generic']) {
      expect(families.has(f as never), f).toBe(true);
    }
    expect(Object.values(labels.files).filter((f) => f.positives.length === 0).length).toBeGreaterThanOrEqual(15);
  });

  it('precision and recall ≥ 0.95 overall', () => {
    expect(report.files).toBeGreaterThan(50);
    expect(report.overall.tp).toBeGreaterThan(100);
    expect(report.overall.precision, JSON.stringify(report.falsePositives)).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall, JSON.stringify(report.falseNegatives)).toBeGreaterThanOrEqual(0.95);
  });

  it('per family: recall ≥ 0.9 and the detector of the labelled family finds it', () => {
    for (const [family, s] of Object.entries(report.perFamily)) {
      expect(s.recall, family).toBeGreaterThanOrEqual(0.9);
      expect(s.precision, family).toBeGreaterThanOrEqual(0.9);
    }
    expect(report.familyMismatches).toEqual([]);
  });

  it('doc files (.md, *.example, *.sample) are skipped, as discovery classifies them', () => {
    expect(report.skippedDocs.sort()).toEqual(['.env.example', 'appsettings.json.sample', 'docs/cau-hinh.md']);
  });
});

describe.skipIf(!haveSecretlint)('secretlint rule snapshots', () => {
  const report = haveSecretlint ? evaluateSecretlint(SECRETLINT, scan) : undefined;

  it('recall ≥ 0.95 on the cases secretlint reports (ng)', () => {
    const r = report!;
    const missed = r.cases.filter((c) => !c.excluded && c.expectedPositive && c.found === 0).map((c) => `${c.rule}/${c.name}`);
    expect(r.positives).toBeGreaterThanOrEqual(45);
    expect(r.recall, missed.join(', ')).toBeGreaterThanOrEqual(0.95);
  });

  it('no finding at all on the cases it does not report (ok)', () => {
    const r = report!;
    const noisy = r.cases.filter((c) => !c.excluded && !c.expectedPositive && c.found > 0).map((c) => `${c.rule}/${c.name}:${c.foundLines.join(',')}`);
    expect(r.negatives).toBeGreaterThanOrEqual(35);
    expect(noisy).toEqual([]);
  });

  it('exclusions are real and explained; placeholder-policy exclusions stay silent', () => {
    const { cases, excludedRules } = loadSecretlintCases(SECRETLINT);
    const present = new Set(cases.map((c) => `${c.rule}/${c.name}`));
    for (const key of Object.keys(EXCLUDED_CASES)) expect(present.has(key), `stale exclusion ${key}`).toBe(true);
    expect(excludedRules.map((e) => e.rule).sort()).toEqual(Object.keys(EXCLUDED_RULES).sort());
    for (const e of [...excludedRules.map((x) => x.reason), ...Object.values(EXCLUDED_CASES).map((x) => x.detail)]) expect(e.length).toBeGreaterThan(20);
    const backToFound = report!.cases.filter((c) => c.excluded?.reason === 'placeholder-policy' && c.found > 0);
    expect(backToFound.map((c) => c.name)).toEqual([]);
  });
});

describe('redaction: no fact ever holds a clear secret', () => {
  const labels = readLabels(CORPUS);
  const secrets = Object.values(labels.files).flatMap((f) => f.positives.map((p) => p.secret ?? '').filter((s) => s.length >= 8));

  it('the labels carry the clear (fake) secrets to look for', () => {
    expect(secrets.length).toBeGreaterThan(100);
  });

  it('the whole pipeline of collectors over the synthetic corpus: facts valid, no clear secret, redacted ≤ 2+2 characters', async () => {
    const files: DiscoveredFile[] = listFiles(CORPUS)
      .filter((p) => p !== 'labels.json')
      .map((path) => {
        const absPath = join(CORPUS, path);
        const text = readFileSync(absPath, 'utf8');
        return { path, absPath, size: statSync(absPath).size, ...classify(path, text.slice(0, 4096)) };
      });
    const ctx: CollectContext = {
      root: CORPUS,
      settings: defaultSettings(),
      allFiles: files,
      readText: (p) => (files.some((f) => f.path === p) ? readFileSync(join(CORPUS, p), 'utf8') : undefined),
    };
    const facts = await collectFacts(files, ctx, { name: 'secrets-corpus', binEntries: [] });
    expect(facts.credentials.length).toBeGreaterThan(100);
    expect(factsErrors(facts)).toEqual([]);
    const json = JSON.stringify(facts);
    const leaked = secrets.filter((s) => json.includes(s));
    expect(leaked).toEqual([]);
    for (const c of facts.credentials) {
      expect(c.redacted.replace('…', '').length, c.redacted).toBeLessThanOrEqual(4);
      expect(c.valueHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.skipIf(!haveSecretlint)('the text scan over every secretlint input: no fact holds a secret secretlint names', () => {
    const { cases } = loadSecretlintCases(SECRETLINT);
    let checked = 0;
    for (const c of cases) {
      const buf = readFileSync(c.input);
      if (buf.subarray(0, 8000).includes(0)) continue;
      const json = JSON.stringify(detectKnownFormats(buf.toString('utf8'), 'input.txt', 'text'));
      for (const m of c.messages) {
        if (!m.secret) continue;
        checked++;
        expect(json.includes(m.secret), `${c.rule}/${c.name}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
