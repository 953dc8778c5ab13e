/**
 * `--format html`: one self-contained, offline HTML file for a provincial reviewer.
 *
 * - No network: inline CSS (allowed by its hash in a strict Content-Security-Policy
 *   `<meta>` that forbids every load — `default-src 'none'`), inline SVG charts, system
 *   fonts, no script, no image, no link out of the page (only `#…` anchors).
 * - Summary (verdict, counts, files scanned and skipped, suppressed/baselined, date,
 *   tool version), charts by severity, category and top-level folder, then every
 *   finding with its rule, title, severity, message, redacted value, remediation, legal
 *   basis and redacted code context (`ReportInput.codeContext`, computed by the caller).
 * - Bilingual: headings in both languages, the `--lang` one first; messages as given.
 * - Everything from the repository is escaped (`esc`).
 *
 * A pure function of its input, like every formatter.
 */
import { createHash } from 'node:crypto';
import { sortFindings } from '../../findings/order.js';
import { atOrAbove, CATEGORIES, SEVERITIES, severityRank, type Category, type Finding, type Lang, type Severity } from '../../findings/types.js';
import type { Formatter, ReportInput } from '../types.js';
import { barChart } from './charts.js';
import { clip, esc } from './escape.js';
import { STYLE } from './style.js';

type Pair = { vi: string; en: string };
const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

