/**
 * Human output for a terminal or a CI log, in three layouts:
 *
 * - compact (default): one line per finding, `path:line:col  SEVERITY  RULE  message`;
 *   then, once per rule seen, its title, fix, basis and documentation link; then the
 *   summary line and ONE verdict line.
 * - quiet (`--quiet`): the finding lines and the verdict line only.
 * - verbose (`--verbose`): grouped by file, with message, value, fix and basis under
 *   every finding (the former layout).
 *
 * Every word comes from src/report/i18n.ts in the language chosen. Every field from the
 * repository goes through `sanitizeTerminal`.
 */
import type { Finding, Lang, Severity } from '../findings/types.js';
import { SEVERITIES } from '../findings/types.js';
import { SEVERITY_NAMES, severityWord, translator, type Translate } from './i18n.js';
import { neutralizeCommands } from './github.js';
import { ruleDocUrl } from './rule-docs.js';
import { suppressedText } from './suppressed.js';
import type { Formatter, ReportInput, ReportOptions, Summary } from './types.js';

const COLORS: Record<Severity, string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m',
};
const GREEN = '\x1b[32m';
const DIM = '\x1b[2m';
const BOLD_UNDERLINE = '\x1b[1;4m';
const BOLD = '\x1b[1m';

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

function location(f: Finding): string {
  return `${f.line}${f.column ? `:${f.column}` : ''}`;
}

function severityLabel(lang: Lang, s: Severity, width: number, opts: ReportOptions): string {
  return paint(opts, COLORS[s], SEVERITY_NAMES[lang][s].padEnd(width));
}

function commitNote(f: Finding, T: Translate): string {
  return f.commit ? ` (${T('text.commit')} ${t(f.commit.sha.slice(0, 12))}, ${t(f.commit.authorDate)})` : '';
}

/** `path:line:col  SEVERITY  RULE  message` for every finding. */
function compactLines(input: ReportInput, opts: ReportOptions, T: Translate): string[] {
  const width = Math.max(...input.findings.map((f) => SEVERITY_NAMES[opts.lang][f.severity].length), 0);
  return input.findings.map(
    (f) => `${t(f.file)}:${t(location(f))}  ${severityLabel(opts.lang, f.severity, width, opts)}  ${t(f.ruleId)}  ${t(f.message)}${commitNote(f, T)}`,
  );
}

/** Once per rule seen: title (with how often), fix, basis, link. */
function ruleFooter(input: ReportInput, opts: ReportOptions, T: Translate): string[] {
  const byRule = new Map<string, { first: Finding; count: number }>();
  for (const f of input.findings) {
    const seen = byRule.get(f.ruleId);
    if (seen) seen.count++;
    else byRule.set(f.ruleId, { first: f, count: 1 });
  }
  if (byRule.size === 0) return [];
  const lines = ['', paint(opts, BOLD, `${T('text.rulesFooter')}:`)];
  for (const id of [...byRule.keys()].sort()) {
    const { first: f, count } = byRule.get(id)!;
    lines.push(`${t(id)}  ${t(f.title)}  (${T('text.occurrences', { n: count })})`);
    lines.push(paint(opts, DIM, `  ${T('text.fix')}: ${t(f.remediation)}`));
    if (f.basis.length) lines.push(paint(opts, DIM, `  ${T('text.basis')}: ${t(f.basis.join('; '))}`));
    lines.push(paint(opts, DIM, `  ${T('text.docs')}: ${t(ruleDocUrl(id, opts.lang))}`));
  }
  return lines;
}

/** The former layout: grouped by file, everything under every finding. */
function verboseLines(input: ReportInput, opts: ReportOptions, T: Translate): string[] {
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const width = Math.max(...SEVERITIES.map((s) => SEVERITY_NAMES[opts.lang][s].length));
  for (const [file, findings] of byFile) {
    lines.push(paint(opts, BOLD_UNDERLINE, t(file)));
    for (const f of findings) {
      lines.push(`  ${t(location(f)).padEnd(7)} ${severityLabel(opts.lang, f.severity, width, opts)} ${t(f.ruleId)}  ${t(f.title)}`);
      lines.push(`          ${t(f.message)}`);
      if (f.value !== undefined) lines.push(`          ${T('text.value')}: ${t(f.value)}`);
      if (f.commit) lines.push(`          ${T('text.commit')}: ${t(f.commit.sha.slice(0, 12))} (${t(f.commit.authorDate)})`);
      lines.push(paint(opts, DIM, `          ${T('text.fix')}: ${t(f.remediation)}`));
      if (f.basis.length) lines.push(paint(opts, DIM, `          ${T('text.basis')}: ${t(f.basis.join('; '))}`));
      lines.push(paint(opts, DIM, `          ${T('text.docs')}: ${t(ruleDocUrl(f.ruleId, opts.lang))}`));
    }
    lines.push('');
  }
  if (lines.length > 0) lines.pop();
  return lines;
}

