/** Samples of `./npm.ts` (synthetic). */
import { b64, fake } from './fake.js';
import type { SampleSet } from './types.js';

export const samples: SampleSet = {
  'npm-access-token': {
    positives: [{ text: `const value = 'npm_${fake(36, 11)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: 'NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' }],
  },
  'npmrc-auth': {
    positives: [
      { text: `//registry.tinh-mau.gov.vn/:_authToken=${fake(32, 33)}\n`, file: '.npmrc', key: '_authToken' },
      { text: `_auth=${b64(`dvc:${fake(12, 34)}`)}\n`, file: '.npmrc', kind: 'base64-userpass', key: '_auth' },
      { text: `//registry.tinh-mau.gov.vn/:_password=${fake(16, 35)}\n`, file: '.npmrc', kind: 'named-literal', key: '_password' },
    ],
    negatives: [
      { text: '//registry.tinh-mau.gov.vn/:_authToken=${NPM_TOKEN}\n', file: '.npmrc' },
      { text: 'my_auth=abcdefgh\n', file: '.npmrc', note: 'not an npmrc key: `_auth` glued to a word' },
    ],
  },
};
