/**
 * What every source collector (tree-sitter languages and TypeScript) does around its
 * analysis: read a file without throwing, gather facts into lists, sort them.
 */
import type { CollectedFacts, DiagnosticFact } from '../../../facts/types.js';
import type { CollectContext } from '../../types.js';
import { appendLists } from '../../../util/arrays.js';

/** A collector's facts, every list present. */
export type FactLists = Required<Pick<CollectedFacts, 'files' | 'callSites' | 'credentials' | 'tlsSettings' | 'endpoints' | 'diagnostics' | 'logWrites' | 'officerFields'>>;

export function factLists(): FactLists {
  return { files: [], callSites: [], credentials: [], tlsSettings: [], endpoints: [], diagnostics: [], logWrites: [], officerFields: [] };
}

/** Add one file's facts (or a sub-collector's) to the lists. */
export function addFacts(into: FactLists, got: CollectedFacts): void {
  // A sub-collector's lists may be long: appended, never spread into arguments.
  appendLists(into, got, ['files', 'callSites', 'credentials', 'tlsSettings', 'endpoints', 'diagnostics', 'logWrites', 'officerFields']);
}

/**
 * A file's text; undefined when it cannot be read (never throws), with an `unreadable`
 * diagnostic added to `diagnostics` when given.
 */
export function readSource(ctx: CollectContext, path: string, diagnostics?: DiagnosticFact[]): string | undefined {
  let text: string | undefined;
  try {
    text = ctx.readText(path);
  } catch {
    text = undefined;
  }
  if (text === undefined) diagnostics?.push({ file: path, line: 1, kind: 'unreadable', message: 'file could not be read as text' });
  return text;
}

/** Order facts by file, line and column. */
export function byLocation<T extends { file: string; line: number; column?: number }>(a: T, b: T): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}
