/**
 * Settings regexes compiled once per settings object and list (both source
 * collectors): a pattern that does not compile is left out (the config loader has
 * already reported it), so a collector never throws on user patterns.
 */
import { compilePattern, type Settings } from '../../../policy/settings.js';

type PatternKey = {
  [K in keyof Settings]: Settings[K] extends string[] ? K : never;
}[keyof Settings];

const cache = new WeakMap<Settings, Map<string, RegExp[]>>();

/** The compiled patterns of one or more settings lists (in order). */
export function settingsPatterns(settings: Settings, ...keys: PatternKey[]): RegExp[] {
  let bySettings = cache.get(settings);
  if (!bySettings) {
    bySettings = new Map();
    cache.set(settings, bySettings);
  }
  const id = keys.join('+');
  let out = bySettings.get(id);
  if (!out) {
    out = [];
    for (const k of keys) {
      for (const p of (settings[k] as string[] | undefined) ?? []) {
        try {
          out.push(compilePattern(p));
        } catch {
          // reported by the config loader
        }
      }
    }
    bySettings.set(id, out);
  }
  return out;
}
