import { main } from './program.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dancu-guard: internal error: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
