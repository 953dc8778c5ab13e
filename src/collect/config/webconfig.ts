/**
 * .NET Framework XML config (`Web.config`, `App.config`, `Web.Release.config`…), read
 * by `./xml.ts`: `<appSettings>` entries and `<applicationSettings>` values,
 * `<connectionStrings>`, and WCF `<client><endpoint address>` become credential
 * candidates, endpoints and TLS switches through the shared `factsFromEntries` (source
 * `config`), like the other config collectors. An XML file that is not well-formed
 * also yields a `parse-error` diagnostic at its first error.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import { isXmlConfigPath, readXmlConfig } from './xml.js';
import { factsFromEntries, type ConfigEntry } from './entries.js';
import { parseError, perFile } from './per-file.js';
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
      // A file that does not start as XML is some other tool's `.config`: no verdict on its syntax.
      if (xml.error && /^\uFEFF?\s*</.test(text)) out.diagnostics.push(parseError(file.path, xml.error.line, xml.error.message, xml.error.column));
    });
  },
};
