import { describe, expect, it } from 'vitest';
import { emptyFacts, type CallSiteFact, type Facts } from '../../src/facts/types.js';
import { chunkFacts, evaluateFindings, loadEvaluator, type Evaluator } from '../../src/policy/evaluate.js';
import { defaultSettings } from '../../src/policy/settings.js';
import { PolicyError } from '../../src/util/errors.js';

function call(file: string, line: number): CallSiteFact {
  return {
    file,
    line,
    language: 'typescript',
    client: 'fetch',
    callee: 'fetch(URL)',
    target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', via: ['literal'] },
    function: { name: 'traCuu', line: 1 },
    callsInFunction: ['fetch'],
    callers: [],
  };
}

function facts(files: number, callsPerFile: number): Facts {
  const f = emptyFacts({ name: 'r', binEntries: [] });
  for (let i = 0; i < files; i++) {
    f.files.push({ path: `src/f${i}.ts`, kind: 'source', language: 'typescript', size: 10 });
    for (let c = 0; c < callsPerFile; c++) f.callSites.push(call(`src/f${i}.ts`, c + 1));
  }
  f.files.push({ path: 'README.md', kind: 'doc', size: 10 }); // no facts: never sent
  return f;
}

describe('chunking', () => {
  it('keeps every fact of a file in one chunk, bounds chunk size, and sends repo facts with each', () => {
    const chunks = [...chunkFacts(facts(10, 3), 8)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.repo.name).toBe('r');
      expect(c.callSites.length).toBeLessThanOrEqual(8);
      const files = new Set(c.callSites.map((s) => s.file));
      for (const f of files) expect(c.files.map((x) => x.path)).toContain(f);
    }
    expect(chunks.flatMap((c) => c.callSites)).toHaveLength(30);
    expect(chunks.flatMap((c) => c.files).map((f) => f.path)).not.toContain('README.md');
  });

  it('gives the same findings whatever the chunk size', async () => {
    const ev = await loadEvaluator(defaultSettings());
    const all = facts(12, 2);
    const key = (fs: Array<{ rule: string; file: string; line: number }>) => fs.map((f) => `${f.rule} ${f.file}:${f.line}`).sort();
    const big = key(evaluateFindings(ev, all, 10_000));
    expect(big).toHaveLength(24); // DG-LOG-001 on every unlogged DB call
    expect(key(evaluateFindings(ev, all, 3))).toEqual(big);
  });
});

describe('fail closed', () => {
  it('a bundle that is not wasm is a PolicyError', async () => {
    await expect(loadEvaluator(defaultSettings(), Buffer.from('not wasm'))).rejects.toBeInstanceOf(PolicyError);
  });

  it('a policy result that is not a set of findings is a PolicyError', () => {
    const bad: Evaluator = { evaluate: () => ({ not: 'a set' }) };
    expect(() => evaluateFindings(bad, facts(1, 1))).toThrow(PolicyError);
    const malformed: Evaluator = { evaluate: () => [{ rule: 'DG-X-001', file: 'a.ts' }] };
    expect(() => evaluateFindings(malformed, facts(1, 1))).toThrow(/malformed finding/);
  });

  it('an evaluation that throws is a PolicyError naming the entrypoint', async () => {
    const ev = await loadEvaluator(defaultSettings());
    expect(() => ev.evaluate({}, 'dancu/no/such/entrypoint')).toThrow(PolicyError);
  });
});
