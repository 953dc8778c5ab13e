/**
 * .NET Framework XML config (`Web.config`, `App.config`, `Web.Release.config`…), read
 * with the tolerant tag scanner of `../../config-values.ts`: `<appSettings>` entries and
 * `<applicationSettings>` values, `<connectionStrings>`, and WCF `<client><endpoint
 * address>` become credential candidates, endpoints and TLS switches through the
 * shared `factsFromEntries` (source `config`), like the other config collectors.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import { isXmlConfigPath, readXmlConfig } from './values.js';
import { factsFromEntries, type ConfigEntry } from './entries.js';
import { perFile } from './per-file.js';
import type { Collector } from '../types.js';

export const webConfigCollector: Collector = {
  name: 'dotnet-xml-config',
  appliesTo: (f: DiscoveredFile) => f.kind !== 'doc' && isXmlConfigPath(f.path),
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      if (!text.includes('<')) return;
      const xml = readXmlConfig(file.path, text);
      const entries: ConfigEntry[] = [];
      for (const v of xml.appSettings) entries.push({ key: v.key, value: v.value, line: v.line, ...(v.column ? { column: v.column } : {}), source: 'config', group: 'appSettings' });
      for (const v of xml.connectionStrings) {
        entries.push({ key: `connectionStrings:${v.key}`, value: v.value, line: v.line, ...(v.column ? { column: v.column } : {}), source: 'config', group: 'connectionStrings' });
      }
      const seen = new Set<string>();
      for (const v of xml.endpoints) {
        const k = `${v.line}:${v.column ?? 0}`;
        if (seen.has(k)) continue;
        seen.add(k);
        entries.push({ key: `endpoint:${v.key}`, value: v.value, line: v.line, ...(v.column ? { column: v.column } : {}), source: 'config', group: 'endpoints' });
      }
      factsFromEntries(file.path, entries, ctx.settings, undefined, 'colon', out);
    });
  },
};
