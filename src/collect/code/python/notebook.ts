/**
 * Jupyter notebooks (`.ipynb`): the code cells of a Python notebook are joined (one
 * blank line between cells) and analysed as one Python file; every fact is then mapped
 * back to the notebook file.
 *
 * Positions: facts are reported in the `.ipynb` file at the line of the JSON string
 * that holds the code line (nbformat writes one string per source line, so a finding
 * points at the code line as it appears in the notebook's JSON); the column is the
 * string's opening quote + the column in the code line (escapes in the JSON string are
 * not counted, so it is approximate after a `\"`). A source written as one string with
 * embedded newlines maps every one of its lines to that string's line.
 *
 * IPython syntax is neutralised line by line before parsing, keeping the indentation:
 * line magics and shell escapes (`%pip install x`, `!ls`, `x = !cmd`) become `pass`;
 * a cell magic (`%%bash`, `%%writefile`) makes the whole cell `pass` lines. Notebooks
 * whose kernel is not Python (`metadata.kernelspec.language`/`language_info.name`) are
 * not analysed. Every notebook that calls the DB is a stand-alone tool (`notebook`),
 * unless its code shows a more specific one (browser automation…).
 */
import { JsonParseError, parseJson } from '../../config/json.js';
import type { CollectedFacts, DiagnosticFact } from '../../../facts/types.js';
import { mapGet, scalarText, type PNode } from '../../config/yaml/tree.js';

export interface NotebookCode {
  /** The Python code of every code cell. */
  text: string;
  /** For each line of `text` (0-based): where it is written in the notebook file. */
  at: Array<{ line: number; column: number }>;
}

export type NotebookRead = { ok: true; code: NotebookCode } | { ok: false; diagnostic: Omit<DiagnosticFact, 'file'> };

function isPython(root: PNode): boolean {
  const meta = mapGet(root, 'metadata');
  const lang = scalarText(mapGet(mapGet(meta, 'kernelspec'), 'language')) ?? scalarText(mapGet(mapGet(meta, 'language_info'), 'name'));
  return lang === undefined || /^python/i.test(lang);
}

const MAGIC = /^(\s*)(?:%|!|[A-Za-z_][\w, ]*=\s*!)/;

/** The code of a notebook, or why it cannot be read. Never throws. */
export function readNotebook(json: string): NotebookRead {
  let root: PNode | undefined;
  try {
    root = parseJson(json);
  } catch (err) {
    if (err instanceof JsonParseError) return { ok: false, diagnostic: { line: err.line, column: err.column, kind: 'parse-error', message: `Notebook: ${err.message}` } };
    return { ok: false, diagnostic: { line: 1, kind: 'parse-error', message: 'Notebook: not readable as JSON' } };
  }
  const code: NotebookCode = { text: '', at: [] };
  if (!root || root.type !== 'map' || !isPython(root)) return { ok: true, code };
  const cells = mapGet(root, 'cells');
  if (cells?.type !== 'seq') return { ok: true, code };
  const lines: string[] = [];
  for (const cell of cells.items) {
    if (scalarText(mapGet(cell, 'cell_type')) !== 'code') continue;
    const source = mapGet(cell, 'source');
    const pieces: Array<{ text: string; line: number; column: number }> = [];
    if (source?.type === 'seq') {
      for (const it of source.items) if (it?.type === 'scalar' && it.value !== null) pieces.push({ text: it.value, line: it.line, column: it.column });
    } else if (source?.type === 'scalar' && source.value !== null) pieces.push({ text: source.value, line: source.line, column: source.column });
    if (pieces.length === 0) continue;
    // Split the pieces into code lines, each with the position of the piece it starts in.
    const cellLines: Array<{ text: string; line: number; column: number }> = [];
    let pending: { text: string; line: number; column: number } | undefined;
    for (const p of pieces) {
      const parts = p.text.split('\n');
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        // A line starts in the piece that holds its first character (after a newline ending a piece: the next piece).
        let cur = pending;
        if (cur) cur.text += part;
        else if (part !== '' || !last) cur = { text: part, line: p.line, column: p.column };
        if (!last && cur) {
          cellLines.push(cur);
          cur = undefined;
        }
        pending = cur;
      });
    }
    if (pending) cellLines.push(pending);
    const cellMagic = /^\s*%%/.test(cellLines[0]?.text ?? '');
    if (lines.length > 0) {
      lines.push('');
      code.at.push(code.at[code.at.length - 1] ?? { line: 1, column: 1 });
    }
    for (const l of cellLines) {
      let text = l.text.replace(/\r$/, '');
      if (cellMagic) text = 'pass';
      else {
        const m = MAGIC.exec(text);
        if (m) text = `${m[1] ?? ''}pass`;
      }
      lines.push(text);
      code.at.push({ line: l.line, column: l.column });
    }
  }
  code.text = lines.join('\n') + (lines.length ? '\n' : '');
  return { ok: true, code };
}

/** Map every position of facts collected from a notebook's code back to the notebook file. */
export function remapNotebookFacts(facts: CollectedFacts, path: string, code: NotebookCode): void {
  const at = (line: number) => code.at[line - 1] ?? code.at[code.at.length - 1] ?? { line: 1, column: 1 };
  const line = (l: number): number => at(l).line;
  const col = (l: number, c: number | undefined): number => at(l).column + (c ?? 1);
  for (const s of facts.callSites ?? []) {
    if (s.file !== path) continue;
    const l = s.line;
    s.line = line(l);
    s.column = col(l, s.column);
    s.function.line = line(s.function.line);
    for (const c of s.callers) c.line = line(c.line);
    if (s.loop) s.loop.line = line(s.loop.line);
    if (s.limiter) s.limiter.line = line(s.limiter.line);
    if (s.tlsVerifyDisabled) s.tlsVerifyDisabled.line = line(s.tlsVerifyDisabled.line);
    const d = s.target.definedAt;
    if (d && d.file === path) {
      const dl = d.line;
      d.line = line(dl);
      if (d.column !== undefined) d.column = col(dl, d.column);
    }
  }
  for (const list of [facts.credentials, facts.tlsSettings, facts.endpoints, facts.diagnostics] as Array<Array<{ file: string; line: number; column?: number }> | undefined>) {
    for (const f of list ?? []) {
      if (f.file !== path) continue;
      const l = f.line;
      f.line = line(l);
      if (f.column !== undefined) f.column = col(l, f.column);
    }
  }
  for (const f of facts.files ?? []) {
    if (f.path === path && f.tool) f.tool.line = line(f.tool.line);
  }
}
