/** Samples of `./vault.ts` (synthetic). */
import { fake } from './fake.js';
import type { SampleSet } from './types.js';

export const samples: SampleSet = {
  'vault-token': {
    positives: [{ text: `VAULT_TOKEN=hvs.${fake(92, 19)}\n` }],
    negatives: [{ text: `vault: hvs.${fake(40, 19)}\n`, note: 'too short' }],
  },
};
