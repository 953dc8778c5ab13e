/**
 * Spring Boot configuration as a config flavour (`spring`): `application*.yml/.yaml/
 * .properties` and `bootstrap*`, keys dotted with Spring's relaxed binding (`base-url` =
 * `baseUrl` = `base_url`, case-insensitive); the base file before profile files.
 */
import { parseProperties } from '../properties.js';
import { parseYaml, yamlEntries } from '../yaml/index.js';
import { baseName, configValue, type ConfigProvider, type ConfigValue } from './provider.js';

/** Spring relaxed binding: case-insensitive, `-` and `_` ignored (`base-url` = `baseUrl` = `BASE_URL`'s dotted form). */
export function springKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** Spring's env-var form of a property: `dancu.base-url` → `DANCU_BASEURL`, `dancu.url` → `DANCU_URL`. */
export function springEnvName(key: string): string {
  return key.replace(/-/g, '').replace(/[.[\]]+/g, '_').replace(/_+$/, '').toUpperCase();
}

export const springProvider: ConfigProvider = {
  appliesTo: (f) => f.format === 'spring' && f.kind !== 'doc',
  read(path, text) {
    if (/\.properties$/i.test(path)) return parseProperties(text).entries.map((e) => configValue(path, e));
    const out: ConfigValue[] = [];
    for (const doc of parseYaml(text, path).docs) {
      for (const e of yamlEntries(doc, 'spring')) out.push(configValue(path, e));
    }
    return out;
  },
  normalize: springKey,
  rank: (path) => (/^(application|bootstrap)\.(ya?ml|properties)$/i.test(baseName(path)) ? 0 : 1),
};
