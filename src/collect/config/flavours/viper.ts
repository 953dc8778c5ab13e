/**
 * Viper configuration as a config flavour (`viper`), listed in `./index.ts`:
 * `viper.GetString("dancu.url")` reads the key from the
 * application's YAML/JSON config files (`config.yaml`, `configs/app.yml`,
 * `config.json`…), dotted and case-insensitive as Viper does. Manifests (Kubernetes,
 * compose, Helm, workflows) are not Viper config. Values may hold `${ENV}`
 * placeholders (followed by `ConfigIndex.withEnv`). Viper's `AutomaticEnv` (the key
 * upper-cased, dots as `_`) and same-file `viper.SetDefault` are handled by the Go
 * syntax (go/syntax.ts). Never throws.
 */
import { isLockFile } from '../../credentials/values.js';
import { jsonEntries, parseJson } from '../json.js';
import { parseYaml, yamlEntries } from '../yaml/index.js';
import { configValue, type ConfigValue } from './provider.js';

export const viperConfigProvider = {
  appliesTo: (f: { path: string; kind: string; format?: string }): boolean =>
    f.kind === 'config' && (f.format === 'yaml' || f.format === 'json' || f.format === 'spring') && !isLockFile(f.path) && !/(?:^|\/)(?:package|tsconfig|composer)\.json$/i.test(f.path),
  read(path: string, text: string): ConfigValue[] {
    const out: ConfigValue[] = [];
    if (/\.json$/i.test(path)) {
      let root;
      try {
        root = parseJson(text);
      } catch {
        return out;
      }
      if (!root) return out;
      for (const e of jsonEntries(root, 'config', '.')) out.push(configValue(path, e));
      return out;
    }
    for (const doc of parseYaml(text, path).docs) {
      for (const e of yamlEntries(doc, 'yaml')) out.push(configValue(path, e));
    }
    return out;
  },
  normalize: (k: string): string => k.toLowerCase(),
  rank: (path: string): number => (/(?:^|\/)config\.(?:ya?ml|json)$/i.test(path) ? 0 : 1),
};
