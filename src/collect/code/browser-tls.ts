/**
 * TLS switches of browser automation in the tree-sitter languages (the TypeScript
 * collector has its own, typescript/tls.ts): Chrome's `--ignore-certificate-errors`
 * argument, Selenium's `acceptInsecureCerts` capability (`setAcceptInsecureCerts(true)`,
 * `options.accept_insecure_certs = True`, `AcceptInsecureCertificates = true`,
 * `setCapability("acceptInsecureCerts", true)`), Playwright's `ignore_https_errors=True`
 * / `IgnoreHTTPSErrors = true`.
 */
import type { Node, ParsedFile } from './types.js';

/** Chrome command-line switches that turn certificate checks off. */
export const CHROME_TLS_ARG = /^-?-?(?:ignore-certificate-errors|ignore-ssl-errors|allow-insecure-localhost)(?:=|$)/;
/** Option and property names that accept any certificate when true. */
const SWITCH_NAMES = /^(?:acceptInsecureCerts|accept_insecure_certs|AcceptInsecureCertificates|AcceptInsecureCerts|ignoreHTTPSErrors|IgnoreHTTPSErrors|ignore_https_errors|IgnoreHttpsErrors|ACCEPT_INSECURE_CERTS)$/;

function isTrue(n: Node | undefined | null, fa: ParsedFile): boolean {
  if (!n) return false;
  const t = fa.syntax.unwrap(n).text;
  return t === 'true' || t === 'True' || t === 'TRUE';
}

/** Every browser TLS switch of the file, reported through `add(node, setting)`. */
export function browserTlsSwitches(fa: ParsedFile, add: (node: Node, setting: string) => void): void {
  for (const s of fa.captures('string')) {
    const v = fa.syntax.stringValue(s);
    if (v !== undefined && CHROME_TLS_ARG.test(v)) add(s, `--${v.replace(/^-+/, '').split('=')[0]}`);
  }
  for (const a of fa.assignments) {
    if (SWITCH_NAMES.test(a.name) && a.operator === '=' && isTrue(a.value, fa)) add(a.node, `${a.name} = true`);
  }
  for (const c of fa.calls) {
    if (c.isNew) continue;
    if (/^setAcceptInsecureCerts$|^AcceptInsecureCertificates$/.test(c.method) && isTrue(c.args[0], fa)) add(c.node, `${c.method}(true)`);
    else if (/^(setCapability|AddAdditionalCapability|AddAdditionalOption|set_capability)$/.test(c.method) && c.args.length >= 2 && isTrue(c.args[1], fa)) {
      const k = c.args[0] ? (fa.syntax.stringValue(fa.syntax.unwrap(c.args[0])) ?? fa.syntax.unwrap(c.args[0]).text) : '';
      if (SWITCH_NAMES.test(k.slice(k.lastIndexOf('.') + 1))) add(c.node, `${c.method}(${k}, true)`);
    }
  }
  // Keyword arguments and dictionary keys: `new_context(ignore_https_errors=True)`, `{'acceptInsecureCerts': True}`.
  for (const kw of fa.captures('kwarg')) {
    const name = kw.childForFieldName('name')?.text;
    if (name && SWITCH_NAMES.test(name) && isTrue(kw.childForFieldName('value'), fa)) add(kw, `${name}=True`);
  }
  for (const s of fa.captures('string')) {
    const p = s.parent;
    if (p?.type !== 'pair' || p.childForFieldName('key')?.id !== s.id) continue;
    const k = fa.syntax.stringValue(s);
    if (k && SWITCH_NAMES.test(k) && isTrue(p.childForFieldName('value'), fa)) add(p, `${k}: true`);
  }
}
