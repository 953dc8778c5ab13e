/**
 * Ignore rules in layers (git's model for .gitignore / info/exclude): for each path the
 * highest-precedence layer with a rule that matches the path itself decides.
 *
 *   1. `opts.ignore` (config)         ─ highest
 *   2. `.dancu-guardignore` at the root
 *   3. built-in defaults (node_modules/, dist/, lock files, …)
 *   4. `.gitignore` files, deepest directory first, the root's last
 *
 * So a config or `.dancu-guardignore` negation (`!dist/`) re-includes what a default or
 * a `.gitignore` excluded, while a `.gitignore` negation cannot re-include a default.
 * Layers 1–2 are explicit: they apply even to files git tracks, and what they hide is
 * reported (see `walk.ts`).
 */
import ignore from 'ignore';

/** Built-in ignores (gitignore syntax, relative to the root). */
export const DEFAULT_IGNORES: readonly string[] = [
  'node_modules/',
  'vendor/',
  '.git/',
  'dist/',
  'build/',
  'target/',
  '**/bin/Debug/',
  '**/bin/Release/',
  'obj/',
  'coverage/',
  '.venv/',
  '__pycache__/',
  '*.min.js',
  'package-lock.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'composer.lock',
];

type Ignore = ReturnType<typeof ignore>;

export interface Layer {
  ig: Ignore;
  /** Directory the rules are relative to: '' for the root, else 'a/b'. */
  base: string;
  /** No longer consulted (see `rescue`). */
  inert?: boolean;
  /**
   * An explicit ignore (config `ignore`, `.dancu-guardignore`): it applies even to files
   * git tracks, and what it excludes is reported (`DiscoverResult.ignored`).
   */
  explicit?: boolean;
}

/** Which kind of layer excluded a path. */
export type Exclusion = 'explicit' | 'implicit' | undefined;

/**
 * The ignore layers in force in one directory, in precedence order, highest first: the
 * static layers (config, `.dancu-guardignore`, defaults), then `.gitignore` layers deepest first.
 */
export interface DirContext {
  layers: readonly Layer[];
}

export function makeLayer(patterns: string | readonly string[], base: string, explicit = false): Layer {
  const layer: Layer = { ig: ignore({ ignorecase: false }).add(patterns as string | string[]), base };
  if (explicit) layer.explicit = true;
  return layer;
}

/** Escape a path for use as a literal gitignore pattern. */
function escapePattern(p: string): string {
  return p.replace(/[\\*?[\]]/g, '\\$&').replace(/ $/, '\\ ');
}

/**
 * A copy of `layer` in which the directory `dirPath` (layer-relative, ending in '/') is
 * no longer excluded, while every rule keeps applying to what is below it. If the copy
 * still excludes it (a name the escaping could not express), the layer goes inert below
 * the directory: scanning a file too many beats silently dropping one.
 */
function rescue(layer: Layer, dirPath: string): Layer {
  const ig = ignore({ ignorecase: false }).add(layer.ig).add(`!/${escapePattern(dirPath.slice(0, -1))}/`);
  const flags = layer.explicit ? { explicit: true } : {};
  if (ig.test(dirPath).ignored) return { ig: layer.ig, base: layer.base, inert: true, ...flags };
  return { ig, base: layer.base, ...flags };
}

function layerPath(layer: Layer, rel: string, isDir: boolean): string {
  const p = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
  return isDir ? `${p}/` : p;
}

/**
 * Which kind of layer excludes `rel`: the highest layer with a rule matching it decides.
 * With `lowerOnly`, explicit layers are passed over (what would happen without them).
 */
export function exclusion(rel: string, isDir: boolean, ctx: DirContext, lowerOnly = false): Exclusion {
  for (const layer of ctx.layers) {
    if (layer.inert || (lowerOnly && layer.explicit)) continue;
    const r = layer.ig.test(layerPath(layer, rel, isDir));
    if (r.ignored) return layer.explicit ? 'explicit' : 'implicit';
    if (r.unignored) return undefined;
  }
  return undefined;
}

/**
 * The context below an included directory. A lower layer may exclude a directory that
 * a higher one re-included (root `.gitignore`: `gen/`, `pkg/.gitignore`: `!gen/`). The
 * `ignore` package judges a path together with its parents, so that layer would then
 * exclude everything below; git judges each path by itself. Such a layer is replaced,
 * below the directory, by a copy that re-includes just that directory.
 */
export function childContext(rel: string, ctx: DirContext): DirContext {
  let layers: Layer[] | undefined;
  ctx.layers.forEach((layer, i) => {
    if (layer.inert) return;
    const p = layerPath(layer, rel, true);
    if (!layer.ig.test(p).ignored) return;
    layers ??= [...ctx.layers];
    layers[i] = rescue(layer, p);
  });
  return layers ? { layers } : ctx;
}

/** `ctx` with a directory's `.gitignore` added: below the static layers, above the parents' `.gitignore`s. */
export function withGitignore(ctx: DirContext, layer: Layer, staticCount: number): DirContext {
  return { layers: [...ctx.layers.slice(0, staticCount), layer, ...ctx.layers.slice(staticCount)] };
}
