/**
 * Markdown for the GitHub job summary and the sticky PR comment.
 *
 * The first line is a hidden marker the Action uses to find its own comment. The
 * report stays under {@link MARKDOWN_LIMIT} characters (GitHub refuses comments over
 * 65,536): blocking findings are listed first, most severe first, then non-blocking
 * ones inside a collapsed `<details>`; rows that do not fit are counted in a note.
 * Every value taken from a finding is escaped for a table cell (`|`, backticks,
 * Markdown emphasis, HTML, line breaks, @-mentions).
 */
import { sortFindings } from '../findings/order.js';
import { atOrAbove, CATEGORIES, SEVERITIES, type Finding, type Lang } from '../findings/types.js';
import { suppressedMarkdown } from './suppressed.js';
import type { Formatter } from './types.js';

export const MARKDOWN_MARKER = '<!-- dancu-guard:report -->';
export const MARKDOWN_LIMIT = 60_000;
/** Room kept for the omission note and closing tags. */
const RESERVE = 600;
/** Longest text kept in one table cell, before escaping. */
const CELL_MAX = 400;
/** Share of the limit the per-rule remediation section may take. */
const RULES_BUDGET = 15_000;

const LABELS = {
  en: {
    title: 'dancu-guard — compliance report',
    blockingLine: (n: number, failOn: string) =>
      failOn === 'none'
        ? 'nothing blocks (`--fail-on none`)'
        : `${n} blocking ${n === 1 ? 'finding' : 'findings'} at or above \`${failOn}\``,
    totals: (n: number, files: number) => `${n} ${n === 1 ? 'finding' : 'findings'} in ${files} files scanned`,
    bySeverity: 'By severity',
    byCategory: 'By category',
    severity: 'Severity',
    category: 'Category',
    rule: 'Rule',
    location: 'Location',
    message: 'Message',
    value: 'Value',
    blocking: 'Blocking findings',
    nonBlocking: 'Non-blocking findings',
    rules: 'Remediation and legal basis',
    fix: 'Fix',
    basis: 'Legal basis',
    noBasis: 'none recorded',
    none: 'No findings.',
    omitted: (n: number) =>
      `_${n} more ${n === 1 ? 'finding is' : 'findings are'} not shown here to keep this report under GitHub's size limit; see the SARIF or JSON report for the full list._`,
    rulesOmitted: (n: number) => `_${n} more ${n === 1 ? 'rule' : 'rules'} not shown._`,
    skipped: 'files skipped',
  },
  vi: {
    title: 'dancu-guard — báo cáo tuân thủ',
    blockingLine: (n: number, failOn: string) =>
      failOn === 'none'
        ? 'không có ngưỡng chặn (`--fail-on none`)'
        : `${n} phát hiện chặn ở mức \`${failOn}\` trở lên`,
    totals: (n: number, files: number) => `${n} phát hiện trong ${files} tệp đã quét`,
    bySeverity: 'Theo mức độ',
    byCategory: 'Theo nhóm',
    severity: 'Mức độ',
    category: 'Nhóm',
    rule: 'Quy tắc',
    location: 'Vị trí',
    message: 'Nội dung',
    value: 'Giá trị',
    blocking: 'Phát hiện chặn',
    nonBlocking: 'Phát hiện không chặn',
    rules: 'Khắc phục và căn cứ pháp lý',
    fix: 'Khắc phục',
    basis: 'Căn cứ pháp lý',
    noBasis: 'chưa ghi',
    none: 'Không có phát hiện nào.',
    omitted: (n: number) =>
      `_Còn ${n} phát hiện không hiển thị để báo cáo không vượt giới hạn kích thước của GitHub; xem báo cáo SARIF hoặc JSON để có danh sách đầy đủ._`,
    rulesOmitted: (n: number) => `_Còn ${n} quy tắc không hiển thị._`,
    skipped: 'tệp bỏ qua',
  },
} as const;

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  // Do not split a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** Escape text for inline Markdown, including a table cell. */
export function mdEscape(s: string, max = CELL_MAX): string {
  return clip(s, max)
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, '@\u200B') // no @-mention notifications from findings
    .replace(/\r\n|\r|\n/g, '<br>');
}

function line(f: Finding): number {
  return Number.isFinite(f.line) && f.line >= 1 ? Math.floor(f.line) : 1;
}

/** One finding as a row of {@link findingTableHead}'s table, every cell escaped. */
export function findingRow(f: Finding): string {
  const loc = `${f.file}:${line(f)}${f.column !== undefined && f.column >= 1 ? `:${f.column}` : ''}`;
  return `| ${f.severity} | ${mdEscape(f.ruleId, 60)} | ${mdEscape(loc)} | ${mdEscape(f.message)} | ${
    f.value !== undefined ? mdEscape(f.value, 80) : ''
  } |`;
}

/** The head of a findings table: severity, rule, location, message, value. */
export function findingTableHead(lang: Lang): string {
  const L = LABELS[lang];
  return `| ${L.severity} | ${L.rule} | ${L.location} | ${L.message} | ${L.value} |\n|---|---|---|---|---|`;
}

