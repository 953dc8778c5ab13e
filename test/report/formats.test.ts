import { FIXTURES } from '../helpers/paths.js';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/findings/types.js';
import type { RuleCatalog } from '../../src/policy/bundle.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { FORMATTERS } from '../../src/report/index.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown, MARKDOWN_LIMIT, MARKDOWN_MARKER } from '../../src/report/markdown.js';
import { formatSarif, pascalCase, toUri } from '../../src/report/sarif.js';
import { summarize } from '../../src/report/summary.js';
import type { ReportInput } from '../../src/report/types.js';

// ---------------------------------------------------------------------------
// Synthetic fixtures. The clear secret below never enters a Finding: findings carry
// only its redacted form, and no formatter may print anything else.
const CLEAR_SECRET = 'Sup3rS3cretC06Passw0rd9x';
const REDACTED = 'Su…9x';

const catalog: RuleCatalog = {
  'DG-CRED-001': {
    id: 'DG-CRED-001',
    title: { en: 'Hardcoded credential in source code', vi: 'Thông tin xác thực ghi cứng trong mã nguồn' },
    severity: 'critical',
    category: 'credentials',
    basis: ['Công văn 2761/BCA-QLHCTTXH, mục II.2(2)'],
    basisKeys: ['R1'],
    remediation: { en: 'Read the credential from a secret store.', vi: 'Đọc thông tin xác thực từ kho bí mật.' },
    package: 'dancu.credentials',
  },
  'DG-LOG-001': {
    id: 'DG-LOG-001',
    title: { en: 'Population DB call without audit log', vi: 'Gọi CSDL dân cư không ghi nhật ký' },
    severity: 'medium',
    category: 'logging',
    basis: ['Nghị định 13/2023/NĐ-CP, Điều 26', 'Thông tư 12/2022/TT-BTTTT'],
    basisKeys: ['R4'],
    remediation: { en: 'Write an audit record for each lookup.', vi: 'Ghi nhật ký cho mỗi lần tra cứu.' },
    package: 'dancu.logging',
  },
  'DG-QUOTA-001': {
    id: 'DG-QUOTA-001',
    title: { en: 'Lookup without rate limit', vi: 'Tra cứu không giới hạn tần suất' },
    severity: 'low',
    category: 'quota',
    basis: [],
    basisKeys: [],
    remediation: { en: 'Wrap the client in a rate limiter.', vi: 'Bọc client bằng bộ giới hạn tần suất.' },
    package: 'dancu.quota',
  },
  'DG-TLS-001': {
    id: 'DG-TLS-001',
    title: { en: 'TLS verification disabled', vi: 'Tắt kiểm tra TLS' },
    severity: 'high',
    category: 'transport',
    basis: ['Quyết định 06/QĐ-TTg'],
    basisKeys: ['R7'],
    remediation: { en: 'Keep certificate verification on.', vi: 'Giữ kiểm tra chứng chỉ.' },
    package: 'dancu.transport',
  },
};

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId'>): Finding {
  const meta = catalog[over.ruleId];
  return {
    title: meta?.title.en ?? 'Synthetic rule',
    category: meta?.category ?? 'config',
    severity: meta?.severity ?? 'info',
    file: 'src/app.ts',
    line: 1,
    message: 'synthetic',
    remediation: meta?.remediation.en ?? 'Do the right thing.',
    basis: meta?.basis ?? [],
    fingerprint: `fp-${over.ruleId}-${over.file ?? 'src/app.ts'}-${over.line ?? 1}`,
    ...over,
  };
}

