/**
 * A tolerant, line-wise reading of YAML that does not parse: the documents of a Helm
 * template whose actions, even masked, leave something YAML cannot read (an `if` that
 * switches a list item for a map key, a `range` building keys). Each `key: value` line
 * becomes a leaf with the path its indentation gives it; `- name: X` followed by
 * `value: …` is one entry named X, as Kubernetes `env` lists hold them. Block scalars
 * (`key: |`) and flow collections are skipped (their content is left to the plain-text
 * scan). Nothing here throws; a line it cannot read is passed over.
 */
import type { Leaf } from './tree.js';

const KEY_LINE = /^( *)(- +)?((?:"[^"]*"|'[^']*'|[^\s:#'"][^:#]*?))\s*:(?:[ \t]+(.*?))?\s*$/;
/** Map keys whose children are environment variables: entries are keyed by the variable name. */
const ENV_PARENTS = new Set(['env', 'environment']);

function unquote(s: string): { value: string; quoted: boolean } {
  const t = s.trim();
  if (t.length >= 2 && ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))) {
    return { value: t.slice(1, -1), quoted: true };
  }
  // A comment after a plain scalar: ` # …`.
  const hash = t.search(/\s#/);
  return { value: hash >= 0 ? t.slice(0, hash).trimEnd() : t, quoted: false };
}

interface Frame {
  indent: number;
  key: string;
}

/**
 * The leaves of the lines `from`..`to` (1-based, inclusive) of `text`, flattened with
 * `.` (`spec.template.spec.containers.env`) like the parsed reading, env entries by name.
 */
export function lineLeaves(text: string, from = 1, to = Number.MAX_SAFE_INTEGER): Leaf[] {
  const out: Leaf[] = [];
  const lines = text.split('\n');
  const stack: Frame[] = [];
  /** The `- name: X` item being read: its key column and name. */
  let item: { column: number; name: string } | undefined;
  let blockIndent = -1;
  const last = Math.min(to, lines.length);
  for (let n = Math.max(1, from); n <= last; n++) {
    const raw = lines[n - 1] ?? '';
    const line = raw.replace(/\t/g, ' ');
    if (line.trim() === '' || /^\s*#/.test(line) || /^(?:---|\.\.\.)\s*$/.test(line)) continue;
    const indentNow = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (indentNow > blockIndent) continue;
      blockIndent = -1;
    }
    const m = KEY_LINE.exec(line);
    if (!m) continue;
    const dash = m[2] ?? '';
    const column = (m[1] ?? '').length + dash.length;
    const key = unquote(m[3] ?? '').value;
    const rest = m[4] ?? '';
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= column) stack.pop();
    // A list item opens a new object: `- name: X`.
    if (dash !== '') item = undefined;
    if (item && column < item.column) item = undefined;
    if (rest === '' || /^[|>][-+0-9]*$/.test(rest) || /^&\w+$/.test(rest)) {
      if (rest !== '' && /^[|>]/.test(rest)) blockIndent = column;
      else stack.push({ indent: column, key });
      continue;
    }
    if (/^[[{]/.test(rest) || /^[*!]/.test(rest)) continue;
    const { value, quoted } = unquote(rest);
    const parent = stack.map((f) => f.key);
    const parentName = parent[parent.length - 1];
    const valueColumn = raw.indexOf(rest, column + key.length) + 1 + (quoted ? 1 : 0);
    const node = { type: 'scalar' as const, value, line: n, column: valueColumn > 0 ? valueColumn : column + 1 };
    if (key === 'name' && dash !== '') {
      item = { column, name: value };
      continue;
    }
    if (key === 'value' && item && column === item.column) {
      out.push({ parent, name: item.name, key: item.name, group: parent.join('.'), envStyle: true, node });
      continue;
    }
    const envStyle = parentName !== undefined && ENV_PARENTS.has(parentName);
    out.push({ parent, name: key, key: envStyle ? key : [...parent, key].join('.'), group: parent.join('.'), envStyle, node });
  }
  return out;
}
