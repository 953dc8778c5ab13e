/**
 * Entry point of the GitHub Action (bundled to dist-action/index.mjs by
 * scripts/build-action.mjs; action.yml runs it with the runner's Node).
 */
import { workflowCommand } from './runner.js';
import { runAction } from './run.js';

runAction().then(
  (result) => {
    process.exitCode = result.exitCode;
  },
  (err: unknown) => {
    process.stdout.write(
      `${workflowCommand('error', undefined, `dancu-guard: internal error: ${(err as Error)?.stack ?? String(err)}`)}\n`,
    );
    process.exitCode = 2;
  },
);
