/**
 * The GitHub REST API calls the Action makes, through @octokit/rest with the retry
 * and throttling plugins: the pull request's files, the sticky PR comment (adopted only
 * when the token's own account wrote it) and a check run with annotations. `baseUrl` is $GITHUB_API_URL, so GitHub Enterprise Server
 * and the tests' local server work the same way.
 *
 * Retries: server errors (5xx) and network failures twice, 1 s then 4 s apart; rate
 * limits (primary, and secondary with `retry-after`) once, when the wait is at most a
 * minute. Each request times out after 30 s. Errors become {@link ApiProblem}s with a
 * message a user can act on; the caller reports them and never lets them change the
 * verdict.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { PullRequestFile } from '../git/diff.js';
import { type Message, msg } from '../util/errors.js';

const ClientClass = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof ClientClass>;

/** Longest rate-limit wait we sit through before giving up on a call. */
const MAX_RATE_LIMIT_WAIT_S = 60;
const REQUEST_TIMEOUT_MS = 30_000;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  userAgent: string;
  /** Receives the client's own warnings (retries, rate limits). */
  log: (message: string) => void;
  /**
   * Milliseconds per retry step (default 1000: waits of 1 s, 4 s for server errors,
   * and `retry-after` seconds for rate limits). The tests make it small through the
   * environment variable DANCU_GUARD_API_RETRY_BASE_MS.
   */
  retryBaseMs?: number;
}

export function createClient(opts: ClientOptions): GitHubClient {
  const base = opts.retryBaseMs ?? 1000;
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
    if (retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
      opts.log(`GitHub API ${kind} rate limit on ${what}: retrying in ${retryAfter} s`);
      return true;
    }
    opts.log(`GitHub API ${kind} rate limit on ${what}: giving up (retry after ${retryAfter} s)`);
    return false;
  };
  return new ClientClass({
    auth: opts.token,
    baseUrl: opts.baseUrl,
    userAgent: opts.userAgent,
    request: { fetch: fetchWithTimeout },
    retry: { retries: 2, retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: base,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => opts.log(m),
      error: (m: string) => opts.log(m),
    },
  });
}

/** `fetch` with a per-request timeout (an API that never answers must not hang the job). */
const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  // AbortSignal.any: Node 20.3+; without it the timeout alone applies.
  const signal = init?.signal && typeof AbortSignal.any === 'function' ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

// ---------------------------------------------------------------------------------
// Errors

export interface ApiProblem {
  /** `permission`: no token, 401/403/404 (the token lacks a permission, a fork PR's read-only token). */
  kind: 'permission' | 'rate-limit' | 'server' | 'network' | 'other';
  status?: number;
  /** In English (logs); `msg` is the same in the message table, for the input `lang`. */
  message: string;
  msg: Message;
  /** What was being done. */
  what: ApiWhat;
}

export type ApiWhat = 'comment' | 'checkRun' | 'listFiles';

export function describeApiError(err: unknown, doing: ApiWhat): ApiProblem {
  const what = msg(`api.what.${doing}`);
  const problem = (kind: ApiProblem['kind'], status: number | undefined, m: Message): ApiProblem => ({
    kind,
    ...(status !== undefined ? { status } : {}),
    message: m.render('en'),
    msg: m,
    what: doing,
  });
  const e = err as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined>; data?: unknown };
    name?: string;
    cause?: { message?: string; name?: string };
  };
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const apiMessage = apiMessageOf(e.response?.data) ?? firstLine(e.message ?? String(err));
  const headers = e.response?.headers ?? {};
  const rateLimited =
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(apiMessage)));
  if (status === undefined) {
    const cause = e.cause?.message ? `: ${e.cause.message}` : '';
    const timeout = e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError' || /timeout|aborted/i.test(e.message ?? '');
    return problem('network', undefined, msg('api.network', { what, reason: timeout ? msg('api.timedOut') : `${firstLine(e.message ?? 'network error')}${cause}` }));
  }
  if (rateLimited) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? msg('api.resetsAt', { time: new Date(reset * 1000).toISOString() }) : '';
    return problem('rate-limit', status, msg('api.rateLimit', { what, status, api: apiMessage, when }));
  }
  if (status === 401 || status === 403 || status === 404) {
    return problem('permission', status, msg('api.permission', { what, status, api: apiMessage }));
  }
  if (status >= 500) return problem('server', status, msg('api.server', { what, status, api: apiMessage }));
  return problem('other', status, msg('api.other', { what, status, api: apiMessage }));
}

function apiMessageOf(data: unknown): string | undefined {
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return firstLine((data as { message: string }).message);
  }
  return undefined;
}

function firstLine(s: string): string {
  const l = s.trim().split('\n')[0] ?? '';
  return l.length > 300 ? `${l.slice(0, 299)}…` : l;
}

// ---------------------------------------------------------------------------------
// Calls

export interface Repo {
  owner: string;
  repo: string;
}

