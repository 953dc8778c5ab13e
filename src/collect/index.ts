/**
 * The collectors, and running them: every collector over the files it applies to, its
 * facts merged.
 *
 * Source collectors are loaded lazily (`import()` on first use): a scan that has no
 * TypeScript to read never loads the TypeScript compiler, nor tree-sitter without Java,
 * C#, PHP, Python or Go. Which files each one reads is decided here without loading it
 * (a test checks these predicates against the collectors' own).
 *
 * Machine-made source — minified or bundled JavaScript, Entity Framework migrations —
 * takes the text path (`shape.ts`): the plain-text detectors and inline suppressions,
 * not the language's collector.
 */
import type { DiscoveredFile } from '../discover/types.js';
import { emptyFacts, type CollectedFacts, type Facts, type FileFact, type RepoFact } from '../facts/types.js';
import { webConfigCollector } from './config/webconfig.js';
import { manifestCollectors } from './config/index.js';
import { dedupeCredentials } from './credentials/candidates.js';
import { takesTextPath } from './shape.js';
import { suppressionsCollector } from './suppressions.js';
import type { CollectContext, Collector } from './types.js';

const isSource = (language: string) => (f: DiscoveredFile) => f.kind === 'source' && f.language === language;
/** Collectors that build a syntax tree of source code: the ones machine-made files skip. */
const SOURCE_COLLECTORS = new Set(['typescript', 'java', 'csharp', 'php', 'python', 'go']);
const isTsJs = (f: DiscoveredFile) => f.kind === 'source' && (f.language === 'typescript' || f.language === 'javascript');

/** A collector loaded on first use; `prepares` says whether the real one has a `prepare` pass. */
function lazy(name: string, appliesTo: (f: DiscoveredFile) => boolean, load: () => Promise<Collector>, prepares = false): Collector {
  let loaded: Promise<Collector> | undefined;
  const get = () => (loaded ??= load());
  const c: Collector = {
    name,
    appliesTo,
    async collect(files, ctx) {
      return (await get()).collect(files, ctx);
    },
  };
  if (prepares) c.prepare = async (files, ctx) => (await get()).prepare?.(files, ctx);
  return c;
}

const typescript = lazy('typescript', isTsJs, async () => (await import('./typescript/index.js')).typescriptCollector);

export function defaultCollectors(): Collector[] {
  return [
    typescript,
    lazy('java', isSource('java'), async () => (await import('./code/java/index.js')).javaCollector, true),
    lazy('csharp', isSource('csharp'), async () => (await import('./code/csharp/index.js')).csharpCollector, true),
    webConfigCollector,
    lazy('php', isSource('php'), async () => (await import('./code/php/index.js')).phpCollector, true),
    lazy('python', (f) => f.kind === 'source' && (f.language === 'python' || f.language === 'notebook'), async () => (await import('./code/python/index.js')).pythonCollector),
    lazy('go', isSource('go'), async () => (await import('./code/go/index.js')).goCollector),
    ...manifestCollectors(),
    suppressionsCollector,
  ];
}

export interface CollectProgress {
  (done: number, total: number, collector: string): void;
}

/**
 * Each collector's whole-repository pass over the files it applies to (collectors
 * without one are absent from the map). Never throws: a failed pass is left out, and
 * the collector then runs as on a repository without those files.
 */
export async function prepareCollectors(files: readonly DiscoveredFile[], ctx: CollectContext, collectors: readonly Collector[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const c of collectors) {
    if (!c.prepare) continue;
    const mine = files.filter((f) => c.appliesTo(f));
    if (mine.length === 0) continue;
    try {
      out.set(c.name, await c.prepare(mine, ctx));
    } catch {
      // prepare passes never throw; a bug in one must not stop the scan
    }
  }
  return out;
}

/** Facts of every list concatenated: `into` grows (loops, not spreads: lists may be huge). */
export function appendFacts(into: Required<CollectedFacts>, got: CollectedFacts): void {
  for (const key of ['files', 'callSites', 'credentials', 'endpoints', 'tlsSettings', 'diagnostics', 'suppressions'] as const) {
    const from = got[key] as unknown[] | undefined;
    if (!from) continue;
    const to = into[key] as unknown[];
    for (const x of from) to.push(x);
  }
}

export function emptyCollected(): Required<CollectedFacts> {
  return { files: [], callSites: [], credentials: [], endpoints: [], tlsSettings: [], diagnostics: [], suppressions: [] };
}

/**
 * Run every collector over the files it applies to, in the collectors' order, and
 * concatenate what they return (credentials not yet deduplicated). `ctx.prepared`
 * holds the collectors' whole-repository passes; absent, each prepares over `files`.
 */
export async function collectFiles(
  files: readonly DiscoveredFile[],
  ctx: CollectContext,
  collectors: readonly Collector[] = defaultCollectors(),
  onCollector?: (name: string) => void,
): Promise<Required<CollectedFacts>> {
  const out = emptyCollected();
  const textPath = new Set<string>();
  let shaped = false;
  for (const f of files) {
    if (f.kind !== 'source' || (f.language !== 'javascript' && f.language !== 'typescript' && f.language !== 'csharp') || f.path.endsWith('.d.ts')) continue;
    ctx.onFile?.(f.path);
    shaped = true;
    const text = ctx.readText(f.path);
    if (text !== undefined && takesTextPath(f, text, ctx.settings)) textPath.add(f.path);
  }
  if (shaped) onCollector?.('shape');
  for (const collector of collectors) {
    let mine = files.filter((f) => collector.appliesTo(f));
    if (textPath.size > 0 && SOURCE_COLLECTORS.has(collector.name)) mine = mine.filter((f) => !textPath.has(f.path));
    if (mine.length > 0) appendFacts(out, await collector.collect(mine, ctx));
    onCollector?.(collector.name);
  }
  return out;
}

/** The facts entries of discovered files (what discovery knows; collectors add `tool`). */
export function fileEntries(files: readonly DiscoveredFile[]): FileFact[] {
  return files.map((f) => {
    const fact: FileFact = { path: f.path, kind: f.kind, size: f.size };
    if (f.language) fact.language = f.language;
    if (f.format) fact.format = f.format;
    return fact;
  });
}

/** Collector facts merged into a facts document: file entries completed, credentials deduplicated. */
export function factsOf(repo: RepoFact, entries: FileFact[], got: Required<CollectedFacts>): Facts {
  const facts = emptyFacts(repo);
  const byPath = new Map(entries.map((e) => [e.path, e]));
  for (const f of got.files) {
    const existing = byPath.get(f.path);
    if (existing) Object.assign(existing, f);
  }
  facts.files = entries;
  facts.callSites = got.callSites;
  facts.credentials = dedupeCredentials(got.credentials);
  facts.endpoints = got.endpoints;
  facts.tlsSettings = got.tlsSettings;
  facts.diagnostics = got.diagnostics;
  facts.suppressions = got.suppressions;
  return facts;
}

/** Every collector over one batch of files (prepared over that batch): the facts document. */
export async function collectFacts(
  files: readonly DiscoveredFile[],
  ctx: CollectContext,
  repo: RepoFact,
  collectors: Collector[] = defaultCollectors(),
  onProgress?: CollectProgress,
): Promise<Facts> {
  const batchCtx: CollectContext = ctx.prepared ? ctx : { ...ctx, prepared: await prepareCollectors(files, ctx, collectors) };
  let done = 0;
  const got = await collectFiles(files, batchCtx, collectors, (name) => onProgress?.(++done, collectors.length, name));
  return factsOf(repo, fileEntries(files), got);
}