const findings: Finding[] = [
  finding({
    ruleId: 'DG-CRED-001',
    file: 'src/config.ts',
    line: 6,
    column: 14,
    message: `C06_secretKey holds a literal credential (${REDACTED})`,
    value: REDACTED,
    fingerprint: '0123456789abcdef0123456789abcdef',
  }),
  finding({
    ruleId: 'DG-CRED-001',
    file: 'src/config.ts',
    line: 9,
    message: 'same literal assigned again',
    value: REDACTED,
    fingerprint: '0123456789abcdef0123456789abcdef',
  }),
  finding({ ruleId: 'DG-LOG-001', file: 'src/client.ts', line: 0, message: 'fetch in traCuu writes no audit record' }),
  finding({ ruleId: 'DG-TLS-001', file: 'deploy/k8s app/values.yaml', line: 3, endLine: 5, message: 'rejectUnauthorized: false' }),
  finding({ ruleId: 'DG-QUOTA-001', file: 'src\\legacy\\tra-cuu.ts', line: 12, message: 'loop over lookups' }),
  // A rule the catalog does not know (e.g. a user's own policy).
  finding({
    ruleId: 'ORG-CUSTOM-7',
    title: 'Không dùng máy chủ thử nghiệm',
    category: 'config',
    severity: 'info',
    file: 'config/app.yml',
    line: 2,
    message: 'test server configured',
    remediation: 'Remove it.',
    basis: ['Quy chế nội bộ'],
  }),
];

function inputOf(fs: Finding[], failOn: Severity | 'none' = 'high', extra: Partial<ReportInput> = {}): ReportInput {
  return {
    tool: { name: 'dancu-guard', version: '0.1.0' },
    findings: fs,
    summary: summarize(fs, 42, [{ path: 'logo.png', reason: 'binary' }], failOn, performance.now()),
    ...extra,
  };
}

