/**
 * The Python collector: requests, httpx, urllib, aiohttp, urllib3, http.client, zeep,
 * suds — in `.py` files and in the code cells of Jupyter notebooks (notebook.ts) — on
 * the tree-sitter framework. See analyze.ts for what is detected, django.ts for
 * `settings.py`, and ../README.md for the framework.
 */
import type { DiscoveredFile } from '../../../discover/types.js';
import type { CollectedFacts } from '../../../facts/types.js';
import type { CollectContext, Collector } from '../../types.js';
import { collectWithSpec, prepareTreeSitter } from '../collector.js';
import { addFacts, factLists, readSource } from '../kit/files.js';
import { keywordPrefilter, type LanguageSpec } from '../spec.js';
import { analyzePython, pyFunctionLimiter, pyGate, pyWrapper } from './analyze.js';
import { readNotebook, remapNotebookFacts, type NotebookCode } from './notebook.js';
import { PY_QUERY } from './queries.js';
import { PY_SYNTAX } from './syntax.js';
import { PYTHON_CROSS_FILE } from './crossfile.js';

/** Mentions of an HTTP/SOAP client, a TLS switch, a tool marker, a limiter or an auth API. */
const PY_KEYWORDS =
  /\b(?:requests|httpx|urllib|urlopen|aiohttp|urllib3|http\.client|HTTPSConnection|zeep|suds|verify\s*=\s*False|verify_ssl|CERT_NONE|_create_unverified_context|disable_warnings|__main__|argparse|click|typer|sys\.argv|BaseCommand|selenium|playwright|schedule\.every|add_job|crontab|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|b64encode|auth\s*=\s*\(|limiter|ratelimit|sleep_and_retry)\b|^#!/m;

export const pythonSpec: LanguageSpec = {
  name: 'python',
  language: 'python',
  grammar: 'python',
  query: PY_QUERY,
  appliesTo: (f) => f.kind === 'source' && (f.language === 'python' || f.language === 'notebook'),
  crossFile: PYTHON_CROSS_FILE,
  worthParsing: keywordPrefilter(PY_KEYWORDS),
  syntax: PY_SYNTAX,
  hooks: {
    analyze: analyzePython,
    gate: pyGate,
    wrapper: pyWrapper,
    functionLimiter: pyFunctionLimiter,
  },
};

/** Notebooks: analyse their code through a context that reads a notebook as its code; map the facts back. */
async function collectNotebooks(files: DiscoveredFile[], ctx: CollectContext): Promise<CollectedFacts> {
  const out = factLists();
  const codes = new Map<string, NotebookCode>();
  for (const f of files) {
    const text = readSource(ctx, f.path, out.diagnostics);
    if (text === undefined) continue;
    const nb = readNotebook(text);
    if (!nb.ok) {
      out.diagnostics.push({ file: f.path, ...nb.diagnostic });
      continue;
    }
    if (nb.code.text.trim() !== '') codes.set(f.path, nb.code);
  }
  const mine = files.filter((f) => codes.has(f.path));
  if (mine.length === 0) return out;
  const nbCtx: CollectContext = {
    root: ctx.root,
    settings: ctx.settings,
    allFiles: ctx.allFiles,
    readText: (p) => codes.get(p)?.text ?? ctx.readText(p),
  };
  const got = await collectWithSpec(pythonSpec, mine, nbCtx);
  // Every notebook is a tool by its shape (unless its code shows a more specific kind).
  const withTool = new Set((got.files ?? []).filter((f) => f.tool).map((f) => f.path));
  for (const f of mine) if (!withTool.has(f.path)) (got.files ??= []).push({ path: f.path, tool: { kind: 'notebook', reason: 'Jupyter notebook', line: 1 } });
  for (const [path, code] of codes) remapNotebookFacts(got, path, code);
  for (const f of got.files ?? []) if (f.tool?.kind === 'notebook') f.tool.line = 1;
  addFacts(out, got);
  return out;
}

export const pythonCollector: Collector = {
  name: 'python',
  appliesTo: pythonSpec.appliesTo!,
  // Notebooks' code is extracted at collection; the cross-file index covers .py files.
  prepare: (files, ctx) => prepareTreeSitter(pythonSpec, files.filter((f) => f.language !== 'notebook'), ctx),
  async collect(files, ctx) {
    const py = files.filter((f) => f.language !== 'notebook');
    const nb = files.filter((f) => f.language === 'notebook');
    const out = factLists();
    if (py.length) addFacts(out, await collectWithSpec(pythonSpec, py, ctx));
    if (nb.length) {
      try {
        addFacts(out, await collectNotebooks(nb, ctx));
      } catch (err) {
        // Never throw: an internal failure on notebooks becomes one diagnostic per notebook.
        const why = err instanceof Error ? (err.message.split('\n')[0] ?? 'error') : String(err);
        for (const f of nb) out.diagnostics.push({ file: f.path, line: 1, kind: 'not-analysed', message: `Notebook: internal error while analysing (${why})` });
      }
    }
    return out;
  },
};
