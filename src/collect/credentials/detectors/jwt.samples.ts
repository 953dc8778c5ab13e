/** Samples of `./jwt.ts` (synthetic). */
import type { SampleSet } from './types.js';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const header = b64url('{"alg":"HS256","typ":"JWT"}');

export const samples: SampleSet = {
  jwt: {
    positives: [{ text: `SESSION=${header}.${b64url('{"sub":"000000000000","name":"Nguyen Van A","iat":0}')}.${b64url('fake-signature-for-tests-only')}\n` }],
    negatives: [
      {
        text: 'token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n',
        note: 'the jwt.io documentation sample',
      },
      { text: `x: eyJ${'a'.repeat(20)}.eyJ${'b'.repeat(20)}.c\n`, note: 'header does not decode to a JOSE header' },
    ],
  },
};
