/**
 * Plain-text scan of every file except docs (`doc` kind: markdown, `.env.example`…),
 * source files included, for secrets recognisable by shape alone: PEM private keys,
 * JWTs, `scheme://user:pass@host` URLs, connection strings with a password. Source `text`.
 * Structured collectors report the same secrets more precisely; the pipeline's
 * `dedupeCredentials` keeps theirs.
 */
import type { DiscoveredFile } from '../discover/types.js';
import { detectKnownFormats, perFile } from './secrets.js';
import type { Collector } from './types.js';

export const textCollector: Collector = {
  name: 'text',
  appliesTo: (f: DiscoveredFile) => f.kind !== 'doc',
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      out.credentials.push(...detectKnownFormats(text, file.path, 'text'));
    });
  },
};
