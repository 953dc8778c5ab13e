/**
 * Where the package's own files are (package.json, policies/, the tree-sitter grammars),
 * from the sources, the bundled CLI (dist/, dist/chunks/) or the Action's single-file
 * bundle. A module of its own so that `--version` finds package.json without loading
 * anything else.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  // Works from src/policy (tests, tsx) and from dist/ (bundled CLI): walk up to package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('dancu-guard: cannot locate the package root (package.json)');
}

/**
 * Optional override of where the runtime assets are. Unset (the usual case), they are
 * found from the package root: `package.json`, `policies/bundle/{policy.wasm,rules.json}`,
 * `policies/data/settings.json`, and the tree-sitter grammars in the installed
 * `@vscode/tree-sitter-wasm` package.
 *
 * A single-file bundle that runs without node_modules (the GitHub Action,
 * `dist-action/index.mjs`) sets `globalThis.__DANCU_GUARD_ASSETS_DIR__` on its first line;
 * anything else may set the environment variable `DANCU_GUARD_ASSETS_DIR`. The folder
 * named is laid out like the package root (`package.json`, `policies/bundle/`,
 * `policies/data/`), with the files of packages read at run time under `vendor/`
 * as under node_modules (`vendor/@vscode/tree-sitter-wasm/wasm/*.wasm`). See
 * scripts/build-action.mjs.
 */
export const ASSETS_DIR: string | undefined = assetsOverride();

function assetsOverride(): string | undefined {
  const fromBundle = (globalThis as { __DANCU_GUARD_ASSETS_DIR__?: unknown }).__DANCU_GUARD_ASSETS_DIR__;
  const dir = typeof fromBundle === 'string' && fromBundle ? fromBundle : process.env.DANCU_GUARD_ASSETS_DIR;
  return dir ? resolve(dir) : undefined;
}

export const PACKAGE_ROOT = ASSETS_DIR ?? packageRoot();

/**
 * The folder with `tree-sitter.wasm` and the `tree-sitter-<language>.wasm` grammars:
 * the installed `@vscode/tree-sitter-wasm`'s `wasm/`, or its copy under `ASSETS_DIR`.
 */
export function treeSitterWasmDir(): string {
  if (ASSETS_DIR) return join(ASSETS_DIR, 'vendor', '@vscode', 'tree-sitter-wasm', 'wasm');
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}

export const POLICIES_DIR = join(PACKAGE_ROOT, 'policies');

