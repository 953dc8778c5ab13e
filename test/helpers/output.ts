/**
 * Capture what a command writes to stdout and stderr, per test (vitest spies installed in
 * `beforeEach`, restored in `afterEach`). Call at the top of a `describe`.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function captureOutput(): { out: string; err: string } {
  const captured = { out: '', err: '' };
  beforeEach(() => {
    captured.out = '';
    captured.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((captured.out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((captured.err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
