/**
 * Plain-text scan of every file except docs (`doc` kind: markdown, `.env.example`…),
 * source files included, with every secret detector (`./detectors/`, see `DETECTORS`):
 * private keys, JWTs, cloud / source-hosting / chat / AI / SaaS tokens (kind `token`),
 * URLs and connection strings with passwords, literal Authorization headers, and
 * literals bound to credential names in any syntax. Source `text`.
 *
 * A keyword prefilter (one Aho–Corasick pass) decides which detectors run, so a file
 * without any detector keyword costs one pass and no regex. Vendored code and built
 * bundles (their role, discover/roles.ts) get the known-format detectors only: a name
 * next to a literal in a minified library says nothing, a live token there still does. The file's path decides
 * whether unquoted values are literals (config) or expressions (code). Structured
 * collectors report the same secrets more precisely; the pipeline's `dedupeCredentials`
 * keeps theirs (same line or same value in the file).
 */
import type { DiscoveredFile } from '../../discover/types.js';
import { perFile } from '../config/per-file.js';
import { detectKnownFormats } from './candidates.js';
import type { Collector } from '../types.js';
import { append } from '../../util/arrays.js';

export const textCollector: Collector = {
  name: 'text',
  appliesTo: (f: DiscoveredFile) => f.kind !== 'doc',
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      const formatsOnly = file.role === 'vendored' || file.role === 'bundle';
      append(out.credentials, detectKnownFormats(text, file.path, 'text', { formatsOnly }));
    });
  },
};
