/**
 * Shared harness for collector tests: discover a fixture tree for real, build the
 * CollectContext the pipeline would, and run one collector (or the whole fact builder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFacts } from '../../src/collect/index.js';
import type { CollectContext, Collector } from '../../src/collect/types.js';
import { discover } from '../../src/discover/index.js';
import type { DiscoveredFile } from '../../src/discover/types.js';
import type { CallSiteFact, CollectedFacts, Facts } from '../../src/facts/types.js';
import { defaultSettings } from '../../src/policy/settings.js';

export async function loadTree(root: string): Promise<{ files: DiscoveredFile[]; ctx: CollectContext }> {
  const { files } = await discover(root);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const ctx: CollectContext = {
    root,
    settings: defaultSettings(),
    allFiles: files,
    readText: (p) => {
      const f = byPath.get(p);
      return f ? readFileSync(f.absPath, 'utf8') : undefined;
    },
  };
  return { files, ctx };
}

/**
 * `collect(fixture)`: the collector's own facts; `document(fixture)`: the merged facts
 * document of the collector and `companions` (e.g. the Web.config collector beside C#).
 */
export function fixtureHarness(fixturesDir: string, collector: Collector, companions: Collector[] = []) {
  return {
    async collect(fixture: string): Promise<CollectedFacts> {
      const { files, ctx } = await loadTree(join(fixturesDir, fixture));
      return collector.collect(files.filter((f) => collector.appliesTo(f)), ctx);
    },
    async document(fixture: string): Promise<Facts> {
      const { files, ctx } = await loadTree(join(fixturesDir, fixture));
      return collectFacts(files, ctx, { name: fixture, binEntries: [] }, [collector, ...companions]);
    },
  };
}

/** The call site at file:line, or an error listing the ones there are. */
export function siteAt(facts: CollectedFacts, file: string, line: number): CallSiteFact {
  const s = (facts.callSites ?? []).find((c) => c.file.endsWith(file) && c.line === line);
  if (!s) throw new Error(`no call site at ${file}:${line}; have ${(facts.callSites ?? []).map((c) => `${c.file}:${c.line}`).join(', ')}`);
  return s;
}
