import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.js';
import { formatJson } from '../../src/report/json.js';
import { formatText, sanitizeTerminal } from '../../src/report/text.js';
import { summarize } from '../../src/report/summary.js';

const findings: Finding[] = [
  {
    ruleId: 'DG-CRED-001',
    title: 'Hardcoded credential in source code',
    category: 'credentials',
    severity: 'critical',
    file: 'src/config.ts',
    line: 6,
    column: 14,
    message: 'C06_secretKey holds a literal credential',
    remediation: 'Read it from a secret store.',
    basis: ['Công văn 2761/BCA-QLHCTTXH, mục II.2(2)'],
    fingerprint: '0123456789abcdef0123456789abcdef',
    value: 'Su…9x',
  },
  {
    ruleId: 'DG-LOG-001',
    title: 'Population DB call without audit log',
    category: 'logging',
    severity: 'medium',
    file: 'src/client.ts',
    line: 10,
    message: 'fetch in traCuu writes no audit record',
    remediation: 'Write an audit record.',
    basis: [],
    fingerprint: 'fedcba9876543210fedcba9876543210',
  },
];

describe('formatters are pure functions of findings', () => {
  const summary = summarize(findings, 12, [{ path: 'a.png', reason: 'binary' }], 'high', performance.now());

  it('summary counts by severity and category and decides the verdict', () => {
    expect(summary.total).toBe(2);
    expect(summary.bySeverity.critical).toBe(1);
    expect(summary.bySeverity.medium).toBe(1);
    expect(summary.byCategory.credentials).toBe(1);
    expect(summary.blocking).toBe(1);
    expect(summary.verdict).toBe('fail');
    expect(summary.filesSkipped).toEqual({ binary: 1 });
    const lenient = summarize(findings, 12, [], 'critical', performance.now());
    expect(lenient.blocking).toBe(1);
    expect(summarize(findings, 12, [], 'none', performance.now()).verdict).toBe('pass');
  });

  it('json follows the versioned contract', () => {
    const doc = JSON.parse(formatJson({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings, summary }, { lang: 'en' }));
    expect(doc.version).toBe(1);
    expect(doc.tool.name).toBe('dancu-guard');
    expect(doc.findings[0]).toMatchObject({ ruleId: 'DG-CRED-001', file: 'src/config.ts', line: 6, column: 14, value: 'Su…9x' });
    expect(doc.findings[1]).not.toHaveProperty('column');
    expect(doc.summary.verdict).toBe('fail');
  });

  it('text (compact): one line per finding, the fix and basis once per rule, one verdict line', () => {
    const twice = [...findings, { ...findings[0]!, line: 9, column: 3, fingerprint: 'another' }];
    const s = summarize(twice, 12, [{ path: 'a.png', reason: 'binary' }], 'high', performance.now());
    const out = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings: twice, summary: s }, { lang: 'en', color: false });
    const lines = out.split('\n');
    expect(lines[0]).toBe('src/config.ts:6:14  CRITICAL  DG-CRED-001  C06_secretKey holds a literal credential');
    expect(lines).toContain('src/client.ts:10  MEDIUM    DG-LOG-001  fetch in traCuu writes no audit record');
    // The fix, basis and link once per rule, however many findings it has.
    expect(out.match(/Fix: Read it from a secret store\./g)).toHaveLength(1);
    expect(out).toContain('DG-CRED-001  Hardcoded credential in source code  (2×)');
    expect(out).toContain('Basis: Công văn 2761/BCA-QLHCTTXH, mục II.2(2)');
    expect(out).toContain('Docs: https://github.com/your-org/dancu-guard/blob/main/docs/rules/DG-CRED-001.md');
    expect(out.match(/^Verdict:/gm)).toHaveLength(1);
    expect(lines.at(-2)).toBe('Verdict: FAIL — 2 blocking at or above high');
    expect(out).toContain('1 binary');
    expect(out).not.toMatch(/\x1b\[/);
  });

  it('text --quiet: the finding lines and the verdict line, nothing else', () => {
    const out = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings, summary }, { lang: 'en', layout: 'quiet' });
    expect(out.trimEnd().split('\n')).toEqual([
      'src/config.ts:6:14  CRITICAL  DG-CRED-001  C06_secretKey holds a literal credential',
      'src/client.ts:10  MEDIUM    DG-LOG-001  fetch in traCuu writes no audit record',
      'Verdict: FAIL — 1 blocking at or above high',
    ]);
  });

  it('text --verbose: grouped by file, value, fix and basis under every finding', () => {
    const out = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings, summary }, { lang: 'en', color: false, layout: 'verbose' });
    expect(out.split('\n')[0]).toBe('src/config.ts');
    expect(out).toContain('6:14    CRITICAL DG-CRED-001  Hardcoded credential in source code');
    expect(out).toContain('value: Su…9x');
    expect(out).toContain('Fix: Read it from a secret store.');
    expect(out.match(/^Verdict:/gm)).toHaveLength(1);
  });

  it('text speaks Vietnamese with --lang vi: severities, summary words, verdict', () => {
    const out = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings, summary }, { lang: 'vi' });
    expect(out).toContain('src/config.ts:6:14  NGHIÊM TRỌNG  DG-CRED-001');
    expect(out).toContain('TRUNG BÌNH');
    expect(out).toContain('2 phát hiện (1 nghiêm trọng, 1 trung bình) trong 12 tệp đã quét');
    expect(out).toContain('Khắc phục: Read it from a secret store.');
    expect(out).toContain('Kết luận: KHÔNG ĐẠT — 1 phát hiện chặn, từ mức cao trở lên');
    expect(out).not.toMatch(/CRITICAL|MEDIUM|Verdict|FAIL|blocking|findings/);
    const empty = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings: [], summary: summarize([], 3, [], 'high', performance.now()) }, { lang: 'vi' });
    expect(empty).toContain('Không có phát hiện nào.');
    expect(empty).toContain('Kết luận: ĐẠT — không có phát hiện từ mức cao trở lên');
  });

  it('the verdict words can be the caller\'s (the gate: ALLOWED / BLOCKED)', () => {
    const out = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings, summary }, { lang: 'en', verdictWords: { pass: 'ALLOWED', fail: 'BLOCKED' } });
    expect(out.trimEnd().split('\n').at(-1)).toBe('Verdict: BLOCKED — 1 blocking at or above high');
  });
});

