/**
 * What the Action shows people, built from the shared formatters (pure functions):
 *
 * - the job summary and the sticky PR comment: the `markdown` report of the findings
 *   that gate (on a pull request, those on changed lines), then the pre-existing ones
 *   in a collapsed section, then (job summary only) notes about what could not be done;
 *   in mode deploy headed by what the pre-deployment gate decided on (gate/report.ts's
 *   header: deploy date, declaration, fingerprint, notice, verdict), and marked with
 *   {@link DEPLOY_MARKER} so a deploy run and a merge run on one pull request keep one
 *   comment each;
 * - annotations in the log: the `github` formatter's workflow commands;
 * - check-run annotations (failure / warning / notice).
 */
import { compareFindings, sortFindings } from '../findings/order.js';
import { atOrAbove, type Finding, type Lang } from '../findings/types.js';
import { gateHeader } from '../gate/report.js';
import { ALWAYS_BLOCKING_GATE_RULE, type GateResult } from '../gate/run.js';
import { formatGithub } from '../report/github.js';
import { findingRow, findingTableHead, formatMarkdown, MARKDOWN_MARKER, mdEscape } from '../report/markdown.js';
import type { Acceptance } from '../report/suppressed.js';
import type { ReportInput, Summary } from '../report/types.js';
import type { CheckAnnotation } from './github.js';

export { MARKDOWN_MARKER };

/** First line of the deploy-mode report (the merge marker's, with `:deploy`). */
export const DEPLOY_MARKER = '<!-- dancu-guard:report:deploy -->';

export { ALWAYS_BLOCKING_GATE_RULE };

/** GitHub refuses comments and check-run summaries over 65,536 characters. */
export const COMMENT_LIMIT = 65_000;
/** At most this many check-run annotations (20 requests). */
export const MAX_CHECK_ANNOTATIONS = 1000;

const LABELS = {
  en: {
    gating: (base: string, files: number) =>
      `**Diff-aware gating:** only findings this pull request introduces can block: each finding is compared by fingerprint with a scan of the base commit (changed lines only when the base cannot be scanned; ${files} changed ${
        files === 1 ? 'file' : 'files'
      }, compared with ${base}).`,
    preExisting: (n: number) => `Pre-existing findings (not introduced by this pull request) — not blocking (${n})`,
    deploy:
      '**Mode `deploy`:** the pre-deployment gate (`dancu-guard gate`) on the whole repository (no diff-aware gating); a credential in a deployment manifest (DG-GATE-010) blocks whatever `fail-on` says.',
    floorVerdict: (n: number) =>
      `BLOCKED (${n} ${n === 1 ? 'deployment manifest holds' : 'deployment manifests hold'} a credential: DG-GATE-010 blocks whatever fail-on says)`,
    notes: 'Notes',
    omitted: (n: number) => `_${n} more pre-existing ${n === 1 ? 'finding is' : 'findings are'} not shown here; see the SARIF report._`,
    preTitle: 'pre-existing, not blocking',
  },
  vi: {
    gating: (base: string, files: number) =>
      `**Chặn theo thay đổi:** chỉ các phát hiện do pull request này đưa vào mới có thể chặn: mỗi phát hiện được so dấu vân tay với lần quét commit gốc (chỉ xét các dòng thay đổi khi không quét được commit gốc; ${files} tệp thay đổi, so với ${base}).`,
    preExisting: (n: number) => `Phát hiện đã có từ trước (không do pull request này đưa vào) — không chặn (${n})`,
    deploy:
      '**Chế độ `deploy`:** kiểm soát trước khi triển khai (`dancu-guard gate`) trên toàn bộ kho mã (không chặn theo thay đổi); mọi thông tin xác thực trong manifest triển khai (DG-GATE-010) đều chặn, bất kể `fail-on`.',
    floorVerdict: (n: number) =>
      `CHẶN TRIỂN KHAI (${n} tệp triển khai chứa thông tin xác thực: DG-GATE-010 chặn bất kể fail-on)`,
    notes: 'Ghi chú',
    omitted: (n: number) => `_Còn ${n} phát hiện có từ trước không hiển thị; xem báo cáo SARIF._`,
    preTitle: 'có từ trước, không chặn',
  },
} as const;

function line(f: Finding): number {
  return Number.isFinite(f.line) && f.line >= 1 ? Math.floor(f.line) : 1;
}

export interface MarkdownParts {
  tool: ReportInput['tool'];
  /** The findings that gate (all of them when not gating by changed lines). */
  findings: Finding[];
  summary: Summary;
  preExisting: Finding[];
  lang: Lang;
  mode: 'merge' | 'deploy';
  /**
   * Mode deploy: the gate's result, with `findings`, `summary` and `blocked` those the
   * Action decided on (paths relative to the repository, the baseline applied, the
   * Action's verdict) and the declaration's path relative to the repository.
   */
  gate?: GateResult;
  /** Job summary only: what could not be done (no permission, API errors…). */
  notes?: string[];
  /** What was suppressed, excepted, ignored or baselined and by what; what was not applied. */
  acceptance?: Acceptance;
}

