import { translateProgress, type Lang } from '../report/i18n.js';

/**
 * Progress on long scans, only when both stdout and stderr are terminals (never in CI
 * logs or when the report is piped). Written to stderr and erased when done.
 */
export interface Progress {
  update: (status: string) => void;
  done: () => void;
}

export function progressReporter(enabled: boolean, lang: Lang = 'en'): Progress {
  const active = enabled && process.stderr.isTTY === true && process.stdout.isTTY === true && !process.env.CI;
  if (!active) return { update: () => {}, done: () => {} };
  let shown = false;
  return {
    update(status) {
      process.stderr.write(`\r\x1b[2K${translateProgress(status, lang)}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
