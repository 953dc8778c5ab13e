/**
 * Skipped files that must not pass silently. A file whose name says it is source, config
 * or a deployment manifest but that discovery could not check (undecodable, unreadable,
 * oversized, binary content) becomes a diagnostic fact, and so a finding (DG-CFG-004):
 * otherwise a lookup tool could hide in a file the scanner passes over. Documents,
 * images and other files stay counted only.
 */
import type { DiagnosticFact } from '../facts/types.js';
import { decodeWith } from './decode.js';
import { skippedFileRole } from './roles.js';
import type { DiscoveredFile, SkippedFile } from './types.js';

/** Generated lock files: large by nature, never code; not worth a finding when oversized. */
const LOCK_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'composer.lock']);

const KIND: Readonly<Record<SkippedFile['reason'], DiagnosticFact['kind'] | undefined>> = {
  binary: 'skipped-binary',
  oversized: 'skipped-size',
  'non-utf8': 'skipped-encoding',
  unreadable: 'unreadable',
  'link-outside-root': undefined,
};

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function message(s: SkippedFile): string {
  switch (s.reason) {
    case 'binary':
      return 'binary content (NUL or control bytes) in a file named as source or config';
    case 'oversized':
      return s.size !== undefined ? `larger than the size limit (${mib(s.size)})` : 'larger than the size limit';
    case 'non-utf8':
      return s.detail ?? 'the text encoding could not be decoded';
    default:
      return s.directory ? 'directory could not be read; nothing below it was checked' : 'could not be read';
  }
}

/** The diagnostic a skipped entry deserves, or undefined when it may be skipped silently. */
export function skippedDiagnostic(s: SkippedFile): DiagnosticFact | undefined {
  const kind = KIND[s.reason];
  if (kind === undefined) return undefined;
  if (!s.directory) {
    if (s.kind !== 'source' && s.kind !== 'config' && s.kind !== 'manifest') return undefined;
    const base = s.path.slice(s.path.lastIndexOf('/') + 1).toLowerCase();
    if (s.reason === 'oversized' && LOCK_FILES.has(base)) return undefined;
  }
  const d: DiagnosticFact = { file: s.path, line: 1, kind, message: message(s) };
  // Policy weighs a file it could not check by its role (a vendored library, a built bundle).
  const role = s.directory ? undefined : skippedFileRole(s.path, s.kind, s.reason === 'oversized');
  if (role !== undefined) d.role = role;
  return d;
}

/** Diagnostics for every skipped entry that must not pass silently, in path order. */
export function skippedDiagnostics(skipped: readonly SkippedFile[]): DiagnosticFact[] {
  const out: DiagnosticFact[] = [];
  for (const s of skipped) {
    const d = skippedDiagnostic(s);
    if (d) out.push(d);
  }
  return out;
}

/**
 * The text of a discovered file as collectors should see it: decoded with its encoding,
 * without a byte-order mark, stray NUL characters replaced by spaces (offsets kept).
 */
export function decodeText(file: Pick<DiscoveredFile, 'encoding' | 'hasNul'>, bytes: Buffer): string {
  let text = decodeWith(bytes, file.encoding ?? 'utf-8');
  if (file.hasNul) text = text.replace(/\0/g, ' ');
  return text;
}
