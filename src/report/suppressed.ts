/**
 * What a scan accepted instead of reporting, and by what — inline directives, config
 * exceptions, the baseline, ignored files — and what it refused to accept (repository
 * values a trusted configuration or PR mode did not apply). Every report shows it, so
 * nothing is suppressed silently: the text report as a section ({@link suppressedText},
 * which the text formatter calls), the Markdown report (job summary, PR comment) as a
 * collapsed section ({@link suppressedMarkdown}), JSON as `suppressed` and `notApplied`,
 * SARIF as results with `suppressions`. Pure functions of the records.
 */
import type { Category, Lang, Severity } from '../findings/types.js';

/** How a finding was accepted. */
export interface AcceptedBy {
  /** `inline`: a `dancu-guard:ignore` directive; `exception`: a config exception; `baseline`: a baseline entry. */
  kind: 'inline' | 'exception' | 'baseline';
  /** Where the directive, exception or baseline is written. */
  file: string;
  line: number;
  reason?: string;
  /** Exceptions: the last day it applies. */
  expires?: string;
}

/** A finding the scan accepted, with what accepted it. */
export interface SuppressedRecord {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  file: string;
  line: number;
  message: string;
  fingerprint: string;
  /** Redacted value (credentials), never the clear one. */
  value?: string;
  by: AcceptedBy;
}

/** A repository value the scan did not apply, and why. */
export interface NotAppliedRecord {
  kind: string;
  file: string;
  line: number;
  what: string;
  /** `trusted-config`: the trusted configuration decides; `no-base`: PR mode without the base commit. */
  why: 'trusted-config' | 'no-base';
}

/** A config value in effect that accepts (exception, ignore, approved tool, logger or limiter pattern…). */
export interface AcceptingRecord {
  kind: string;
  file: string;
  line: number;
  what: string;
}

export interface Acceptance {
  suppressed: SuppressedRecord[];
  /** The accepting config values in effect, and where they are written. */
  accepting: AcceptingRecord[];
  /** Files an explicit ignore (config `ignore`, `.dancu-guardignore`) kept out of the scan. */
  ignored: string[];
  notApplied: NotAppliedRecord[];
  /** Deployment manifests a repository ignore would have hidden, scanned anyway. */
  readmitted: string[];
  /** `trusted` (a trusted configuration), `pull-request` (the base commit's inputs), `no-base`, or `repository`. */
  mode: string;
  trustedConfig?: string;
}

/** Most entries a list shows in text and Markdown (JSON and SARIF have them all). */
export const MAX_LISTED = 200;
/** Characters the Markdown section's rows may take (the PR comment has a size limit). */
export const MARKDOWN_BUDGET = 12_000;

const LABELS = {
  en: {
    suppressed: (n: number) => `Suppressed, excepted or baselined (${n}), not counted above:`,
    ignored: (n: number) => `Ignored by config or .dancu-guardignore (${n} files):`,
    notApplied: (n: number, why: string) => `Not applied (${why}) (${n}):`,
    readmitted: (n: number) => `Deployment manifests scanned although a repository ignore names them (${n}):`,
    accepting: (n: number) => `Accepting settings in effect (${n}):`,
    by: { inline: 'inline directive', exception: 'exception', baseline: 'baseline' },
    until: 'until',
    more: (n: number) => `… and ${n} more (see the JSON or SARIF report)`,
    whyTrusted: 'the trusted configuration decides; the repository can only tighten',
    whyNoBase: 'pull request without its base commit: no repository acceptance applies',
    heading: 'Suppressed, excepted, ignored or baselined',
    notAppliedHeading: 'Repository values not applied',
    rule: 'Rule',
    location: 'Location',
    byWhat: 'By',
    reason: 'Reason',
    what: 'What',
    mode: { trusted: (f: string) => `Trusted configuration: ${f}.`, 'pull-request': 'Policy inputs from the base commit (pull request).' },
  },
  vi: {
    suppressed: (n: number) => `Đã bỏ qua, ngoại lệ hoặc trong baseline (${n}), không tính ở trên:`,
    ignored: (n: number) => `Bị loại khỏi quét bởi cấu hình hoặc .dancu-guardignore (${n} tệp):`,
    notApplied: (n: number, why: string) => `Không áp dụng (${why}) (${n}):`,
    readmitted: (n: number) => `Tệp triển khai vẫn được quét dù kho mã khai báo bỏ qua (${n}):`,
    accepting: (n: number) => `Thiết lập chấp nhận đang áp dụng (${n}):`,
    by: { inline: 'chỉ thị trong mã', exception: 'ngoại lệ', baseline: 'baseline' },
    until: 'đến',
    more: (n: number) => `… và ${n} mục khác (xem báo cáo JSON hoặc SARIF)`,
    whyTrusted: 'cấu hình tin cậy quyết định; kho mã chỉ có thể siết chặt',
    whyNoBase: 'pull request không có commit gốc: không áp dụng chấp nhận nào từ kho mã',
    heading: 'Đã bỏ qua, ngoại lệ, loại khỏi quét hoặc trong baseline',
    notAppliedHeading: 'Giá trị trong kho mã không được áp dụng',
    rule: 'Quy tắc',
    location: 'Vị trí',
    byWhat: 'Bởi',
    reason: 'Lý do',
    what: 'Nội dung',
    mode: { trusted: (f: string) => `Cấu hình tin cậy: ${f}.`, 'pull-request': 'Đầu vào chính sách lấy từ commit gốc (pull request).' },
  },
} as const;