/** "13 findings (7 critical, 6 high) in 9 files scanned, … — 0.13 s" */
export function summaryLine(s: Summary, lang: Lang): string {
  const T = translator(lang);
  const sev = (Object.entries(s.bySeverity) as Array<[Severity, number]>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${severityWord(lang, k)}`)
    .join(', ');
  const skipped = Object.entries(s.filesSkipped)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${t(k)}`)
    .join(', ');
  return (
    `${s.total} ${T(s.total === 1 ? 'text.finding' : 'text.findings')}${sev ? ` (${sev})` : ''} ${T('text.in')} ${s.filesScanned} ${T(s.filesScanned === 1 ? 'text.scannedOne' : 'text.scanned')}` +
    (skipped ? `, ${T('text.skipped')}: ${skipped}` : '') +
    (s.suppressed ? `, ${s.suppressed} ${T('text.suppressed')}` : '') +
    (s.baseline ? `, ${s.baseline.known} ${T('text.known')}` : '') +
    (s.filtered?.hidden ? `, ${s.filtered.hidden} ${T('text.hidden')}` : '') +
    ` — ${(s.durationMs / 1000).toFixed(2)} s`
  );
}

/** Why the verdict is what it is: "13 blocking at or above high". */
export function verdictReason(s: Summary, lang: Lang): string {
  const T = translator(lang);
  if (s.failOn === 'none') return T('text.verdictNone');
  return s.verdict === 'fail'
    ? T('text.verdictFail', { n: s.blocking, threshold: severityWord(lang, s.failOn) })
    : T('text.verdictPass', { threshold: severityWord(lang, s.failOn) });
}

/** The one verdict line: "Verdict: FAIL — 13 blocking at or above high". */
export function verdictLine(s: Summary, opts: ReportOptions): string {
  const T = translator(opts.lang);
  const fail = s.verdict === 'fail';
  const word = fail ? (opts.verdictWords?.fail ?? T('text.fail')) : (opts.verdictWords?.pass ?? T('text.pass'));
  return `${T('text.verdict')}: ${paint(opts, fail ? COLORS.critical : GREEN, word)} — ${verdictReason(s, opts.lang)}`;
}

export const formatText: Formatter = (input, opts) => {
  const T = translator(opts.lang);
  const s = input.summary;
  // On a CI runner no line may act as a workflow command (`::…`, `##[`): paths and
  // messages come from the repository (report/github.ts, the one escaper).
  if (opts.layout === 'quiet') return neutralizeCommands(`${[...compactLines(input, opts, T), verdictLine(s, opts)].join('\n')}\n`);
  const lines = opts.layout === 'verbose' ? verboseLines(input, opts, T) : [...compactLines(input, opts, T), ...ruleFooter(input, opts, T)];
  if (lines.length > 0) lines.push('');
  if (s.baseline && s.baseline.stale.length > 0) {
    lines.push(T('text.stale'));
    for (const e of s.baseline.stale) lines.push(`  ${t(e.file)}:${t(e.line)}  ${t(e.ruleId)}  ${t(e.fingerprint)}`);
    lines.push('');
  }
  // What was suppressed, excepted, ignored or baselined, and by what (report/suppressed.ts).
  const accepted = suppressedText(input.acceptance, opts.lang, t);
  if (accepted.length) lines.push(...accepted, '');
  if (input.findings.length === 0) lines.push(T('text.none'));
  lines.push(summaryLine(s, opts.lang));
  lines.push(verdictLine(s, opts));
  return neutralizeCommands(`${lines.join('\n')}\n`);
};
