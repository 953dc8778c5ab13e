/** Where things are, for tests at any depth under test/. */
import { join, resolve } from 'node:path';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '..', '..');
export const EXAMPLES = join(REPO, 'examples');
export const FIXTURES = join(REPO, 'test', 'fixtures');
/** The CLI as users run it (built by test/global-setup.ts). */
export const BIN = join(REPO, 'bin', 'dancu-guard.js');
