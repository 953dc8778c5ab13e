// `npm run test:adversarial`: hostile trees for every case of issue 10 and property-based
// tests (test/adversarial/). Promises are asserted, never times: `npm run bench -- --hostile`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/adversarial/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