// ---------------------------------------------------------------------------
// SARIF schema validation with ajv (the shared schema declares draft 2020-12).
const sarifSchema = JSON.parse(readFileSync(join(FIXTURES, 'schemas', 'sarif-2.1.0.json'), 'utf8')) as {
  $schema: string;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
// No ajv-formats: simple checks for the formats the SARIF schema uses.
ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
ajv.addFormat('uri-reference', /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/);
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(text: string): any {
  const doc = JSON.parse(text);
  const ok = validateSarif(doc);
  expect(ajv.errorsText(validateSarif.errors)).toBe('No errors');
  expect(ok).toBe(true);
  return doc;
}

describe('sarif', () => {
  it('uses the ajv class matching the schema draft', () => {
    expect(sarifSchema.$schema).toContain('2020-12');
  });

  it('the validator really rejects invalid SARIF', () => {
    const doc = JSON.parse(formatSarif(inputOf(findings), { lang: 'en' }));
    expect(validateSarif(doc)).toBe(true);
    const bad = structuredClone(doc);
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(bad)).toBe(false);
    const badUri = structuredClone(doc);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b.ts';
    expect(validateSarif(badUri)).toBe(false);
    const badLevel = structuredClone(doc);
    badLevel.runs[0].results[0].level = 'fatal';
    expect(validateSarif(badLevel)).toBe(false);
  });

  it('is valid SARIF 2.1.0 with several findings and a catalog', () => {
    const out = formatSarif(inputOf(findings, 'high', { rules: catalog, automationCategory: 'dancu-guard/merge' }), {
      lang: 'en',
    });
    expect(out).toMatch(/^\{\n {2}"\$schema"/); // pretty JSON
    const doc = expectValidSarif(out);
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs).toHaveLength(1);
    const run = doc.runs[0];
    expect(run.tool.driver.name).toBe('dancu-guard');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.automationDetails.id).toBe('dancu-guard/merge/');
    expect(run.originalUriBaseIds['%SRCROOT%']).toBeDefined();
    expect(run.results).toHaveLength(findings.length);
  });

  it('is valid SARIF with zero findings, with and without a catalog', () => {
    const bare = expectValidSarif(formatSarif(inputOf([]), { lang: 'en' }));
    expect(bare.runs[0].results).toEqual([]);
    expect(bare.runs[0].tool.driver.rules).toEqual([]);
    expect(bare.runs[0].automationDetails.id).toBe('dancu-guard/');
    const full = expectValidSarif(formatSarif(inputOf([], 'high', { rules: catalog }), { lang: 'vi' }));
    expect(full.runs[0].tool.driver.rules.map((r: any) => r.id)).toEqual(Object.keys(catalog).sort());
  });

  it('gives %SRCROOT% a file URI when an absolute root is known', () => {
    const doc = expectValidSarif(formatSarif(inputOf(findings, 'high', { root: '/srv/repo' }), { lang: 'en' }));
    expect(doc.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///srv/repo/');
  });

  it('describes every rule: name, descriptions, help with remediation and basis, tags, severity', () => {
    const doc = expectValidSarif(formatSarif(inputOf(findings, 'high', { rules: catalog }), { lang: 'en' }));
    const rules = doc.runs[0].tool.driver.rules as any[];
    // Every catalog rule, plus the custom one seen only in a finding; sorted by id.
    expect(rules.map((r) => r.id)).toEqual(['DG-CRED-001', 'DG-LOG-001', 'DG-QUOTA-001', 'DG-TLS-001', 'ORG-CUSTOM-7']);
    const cred = rules[0];
    expect(cred.name).toBe('HardcodedCredentialInSourceCode');
    expect(cred.shortDescription.text).toBe('Hardcoded credential in source code');
    expect(cred.fullDescription.text).toContain('Hardcoded credential in source code');
    expect(cred.help.text).toContain('Read the credential from a secret store.');
    expect(cred.help.text).toContain('Công văn 2761/BCA-QLHCTTXH, mục II.2(2)');
    expect(cred.help.markdown).toContain('Read the credential from a secret store.');
    expect(cred.help.markdown).toContain('Công văn 2761/BCA-QLHCTTXH, mục II.2(2)');
    expect(cred.properties.tags).toEqual(['credentials', 'security', 'compliance']);
    const expected: Record<string, [string, string]> = {
      'DG-CRED-001': ['9.5', 'error'],
      'DG-TLS-001': ['8.0', 'error'],
      'DG-LOG-001': ['5.5', 'warning'],
      'DG-QUOTA-001': ['3.0', 'note'],
      'ORG-CUSTOM-7': ['0.0', 'note'],
    };
    for (const r of rules) {
      expect(typeof r.properties['security-severity']).toBe('string');
      expect([r.properties['security-severity'], r.defaultConfiguration.level]).toEqual(expected[r.id]);
    }
    // A rule known only from its finding gets an ASCII PascalCase name.
    expect(rules[4].name).toBe('KhongDungMayChuThuNghiem');
  });

  it('keeps rule ids and indexes stable whatever the order of findings', () => {
    const a = JSON.parse(formatSarif(inputOf(findings), { lang: 'en' })).runs[0];
    const b = JSON.parse(formatSarif(inputOf([...findings].reverse()), { lang: 'en' })).runs[0];
    expect(a.tool.driver.rules.map((r: any) => r.id)).toEqual(b.tool.driver.rules.map((r: any) => r.id));
    for (const run of [a, b]) {
      for (const res of run.results) {
        expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      }
    }
    const withCatalog = JSON.parse(formatSarif(inputOf(findings.slice(0, 1), 'high', { rules: catalog }), { lang: 'en' }))
      .runs[0];
    expect(withCatalog.results[0].ruleIndex).toBe(0);
    expect(formatSarif(inputOf(findings), { lang: 'en' })).toBe(formatSarif(inputOf(findings), { lang: 'en' }));
  });

  it('maps results: level, message with redacted value, location, fingerprints', () => {
    const run = expectValidSarif(formatSarif(inputOf(findings), { lang: 'en' })).runs[0];
    const [r0, r1, r2, r3, r4] = run.results;
    expect(r0).toMatchObject({ ruleId: 'DG-CRED-001', level: 'error' });
    expect(r0.message.text).toBe(`C06_secretKey holds a literal credential (${REDACTED}) (value: ${REDACTED})`);
    const loc0 = r0.locations[0].physicalLocation;
    expect(loc0.artifactLocation).toEqual({ uri: 'src/config.ts', uriBaseId: '%SRCROOT%' });
    expect(loc0.region).toEqual({ startLine: 6, startColumn: 14 });
    expect(r0.partialFingerprints.primaryLocationLineHash).toBe('0123456789abcdef0123456789abcdef:1');
    expect(r1.partialFingerprints.primaryLocationLineHash).toBe('0123456789abcdef0123456789abcdef:2');
    expect(r0.fingerprints['dancu-guard/v1']).toBe('0123456789abcdef0123456789abcdef');
    // line 0 is clamped to 1.
    expect(r2.level).toBe('warning');
    expect(r2.locations[0].physicalLocation.region.startLine).toBe(1);
    expect(r3.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/k8s%20app/values.yaml');
    expect(r3.locations[0].physicalLocation.region).toEqual({ startLine: 3, endLine: 5 });
    expect(r4.locations[0].physicalLocation.artifactLocation.uri).toBe('src/legacy/tra-cuu.ts');
    expect(r4.level).toBe('note');
  });

  it('clamps any start line below 1, and NaN, to 1', () => {
    const odd = [finding({ ruleId: 'DG-LOG-001', line: -4 }), finding({ ruleId: 'DG-LOG-001', line: Number.NaN, column: 0 })];
    const run = expectValidSarif(formatSarif(inputOf(odd), { lang: 'en' })).runs[0];
    for (const r of run.results) {
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(r.locations[0].physicalLocation.region.startColumn).toBeUndefined();
    }
  });

  it('speaks Vietnamese with lang vi (rule texts from the catalog)', () => {
    const run = expectValidSarif(formatSarif(inputOf(findings, 'high', { rules: catalog }), { lang: 'vi' })).runs[0];
    const cred = run.tool.driver.rules[0];
    expect(cred.shortDescription.text).toBe('Thông tin xác thực ghi cứng trong mã nguồn');
    expect(cred.name).toBe('HardcodedCredentialInSourceCode');
    expect(cred.help.markdown).toContain('Căn cứ pháp lý');
    expect(run.tool.driver.language).toBe('vi-VN');
  });

  it('helpers: PascalCase names and relative URIs', () => {
    expect(pascalCase('TLS verification disabled', 'X')).toBe('TLSVerificationDisabled');
    expect(pascalCase('Đường dẫn', 'X')).toBe('DuongDan');
    expect(pascalCase('—', 'DG-X-1')).toBe('DGX1');
    expect(toUri('./a b/c#d?.ts')).toBe('a%20b/c%23d%3F.ts');
    expect(toUri('src/tệp.ts')).toBe('src/t%E1%BB%87p.ts');
  });
});

// ---------------------------------------------------------------------------
// JUnit: well-formedness checked by a real XML parser (python3's expat).
interface ParsedCase {
  suite: string;
  classname: string;
  name: string;
  file: string | null;
  status: 'failed' | 'skipped' | 'passed';
  message: string | null;
  type: string | null;
  text: string | null;
}
interface ParsedJunit {
  root: Record<string, string>;
  suites: Array<Record<string, string>>;
  cases: ParsedCase[];
}

const PY_PARSE = `
import json, sys, xml.dom.minidom, xml.etree.ElementTree as ET
data = sys.stdin.buffer.read()
xml.dom.minidom.parseString(data)
root = ET.fromstring(data)
cases = []
for s in root.iter('testsuite'):
    for c in s.iter('testcase'):
        f = c.find('failure'); k = c.find('skipped'); e = f if f is not None else k
        cases.append({'suite': s.get('name'), 'classname': c.get('classname'), 'name': c.get('name'), 'file': c.get('file'),
          'status': 'failed' if f is not None else 'skipped' if k is not None else 'passed',
          'message': e.get('message') if e is not None else None, 'type': e.get('type') if e is not None else None,
          'text': e.text if e is not None else None})
print(json.dumps({'root': dict(root.attrib), 'suites': [dict(s.attrib) for s in root.iter('testsuite')], 'cases': cases}))
`;

function parseXml(xml: string): ParsedJunit {
  const r = spawnSync('python3', ['-c', PY_PARSE], { input: xml, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout) as ParsedJunit;
}

describe('junit', () => {
  it('the python parser really rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/not well-formed/);
    expect(() => parseXml('<a x="1 < 2"/>')).toThrow(/not well-formed/);
    expect(() => parseXml('<a>\x01</a>')).toThrow(/not well-formed/);
  });

  it('is well-formed even with <&>"\' and control characters in messages', () => {
    const nasty = [
      finding({
        ruleId: 'DG-CRED-001',
        file: 'src/a&b<c>.ts',
        line: 2,
        message: `x < y && z > "q" 'r' \x01bell\x1b[31m ]]> end\nsecond line\ttab`,
        value: REDACTED,
      }),
      finding({ ruleId: 'DG-LOG-001', line: 4, message: 'medium <b>bold</b> \uD800 lone surrogate' }),
    ];
    const xml = formatJunit(inputOf(nasty), { lang: 'en' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const doc = parseXml(xml);
    const failed = doc.cases.find((c) => c.status === 'failed')!;
    expect(failed.classname).toBe('DG-CRED-001');
    expect(failed.name).toBe('src/a&b<c>.ts:2');
    expect(failed.file).toBe('src/a&b<c>.ts');
    expect(failed.type).toBe('critical');
    // Attribute text survives the round trip, newline and tab included; control chars are gone.
    expect(failed.message).toBe(`x < y && z > "q" 'r' bell[31m ]]> end\nsecond line\ttab (value: ${REDACTED})`);
    expect(failed.text).toContain('Fix: Read the credential from a secret store.');
    expect(failed.text).toContain('Legal basis: Công văn 2761/BCA-QLHCTTXH, mục II.2(2)');
    expect(xml).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
    const skipped = doc.cases.find((c) => c.status === 'skipped')!;
    expect(skipped.message).toContain('medium <b>bold</b>  lone surrogate');
  });

  it('maps blocking findings to failures and the rest to skipped, one suite per category', () => {
    const doc = parseXml(formatJunit(inputOf(findings, 'high'), { lang: 'en' }));
    expect(doc.suites.map((s) => s.name)).toEqual([
      'dancu-guard/credentials',
      'dancu-guard/logging',
      'dancu-guard/quota',
      'dancu-guard/transport',
      'dancu-guard/config',
    ]);
    expect(doc.cases).toHaveLength(findings.length);
    expect(doc.cases.filter((c) => c.status === 'failed').map((c) => c.classname)).toEqual([
      'DG-CRED-001',
      'DG-CRED-001',
      'DG-TLS-001',
    ]);
    expect(doc.cases.filter((c) => c.status === 'skipped')).toHaveLength(3);
    expect(doc.root).toMatchObject({ name: 'dancu-guard', tests: '6', failures: '3', skipped: '3', errors: '0' });
    const cred = doc.suites[0]!;
    expect(cred).toMatchObject({ tests: '2', failures: '2', skipped: '0' });
    expect(doc.cases.find((c) => c.classname === 'DG-LOG-001')!.name).toBe('src/client.ts:1');
  });

  it('keeps testcase names unique when one rule fires twice on a line', () => {
    const twice = [finding({ ruleId: 'DG-CRED-001', line: 3 }), finding({ ruleId: 'DG-CRED-001', line: 3 })];
    const doc = parseXml(formatJunit(inputOf(twice), { lang: 'en' }));
    expect(doc.cases.map((c) => c.name)).toEqual(['src/app.ts:3', 'src/app.ts:3 (2)']);
  });

  it('a run with no findings is one passing testcase', () => {
    const doc = parseXml(formatJunit(inputOf([]), { lang: 'vi' }));
    expect(doc.cases).toEqual([
      expect.objectContaining({ suite: 'dancu-guard', classname: 'dancu-guard', status: 'passed' }),
    ]);
    expect(doc.root).toMatchObject({ tests: '1', failures: '0', skipped: '0' });
  });

  it('nothing blocking still shows a passing testcase beside the skipped ones', () => {
    const doc = parseXml(formatJunit(inputOf(findings, 'none'), { lang: 'en' }));
    expect(doc.cases.filter((c) => c.status === 'failed')).toHaveLength(0);
    expect(doc.cases.filter((c) => c.status === 'passed')).toHaveLength(1);
    expect(doc.cases.filter((c) => c.status === 'skipped')).toHaveLength(findings.length);
  });
});

// ---------------------------------------------------------------------------
describe('markdown', () => {
  it('starts with the marker and shows verdict, count tables and findings tables', () => {
    const md = formatMarkdown(inputOf(findings, 'high'), { lang: 'en' });
    expect(md.split('\n')[0]).toBe(MARKDOWN_MARKER);
    expect(md).toContain('**FAIL**');
    expect(md).toContain('| critical | high | medium | low | info |');
    expect(md).toContain('| 2 | 1 | 1 | 1 | 1 |');
    expect(md).toContain('| credentials | logging | quota | transport | config |');
    expect(md).toContain('### Blocking findings (3)');
    expect(md).toContain('| Severity | Rule | Location | Message | Value |');
    expect(md).toContain(`| critical | DG-CRED-001 | src/config.ts:6:14 | C06\\_secretKey holds a literal credential (${REDACTED}) | ${REDACTED} |`);
    expect(md).toMatch(/<details>\n<summary>Non-blocking findings \(3\)<\/summary>/);
    // Remediation and legal basis per rule.
    expect(md).toContain('**DG-LOG-001** — Population DB call without audit log');
    expect(md).toContain('- **Fix:** Write an audit record for each lookup.');
    expect(md).toContain('- **Legal basis:** Nghị định 13/2023/NĐ-CP, Điều 26; Thông tư 12/2022/TT-BTTTT');
    expect(md).not.toContain('omitted');
  });

  it('passes with no findings', () => {
    const md = formatMarkdown(inputOf([]), { lang: 'en' });
    expect(md.startsWith(`${MARKDOWN_MARKER}\n`)).toBe(true);
    expect(md).toContain('**PASS**');
    expect(md).toContain('No findings.');
    expect(md).not.toContain('<details>');
  });

  it('escapes pipes, backticks, HTML and line breaks in cells', () => {
    const evil = finding({
      ruleId: 'DG-CRED-001',
      file: 'src/a|b.ts',
      message: 'a | b `code` <img src=x onerror=alert(1)> & @octocat\nnext',
      value: REDACTED,
    });
    const md = formatMarkdown(inputOf([evil]), { lang: 'en' });
    const row = md.split('\n').find((l) => l.startsWith('| critical | DG-CRED-001'))!;
    expect(row).toContain('src/a\\|b.ts:1');
    expect(row).toContain('a \\| b \\`code\\` &lt;img src=x onerror=alert(1)&gt; &amp; @\u200Boctocat');
    expect(row).toContain('<br>next');
    expect(row).not.toContain('<img');
    // Five cells: six unescaped pipes.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
  });

  it('stays under the size limit with 5,000 findings and says how many were omitted', () => {
    const many: Finding[] = [];
    for (let i = 0; i < 5000; i++) {
      const sev: Severity = i % 3 === 0 ? 'critical' : i % 3 === 1 ? 'medium' : 'low';
      const ruleId = sev === 'critical' ? 'DG-CRED-001' : sev === 'medium' ? 'DG-LOG-001' : 'DG-QUOTA-001';
      many.push(
        finding({
          ruleId,
          severity: sev,
          file: `src/module-${i % 97}/file-${i}.ts`,
          line: i + 1,
          message: `synthetic finding number ${i} with a reasonably long message to fill the table`,
        }),
      );
    }
    const md = formatMarkdown(inputOf(many, 'high'), { lang: 'en' });
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    const shown = md.split('\n').filter((l) => /^\| (critical|medium|low) \| DG-/.test(l)).length;
    const m = /_(\d+) more findings are not shown here/.exec(md);
    expect(m).not.toBeNull();
    expect(shown + Number(m![1])).toBe(5000);
    expect(shown).toBeGreaterThan(100);
    // Blocking rows come first: the shown ones are all critical ones when they do not all fit.
    const firstRow = md.split('\n').find((l) => l.startsWith('| critical |'));
    expect(firstRow).toBeDefined();
    expect(md).toContain('### Blocking findings (1667)');
    // The per-rule section and footer survive truncation.
    expect(md).toContain('**DG-QUOTA-001**');
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('speaks Vietnamese with lang vi', () => {
    const md = formatMarkdown(inputOf(findings, 'high'), { lang: 'vi' });
    expect(md).toContain('báo cáo tuân thủ');
    expect(md).toContain('| Mức độ | Quy tắc | Vị trí | Nội dung | Giá trị |');
    expect(md).toContain('Phát hiện không chặn (3)');
    expect(md).toContain('Căn cứ pháp lý');
  });
});

// ---------------------------------------------------------------------------
describe('github annotations', () => {
  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('emits error/warning/notice per finding and a summary notice last', () => {
    const out = formatGithub(inputOf(findings, 'high'), { lang: 'en' });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length + 1);
    expect(lines[0]).toBe(
      `::error file=src/config.ts,line=6,col=14,title=DG-CRED-001 Hardcoded credential in source code::` +
        `C06_secretKey holds a literal credential (${REDACTED}) (value: ${REDACTED})%0AFix: Read the credential from a secret store.`,
    );
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(1); // the info finding
    expect(lines.find((l) => l.includes('DG-LOG-001'))).toMatch(/^::warning file=src\/client.ts,line=1,title=/);
    expect(lines.find((l) => l.includes('DG-TLS-001'))).toContain('line=3,endLine=5,');
    expect(lines.at(-1)).toMatch(/^::notice::dancu-guard: 6 findings \(3 blocking at or above high\) in 42 files scanned: FAIL$/);
  });

  it('escapes %, newline, comma and colon in file names and messages', () => {
    const f = finding({
      ruleId: 'DG-LOG-001',
      file: 'weird/100%,a:b\nc.ts',
      line: 7,
      message: 'rate 50%, then\nmore: stuff',
      title: 'Title: with, punctuation',
    });
    const [first] = formatGithub(inputOf([f], 'high'), { lang: 'en' }).split('\n');
    expect(first).toBe(
      '::warning file=weird/100%25%2Ca%3Ab%0Ac.ts,line=7,title=DG-LOG-001 Title%3A with%2C punctuation::' +
        'rate 50%25, then%0Amore: stuff%0AFix: Write an audit record for each lookup.',
    );
    // Exactly one command line per finding: no raw newline leaked.
    expect(formatGithub(inputOf([f]), { lang: 'en' }).trimEnd().split('\n')).toHaveLength(2);
  });

  it('with no findings prints only the summary', () => {
    expect(formatGithub(inputOf([]), { lang: 'vi' })).toBe(
      '::notice::dancu-guard: 0 phát hiện (0 chặn ở mức high trở lên) trong 42 tệp đã quét: PASS\n',
    );
  });
});

// ---------------------------------------------------------------------------
describe('all formats', () => {
  it('are registered', () => {
    expect(Object.keys(FORMATTERS)).toEqual(expect.arrayContaining(['text', 'json', 'sarif', 'junit', 'markdown', 'github']));
  });

  it('never print more than the findings carry: redacted value only, no clear secret', () => {
    for (const [name, fmt] of Object.entries(FORMATTERS)) {
      for (const lang of ['en', 'vi'] as const) {
        const out = fmt(inputOf(findings, 'high', { rules: catalog }), { lang });
        expect(out, `${name}/${lang}`).not.toContain(CLEAR_SECRET);
        expect(out, `${name}/${lang}`).not.toContain(CLEAR_SECRET.slice(2, -2));
        expect(out, `${name}/${lang}`).toContain(REDACTED);
      }
    }
  });
});
