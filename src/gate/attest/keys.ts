/**
 * The province's approval keys: Ed25519 from node:crypto, PEM on disk (PKCS#8 private
 * key, optionally encrypted with a passphrase; SPKI public key). A key id is the
 * SHA-256 of the public key's SPKI DER, in hex: it goes into a DSSE signature's `keyid`
 * and names the key in every message. Errors never quote a key file's contents.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { msg, UsageError } from '../../util/errors.js';
import { readBoundedFile } from './read.js';

/** Key files are small; a larger file is not a key. */
const MAX_KEY_BYTES = 16 * 1024;

export interface KeyPair {
  privatePem: string;
  publicPem: string;
  keyid: string;
}

/** SHA-256 of the SPKI DER of a public (or private: its public half) key, hex. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The first 16 hex digits, for messages. */
export function shortKeyId(keyid: string): string {
  return keyid.length > 16 ? keyid.slice(0, 16) : keyid;
}

/** A new Ed25519 key pair; with a passphrase the private key is encrypted (AES-256-CBC, PKCS#8). */
export function generateApprovalKeyPair(passphrase?: string): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({
    type: 'pkcs8',
    format: 'pem',
    ...(passphrase !== undefined ? { cipher: 'aes-256-cbc', passphrase } : {}),
  }) as string;
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  return { privatePem, publicPem, keyid: keyIdOf(publicKey) };
}

/** Read a key file (a regular file, at most 16 KiB); `what` names it in errors. */
export function readKeyFile(path: string, what: 'noun.trustKey' | 'noun.privateKey'): string {
  const r = readBoundedFile(path, MAX_KEY_BYTES);
  if ('text' in r) return r.text;
  const params = { what: msg(what), path };
  if (r.code === 'not-found') throw UsageError.of('keys.notFound', params);
  if (r.code === 'too-large') throw UsageError.of('keys.tooLarge', { ...params, size: r.size ?? 0, max: r.max ?? MAX_KEY_BYTES });
  if (r.code === 'not-utf8') throw UsageError.of('keys.notUtf8', params);
  if (r.errno !== undefined) throw UsageError.of('keys.unreadable', { ...params, code: r.errno });
  throw UsageError.of('keys.notRegular', params);
}

/**
 * An Ed25519 public key from PEM text (SPKI, `-----BEGIN PUBLIC KEY-----`). A private
 * key is refused: it must never be copied to where the gate runs.
 */
export function parsePublicKey(pem: string, display: string): KeyObject {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw UsageError.of('keys.trustIsPrivate', { path: display });
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw UsageError.of('keys.notPublicPem', { path: display });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw UsageError.of('keys.trustNotEd25519', { path: display, type: key.asymmetricKeyType ?? msg('keys.unknownType') });
  }
  return key;
}

/** An Ed25519 private key from PEM text (PKCS#8, possibly encrypted). */
export function parsePrivateKey(pem: string, display: string, passphrase?: string): KeyObject {
  if (!/-----BEGIN (?:ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    if (/-----BEGIN PUBLIC KEY-----/.test(pem)) {
      throw UsageError.of('keys.isPublic', { path: display });
    }
    throw UsageError.of('keys.notPrivatePem', { path: display });
  }
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem);
  if (encrypted && passphrase === undefined) {
    throw UsageError.of('keys.encrypted', { path: display });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', ...(passphrase !== undefined ? { passphrase } : {}) });
  } catch {
    throw UsageError.of(encrypted ? 'keys.wrongPassphrase' : 'keys.unreadablePem', { path: display });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw UsageError.of('keys.privateNotEd25519', { path: display, type: key.asymmetricKeyType ?? msg('keys.unknownType') });
  }
  return key;
}

/** A passphrase from the environment variable named by --passphrase-env (never from argv). */
export function passphraseFromEnv(name: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw UsageError.of('keys.badEnvName', { name });
  const value = env[name];
  if (value === undefined || value === '') throw UsageError.of('keys.envUnset', { name });
  return value;
}

export interface WrittenKeyPair {
  keyid: string;
  privatePath: string;
  publicPath: string;
}

/** Default file names in `keygen --out DIR`: the key id keeps rotated keys apart. */
export function keyFileNames(keyid: string): { privateName: string; publicName: string } {
  const base = `dancu-approval-${shortKeyId(keyid)}`;
  return { privateName: `${base}.key`, publicName: `${base}.pub` };
}

/**
 * Write a key pair: the private key with mode 0600, the public key 0644. Neither file
 * may exist unless `force` (then both are replaced); nothing is written when one
 * cannot be.
 */
export function writeKeyPair(pair: KeyPair, privatePath: string, publicPath: string, force: boolean): WrittenKeyPair {
  if (resolve(privatePath) === resolve(publicPath)) throw UsageError.of('keys.sameFile');
  for (const p of [privatePath, publicPath]) {
    if (existsSync(p) && !force) throw UsageError.of('keys.exists', { path: p });
  }
  const write = (p: string, text: string, mode: number) => {
    try {
      if (force) rmSync(p, { force: true });
      writeFileSync(p, text, { mode, flag: 'wx' });
      chmodSync(p, mode); // exactly this mode, whatever the umask
    } catch (err) {
      throw UsageError.of('files.cannotWrite', { path: p, code: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    }
  };
  write(privatePath, pair.privatePem, 0o600);
  try {
    write(publicPath, pair.publicPem, 0o644);
  } catch (err) {
    rmSync(privatePath, { force: true }); // a private key without its public half is of no use
    throw err;
  }
  return { keyid: pair.keyid, privatePath, publicPath };
}
