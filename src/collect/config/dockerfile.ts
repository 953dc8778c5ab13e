/**
 * Dockerfiles: `ENV KEY=value …`, legacy `ENV KEY value`, `ARG KEY=default …`, with
 * line continuations (the `# escape=` directive honoured) and heredocs skipped. Source
 * `dockerfile`; each pair is reported at the physical line it is written on.
 */
import { lineFormatCollector, type ParseProblem, type ParsedKV } from './entries.js';
import type { Collector } from '../types.js';

interface Logical {
  text: string;
  /** For each physical line appended: offset in `text`, its line number, and the column of its first kept char. */
  segs: Array<{ offset: number; line: number; column: number }>;
}

function locate(l: Logical, offset: number): { line: number; column: number } {
  let seg = l.segs[0] ?? { offset: 0, line: 1, column: 1 };
  for (const s of l.segs) {
    if (s.offset <= offset) seg = s;
    else break;
  }
  return { line: seg.line, column: seg.column + (offset - seg.offset) };
}

/** Split `KEY=value KEY2="v 2"` into pairs with their offsets; `escape` escapes the next character. */
function splitPairs(s: string, escape: string): Array<{ key: string; value: string | undefined; valueOffset: number }> {
  const out: Array<{ key: string; value: string | undefined; valueOffset: number }> = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i] ?? '')) i++;
    if (i >= s.length) break;
    let key = '';
    while (i < s.length && s[i] !== '=' && !/\s/.test(s[i] ?? '')) key += s[i++];
    if (s[i] !== '=') {
      out.push({ key, value: undefined, valueOffset: i });
      continue;
    }
    i++;
    const valueOffset = i;
    let value = '';
    while (i < s.length && !/\s/.test(s[i] ?? '')) {
      const c = s[i] ?? '';
      if (c === '"' || c === "'") {
        i++;
        while (i < s.length && s[i] !== c) {
          if (c === '"' && s[i] === escape && i + 1 < s.length) i++;
          value += s[i++];
        }
        i++;
        continue;
      }
      if (c === escape && i + 1 < s.length) {
        value += s[i + 1];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    out.push({ key, value, valueOffset });
  }
  return out;
}

/** Parse the `ENV`/`ARG` assignments of a Dockerfile. */
export function parseDockerfile(text: string): { entries: ParsedKV[]; problems: ParseProblem[] } {
  const lines = text.split(/\r?\n/);
  const entries: ParsedKV[] = [];
  const problems: ParseProblem[] = [];
  let escape = '\\';
  let sawInstruction = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/^\uFEFF/, '');
    const trimmed = raw.trim();
    if (!sawInstruction) {
      const d = /^#\s*escape\s*=\s*(\S)\s*$/i.exec(trimmed);
      if (d) {
        escape = d[1] ?? '\\';
        continue;
      }
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    sawInstruction = true;
    // Build the logical line.
    const lead = raw.length - raw.trimStart().length;
    const logical: Logical = { text: '', segs: [{ offset: 0, line: i + 1, column: lead + 1 }] };
    let cur = raw.slice(lead);
    const startLine = i;
    for (;;) {
      const t = cur.replace(/\s+$/, '');
      if (t.endsWith(escape) && i + 1 < lines.length) {
        logical.text += t.slice(0, -1);
        // Skip comment and blank lines inside a continued instruction.
        let j = i + 1;
        while (j < lines.length && /^\s*(#|$)/.test(lines[j] ?? '') && j + 1 < lines.length) j++;
        i = j;
        const next = lines[i] ?? '';
        const nl = next.length - next.trimStart().length;
        logical.segs.push({ offset: logical.text.length, line: i + 1, column: nl + 1 });
        cur = next.slice(nl);
        continue;
      }
      logical.text += cur;
      break;
    }
    const m = /^([A-Za-z]+)(\s+|$)/.exec(logical.text);
    if (!m) {
      problems.push({ line: startLine + 1, message: 'Dockerfile: line does not start with an instruction' });
      continue;
    }
    const instr = (m[1] ?? '').toUpperCase();
    const argsOffset = m[0].length;
    const args = logical.text.slice(argsOffset);
    // Heredocs (`RUN <<EOF`): skip their bodies.
    const heredoc = /<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(args);
    if (heredoc && instr !== 'ENV' && instr !== 'ARG') {
      const delim = heredoc[2] ?? '';
      while (i + 1 < lines.length) {
        i++;
        const l = lines[i] ?? '';
        if ((heredoc[1] === '-' ? l.trim() : l) === delim) break;
      }
      continue;
    }
    if (instr !== 'ENV' && instr !== 'ARG') continue;
    const pairs = splitPairs(args, escape);
    const first = pairs[0];
    if (instr === 'ENV' && first && first.value === undefined) {
      // Legacy `ENV KEY value with spaces`.
      const ws = /^\s*\S+\s+/.exec(args);
      if (!ws) continue;
      const at = locate(logical, argsOffset + ws[0].length);
      entries.push({ key: first.key, value: args.slice(ws[0].length).trim(), line: at.line, column: at.column });
      continue;
    }
    for (const p of pairs) {
      if (p.value === undefined) continue; // `ARG NAME` without a default
      const at = locate(logical, argsOffset + p.valueOffset);
      entries.push({ key: p.key, value: p.value, line: at.line, column: at.column });
    }
  }
  return { entries, problems };
}

export const dockerfileCollector: Collector = lineFormatCollector('dockerfile', parseDockerfile, () => ({ source: 'dockerfile', group: '' }));
