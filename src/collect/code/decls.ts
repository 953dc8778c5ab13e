/** Every declaration of a file by name, with scope-aware lookup (the `DeclLookup` of a `ParsedFile`). */
import { contains, innermost, spanOf } from './span.js';
import type { DeclLookup, Declaration, LanguageSyntax, Node, Span } from './types.js';

interface DeclEntry {
  d: Declaration;
  /** Function or lambda a local/parameter belongs to (none: visible in the whole file). */
  scope?: Span;
  /** Innermost class around the declaration. */
  cls?: Span;
}

/** What the table reads of a parsed file. */
export interface DeclSource {
  readonly syntax: LanguageSyntax;
  captures(name: string): Node[];
  spans(name: string): Span[];
}

export class DeclTable implements DeclLookup {
  private readonly byName = new Map<string, DeclEntry[]>();
  private readonly entries: DeclEntry[] = [];
  private readonly syntax: LanguageSyntax;

  constructor(file: DeclSource) {
    this.syntax = file.syntax;
    const scopes = [...file.spans('function'), ...file.spans('lambda')];
    const classes = file.spans('class');
    for (const n of file.captures('decl')) {
      let ds: Declaration[];
      try {
        ds = file.syntax.declarations(n);
      } catch {
        ds = [];
      }
      for (const d of ds) {
        const at = spanOf(d.nameNode);
        const e: DeclEntry = { d };
        if (d.kind === 'local' || d.kind === 'parameter') {
          const s = innermost(scopes, at);
          if (s) e.scope = s;
        }
        const c = innermost(classes, at);
        if (c) e.cls = c;
        this.entries.push(e);
        const list = this.byName.get(d.name);
        if (list) list.push(e);
        else this.byName.set(d.name, [e]);
      }
    }
  }

  all(): Declaration[] {
    return this.entries.map((e) => e.d);
  }

  lookup(name: string, at: Node): Declaration | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    const pos = { start: at.startIndex, end: at.startIndex };
    let best: DeclEntry | undefined;
    for (const e of list) {
      if (e.d.kind !== 'local' && e.d.kind !== 'parameter') continue;
      if (e.scope && !contains(e.scope, pos)) continue;
      if (!best || (e.scope?.start ?? -1) > (best.scope?.start ?? -1)) best = e;
    }
    if (best) return best.d;
    for (const e of list) {
      if (e.d.kind === 'local' || e.d.kind === 'parameter') continue;
      if (e.cls && !contains(e.cls, pos)) continue;
      if (!best || (e.cls?.start ?? -1) > (best.cls?.start ?? -1)) best = e;
    }
    if (best) return best.d;
    const fields = list.filter((e) => e.d.kind === 'field' || e.d.kind === 'property');
    return (fields.find((e) => e.d.constant) ?? fields[0])?.d;
  }

  inClass(cls: string, name: string): Declaration | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    for (const e of list) {
      if (e.d.kind === 'local' || e.d.kind === 'parameter' || !e.cls) continue;
      if (this.syntax.className(e.cls.node) === cls) return e.d;
    }
    return undefined;
  }

  anyConstant(name: string): Declaration | undefined {
    return this.byName.get(name)?.find((e) => e.d.constant && e.d.kind !== 'local' && e.d.kind !== 'parameter')?.d;
  }

  classOf(d: Declaration): Span | undefined {
    return this.entries.find((e) => e.d === d)?.cls;
  }

  scopeOf(d: Declaration): Span | undefined {
    return this.entries.find((e) => e.d === d)?.scope;
  }
}
