import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The adversarial suite (issue 10) runs on its own: `npm run test:adversarial`
    // (vitest.adversarial.config.ts), a step of its own in .ci/run.
    exclude: [...configDefaults.exclude, 'test/adversarial/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
