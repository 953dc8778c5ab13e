/**
 * DSSE (Dead Simple Signing Envelope, https://github.com/secure-systems-lab/dsse) with
 * Ed25519 from node:crypto: the pre-authentication encoding (PAE), signing, a strict
 * parser and verification against a set of trusted keys.
 *
 *   PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
 *
 * LEN is the byte length in ASCII decimal, SP one space (0x20). The signature is over
 * the PAE bytes, never over the base64 text, so re-encoding the payload cannot forge it.
 *
 * Nothing here echoes file contents: problems name the field that is wrong.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { type Message, msg } from '../../util/errors.js';

export interface DsseSignature {
  /** Unauthenticated hint: the key id the signer claims. */
  keyid?: string;
  sig: Buffer;
}

export interface DsseEnvelope {
  payloadType: string;
  payload: Buffer;
  signatures: DsseSignature[];
}

/** The JSON form of an envelope (what is written to disk). */
export interface DsseEnvelopeJson {
  payloadType: string;
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

/** The bytes DSSE signs. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'ascii'), type, Buffer.from(` ${payload.length} `, 'ascii'), payload]);
}

/** Sign `payload` with an Ed25519 private key; `keyid` goes in the signature. */
export function signEnvelope(payloadType: string, payload: Buffer, privateKey: KeyObject, keyid: string): DsseEnvelopeJson {
  const sig = sign(null, pae(payloadType, payload), privateKey);
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid, sig: sig.toString('base64') }] };
}

/**
 * An attestation that is not what it should be: its envelope (not-json, not-envelope,
 * base64, no-signatures) or its statement (statement.ts: payload-type, not-statement,
 * predicate-type, predicate). The code selects the policies' message; the detail names
 * the field, never the contents: a message of the table (`problem`, rendered in the
 * report's language), `detail` its English text.
 */
export class AttestationFormatError extends Error {
  constructor(
    readonly code:
      | 'not-json'
      | 'not-envelope'
      | 'base64'
      | 'no-signatures'
      | 'payload-type'
      | 'not-statement'
      | 'predicate-type'
      | 'predicate',
    readonly problem: Message,
  ) {
    super(problem.render('en'));
    this.name = 'AttestationFormatError';
  }

  /** The detail in English. */
  get detail(): string {
    return this.message;
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Standard or URL-safe base64 (DSSE allows both), strictly: anything else is an error. */
export function decodeBase64(value: string, field: string): Buffer {
  if (BASE64.test(value)) return Buffer.from(value, 'base64');
  if (BASE64URL.test(value) && value.length % 4 !== 1) return Buffer.from(value, 'base64url');
  throw new AttestationFormatError('base64', msg('attest.detail.notBase64', { field }));
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where JSON.parse failed, without the input it may quote. */
export function jsonProblem(err: unknown): Message {
  const text = err instanceof Error ? err.message : '';
  if (/Unexpected end of JSON input|Unterminated string/.test(text)) return msg('attest.detail.endsEarly');
  const at = /at position (\d+)/.exec(text);
  return at ? msg('attest.detail.syntaxAt', { n: at[1]! }) : msg('attest.detail.syntax');
}

/** Parse the JSON text of an envelope, strictly. Throws AttestationFormatError. */
export function parseEnvelope(text: string): DsseEnvelope {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // JSON.parse's message may quote the input: only where it failed is kept.
    throw new AttestationFormatError('not-json', jsonProblem(err));
  }
  if (!isObject(doc)) throw new AttestationFormatError('not-envelope', msg('attest.detail.fileNotObject'));
  for (const key of ['payloadType', 'payload'] as const) {
    if (typeof doc[key] !== 'string') throw new AttestationFormatError('not-envelope', msg('attest.detail.notString', { field: `"${key}"` }));
  }
  if (!Array.isArray(doc.signatures)) throw new AttestationFormatError('not-envelope', msg('attest.detail.notList', { field: '"signatures"' }));
  if (doc.signatures.length === 0) throw new AttestationFormatError('no-signatures', msg('attest.detail.empty', { field: '"signatures"' }));
  const signatures = doc.signatures.map((s, i): DsseSignature => {
    if (!isObject(s) || typeof s.sig !== 'string') throw new AttestationFormatError('not-envelope', msg('attest.detail.notString', { field: `"signatures[${i}].sig"` }));
    if (s.keyid !== undefined && typeof s.keyid !== 'string') throw new AttestationFormatError('not-envelope', msg('attest.detail.notAString', { field: `"signatures[${i}].keyid"` }));
    return { ...(typeof s.keyid === 'string' && s.keyid !== '' ? { keyid: s.keyid } : {}), sig: decodeBase64(s.sig, `"signatures[${i}].sig"`) };
  });
  return { payloadType: doc.payloadType as string, payload: decodeBase64(doc.payload as string, '"payload"'), signatures };
}

export type SignatureStatus =
  /** A signature verifies with a trusted key. */
  | { status: 'valid'; keyid: string }
  /** A signature claims a trusted key but does not verify: the payload or signature was altered. */
  | { status: 'bad-signature'; keyid: string }
  /** No trusted key verifies any signature, and none claims a trusted key. */
  | { status: 'untrusted-key'; keyids: string[] };

/**
 * Verify an envelope against trusted keys (key id → Ed25519 public key). Every trusted
 * key is tried on every signature (a key id is only a hint, never trusted by itself).
 */
export function verifyEnvelope(envelope: DsseEnvelope, trusted: ReadonlyMap<string, KeyObject>): SignatureStatus {
  const message = pae(envelope.payloadType, envelope.payload);
  for (const s of envelope.signatures) {
    for (const [keyid, key] of trusted) {
      let ok = false;
      try {
        ok = verify(null, message, key, s.sig);
      } catch {
        ok = false; // a signature of the wrong length
      }
      if (ok) return { status: 'valid', keyid };
    }
  }
  const claimed = envelope.signatures.map((s) => s.keyid).filter((k): k is string => k !== undefined);
  const trustedClaim = claimed.find((k) => trusted.has(k));
  if (trustedClaim !== undefined) return { status: 'bad-signature', keyid: trustedClaim };
  return { status: 'untrusted-key', keyids: [...new Set(claimed)] };
}