/**
 * The gate's header (gate/report.ts `gateHeader`, as `formatGate`'s markdown lays it
 * out), every line escaped: the declaration's system and owner come from the
 * repository. The verdict is not in it: it replaces the report's own verdict line
 * (`gateVerdict`), so a deploy summary has ONE verdict.
 */
export function gateMarkdown(result: GateResult, lang: Lang): string {
  const [title, ...rest] = gateHeader(result, lang, false);
  return `## ${mdEscape(title ?? '', 1000)}\n\n${rest.map((l) => `- ${mdEscape(l.trim(), 2000)}`).join('\n')}\n`;
}

/**
 * The gate's verdict in the gate's words (ALLOWED/BLOCKED and why). With `fail-on: none`
 * only DG-GATE-010 can block, and the verdict says so instead of "at or above none".
 */
export function gateVerdict(result: GateResult, lang: Lang): string {
  const line = gateHeader(result, lang).at(-1)!.trim();
  const text = line.slice(line.indexOf(':') + 1).trim();
  if (result.blocked && result.summary.failOn === 'none') {
    const n = result.findings.filter((f) => f.ruleId === ALWAYS_BLOCKING_GATE_RULE).length;
    return LABELS[lang].floorVerdict(n);
  }
  return text;
}

/** The report's verdict line (`**FAIL** — …` / `**PASS** — …`). */
const REPORT_VERDICT = /\n\*\*(?:FAIL|PASS)\*\*[^\n]*\n/;

/**
 * The report for the PR comment (and check run), at most {@link COMMENT_LIMIT}
 * characters: the markdown report of the gating findings, with the mode or gating note
 * under its verdict line and the pre-existing findings before its remediation section.
 */
