/**
 * What a config flavour is: a provider that reads the key/values of the files it applies
 * to, and says which spellings of a key are the same key. The index (`../values.ts`)
 * asks the flavours; the flavours know nothing of the index.
 */
import type { DiscoveredFile } from '../../../discover/types.js';
import type { ResolutionStep } from '../../../facts/types.js';

/** One key/value as written in a config file. */
export interface ConfigValue {
  /** The key as written (flattened: `dancu.endpoint`, `C06:Url`, `DANCU_URL`). */
  key: string;
  value: string;
  file: string;
  line: number;
  column?: number;
}

/** A source of config values (one flavour). */
export interface ConfigProvider {
  /** Files this provider reads. */
  appliesTo(file: DiscoveredFile): boolean;
  /** Every key/value of one file (never throws; return [] when it does not parse). */
  read(path: string, text: string): ConfigValue[];
  /** The lookup form of a key: what two spellings of the same key have in common. */
  normalize(key: string): string;
  /** Rank of a file among those defining the same key: lower wins (base file before profile files). */
  rank?(path: string): number;
}

export type BuiltinFlavor = 'spring' | 'dotnet' | 'env' | 'netfx-appsettings' | 'netfx-connection-strings' | 'wcf-endpoint' | 'laravel' | 'django' | 'viper';

/** The result of resolving a key with placeholders followed (`${DANCU_URL:https://…}`). */
export interface ResolvedConfig {
  /** The value, placeholders replaced by what they resolve to; unresolved ones kept as `${NAME}`. */
  value: string;
  /** Where the key (the outermost one) was written. */
  at: ConfigValue;
  /** Every key that was read, outermost first. */
  keys: string[];
  /** `config` always; `env-default` when a placeholder's default was used; `env` when an env var was read. */
  via: ResolutionStep[];
  /** No `${…}` left. */
  complete: boolean;
}

/** A config value from a parsed entry (`column` only when the parser knew it). */
export function configValue(file: string, e: { key: string; value: string; line: number; column?: number | undefined }): ConfigValue {
  const v: ConfigValue = { key: e.key, value: e.value, file, line: e.line };
  if (e.column !== undefined) v.column = e.column;
  return v;
}

/** The file name of a repo-relative path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
