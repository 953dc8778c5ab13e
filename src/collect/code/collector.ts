/**
 * The tree-sitter collector factory: `createTreeSitterCollector(spec)` turns a
 * `LanguageSpec` into a `Collector`.
 *
 * Per scan: the language's optional cross-file `prepare` pass runs first; then each
 * file is read, checked with the language's cheap text prefilter, parsed with the one
 * parser of its grammar, queried once, handed to the language's `analyze` hook, and
 * its tree is freed (`tree.delete()`) before the next file, so memory stays flat.
 * Syntax errors (`ERROR`/`MISSING` nodes) become one `parse-error` diagnostic with the
 * line of the first; facts are still collected from what tree-sitter recovered. Never
 * throws: an internal failure becomes a diagnostic for that file.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { CollectedFacts, DiagnosticFact } from '../../facts/types.js';
import type { CollectContext, Collector } from '../types.js';
import { FileAnalysis } from './analysis.js';
import { deepDiagnostics } from './depth.js';
import { buildCrossIndex, CrossFile, type CrossIndex } from './crossfile.js';
import { byLocation, factLists, readSource } from './kit/files.js';
import { linkEndpointsToCalls } from './kit/tiers.js';
import { parserFor, queryFor, type Node, type Parser, type Query } from './runtime.js';
import type { LanguageSpec, ParseFn, PrepareEnv } from './spec.js';

export interface TreeSitterStats {
  /** Files of the language given to the collector. */
  files: number;
  /** Files that passed the prefilter and were parsed. */
  parsed: number;
  /** Files parsed by the `prepare` pass. */
  prepared: number;
  /** Wall time of the whole collect, ms. */
  ms: number;
}

/**
 * The first `ERROR` or `MISSING` node (depth-first, only into subtrees that have one);
 * inside an `ERROR` that wraps a whole declaration, the error nested in it, which is
 * nearer the actual mistake.
 */
export function firstSyntaxError(root: Node): Node | undefined {
  // Iterative (a deep tree must not overflow the stack): the path of subtrees with an
  // error, first child first; an ERROR is the answer once nothing inside it is.
  if (root.isMissing) return root;
  if (!root.hasError) return undefined;
  const path: Array<{ node: Node; next: number }> = [{ node: root, next: 0 }];
  while (path.length > 0) {
    const top = path[path.length - 1]!;
    if (top.next < top.node.childCount) {
      const c = top.node.child(top.next++);
      if (!c) continue;
      if (c.isMissing) return c;
      if (c.hasError) path.push({ node: c, next: 0 });
      continue;
    }
    path.pop();
    if (top.node.isError) return top.node;
  }
  return undefined;
}

/** A parse-error diagnostic for a tree with errors. The message names grammar symbols only, never the file's text. */
export function syntaxDiagnostic(file: string, root: Node, label: string): DiagnosticFact | undefined {
  if (!root.hasError) return undefined;
  // The root can carry the error flag with no ERROR or MISSING node anywhere below it (seen
  // on valid C# files): nothing was cut out of the tree, so there is nothing to report.
  const e = firstSyntaxError(root);
  if (!e) return undefined;
  let message: string;
  if (e.isMissing) message = `${label}: syntax error: missing ${JSON.stringify(e.type)}`;
  else {
    const first = e.child(0);
    const what = first ? (first.isNamed ? first.type : JSON.stringify(first.type)) : 'input';
    message = `${label}: syntax error: unexpected ${what} (facts still collected from the rest of the file)`;
  }
  return { file, line: e.startPosition.row + 1, column: e.startPosition.column + 1, kind: 'parse-error', message };
}

const LABELS: Record<string, string> = { java: 'Java', csharp: 'C#', php: 'PHP', python: 'Python', go: 'Go' };

function errorText(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? 'error') : String(err);
}

