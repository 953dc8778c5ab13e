/**
 * For reports: how the approval of the notice a deployment rests on was checked. The
 * verdict is the policies' (DG-GATE-011/012/013); this only describes it, reading the
 * findings for what counted and the facts for which attestation and key.
 */
import type { GateApprovalsFact, GateFact, GateNoticeFact } from '../../facts/types.js';
import type { Finding, Lang } from '../../findings/types.js';
import { Message } from '../../util/errors.js';
import { shortKeyId } from './keys.js';

export type ApprovalCheck =
  | { state: 'signed'; keyid: string; file: string }
  | { state: 'unsigned' }
  | { state: 'self-declared' }
  | { state: 'accepted-unsigned' };

/** Undefined when there is no declared approval to check. */
export function approvalCheck(gate: GateFact, notice: GateNoticeFact | undefined, findings: readonly Finding[]): ApprovalCheck | undefined {
  if (!notice?.approved) return undefined;
  const a = gate.approvals;
  if (a.trustKeys.length === 0) return a.allowUnsigned ? { state: 'accepted-unsigned' } : { state: 'self-declared' };
  if (findings.some((f) => f.ruleId === 'DG-GATE-012')) return { state: 'unsigned' };
  const att = a.attestations.find(
    (x) =>
      x.status === 'valid' &&
      x.statement?.fingerprint === gate.fingerprint.current &&
      x.statement.notice.reference === notice.reference &&
      x.statement.approval.reference === notice.approved?.reference,
  );
  return att?.keyid ? { state: 'signed', keyid: att.keyid, file: att.file } : { state: 'unsigned' };
}

const L = {
  en: {
    label: 'Approval signature',
    signed: (k: string, f: string) => `signed with the province's key ${k} (${f})`,
    unsigned: 'not signed with a trusted key (DG-GATE-012)',
    'self-declared': 'none checked: no --trust-key, the approval is self-declared (DG-GATE-011)',
    'accepted-unsigned': 'not checked: declared approvals accepted (--allow-unsigned-approvals)',
  },
  vi: {
    label: 'Chữ ký văn bản chấp thuận',
    signed: (k: string, f: string) => `ký bằng khóa của tỉnh ${k} (${f})`,
    unsigned: 'không có chữ ký bằng khóa tin cậy (DG-GATE-012)',
    'self-declared': 'không kiểm tra được: không có --trust-key, văn bản chấp thuận chỉ là tự khai báo (DG-GATE-011)',
    'accepted-unsigned': 'không kiểm tra: chấp nhận văn bản chấp thuận tự khai báo (--allow-unsigned-approvals)',
  },
} as const;

/** "Approval signature: …" for the gate's header. */
export function approvalCheckLine(check: ApprovalCheck, lang: Lang): string {
  const t = L[lang];
  const what = check.state === 'signed' ? t.signed(shortKeyId(check.keyid), check.file) : t[check.state];
  return `${t.label}: ${what}`;
}

/** The rule whose message quotes what is wrong with an attestation (policies/gate/approvals.rego). */
const ATTESTATION_RULE = 'DG-GATE-013';

/**
 * DG-GATE-013's message quotes the problem detail of the attestation it names (`"signatures"
 * is empty`), which the facts hold in English for the policies to quote. In another
 * language that quoted detail is replaced by the fact's detail message (a key of the table,
 * src/report/i18n-errors.ts) rendered in it; a message that does not quote it exactly is
 * left as the policies wrote it.
 */
export function localizeAttestationProblems(findings: readonly Finding[], approvals: GateApprovalsFact, lang: Lang): Finding[] {
  if (lang === 'en') return [...findings];
  return findings.map((f) => {
    if (f.ruleId !== ATTESTATION_RULE) return f;
    const problem = approvals.attestations.find((a) => a.file === f.file)?.problem;
    const detail = problem?.message ? Message.revive(problem.message) : undefined;
    const quoted = `(${problem?.detail})`;
    if (!problem || !detail || !f.message.includes(quoted)) return f;
    return { ...f, message: f.message.replace(quoted, () => `(${detail.render(lang)})`) };
  });
}
