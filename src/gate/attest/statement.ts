/**
 * The approval attestation: an in-toto Statement v1
 * (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md) whose subject
 * is the integration (the repository, digest = the integration fingerprint) and whose
 * predicate records the written approval of one notice:
 *
 * ```json
 * { "_type": "https://in-toto.io/Statement/v1",
 *   "subject": [{ "name": "tinh-mau/dvc-portal", "digest": { "sha256": "6f71…5729" } }],
 *   "predicateType": "urn:dancu-guard:approval:v1",
 *   "predicate": {
 *     "fingerprint": "sha256:6f71…5729",
 *     "repository": "tinh-mau/dvc-portal",                      (optional)
 *     "notice": { "reference": "123/STTTT-CNTT", "submitted": "2026-10-01", "goLive": "2026-11-30" },
 *     "approval": { "reference": "456/TCT-DA06", "date": "2026-10-20" },
 *     "approver": "Tổ Công tác Đề án 06 tỉnh Mẫu" } }     (optional)
 * ```
 *
 * wrapped in a DSSE envelope with payloadType `application/vnd.in-toto+json`.
 */
import { isRealDate } from '../../config/declaration.js';
import { AttestationFormatError, isObject } from './dsse.js';
import { msg } from '../../util/errors.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const PREDICATE_TYPE = 'urn:dancu-guard:approval:v1';
/** Subject name when the approval names no repository. */
export const DEFAULT_SUBJECT_NAME = 'dancu-integration';

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** owner/name, as GitHub spells repositories. */
export const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

export interface ApprovalPredicate {
  fingerprint: string;
  repository?: string;
  notice: { reference: string; submitted: string; goLive?: string };
  approval: { reference: string; date: string };
  approver?: string;
}

export interface ApprovalStatement {
  _type: typeof STATEMENT_TYPE;
  subject: Array<{ name: string; digest: { sha256: string } }>;
  predicateType: typeof PREDICATE_TYPE;
  predicate: ApprovalPredicate;
}

export function buildStatement(p: ApprovalPredicate): ApprovalStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: p.repository ?? DEFAULT_SUBJECT_NAME, digest: { sha256: p.fingerprint.slice('sha256:'.length) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      fingerprint: p.fingerprint,
      ...(p.repository !== undefined ? { repository: p.repository } : {}),
      notice: { reference: p.notice.reference, submitted: p.notice.submitted, ...(p.notice.goLive !== undefined ? { goLive: p.notice.goLive } : {}) },
      approval: { reference: p.approval.reference, date: p.approval.date },
      ...(p.approver !== undefined ? { approver: p.approver } : {}),
    },
  };
}

/** Parse and check the payload of an envelope. Throws AttestationFormatError. Unknown fields are ignored (in-toto). */
export function parseStatement(payloadType: string, payload: Buffer): ApprovalPredicate {
  if (payloadType !== PAYLOAD_TYPE) throw new AttestationFormatError('payload-type', msg('attest.detail.isNot', { field: 'payloadType', value: PAYLOAD_TYPE }));
  let doc: unknown;
  try {
    doc = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new AttestationFormatError('not-statement', msg('attest.detail.payloadNotJson'));
  }
  if (!isObject(doc)) throw new AttestationFormatError('not-statement', msg('attest.detail.payloadNotObject'));
  if (doc._type !== STATEMENT_TYPE) throw new AttestationFormatError('not-statement', msg('attest.detail.isNot', { field: '"_type"', value: STATEMENT_TYPE }));
  if (doc.predicateType !== PREDICATE_TYPE) throw new AttestationFormatError('predicate-type', msg('attest.detail.isNot', { field: '"predicateType"', value: PREDICATE_TYPE }));
  if (!Array.isArray(doc.subject) || doc.subject.length === 0) throw new AttestationFormatError('not-statement', msg('attest.detail.missingOrEmpty', { field: '"subject"' }));
  const digests = doc.subject.map((s, i) => {
    if (!isObject(s) || typeof s.name !== 'string' || !isObject(s.digest)) throw new AttestationFormatError('not-statement', msg('attest.detail.nameAndDigest', { field: `"subject[${i}]"` }));
    const d = s.digest.sha256;
    if (typeof d !== 'string' || !HEX64.test(d)) throw new AttestationFormatError('not-statement', msg('attest.detail.notHex64', { field: `"subject[${i}].digest.sha256"` }));
    return d;
  });

  const p = doc.predicate;
  if (!isObject(p)) throw new AttestationFormatError('predicate', msg('attest.detail.notObject', { field: '"predicate"' }));
  const str = (v: unknown, field: string): string => {
    if (typeof v !== 'string' || v.trim() === '') throw new AttestationFormatError('predicate', msg('attest.detail.notText', { field: `"predicate.${field}"` }));
    return v;
  };
  const date = (v: unknown, field: string): string => {
    const s = str(v, field);
    if (!isRealDate(s)) throw new AttestationFormatError('predicate', msg('attest.detail.notDate', { field: `"predicate.${field}"` }));
    return s;
  };
  const fingerprint = str(p.fingerprint, 'fingerprint');
  if (!FINGERPRINT.test(fingerprint)) throw new AttestationFormatError('predicate', msg('attest.detail.notFingerprint', { field: '"predicate.fingerprint"' }));
  if (!digests.every((d) => `sha256:${d}` === fingerprint)) {
    throw new AttestationFormatError('predicate', msg('attest.detail.fingerprintDiffers', { field: '"predicate.fingerprint"' }));
  }
  if (!isObject(p.notice)) throw new AttestationFormatError('predicate', msg('attest.detail.notObject', { field: '"predicate.notice"' }));
  if (!isObject(p.approval)) throw new AttestationFormatError('predicate', msg('attest.detail.notObject', { field: '"predicate.approval"' }));
  const notice = {
    reference: str(p.notice.reference, 'notice.reference'),
    submitted: date(p.notice.submitted, 'notice.submitted'),
    ...(p.notice.goLive !== undefined ? { goLive: date(p.notice.goLive, 'notice.goLive') } : {}),
  };
  const approval = { reference: str(p.approval.reference, 'approval.reference'), date: date(p.approval.date, 'approval.date') };
  let repository: string | undefined;
  if (p.repository !== undefined) {
    repository = str(p.repository, 'repository');
    if (!REPOSITORY.test(repository)) throw new AttestationFormatError('predicate', msg('attest.detail.notOwnerName', { field: '"predicate.repository"' }));
  }
  const approver = p.approver !== undefined ? str(p.approver, 'approver') : undefined;
  return {
    fingerprint,
    ...(repository !== undefined ? { repository } : {}),
    notice,
    approval,
    ...(approver !== undefined ? { approver } : {}),
  };
}
