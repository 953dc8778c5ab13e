/**
 * The province's approval keys: Ed25519 from node:crypto, PEM on disk (PKCS#8 private
 * key, optionally encrypted with a passphrase; SPKI public key). A key id is the
 * SHA-256 of the public key's SPKI DER, in hex: it goes into a DSSE signature's `keyid`
 * and names the key in every message. Errors never quote a key file's contents.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../util/errors.js';
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
export function readKeyFile(path: string, what: string): string {
  const r = readBoundedFile(path, MAX_KEY_BYTES);
  if ('text' in r) return r.text;
  if (r.code === 'not-found') throw new UsageError(`${what} ${path} not found`);
  if (r.code === 'too-large') throw new UsageError(`${what} ${path} is ${r.detail}: not a PEM key`);
  throw new UsageError(`${what} ${path}: ${r.detail}`);
}

/**
 * An Ed25519 public key from PEM text (SPKI, `-----BEGIN PUBLIC KEY-----`). A private
 * key is refused: it must never be copied to where the gate runs.
 */
export function parsePublicKey(pem: string, display: string): KeyObject {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw new UsageError(
      `trust key ${display} holds a PRIVATE key: give the public key (keygen's .pub file); the private key stays offline with the province — generate a new pair if this one was copied`,
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new UsageError(`trust key ${display} is not a PEM public key (expected "-----BEGIN PUBLIC KEY-----", written by \`dancu-guard keygen\`)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(`trust key ${display} is a ${key.asymmetricKeyType ?? 'unknown'} key; approvals are signed with Ed25519 (\`dancu-guard keygen\`)`);
  }
  return key;
}

/** An Ed25519 private key from PEM text (PKCS#8, possibly encrypted). */
export function parsePrivateKey(pem: string, display: string, passphrase?: string): KeyObject {
  if (!/-----BEGIN (?:ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    if (/-----BEGIN PUBLIC KEY-----/.test(pem)) {
      throw new UsageError(`${display} is a public key: approve signs with the PRIVATE key (keygen's .key file)`);
    }
    throw new UsageError(`${display} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----", written by \`dancu-guard keygen\`)`);
  }
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem);
  if (encrypted && passphrase === undefined) {
    throw new UsageError(`${display} is encrypted: give its passphrase with --passphrase-env VAR (the name of an environment variable holding it)`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', ...(passphrase !== undefined ? { passphrase } : {}) });
  } catch {
    throw new UsageError(encrypted ? `cannot decrypt ${display}: wrong passphrase?` : `${display} is not a readable PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(`${display} is a ${key.asymmetricKeyType ?? 'unknown'} key; approvals are signed with Ed25519 (\`dancu-guard keygen\`)`);
  }
  return key;
}

/** A passphrase from the environment variable named by --passphrase-env (never from argv). */
export function passphraseFromEnv(name: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--passphrase-env "${name}" is not an environment variable name`);
  const value = env[name];
  if (value === undefined || value === '') throw new UsageError(`--passphrase-env ${name}: the environment variable ${name} is not set or empty`);
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
  if (resolve(privatePath) === resolve(publicPath)) throw new UsageError('--private and --public name the same file');
  for (const p of [privatePath, publicPath]) {
    if (existsSync(p) && !force) throw new UsageError(`${p} already exists: not overwritten (pass --force to replace it)`);
  }
  const write = (p: string, text: string, mode: number) => {
    try {
      if (force) rmSync(p, { force: true });
      writeFileSync(p, text, { mode, flag: 'wx' });
      chmodSync(p, mode); // exactly this mode, whatever the umask
    } catch (err) {
      throw new UsageError(`cannot write ${p}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
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
