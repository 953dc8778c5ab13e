/**
 * Cryptocurrency wallet keys: a 0x-prefixed 256-bit hex value that is a valid secp256k1
 * private key, with a key/wallet word on its line or the next/previous one (a bare
 * 0x…64 hex is far more often a hash or a storage slot).
 */
import { lineAt, regexDetector, type Detector } from './types.js';

const N = BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
const CONTEXT = /priv|secret|wallet|mnemonic|signer|seed|key/i;

export const secp256k1PrivateKey = regexDetector({
  id: 'secp256k1-private-key',
  family: 'crypto',
  description: 'secp256k1 (Ethereum/Bitcoin) private key: 0x + 64 hex, in key/wallet context',
  kind: 'private-key',
  keywords: ['0x'],
  anchored: true,
  pattern: /(?<![0-9A-Za-z])0x[0-9a-fA-F]{64}(?![0-9a-fA-F])/,
  validate(hex, m, { text }) {
    const k = BigInt(hex);
    if (k === 0n || k >= N) return false;
    const line = lineAt(text, m.index);
    const from = line.start > 0 ? lineAt(text, line.start - 1).start : 0;
    const to = line.end < text.length ? lineAt(text, line.end + 1).end : text.length;
    const around = text.slice(from, m.index) + text.slice(m.index + hex.length, to);
    return CONTEXT.test(around);
  },
});

export const cryptoDetectors: readonly Detector[] = [secp256k1PrivateKey];