/** The `parse` a language's `prepare` is given: files one at a time, each tree freed after `fn`. */
function parseFn<P>(spec: LanguageSpec<P>, parser: Parser, query: Query, ctx: CollectContext, counted: { prepared: number }): ParseFn {
  return async (some, filter, fn) => {
    const out = [];
    for (const f of some) {
      const text = readSource(ctx, f.path);
      if (text === undefined || !filter(text, f.path)) continue;
      const tree = parser.parse(text);
      if (!tree) continue;
      counted.prepared++;
      try {
        const fa = new FileAnalysis(spec as LanguageSpec<unknown>, f, text, tree.rootNode, query, undefined, ctx);
        const r = fn(fa);
        if (r !== undefined) out.push(r);
      } catch {
        // A file the prepare pass cannot read is analysed (and reported) by the main pass.
      } finally {
        tree.delete();
      }
    }
    return out;
  };
}

/**
 * The language's cross-file pass over `files` (undefined when it has none, or when it
 * fails: the main pass then runs without it, as it would on a repository without those
 * files). Never throws.
 */
export async function prepareWithSpec<P>(spec: LanguageSpec<P>, files: readonly DiscoveredFile[], ctx: CollectContext, counted = { prepared: 0 }): Promise<P | undefined> {
  if (!spec.prepare || files.length === 0) return undefined;
  try {
    const parser = await parserFor(spec.grammar);
    const query = await queryFor(spec.grammar, spec.query);
    return await spec.prepare(files, { ctx, settings: ctx.settings }, parseFn(spec, parser, query, ctx, counted));
  } catch {
    return undefined;
  }
}

/**
 * Collect facts for `files` with a language spec. Never throws. The cross-file pass's
 * result is `ctx.prepared.get(spec.name)` when the pipeline prepared once for the whole
 * repository; otherwise it is prepared here over `files`.
 */
export async function collectWithSpec<P>(
  spec: LanguageSpec<P>,
  files: readonly DiscoveredFile[],
  ctx: CollectContext,
  stats?: TreeSitterStats,
): Promise<CollectedFacts> {
  const started = performance.now();
  const label = LABELS[spec.language] ?? spec.name;
  const result = factLists();
  const { files: fileFacts, callSites, credentials, tlsSettings, endpoints, diagnostics, logWrites, officerFields } = result;
  let parsed = 0;
  const counted = { prepared: 0 };
  if (files.length === 0) return result;

  let parser: Parser;
  let query: Query;
  try {
    parser = await parserFor(spec.grammar);
    query = await queryFor(spec.grammar, spec.query);
  } catch (err) {
    const first = files[0]!;
    diagnostics.push({ file: first.path, line: 1, kind: 'not-analysed', message: `${label}: tree-sitter grammar unavailable (${errorText(err)}); ${files.length} file(s) not analysed` });
    return result;
  }

  const env: PrepareEnv = { ctx, settings: ctx.settings };
  const prepared = ctx.prepared?.get(spec.name) as Prepared<P> | undefined;
  const project = (prepared ? prepared.project : await prepareWithSpec(spec, files, ctx, counted)) as P;

  // Other files' constants, properties and functions, parsed on demand (crossfile.ts):
  // across the whole repository when the pipeline indexed it once, else across `files`.
  const applies = appliesOf(spec);
  const cross = prepared?.cross
    ? new CrossFile(spec.crossFile, languageFiles(ctx.allFiles, spec.name, applies), ctx, parser, prepared.cross)
    : new CrossFile(spec.crossFile, files, ctx, parser);
  cross.makeAnalysis = (file, text, root) => new FileAnalysis(spec as LanguageSpec<unknown>, file, text, root, query, project, ctx, cross);

  for (const f of files) {
    ctx.onFile?.(f.path);
    const text = readSource(ctx, f.path, diagnostics);
    if (text === undefined) continue;
    let worth: boolean;
    try {
      worth = spec.worthParsing(text, f.path, project, env);
    } catch {
      worth = true;
    }
    if (!worth) continue;
    let tree;
    try {
      tree = parser.parse(text);
    } catch (err) {
      parser.reset();
      diagnostics.push({ file: f.path, line: 1, kind: 'not-analysed', message: `${label}: parser failed (${errorText(err)})` });
      continue;
    }
    if (!tree) {
      diagnostics.push({ file: f.path, line: 1, kind: 'not-analysed', message: `${label}: parser gave no tree` });
      continue;
    }
    parsed++;
    try {
      const d = syntaxDiagnostic(f.path, tree.rootNode, label);
      if (d) diagnostics.push(d);
      // Deeper than the query looks (depth.ts): reported, the rest of the file analysed.
      diagnostics.push(...deepDiagnostics(f.path, tree.rootNode, label));
      const fa = new FileAnalysis(spec, f, text, tree.rootNode, query, project, ctx, cross);
      spec.hooks.analyze(fa);
      const r = fa.finish();
      callSites.push(...r.callSites);
      credentials.push(...r.credentials);
      tlsSettings.push(...r.tlsSettings);
      endpoints.push(...r.endpoints);
      logWrites.push(...r.logWrites);
      officerFields.push(...r.officerFields);
      if (r.tool) fileFacts.push({ path: f.path, tool: r.tool });
    } catch (err) {
      diagnostics.push({ file: f.path, line: 1, kind: 'not-analysed', message: `${label}: internal error while analysing (${errorText(err)})` });
    } finally {
      tree.delete();
    }
  }

  linkEndpointsToCalls(endpoints, callSites);
  callSites.sort(byLocation);
  credentials.sort(byLocation);
  tlsSettings.sort(byLocation);
  endpoints.sort(byLocation);
  if (stats) {
    stats.files = files.length;
    stats.parsed = parsed;
    stats.prepared = counted.prepared;
    stats.ms = performance.now() - started;
  }
  return result;
}

