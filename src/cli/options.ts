/**
 * The flags several commands share, declared once: the same name, help text, choices
 * and default wherever they appear.
 */
import { Option } from 'commander';
import { SEVERITIES, type Lang } from '../findings/types.js';

export const FAIL_ON = [...SEVERITIES.filter((s) => s !== 'info'), 'none'] as const;

export const sharedOptions = {
  format: (choices: readonly string[], fallback: string) =>
    new Option('-f, --format <format>', 'output format').choices(choices).default(fallback),
  output: (what = 'the report') => new Option('-o, --output <file>', `write ${what} to a file instead of stdout`),
  failOn: (description = 'exit 1 when a finding is at or above this severity') =>
    new Option('--fail-on <severity>', description).choices(FAIL_ON).default('high'),
  config: () => new Option('-c, --config <file>', 'configuration file (default: .dancu-guard.yml at the scanned root)'),
  declaration: () => new Option('--declaration <file>', 'integration declaration (default: dancu-integration.yml at the root)'),
  trustedConfig: () =>
    new Option(
      '--trusted-config <file>',
      "the province's configuration: the repository's .dancu-guard.yml, .dancu-guardignore, baseline and inline directives can then only tighten it (docs/security.md)",
    ),
  lang: () => new Option('--lang <lang>', 'language of messages and remediation').choices(['vi', 'en']).default('en'),
  noProgress: () => new Option('--no-progress', 'do not show progress on the terminal'),
  noColor: () => new Option('--no-color', 'no ANSI colours in text output'),
};

/** Colours only on a terminal, unless switched off (`--no-color`, `NO_COLOR`). */
export function useColor(opts: { color: boolean; output?: string }): boolean {
  return opts.color && !opts.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
}

export interface CommonCliOptions {
  format: string;
  output?: string;
  config?: string;
  trustedConfig?: string;
  lang: Lang;
  progress: boolean;
  color: boolean;
}
