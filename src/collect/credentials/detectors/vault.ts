/**
 * HashiCorp Vault tokens: service (`hvs.`), batch (`hvb.`) and recovery (`hvr.`) tokens.
 * Legacy `s.…` tokens have no distinctive shape: the keyword-context detector sees them
 * under `VAULT_TOKEN=`.
 */
import { tokenIsReal } from '../values.js';
import { regexDetector, type Detector } from './types.js';

export const vaultToken = regexDetector({
  id: 'vault-token',
  family: 'vault',
  description: 'HashiCorp Vault service / batch / recovery token (hvs., hvb., hvr.)',
  kind: 'token',
  keywords: ['hvs.', 'hvb.', 'hvr.'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9])hv[sbr]\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_-])/,
  validate: (t) => tokenIsReal(t, t.slice(4)),
});

export const vaultDetectors: readonly Detector[] = [vaultToken];