/** What the whole-repository pass hands every chunk: the language's own pass, and the cross-file names index. */
interface Prepared<P> {
  project: P | undefined;
  cross?: CrossIndex;
}

// The repository's files of one language, filtered once per scan (not once per chunk).
const languageMemo = new WeakMap<readonly DiscoveredFile[], Map<string, DiscoveredFile[]>>();

function languageFiles(all: readonly DiscoveredFile[], name: string, applies: (f: DiscoveredFile) => boolean): DiscoveredFile[] {
  let byName = languageMemo.get(all);
  if (!byName) languageMemo.set(all, (byName = new Map()));
  let files = byName.get(name);
  if (!files) byName.set(name, (files = all.filter(applies)));
  return files;
}

function appliesOf<P>(spec: LanguageSpec<P>): (f: DiscoveredFile) => boolean {
  return spec.appliesTo ?? ((f: DiscoveredFile) => f.kind === 'source' && f.language === spec.language);
}

/**
 * The whole-repository pass of a language spec: its own `prepare` (when it has one) and
 * the cross-file names index. The pipeline runs it once per scan, so what a chunk finds
 * in other files never depends on which files share its chunk.
 */
export async function prepareTreeSitter<P>(spec: LanguageSpec<P>, files: readonly DiscoveredFile[], ctx: CollectContext): Promise<Prepared<P>> {
  return {
    project: await prepareWithSpec(spec, files, ctx),
    ...(spec.crossFile ? { cross: buildCrossIndex(spec.crossFile, files, (path) => ctx.readText(path)) } : {}),
  };
}

/** A collector for one language spec. */
export function createTreeSitterCollector<P>(spec: LanguageSpec<P>): Collector {
  const applies = appliesOf(spec);
  const needsPrepare = spec.prepare !== undefined || spec.crossFile !== undefined;
  return {
    name: spec.name,
    appliesTo: applies,
    ...(needsPrepare ? { prepare: (files: readonly DiscoveredFile[], ctx: CollectContext) => prepareTreeSitter(spec, files, ctx) } : {}),
    collect: (files, ctx) => collectWithSpec(spec, files, ctx),
  };
}
