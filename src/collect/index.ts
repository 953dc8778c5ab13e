/**
 * Runs every collector over the files it applies to and merges their facts.
 */
import type { DiscoveredFile } from '../discover/types.js';
import { append, appendLists } from '../util/arrays.js';
import { fileRole } from '../discover/roles.js';
import { emptyFacts, type CollectedFacts, type Facts, type FileFact, type RepoFact } from '../facts/types.js';
import { manifestCollectors } from './config/index.js';
import { dedupeCredentials } from './credentials/candidates.js';
import { suppressionsCollector } from './suppressions.js';
import { markingsCollector } from './markings.js';
import { csharpCollector } from './code/csharp/index.js';
import { webConfigCollector } from './config/webconfig.js';
import { goCollector } from './code/go/index.js';
import { javaCollector } from './code/java/index.js';
import { phpCollector } from './code/php/index.js';
import { pythonCollector } from './code/python/index.js';
import type { CollectContext, Collector } from './types.js';
import { typescriptCollector } from './typescript/index.js';

export function defaultCollectors(): Collector[] {
  return [
    typescriptCollector,
    javaCollector,
    csharpCollector,
    webConfigCollector,
    phpCollector,
    pythonCollector,
    goCollector,
    ...manifestCollectors(),
    markingsCollector,
    suppressionsCollector,
  ];
}

export interface CollectProgress {
  (done: number, total: number, collector: string): void;
}

export async function collectFacts(
  discovered: readonly DiscoveredFile[],
  ctx: CollectContext,
  repo: RepoFact,
  collectors: Collector[] = defaultCollectors(),
  onProgress?: CollectProgress,
): Promise<Facts> {
  const facts = emptyFacts(repo);
  const fileFacts = new Map<string, FileFact>();
  // Roles come first: collectors read them (a bundle gets the known-format detectors only).
  const files = withRoles(discovered, ctx);
  for (const f of files) {
    const fact: FileFact = { path: f.path, kind: f.kind, size: f.size };
    if (f.language) fact.language = f.language;
    if (f.format) fact.format = f.format;
    if (f.role) fact.role = f.role;
    fileFacts.set(f.path, fact);
  }
  let done = 0;
  for (const collector of collectors) {
    const mine = files.filter((f) => collector.appliesTo(f));
    if (mine.length > 0) {
      const got = await collector.collect(mine, ctx);
      merge(facts, fileFacts, got);
    }
    done++;
    onProgress?.(done, collectors.length, collector.name);
  }
  facts.files = [...fileFacts.values()];
  facts.credentials = dedupeCredentials(facts.credentials);
  return facts;
}

/**
 * Each file with its role (discover/roles.ts) decided from its path and text. Docs are
 * judged by path alone (no collector reads them); the text of the others is read once
 * here and cached by the context for the collectors.
 */
function withRoles(files: readonly DiscoveredFile[], ctx: CollectContext): DiscoveredFile[] {
  return files.map((f) => {
    if (f.role !== undefined) return f;
    let text: string | undefined;
    if (f.kind !== 'doc') {
      try {
        text = ctx.readText(f.path);
      } catch {
        text = undefined;
      }
    }
    const role = fileRole(f.path, f.kind, text);
    return role === undefined ? f : { ...f, role };
  });
}

function merge(facts: Facts, fileFacts: Map<string, FileFact>, got: CollectedFacts): void {
  for (const f of got.files ?? []) {
    const existing = fileFacts.get(f.path);
    if (existing) Object.assign(existing, f);
  }
  // A collector's lists hold the facts of every file it read: never spread them (see util/arrays).
  appendLists(facts, got, ['callSites', 'credentials', 'endpoints', 'tlsSettings', 'diagnostics', 'suppressions']);
  if (got.logWrites?.length) append((facts.logWrites ??= []), got.logWrites);
  if (got.officerFields?.length) append((facts.officerFields ??= []), got.officerFields);
  if (got.markings?.length) append((facts.markings ??= []), got.markings);
}
