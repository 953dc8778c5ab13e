/**
 * The province's side: sign the approval of one notice for one integration
 * fingerprint. The fingerprint is computed from the repository exactly as
 * `dancu-guard fingerprint` does (or given); the notice's submission and go-live dates
 * come from the flags or from the declaration's notice with that reference. The result
 * is an in-toto statement in a DSSE envelope signed with the province's Ed25519 key,
 * written by default to `dancu-approvals/<first 16 hex digits>.dsse.json` beside the
 * declaration, where the gate finds it.
 */
import { createPublicKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, mergeSettings } from '../../config/load.js';
import { loadDeclaration, type DeclaredNotice } from '../../config/declaration.js';
import { msg, type Message, UsageError } from '../../util/errors.js';
import { analyzeIntegration, checkDateOption, resolveRoot } from '../integration.js';
import { signEnvelope, verifyEnvelope, parseEnvelope, type DsseEnvelopeJson } from './dsse.js';
import { keyIdOf, parsePrivateKey, readKeyFile } from './keys.js';
import { PAYLOAD_TYPE, REPOSITORY, buildStatement, type ApprovalPredicate } from './statement.js';
import { APPROVALS_DIR, attestationFileName } from './verify.js';

export interface ApproveOptions {
  /** Root of the repository whose integration is approved. */
  path: string;
  /** The province's private key (PEM PKCS#8). */
  keyPath: string;
  passphrase?: string;
  /** The approving document's number and date. */
  reference: string;
  date: string;
  /** The notice being approved (its reference in dancu-integration.yml). */
  notice: string;
  submitted?: string;
  goLive?: string;
  repository?: string;
  /** `sha256:<hex>`; default: computed from `path`. */
  fingerprint?: string;
  approver?: string;
  configPath?: string;
  declarationPath?: string;
  /** Where to write; `-` for stdout (the caller prints it). Default: beside the declaration. */
  out?: string;
  force?: boolean;
  onProgress?: (status: string) => void;
}

export interface ApproveResult {
  envelope: DsseEnvelopeJson;
  predicate: ApprovalPredicate;
  keyid: string;
  /** Absolute path written (undefined for `--out -`). */
  written?: string;
  /** Differences from the declaration the province should know about. */
  warnings: Message[];
}

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;

function text(value: string | undefined, option: string): string {
  const v = value?.trim();
  if (!v) throw UsageError.of('approve.required', { option });
  if (/[\u0000-\u001f\u007f]/.test(v)) throw UsageError.of('approve.controlChars', { option });
  return v;
}

export async function approve(opts: ApproveOptions): Promise<ApproveResult> {
  // Every flag, and the key, before any work: bad input changes nothing.
  const reference = text(opts.reference, '--reference');
  const noticeRef = text(opts.notice, '--notice');
  const date = checkDateOption(text(opts.date, '--date'), '--date');
  if (opts.submitted !== undefined) checkDateOption(opts.submitted, '--submitted');
  if (opts.goLive !== undefined) checkDateOption(opts.goLive, '--go-live');
  if (opts.fingerprint !== undefined && !FINGERPRINT.test(opts.fingerprint)) {
    throw UsageError.of('approve.badFingerprint', { value: opts.fingerprint });
  }
  if (opts.repository !== undefined && !REPOSITORY.test(opts.repository)) throw UsageError.of('attest.badRepository', { value: opts.repository });
  const approver = opts.approver !== undefined ? text(opts.approver, '--approver') : undefined;
  const privateKey = parsePrivateKey(readKeyFile(resolve(opts.keyPath), 'noun.privateKey'), opts.keyPath, opts.passphrase);
  const keyid = keyIdOf(privateKey);

  const root = resolveRoot(opts.path);
  const config = loadConfig(root, opts.configPath);
  const loaded = loadDeclaration(root, {
    ...(opts.declarationPath ? { explicit: opts.declarationPath } : {}),
    settings: mergeSettings(config.config),
  });
  const declared: DeclaredNotice | undefined = loaded?.declaration.notices?.find((n) => n.reference === noticeRef);
  const submitted = opts.submitted ?? declared?.submitted;
  if (submitted === undefined) {
    throw UsageError.of('approve.noticeUnknown', { notice: noticeRef, where: loaded ? loaded.file : msg('approve.noDeclarationFound') });
  }
  const goLive = opts.goLive ?? declared?.goLive;
  if (date < submitted) throw UsageError.of('approve.dateBeforeSubmitted', { date, submitted });
  if (goLive !== undefined && goLive < submitted) throw UsageError.of('approve.goLiveBeforeSubmitted', { date: goLive, submitted });

  let fingerprint = opts.fingerprint;
  if (fingerprint === undefined) {
    const analysis = await analyzeIntegration({
      path: root,
      records: false,
      ...(opts.configPath ? { configPath: opts.configPath } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    if (analysis.fingerprint.files.length === 0) {
      throw UsageError.of('approve.nothingToApprove');
    }
    fingerprint = analysis.fingerprint.fingerprint;
  }

  const warnings: Message[] = [];
  if (!declared) {
    warnings.push(msg('approve.warn.undeclared', { notice: noticeRef, where: loaded ? loaded.file : msg('approve.warn.noDeclaration') }));
  } else {
    const differs = (what: Message, signed: string | undefined, there: string | undefined) => {
      if (signed !== there) warnings.push(msg('approve.warn.differs', { what, signed: signed ?? msg('noun.none'), there: there ?? msg('noun.none') }));
    };
    differs(msg('approve.field.fingerprint'), fingerprint, declared.fingerprint);
    differs(msg('approve.field.submitted'), submitted, declared.submitted);
    differs(msg('approve.field.goLive'), goLive, declared.goLive);
    if (declared.approved) {
      differs(msg('approve.field.reference'), reference, declared.approved.reference);
      differs(msg('approve.field.date'), date, declared.approved.date);
    }
  }

  const predicate: ApprovalPredicate = {
    fingerprint,
    ...(opts.repository ? { repository: opts.repository } : {}),
    notice: { reference: noticeRef, submitted, ...(goLive !== undefined ? { goLive } : {}) },
    approval: { reference, date },
    ...(approver !== undefined ? { approver } : {}),
  };
  const payload = Buffer.from(`${JSON.stringify(buildStatement(predicate))}\n`, 'utf8');
  const envelope = signEnvelope(PAYLOAD_TYPE, payload, privateKey, keyid);
  // Check what is about to be handed over with the public half.
  const check = verifyEnvelope(parseEnvelope(JSON.stringify(envelope)), new Map([[keyid, createPublicKey(privateKey)]]));
  if (check.status !== 'valid') throw new Error('internal error: the signature just made does not verify');

  if (opts.out === '-') return { envelope, predicate, keyid, warnings };
  const target = opts.out
    ? resolve(opts.out)
    : join(loaded ? dirname(loaded.path) : root, APPROVALS_DIR, attestationFileName(fingerprint));
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(envelope, null, 2)}\n`, { flag: opts.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw UsageError.of('approve.exists', { path: target });
    throw UsageError.of('files.cannotWrite', { path: target, code: code ?? (err as Error).message });
  }
  return { envelope, predicate, keyid, written: target, warnings };
}
