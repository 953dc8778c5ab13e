/**
 * The workflow run the Action is in, from the runner's environment and the event
 * payload ($GITHUB_EVENT_PATH). Only what the Action uses is read.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './inputs.js';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef?: string;
  /** `changed_files` of the payload: lets us tell a complete file list from a cut one. */
  changedFiles?: number;
}

export interface RunContext {
  eventName: string;
  owner?: string;
  repo?: string;
  sha?: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  runId?: string;
  pullRequest?: PullRequestInfo;
}

/** Events whose payload carries the pull request the Action comments on and gates. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

export class ContextError extends InputError {}

export function readContext(env: Record<string, string | undefined>, cwd = process.cwd()): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const ctx: RunContext = {
    eventName,
    ...(owner && repo && rest.length === 0 ? { owner, repo } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    workspace: env.GITHUB_WORKSPACE || cwd,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
  };

  const isPr = PULL_REQUEST_EVENTS.includes(eventName);
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) {
    if (isPr) {
      throw ContextError.of('context.noEventPath', { event: eventName });
    }
    return ctx;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw e.code === 'ENOENT'
      ? ContextError.of('context.payloadMissing', { path: eventPath })
      : ContextError.of('context.payloadUnreadable', { path: eventPath, reason: e.message });
  }
  if (isPr) {
    const pr = pullRequestOf(payload);
    if (!pr) {
      throw ContextError.of('context.noPullRequest', { event: eventName, path: eventPath });
    }
    ctx.pullRequest = pr;
  }
  return ctx;
}

function pullRequestOf(payload: unknown): PullRequestInfo | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const pr = (payload as { pull_request?: unknown }).pull_request as
    | {
        number?: unknown;
        head?: { sha?: unknown };
        base?: { sha?: unknown; ref?: unknown };
        changed_files?: unknown;
      }
    | undefined;
  if (!pr || typeof pr !== 'object') return undefined;
  const number = pr.number;
  const headSha = pr.head?.sha;
  const baseSha = pr.base?.sha;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return undefined;
  if (typeof headSha !== 'string' || typeof baseSha !== 'string') return undefined;
  return {
    number,
    headSha,
    baseSha,
    ...(typeof pr.base?.ref === 'string' ? { baseRef: pr.base.ref } : {}),
    ...(typeof pr.changed_files === 'number' ? { changedFiles: pr.changed_files } : {}),
  };
}
