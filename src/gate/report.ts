/**
 * Gate output: the scan's formatters (FORMATTERS) for the findings, plus what the gate
 * decided on — the deploy date, the declaration, the fingerprint, the notice the
 * deployment rests on and the verdict — as a header (text, markdown) or a `gate`
 * object (json). SARIF, JUnit and GitHub annotations are the formatters' output as is.
 */
import type { Lang } from '../findings/types.js';
import { ruleCatalog } from '../policy/bundle.js';
import { FORMATTERS, reportExtras } from '../report/index.js';
import { acceptanceOf } from '../pipeline/trust.js';
import { neutralizeCommands } from '../report/github.js';
import { sanitizeTerminal, verdictReason } from '../report/text.js';
import type { ReportOptions } from '../report/types.js';
import { UsageError } from '../util/errors.js';
import { TOOL } from '../version.js';
import { approvalCheck, approvalCheckLine } from './attest/status.js';
import type { GateResult } from './run.js';

const L = {
  en: {
    title: 'Pre-deployment gate',
    deploy: 'deploy date',
    declaration: 'Declaration',
    missing: 'missing',
    fingerprint: 'Fingerprint',
    files: 'files',
    notice: 'Notice',
    none: 'none covers the current fingerprint',
    submitted: 'submitted',
    approved: 'approved',
    notApproved: 'not approved',
    on: 'on',
    goLive: 'go-live',
    workingDays: 'working days',
    earliest: 'earliest legal go-live',
    verdict: 'Verdict',
    allowed: 'ALLOWED',
    blocked: 'BLOCKED',
  },
  vi: {
    title: 'Kiểm soát trước khi triển khai',
    deploy: 'ngày triển khai',
    declaration: 'Tệp khai báo',
    missing: 'không có',
    fingerprint: 'Mã vân tay',
    files: 'tệp',
    notice: 'Thông báo',
    none: 'không có thông báo nào khớp mã vân tay hiện tại',
    submitted: 'gửi ngày',
    approved: 'chấp thuận',
    notApproved: 'chưa được chấp thuận',
    on: 'ngày',
    goLive: 'đưa vào sử dụng',
    workingDays: 'ngày làm việc',
    earliest: 'ngày sớm nhất theo quy định',
    verdict: 'Kết luận',
    allowed: 'CHO PHÉP TRIỂN KHAI',
    blocked: 'CHẶN TRIỂN KHAI',
  },
} as const;

/**
 * The header lines describing what the gate decided on. The verdict line closes the
 * header unless the report already ends with one (text: `withVerdict: false`, so the
 * output has ONE verdict line).
 */
export function gateHeader(result: GateResult, lang: Lang, withVerdict = true): string[] {
  const t = L[lang];
  const g = result.gate;
  const decl = g.declaration.present
    ? `${g.declaration.file} — ${g.declaration.system ?? ''} (${g.declaration.owner ?? ''})`
    : `${g.declaration.file} (${t.missing})`;
  const n = result.notice;
  const notice = n
    ? `${n.reference}, ${t.submitted} ${n.submitted}, ${n.approved ? `${t.approved} ${n.approved.reference} ${t.on} ${n.approved.date}` : t.notApproved}, ` +
      `${t.goLive} ${n.goLive} (${n.workingDays} ${t.workingDays}; ${t.earliest} ${n.earliestGoLive})`
    : t.none;
  const verdict = `${result.blocked ? t.blocked : t.allowed} — ${verdictReason(result.summary, lang)}`;
  const signature = approvalCheck(g, n, result.findings);
  return [
    `${t.title} — ${t.deploy} ${result.deployDate}`,
    `  ${t.declaration}: ${decl}`,
    `  ${t.fingerprint}: ${g.fingerprint.current} (${g.fingerprint.files.length} ${t.files})`,
    `  ${t.notice}: ${notice}`,
    ...(signature ? [`  ${approvalCheckLine(signature, lang)}`] : []),
    ...(withVerdict ? [`  ${t.verdict}: ${verdict}`] : []),
  ];
}

/** The gate's report in one of FORMATTERS' formats. */
export function formatGate(result: GateResult, format: string, opts: { lang: Lang; color?: boolean; layout?: ReportOptions['layout'] }): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw UsageError.of('gate.unknownFormat', { format, allowed: Object.keys(FORMATTERS).join(', ') });
  const body = formatter(
    {
      tool: TOOL,
      findings: result.findings,
      summary: result.summary,
      rules: ruleCatalog(),
      root: result.root,
      acceptance: acceptanceOf({ suppressed: result.analysis.suppressed, summary: result.summary, policy: result.analysis.scan.policy }),
      ...(format === 'html'
        ? {
            // The report's own verdict (in the gate's words) is the one verdict.
            preface: gateHeader(result, opts.lang, false),
            ...reportExtras(format, { root: result.root, settings: result.analysis.settings, facts: result.analysis.scan.facts }, result.findings),
          }
        : {}),
    },
    {
      lang: opts.lang,
      ...(opts.color !== undefined ? { color: opts.color } : {}),
      ...(opts.layout ? { layout: opts.layout } : {}),
      verdictWords: { pass: L[opts.lang].allowed, fail: L[opts.lang].blocked },
    },
  );
  // Header fields come from the repository (system, owner, attestation file names): no
  // terminal controls. The text report's own last line is the gate's one verdict.
  if (format === 'text') {
    if (opts.layout === 'quiet') return body; // --quiet: the findings and the one verdict line
    // …and, on a CI runner, no line may act as a workflow command (report/github.ts).
    return neutralizeCommands(`${gateHeader(result, opts.lang, false).map(sanitizeTerminal).join('\n')}\n\n${body}`);
  }
  if (format === 'markdown') {
    // The report's verdict line, in the gate's words (ALLOWED/BLOCKED), is the one verdict.
    const [title, ...rest] = gateHeader(result, opts.lang, false);
    return `## ${title}\n\n${rest.map((l) => `- ${l.trim()}`).join('\n')}\n\n${body}`;
  }
  if (format === 'json') {
    const doc = JSON.parse(body) as Record<string, unknown>;
    const g = result.gate;
    doc.gate = {
      deployDate: result.deployDate,
      blocked: result.blocked,
      declaration: g.declaration.present ? g.declaration.file : null,
      fingerprint: g.fingerprint.current,
      files: g.fingerprint.files,
      notice: result.notice
        ? {
            reference: result.notice.reference,
            submitted: result.notice.submitted,
            goLive: result.notice.goLive,
            approved: result.notice.approved ? { reference: result.notice.approved.reference, date: result.notice.approved.date } : null,
            workingDays: result.notice.workingDays,
            earliestGoLive: result.notice.earliestGoLive,
          }
        : null,
      changed: g.lock.changed,
      approvals: {
        trustKeys: g.approvals.trustKeys,
        allowUnsigned: g.approvals.allowUnsigned,
        signature: approvalCheck(g, result.notice, result.findings) ?? null,
        attestations: g.approvals.attestations.map((a) => ({ file: a.file, status: a.status, ...(a.keyid ? { keyid: a.keyid } : {}) })),
      },
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  return body;
}
