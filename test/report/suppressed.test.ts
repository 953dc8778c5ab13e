/**
 * Every report lists what was suppressed, excepted, ignored or baselined, and by what,
 * and what the repository said that was not applied (src/report/suppressed.ts): text
 * (a section), JSON (`suppressed`, `accepting`, `notApplied`), Markdown (job summary,
 * PR comment), SARIF (`result.suppressions`: inSource for a directive, external for an
 * exception or the baseline). Then end to end: a scan's acceptance reaches them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline/scan.js';
import { acceptanceOf } from '../../src/pipeline/trust.js';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown, mdEscape } from '../../src/report/markdown.js';
import { formatSarif } from '../../src/report/sarif.js';
import { MARKDOWN_BUDGET, suppressedMarkdown, suppressedText, type Acceptance, type SuppressedRecord } from '../../src/report/suppressed.js';
import { summarize } from '../../src/report/summary.js';
import { formatText } from '../../src/report/text.js';
import type { ReportInput } from '../../src/report/types.js';
import { tempTrees } from '../helpers/tree.js';
import { FIXTURES } from '../helpers/paths.js';

const record = (over: Partial<SuppressedRecord>): SuppressedRecord => ({
  ruleId: 'DG-CRED-002',
  title: 'Credential in a config file',
  severity: 'high',
  category: 'credentials',
  file: '.env',
  line: 3,
  message: 'C06_API_KEY holds a credential',
  fingerprint: '0123456789abcdef',
  value: 'Tq…9x',
  by: { kind: 'baseline', file: 'baseline.json', line: 1 },
  ...over,
});

const ACCEPTANCE: Acceptance = {
  suppressed: [
    record({ by: { kind: 'inline', file: '.env', line: 2, reason: 'synthetic value for the demo' } }),
    record({ ruleId: 'DG-TOOL-001', severity: 'critical', category: 'lookup-tool', file: 'tools/a.ts', line: 9, fingerprint: 'fedcba9876543210', by: { kind: 'exception', file: '.dancu-guard.yml', line: 4, reason: 'approved by letter 12/UBND-VP', expires: '2027-06-30' } }),
    record({ file: 'k8s/dev.env', fingerprint: '1111222233334444' }),
  ],
  accepting: [{ kind: 'exception', file: '.dancu-guard.yml', line: 4, what: 'exceptions[0]: DG-TOOL-001 on tools/a.ts until 2027-06-30' }],
  ignored: ['vendor/x.js'],
  notApplied: [{ kind: 'approved-tool', file: '.dancu-guard.yml', line: 7, what: 'approvedTools: **', why: 'trusted-config' }],
  readmitted: ['k8s/secret.yaml'],
  mode: 'trusted',
  trustedConfig: '/etc/dancu-guard/tinh-mau.yml',
};

const input = (acceptance?: Acceptance): ReportInput => ({
  tool: { name: 'dancu-guard', version: '0.1.0' },
  findings: [],
  summary: summarize([], 4, [], 'high', 0),
  ...(acceptance ? { acceptance } : {}),
});

describe('the suppressed section in every format', () => {
  it('text: by what, with reasons and expiry; what was ignored, in effect, not applied, readmitted', () => {
    const out = formatText(input(ACCEPTANCE), { lang: 'en' });
    expect(out).toContain(
      [
        'Trusted configuration: /etc/dancu-guard/tinh-mau.yml.',
        'Suppressed, excepted or baselined (3), not counted above:',
        '  .env:3  DG-CRED-002  inline directive .env:2 — "synthetic value for the demo"',
        '  tools/a.ts:9  DG-TOOL-001  exception .dancu-guard.yml:4 (until 2027-06-30) — "approved by letter 12/UBND-VP"',
        '  k8s/dev.env:3  DG-CRED-002  baseline baseline.json',
        'Ignored by config or .dancu-guardignore (1 files):',
        '  vendor/x.js',
        'Accepting settings in effect (1):',
        '  .dancu-guard.yml:4  exceptions[0]: DG-TOOL-001 on tools/a.ts until 2027-06-30',
        'Not applied (the trusted configuration decides; the repository can only tighten) (1):',
        '  .dancu-guard.yml:7  approvedTools: **',
        'Deployment manifests scanned although a repository ignore names them (1):',
        '  k8s/secret.yaml',
      ].join('\n'),
    );
    expect(formatText(input(ACCEPTANCE), { lang: 'vi' })).toContain('Đã bỏ qua, ngoại lệ hoặc trong baseline (3)');
    expect(suppressedText(undefined, 'en')).toEqual([]);
  });

  it('JSON: suppressed with by what, accepting, notApplied and the policy mode', () => {
    const doc = JSON.parse(formatJson(input(ACCEPTANCE), { lang: 'en' })) as Record<string, unknown>;
    expect(doc.suppressed).toEqual(ACCEPTANCE.suppressed);
    expect(doc.accepting).toEqual(ACCEPTANCE.accepting);
    expect(doc.notApplied).toEqual(ACCEPTANCE.notApplied);
    expect(doc.policy).toEqual({ mode: 'trusted', trustedConfig: '/etc/dancu-guard/tinh-mau.yml', ignored: ['vendor/x.js'], readmitted: ['k8s/secret.yaml'] });
  });

  it('Markdown: a collapsed table, escaped, and the values not applied', () => {
    const out = formatMarkdown(input(ACCEPTANCE), { lang: 'en' });
    expect(out).toContain('<summary>Suppressed, excepted, ignored or baselined (4)</summary>');
    expect(out).toContain('| critical DG-TOOL-001 | tools/a.ts:9 | exception .dancu-guard.yml:4 (until 2027-06-30) — "approved by letter 12/UBND-VP" |');
    expect(out).toContain('| .dancu-guard.yml:7 | approvedTools: \\*\\* | the trusted configuration decides; the repository can only tighten |');
    // A reason cannot break out of its cell or mention anyone.
    const hostile = { ...ACCEPTANCE, suppressed: [record({ by: { kind: 'inline', file: '.env', line: 2, reason: 'ok | @admin <b>x</b>\n# heading' } })] };
    const md = suppressedMarkdown(hostile, 'en', mdEscape);
    expect(md).toContain('ok \\| @\u200Badmin &lt;b&gt;x&lt;/b&gt;<br># heading');
  });

  it('Markdown: a long list stays within its budget and says how many more', () => {
    const many = { ...ACCEPTANCE, suppressed: Array.from({ length: 500 }, (_, i) => record({ line: i + 1, fingerprint: String(i).padStart(16, '0') })) };
    const md = suppressedMarkdown(many, 'en', mdEscape);
    expect(md.length).toBeLessThan(MARKDOWN_BUDGET + 2_000);
    expect(md).toMatch(/… and \d+ more \(see the JSON or SARIF report\)/);
  });

  it('SARIF: each accepted finding is a result with its suppression (inSource / external), valid against the schema', () => {
    const text = formatSarif(input(ACCEPTANCE), { lang: 'en' });
    const schema = JSON.parse(readFileSync(join(FIXTURES, 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const doc = JSON.parse(text) as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; status: string; justification: string }> }>; properties: Record<string, unknown> }> };
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    expect(doc.runs[0]!.results.map((r) => [r.ruleId, r.suppressions?.[0]?.kind, r.suppressions?.[0]?.justification])).toEqual([
      ['DG-CRED-002', 'inSource', 'inline directive .env:2 — "synthetic value for the demo"'],
      ['DG-TOOL-001', 'external', 'exception .dancu-guard.yml:4 (until 2027-06-30) — "approved by letter 12/UBND-VP"'],
      ['DG-CRED-002', 'external', 'baseline baseline.json'],
    ]);
    expect(doc.runs[0]!.properties).toMatchObject({ policyMode: 'trusted', ignoredFiles: ['vendor/x.js'], notApplied: ['.dancu-guard.yml:7 approvedTools: **'] });
  });
});

describe('a scan\'s acceptance', () => {
  const { tree } = tempTrees('dg-suppressed-');

  it('directives and exceptions with a real reason accept; placeholder reasons accept nothing (DG-CFG-002)', async () => {
    const root = tree({
      '.env': [
        '# dancu-guard:ignore DG-CRED-002 -- x',
        'C06_API_KEY=Tq9ZvLm7Xw2Pz8Kd4Rb6',
        '# dancu-guard:ignore DG-CRED-002 -- todo',
        'C06_SECRET_KEY=Tq9ZvLm7Xw2Pz8Kd4Rb7',
        '# dancu-guard:ignore DG-CRED-002 -- synthetic value for the offline demo',
        'C06_PASSWORD=Tq9ZvLm7Xw2Pz8Kd4Rb8',
        '',
      ].join('\n'),
      'config/dev.env': 'C06_PASSWORD=Tq9ZvLm7Xw2Pz8Kd4Rb9\n',
      'config/test.env': 'C06_PASSWORD=Tq9ZvLm7Xw2Pz8Kd4Rc0\n',
      '.dancu-guard.yml': [
        'exceptions:',
        '  - rule: DG-CRED-002',
        '    paths: ["config/dev.env"]',
        '    reason: xxx',
        '    expires: 2099-01-01',
        '  - rule: credentials',
        '    paths: ["config/test.env"]',
        '    reason: throwaway test cluster, rotated weekly',
        '    expires: 2099-01-01',
        '',
      ].join('\n'),
    });
    const r = await scan({ path: root, today: '2026-06-01' });
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'DG-CFG-002 .dancu-guard.yml:2',
      'DG-CFG-002 .env:1',
      'DG-CRED-002 .env:2',
      'DG-CFG-002 .env:3',
      'DG-CRED-002 .env:4',
      'DG-CRED-002 config/dev.env:1',
    ]);
    const a = acceptanceOf(r);
    expect(a.suppressed.map((s) => `${s.file}:${s.line} ${s.by.kind} ${s.by.file}:${s.by.line}`)).toEqual([
      '.env:6 inline .env:5',
      'config/test.env:1 exception .dancu-guard.yml:6',
    ]);
    expect(formatText({ ...input(a), findings: r.findings, summary: r.summary }, { lang: 'en' })).toContain('Suppressed, excepted or baselined (2)');
  });
});