/** `inline directive src/a.ts:3 — "reason"`. */
export function describeBy(by: AcceptedBy, lang: Lang): string {
  const L = LABELS[lang];
  const until = by.expires ? ` (${L.until} ${by.expires})` : '';
  const reason = by.reason ? ` — "${by.reason}"` : '';
  return `${L.by[by.kind]} ${by.file}${by.kind === 'baseline' ? '' : `:${by.line}`}${until}${reason}`;
}

function whyLabel(why: NotAppliedRecord['why'], lang: Lang): string {
  return why === 'trusted-config' ? LABELS[lang].whyTrusted : LABELS[lang].whyNoBase;
}

function capped<T>(list: readonly T[], lang: Lang, line: (x: T) => string): string[] {
  const out = list.slice(0, MAX_LISTED).map(line);
  if (list.length > MAX_LISTED) out.push(`  ${LABELS[lang].more(list.length - MAX_LISTED)}`);
  return out;
}

/**
 * The text section (lines, no trailing blank line), each field passed through `field`
 * (the text formatter's terminal sanitiser). Empty when nothing was accepted or refused.
 */
export function suppressedText(a: Acceptance | undefined, lang: Lang, field: (s: unknown) => string = String): string[] {
  if (!a) return [];
  const L = LABELS[lang];
  const lines: string[] = [];
  if (a.mode === 'trusted' && a.trustedConfig) lines.push(field(L.mode.trusted(a.trustedConfig)));
  if (a.mode === 'pull-request') lines.push(L.mode['pull-request']);
  if (a.suppressed.length) {
    lines.push(L.suppressed(a.suppressed.length));
    lines.push(...capped(a.suppressed, lang, (s) => `  ${field(`${s.file}:${s.line}`)}  ${field(s.ruleId)}  ${field(describeBy(s.by, lang))}`));
  }
  if (a.ignored.length) {
    lines.push(L.ignored(a.ignored.length));
    lines.push(...capped(a.ignored, lang, (p) => `  ${field(p)}`));
  }
  if (a.accepting.length) {
    lines.push(L.accepting(a.accepting.length));
    lines.push(...capped(a.accepting, lang, (n) => `  ${field(`${n.file}:${n.line}`)}  ${field(n.what)}`));
  }
  for (const why of ['trusted-config', 'no-base'] as const) {
    const list = a.notApplied.filter((n) => n.why === why);
    if (!list.length) continue;
    lines.push(L.notApplied(list.length, whyLabel(why, lang)));
    lines.push(...capped(list, lang, (n) => `  ${field(`${n.file}:${n.line}`)}  ${field(n.what)}`));
  }
  if (a.readmitted.length) {
    lines.push(L.readmitted(a.readmitted.length));
    lines.push(...capped(a.readmitted, lang, (p) => `  ${field(p)}`));
  }
  return lines;
}

/**
 * The Markdown section: a collapsed table of what was accepted and by what, then the
 * repository values not applied. `esc` is the Markdown formatter's cell escaper.
 * Empty when there is nothing to say.
 */
export function suppressedMarkdown(
  a: Acceptance | undefined,
  lang: Lang,
  esc: (s: string, max?: number) => string,
  budget = MARKDOWN_BUDGET,
): string {
  if (!a) return '';
  const L = LABELS[lang];
  // Rows within the budget (the findings come first in a size-limited comment).
  let left = budget;
  const capped = <T>(list: readonly T[], _lang: Lang, row: (x: T) => string): string[] => {
    const out: string[] = [];
    for (const x of list.slice(0, MAX_LISTED)) {
      const r = row(x);
      if (r.length + 1 > left) break;
      out.push(r);
      left -= r.length + 1;
    }
    if (out.length < list.length) out.push('', L.more(list.length - out.length));
    return out;
  };
  const total = a.suppressed.length + a.ignored.length + a.notApplied.length + a.readmitted.length + a.accepting.length;
  const parts: string[] = [];
  if (a.mode === 'trusted' && a.trustedConfig) parts.push(esc(L.mode.trusted(a.trustedConfig), 500), '');
  if (a.mode === 'pull-request') parts.push(L.mode['pull-request'], '');
  if (total === 0) return parts.length ? `${parts.join('\n')}\n` : '';
  parts.push(`<details>\n<summary>${L.heading} (${a.suppressed.length + a.ignored.length})</summary>\n`);
  if (a.suppressed.length) {
    parts.push(`| ${L.rule} | ${L.location} | ${L.byWhat} |`, '|---|---|---|');
    parts.push(
      ...capped(a.suppressed, lang, (s) => `| ${s.severity} ${esc(s.ruleId, 60)} | ${esc(`${s.file}:${s.line}`)} | ${esc(describeBy(s.by, lang), 600)} |`),
      '',
    );
  }
  if (a.ignored.length) {
    parts.push(`**${L.ignored(a.ignored.length)}**`, '', ...capped(a.ignored, lang, (p) => `- ${esc(p, 200)}`), '');
  }
  if (a.accepting.length) {
    parts.push(`**${L.accepting(a.accepting.length)}**`, '', ...capped(a.accepting, lang, (n) => `- ${esc(`${n.file}:${n.line}`)} ${esc(n.what, 300)}`), '');
  }
  if (a.readmitted.length) parts.push(`**${L.readmitted(a.readmitted.length)}** ${a.readmitted.map((p) => esc(p, 200)).join(', ')}`, '');
  parts.push('</details>', '');
  if (a.notApplied.length) {
    parts.push(`**${L.notAppliedHeading} (${a.notApplied.length})**`, '', `| ${L.location} | ${L.what} | |`, '|---|---|---|');
    parts.push(...capped(a.notApplied, lang, (n) => `| ${esc(`${n.file}:${n.line}`)} | ${esc(n.what, 300)} | ${esc(whyLabel(n.why, lang), 200)} |`), '');
  }
  return `${parts.join('\n')}\n`;
}
