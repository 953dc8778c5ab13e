/**
 * Capture what a command writes to stdout and stderr during each test of the calling
 * `describe` block (registers its own beforeEach/afterEach).
 */
import { afterEach, beforeEach, vi } from 'vitest';

export interface Captured {
  out: string;
  err: string;
}

export function captureOutput(): Captured {
  const c: Captured = { out: '', err: '' };
  beforeEach(() => {
    c.out = '';
    c.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((c.out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((c.err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return c;
}
