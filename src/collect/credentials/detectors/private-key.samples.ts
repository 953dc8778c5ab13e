/** Samples of `./private-key.ts` (synthetic). */
import { fake } from './fake.js';
import type { DetectorSample, SampleSet } from './types.js';

/** Key-like material: varied bytes, not readable text. */
const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 97 + 13) % 256)).toString('base64');
const pem = (label: string, body = bytes): string => `x\n-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const readable = Buffer.from(fake(300, 33)).toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';

const flavours = ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PRIVATE KEY', 'PGP PRIVATE KEY BLOCK'];

export const samples: SampleSet = {
  'pem-private-key': {
    positives: [
      ...flavours.map((label): DetectorSample => ({ text: pem(label), file: 'k.pem', note: label })),
      { text: `{"private_key": "${pem('PRIVATE KEY').replace(/\n/g, '\\n')}"}\n`, file: 'sa.json', note: 'JSON string with \\n escapes' },
    ],
    negatives: [
      ...['...', 'xxx', '***', Buffer.from('abcdefghijklmnopqrstuvwxyz').toString('base64'), readable].map(
        (body): DetectorSample => ({ text: pem('PRIVATE KEY', body), file: 'k.pem', note: 'placeholder body' }),
      ),
      ...['PUBLIC KEY', 'CERTIFICATE', 'RSA PUBLIC KEY'].map((label): DetectorSample => ({ text: pem(label), file: 'k.pem', note: 'public material' })),
    ],
  },
  'putty-private-key': {
    positives: [
      {
        text: `PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: dvc\nPublic-Lines: 1\nAAAAB3NzaC1yc2E\nPrivate-Lines: 2\n${bytes.slice(0, 64)}\n${bytes.slice(64, 128)}\nPrivate-MAC: 00\n`,
        file: 'dvc.ppk',
      },
    ],
    negatives: [{ text: 'PuTTY-User-Key-File-3: ssh-rsa\nPrivate-Lines: 1\nAAAA\n', file: 'dvc.ppk', note: 'no key body' }],
  },
};
