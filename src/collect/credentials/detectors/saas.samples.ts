/** Samples of `./saas.ts` (synthetic). */
import { DIGITS, HEX, fake } from './fake.js';
import type { SampleSet } from './types.js';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export const samples: SampleSet = {
  'sendgrid-api-key': {
    positives: [{ text: `const value = 'SG.${fake(22, 14)}.${fake(43, 15)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: 'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' }],
  },
  'stripe-secret-key': {
    positives: [{ text: `const value = 'sk_live_${fake(24, 20)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: `stripe_publishable: pk_live_${fake(24, 41)}\n`, note: 'publishable keys are public' }],
  },
  'stripe-webhook-secret': {
    positives: [{ text: `stripe_webhook: whsec_${fake(32, 45)}\n` }],
    negatives: [{ text: 'stripe_webhook: whsec_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n' }],
  },
  'shopify-token': {
    positives: [{ text: `shop: shpat_${fake(32, 46, HEX)}\n` }],
    negatives: [{ text: 'shop: shpat_1234\n', note: 'too short' }],
  },
  'notion-token': {
    positives: [{ text: `notion: ntn_${fake(11, 47, DIGITS)}${fake(35, 48)}\n` }],
    negatives: [{ text: `notion: ntn_${fake(35, 48)}\n`, note: 'no 11-digit id' }],
  },
  'linear-api-key': {
    positives: [{ text: `linear: lin_api_${fake(40, 49)}\n` }],
    negatives: [{ text: `linear: lin_api_${fake(30, 49)}\n`, note: 'wrong length' }],
  },
  'figma-token': {
    positives: [{ text: `figma: figd_${fake(40, 50)}\n` }],
    negatives: [{ text: 'figma: figd_<token>\n' }],
  },
  'vercel-token': {
    positives: [{ text: `vercel: vcp_${fake(40, 51)}\n` }],
    negatives: [{ text: `vercel: vcp_${fake(20, 51)}\n`, note: 'too short' }],
  },
  'cloudflare-api-token': {
    positives: [{ text: `cloudflare: cfat_${fake(48, 52)}\n` }],
    negatives: [{ text: `cloudflare: cfat_${fake(30, 52)}\n`, note: 'wrong length' }],
  },
  'databricks-token': {
    positives: [{ text: `databricks: dapi${fake(32, 53, HEX)}\n` }],
    negatives: [{ text: `databricks: dapi${fake(20, 53, HEX)}\n`, note: 'too short' }],
  },
  'docker-hub-token': {
    positives: [{ text: `docker: dckr_pat_${fake(27, 54)}\n` }],
    negatives: [{ text: 'docker: dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx\n' }],
  },
  'grafana-cloud-token': {
    positives: [{ text: `grafana: glc_${b64url('{"o":"1","n":"dvc","k":"' + fake(32, 55) + '"}').replace(/[-_]/g, 'A')}\n` }],
    negatives: [{ text: 'grafana: glc_eyJ\n', note: 'truncated' }],
  },
  'grafana-service-account-token': {
    positives: [{ text: `grafana: glsa_${fake(32, 56)}_${fake(8, 57, HEX)}\n` }],
    negatives: [{ text: `grafana: glsa_${fake(32, 56)}\n`, note: 'no checksum part' }],
  },
  'tailscale-key': {
    positives: [{ text: `tailscale: tskey-auth-${fake(12, 58)}-${fake(30, 59)}\n` }],
    negatives: [{ text: 'tailscale: tskey-auth-XXXX\n' }],
  },
  'onepassword-service-account-token': {
    positives: [{ text: `OP_SERVICE_ACCOUNT_TOKEN=ops_${b64url('{"signInAddress":"my.1password.com","email":"' + fake(110, 60) + '"}')}\n` }],
    negatives: [{ text: 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...\n', note: 'truncated' }],
  },
  'telegram-bot-token': {
    positives: [{ text: `const value = '7123456789:AA${fake(33, 22)}';\n`, file: 'src/a.ts' }],
    negatives: [{ text: `bot: 7123456789:AA${fake(20, 22)}\n`, note: 'too short' }],
  },
};
