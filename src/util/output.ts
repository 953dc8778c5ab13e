/**
 * A report that cannot be written is not a pass. When standard output fails — the
 * reader closed the pipe (`dancu-guard scan | head`, EPIPE) or the disk is full
 * (`> report.json` on a full volume, ENOSPC) — the process says so on standard error
 * and exits 2, instead of dying with an unhandled 'error' event (exit 1, which CI reads
 * as "findings") or, worse, leaving a truncated report and exit 0.
 */
import type { Writable } from 'node:stream';
import { msg, type Message } from './errors.js';

/** Exit code for an output that could not be written (the same as any other I/O or usage error). */
export const OUTPUT_ERROR_EXIT = 2;

function reason(err: NodeJS.ErrnoException): Message | string {
  if (err.code === 'EPIPE') return msg('output.epipe');
  if (err.code === 'ENOSPC') return msg('output.enospc');
  return err.message;
}

/** On a write error on `stream`, print why on standard error (in `lang`) and exit 2. */
export function exitOnOutputError(stream: Writable = process.stdout, name: string | Message = msg('noun.stdout'), lang: 'en' | 'vi' = 'en'): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    try {
      const text = msg('output.cannotWrite', { name, reason: reason(err), code: err.code ?? 'error' }).render(lang);
      process.stderr.write(`dancu-guard: ${text}\n`);
    } catch {
      // standard error is gone too: the exit code still says it
    }
    process.exit(OUTPUT_ERROR_EXIT);
  });
}
