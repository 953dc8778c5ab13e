/**
 * What the gate knows about signed approvals: the trusted public keys it was given
 * (`--trust-key`, from the province, never from the repository), and every approval
 * attestation it found — the `*.dsse.json` files in `dancu-approvals/` beside the
 * declaration and those named with `--attestation` — each read, parsed and verified.
 *
 * Facts, not verdicts: which approval counts, and what blocks, is decided in Rego
 * (policies/gate/approvals.rego). A file that cannot be read, parsed or verified is a
 * fact with its problem (and blocks there), never a crash and never a pass.
 */
import type { KeyObject } from 'node:crypto';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { repoRelative } from '../../config/declaration.js';
import type { GateApprovalsFact, GateAttestationFact } from '../../facts/types.js';
import { UsageError } from '../../util/errors.js';
import { assertInsideRoot } from '../../util/files.js';
import { AttestationFormatError, parseEnvelope, verifyEnvelope } from './dsse.js';
import { keyIdOf, parsePublicKey, readKeyFile } from './keys.js';
import { readBoundedFile } from './read.js';
import { parseStatement } from './statement.js';

/** The directory, beside the declaration, where approval attestations are kept. */
export const APPROVALS_DIR = 'dancu-approvals';
/** The file name suffix the gate reads in APPROVALS_DIR. */
export const ATTESTATION_SUFFIX = '.dsse.json';
/** An attestation is a few hundred bytes; a larger file is not one. */
export const MAX_ATTESTATION_BYTES = 256 * 1024;

/** `dancu-approvals/<first 16 hex digits of the fingerprint>.dsse.json`. */
export function attestationFileName(fingerprint: string): string {
  return `${fingerprint.replace(/^sha256:/, '').slice(0, 16)}${ATTESTATION_SUFFIX}`;
}

export interface TrustedKeys {
  /** key id → public key. */
  keys: Map<string, KeyObject>;
  /** Keys that lie inside the gated repository (which the contractor can change). */
  insideRoot: string[];
}

/** Load `--trust-key` files (PEM SPKI Ed25519). A bad file is a UsageError naming it. */
export function loadTrustKeys(paths: readonly string[], root: string): TrustedKeys {
  const keys = new Map<string, KeyObject>();
  const insideRoot: string[] = [];
  const realRoot = realpathSync(root);
  for (const p of paths) {
    const abs = resolve(p);
    const key = parsePublicKey(readKeyFile(abs, 'noun.trustKey'), p);
    keys.set(keyIdOf(key), key);
    let real = abs;
    try {
      real = realpathSync(abs);
    } catch {
      // read above, so it exists
    }
    const rel = relative(realRoot, real);
    if (!rel.startsWith('..') && !isAbsolute(rel)) insideRoot.push(p);
  }
  return { keys, insideRoot };
}

export interface ApprovalsOptions {
  root: string;
  /** Absolute path of the declaration, when there is one. */
  declarationPath?: string;
  trusted: ReadonlyMap<string, KeyObject>;
  /** Extra attestation files (`--attestation`), as given. */
  attestations?: readonly string[];
  allowUnsigned: boolean;
  repository?: string;
}

/** The `gate.approvals` facts. Attestations are read only when there is a trust key. */
export function approvalsFacts(opts: ApprovalsOptions): GateApprovalsFact {
  const dirAbs = join(opts.declarationPath ? dirname(opts.declarationPath) : opts.root, APPROVALS_DIR);
  const directory = displayPath(opts.root, dirAbs);
  const trustKeys = [...opts.trusted.keys()].sort();
  const base = {
    trustKeys,
    allowUnsigned: opts.allowUnsigned,
    directory,
    ...(opts.repository ? { repository: opts.repository } : {}),
  };
  if (trustKeys.length === 0) return { ...base, attestations: [] };

  const files = new Map<string, { abs: string; display: string; inRoot: boolean }>();
  for (const f of findAttestationFiles(opts.root, dirAbs)) files.set(realOr(f), { abs: f, display: displayPath(opts.root, f), inRoot: true });
  for (const given of opts.attestations ?? []) {
    const abs = resolve(given);
    let isFile = false;
    try {
      isFile = statSync(abs).isFile();
    } catch {
      throw UsageError.of('attest.fileNotFound', { path: given });
    }
    if (!isFile) throw UsageError.of('attest.notFile', { path: given });
    files.set(realOr(abs), { abs, display: displayPath(opts.root, abs), inRoot: false });
  }
  const attestations = [...files.values()]
    .map((f) => verifyAttestationFile(f.abs, f.display, opts.trusted, f.inRoot ? opts.root : undefined))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ...base, attestations };
}

/** `*.dsse.json` directly in `dir` (none when it does not exist). */
function findAttestationFiles(root: string, dir: string): string[] {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return [];
  }
  assertInsideRoot(root, dir, 'noun.approvalsDir');
  if (!(st.isDirectory() || (st.isSymbolicLink() && statSync(dir).isDirectory()))) {
    throw UsageError.of('attest.dirNotDir', { path: displayPath(root, dir), suffix: ATTESTATION_SUFFIX });
  }
  return readdirSync(dir)
    .filter((n) => n.endsWith(ATTESTATION_SUFFIX))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Read, parse and verify one attestation file. `root`: the file was found in the
 * repository, so a link out of it is refused (and reported).
 */
export function verifyAttestationFile(abs: string, file: string, trusted: ReadonlyMap<string, KeyObject>, root?: string): GateAttestationFact {
  const malformed = (code: string, detail: string, extra: Partial<GateAttestationFact> = {}): GateAttestationFact => ({
    file,
    status: 'malformed',
    ...extra,
    problem: { code, detail },
  });
  if (root !== undefined) {
    try {
      assertInsideRoot(root, abs, 'noun.attestation');
    } catch {
      return malformed('link-outside', 'a link to a file outside the repository: not read');
    }
  }
  const read = readBoundedFile(abs, MAX_ATTESTATION_BYTES);
  if (!('text' in read)) return malformed(read.code, read.detail);

  let envelope;
  try {
    envelope = parseEnvelope(read.text);
  } catch (err) {
    if (err instanceof AttestationFormatError) return malformed(err.code, err.detail);
    throw err;
  }
  const sig = verifyEnvelope(envelope, trusted);
  const signer: Partial<GateAttestationFact> = sig.status === 'untrusted-key' ? { keyids: sig.keyids } : { keyid: sig.keyid };
  let statement;
  try {
    statement = parseStatement(envelope.payloadType, envelope.payload);
  } catch (err) {
    if (err instanceof AttestationFormatError) return malformed(err.code, err.detail, signer);
    throw err;
  }
  return { file, status: sig.status, ...signer, statement };
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Repo-relative inside the root; the file name otherwise (as the gate names a declaration kept elsewhere). */
function displayPath(root: string, abs: string): string {
  const rel = repoRelative(root, abs);
  return rel === abs ? basename(abs) : rel;
}
