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
import { fileRole } from '../discover/roles.js';
import type { DiscoveredFile } from '../discover/types.js';
import { emptyFacts, FILE_FACT_LISTS, type CollectedFacts, type Facts, type FileFact, type FileFactList, type RepoFact } from '../facts/types.js';
import { append, appendLists } from '../util/arrays.js';
import { webConfigCollector } from './config/webconfig.js';
import { manifestCollectors } from './config/index.js';
import { dedupeCredentials } from './credentials/candidates.js';
import { markingsCollector } from './markings.js';
import { largeTakesTextPath, takesTextPath } from './shape.js';
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
    lazy('python', (f) => f.kind === 'source' && (f.language === 'python' || f.language === 'notebook'), async () => (await import('./code/python/index.js')).pythonCollector, true),
    lazy('go', isSource('go'), async () => (await import('./code/go/index.js')).goCollector, true),
    ...manifestCollectors(),
    markingsCollector,
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

/** Facts of every list concatenated: `into` grows (appended, never spread: lists may be huge). */
export function appendFacts(into: Required<CollectedFacts>, got: CollectedFacts): void {
  append(into.files, got.files);
  appendLists(into as Record<FileFactList, unknown[]>, got, FILE_FACT_LISTS);
}

export function emptyCollected(): Required<CollectedFacts> {
  const out = { files: [] } as unknown as Required<CollectedFacts>;
  for (const key of FILE_FACT_LISTS) (out[key] as unknown[]) = [];
  return out;
}

/**
 * Each file with its role (discover/roles.ts) decided from its path and text. Docs are
 * judged by path alone (no collector reads them); the text of the others is read once
 * here and cached by the context for the collectors.
 */
export function withRoles(files: readonly DiscoveredFile[], ctx: CollectContext): DiscoveredFile[] {
  return files.map((f) => {
    if (f.role !== undefined) return f;
    let text: string | undefined;
    if (f.kind !== 'doc') {
      // The read is this file's own (the facts cache records what else a file's analysis read).
      ctx.onFile?.(f.path);
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
  // Roles come first: collectors read them (a bundle gets the known-format detectors only).
  // Recorded as file facts, so the role travels with the file's facts (and its cache entry).
  files = withRoles(files, ctx);
  onCollector?.('roles');
  for (const f of files) if (f.role) out.files.push({ path: f.path, role: f.role });
  const textPath = new Set<string>();
  // Scripts over the size limit that are not machine-made or data: no collector reads them.
  const tooLarge = new Set<string>();
  let shaped = false;
  for (const f of files) {
    if (f.oversized) {
      ctx.onFile?.(f.path);
      shaped = true;
      const text = ctx.readText(f.path);
      if (text !== undefined && largeTakesTextPath(f, text, ctx.settings)) textPath.add(f.path);
      else {
        tooLarge.add(f.path);
        out.diagnostics.push({ file: f.path, line: 1, kind: 'skipped-size', message: `${(f.size / 1024 / 1024).toFixed(1)} MiB, over the size limit, and neither machine-made nor data: not analysed` });
      }
      continue;
    }
    if (f.kind !== 'source' || (f.language !== 'javascript' && f.language !== 'typescript' && f.language !== 'csharp') || f.path.endsWith('.d.ts')) continue;
    ctx.onFile?.(f.path);
    shaped = true;
    const text = ctx.readText(f.path);
    if (text !== undefined && takesTextPath(f, text, ctx.settings)) textPath.add(f.path);
  }
  if (shaped) onCollector?.('shape');
  for (const collector of collectors) {
    let mine = files.filter((f) => collector.appliesTo(f));
    if (tooLarge.size > 0) mine = mine.filter((f) => !tooLarge.has(f.path));
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
    if (f.role) fact.role = f.role;
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
  for (const key of FILE_FACT_LISTS) (facts[key] as unknown[]) = got[key];
  facts.credentials = dedupeCredentials(got.credentials);
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
