/**
 * Deterministic fake token material for detector samples: built at run time, so no
 * token-shaped literal sits in the source (and none is anyone's credential).
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `n` characters of `alphabet`, the same for the same `seed`. */
export function fake(n: number, seed: number, alphabet = ALNUM): string {
  let s = seed;
  let out = '';
  while (out.length < n) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[s % alphabet.length];
  }
  return out;
}

export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const UPPER_ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base64 of `s`. */
export const b64 = (s: string): string => Buffer.from(s).toString('base64');
