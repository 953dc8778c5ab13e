/** Samples of `./crypto.ts` (synthetic). */
import { HEX, fake } from './fake.js';
import type { SampleSet } from './types.js';

export const samples: SampleSet = {
  'secp256k1-private-key': {
    positives: [{ text: `wallet:\n  signer_private_key: "0x${fake(64, 31, HEX)}"\n` }],
    negatives: [
      { text: `const tx = "0x${fake(64, 32, HEX)}";\n`, file: 'src/a.ts', note: 'a hash: no key/wallet word around it' },
      { text: `private_key: "0x${'f'.repeat(64)}"\n`, note: 'not below the curve order' },
    ],
  },
};