const H = {
  title: { vi: 'Báo cáo kiểm tra tuân thủ — hệ thống kết nối CSDLQG về dân cư', en: 'Compliance report — systems connected to the National Population Database' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  charts: { vi: 'Biểu đồ', en: 'Charts' },
  bySeverity: { vi: 'Theo mức độ', en: 'By severity' },
  byCategory: { vi: 'Theo nhóm', en: 'By category' },
  byModule: { vi: 'Theo thư mục', en: 'By folder' },
  files: { vi: 'Tệp có phát hiện', en: 'Files with findings' },
  findings: { vi: 'Chi tiết phát hiện', en: 'Findings' },
  notAnalysed: { vi: 'Tệp không được phân tích, mục baseline cũ', en: 'Files not analysed, stale baseline entries' },
  verdict: { vi: 'Kết luận', en: 'Verdict' },
  failOn: { vi: 'Ngưỡng chặn', en: 'Blocking threshold' },
  total: { vi: 'Số phát hiện', en: 'Findings' },
  blocking: { vi: 'Phát hiện chặn', en: 'Blocking findings' },
  scanned: { vi: 'Tệp đã quét', en: 'Files scanned' },
  skipped: { vi: 'Tệp bỏ qua', en: 'Files skipped' },
  suppressed: { vi: 'Đã chấp nhận (chỉ thị, ngoại lệ)', en: 'Accepted (directives, exceptions)' },
  baseline: { vi: 'Baseline', en: 'Baseline' },
  changed: { vi: 'Chỉ xét phần thay đổi', en: 'Changed code only' },
  generated: { vi: 'Ngày lập', en: 'Generated' },
  tool: { vi: 'Công cụ', en: 'Tool' },
  duration: { vi: 'Thời gian quét', en: 'Scan time' },
  file: { vi: 'Tệp', en: 'File' },
  count: { vi: 'Số', en: 'Count' },
  reason: { vi: 'Lý do', en: 'Reason' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
} satisfies Record<string, Pair>;

const L = {
  vi: {
    pass: 'ĐẠT',
    fail: 'KHÔNG ĐẠT',
    none: 'Không có phát hiện nào.',
    noFailOn: 'không chặn (--fail-on none)',
    atOrAbove: (s: string) => `từ mức ${s} trở lên`,
    message: 'Nội dung',
    value: 'Giá trị (đã che)',
    fix: 'Khắc phục',
    basis: 'Căn cứ',
    noBasis: 'chưa ghi',
    code: 'Mã nguồn',
    noCode: 'Không hiển thị mã nguồn (tệp không đọc được hoặc phát hiện từ lịch sử git).',
    commit: 'Commit',
    line: 'dòng',
    blockingBadge: 'chặn',
    known: (n: number) => `${n} phát hiện đã có trong baseline`,
    stale: (n: number) => `${n} mục không còn khớp`,
    changedLine: (base: string, files: number, pre: number) => `so với ${base}: ${files} tệp thay đổi; ${pre} phát hiện có từ trước không tính`,
    truncated: 'Danh sách bị cắt ở 1000 tệp.',
    root: '(thư mục gốc)',
    others: '(các thư mục khác)',
    vnTime: 'giờ Việt Nam',
    seconds: 'giây',
    notShown: 'Không có.',
    staleHead: 'Mục baseline không còn khớp (đã sửa; cập nhật bằng --write-baseline)',
  },
  en: {
    pass: 'PASS',
    fail: 'FAIL',
    none: 'No findings.',
    noFailOn: 'nothing blocks (--fail-on none)',
    atOrAbove: (s: string) => `at or above ${s}`,
    message: 'Message',
    value: 'Value (redacted)',
    fix: 'Remediation',
    basis: 'Basis',
    noBasis: 'none recorded',
    code: 'Code',
    noCode: 'No code shown (the file could not be read, or the finding is from git history).',
    commit: 'Commit',
    line: 'line',
    blockingBadge: 'blocking',
    known: (n: number) => `${n} findings accepted by the baseline`,
    stale: (n: number) => `${n} stale entries`,
    changedLine: (base: string, files: number, pre: number) => `against ${base}: ${files} files changed; ${pre} pre-existing findings not counted`,
    truncated: 'The list stops at 1000 files.',
    root: '(root)',
    others: '(other folders)',
    vnTime: 'Vietnam time',
    seconds: 's',
    notShown: 'None.',
    staleHead: 'Stale baseline entries (fixed; refresh with --write-baseline)',
  },
} as const;

const SEVERITY: Record<Severity, Pair> = {
  critical: { vi: 'nghiêm trọng', en: 'critical' },
  high: { vi: 'cao', en: 'high' },
  medium: { vi: 'trung bình', en: 'medium' },
  low: { vi: 'thấp', en: 'low' },
  info: { vi: 'thông tin', en: 'info' },
};

const CATEGORY: Record<Category, Pair> = {
  credentials: { vi: 'Tài khoản, khóa bí mật', en: 'Credentials' },
  'lookup-tool': { vi: 'Công cụ tra cứu tự phát triển', en: 'Self-made lookup tools' },
  logging: { vi: 'Nhật ký tra cứu', en: 'Audit logging' },
  quota: { vi: 'Ngưỡng truy vấn', en: 'Query quota' },
  'change-control': { vi: 'Kiểm soát thay đổi', en: 'Change control' },
  'state-secret': { vi: 'Bí mật nhà nước', en: 'State secrets' },
  transport: { vi: 'Kết nối, mã hóa', en: 'Transport security' },
  config: { vi: 'Cấu hình, tệp không đọc được', en: 'Configuration, unreadable files' },
};

const SKIP_REASON: Record<string, Pair> = {
  binary: { vi: 'tệp nhị phân', en: 'binary' },
  oversized: { vi: 'quá lớn', en: 'oversized' },
  'non-utf8': { vi: 'không phải UTF-8', en: 'not UTF-8' },
  'link-outside-root': { vi: 'liên kết ra ngoài thư mục quét', en: 'link outside the root' },
  unreadable: { vi: 'không đọc được', en: 'unreadable' },
  'ignored-by-config': { vi: 'loại trừ theo cấu hình', en: 'ignored by configuration' },
};

/** Most folders in the folder chart; the rest are summed in one bar. */
const MAX_MODULES = 10;

/** Heading text: the `lang` version, then the other one, muted. */
function both(p: Pair, lang: Lang): string {
  return `${esc(p[lang])} <span class="other">/ ${esc(p[other(lang)])}</span>`;
}

/** The top-level folder of a repo-relative path (files at the root share one bar). */
export function moduleOf(file: string, lang: Lang): string {
  const slash = file.indexOf('/');
  return slash > 0 ? file.slice(0, slash) : L[lang].root;
}

function lineOf(f: Finding): number {
  return Number.isFinite(f.line) && f.line >= 1 ? Math.floor(f.line) : 1;
}

/** `2026-10-01T03:04:05Z` → `01/10/2026 10:04 (giờ Việt Nam)`; anything else as given. */
function vnDateTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return esc(iso);
  const v = new Date(t.getTime() + 7 * 3_600_000).toISOString();
  return esc(`${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11, 16)} (${L[lang].vnTime}, UTC+7)`);
}

function cspFor(style: string): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; font-src 'none'; connect-src 'none'; script-src 'none'; object-src 'none'; media-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'`;
}

