/**
 * What every config collector (YAML, `.env`, `.properties`, JSON, Dockerfile, .NET XML
 * config) turns its key/values into: `ConfigEntry`s, then facts through one function,
 * `factsFromEntries` — a credential candidate per entry that classifies as one, an
 * endpoint per URL in a value, a TLS setting per verification switch turned off.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { ConfigFormat, CredentialFact, CredentialSource, EndpointFact, TlsSettingFact } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import { candidateFromValue, redactEndpoint, type CandidateArgs } from '../credentials/candidates.js';
import type { Collector } from '../types.js';
import { parentKey } from './keys.js';
import { parseError, perFile } from './per-file.js';
import { tlsSwitchesIn, turnsTlsOff } from './tls.js';

/** One key/value read from a config file or manifest. */
export interface ConfigEntry {
  /** Reported key: a flattened path (`dancu.api.password`, `C06:SecretKey`) or a variable name. */
  key: string;
  value: string;
  line: number;
  column?: number;
  source: CredentialSource;
  /** Every value is secret by nature (Kubernetes Secret data). */
  forceSensitive?: boolean;
  /** The value was base64 in the file and has been decoded. */
  decoded?: boolean;
  /**
   * Set when the value's lines map one to one onto the file's (a YAML `|` block): the
   * line its first content line sits on. Endpoints and TLS switches inside a multi-line
   * value then get their own line; otherwise every fact of the entry is at `line`.
   */
  contentLine?: number;
  /** Entries with the same group are siblings (same parent map); defaults to the key's parent path. */
  group?: string;
}

/** One key/value as a line-oriented parser (dotenv, properties, Dockerfile) read it. */
export interface ParsedKV {
  key: string;
  value: string;
  line: number;
  column?: number;
}

export interface ParseProblem {
  line: number;
  column?: number;
  message: string;
}

export interface EntryFacts {
  credentials: CredentialFact[];
  endpoints: EndpointFact[];
  tlsSettings: TlsSettingFact[];
}

const URL_IN_VALUE = /https?:\/\/(?:\$\{[^}\s]*\}|\{\{[^}]*\}\}|[^\s"'`<>\\)\]},;|{])+/gi;

function lineWithin(entry: ConfigEntry, value: string, index: number): number {
  if (entry.contentLine === undefined) return entry.line;
  let n = 0;
  for (let i = value.indexOf('\n'); i >= 0 && i < index; i = value.indexOf('\n', i + 1)) n++;
  return entry.contentLine + n;
}

/**
 * Turn config entries into facts: a credential candidate per entry that classifies as
 * one; an endpoint per `http(s)://` URL in a value (password and sensitive query values
 * masked); a TLS setting per verification switch turned off (see `./tls.ts`). `style`
 * shapes the TLS `setting` text (`KEY=value` or `key: value`).
 */
export function factsFromEntries(
  file: string,
  entries: readonly ConfigEntry[],
  settings: Settings,
  format: ConfigFormat | undefined,
  style: 'equals' | 'colon',
  out: EntryFacts = { credentials: [], endpoints: [], tlsSettings: [] },
): EntryFacts {
  const urlGroups = new Set<string>();
  for (const e of entries) if (/^\s*https?:\/\//i.test(e.value)) urlGroups.add(e.group ?? parentKey(e.key));

  for (const e of entries) {
    const cand: CandidateArgs = { file, line: e.line, source: e.source, key: e.key, value: e.value, settings };
    if (e.column !== undefined) cand.column = e.column;
    if (e.forceSensitive) cand.forceSensitive = true;
    if (e.decoded !== undefined) cand.decoded = e.decoded;
    const fact = candidateFromValue(cand);
    if (fact) out.credentials.push(fact);

    if (e.value.includes('://')) {
      URL_IN_VALUE.lastIndex = 0;
      for (const m of e.value.matchAll(URL_IN_VALUE)) {
        const ep: EndpointFact = { file, line: lineWithin(e, e.value, m.index), key: e.key, url: redactEndpoint(m[0]), source: e.source };
        if (e.contentLine === undefined && e.column !== undefined) ep.column = e.column;
        out.endpoints.push(ep);
      }
    }

    if (turnsTlsOff(e.key, e.value, urlGroups.has(e.group ?? parentKey(e.key)))) {
      const t: TlsSettingFact = {
        file,
        line: e.line,
        setting: style === 'equals' ? `${e.key}=${e.value.trim()}` : `${e.key}: ${e.value.trim()}`,
      };
      if (e.column !== undefined) t.column = e.column;
      if (format) t.format = format;
      out.tlsSettings.push(t);
    }
    for (const s of tlsSwitchesIn(e.value)) {
      const t: TlsSettingFact = { file, line: lineWithin(e, e.value, s.index), setting: s.setting };
      if (e.contentLine === undefined && e.column !== undefined) t.column = e.column;
      if (format) t.format = format;
      out.tlsSettings.push(t);
    }
  }
  return out;
}

/** The source (and sibling group) a line-oriented format gives the entries of a file. */
type EntryOrigin = Pick<ConfigEntry, 'source' | 'group'>;

/**
 * The collector of a line-oriented format (dotenv, properties, Dockerfile): parse
 * problems become diagnostics, entries facts (`KEY=value` style). By default it applies
 * to the files of format `name` that are not docs.
 */
export function lineFormatCollector(
  name: ConfigFormat,
  parse: (text: string) => { entries: ParsedKV[]; problems: ParseProblem[] },
  origin: (file: DiscoveredFile) => EntryOrigin,
  appliesTo: (file: DiscoveredFile) => boolean = (f) => f.kind !== 'doc' && f.format === name,
): Collector {
  return {
    name,
    appliesTo,
    collect(files, ctx) {
      return perFile(files, ctx, (file, text, out) => {
        const { entries, problems } = parse(text);
        for (const p of problems) out.diagnostics.push(parseError(file.path, p.line, p.message, p.column));
        const extra = origin(file);
        const ce: ConfigEntry[] = entries.map((e) => ({ ...e, ...extra }));
        factsFromEntries(file.path, ce, ctx.settings, file.format, 'equals', out);
      });
    },
  };
}
