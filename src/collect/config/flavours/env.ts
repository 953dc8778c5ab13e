/**
 * Environment variables as a config flavour (`env`): `.env*` files, docker-compose
 * `environment`, Kubernetes `env[]`; the name as written; `.env` before the others.
 */
import { parseDotenv } from '../dotenv.js';
import { parseYaml, yamlEntries } from '../yaml/index.js';
import { baseName, configValue, type ConfigProvider, type ConfigValue } from './provider.js';

export const envProvider: ConfigProvider = {
  appliesTo: (f) => f.kind !== 'doc' && (f.format === 'dotenv' || f.format === 'compose' || f.format === 'k8s'),
  read(path, text) {
    if (!/\.ya?ml$/i.test(path)) return parseDotenv(text).entries.map((e) => configValue(path, e));
    const out: ConfigValue[] = [];
    // Its values sit under an `env:` (Kubernetes) or `environment:` (compose) key: a
    // manifest or chart template without one is not parsed (most of a chart collection).
    if (!/\benv(?:ironment)?["']?\s*:/.test(text)) return out;
    const format = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i.test(path) ? 'compose' : 'k8s';
    for (const doc of parseYaml(text, path).docs) {
      for (const e of yamlEntries(doc, format)) {
        if (e.source === 'compose-env' || e.source === 'k8s-env') out.push(configValue(path, e));
      }
    }
    return out;
  },
  normalize: (k) => k,
  rank: (path) => (/^\.env$/.test(baseName(path)) ? 0 : 1),
};