function summarySection(input: ReportInput, lang: Lang, verdictWords?: { pass: string; fail: string }): string {
  const t = L[lang];
  const s = input.summary;
  const rows: Array<[Pair, string]> = [];
  const word = s.verdict === 'fail' ? (verdictWords?.fail ?? t.fail) : (verdictWords?.pass ?? t.pass);
  rows.push([H.verdict, `<span class="verdict-text">${esc(word)}</span>`]);
  rows.push([H.failOn, s.failOn === 'none' ? esc(t.noFailOn) : `<code>--fail-on ${esc(s.failOn)}</code>`]);
  rows.push([H.total, `<span id="total-findings">${s.total}</span>`]);
  rows.push([H.blocking, `<span id="blocking-findings">${s.blocking}</span>${s.failOn === 'none' ? '' : ` (${esc(t.atOrAbove(SEVERITY[s.failOn][lang]))})`}`]);
  rows.push([H.scanned, `<span id="files-scanned">${s.filesScanned}</span>`]);
  const skipped = Object.entries(s.filesSkipped).filter(([, n]) => n > 0);
  const skippedTotal = skipped.reduce((a, [, n]) => a + n, 0);
  rows.push([
    H.skipped,
    `<span id="files-skipped">${skippedTotal}</span>` +
      (skipped.length ? ` (${skipped.map(([k, n]) => `${n} ${esc(SKIP_REASON[k]?.[lang] ?? k)}`).join(', ')})` : '') +
      (s.ignoredByConfig ? `; ${s.ignoredByConfig} ${esc(SKIP_REASON['ignored-by-config']![lang])}` : ''),
  ]);
  if (s.suppressed !== undefined) rows.push([H.suppressed, String(s.suppressed)]);
  if (s.baseline) {
    rows.push([H.baseline, `<code>${esc(s.baseline.file)}</code>: ${esc(t.known(s.baseline.known))}; ${esc(t.stale(s.baseline.stale.length))}`]);
  }
  if (s.changedLines) rows.push([H.changed, esc(t.changedLine(s.changedLines.base, s.changedLines.files, s.changedLines.preExisting))]);
  rows.push([H.generated, `<span id="generated">${vnDateTime(input.generatedAt, lang)}</span>`]);
  rows.push([H.tool, `<span id="tool">${esc(input.tool.name)} ${esc(input.tool.version)}</span>`]);
  rows.push([H.duration, `${(s.durationMs / 1000).toFixed(2)} ${esc(t.seconds)}`]);
  const tiles = SEVERITIES.map(
    (sev) =>
      `<div class="tile sev-${sev}" data-severity="${sev}"><span class="n">${s.bySeverity[sev] ?? 0}</span>${esc(SEVERITY[sev][lang])}</div>`,
  ).join('');
  return (
    `<section id="summary"><h2>${both(H.summary, lang)}</h2>` +
    `<div class="verdict ${s.verdict === 'fail' ? 'fail' : 'pass'}" id="verdict">${
      verdictWords ? esc(word) : `${esc(word)} · ${esc(L[other(lang)][s.verdict === 'fail' ? 'fail' : 'pass'])}`
    }</div>` +
    `<dl class="facts">${rows.map(([k, v]) => `<dt>${both(k, lang)}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<div class="tiles" id="severity-tiles">${tiles}</div></section>`
  );
}

function chartsSection(input: ReportInput, lang: Lang): string {
  const s = input.summary;
  const severity = barChart(
    'chart-severity',
    `${H.bySeverity[lang]} / ${H.bySeverity[other(lang)]}`,
    SEVERITIES.map((sev) => ({ label: SEVERITY[sev][lang], value: s.bySeverity[sev] ?? 0, className: `sev-${sev}` })),
  );
  const category = barChart(
    'chart-category',
    `${H.byCategory[lang]} / ${H.byCategory[other(lang)]}`,
    CATEGORIES.map((c) => ({ label: CATEGORY[c][lang], value: s.byCategory[c] ?? 0 })),
  );
  const modules = new Map<string, number>();
  for (const f of input.findings) {
    const m = moduleOf(f.file, lang);
    modules.set(m, (modules.get(m) ?? 0) + 1);
  }
  const sorted = [...modules].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const bars = sorted.slice(0, MAX_MODULES).map(([label, value]) => ({ label, value }));
  const rest = sorted.slice(MAX_MODULES).reduce((a, [, n]) => a + n, 0);
  if (rest > 0) bars.push({ label: L[lang].others, value: rest });
  const module = barChart('chart-module', `${H.byModule[lang]} / ${H.byModule[other(lang)]}`, bars);
  return `<section id="charts"><h2>${both(H.charts, lang)}</h2><div class="charts">${severity}${category}${module}</div></section>`;
}

interface FileGroup {
  file: string;
  findings: Finding[];
  worst: number;
}

function groupByFile(findings: readonly Finding[]): FileGroup[] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.file) ?? [];
    list.push(f);
    map.set(f.file, list);
  }
  return [...map]
    .map(([file, list]) => ({ file, findings: sortFindings(list, 'severity'), worst: Math.max(...list.map((f) => severityRank(f.severity))) }))
    .sort((a, b) => b.worst - a.worst || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function tocSection(groups: readonly FileGroup[], lang: Lang): string {
  const rows = groups.map((g, i) => {
    const counts = SEVERITIES.map((sev) => {
      const n = g.findings.filter((f) => f.severity === sev).length;
      return `<td class="num">${n || ''}</td>`;
    }).join('');
    return `<tr><td class="path"><a href="#file-${i + 1}">${esc(g.file)}</a></td>${counts}<td class="num">${g.findings.length}</td></tr>`;
  });
  const head = SEVERITIES.map((sev) => `<th class="num">${esc(SEVERITY[sev][lang])}</th>`).join('');
  return (
    `<nav class="toc" id="files"><h2>${both(H.files, lang)}</h2>` +
    `<table><thead><tr><th>${both(H.file, lang)}</th>${head}<th class="num">${both(H.count, lang)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></nav>`
  );
}

function codeBlock(f: Finding, input: ReportInput, lang: Lang): string {
  const lines = input.codeContext?.get(f.file);
  if (!lines || f.commit) return `<p class="muted no-code">${esc(L[lang].noCode)}</p>`;
  const first = lineOf(f);
  const last = Math.max(first, Number.isFinite(f.endLine) ? Math.floor(f.endLine!) : first);
  const shown = [...lines.keys()].filter((n) => n >= first - 2 && n <= last + 2).sort((a, b) => a - b);
  if (shown.length === 0) return `<p class="muted no-code">${esc(L[lang].noCode)}</p>`;
  const body = shown
    .map((n) => `<span class="l${n >= first && n <= last ? ' hit' : ''}"><span class="ln">${n}</span>${esc(lines.get(n) ?? '')}</span>`)
    .join('');
  return `<pre class="code" aria-label="${esc(L[lang].code)}"><code>${body}</code></pre>`;
}

function findingArticle(f: Finding, id: number, input: ReportInput, lang: Lang): string {
  const t = L[lang];
  const blocking = atOrAbove(f.severity, input.summary.failOn);
  const loc = `${f.file}:${lineOf(f)}${f.column !== undefined && f.column >= 1 ? `:${Math.floor(f.column)}` : ''}`;
  const rows: string[] = [];
  rows.push(`<dt>${esc(t.message)}</dt><dd class="message">${esc(f.message)}</dd>`);
  if (f.value !== undefined) rows.push(`<dt>${esc(t.value)}</dt><dd><span class="value">${esc(f.value)}</span></dd>`);
  if (f.commit) rows.push(`<dt>${esc(t.commit)}</dt><dd><code>${esc(f.commit.sha.slice(0, 12))}</code> (${esc(f.commit.authorDate)})</dd>`);
  rows.push(`<dt>${esc(t.fix)}</dt><dd class="remediation">${esc(f.remediation)}</dd>`);
  rows.push(
    `<dt>${esc(t.basis)}</dt><dd>${
      f.basis.length ? `<ul class="basis">${f.basis.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>` : `<span class="muted">${esc(t.noBasis)}</span>`
    }</dd>`,
  );
  return (
    `<article class="finding sev-${f.severity}" id="finding-${id}" data-rule="${esc(f.ruleId)}" data-severity="${f.severity}">` +
    `<header><span class="badge sev-${f.severity}">${esc(SEVERITY[f.severity][lang])}</span>` +
    (blocking ? `<span class="badge blocking">${esc(t.blockingBadge)}</span>` : '') +
    `<span class="rule">${esc(f.ruleId)}</span><span class="title">${esc(clip(f.title, 300))}</span></header>` +
    `<div class="where">${esc(loc)} · ${esc(CATEGORY[f.category]?.[lang] ?? f.category)}</div>` +
    `<dl>${rows.join('')}</dl>${codeBlock(f, input, lang)}</article>`
  );
}

function findingsSection(groups: readonly FileGroup[], input: ReportInput, lang: Lang): string {
  if (groups.length === 0) return `<section id="findings"><h2>${both(H.findings, lang)}</h2><p id="no-findings">${esc(L[lang].none)}</p></section>`;
  let n = 0;
  const parts = groups.map(
    (g, i) =>
      `<section class="file" id="file-${i + 1}"><h3>${esc(g.file)} <span class="muted">(${g.findings.length})</span></h3>` +
      g.findings.map((f) => findingArticle(f, ++n, input, lang)).join('') +
      `</section>`,
  );
  return `<section id="findings"><h2>${both(H.findings, lang)}</h2>${parts.join('')}</section>`;
}

function notAnalysedSection(input: ReportInput, lang: Lang): string {
  const t = L[lang];
  const s = input.summary;
  const skipped = s.skippedFiles ?? [];
  const stale = s.baseline?.stale ?? [];
  const body: string[] = [];
  if (skipped.length) {
    body.push(
      `<table id="skipped-files"><thead><tr><th>${both(H.file, lang)}</th><th>${both(H.reason, lang)}</th></tr></thead><tbody>` +
        skipped.map((e) => `<tr><td class="path">${esc(e.path)}</td><td>${esc(SKIP_REASON[e.reason]?.[lang] ?? e.reason)}</td></tr>`).join('') +
        `</tbody></table>`,
    );
    if (s.skippedFilesTruncated) body.push(`<p class="muted">${esc(t.truncated)}</p>`);
  }
  if (stale.length) {
    body.push(
      `<h3>${esc(t.staleHead)}</h3><table id="stale-baseline"><thead><tr><th>${both(H.file, lang)}</th><th>${both(H.rule, lang)}</th><th>fingerprint</th></tr></thead><tbody>` +
        stale.map((e) => `<tr><td class="path">${esc(`${e.file}:${e.line}`)}</td><td>${esc(e.ruleId)}</td><td class="path">${esc(e.fingerprint)}</td></tr>`).join('') +
        `</tbody></table>`,
    );
  }
  if (body.length === 0) body.push(`<p class="muted">${esc(t.notShown)}</p>`);
  return `<section id="not-analysed"><h2>${both(H.notAnalysed, lang)}</h2>${body.join('')}</section>`;
}

export const formatHtml: Formatter = (input, opts) => {
  const lang = opts.lang;
  const groups = groupByFile(input.findings);
  const preface = (input.preface ?? []).map((l) => `<li>${esc(l.trim())}</li>`).join('');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(cspFor(STYLE))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${input.tool.name} — ${H.title[lang]}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(H.title[lang])} <span class="other">${esc(H.title[other(lang)])}</span></h1>` +
      (preface ? `<ul class="preface" id="preface">${preface}</ul>` : '') +
      `</header>`,
    '<main>',
    summarySection(input, lang, opts.verdictWords),
    chartsSection(input, lang),
    groups.length ? tocSection(groups, lang) : '',
    findingsSection(groups, input, lang),
    notAnalysedSection(input, lang),
    '</main>',
    `<footer>${esc(input.tool.name)} ${esc(input.tool.version)} · ${vnDateTime(input.generatedAt, lang)}</footer>`,
    '</body>',
    '</html>',
    '',
  ];
  return html.join('\n');
};
