import { detectLang } from '../report/i18n.js';
import { exitOnOutputError } from '../util/output.js';
import { main } from './program.js';

// EPIPE/ENOSPC on stdout: a message and exit 2, never a silent or misleading exit.
exitOnOutputError(process.stdout, undefined, detectLang(process.argv.slice(2)));

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dancu-guard: internal error: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
