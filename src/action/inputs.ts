/**
 * The Action's inputs (action.yml), read and checked. A bad value is an InputError:
 * the step fails with a message naming the input and the values it takes, and exit 2.
 * The defaults here are action.yml's (a test keeps the two equal), so running the
 * bundle without a runner behaves as the Action does.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { isRealDate } from '../config/declaration.js';
import { SEVERITIES, type Severity } from '../findings/types.js';
import { isLexicallyInside } from '../util/files.js';
import type { Runner } from './runner.js';

export const FAIL_ON_VALUES = [...SEVERITIES.filter((s) => s !== 'info'), 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];
export const MODES = ['merge', 'deploy'] as const;
export type Mode = (typeof MODES)[number];

export const INPUT_DEFAULTS = {
  path: '.',
  'fail-on': 'high',
  mode: 'merge',
  config: '',
  'trusted-config': '',
  baseline: '',
  'sarif-file': 'dancu-guard.sarif',
  comment: 'true',
  lang: 'en',
  'deploy-date': '',
  declaration: '',
  'trust-key': '',
  'allow-unsigned-approvals': 'false',
  'cache-dir': '',
} as const;

/** Inputs only `mode: deploy` reads. */
export const DEPLOY_ONLY_INPUTS = ['deploy-date', 'declaration', 'trust-key', 'allow-unsigned-approvals'] as const;

export interface ActionInputs {
  /** Absolute path of the scanned root. */
  path: string;
  failOn: Severity | 'none';
  mode: Mode;
  /** Real path inside the workspace, or undefined: `.dancu-guard.yml` at the scanned root. */
  config?: string;
  /** The province's configuration (any readable file; it may lie outside the workspace). */
  trustedConfig?: string;
  /** Absolute path of a baseline file (src/findings/baseline.ts), or undefined. */
  baseline?: string;
  /** Absolute path to write SARIF to, or undefined when set to ''. */
  sarifFile?: string;
  comment: boolean;
  lang: 'en' | 'vi';
  /**
   * Mode deploy: the day the gate judges, `YYYY-MM-DD` (a real calendar date). Undefined:
   * today in Vietnam (UTC+7), as `dancu-guard gate` does.
   */
  deployDate?: string;
  /** Mode deploy: absolute path of the integration declaration, or undefined (dancu-integration.yml at the scanned root). */
  declaration?: string;
  /** Mode deploy: the province's public keys (real paths inside the workspace). */
  trustKeys: string[];
  /** Mode deploy: accept declared approvals without a signature (never with trust keys). */
  allowUnsignedApprovals: boolean;
  /** Deploy-only inputs that were set (in mode merge they are ignored, with a warning). */
  deployInputsSet: string[];
  /** The facts cache (absolute; outside the workspace), or none. */
  cacheDir?: string;
  /** Never logged. */
  token: string;
}

export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name}: "${value}" is not one of ${allowed.join(', ')}`);
}

/** YAML 1.2 core-schema booleans, as runners and @actions/core accept them. */
function bool(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name}: "${value}" is not a boolean (true or false)`);
}

/**
 * Read every input. `workspace` is where relative paths start ($GITHUB_WORKSPACE, the
 * checkout). Inputs the runner did not set take action.yml's defaults; an input set to
 * '' explicitly is '' (so `sarif-file: ''` turns the SARIF file off).
 */
