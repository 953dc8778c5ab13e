/**
 * Code context for reports read by people (`--format html`): the source lines around
 * each finding, **redacted**, computed once by the caller and handed to the formatter
 * in `ReportInput.codeContext` (a formatter stays a pure function of its input and never
 * reads a file).
 *
 * Every character that could be a secret goes through the project's one redaction path
 * (`redact` / `redactUrl` in `src/util/redact.ts`):
 *
 * 1. the whole file is run through every secret detector (`scanText`, the same engine
 *    the collectors use: known formats, private-key blocks over several lines,
 *    literals bound to credential names in any syntax);
 * 2. each credential fact the collectors reported on a shown line is found again by
 *    its hash (`valueHash`, `length`) and masked exactly — and when it cannot be found
 *    there (a decoded base64 Secret, a value built by concatenation) the whole line is
 *    masked as below;
 * 3. on the lines of a credentials finding (or any finding carrying a `value`) every
 *    literal and every `key = value` / `key: value` value is masked, whatever it looks
 *    like;
 * 4. on every shown line, each quoted literal or config value is classified like a
 *    collector would (`classifyValue` with the key it is bound to), long high-entropy
 *    tokens are masked, and URLs lose their user-info and sensitive query values
 *    (`redactUrl`).
 *
 * Files are read only inside the scanned root (no link out of it), at most 2 MiB, and
 * never for findings from git history (the working tree is not what was committed).
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { classifyValue, scanText } from '../collect/credentials/candidates.js';
import { syntaxOf } from '../collect/credentials/detectors/index.js';
import { decodeText } from '../discover/index.js';
import type { CredentialFact } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import { defaultSettings, type Settings } from '../policy/settings.js';
import { redact, redactUrl, sha256Hex, shannonEntropy } from '../util/redact.js';
import type { CodeContext, ReportInput } from './types.js';

/** Lines shown before and after a finding's line (and its `endLine`). */
export const CONTEXT_RADIUS = 2;
/** Most lines shown for one finding (a long `endLine` range is cut). */
const MAX_LINES_PER_FINDING = 12;
/** Longest line kept, in characters, after redaction. */
const MAX_LINE = 240;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Characters of a line analysed for values (far more than are shown). */
const MAX_ANALYSED = 4000;

/** What the caller knows about the scan: root, settings, the collectors' credential facts. */
export interface ContextSource {
  root: string;
  settings?: Settings;
  facts?: { credentials: readonly CredentialFact[] };
}

/**
 * What a report for people needs beyond the findings: when it was made and, for HTML,
 * the redacted code context. `source` is undefined when the files on disk are not what
 * was scanned (`--staged`, `--history`): then no context is shown.
 */
export function reportExtras(
  format: string,
  source: ContextSource | undefined,
  findings: readonly Finding[],
  now: Date = new Date(),
): Pick<ReportInput, 'generatedAt' | 'codeContext'> {
  const extras: Pick<ReportInput, 'generatedAt' | 'codeContext'> = { generatedAt: now.toISOString() };
  if (format === 'html' && source) extras.codeContext = buildCodeContext(source, findings);
  return extras;
}

