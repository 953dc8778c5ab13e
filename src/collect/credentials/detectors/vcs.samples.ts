/** Samples of `./vcs.ts` (synthetic). */
import { fake } from './fake.js';
import type { SampleSet } from './types.js';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export const samples: SampleSet = {
  'github-token': {
    positives: [
      { text: `const value = 'ghp_${fake(36, 1)}';\n`, file: 'src/a.ts' },
      { text: `oauth: gho_${fake(36, 36)}\n` },
    ],
    negatives: [
      { text: `ghp_${'x'.repeat(36)}\n`, note: 'placeholder' },
      { text: `xghp_${fake(36, 40)}\n`, note: 'prefix glued to a word' },
    ],
  },
  'github-app-installation-token': {
    positives: [{ text: `token: ghs_12345_${b64url('{"alg":"RS256"}')}.${b64url('{"iss":"1"}')}.${fake(20, 37)}\n` }],
    negatives: [{ text: 'app: ghs_12345_eyJxxx\n', note: 'truncated' }],
  },
  'github-fine-grained-pat': {
    positives: [{ text: `GH_PAT=github_pat_${fake(22, 2)}_${fake(59, 3)}\n` }],
    negatives: [{ text: `GH_PAT=github_pat_${fake(22, 2)}_${fake(20, 3)}\n`, note: 'too short' }],
  },
  'gitlab-token': {
    positives: [
      { text: `token: glpat-${fake(20, 4)}\n` },
      { text: `runner: glrt-${fake(20, 38)}\n` },
    ],
    negatives: [{ text: 'token: glpat-abc\n', note: 'too short' }],
  },
  'gitlab-runner-registration-token': {
    positives: [{ text: `registration-token: GR1348941${fake(20, 39)}\n` }],
    negatives: [{ text: 'registration-token: GR1348941xxxxxxxxxxxxxxxxxxxx\n', note: 'placeholder body' }],
  },
};
