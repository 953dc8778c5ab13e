/**
 * The loop every file-by-file collector runs (the config collectors, the plain-text
 * scan): read each file, hand its text to the collector's function, and turn what goes
 * wrong into diagnostics, so that a collector never throws.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { CollectedFacts, CredentialFact, DiagnosticFact, EndpointFact, TlsSettingFact } from '../../facts/types.js';
import type { CollectContext } from '../types.js';

/** A parse-error diagnostic. The message must not quote the file's content. */
export function parseError(file: string, line: number, message: string, column?: number): DiagnosticFact {
  const d: DiagnosticFact = { file, line: Math.max(1, line), kind: 'parse-error', message };
  if (column !== undefined) d.column = column;
  return d;
}

/** What a per-file collector function adds to. */
export type PerFileFacts = Required<Pick<CollectedFacts, 'credentials' | 'endpoints' | 'tlsSettings' | 'diagnostics'>>;

/**
 * Run `fn` over each file's text and merge the facts; a missing text yields an
 * `unreadable` diagnostic, a throw yields a `not-analysed` at line 1 (collectors never throw).
 */
export function perFile(files: readonly DiscoveredFile[], ctx: CollectContext, fn: (file: DiscoveredFile, text: string, out: PerFileFacts) => void): CollectedFacts {
  const out = { credentials: [] as CredentialFact[], endpoints: [] as EndpointFact[], tlsSettings: [] as TlsSettingFact[], diagnostics: [] as DiagnosticFact[] };
  for (const file of files) {
    ctx.onFile?.(file.path);
    let text: string | undefined;
    try {
      text = ctx.readText(file.path);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      out.diagnostics.push({ file: file.path, line: 1, kind: 'unreadable', message: 'file could not be read as text' });
      continue;
    }
    try {
      fn(file, text, out);
    } catch (err) {
      // The collector gave up: its facts for this file are missing, so it fails closed.
      out.diagnostics.push({ file: file.path, line: 1, kind: 'not-analysed', message: `internal: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` });
    }
  }
  return out;
}