/** Every file of a pull request (the API serves at most 3,000). */
export async function listPullRequestFiles(gh: GitHubClient, r: Repo, pullNumber: number): Promise<PullRequestFile[]> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...r, pull_number: pullNumber, per_page: 100 });
  return files.map((f) => ({
    filename: f.filename,
    status: f.status,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
  }));
}

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url?: string;
  /** Comments that start with the marker but were written by someone else: never adopted. */
  notOurs: number;
  /** Set when the token's identity could not be told: no comment was adopted. */
  identityUnknown?: true;
}

/** The account a token acts as. */
export interface TokenIdentity {
  login: string;
  /** The account's REST user id, when `GET /user` gave it. */
  id?: number;
}

/**
 * Who the token is: `GET /user` for a user's token; for an installation token (the
 * workflow's GITHUB_TOKEN, a GitHub App's), which that endpoint refuses with 403, the
 * GraphQL `viewer` (`github-actions[bot]` for GITHUB_TOKEN). Undefined when neither
 * answers.
 */
export async function tokenIdentity(gh: GitHubClient): Promise<TokenIdentity | undefined> {
  try {
    const { data } = await gh.rest.users.getAuthenticated();
    return { login: data.login, id: data.id };
  } catch {
    // an installation token: ask GraphQL
  }
  try {
    // The login only: GraphQL ids are not REST user ids for every kind of account.
    const r = await gh.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    const login = r.viewer?.login;
    return typeof login === 'string' && login !== '' ? { login } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A comment written by `me`: same account id or same login (logins are unique; a bot's
 * carries a `[bot]` suffix no person's can have).
 */
export function writtenBy(user: { login?: string; id?: number; type?: string } | null | undefined, me: TokenIdentity): boolean {
  if (!user) return false;
  if (me.id !== undefined && user.id === me.id) return true;
  if (user.login === me.login) return true;
  // GraphQL may name a bot without the suffix REST gives it; only a Bot has one.
  return user.type === 'Bot' && user.login === `${me.login}[bot]`;
}

/**
 * Create the sticky comment, or update it in place. The comment adopted is the first
 * that starts with `marker` AND was written by the token's own account: anyone can
 * post a comment starting with the marker, and its author could edit it back to PASS.
 * When the token's identity cannot be told, nothing is adopted: a new comment is made.
 */
export async function upsertComment(
  gh: GitHubClient,
  r: Repo,
  issueNumber: number,
  marker: string,
  body: string,
  identify: () => Promise<TokenIdentity | undefined> = () => tokenIdentity(gh),
): Promise<CommentResult> {
  const marked: Array<{ id: number; body?: string; user: Parameters<typeof writtenBy>[0] }> = [];
  for await (const page of gh.paginate.iterator(gh.rest.issues.listComments, {
    ...r,
    issue_number: issueNumber,
    per_page: 100,
  })) {
    for (const c of page.data) {
      if (c.body?.trimStart().startsWith(marker)) marked.push({ id: c.id, ...(c.body !== undefined ? { body: c.body } : {}), user: c.user });
    }
  }
  // Only when there is something to adopt is it worth asking who we are.
  const me = marked.length ? await identify() : undefined;
  const found = me ? marked.find((c) => writtenBy(c.user, me)) : undefined;
  const notOurs = marked.length - (found ? 1 : 0);
  const unknown = marked.length > 0 && !me ? { identityUnknown: true as const } : {};
  if (found) {
    if (found.body === body) return { action: 'unchanged', id: found.id, notOurs };
    const { data } = await gh.rest.issues.updateComment({ ...r, comment_id: found.id, body });
    return { action: 'updated', id: data.id, url: data.html_url, notOurs };
  }
  const { data } = await gh.rest.issues.createComment({ ...r, issue_number: issueNumber, body });
  return { action: 'created', id: data.id, url: data.html_url, notOurs, ...unknown };
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure';
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
  detailsUrl?: string;
}

/** GitHub takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * A check run: created in progress, then updated with the annotations 50 at a time,
 * the last update completing it with the conclusion. When an update fails after the
 * run exists, one more attempt completes it without annotations, so the run is not
 * left in progress; the first error is rethrown.
 */
export async function publishCheckRun(gh: GitHubClient, r: Repo, input: CheckRunInput): Promise<{ id: number; url?: string }> {
  const { data: created } = await gh.rest.checks.create({
    ...r,
    name: input.name,
    head_sha: input.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
  });
  const id = created.id;
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  if (batches.length === 0) batches.push([]);
  const output = { title: input.title, summary: input.summary, ...(input.text ? { text: input.text } : {}) };
  try {
    for (let i = 0; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await gh.rest.checks.update({
        ...r,
        check_run_id: id,
        output: { ...output, ...(batches[i]!.length ? { annotations: batches[i] } : {}) },
        ...(last ? { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() } : {}),
      });
    }
  } catch (err) {
    try {
      await gh.rest.checks.update({
        ...r,
        check_run_id: id,
        status: 'completed',
        conclusion: input.conclusion,
        completed_at: new Date().toISOString(),
        output: { ...output, summary: `${output.summary}\n\n_Some annotations could not be added._` },
      });
    } catch {
      // the first error is the one to report
    }
    throw err;
  }
  return { id, ...(created.html_url ? { url: created.html_url } : {}) };
}