describe('text output neutralises terminal control characters', () => {
  it('escapes ESC, C0, C1, DEL and bidi controls in every printed field', () => {
    const evil = '\x1b]0;pwned\x07\x1b[2J\r\u009b31m\x7f\u202e';
    const f: Finding = {
      ...findings[0]!,
      file: `src/${evil}config.ts`,
      message: `msg ${evil}\nINJECTED LINE`,
      title: `title${evil}`,
      ruleId: `DG-CRED-001${evil}`,
      value: `Su${evil}9x`,
      remediation: `fix${evil}`,
      basis: [`basis${evil}`],
      commit: { sha: `abc${evil}`, authorDate: `2026-01-01${evil}` },
    } as Finding;
    const summary = summarize([f], 1, [{ path: `x${evil}`, reason: 'binary' }], 'high', performance.now());
    const plain = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings: [f], summary }, { lang: 'en', color: false });
    expect(plain).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    for (const layout of ['quiet', 'verbose'] as const) {
      expect(formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings: [f], summary }, { lang: 'en', layout })).not.toMatch(
        /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/,
      );
    }
    expect(plain).toContain('\\x1b]0;pwned\\x07');
    expect(plain).toContain('msg ');
    expect(plain).toContain('\\x0aINJECTED LINE');
    expect(plain.split('\n').some((l) => l.startsWith('INJECTED'))).toBe(false);
    // With colour, only the formatter's own SGR sequences reach the terminal.
    const colored = formatText({ tool: { name: 'dancu-guard', version: '0.0.0' }, findings: [f], summary }, { lang: 'en', color: true });
    const escapes = colored.match(/\x1b[^m]*m/g) ?? [];
    for (const e of escapes) expect(e).toMatch(/^\x1b\[[0-9;]*m$/);
    expect(colored).not.toContain('\x1b]');
  });

  it('sanitizeTerminal keeps printable text, Vietnamese included', () => {
    expect(sanitizeTerminal('Mật khẩu — tệp.ts')).toBe('Mật khẩu — tệp.ts');
    expect(sanitizeTerminal('a\tb\u0085c')).toBe('a\\x09b\\x85c');
  });
});
