/**
 * Slack: bot/user/app/config tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxe.xoxp-`, `xapp-`) and
 * incoming webhook URLs (`hooks.slack.com/services/T…/B…/…`).
 */
import { tokenIsReal } from '../values.js';
import { regexDetector, type Detector } from './types.js';

export const slackToken = regexDetector({
  id: 'slack-token',
  family: 'slack',
  description: 'Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe.xoxp- …)',
  kind: 'token',
  keywords: ['xox'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9])xox[a-z](?:\.xox[a-z])?-\d+-[A-Za-z0-9-]{6,}/,
  validate: (t) => tokenIsReal(t, t.slice(5)),
});

export const slackAppToken = regexDetector({
  id: 'slack-app-token',
  family: 'slack',
  description: 'Slack app-level token (xapp-)',
  kind: 'token',
  keywords: ['xapp-'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9])xapp-\d-[A-Z0-9]+-\d+-[A-Za-z0-9]{16,}/,
  validate: (t) => tokenIsReal(t),
});

export const slackWebhook = regexDetector({
  id: 'slack-webhook',
  family: 'slack',
  description: 'Slack incoming webhook / workflow trigger URL',
  kind: 'token',
  keywords: ['hooks.slack.com/'],
  pattern: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(T[A-Z0-9]{6,}\/[A-Za-z0-9/_-]{20,})/,
  group: 1,
  validate: (path) => tokenIsReal(path) && !/X{6,}/.test(path),
});

export const slackDetectors: readonly Detector[] = [slackToken, slackAppToken, slackWebhook];