/** The redacted lines around every finding, by file then 1-based line number. */
export function buildCodeContext(source: ContextSource, findings: readonly Finding[], radius = CONTEXT_RADIUS): CodeContext {
  const settings = source.settings ?? defaultSettings();
  const wanted = new Map<string, { lines: Set<number>; strict: Set<number> }>();
  for (const f of findings) {
    if (f.commit || !Number.isFinite(f.line) || f.line < 1) continue;
    const entry = wanted.get(f.file) ?? { lines: new Set<number>(), strict: new Set<number>() };
    wanted.set(f.file, entry);
    const first = Math.floor(f.line);
    const last = Math.min(Math.max(first, Math.floor(f.endLine ?? first)), first + MAX_LINES_PER_FINDING - 1 - 2 * radius);
    for (let n = Math.max(1, first - radius); n <= last + radius; n++) entry.lines.add(n);
    if (f.category === 'credentials' || f.value !== undefined) for (let n = first; n <= last; n++) entry.strict.add(n);
  }
  const credentialsByFile = new Map<string, CredentialFact[]>();
  for (const c of source.facts?.credentials ?? []) {
    const list = credentialsByFile.get(c.file) ?? [];
    list.push(c);
    credentialsByFile.set(c.file, list);
  }
  const out = new Map<string, Map<number, string>>();
  for (const [file, { lines, strict }] of wanted) {
    const text = readInsideRoot(source.root, file);
    if (text === undefined) continue;
    const shown = redactLines(text, file, [...lines].sort((a, b) => a - b), {
      settings,
      credentials: credentialsByFile.get(file) ?? [],
      strict,
    });
    if (shown.size > 0) out.set(file, shown);
  }
  return out;
}

export interface RedactLinesOptions {
  settings: Settings;
  /** The collectors' credential facts for this file. */
  credentials?: readonly CredentialFact[];
  /** Lines where every literal and value is masked (credentials findings). */
  strict?: ReadonlySet<number>;
}

/** Lines `wanted` (1-based) of `text`, each redacted as described above and cut to a readable length. */
export function redactLines(text: string, file: string, wanted: readonly number[], opts: RedactLinesOptions): Map<number, string> {
  const starts = lineStarts(text);
  const lineText = (n: number) => {
    const s = starts[n - 1]!;
    const e = n < starts.length ? starts[n]! - 1 : text.length;
    return text.slice(s, e).replace(/\r$/, '');
  };
  const spans: Array<[number, number]> = [];
  for (const m of scanText(text, file)) spans.push([m.start, m.end]);

  const code = syntaxOf(file) === 'code';
  const shownLines = wanted.filter((n) => n >= 1 && n <= starts.length);
  const shownSet = new Set(shownLines);
  // A line asked to be strict stays so unless every credential on it was pinned down.
  const pinned = new Set<number>();
  const unpinned = new Set<number>();
  for (const c of opts.credentials ?? []) {
    if (!shownSet.has(c.line) || c.placeholder) continue;
    const at = findByHash(lineText(c.line), c.length, c.valueHash);
    if (at) {
      spans.push([starts[c.line - 1]! + at[0], starts[c.line - 1]! + at[1]]);
      pinned.add(c.line);
    } else unpinned.add(c.line);
  }
  const strict = new Set([...(opts.strict ?? [])].filter((n) => !pinned.has(n)));
  for (const n of unpinned) strict.add(n);
  for (const n of shownLines) {
    const base = starts[n - 1]!;
    // Only the start of a very long (minified) line is shown: analyse that much of it.
    for (const [s, e] of valueSpans(lineText(n).slice(0, MAX_ANALYSED), opts.settings, strict.has(n), code)) spans.push([base + s, base + e]);
  }
  const merged = mergeSpans(spans);

  const out = new Map<number, string>();
  for (const n of shownLines) {
    const s = starts[n - 1]!;
    const line = lineText(n);
    out.set(n, clip(redactUrls(render(text, s, s + line.length, merged))));
  }
  return out;
}

// ---------------------------------------------------------------------------

/** A file of the scanned root as text, or undefined (outside the root, a link out, too large, unreadable). */
function readInsideRoot(root: string, file: string): string | undefined {
  if (isAbsolute(file) || file.split('/').includes('..')) return undefined;
  let fd: number | undefined;
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(join(root, file));
    const rel = relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    fd = openSync(real, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    const bytes = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, bytes, read, st.size - read, read);
      if (n <= 0) break;
      read += n;
    }
    const b = bytes.subarray(0, read);
    const encoding = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : undefined;
    return decodeText({ ...(encoding ? { encoding } : {}), hasNul: true }, b);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The span (UTF-16 offsets in `line`) of the substring of `length` code points hashing to `hash`. */
