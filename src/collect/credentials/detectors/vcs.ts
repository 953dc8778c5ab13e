/**
 * Source hosting tokens: GitHub (classic `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`, fine-grained
 * `github_pat_`, app installation tokens `ghs_<id>_<jwt>`) and GitLab (`glpat-` and the
 * other `gl…-` token types, runner registration tokens `GR1348941…`).
 */
import { tokenDetector } from './token.js';
import type { Detector } from './types.js';

export const githubToken = tokenDetector({
  id: 'github-token',
  family: 'github',
  description: 'GitHub token: personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_)',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/,
  bodyFrom: 4,
});

export const githubAppInstallationToken = tokenDetector({
  id: 'github-app-installation-token',
  family: 'github',
  description: 'GitHub App installation token (ghs_<installation>_<JWT>)',
  keywords: ['ghs_'],
  pattern: /(?<![A-Za-z0-9_])ghs_\d+_eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/,
});

export const githubFineGrainedPat = tokenDetector({
  id: 'github-fine-grained-pat',
  family: 'github',
  description: 'GitHub fine-grained personal access token (github_pat_…)',
  keywords: ['github_pat_'],
  pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{50,}(?![A-Za-z0-9_])/,
  bodyFrom: 11,
});

const GITLAB_PREFIXES = ['glpat', 'gldt', 'glrt', 'glptt', 'glcbt', 'glsoat', 'glffct', 'glimt', 'gloas', 'glagent', 'glft', 'glwt'];

export const gitlabToken = tokenDetector({
  id: 'gitlab-token',
  family: 'gitlab',
  description: 'GitLab token: personal/project/group access (glpat-), deploy (gldt-), runner (glrt-), trigger (glptt-), CI job (glcbt-), OAuth (gloas-), agent (glagent-) …',
  keywords: GITLAB_PREFIXES.map((p) => `${p}-`),
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?:${GITLAB_PREFIXES.join('|')})-[A-Za-z0-9_.-]{20,}(?![A-Za-z0-9_-])`),
  bodyFrom: (t) => t.indexOf('-') + 1,
});

export const gitlabRunnerRegistrationToken = tokenDetector({
  id: 'gitlab-runner-registration-token',
  family: 'gitlab',
  description: 'GitLab runner registration token (GR1348941…)',
  keywords: ['gr1348941'],
  pattern: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/,
  bodyFrom: 9,
});

export const vcsDetectors: readonly Detector[] = [
  githubAppInstallationToken,
  githubToken,
  githubFineGrainedPat,
  gitlabToken,
  gitlabRunnerRegistrationToken,
];
