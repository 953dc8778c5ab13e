/**
 * Which text encoding a file's bytes are in, decided once by discovery, and decoding
 * with it (iconv-lite). Real repositories hold more than UTF-8:
 *
 * 1. a byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE (UTF-32's mark is checked
 *    before UTF-16's, whose mark it starts with);
 * 2. UTF-16 or UTF-32 without a mark, told by where the zero bytes fall;
 * 3. valid UTF-8;
 * 4. a declared encoding: a Python/Emacs coding line (`# -*- coding: latin-1 -*-`) in
 *    the first two lines, an XML declaration (`<?xml … encoding="ISO-8859-1"?>`), and
 *    `.properties` files, ISO-8859-1 by Java's definition;
 * 5. what a detector (chardet) recognises with enough confidence (Windows-1258 and
 *    Latin-1 Vietnamese, the other single-byte and CJK encodings).
 *
 * Text that decodes only into control characters, or with an encoding that is declared
 * but unknown or invalid, is undecodable: discovery reports it and it blocks (DG-CFG-004).
 */
import iconv from 'iconv-lite';
import chardet from 'chardet';

/** How a kept file's bytes decode to text: `utf-8` or an iconv-lite encoding name. */
export type TextEncoding = string;

export type Detection = { encoding: TextEncoding; bomLength: number; declared?: string } | { undecodable: string };

