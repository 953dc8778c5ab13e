/**
 * Slack: bot/user/app/config tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxe.xoxp-`, `xapp-`) and
 * incoming webhook URLs (`hooks.slack.com/services/T…/B…/…`).
 */
import { tokenDetector } from './token.js';
import type { Detector } from './types.js';

export const slackToken = tokenDetector({
  id: 'slack-token',
  family: 'slack',
  description: 'Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe.xoxp- …)',
  keywords: ['xox'],
  pattern: /(?<![A-Za-z0-9])xox[a-z](?:\.xox[a-z])?-\d+-[A-Za-z0-9-]{6,}/,
  bodyFrom: 5,
});

export const slackAppToken = tokenDetector({
  id: 'slack-app-token',
  family: 'slack',
  description: 'Slack app-level token (xapp-)',
  keywords: ['xapp-'],
  pattern: /(?<![A-Za-z0-9])xapp-\d-[A-Z0-9]+-\d+-[A-Za-z0-9]{16,}/,
});

export const slackWebhook = tokenDetector({
  id: 'slack-webhook',
  family: 'slack',
  description: 'Slack incoming webhook / workflow trigger URL',
  keywords: ['hooks.slack.com/'],
  anchored: false,
  pattern: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(T[A-Z0-9]{6,}\/[A-Za-z0-9/_-]{20,})/,
  group: 1,
  validate: (path) => !/X{6,}/.test(path),
});

export const slackDetectors: readonly Detector[] = [slackToken, slackAppToken, slackWebhook];