export function readInputs(runner: Runner, env: Record<string, string | undefined>, workspace: string): ActionInputs {
  const get = (name: keyof typeof INPUT_DEFAULTS): string => {
    const key = `INPUT_${name.toUpperCase()}`;
    return env[key] === undefined ? INPUT_DEFAULTS[name] : runner.input(name);
  };

  const pathInput = get('path') || '.';
  const path = resolve(workspace, pathInput);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new InputError(`input path: "${pathInput}" does not exist (relative paths start at ${workspace})`);
  }
  if (!isDir) throw new InputError(`input path: "${pathInput}" is not a directory`);

  const failOn = oneOf('fail-on', get('fail-on') || INPUT_DEFAULTS['fail-on'], FAIL_ON_VALUES);
  const mode = oneOf('mode', get('mode') || INPUT_DEFAULTS.mode, MODES);
  const lang = oneOf('lang', get('lang') || INPUT_DEFAULTS.lang, ['en', 'vi'] as const);
  const comment = bool('comment', get('comment') || INPUT_DEFAULTS.comment);

  const configInput = get('config');
  const config = configInput ? workspaceFile('config', configInput, workspace, `relative paths start at ${workspace}`) : undefined;

  const trustedInput = get('trusted-config');
  const trustedConfig = trustedInput ? resolve(workspace, trustedInput) : undefined;
  if (trustedConfig) {
    let isFile = false;
    try {
      isFile = statSync(trustedConfig).isFile();
    } catch {
      throw new InputError(`input trusted-config: "${trustedInput}" does not exist (relative paths start at ${workspace})`);
    }
    if (!isFile) throw new InputError(`input trusted-config: "${trustedInput}" is not a file`);
  }

  const baselineInput = get('baseline');
  const baseline = baselineInput
    ? workspaceFile('baseline', baselineInput, workspace, `create one with \`dancu-guard scan --write-baseline ${baselineInput}\` and commit it`)
    : undefined;

  // Checked in every mode (a bad value is a bad value), used by mode deploy only.
  const deployDateInput = get('deploy-date');
  if (deployDateInput && !isRealDate(deployDateInput)) {
    throw new InputError(
      `input deploy-date: "${deployDateInput}" is not a real date in the form YYYY-MM-DD (e.g. 2026-12-01); leave it empty for today in Vietnam (UTC+7)`,
    );
  }

  const declarationInput = get('declaration');
  const declaration = declarationInput
    ? workspaceFile('declaration', declarationInput, workspace, `relative paths start at ${workspace}; see docs/gate.md for the format of dancu-integration.yml`)
    : undefined;

  const trustKeys = trustKeyLines(get('trust-key')).map((line) => workspaceFile('trust-key', line, workspace, `relative paths start at ${workspace}`));
  const allowUnsignedApprovals = bool('allow-unsigned-approvals', get('allow-unsigned-approvals') || INPUT_DEFAULTS['allow-unsigned-approvals']);
  if (allowUnsignedApprovals && trustKeys.length > 0) {
    throw new InputError('inputs trust-key and allow-unsigned-approvals cannot be combined: with a trust key every approval must be signed by it');
  }

  // The facts cache: never inside the workspace (the repository could plant entries).
  const cacheInput = get('cache-dir');
  const cacheDir = cacheInput ? resolve(workspace, cacheInput) : undefined;
  if (cacheDir && isLexicallyInside(workspace, cacheDir)) {
    throw new InputError(`input cache-dir: "${cacheInput}" is inside the workspace, which the repository controls; use a directory outside it, e.g. \${{ runner.temp }}/dancu-guard-cache`);
  }

  const sarifInput = get('sarif-file');
  const sarifFile = sarifInput ? (isAbsolute(sarifInput) ? sarifInput : resolve(workspace, sarifInput)) : undefined;

  return {
    path,
    failOn,
    mode,
    ...(config ? { config } : {}),
    ...(trustedConfig ? { trustedConfig } : {}),
    ...(baseline ? { baseline } : {}),
    ...(sarifFile ? { sarifFile } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    comment,
    lang,
    ...(deployDateInput ? { deployDate: deployDateInput } : {}),
    ...(declaration ? { declaration } : {}),
    trustKeys,
    allowUnsignedApprovals,
    deployInputsSet: DEPLOY_ONLY_INPUTS.filter((n) => get(n) !== '' && get(n) !== INPUT_DEFAULTS[n]),
    token: runner.input('github-token'),
  };
}

/** `trust-key`: one path per line. */
function trustKeyLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * An input naming a file the repository could have put there (config, baseline,
 * declaration, a trust key): it must be a file in the workspace, reached without a link
 * out of it (a committed link to a runner file would otherwise be read, and its first
 * bytes could end up in an error message). Its real path is returned.
 */
function workspaceFile(name: string, value: string, workspace: string, hint: string): string {
  let realWorkspace: string;
  try {
    realWorkspace = realpathSync(workspace);
  } catch {
    throw new InputError(`input ${name}: the workspace ${workspace} does not exist`);
  }
  const inside = (p: string) => {
    const rel = relative(realWorkspace, p);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  let real: string;
  try {
    real = realpathSync(resolve(realWorkspace, value));
  } catch {
    throw new InputError(`input ${name}: "${value}" does not exist (${hint})`);
  }
  if (!inside(real)) {
    throw new InputError(
      `input ${name}: "${value}" ${inside(resolve(realWorkspace, value)) ? 'is a link to a file outside the workspace' : 'is outside the workspace'}; refusing to read it`,
    );
  }
  if (!statSync(real).isFile()) throw new InputError(`input ${name}: "${value}" is not a file`);
  return real;
}
