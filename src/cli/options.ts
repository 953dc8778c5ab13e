/**
 * The flags several commands share, declared once: the same name, help text (in the
 * language chosen, src/report/i18n.ts), choices and default wherever they appear.
 */
import { Option } from 'commander';
import { CATEGORIES, SEVERITIES, type Lang } from '../findings/types.js';
import type { FindingFilter } from '../report/filter.js';
import { langFromEnv, type Translate } from '../report/i18n.js';
import { UsageError } from '../util/errors.js';

export const FAIL_ON = [...SEVERITIES.filter((s) => s !== 'info'), 'none'] as const;

export function sharedOptions(T: Translate) {
  return {
    format: (choices: readonly string[], fallback: string, description = T('opt.format')) =>
      new Option('-f, --format <format>', description).choices(choices).default(fallback),
    output: (what = T('opt.output.report')) => new Option('-o, --output <file>', T('opt.output', { what })),
    failOn: (description = T('opt.failOn')) => new Option('--fail-on <severity>', description).choices(FAIL_ON).default('high'),
    config: () => new Option('-c, --config <file>', T('opt.config')),
    declaration: () => new Option('--declaration <file>', T('opt.declaration')),
    trustedConfig: () => new Option('--trusted-config <file>', T('opt.trustedConfig')),
    // The default is decided at run time (the locale), so it is not a commander default.
    lang: () => new Option('--lang <lang>', T('opt.lang')).choices(['vi', 'en']),
    noProgress: () => new Option('--no-progress', T('opt.noProgress')),
    noColor: () => new Option('--no-color', T('opt.noColor')),
    quiet: () => new Option('-q, --quiet', T('opt.quiet')),
    verbose: () => new Option('--verbose', T('opt.verbose')),
    severity: () => new Option('--severity <list>', T('opt.severity')),
    category: () => new Option('--category <list>', T('opt.category')),
  };
}

/** `--lang` as given, else the locale, else English. */
export function resolveLang(given: string | undefined): Lang {
  return given === 'vi' || given === 'en' ? given : (langFromEnv() ?? 'en');
}

/**
 * ANSI colours in text written to stdout. `NO_COLOR` (any non-empty value) and
 * `--no-color` switch them off and win; `FORCE_COLOR` (any value but `0`/`false`) switches
 * them on when stdout is not a terminal; otherwise only on a terminal. Never in a file.
 */
export function useColor(opts: { color: boolean; output?: string }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!opts.color || opts.output) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return process.stdout.isTTY === true;
}

/** A comma-separated list of taxonomy names (`--severity`, `--category`), checked. */
export function parseNameList<T extends string>(raw: string | undefined, allowed: readonly T[], what: string, T_: Translate): T[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw new UsageError(T_('scan.err.badList', { what, value: raw, allowed: allowed.join(', ') }));
  for (const n of names) {
    if (!(allowed as readonly string[]).includes(n)) throw new UsageError(T_('scan.err.badList', { what, value: n, allowed: allowed.join(', ') }));
  }
  return [...new Set(names)] as T[];
}

export function parseFilter(opts: { severity?: string; category?: string }, T: Translate): FindingFilter | undefined {
  const severities = parseNameList(opts.severity, SEVERITIES, T('scan.list.severity'), T);
  const categories = parseNameList(opts.category, CATEGORIES, T('scan.list.category'), T);
  if (!severities && !categories) return undefined;
  return { ...(severities ? { severities } : {}), ...(categories ? { categories } : {}) };
}

export interface CommonCliOptions {
  format: string;
  output?: string;
  config?: string;
  trustedConfig?: string;
  lang?: Lang;
  progress: boolean;
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
  severity?: string;
  category?: string;
}
