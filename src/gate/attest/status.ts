/**
 * For reports: how the approval of the notice a deployment rests on was checked. The
 * verdict is the policies' (DG-GATE-011/012/013); this only describes it, reading the
 * findings for what counted and the facts for which attestation and key.
 */
import type { GateFact, GateNoticeFact } from '../../facts/types.js';
import type { Finding, Lang } from '../../findings/types.js';
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
