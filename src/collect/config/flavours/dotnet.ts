/**
 * .NET configuration as a config flavour (`dotnet`): `appsettings*.json`, keys joined
 * with `:` (`C06:Url`), case-insensitive; `appsettings.json` before the environment files.
 */
import { jsonEntries, parseJson } from '../json.js';
import { baseName, configValue, type ConfigProvider } from './provider.js';

/** .NET configuration keys: case-insensitive, `__` (env) = `:`. */
export function dotnetKey(key: string): string {
  return key.replace(/__/g, ':').toLowerCase();
}

export const dotnetProvider: ConfigProvider = {
  appliesTo: (f) => f.format === 'appsettings' && f.kind !== 'doc',
  read(path, text) {
    let root;
    try {
      root = parseJson(text);
    } catch {
      return [];
    }
    if (!root) return [];
    return jsonEntries(root, 'appsettings', ':').map((e) => configValue(path, e));
  },
  normalize: dotnetKey,
  rank: (path) => (/^appsettings\.json$/i.test(baseName(path)) ? 0 : 1),
};
