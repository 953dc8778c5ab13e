/**
 * A report that cannot be written is not a pass. When standard output fails — the
 * reader closed the pipe (`dancu-guard scan | head`, EPIPE) or the disk is full
 * (`> report.json` on a full volume, ENOSPC) — the process says so on standard error
 * and exits 2, instead of dying with an unhandled 'error' event (exit 1, which CI reads
 * as "findings") or, worse, leaving a truncated report and exit 0.
 */
import type { Writable } from 'node:stream';

/** Exit code for an output that could not be written (the same as any other I/O or usage error). */
export const OUTPUT_ERROR_EXIT = 2;

function reason(err: NodeJS.ErrnoException): string {
  if (err.code === 'EPIPE') return 'the reader closed the pipe before the report was written';
  if (err.code === 'ENOSPC') return 'no space left on the device';
  return err.message;
}

/** On a write error on `stream`, print why on standard error and exit 2. */
export function exitOnOutputError(stream: Writable = process.stdout, name = 'standard output'): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    try {
      process.stderr.write(`dancu-guard: cannot write the report to ${name}: ${reason(err)} (${err.code ?? 'error'})\n`);
    } catch {
      // standard error is gone too: the exit code still says it
    }
    process.exit(OUTPUT_ERROR_EXIT);
  });
}
