/** Samples of `./cloud.ts` (synthetic). */
import { UPPER_B32, fake } from './fake.js';
import type { SampleSet } from './types.js';

const keyId = `AKIA${fake(16, 12, UPPER_B32)}`;
const secret40 = fake(40, 31);
const b64 = (n: number, seed: number): string => fake(n, seed, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

export const samples: SampleSet = {
  'aws-access-key-id': {
    positives: [{ text: `aws_access_key_id = ${keyId}\n`, file: 'credentials' }],
    negatives: [{ text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n', file: 'credentials', note: 'the AWS documentation sample' }],
  },
  'aws-secret-access-key': {
    positives: [{ text: `aws_secret_access_key = ${secret40}\n`, file: 'credentials', secret: secret40, key: 'secret_access_key' }],
    negatives: [
      { text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', file: 'credentials', note: 'the AWS documentation sample' },
      { text: `AWS_SECRET_ACCESS_KEY = ${fake(54, 32)}==\n`, file: 'input', note: 'a longer (encrypted) blob is not an AWS secret' },
    ],
  },
  'aws-secret-near-key-id': {
    positives: [{ text: `id: ${keyId}\nkey: ${secret40}\n`, file: 'notes.cfg', secret: secret40 }],
    negatives: [{ text: `id: ${keyId}\n\n\n\n\nkey: ${secret40}\n`, file: 'notes.cfg', othersMayMatch: true, note: 'more than three lines away' }],
  },
  'gcp-api-key': {
    positives: [{ text: `const value = 'AIza${fake(35, 13)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: 'maps: AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n' }],
  },
  'gcp-oauth-client-secret': {
    positives: [{ text: `client_secret: GOCSPX-${fake(28, 41)}\n` }],
    negatives: [{ text: `client_secret: GOCSPX-${fake(12, 41)}\n`, note: 'too short' }],
  },
  'azure-storage-account-key': {
    positives: [{ text: `"Storage": "DefaultEndpointsProtocol=https;AccountName=dvc;AccountKey=${b64(86, 42)}==;EndpointSuffix=core.windows.net"\n` }],
    negatives: [{ text: '"Storage": "DefaultEndpointsProtocol=https;AccountName=dvc;AccountKey=<key>;EndpointSuffix=core.windows.net"\n' }],
  },
  'azure-shared-access-key': {
    positives: [{ text: `Endpoint=sb://dvc.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${b64(43, 43)}=\n` }],
    negatives: [{ text: 'Endpoint=sb://dvc.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SB_KEY}\n' }],
  },
  'azure-sas-token': {
    positives: [{ text: `url: https://dvc.blob.core.windows.net/docs?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${b64(44, 44)}%3D\n` }],
    negatives: [{ text: `note: the value after sig=${b64(44, 44)} is a signature\n`, note: 'no SAS query around it' }],
  },
  'azure-ad-client-secret': {
    positives: [{ text: `const value = 'abc8Q~${fake(34, 21)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: 'tenant: abc8Q~short\n', note: 'too short' }],
  },
};
