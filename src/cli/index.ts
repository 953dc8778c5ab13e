import { main } from './program.js';

// A reader that stops early (`dancu-guard rules | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dancu-guard: internal error: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