export function commentMarkdown(p: MarkdownParts): string {
  const L = LABELS[p.lang];
  let report = formatMarkdown(
    { tool: p.tool, findings: p.findings, summary: p.summary, ...(p.acceptance ? { acceptance: p.acceptance } : {}) },
    { lang: p.lang },
  );
  if (p.gate) {
    // Deploy: our own marker first, then the gate's header, then the findings' report.
    const body = report.startsWith(MARKDOWN_MARKER) ? report.slice(MARKDOWN_MARKER.length).replace(/^\n/, '') : report;
    // The one verdict: the report's line, in the gate's words.
    const [, word = '', why = ''] = /^(.+?)( — [\s\S]*| \([\s\S]*)?$/.exec(gateVerdict(p.gate, p.lang)) ?? [];
    const bold = `**${mdEscape(word, 200)}**${mdEscape(why, 2000)}`;
    report = `${DEPLOY_MARKER}\n${gateMarkdown(p.gate, p.lang)}\n${body.replace(REPORT_VERDICT, () => `\n${bold}\n`)}`;
  }
  const cl = p.summary.changedLines;
  const notes: string[] = [];
  if (p.mode === 'deploy') notes.push(L.deploy);
  if (cl) notes.push(L.gating(mdEscape(cl.base, 200), cl.files));
  if (notes.length) {
    const verdict = (p.gate ? /\n\*\*[^*\n]+\*\*[^\n]*\n/ : REPORT_VERDICT).exec(report);
    const at = verdict ? verdict.index + verdict[0].length : report.indexOf('\n') + 1;
    report = `${report.slice(0, at)}\n${notes.join('\n\n')}\n${report.slice(at)}`;
  }
  if (cl && p.preExisting.length) {
    const section = preExistingSection(p.preExisting, p.lang, COMMENT_LIMIT - report.length - 200);
    // Before the remediation section (the report's last `###` heading) when there is
    // one, else before the footer line (`<sub>tool version …</sub>`).
    const rules = p.findings.length ? report.lastIndexOf('\n### ') : -1;
    const footer = report.lastIndexOf('\n<sub>');
    const at = rules >= 0 ? rules + 1 : footer >= 0 ? footer + 1 : report.length;
    report = `${report.slice(0, at)}${section}\n${report.slice(at)}`;
  }
  return report;
}

/** The job summary: the comment's report plus notes. */
export function jobSummaryMarkdown(p: MarkdownParts): string {
  const L = LABELS[p.lang];
  const body = commentMarkdown(p);
  if (!p.notes?.length) return body;
  return `${body}\n### ${L.notes}\n\n${p.notes.map((n) => `- ${mdEscape(n, 1000)}`).join('\n')}\n`;
}

function preExistingSection(findings: Finding[], lang: Lang, budget: number): string {
  const L = LABELS[lang];
  const sorted = sortFindings([...findings], 'severity');
  const open = `<details>\n<summary>${L.preExisting(findings.length)}</summary>\n\n${findingTableHead(lang)}`;
  const close = '\n</details>\n';
  let left = budget - open.length - close.length - 200;
  const rows: string[] = [];
  let omitted = 0;
  for (const f of sorted) {
    const row = findingRow(f);
    if (omitted > 0 || row.length + 1 > left) {
      omitted++;
      continue;
    }
    rows.push(row);
    left -= row.length + 1;
  }
  const parts = [open, ...rows, close];
  if (omitted) parts.push(L.omitted(omitted), '');
  return parts.join('\n');
}

/**
 * Workflow-command annotations: the gating findings as the `github` formatter writes
 * them (`::error` at or above fail-on; first, as `::error` too, those `blocks` makes
 * block below it: DG-GATE-010 in mode deploy), then the pre-existing ones as warnings
 * or notices titled as such, then the formatter's summary line.
 */
export function annotationCommands(
  tool: ReportInput['tool'],
  findings: Finding[],
  summary: Summary,
  preExisting: Finding[],
  lang: Lang,
  blocks?: (f: Finding) => boolean,
): string {
  const forced = blocks ? findings.filter((f) => blocks(f) && !atOrAbove(f.severity, summary.failOn)) : [];
  const out: string[] = [];
  if (forced.length) {
    const lines = formatGithub({ tool, findings: forced, summary: { ...summary, failOn: 'info' } }, { lang }).trimEnd().split('\n');
    lines.pop();
    out.push(...lines);
  }
  const rest = forced.length ? findings.filter((f) => !forced.includes(f)) : findings;
  const gated = formatGithub({ tool, findings: rest, summary }, { lang }).trimEnd().split('\n');
  const summaryLine = gated.pop() ?? '';
  out.push(...gated);
  if (preExisting.length) {
    const L = LABELS[lang];
    const relabelled = preExisting.map((f) => ({ ...f, title: `${f.title} (${L.preTitle})` }));
    const pre = formatGithub({ tool, findings: relabelled, summary: { ...summary, failOn: 'none' } }, { lang })
      .trimEnd()
      .split('\n');
    pre.pop();
    out.push(...pre);
  }
  out.push(summaryLine);
  return `${out.join('\n')}\n`;
}

/** Check-run annotations: blocking findings as failures first, pre-existing ones as notices last. */
export function checkAnnotations(
  findings: Finding[],
  preExisting: Finding[],
  blocks: (f: Finding) => boolean,
  lang: Lang,
): { annotations: CheckAnnotation[]; omitted: number } {
  const L = LABELS[lang];
  const fix = lang === 'vi' ? 'Khắc phục' : 'Fix';
  const valueLabel = lang === 'vi' ? 'giá trị' : 'value';
  const rank = { failure: 0, warning: 1, notice: 2 } as const;
  const list: Array<{ a: CheckAnnotation; f: Finding }> = [];
  const add = (f: Finding, level: CheckAnnotation['annotation_level'], pre: boolean) => {
    const start = line(f);
    const end = f.endLine !== undefined && Number.isFinite(f.endLine) && f.endLine > start ? Math.floor(f.endLine) : start;
    const message = `${f.message}${f.value !== undefined ? ` (${valueLabel}: ${f.value})` : ''}\n${fix}: ${f.remediation}`;
    const title = `${f.ruleId} ${f.title}${pre ? ` (${L.preTitle})` : ''}`;
    list.push({
      f,
      a: {
        path: f.file,
        start_line: start,
        end_line: end,
        annotation_level: level,
        message: clip(message, 60_000),
        title: clip(title, 255),
        ...(f.basis.length ? { raw_details: clip(f.basis.join('\n'), 60_000) } : {}),
      },
    });
  };
  for (const f of findings) add(f, blocks(f) ? 'failure' : f.severity === 'info' ? 'notice' : 'warning', false);
  for (const f of preExisting) add(f, 'notice', true);
  list.sort((x, y) => rank[x.a.annotation_level] - rank[y.a.annotation_level] || compareFindings(x.f, y.f, 'severity'));
  const kept = list.slice(0, MAX_CHECK_ANNOTATIONS).map((x) => x.a);
  return { annotations: kept, omitted: list.length - kept.length };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * `fail-on` threshold; in mode deploy also DG-GATE-010 (the gate's one finding per
 * deployment manifest holding a credential), whatever `fail-on` says. DG-GATE-010 is
 * critical, so this differs from `dancu-guard gate` only with `fail-on: none`.
 */
export function blockingRule(failOn: Summary['failOn'], mode: 'merge' | 'deploy'): (f: Finding) => boolean {
  return (f) => atOrAbove(f.severity, failOn) || (mode === 'deploy' && f.ruleId === ALWAYS_BLOCKING_GATE_RULE);
}
