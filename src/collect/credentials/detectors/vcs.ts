/**
 * Source hosting tokens: GitHub (classic `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`, fine-grained
 * `github_pat_`, app installation tokens `ghs_<id>_<jwt>`) and GitLab (`glpat-` and the
 * other `gl…-` token types, runner registration tokens `GR1348941…`).
 */
import { tokenIsReal } from '../values.js';
import { regexDetector, type Detector } from './types.js';

export const githubToken = regexDetector({
  id: 'github-token',
  family: 'github',
  description: 'GitHub token: personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_)',
  kind: 'token',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/,
  validate: (t) => tokenIsReal(t, t.slice(4)),
});

export const githubAppInstallationToken = regexDetector({
  id: 'github-app-installation-token',
  family: 'github',
  description: 'GitHub App installation token (ghs_<installation>_<JWT>)',
  kind: 'token',
  keywords: ['ghs_'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_])ghs_\d+_eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/,
  validate: (t) => tokenIsReal(t),
});

export const githubFineGrainedPat = regexDetector({
  id: 'github-fine-grained-pat',
  family: 'github',
  description: 'GitHub fine-grained personal access token (github_pat_…)',
  kind: 'token',
  keywords: ['github_pat_'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{50,}(?![A-Za-z0-9_])/,
  validate: (t) => tokenIsReal(t, t.slice(11)),
});

const GITLAB_PREFIXES = ['glpat', 'gldt', 'glrt', 'glptt', 'glcbt', 'glsoat', 'glffct', 'glimt', 'gloas', 'glagent', 'glft', 'glwt'];

export const gitlabToken = regexDetector({
  id: 'gitlab-token',
  family: 'gitlab',
  description: 'GitLab token: personal/project/group access (glpat-), deploy (gldt-), runner (glrt-), trigger (glptt-), CI job (glcbt-), OAuth (gloas-), agent (glagent-) …',
  kind: 'token',
  keywords: GITLAB_PREFIXES.map((p) => `${p}-`),
  anchored: true,
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?:${GITLAB_PREFIXES.join('|')})-[A-Za-z0-9_.-]{20,}(?![A-Za-z0-9_-])`),
  validate: (t) => tokenIsReal(t, t.slice(t.indexOf('-') + 1)),
});

export const gitlabRunnerRegistrationToken = regexDetector({
  id: 'gitlab-runner-registration-token',
  family: 'gitlab',
  description: 'GitLab runner registration token (GR1348941…)',
  kind: 'token',
  keywords: ['gr1348941'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/,
  validate: (t) => tokenIsReal(t, t.slice(9)),
});

export const vcsDetectors: readonly Detector[] = [
  githubAppInstallationToken,
  githubToken,
  githubFineGrainedPat,
  gitlabToken,
  gitlabRunnerRegistrationToken,
];
