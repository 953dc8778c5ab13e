/**
 * SaaS API tokens with a distinctive prefix: SendGrid, Stripe, Shopify, Notion, Linear,
 * Figma, Vercel, Cloudflare, Databricks, Docker Hub, Grafana, Tailscale, 1Password
 * service accounts, Telegram bots. Each checks its own length and boundaries so that a
 * prefix glued to a word, or a truncated sample, is not reported.
 */
import { tokenDetector, type TokenSpec } from './token.js';
import type { Detector } from './types.js';

function prefixed(spec: Omit<TokenSpec, 'family'>, family: 'saas' | 'sendgrid' = 'saas'): Detector {
  return tokenDetector({ ...spec, family });
}

export const sendgridKey = prefixed(
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key (SG.<22>.<43>)',
    keywords: ['sg.'],
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
    bodyFrom: 3,
  },
  'sendgrid',
);

export const saasDetectors: readonly Detector[] = [
  sendgridKey,
  prefixed({
    id: 'stripe-secret-key',
    description: 'Stripe secret or restricted key (sk_live_, sk_test_, rk_live_, rk_test_); publishable pk_ keys are public',
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
    pattern: /(?<![A-Za-z0-9])[sr]k_(?:live|test)_[A-Za-z0-9]{24,}(?![A-Za-z0-9])/,
    bodyFrom: 8,
  }),
  prefixed({
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret (whsec_)',
    keywords: ['whsec_'],
    pattern: /(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/]{32,}(?![A-Za-z0-9+/])/,
    bodyFrom: 6,
  }),
  prefixed({
    id: 'shopify-token',
    description: 'Shopify app secret / access token (shpss_, shpat_, shpca_, shppa_)',
    keywords: ['shpss_', 'shpat_', 'shpca_', 'shppa_'],
    pattern: /(?<![A-Za-z0-9])shp(?:ss|at|ca|pa)_[A-Za-z0-9]{32,}(?![A-Za-z0-9])/,
    bodyFrom: 6,
  }),
  prefixed({
    id: 'notion-token',
    description: 'Notion integration token (ntn_ + 11 digits + 35 characters)',
    keywords: ['ntn_'],
    pattern: /(?<![A-Za-z0-9])ntn_\d{11}[A-Za-z0-9]{35}(?![A-Za-z0-9])/,
    bodyFrom: 4,
  }),
  prefixed({
    id: 'linear-api-key',
    description: 'Linear API key (lin_api_ + 40 characters)',
    keywords: ['lin_api_'],
    pattern: /(?<![A-Za-z0-9])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/,
    bodyFrom: 8,
  }),
  prefixed({
    id: 'figma-token',
    description: 'Figma personal access token (figd_)',
    keywords: ['figd_'],
    pattern: /(?<![A-Za-z0-9])figd_[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/,
    bodyFrom: 5,
  }),
  prefixed({
    id: 'vercel-token',
    description: 'Vercel token (vcp_, vci_, vca_, vcr_, vck_)',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    pattern: /(?<![A-Za-z0-9])vc[pickar]_[A-Za-z0-9]{40,}(?![A-Za-z0-9])/,
    bodyFrom: 4,
  }),
  prefixed({
    id: 'cloudflare-api-token',
    description: 'Cloudflare API token / global key (cfat_, cfut_, cfk_ + 48 characters)',
    keywords: ['cfat_', 'cfut_', 'cfk_'],
    pattern: /(?<![A-Za-z0-9_])cf(?:at|ut|k)_[A-Za-z0-9]{48}(?![A-Za-z0-9])/,
    bodyFrom: 5,
  }),
  prefixed({
    id: 'databricks-token',
    description: 'Databricks personal access token (dapi + 32 hex)',
    keywords: ['dapi'],
    pattern: /(?<![A-Za-z0-9])dapi[a-fA-F0-9]{32}(?:-\d)?(?![A-Za-z0-9])/,
    bodyFrom: 4,
  }),
  prefixed({
    id: 'docker-hub-token',
    description: 'Docker Hub personal / organization access token (dckr_pat_, dckr_oat_)',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    pattern: /(?<![A-Za-z0-9])dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}(?![A-Za-z0-9_-])/,
    bodyFrom: 9,
  }),
  prefixed({
    id: 'grafana-cloud-token',
    description: 'Grafana Cloud API token (glc_ + base64 JSON)',
    keywords: ['glc_'],
    pattern: /(?<![A-Za-z0-9])glc_eyJ[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])/,
    bodyFrom: 4,
  }),
  prefixed({
    id: 'grafana-service-account-token',
    description: 'Grafana service account token (glsa_)',
    keywords: ['glsa_'],
    pattern: /(?<![A-Za-z0-9])glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9])/,
    bodyFrom: 5,
  }),
  prefixed({
    id: 'tailscale-key',
    description: 'Tailscale API / auth / OAuth client / SCIM / webhook key (tskey-<type>-…)',
    keywords: ['tskey-'],
    pattern: /(?<![A-Za-z])tskey-[a-z]+-[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,}(?![A-Za-z0-9])/,
    bodyFrom: 6,
  }),
  prefixed({
    id: 'onepassword-service-account-token',
    description: '1Password service account token (ops_ + base64 JSON)',
    keywords: ['ops_eyj'],
    pattern: /(?<![A-Za-z0-9])ops_eyJ[A-Za-z0-9+/=_-]{100,}/,
    bodyFrom: 4,
  }),
  prefixed({
    id: 'telegram-bot-token',
    description: 'Telegram bot token (<bot id>:AA…)',
    keywords: [':aa'],
    anchored: false,
    pattern: /(?<![0-9A-Za-z])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
  }),
];
