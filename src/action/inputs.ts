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
import { type ErrorKey, type Message, msg, type Params } from '../util/errors.js';
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
  readonly msg?: Message;
  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : message.render('en'));
    this.name = 'InputError';
    if (typeof message !== 'string') this.msg = message;
  }

  /** An error from a message of the table (src/report/i18n-errors.ts), printed in the input `lang`. */
  static of<T extends typeof InputError>(this: T, key: ErrorKey, params: Params = {}): InstanceType<T> {
    return new this(msg(key, params)) as InstanceType<T>;
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw InputError.of('input.notOneOf', { name, value, allowed: allowed.join(', ') });
}

/** YAML 1.2 core-schema booleans, as runners and @actions/core accept them. */
function bool(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw InputError.of('input.notBool', { name, value });
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
    throw InputError.of('input.pathMissing', { value: pathInput, workspace });
  }
  if (!isDir) throw InputError.of('input.pathNotDir', { value: pathInput });

  const failOn = oneOf('fail-on', get('fail-on') || INPUT_DEFAULTS['fail-on'], FAIL_ON_VALUES);
  const mode = oneOf('mode', get('mode') || INPUT_DEFAULTS.mode, MODES);
  const lang = oneOf('lang', get('lang') || INPUT_DEFAULTS.lang, ['en', 'vi'] as const);
  const comment = bool('comment', get('comment') || INPUT_DEFAULTS.comment);

  const configInput = get('config');
  const config = configInput ? workspaceFile('config', configInput, workspace, msg('input.hint.relative', { workspace })) : undefined;

  const trustedInput = get('trusted-config');
  const trustedConfig = trustedInput ? resolve(workspace, trustedInput) : undefined;
  if (trustedConfig) {
    let isFile = false;
    try {
      isFile = statSync(trustedConfig).isFile();
    } catch {
      throw InputError.of('input.trustedMissing', { value: trustedInput, workspace });
    }
    if (!isFile) throw InputError.of('input.trustedNotFile', { value: trustedInput });
  }

  const baselineInput = get('baseline');
  const baseline = baselineInput
    ? workspaceFile('baseline', baselineInput, workspace, msg('input.hint.baseline', { value: baselineInput }))
    : undefined;

  // Checked in every mode (a bad value is a bad value), used by mode deploy only.
  const deployDateInput = get('deploy-date');
  if (deployDateInput && !isRealDate(deployDateInput)) {
    throw InputError.of('input.badDeployDate', { value: deployDateInput });
  }

  const declarationInput = get('declaration');
  const declaration = declarationInput
    ? workspaceFile('declaration', declarationInput, workspace, msg('input.hint.declaration', { workspace }))
    : undefined;

  const trustKeys = trustKeyLines(get('trust-key')).map((line) => workspaceFile('trust-key', line, workspace, msg('input.hint.relative', { workspace })));
  const allowUnsignedApprovals = bool('allow-unsigned-approvals', get('allow-unsigned-approvals') || INPUT_DEFAULTS['allow-unsigned-approvals']);
  if (allowUnsignedApprovals && trustKeys.length > 0) {
    throw InputError.of('input.trustKeyUnsigned');
  }

  // The facts cache: never inside the workspace (the repository could plant entries).
  const cacheInput = get('cache-dir');
  const cacheDir = cacheInput ? resolve(workspace, cacheInput) : undefined;
  if (cacheDir && isLexicallyInside(workspace, cacheDir)) {
    throw InputError.of('input.cacheInside', { value: cacheInput });
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
function workspaceFile(name: string, value: string, workspace: string, hint: Message): string {
  let realWorkspace: string;
  try {
    realWorkspace = realpathSync(workspace);
  } catch {
    throw InputError.of('input.workspaceMissing', { name, workspace });
  }
  const inside = (p: string) => {
    const rel = relative(realWorkspace, p);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  let real: string;
  try {
    real = realpathSync(resolve(realWorkspace, value));
  } catch {
    throw InputError.of('input.fileMissing', { name, value, hint });
  }
  if (!inside(real)) {
    throw InputError.of(inside(resolve(realWorkspace, value)) ? 'input.linkOutside' : 'input.outside', { name, value });
  }
  if (!statSync(real).isFile()) throw InputError.of('input.notFile', { name, value });
  return real;
}
