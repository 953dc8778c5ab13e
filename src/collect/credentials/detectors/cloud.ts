/**
 * Cloud providers: AWS access key ids and secret access keys (named, or next to a key id),
 * Google API keys and OAuth client secrets, Azure storage account keys, Service Bus /
 * Event Hubs shared access keys, SAS tokens and Entra ID (Azure AD) client secrets.
 * GCP service-account JSON private keys are PEM blocks (see `private-key.ts`).
 */
import { shannonEntropy } from '../../../util/redact.js';
import { tokenIsReal } from '../values.js';
import { tokenDetector, type TokenSpec } from './token.js';
import { lineAt, type Detector, type RawMatch } from './types.js';

// ---------------------------------------------------------------------------
// AWS

const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Za-z0-9])/;

export const awsAccessKeyId = tokenDetector({
  id: 'aws-access-key-id',
  family: 'aws',
  description: 'AWS access key id (AKIA…, ASIA… temporary); the AWS documentation sample (…EXAMPLE) is ignored',
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
  pattern: AWS_KEY_ID,
});

/** Names that hold an AWS secret access key: only a 40-character value under them is one. */
export const AWS_SECRET_NAME = /secret[-_.]?access[-_.]?key|aws[-_.]?secret/i;

const AWS_SECRET_NAMED =
  /(?:secret[-_.]?access[-_.]?key|aws[-_.]?secret(?:[-_.]?key)?)["'`\]]*\s*(?:=>|:=|=|:|,)\s*["'`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i;
const B64_40 = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function realAwsSecret(s: string): boolean {
  return tokenIsReal(s) && /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && shannonEntropy(s) >= 4.0;
}

export const awsSecretAccessKey = tokenDetector({
  id: 'aws-secret-access-key',
  family: 'aws',
  description: 'AWS secret access key: a 40-character value under an aws_secret_access_key-like name',
  keywords: ['secret_access', 'secretaccess', 'secret-access', 'secret.access', 'aws_secret', 'aws-secret', 'awssecret', 'aws.secret'],
  anchored: false,
  pattern: AWS_SECRET_NAMED,
  group: 1,
  validate: (s) => shannonEntropy(s) >= 3.5,
  refine: (_s, m) => {
    const name = /^[^"'`\]\s=:,]+/.exec(m[0])?.[0];
    return name ? { key: name } : undefined;
  },
});

/** A 40-character secret within three lines of an access key id is its secret access key. */
export const awsSecretNearKeyId: Detector = {
  id: 'aws-secret-near-key-id',
  family: 'aws',
  description: 'AWS secret access key written next to an access key id (same or neighbouring lines)',
  kind: 'token',
  keywords: ['akia', 'asia'],
  *find({ text, hits }): Iterable<RawMatch> {
    const idRe = new RegExp(AWS_KEY_ID.source, 'y');
    let lastEnd = -1;
    for (const at of hits) {
      idRe.lastIndex = at;
      if (!idRe.test(text)) continue;
      // Window: three lines before and after.
      let from = lineAt(text, at).start;
      for (let i = 0; i < 3 && from > 0; i++) from = lineAt(text, from - 1).start;
      let to = lineAt(text, at).end;
      for (let i = 0; i < 3 && to < text.length; i++) to = lineAt(text, to + 1).end;
      from = Math.max(from, lastEnd);
      B64_40.lastIndex = 0;
      for (const m of text.slice(from, to).matchAll(B64_40)) {
        if (!realAwsSecret(m[0])) continue;
        const start = from + m.index;
        yield { index: start, secret: m[0], start, end: start + 40 };
      }
      lastEnd = to;
    }
  },
};

// ---------------------------------------------------------------------------
// Google Cloud

export const gcpApiKey = tokenDetector({
  id: 'gcp-api-key',
  family: 'gcp',
  description: 'Google API key (AIza…)',
  keywords: ['aiza'],
  pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/,
  bodyFrom: 4,
});

export const gcpOauthClientSecret = tokenDetector({
  id: 'gcp-oauth-client-secret',
  family: 'gcp',
  description: 'Google OAuth client secret (GOCSPX-…)',
  keywords: ['gocspx-'],
  pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
  bodyFrom: 7,
});

// ---------------------------------------------------------------------------
// Azure

/** A key inside a connection string (`AccountKey=…`, `SharedAccessKey=…`). */
const connectionKey = (spec: Pick<TokenSpec, 'id' | 'description' | 'keywords' | 'pattern'>): Detector =>
  tokenDetector({ ...spec, family: 'azure', kind: 'connection-string', anchored: false, group: 1 });

export const azureStorageAccountKey = connectionKey({
  id: 'azure-storage-account-key',
  description: 'Azure storage account key in a connection string (AccountKey=…)',
  keywords: ['accountkey='],
  pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/i,
});

export const azureSharedAccessKey = connectionKey({
  id: 'azure-shared-access-key',
  description: 'Azure Service Bus / Event Hubs / IoT Hub shared access key in a connection string (SharedAccessKey=…)',
  keywords: ['sharedaccesskey='],
  pattern: /SharedAccessKey=([A-Za-z0-9+/]{42,43}=)(?![A-Za-z0-9+/=])/i,
});

export const azureSasToken = tokenDetector({
  id: 'azure-sas-token',
  family: 'azure',
  description: 'Azure shared access signature (sv=…&sig=…) in a URL or connection string',
  keywords: ['sig='],
  pattern: /sig=([A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})/i,
  group: 1,
  validate(_sig, m, { text }) {
    const prev = text[m.index - 1];
    if (prev !== '?' && prev !== '&' && prev !== ';') return false;
    const { start } = lineAt(text, m.index);
    const before = text.slice(Math.max(start, m.index - 600), m.index);
    return /\bsv=\d{4}-\d{2}-\d{2}\b/.test(before) && /\b(?:se|sp|srt|ss|sr|spr)=/.test(before);
  },
});

export const azureAdClientSecret = tokenDetector({
  id: 'azure-ad-client-secret',
  family: 'azure',
  description: 'Microsoft Entra ID (Azure AD) application client secret (…Q~…)',
  keywords: ['q~'],
  anchored: false,
  pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/,
  validate: (s) => shannonEntropy(s) >= 3.5,
});

export const cloudDetectors: readonly Detector[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSecretNearKeyId,
  gcpApiKey,
  gcpOauthClientSecret,
  azureStorageAccountKey,
  azureSharedAccessKey,
  azureSasToken,
  azureAdClientSecret,
];
