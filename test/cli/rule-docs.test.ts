/**
 * docs/rules/ and docs/basis*.md are generated from the rules' METADATA and
 * policies/data/rule-docs.json (`npm run build:docs`) and must be fresh; every rule is
 * documented in both languages, and every link points at a page that exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/policy/bundle.js';
import { formatSarif } from '../../src/report/sarif.js';
import { summarize } from '../../src/report/summary.js';
import { exampleText, RULE_DOCS_BASE_URL, ruleDocsData } from '../../src/report/rule-docs.js';
import { REPO } from '../helpers/paths.js';

const catalog = ruleCatalog();
const data = ruleDocsData();

describe('rule documentation', () => {
  it('is fresh (npm run build:docs)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-rule-docs.mjs', '--check'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, `${r.stderr}\nRun \`npm run build:docs\` and commit docs/.`).toBe(0);
  });

  it('documents every rule, in English and Vietnamese, with both examples', () => {
    expect(Object.keys(data.rules).sort()).toEqual(Object.keys(catalog).sort());
    for (const [id, doc] of Object.entries(data.rules)) {
      expect(doc.why.en && doc.why.vi, id).toBeTruthy();
      for (const lang of ['en', 'vi'] as const) {
        const [bad, good] = [exampleText(doc.example.bad, lang), exampleText(doc.example.good, lang)];
        expect(bad.trim() && good.trim(), `${id} (${lang})`).toBeTruthy();
        expect(bad).not.toBe(good);
      }
      // An example in words is said in both languages; only code is shared.
      if (doc.example.language === 'text') expect([typeof doc.example.bad, typeof doc.example.good], id).toEqual(['object', 'object']);
      expect(existsSync(join(REPO, 'docs', 'rules', `${id}.md`)), id).toBe(true);
      expect(existsSync(join(REPO, 'docs', 'rules', `${id}.vi.md`)), id).toBe(true);
    }
  });

  it('explains R1–R8 with the letters\' own words, each quotation naming its document', () => {
    expect(Object.keys(data.requirements)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']);
    const basisVi = readFileSync(join(REPO, 'docs', 'basis.vi.md'), 'utf8');
    const basisEn = readFileSync(join(REPO, 'docs', 'basis.md'), 'utf8');
    for (const [key, req] of Object.entries(data.requirements)) {
      expect(req.quotes.length, key).toBeGreaterThan(0);
      for (const q of req.quotes) {
        expect(q.document, key).toMatch(/\d/); // a document number or date
        expect(basisVi).toContain(q.text);
        expect(basisEn).toContain(q.text);
      }
    }
    // The sentences the issue asks to be explained, verbatim.
    expect(basisVi).toContain('tuyệt đối không sử dụng phần mềm cá nhân hoặc tự nghiên cứu, phát triển công cụ để tra cứu, khai thác dữ liệu');
    expect(basisVi).toContain('Xây dựng hệ thống lưu nhật ký đầy đủ.');
    expect(basisVi).toContain('tối thiểu 10 ngày làm việc');
  });

  it('SARIF links each rule to its page (helpUri, one base URL)', () => {
    const sarif = JSON.parse(formatSarif({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings: [], summary: summarize([], 0, [], 'high', 0), rules: catalog }, { lang: 'en' }));
    const rules = sarif.runs[0].tool.driver.rules as Array<{ id: string; helpUri: string }>;
    expect(rules).toHaveLength(Object.keys(catalog).length);
    for (const r of rules) {
      expect(r.helpUri).toBe(`${RULE_DOCS_BASE_URL}${r.id}.md`);
      expect(existsSync(join(REPO, 'docs', 'rules', `${r.id}.md`))).toBe(true);
    }
  });
});
