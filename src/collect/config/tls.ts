/**
 * TLS verification switched off in config values: a key that turns verification off
 * (`NODE_TLS_REJECT_UNAUTHORIZED=0`, `insecureSkipVerify: true`, `ssl-verify: false`,
 * bare `verify: false` / `insecure: true` only beside a URL, `CURL_CA_BUNDLE=` empty),
 * and the same switch written inside a value (`TrustServerCertificate=True` in a
 * connection string, `curl -k` in a command, `sslmode=no-verify` in a URL).
 */
import { keySegments } from './keys.js';

const FALSEY = /^(?:false|0|no|off|none|cert_none)$/i;
const TRUEY = /^(?:true|1|yes|on)$/i;
const TLS_OFF_WHEN_FALSE = new Set([
  'rejectunauthorized',
  'nodetlsrejectunauthorized',
  'sslverify',
  'verifyssl',
  'tlsverify',
  'verifytls',
  'sslverification',
  'tlsverification',
  'verifypeer',
  'sslverifypeer',
  'curloptsslverifypeer',
  'verifyhost',
  'sslverifyhost',
  'curloptsslverifyhost',
  'checkhostname',
  'verifycertificate',
  'verifycertificates',
  'verifycert',
  'validatecertificate',
  'validatecertificates',
  'certificatevalidation',
  'hostnameverification',
  'verifyhostname',
  'verifyservercertificate',
  'pythonhttpsverify',
  'sslcertverify',
  'strictssl',
  'httpsverify',
]);
const TLS_OFF_WHEN_TRUE = new Set([
  'insecureskipverify',
  'insecureskiptlsverify',
  'skiptlsverify',
  'tlsskipverify',
  'skipsslverify',
  'sslskipverify',
  'skipcertverify',
  'skipcertificatevalidation',
  'skipverify',
  'trustall',
  'trustallcerts',
  'trustallcertificates',
  'trustservercertificate',
  'gitsslnoverify',
  'acceptanycertificate',
  'acceptinvalidcerts',
  'allowinsecure',
  'disablesslverification',
  'disabletlsverification',
  'sslnoverify',
  'noverifyssl',
  'tlsinsecure',
  'insecuretls',
  'sslinsecure',
  'insecuressl',
  'tlsnoverify',
  'ignoresslerrors',
  'ignorecertificateerrors',
  'ignorehttpserrors',
]);
/** Bare names that only mean TLS next to a URL (`verify: false`, `insecure: true`). */
const TLS_BARE_FALSE = new Set(['verify']);
const TLS_BARE_TRUE = new Set(['insecure']);
const TLS_EMPTY = new Set(['curlcabundle', 'requestscabundle']);
const TLS_IN_VALUE =
  /TrustServerCertificate\s*=\s*(?:true|yes)|sslmode=no-verify|NonValidatingFactory|tlsAllowInvalid(?:Certificates|Hostnames)=true|tlsInsecure=true|ssl_cert_reqs=(?:CERT_)?none|--no-check-certificate|NODE_TLS_REJECT_UNAUTHORIZED=0/gi;
/** `curl … -k` / `curl … --insecure`: the flag after the line's first `curl` (found per line: linear). */
const CURL_WORD = /\bcurl\b/i;
const CURL_INSECURE = /\s(-k|--insecure)(?=\s|$)/;
/** A cheap test before `TLS_IN_VALUE`: no value without one of these words holds a switch. */
const TLS_WORDS = /trust|ssl|tls|verify|insecure|curl|check|NODE_TLS/i;

function norm(s: string): string {
  return s.toLowerCase().replace(/[-_.\s]/g, '');
}

/**
 * Whether `key: value` turns TLS verification off. `besideUrl`: a sibling entry (same
 * parent map) holds an `http(s)://` URL, which makes the bare `verify`/`insecure` count.
 */
export function turnsTlsOff(key: string, value: string, besideUrl: boolean): boolean {
  const parts = keySegments(key);
  const leaf = norm(parts[parts.length - 1] ?? key);
  const withParent = norm((parts[parts.length - 2] ?? '') + leaf);
  const v = value.trim().replace(/^(['"])(.*)\1$/, '$2');
  const names = [leaf, withParent];
  if (FALSEY.test(v) && names.some((n) => TLS_OFF_WHEN_FALSE.has(n))) return true;
  if (TRUEY.test(v) && names.some((n) => TLS_OFF_WHEN_TRUE.has(n))) return true;
  if (v === '' && TLS_EMPTY.has(leaf)) return true;
  if (besideUrl && FALSEY.test(v) && TLS_BARE_FALSE.has(leaf)) return true;
  if (besideUrl && TRUEY.test(v) && TLS_BARE_TRUE.has(leaf)) return true;
  return false;
}

/** TLS switches written inside a value: the switch text and its offset in the value. */
export function* tlsSwitchesIn(value: string): Generator<{ setting: string; index: number }> {
  if (!TLS_WORDS.test(value)) return;
  TLS_IN_VALUE.lastIndex = 0;
  const found: Array<{ setting: string; index: number }> = [];
  for (const m of value.matchAll(TLS_IN_VALUE)) found.push({ setting: m[0].trim(), index: m.index });
  // The setting names the command and the flag only, never the arguments between them
  // (`curl -u user:<secret> -k` must not reach a message).
  let lineStart = 0;
  for (const line of value.split('\n')) {
    const c = CURL_WORD.exec(line);
    const k = c ? CURL_INSECURE.exec(line.slice(c.index + 4)) : null;
    if (c && k) found.push({ setting: `curl ${k[1]}`, index: lineStart + c.index });
    lineStart += line.length + 1;
  }
  yield* found.sort((a, b) => a.index - b.index);
}
