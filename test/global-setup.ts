// Build the CLI bundle once before the suite, so end-to-end tests run what users run,
// built from the current sources. The recorded hash is left alone, so a stale committed
// dist/ is still caught by test/cli/dist.test.ts.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--bundle-only'], { stdio: 'inherit' });
}
