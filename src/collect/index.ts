/**
 * Runs every collector over the files it applies to and merges their facts.
 */
import type { DiscoveredFile } from '../discover/types.js';
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
  files: readonly DiscoveredFile[],
  ctx: CollectContext,
  repo: RepoFact,
  collectors: Collector[] = defaultCollectors(),
  onProgress?: CollectProgress,
): Promise<Facts> {
  const facts = emptyFacts(repo);
  const fileFacts = new Map<string, FileFact>();
  for (const f of files) {
    const fact: FileFact = { path: f.path, kind: f.kind, size: f.size };
    if (f.language) fact.language = f.language;
    if (f.format) fact.format = f.format;
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

function merge(facts: Facts, fileFacts: Map<string, FileFact>, got: CollectedFacts): void {
  for (const f of got.files ?? []) {
    const existing = fileFacts.get(f.path);
    if (existing) Object.assign(existing, f);
  }
  if (got.callSites) facts.callSites.push(...got.callSites);
  if (got.credentials) facts.credentials.push(...got.credentials);
  if (got.endpoints) facts.endpoints.push(...got.endpoints);
  if (got.tlsSettings) facts.tlsSettings.push(...got.tlsSettings);
  if (got.diagnostics) facts.diagnostics.push(...got.diagnostics);
  if (got.suppressions) facts.suppressions.push(...got.suppressions);
  if (got.logWrites?.length) (facts.logWrites ??= []).push(...got.logWrites);
  if (got.officerFields?.length) (facts.officerFields ??= []).push(...got.officerFields);
  if (got.markings?.length) (facts.markings ??= []).push(...got.markings);
}
