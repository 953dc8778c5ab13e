/**
 * The tree-sitter runtime (`@vscode/tree-sitter-wasm`): the wasm runtime, each grammar,
 * one parser per grammar and each compiled query are loaded once per process, lazily,
 * the first time a collector needs them.
 *
 * Files are resolved from the installed package (`createRequire(import.meta.url)`), so
 * this works from `src/` under vitest and from the esbuild bundle in `dist/` (packages
 * stay external there, so node_modules resolution applies at run time).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language, Parser, Query } from '@vscode/tree-sitter-wasm';

export type { Language, Node, Parser, Query, QueryCapture, Tree } from '@vscode/tree-sitter-wasm';

type TreeSitterModule = typeof import('@vscode/tree-sitter-wasm');

const require = createRequire(import.meta.url);

let wasmDirCache: string | undefined;
let runtime: Promise<TreeSitterModule> | undefined;
const languages = new Map<string, Promise<Language>>();
const parsers = new Map<string, Promise<Parser>>();
const queries = new Map<string, Promise<Query>>();

/** Directory holding `tree-sitter.wasm` and the `tree-sitter-<grammar>.wasm` files. */
export function wasmDir(): string {
  wasmDirCache ??= join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  return wasmDirCache;
}

/** The initialised runtime module (once per process). */
export function treeSitter(): Promise<TreeSitterModule> {
  runtime ??= (async () => {
    const mod = require('@vscode/tree-sitter-wasm') as TreeSitterModule;
    const dir = wasmDir();
    await mod.Parser.init({ locateFile: (file: string) => join(dir, file) });
    return mod;
  })();
  runtime.catch(() => {
    runtime = undefined; // let a later call retry (and report) instead of caching the failure
  });
  return runtime;
}

/** What `make` gives for `key`, made once and kept; a failure is not kept (a later call retries and reports it). */
function once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = make();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** A grammar by its file stem: `java`, `c-sharp`, `php`, `python`, `go`… (once per process). */
export function grammar(name: string): Promise<Language> {
  return once(languages, name, async () => {
    const mod = await treeSitter();
    return mod.Language.load(join(wasmDir(), `tree-sitter-${name}.wasm`));
  });
}

/** The one parser of a grammar (parsers are reused: a parse resets them). */
export function parserFor(name: string): Promise<Parser> {
  return once(parsers, name, async () => {
    const mod = await treeSitter();
    const parser = new mod.Parser();
    parser.setLanguage(await grammar(name));
    return parser;
  });
}

/** A compiled query for a grammar (compiled once per grammar and source text). */
export function queryFor(grammarName: string, source: string): Promise<Query> {
  return once(queries, `${grammarName}\0${source}`, async () => {
    const mod = await treeSitter();
    return new mod.Query(await grammar(grammarName), source);
  });
}
