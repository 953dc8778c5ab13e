/**
 * GitHub Actions workflow commands: one annotation per finding, then a summary line.
 *
 *   ::error file=src/a.ts,line=6,col=14,title=DG-CRED-001 Hardcoded …::message
 *
 * Findings at or above `summary.failOn` are `::error`; the others `::warning`, or
 * `::notice` for info. Most severe first, because GitHub shows only the first few
 * annotations of each kind per step. Escaping follows the runner's rules: in the
 * message `%`, CR and LF (and `##[`, the older command syntax); in properties also `:`
 * and `,`. This module holds the one escaper for what reaches a runner's log.
 */
import { sortFindings } from '../findings/order.js';
import { atOrAbove } from '../findings/types.js';
import type { Formatter } from './types.js';

const LABELS = {
  en: {
    value: 'value',
    fix: 'Fix',
    summary: (total: number, blocking: number, failOn: string, files: number, verdict: string) =>
      `dancu-guard: ${total} ${total === 1 ? 'finding' : 'findings'} (${blocking} blocking at or above ${failOn}) in ${files} files scanned: ${verdict}`,
  },
  vi: {
    value: 'giá trị',
    fix: 'Khắc phục',
    summary: (total: number, blocking: number, failOn: string, files: number, verdict: string) =>
      `dancu-guard: ${total} phát hiện (${blocking} chặn ở mức ${failOn} trở lên) trong ${files} tệp đã quét: ${verdict}`,
  },
} as const;

// ---------------------------------------------------------------------------------
// The one escaper for everything written to a runner's log (the Action's runner, this
// formatter, the text format on a runner, the gate's text header).
//
// The runner reads its log line by line (a line ends at CR, LF or CRLF) and acts on a
// line as a workflow command when, after leading white space, it starts with `::`
// (`::add-mask::…`, `::stop-commands::…`), or when it holds `##[` anywhere (the older
// syntax). So text from the repository — paths, messages, a declaration's reference —
// must never bring its own line break, nor start a line with `::`, nor hold `##[`.

/** `##[` anywhere, and `::` at the start of a line (after white space), made inert. */
function inertLine(line: string): string {
  return line.replace(/##\[/g, '##%5B').replace(/^(\s*)::/, '$1%3A%3A');
}

/** Message ("data") escaping of a workflow command: `%`, CR and LF, and `##[`. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/##\[/g, '##%5B');
}

/** Property escaping of a workflow command: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One line of plain text for the log: its CR and LF shown as `%0D`/`%0A`, and no command. */
export function escapeLogLine(s: string): string {
  return inertLine(s.replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A multi-line text (a report) for the log: its line breaks kept, no line a command. */
export function neutralizeCommands(text: string): string {
  return text.replace(/(^|\r\n|\r|\n)([^\r\n]*)/g, (_m, br: string, line: string) => `${br}${inertLine(line)}`);
}

function positiveInt(n: number | undefined): number | undefined {
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const i = Math.floor(n);
  return i >= 1 ? i : undefined;
}

function command(
  kind: 'error' | 'warning' | 'notice',
  props: Record<string, string | number | undefined>,
  message: string,
): string {
  const p = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export const formatGithub: Formatter = (input, opts) => {
  const L = LABELS[opts.lang];
  const s = input.summary;
  const findings = sortFindings([...input.findings], 'severity');
  const lines = findings.map((f) => {
    const kind = atOrAbove(f.severity, s.failOn) ? 'error' : f.severity === 'info' ? 'notice' : 'warning';
    const startLine = positiveInt(f.line) ?? 1;
    const endLine = positiveInt(f.endLine);
    const message =
      `${f.message}${f.value !== undefined ? ` (${L.value}: ${f.value})` : ''}` +
      `\n${L.fix}: ${f.remediation}`;
    return command(
      kind,
      {
        file: f.file,
        line: startLine,
        endLine: endLine !== undefined && endLine > startLine ? endLine : undefined,
        col: positiveInt(f.column),
        title: `${f.ruleId} ${f.title}`,
      },
      message,
    );
  });
  const verdict = s.verdict === 'fail' ? 'FAIL' : 'PASS';
  lines.push(command('notice', {}, L.summary(s.total, s.blocking, s.failOn, s.filesScanned, verdict)));
  return `${lines.join('\n')}\n`;
};
