/**
 * HashiCorp Vault tokens: service (`hvs.`), batch (`hvb.`) and recovery (`hvr.`) tokens.
 * Legacy `s.…` tokens have no distinctive shape: the keyword-context detector sees them
 * under `VAULT_TOKEN=`.
 */
import { tokenDetector } from './token.js';
import type { Detector } from './types.js';

export const vaultToken = tokenDetector({
  id: 'vault-token',
  family: 'vault',
  description: 'HashiCorp Vault service / batch / recovery token (hvs., hvb., hvr.)',
  keywords: ['hvs.', 'hvb.', 'hvr.'],
  pattern: /(?<![A-Za-z0-9])hv[sbr]\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_-])/,
  bodyFrom: 4,
});

export const vaultDetectors: readonly Detector[] = [vaultToken];
