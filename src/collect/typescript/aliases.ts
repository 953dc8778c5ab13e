/**
 * Alias chains: `const B = A; const C = B; …` and `import { A } from './a'` where `a`
 * exports a local binding, followed in a loop (bounded, cycle-safe) before the
 * resolver spends any of its recursion depth. A URL handed through many names (eight
 * `const` aliases, re-exports across files) resolves like one written directly.
 */
import { ts } from 'ts-morph';
import type { Location } from '../../facts/types.js';
import { locOf, type Binding, type FileModel, type Workspace } from './model.js';
import { unwrap } from './values.js';

/** How many names one chain may go through. */
export const MAX_ALIASES = 64;

export interface AliasEnd {
  binding: Binding;
  file: FileModel;
  name: string;
  /** The names passed on the way, outermost first, with where each is declared. */
  hops: Array<{ name: string; def: Location; import: boolean }>;
}

/** The local module a non-external import binding points at, and the export's entry. */
function importedLocal(ws: Workspace, b: Binding, file: FileModel): { file: FileModel; name: string } | undefined {
  if (b.kind !== 'import' || b.name === '*' || b.name === 'default') return undefined;
  let spec = b.spec;
  let name = b.name;
  let from = file;
  for (let i = 0; i < MAX_ALIASES; i++) {
    if (ws.isExternal(from.path, spec)) return undefined;
    const target = ws.resolveModule(from.path, spec);
    const tf = target ? ws.get(target) : undefined;
    if (!tf || tf.isJson) return undefined;
    const entry = tf.exports.get(name);
    if (entry?.kind === 'local') return { file: tf, name: entry.name };
    if (entry?.kind === 'reexport' && entry.name !== '*' && entry.name !== 'default') {
      spec = entry.spec;
      name = entry.name;
      from = tf;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Follow `name` (seen at `at` in `file`) through plain aliases and local imports to the
 * binding that holds something other than another name. Undefined when the name is
 * not bound at all (a global).
 */
export function followAliases(ws: Workspace, name: string, at: ts.Node, file: FileModel, seen: ReadonlySet<ts.Node>): AliasEnd | undefined {
  let b = ws.lookup(name, at);
  if (!b) return undefined;
  const hops: AliasEnd['hops'] = [];
  const visited = new Set<ts.Node>();
  let curFile = file;
  let curName = name;
  for (let i = 0; i < MAX_ALIASES && b; i++) {
    if (visited.has(b.node) || seen.has(b.node)) break;
    visited.add(b.node);
    const node = b.node;
    if (b.kind === 'decl' && ts.isVariableDeclaration(node) && node.initializer && isConstDeclaration(node)) {
      const init = unwrap(node.initializer);
      if (ts.isIdentifier(init) && init.text !== 'undefined') {
        const next = ws.lookup(init.text, init);
        if (!next) break;
        hops.push({ name: curName, def: locOf(curFile, node.name), import: false });
        curName = init.text;
        b = next;
        continue;
      }
      break;
    }
    if (b.kind === 'import') {
      const target = importedLocal(ws, b, curFile);
      const next = target ? ws.lookup(target.name, target.file.sf) : undefined;
      if (!target || !next) break;
      hops.push({ name: curName, def: locOf(curFile, node), import: true });
      curFile = target.file;
      curName = target.name;
      b = next;
      continue;
    }
    break;
  }
  return b ? { binding: b, file: curFile, name: curName, hops } : undefined;
}

function isConstDeclaration(d: ts.VariableDeclaration): boolean {
  const list = d.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}