function rulesSection(findings: Finding[], lang: Lang): string {
  const L = LABELS[lang];
  const rules = new Map<string, { f: Finding; basis: Set<string> }>();
  for (const f of findings) {
    const r = rules.get(f.ruleId);
    if (r) for (const b of f.basis) r.basis.add(b);
    else rules.set(f.ruleId, { f, basis: new Set(f.basis) });
  }
  const ids = [...rules.keys()].sort();
  const parts: string[] = [`### ${L.rules}`, ''];
  let used = 0;
  let shown = 0;
  for (const id of ids) {
    const { f, basis } = rules.get(id)!;
    const basisText = basis.size ? [...basis].map((b) => mdEscape(b, 300)).join('; ') : `_${L.noBasis}_`;
    const block = [
      `**${mdEscape(id, 60)}** — ${mdEscape(f.title, 200)}`,
      `- **${L.fix}:** ${mdEscape(f.remediation, 1500)}`,
      `- **${L.basis}:** ${basisText}`,
      '',
    ].join('\n');
    if (used + block.length > RULES_BUDGET) break;
    parts.push(block);
    used += block.length;
    shown++;
  }
  if (shown < ids.length) parts.push(L.rulesOmitted(ids.length - shown), '');
  return parts.join('\n');
}

export const formatMarkdown: Formatter = (input, opts) => {
  const L = LABELS[opts.lang];
  const s = input.summary;
  const findings = sortFindings([...input.findings], 'severity');
  const blocking = findings.filter((f) => atOrAbove(f.severity, s.failOn));
  const nonBlocking = findings.filter((f) => !atOrAbove(f.severity, s.failOn));

  const head: string[] = [
    MARKDOWN_MARKER,
    `## ${L.title}`,
    '',
    `**${s.verdict === 'fail' ? (opts.verdictWords?.fail ?? 'FAIL') : (opts.verdictWords?.pass ?? 'PASS')}** — ${L.blockingLine(blocking.length, s.failOn)} · ${L.totals(
      findings.length,
      s.filesScanned,
    )}`,
    '',
  ];
  if (findings.length === 0) {
    head.push(L.none, '');
  } else {
    head.push(
      `**${L.bySeverity}**`,
      '',
      `| ${SEVERITIES.join(' | ')} |`,
      `|${SEVERITIES.map(() => '---:').join('|')}|`,
      `| ${SEVERITIES.map((sev) => s.bySeverity[sev] ?? 0).join(' | ')} |`,
      '',
    );
    const cats = CATEGORIES.filter((c) => (s.byCategory[c] ?? 0) > 0);
    if (cats.length) {
      head.push(
        `**${L.byCategory}**`,
        '',
        `| ${cats.join(' | ')} |`,
        `|${cats.map(() => '---:').join('|')}|`,
        `| ${cats.map((c) => s.byCategory[c]).join(' | ')} |`,
        '',
      );
    }
  }

  const rules = findings.length ? rulesSection(findings, opts.lang) : '';
  // What was suppressed, excepted, ignored or baselined, and by what (never silently).
  const accepted = suppressedMarkdown(input.acceptance, opts.lang, mdEscape);
  const skipped = Object.entries(s.filesSkipped)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${mdEscape(k, 40)}`)
    .join(', ');
  const footer = `<sub>${mdEscape(input.tool.name, 60)} ${mdEscape(input.tool.version, 40)} · \`--fail-on ${s.failOn}\` · ${(
    s.durationMs / 1000
  ).toFixed(2)} s${skipped ? ` · ${L.skipped}: ${skipped}` : ''}</sub>`;

  const blockingHead = `### ${L.blocking} (${blocking.length})\n\n${findingTableHead(opts.lang)}`;
  const detailsOpen = `<details>\n<summary>${L.nonBlocking} (${nonBlocking.length})</summary>\n\n${findingTableHead(opts.lang)}`;
  const detailsClose = '\n</details>\n';

  let budget =
    MARKDOWN_LIMIT -
    RESERVE -
    head.join('\n').length -
    rules.length -
    accepted.length -
    footer.length -
    blockingHead.length -
    detailsOpen.length -
    detailsClose.length;
  let omitted = 0;
  const take = (list: Finding[]): string[] => {
    const rows: string[] = [];
    for (const f of list) {
      const r = findingRow(f);
      if (omitted > 0 || r.length + 1 > budget) {
        omitted++;
        continue;
      }
      rows.push(r);
      budget -= r.length + 1;
    }
    return rows;
  };
  const blockingRows = take(blocking);
  const nonBlockingRows = take(nonBlocking);

  const out: string[] = [...head];
  if (blockingRows.length) out.push(blockingHead, ...blockingRows, '');
  if (nonBlockingRows.length) out.push(detailsOpen, ...nonBlockingRows, detailsClose);
  if (omitted > 0) out.push(L.omitted(omitted), '');
  if (accepted) out.push(accepted);
  if (rules) out.push(rules);
  out.push(footer, '');
  return out.join('\n');
};