/** Smallest detector confidence (0–100) taken without a declaration. */
const MIN_CONFIDENCE = 20;
/** Share of control characters above which decoded text is not text. */
const MAX_CONTROL_SHARE = 0.01;
/** Bytes the detector and the zero-byte census look at. */
const SAMPLE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isValidUtf8(buf: Uint8Array): boolean {
  try {
    utf8.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The byte-order mark `buf` starts with, if any. */
export function bomOf(buf: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  const [a, b, c, d] = [buf[0], buf[1], buf[2], buf[3]];
  if (buf.length >= 4 && a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (buf.length >= 4 && a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (buf.length >= 3 && a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf.length >= 2 && a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf.length >= 2 && a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16/UTF-32 without a mark: mostly-ASCII text leaves zero bytes in fixed lanes. */
export function unmarkedWide(buf: Uint8Array): TextEncoding | undefined {
  const n = Math.min(buf.length, SAMPLE_BYTES);
  if (n < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (buf[i] === 0) zeros[i % 4]!++;
  const lane = n / 4;
  const mostly = (z: number) => z >= lane * 0.7;
  const rarely = (z: number) => z <= lane * 0.05;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  if (buf.length % 4 === 0) {
    if (rarely(z0) && mostly(z1) && mostly(z2) && mostly(z3)) return 'utf-32le';
    if (mostly(z0) && mostly(z1) && mostly(z2) && rarely(z3)) return 'utf-32be';
  }
  if (buf.length % 2 === 0) {
    if (rarely(z0 + z2) && mostly((z1 + z3) / 2)) return 'utf-16le';
    if (mostly((z0 + z2) / 2) && rarely(z1 + z3)) return 'utf-16be';
  }
  return undefined;
}

/** PEP 263 / Emacs: `# -*- coding: latin-1 -*-`, `# vim: set fileencoding=cp1258 :`, in the first two lines. */
const CODING_LINE = /^[ \t\f]*(?:#|\/\/|--|;|\/\*|<!--).*?(?:en)?coding[:=][ \t]*"?([-\w.]+)/;
const XML_DECL = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/;

/** The encoding the file declares for itself, if any (by its first bytes read as ASCII). */
export function declaredEncoding(path: string, buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 1024)).toString('latin1');
  const xml = XML_DECL.exec(head.replace(/^\s+/, ''));
  if (xml) return xml[1];
  const lines = head.split(/\r?\n|\r/, 2);
  for (const line of lines) {
    const m = CODING_LINE.exec(line);
    if (m) return m[1];
  }
  if (/\.properties$/i.test(path)) return 'iso-8859-1';
  return undefined;
}

/** Python's and Emacs' names that iconv-lite spells otherwise. */
function canonical(label: string): string {
  const l = label.toLowerCase().replace(/_/g, '-');
  if (l === 'utf8' || l === 'utf-8-sig') return 'utf-8';
  if (l === 'latin-1' || l === 'l1' || l === 'iso-latin-1') return 'iso-8859-1';
  if (l === 'cp1258' || l === 'windows1258') return 'windows-1258';
  return l;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b && c !== 0) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

/**
 * Decode `buf` (BOM included or not) with `encoding`; the BOM removed. Windows-1258 writes
 * Vietnamese tones as combining marks: its text is composed (NFC), as UTF-8 sources are,
 * so `mật khẩu` matches whichever way it was typed.
 */
export function decodeWith(buf: Uint8Array, encoding: TextEncoding): string {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let text = encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding, { stripBOM: false });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return encoding === 'windows-1258' ? text.normalize('NFC') : text;
}

/** Wide encodings checked strictly: whole code units, no lone surrogates, no code point past U+10FFFF. */
function validWide(buf: Uint8Array, encoding: TextEncoding, bomLength: number): boolean {
  const body = buf.subarray(bomLength);
  if (encoding.startsWith('utf-16')) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(body);
      return true;
    } catch {
      return false;
    }
  }
  if (body.length % 4 !== 0) return false;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const le = encoding === 'utf-32le';
  for (let i = 0; i < body.length; i += 4) {
    const cp = view.getUint32(i, le);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  }
  return true;
}

/**
 * Which encoding `buf` (a whole file) is in. `binaryHint`: the caller's binary sniff said
 * binary; then only a mark, a wide encoding or valid UTF-8 make it text (the caller judges
 * stray NUL bytes in UTF-8 itself).
 */
export function detectEncoding(path: string, buf: Uint8Array): Detection {
  const bom = bomOf(buf);
  if (bom) {
    if (bom.encoding === 'utf-8') return isValidUtf8(buf.subarray(3)) ? { encoding: 'utf-8', bomLength: 3 } : { undecodable: 'a UTF-8 byte-order mark, then bytes that are not UTF-8' };
    return validWide(buf, bom.encoding, bom.length)
      ? { encoding: bom.encoding, bomLength: bom.length }
      : { undecodable: `a ${bom.encoding.toUpperCase()} byte-order mark, then bytes that are not ${bom.encoding.toUpperCase()}` };
  }
  const wide = unmarkedWide(buf);
  if (wide && validWide(buf, wide, 0) && controlShare(decodeWith(buf.subarray(0, SAMPLE_BYTES - (SAMPLE_BYTES % 4)), wide)) <= MAX_CONTROL_SHARE) {
    return { encoding: wide, bomLength: 0 };
  }
  if (isValidUtf8(buf)) return { encoding: 'utf-8', bomLength: 0 };
  const declared = declaredEncoding(path, buf);
  if (declared !== undefined) {
    const enc = canonical(declared);
    if (enc === 'utf-8') return { undecodable: `declared ${declared}, but the bytes are not UTF-8` };
    if (!iconv.encodingExists(enc)) return { undecodable: `declared encoding ${declared} is not one the scanner knows` };
    if (controlShare(decodeWith(buf.subarray(0, SAMPLE_BYTES), enc)) > MAX_CONTROL_SHARE) return { undecodable: `declared ${declared}, but the text decodes to control characters` };
    return { encoding: enc, bomLength: 0, declared };
  }
  const sample = buf.subarray(0, SAMPLE_BYTES);
  for (const guess of chardet.analyse(sample)) {
    if (guess.confidence < MIN_CONFIDENCE) break;
    const enc = canonical(guess.name);
    if (enc === 'utf-8' || enc.startsWith('utf-16') || enc.startsWith('utf-32') || !iconv.encodingExists(enc)) continue;
    if (controlShare(decodeWith(sample, enc)) > MAX_CONTROL_SHARE) continue;
    return { encoding: enc, bomLength: 0 };
  }
  // Code whose syntax is ASCII and whose other bytes sit in literals and comments (a
  // vendored charset table, a legacy file in an unknown code page): read as ISO-8859-1,
  // which maps every byte to one character (lines and offsets kept). Names, URLs and keys
  // are ASCII, so nothing the collectors look for is lost; random or compressed bytes
  // (about 37% printable) stay undecodable.
  if (asciiShare(buf) >= MIN_ASCII_SHARE) return { encoding: 'iso-8859-1', bomLength: 0, declared: 'none: mostly ASCII, read as ISO-8859-1' };
  return { undecodable: 'not UTF-8, no byte-order mark, no declared encoding, and no text encoding recognised' };
}

/** Least share of printable ASCII (and tab, CR, LF) for the ISO-8859-1 fallback. */
const MIN_ASCII_SHARE = 0.7;

function asciiShare(buf: Uint8Array): number {
  if (buf.length === 0) return 1;
  let n = 0;
  for (const b of buf) if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13) n++;
  return n / buf.length;
}
