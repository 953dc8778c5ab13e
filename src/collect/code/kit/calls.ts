/** Reading calls: argument lists, in the shape every language's `CallInfo.args` has. */
import type { Node } from '../types.js';

/**
 * The argument expressions of an argument list, in order: comments skipped, and an
 * argument wrapper (`argument` in C# and PHP, holding `name: value`) replaced by its
 * value (its last named child that is not a comment).
 */
export function argumentValues(list: Node | null | undefined, comments: ReadonlySet<string>, wrapper?: string): Node[] {
  const out: Node[] = [];
  for (const a of list?.namedChildren ?? []) {
    if (!a || comments.has(a.type)) continue;
    if (a.type === wrapper) {
      const kids = a.namedChildren.filter((c): c is Node => !!c && !comments.has(c.type));
      const v = kids[kids.length - 1];
      if (v) out.push(v);
    } else out.push(a);
  }
  return out;
}