function findByHash(line: string, length: number, hash: string): [number, number] | undefined {
  const cps = [...line];
  if (length <= 0 || length > cps.length) return undefined;
  const offsets: number[] = [];
  let o = 0;
  for (const cp of cps) {
    offsets.push(o);
    o += cp.length;
  }
  offsets.push(o);
  for (let i = 0; i + length <= cps.length; i++) {
    const candidate = line.slice(offsets[i], offsets[i + length]);
    if (sha256Hex(candidate) === hash) return [offsets[i]!, offsets[i + length]!];
  }
  return undefined;
}

/** Quoted literals: '…', "…", `…` (with backslash escapes). */
const QUOTED = /(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
/** `key = value`, `key: value`, `key => value`, `key := value` with an unquoted value (config files, shell). */
const UNQUOTED = /([A-Za-z_][\w.\-[\]]*)\s*(?::=|=>|[:=])[ \t]*(?![\s"'`{[(<])([^\s,;#"'`)}\]]+)/g;
/** The name a value at `index` is bound to: the identifier before `=`, `:`, `=>`, `:=`, `(` … */
const KEY_BEFORE = /([A-Za-z_$][\w.$\-[\]"']*?)["']?\s*(?::=|=>|==|===|[:=(,]|\s)\s*$/;
const URL_START = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
/** Unbroken runs that may be tokens. */
const TOKEN = /[A-Za-z0-9+/_\-.~]{20,}={0,2}/g;

/**
 * Spans (offsets in `line`) of the values on a line that may be secrets; with `strict`,
 * of every quoted literal and every unquoted config value. In `code`, an unquoted value
 * is an expression (a name), not a literal.
 */
function valueSpans(line: string, settings: Settings, strict: boolean, code: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const consider = (start: number, value: string, key: string | undefined) => {
    // URLs: the detectors' spans and `redactUrl` mask what is secret in them, the host stays readable.
    if (value.length === 0 || URL_START.test(value)) return;
    if (strict || classifyValue(key, value, settings) !== undefined) spans.push([start, start + value.length]);
  };
  for (const m of line.matchAll(QUOTED)) {
    // A quoted key (`"DanCu": …`, `'secret' => …`) names a value; it is not one.
    if (/^\s*(?::(?!:)|=>)/.test(line.slice(m.index + m[0].length))) continue;
    const before = line.slice(Math.max(0, m.index - 100), m.index);
    const key = KEY_BEFORE.exec(before)?.[1]?.replace(/["']/g, '');
    consider(m.index + 1, m[2] ?? '', key);
  }
  if (!code) for (const m of line.matchAll(UNQUOTED)) {
    const value = m[2] ?? '';
    consider(m.index + m[0].length - value.length, value, m[1]);
  }
  for (const m of line.matchAll(TOKEN)) {
    const t = m[0];
    if (URL_START.test(t) || (t.includes('/') && !/[+=]/.test(t))) continue; // paths, URLs: handled by redactUrl
    if (/\d/.test(t) && /[A-Za-z]/.test(t) && shannonEntropy(t) >= 3.5) spans.push([m.index, m.index + t.length]);
  }
  return spans;
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * `text[from, to)` with every span replaced by `redact` of the whole span (a span that
 * started on an earlier line — a private key block — shows as `…`).
 */
function render(text: string, from: number, to: number, spans: ReadonlyArray<[number, number]>): string {
  let out = '';
  let at = from;
  for (const [s, e] of spans) {
    if (e <= from) continue;
    if (s >= to) break;
    if (s > at) out += text.slice(at, s);
    out += s < from ? '…' : redact(text.slice(s, e));
    at = Math.min(e, to);
  }
  if (at < to) out += text.slice(at, to);
  return out;
}

const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s"'`<>()]+/g; // scheme bounded: linear on long lines

function redactUrls(line: string): string {
  return line.replace(URL_IN_TEXT, (url) => redactUrl(url));
}

function clip(line: string): string {
  if (line.length <= MAX_LINE) return line;
  const cut = line.slice(0, MAX_LINE - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
