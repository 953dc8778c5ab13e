import type { Finding, Severity } from '../findings/types.js';
import { neutralizeCommands } from './github.js';
import { suppressedText } from './suppressed.js';
import type { Formatter, ReportOptions } from './types.js';

const LABELS = {
  en: { findings: 'findings', in: 'in', scanned: 'files scanned', skipped: 'skipped', verdict: 'Verdict', basis: 'Basis', fix: 'Fix', none: 'No findings.', value: 'value', suppressed: 'suppressed', known: 'accepted by baseline', stale: 'Stale baseline entries (no longer found; remove them with --write-baseline):', commit: 'commit' },
  vi: { findings: 'phát hiện', in: 'trong', scanned: 'tệp đã quét', skipped: 'bỏ qua', verdict: 'Kết luận', basis: 'Căn cứ', fix: 'Khắc phục', none: 'Không có phát hiện nào.', value: 'giá trị', suppressed: 'đã bỏ qua theo chỉ thị/ngoại lệ', known: 'đã chấp nhận trong baseline', stale: 'Mục baseline không còn khớp (đã sửa; cập nhật bằng --write-baseline):', commit: 'commit' },
} as const;

const COLORS: Record<Severity, string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m',
};

/**
 * A field safe to print on a terminal: C0 controls (including `\n`, `\r`, ESC), DEL, C1
 * controls and bidi overrides/isolates become visible escapes (`\x1b`, `\u202e`), so a
 * file name or message cannot move the cursor, recolour, retitle or reorder the output.
 * Only the formatter's own line breaks and colours reach the terminal.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function sanitizeTerminal(value: unknown): string {
  return String(value).replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
const t = sanitizeTerminal;

function paint(opts: ReportOptions, code: string, s: string): string {
  return opts.color ? `${code}${s}\x1b[0m` : s;
}

/** Human output, grouped by file: location, severity, rule, message, redacted value, fix. */
export const formatText: Formatter = (input, opts) => {
  const L = LABELS[opts.lang];
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(paint(opts, '\x1b[1;4m', t(file)));
    for (const f of findings) {
      const loc = t(`${f.line}${f.column ? `:${f.column}` : ''}`).padEnd(7);
      const sev = paint(opts, COLORS[f.severity], t(f.severity.toUpperCase()).padEnd(8));
      lines.push(`  ${loc} ${sev} ${t(f.ruleId)}  ${t(f.title)}`);
      lines.push(`          ${t(f.message)}`);
      if (f.value !== undefined) lines.push(`          ${L.value}: ${t(f.value)}`);
      if (f.commit) lines.push(`          ${L.commit}: ${t(f.commit.sha.slice(0, 12))} (${t(f.commit.authorDate)})`);
      lines.push(paint(opts, '\x1b[2m', `          ${L.fix}: ${t(f.remediation)}`));
      if (f.basis.length) lines.push(paint(opts, '\x1b[2m', `          ${L.basis}: ${t(f.basis.join('; '))}`));
    }
    lines.push('');
  }
  const s = input.summary;
  if (s.baseline && s.baseline.stale.length > 0) {
    lines.push(L.stale);
    for (const e of s.baseline.stale) lines.push(`  ${t(e.file)}:${t(e.line)}  ${t(e.ruleId)}  ${t(e.fingerprint)}`);
    lines.push('');
  }
  const accepted = suppressedText(input.acceptance, opts.lang, t);
  if (accepted.length) lines.push(...accepted, '');
  if (input.findings.length === 0) lines.push(L.none);
  const sev = (Object.entries(s.bySeverity) as Array<[Severity, number]>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const skipped = Object.entries(s.filesSkipped)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${t(k)}`)
    .join(', ');
  lines.push(
    `${s.total} ${L.findings}${sev ? ` (${sev})` : ''} ${L.in} ${s.filesScanned} ${L.scanned}` +
      (skipped ? `, ${L.skipped}: ${skipped}` : '') +
      (s.suppressed ? `, ${s.suppressed} ${L.suppressed}` : '') +
      (s.baseline ? `, ${s.baseline.known} ${L.known}` : '') +
      ` — ${(s.durationMs / 1000).toFixed(2)} s`,
  );
  const verdict = s.verdict === 'fail' ? paint(opts, COLORS.critical, 'FAIL') : paint(opts, '\x1b[32m', 'PASS');
  lines.push(`${L.verdict}: ${verdict} (--fail-on ${t(s.failOn)}: ${s.blocking} blocking)`);
  // On a CI runner no line may act as a workflow command (`::…`, `##[`): paths and
  // messages come from the repository (report/github.ts, the one escaper).
  return neutralizeCommands(`${lines.join('\n')}\n`);
};
