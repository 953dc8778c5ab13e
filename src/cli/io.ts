/**
 * What the CLI says besides the report, on stderr, in the language chosen: notes (quiet
 * under --quiet), warnings and errors (always).
 */
import { tr, type Lang } from '../report/i18n.js';
import { describeError, type Message } from '../util/errors.js';

export interface Notifier {
  note(text: string): void;
  /** A warning: text already in the language, or a message of a lower layer (rendered here). */
  warn(text: string | Message): void;
}

export function notifier(lang: Lang, quiet = false): Notifier {
  return {
    note(text) {
      if (!quiet) process.stderr.write(`dancu-guard: ${text}\n`);
    },
    warn(text) {
      process.stderr.write(`dancu-guard: ${tr(lang, 'cli.warning')}: ${describeError(text, lang)}\n`);
    },
  };
}
