/**
 * JSON Web Tokens: `eyJ<header>.eyJ<payload>.<signature>` whose header decodes to a JSON
 * object naming an algorithm. The jwt.io sample token is documentation, not a credential.
 */
import { regexDetector } from './types.js';

function b64urlJson(part: string): string {
  try {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return '';
  }
}

export const jwt = regexDetector({
  id: 'jwt',
  family: 'jwt',
  description: 'JSON Web Token (header and payload are base64url JSON)',
  kind: 'jwt',
  keywords: ['eyj'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/,
  validate(token) {
    const [header = '', payload = ''] = token.split('.');
    if (!/^\s*\{[\s\S]*"(?:alg|typ|kid|enc)"/.test(b64urlJson(header))) return false;
    const body = b64urlJson(payload);
    // Documentation samples: jwt.io ("John Doe", sub 1234567890), PyJWT ({"some":"payload"}).
    if (body.includes('"John Doe"') && body.includes('"1234567890"')) return false;
    return !/^\{"some":\s*"payload"\}$/.test(body.trim());
  },
});
