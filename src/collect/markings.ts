/**
 * State-secret markings in any text file of the scanned system (R6): the stamps
 * `TUYỆT MẬT`, `TỐI MẬT`, `GIẢI MẬT` and a stand-alone uppercase `MẬT`, the envelope
 * line `CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ`, the phrases "Độ mật" and "bí mật nhà nước",
 * secrecy levels written as words ("Tối mật", "Tuyệt mật"), and a `DoMat` field given a
 * value. Facts only: the policy (policies/state_secret) decides.
 *
 * What is not a marking: lower-case "mật khẩu" (password) and "bảo mật" (security), and
 * `MẬT` inside an uppercase phrase (`BẢO MẬT`, `MẬT KHẨU`). Two or more level names
 * within a few lines (a `<select>` of secrecy levels in a document-management UI) are
 * marked `levelList`: weaker evidence than a stamped document.
 *
 * Text is compared in Unicode NFC (Vietnamese is often stored decomposed); line numbers
 * are those of the file.
 */
import type { DiscoveredFile } from '../discover/types.js';
import type { CollectedFacts, MarkingFact } from '../facts/types.js';
import type { CollectContext, Collector } from './types.js';

const MAX_SIZE = 2 * 1024 * 1024;
const MAX_PER_FILE = 20;
/** Level names within this many lines of each other form a list. */
const LIST_WINDOW = 6;

const L = '\\p{L}\\p{N}_';
const PATTERNS: ReadonlyArray<{ re: RegExp; kind: MarkingFact['kind'] }> = [
  { re: new RegExp(`(?<![${L}])(?:TUYỆT MẬT|TỐI MẬT|GIẢI MẬT)(?![${L}])`, 'gu'), kind: 'stamp' },
  { re: /CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ/giu, kind: 'stamp' },
  // A stand-alone MẬT: no word beside it on the same line (not BẢO MẬT, MẬT KHẨU).
  { re: new RegExp(`(?<![${L}][ \\t]?)(?<![${L}])MẬT(?![ \\t]?[${L}])`, 'gu'), kind: 'stamp' },
  { re: /(?<![\p{L}])độ mật(?![\p{L}])(?![ \t]+khẩu)/giu, kind: 'phrase' },
  { re: /(?<![\p{L}])bí mật nhà nước(?![\p{L}])/giu, kind: 'phrase' },
  // Secrecy levels written as words (a document's field, a select box): "Tối mật", "Tuyệt mật".
  { re: /(?<![\p{L}])(?:Tuyệt mật|Tối mật|Tuyệt Mật|Tối Mật)(?![\p{L}])/gu, kind: 'phrase' },
];
/** Level names that only count inside a list of levels: "Mật" as an option, "Không mật". */
const LIST_ONLY = /(?<=["'>])Mật(?=["'<])|(?<![\p{L}])(?:Không mật|Không Mật)(?![\p{L}])/gu;
const LEVEL_NAME = /^(?:tuyệt mật|tối mật|mật|không mật)$/;
/** A `DoMat` field with a value: `DoMat = "…"`, `"DoMat": 2`, `'do_mat' => 'x'`, `<DoMat>…</DoMat>`. */
const FIELD = /(?<![\w$])(DoMat|doMat|do_mat|DO_MAT)(?![\w$])["']?\s*(?:\{[^}\n]*\}\s*)?(?:=>|:|=(?!=))\s*(?:["']([^"'\r\n]+)["']|([^\s,;)}\]"'<>]+))|<(DoMat|doMat|do_mat)>\s*([^<\s][^<]*)<\/\4>/g;
const NOT_A_VALUE = /^(null|undefined|None|nil|string|String|str|int|Integer|number|boolean|bool|any|object|new|\{|\(|\[|""|'')$/;

const TEMPLATE_EXT = /\.(html?|cshtml|razor|vue|svelte|jsp|jspx|ftl|vm|hbs|handlebars|mustache|ejs|pug|twig|blade\.php|aspx|ascx|master|xhtml|jrxml|xsl|xslt)$/i;

function contextOf(f: DiscoveredFile): MarkingFact['context'] {
  if (TEMPLATE_EXT.test(f.path)) return 'template';
  if (f.kind === 'doc') return 'document';
  if (f.kind === 'config' || f.kind === 'manifest') return 'config';
  if (f.kind === 'source') return 'code';
  return 'document';
}

/** Line starts of a text, for offset → line/column. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The markings of one file's text. */
export function markingsIn(path: string, text: string, context: MarkingFact['context']): MarkingFact[] {
  const t = text.normalize('NFC');
  if (!/[Mm][ẬậẠạ][Tt]|DoMat|doMat|do_mat|DO_MAT|BÓC BÌ|bóc bì/u.test(t)) return [];
  const starts = lineStarts(t);
  const out: MarkingFact[] = [];
  const add = (offset: number, marking: string, kind: MarkingFact['kind']): void => {
    const { line, column } = position(starts, offset);
    if (out.some((m) => m.line === line && m.marking === marking)) return;
    out.push({ file: path, line, column, marking, kind, context });
  };
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of t.matchAll(p.re)) {
      add(m.index, m[0], p.kind);
      if (out.length >= MAX_PER_FILE * 2) break;
    }
  }
  FIELD.lastIndex = 0;
  for (const m of t.matchAll(FIELD)) {
    const value = (m[2] ?? m[3] ?? m[5] ?? '').trim();
    if (!value || NOT_A_VALUE.test(value) || value.includes('(')) continue; // a definition (`fields.Selection(…)`), not a level
    add(m.index, m[1] ?? m[4] ?? 'DoMat', 'field');
  }
  // Level names near each other: a list of secrecy levels (a select box, an enum).
  const levelLines: Array<{ line: number; name: string }> = [];
  for (const m of out) if (m.kind === 'phrase' && LEVEL_NAME.test(m.marking.toLowerCase())) levelLines.push({ line: m.line, name: m.marking.toLowerCase() });
  LIST_ONLY.lastIndex = 0;
  for (const m of t.matchAll(LIST_ONLY)) levelLines.push({ line: position(starts, m.index).line, name: m[0].toLowerCase() });
  const inList = (line: number): boolean => new Set(levelLines.filter((l) => Math.abs(l.line - line) <= LIST_WINDOW).map((l) => l.name)).size >= 2;
  for (const m of out) if (m.kind === 'phrase' && inList(m.line)) m.levelList = true;
  // One fact per list: the first of its lines.
  const sorted = out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  const kept: MarkingFact[] = [];
  for (const m of sorted) {
    const prev = kept[kept.length - 1];
    if (m.levelList && prev?.levelList && m.line - prev.line <= LIST_WINDOW) continue;
    kept.push(m);
  }
  return kept.slice(0, MAX_PER_FILE);
}

export function collectMarkings(files: readonly DiscoveredFile[], ctx: CollectContext): CollectedFacts {
  const markings: MarkingFact[] = [];
  for (const f of files) {
    if (f.size > MAX_SIZE) continue;
    ctx.onFile?.(f.path);
    let text: string | undefined;
    try {
      text = ctx.readText(f.path);
    } catch {
      text = undefined;
    }
    if (text === undefined) continue;
    markings.push(...markingsIn(f.path, text, contextOf(f)));
  }
  return { markings };
}

export const markingsCollector: Collector = {
  name: 'markings',
  appliesTo: (f) => f.size <= MAX_SIZE,
  collect: (files, ctx) => collectMarkings(files, ctx),
};
