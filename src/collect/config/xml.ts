/**
 * .NET Framework XML config files (`Web.config`, `App.config`, `Web.Release.config`…):
 * the values the config collector and the config index read from them —
 * `<appSettings><add key value/>`, `<applicationSettings><X.Properties.Settings><setting
 * name><value>…</value>`, `<connectionStrings><add name connectionString/>`, and WCF
 * `<system.serviceModel><client><endpoint address name contract/>` — each at the line
 * and column its value is written on.
 *
 * Parsed with `saxes` (a conformant streaming parser: entities, CDATA, comments,
 * processing instructions and DOCTYPE handled as XML says; attribute values normalized
 * as XML says, as .NET reads them; no DTD is read, no entity beyond the predefined and
 * numeric ones is expanded). Element names compare case-insensitively. A file that is not
 * well-formed XML keeps what the parser still reported and carries its first error
 * (`error`), which the collector reports as a parse error: .NET would not load the file,
 * and what follows the error may not have been read.
 */
import { SaxesParser } from 'saxes';
import { lineIndex } from '../lines.js';
import type { ConfigValue } from './flavours/provider.js';

/** `Web.config`, `App.config`, `Web.Release.config`, `app.config`… (not NuGet's `packages.config`). */
export function isXmlConfigPath(path: string): boolean {
  return /\.config$/i.test(path) && !/(^|\/)(packages|nuget)\.config$/i.test(path);
}

export interface XmlConfig {
  appSettings: ConfigValue[];
  connectionStrings: ConfigValue[];
  /** WCF client endpoints, indexed by name and by contract (same value twice). */
  endpoints: ConfigValue[];
  /** The first well-formedness error, if any (the message quotes nothing from the file). */
  error?: { line: number; column: number; message: string };
}

/** `XML: unmatched closing tag` from saxes' `12:4: unmatched closing tag: foo.` (names and positions dropped). */
function errorMessage(raw: string): string {
  const reason = raw.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '').split(':')[0]?.replace(/\.\s*$/, '').trim();
  return `XML: ${reason || 'not well-formed'}`;
}

interface Attr {
  value: string;
  /** Where the value starts (after the quote), 1-based. */
  line: number;
  column: number;
}

/** An attribute by name, case-insensitively (the exact spelling first). */
function attr(attrs: Map<string, Attr>, name: string): Attr | undefined {
  const exact = attrs.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [k, v] of attrs) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Offset where the value of the attribute that ends just before `end` starts. */
function attrValueStart(text: string, end: number): number {
  const q = text[end - 1];
  if (q === '"' || q === "'") return text.lastIndexOf(q, end - 2) + 1;
  // Unquoted (not XML, read anyway): the value runs back to the `=` after the name.
  let k = end - 1;
  while (k > 0 && !/[\s=<]/.test(text[k - 1] ?? '')) k--;
  return k;
}

const xmlCache = new Map<string, { text: string; parsed: XmlConfig }>();

/** Read the values of a .NET Framework `.config` file (see the module comment). Never throws. */
export function readXmlConfig(path: string, text: string): XmlConfig {
  const cached = xmlCache.get(path);
  if (cached && cached.text === text) return cached.parsed;
  const out: XmlConfig = { appSettings: [], connectionStrings: [], endpoints: [] };
  const pos = lineIndex(text);
  const parser = new SaxesParser({ position: true });
  // Keep going after a well-formedness error: what the parser still reports is kept.
  parser.on('error', (err) => {
    if (out.error) return;
    const p = pos(Math.max(0, Math.min(text.length, parser.position) - 1));
    out.error = { line: p.line, column: p.column, message: errorMessage(err.message) };
  });

  /** Open elements, lower-case names, outermost first. */
  const stack: string[] = [];
  let attrs = new Map<string, Attr>();
  let tagStart = 0;
  /** End of the last markup (tag, comment, CDATA, PI): where the text after it starts. */
  let markupEnd = 0;
  let setting: string | undefined;
  /** A `<value>` of an application setting, collecting its text until the next tag. */
  let pending: { key: string; text: string; textLine: number; tagLine: number } | undefined;
  const flushValue = (): void => {
    if (!pending) return;
    out.appSettings.push({ key: pending.key, value: pending.text.trim(), file: path, line: pending.textLine || pending.tagLine });
    pending = undefined;
  };
  const addText = (t: string, startLine: number): void => {
    if (!pending) return;
    if (pending.textLine === 0) pending.textLine = startLine;
    pending.text += t;
  };

  parser.on('opentagstart', () => {
    flushValue();
    tagStart = Math.max(0, text.lastIndexOf('<', parser.position - 1));
    attrs = new Map();
  });
  parser.on('attribute', (a) => {
    const p = pos(attrValueStart(text, parser.position));
    attrs.set(a.name, { value: a.value, line: p.line, column: p.column });
  });
  parser.on('opentag', (tag) => {
    markupEnd = parser.position;
    const name = tag.name.toLowerCase();
    const parent = stack[stack.length - 1];
    if (name === 'add' && parent === 'appsettings') {
      const k = attr(attrs, 'key');
      const v = attr(attrs, 'value');
      if (k && v) out.appSettings.push({ key: k.value, value: v.value, file: path, line: v.line, column: v.column });
    } else if (name === 'add' && parent === 'connectionstrings') {
      const k = attr(attrs, 'name');
      const v = attr(attrs, 'connectionString');
      if (k && v) out.connectionStrings.push({ key: k.value, value: v.value, file: path, line: v.line, column: v.column });
    } else if (name === 'endpoint' && parent === 'client' && stack.includes('system.servicemodel')) {
      const address = attr(attrs, 'address');
      if (address) {
        const keys = new Set<string>();
        for (const keyAttr of ['name', 'contract']) {
          const k = attr(attrs, keyAttr)?.value;
          if (!k) continue;
          keys.add(k);
          // `ServiceReference1.TraCuuSoap` is found by `TraCuuSoap` too (the generated client's stem).
          if (keyAttr === 'contract' && k.includes('.')) keys.add(k.slice(k.lastIndexOf('.') + 1));
        }
        for (const k of keys) out.endpoints.push({ key: k, value: address.value, file: path, line: address.line, column: address.column });
      }
    } else if (name === 'setting' && stack.includes('applicationsettings')) {
      const k = attr(attrs, 'name');
      if (k) setting = k.value;
    } else if (name === 'value' && parent === 'setting' && setting !== undefined) {
      pending = { key: setting, text: '', textLine: 0, tagLine: pos(tagStart).line };
    }
    if (!tag.isSelfClosing) stack.push(name);
  });
  parser.on('closetag', (tag) => {
    markupEnd = parser.position;
    // saxes reports a self-closing tag as closed too; it never was on the stack.
    if (tag.isSelfClosing) return;
    flushValue();
    const name = stack.pop();
    if (name === 'setting') setting = undefined;
  });
  parser.on('text', (t) => addText(t, pos(markupEnd).line));
  parser.on('cdata', (t) => {
    addText(t, pos(text.lastIndexOf('<![CDATA[', parser.position - 1)).line);
    markupEnd = parser.position;
  });
  for (const event of ['comment', 'processinginstruction', 'doctype', 'xmldecl'] as const) {
    parser.on(event, () => {
      markupEnd = parser.position;
    });
  }
  try {
    parser.write(text).close();
  } catch {
    // saxes throws only from a handler; what was read is kept.
  }
  flushValue();
  if (xmlCache.size > 256) xmlCache.clear();
  xmlCache.set(path, { text, parsed: out });
  return out;
}
