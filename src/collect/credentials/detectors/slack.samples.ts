/** Samples of `./slack.ts` (synthetic). */
import { DIGITS, UPPER_ALNUM, fake } from './fake.js';
import type { SampleSet } from './types.js';

export const samples: SampleSet = {
  'slack-token': {
    positives: [{ text: `const value = 'xoxb-${fake(11, 5, DIGITS)}-${fake(13, 6, DIGITS)}-${fake(24, 7)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: 'SLACK_TOKEN=xoxb-your-token-here\n' }],
  },
  'slack-app-token': {
    positives: [{ text: `SLACK_APP_TOKEN=xapp-1-A${fake(10, 28, UPPER_ALNUM)}-${fake(13, 29, DIGITS)}-${fake(40, 30)}\n` }],
    negatives: [{ text: 'SLACK_APP_TOKEN=xapp-1-XXXXXXXX\n' }],
  },
  'slack-webhook': {
    positives: [{ text: `webhook: https://hooks.slack.com/services/T${fake(8, 8, UPPER_ALNUM)}/B${fake(10, 9, UPPER_ALNUM)}/${fake(24, 10)}\n` }],
    negatives: [{ text: 'webhook: https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX\n' }],
  },
};
