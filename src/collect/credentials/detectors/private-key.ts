/**
 * Private keys: PEM blocks (PKCS#1 RSA, SEC1 EC, DSA, PKCS#8 plain and encrypted,
 * OpenSSH, PGP private key blocks, SSH2) — also inside JSON strings with `\n` escapes,
 * as in a GCP service-account file — and PuTTY `.ppk` keys. The body must look like key
 * material: enough base64, varied, and not decoding to readable text (`...`, `xxx`,
 * base64 of "abcdef…" are placeholders). Certificates and public keys are never matched.
 */
import type { Detector, RawMatch } from './types.js';

const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/y;
const PEM_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-{3,5}/g;

/** A PEM block without layout (indentation, `\n` escapes, quotes, `+`), so the same key hashes alike wherever it sits. */
export function canonicalPem(block: string): string {
  return block.replace(/\\[nr]/g, '').replace(/["'`+\s]/g, '');
}

/**
 * A line of a PEM body as it may be written: base64 (64 columns, or longer when the
 * layout was lost), optionally inside a comment (`#`, `//`, `*`, `;`), a quoted string
 * or a concatenation (`"…\n" +`), with its indentation.
 */
const BODY_LINE = /^(?:[\s"'`+#/*;]*|.{0,60}?["'`])[A-Za-z0-9+/=]{8,}(?:["'`][^A-Za-z0-9+/=]{0,20})?[\s"'`+,;\\]*$/;
/** Armour headers: `Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`, `Version: …`, `Comment: …`. */
const ARMOUR_HEADER = /^[\s"'`+#/*;]*[A-Za-z][\w-]*:\s/;

/** The base64 lines that follow a BEGIN line in `block`, up to END or the first line that is not key material. */
function bodyLines(block: string): string[] {
  const lines = block
    .replace(/-----BEGIN[^-]*-{3,5}/, '\n')
    .replace(/\\+[nr]/g, '\n')
    .split('\n');
  const out: string[] = [];
  for (const [i, l] of lines.entries()) {
    if (/-----END /.test(l)) break;
    if (/^[\s"'`+,;\\]*$/.test(l)) continue;
    // Armour headers sit right after the BEGIN line, before the body.
    if (out.length === 0 && i <= 4 && ARMOUR_HEADER.test(l)) continue;
    if (!BODY_LINE.test(l)) break;
    out.push(l);
  }
  return out;
}

/**
 * True when the block's body is key material rather than a placeholder: base64 lines
 * right after the BEGIN line (a header alone — `## -----BEGIN RSA PRIVATE KEY-----` in a
 * comment, a constant naming the header — has none), enough of it, varied, and not
 * decoding to readable text.
 */
export function pemBodyIsReal(block: string): boolean {
  const body = bodyLines(block)
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  const b64 = body.replace(/=+$/, '');
  if (b64.length < 40) return false;
  if (new Set(b64).size < 10) return false;
  const bytes = Buffer.from(b64.replace(/=/g, ''), 'base64');
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13) printable++;
  return printable / Math.max(1, bytes.length) < 0.95;
}

export const pemPrivateKey: Detector = {
  id: 'pem-private-key',
  family: 'private-key',
  description: 'PEM private key block (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, OpenSSH, PGP), at its BEGIN line',
  kind: 'private-key',
  keywords: ['private key'],
  *find({ text, hits }): Iterable<RawMatch> {
    let last = -1;
    for (const hit of hits) {
      // The keyword sits inside `-----BEGIN … PRIVATE KEY-----`: find the header's start.
      const near = text.slice(Math.max(0, hit - 40), hit).lastIndexOf('-----BEGIN ');
      const from = near < 0 ? -1 : Math.max(0, hit - 40) + near;
      if (from < 0 || from <= last) continue;
      PEM_BEGIN.lastIndex = from;
      const m = PEM_BEGIN.exec(text);
      if (!m) continue;
      PEM_END.lastIndex = from + m[0].length;
      const end = PEM_END.exec(text);
      const stop = end && end.index - from < 40_000 ? end.index + end[0].length : Math.min(text.length, from + 4000);
      last = stop;
      const block = text.slice(from, stop);
      if (pemBodyIsReal(block)) yield { index: from, secret: canonicalPem(block), start: from, end: stop };
    }
  },
};

const PPK = /PuTTY-User-Key-File-\d: [^\r\n]+[\s\S]{0,2000}?Private-Lines: \d+\r?\n((?:[A-Za-z0-9+/=]+\r?\n?)+)/y;

export const puttyPrivateKey: Detector = {
  id: 'putty-private-key',
  family: 'private-key',
  description: 'PuTTY private key file (.ppk) with an unencrypted or encrypted private part',
  kind: 'private-key',
  keywords: ['putty-user-key-file-'],
  *find({ text, hits }) {
    for (const at of hits) {
      PPK.lastIndex = at;
      const m = PPK.exec(text);
      const body = m?.[1]?.replace(/\s/g, '') ?? '';
      if (m && body.length >= 40) yield { index: at, secret: body, start: at, end: at + m[0].length };
    }
  },
};

export const privateKeyDetectors: readonly Detector[] = [pemPrivateKey, puttyPrivateKey];
