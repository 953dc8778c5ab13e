/**
 * A stand-in for the GitHub REST API: a real `node:http` server on 127.0.0.1 (random
 * port) serving the calls the Action makes, with state (comments, check runs) kept
 * between calls and runs, every request recorded, and failures on demand.
 *
 * Every request body it receives and every response body it sends is validated with
 * ajv against GitHub's published OpenAPI description (`@octokit/openapi`,
 * `generated/api.github.com.json`): the operation's requestBody schema, and the
 * response schema for the status sent (or `basic-error` for an error status the
 * operation does not describe, such as 500 or 429). Mismatches are collected in
 * `violations`; tests assert it is empty. A request body that does not match is also
 * answered 422, as GitHub would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ---------------------------------------------------------------------------------
// OpenAPI

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

let spec: OpenApiDoc | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction | null>();

export function openApiPath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('@octokit/openapi/generated/api.github.com.json');
}

function loadSpec(): { spec: OpenApiDoc; ajv: Ajv } {
  if (!spec || !ajv) {
    spec = JSON.parse(readFileSync(openApiPath(), 'utf8')) as OpenApiDoc;
    ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;
    addFormats(ajv);
    // The components, under an id, so `#/components/…` refs resolve (rewritten to `gh#/…`).
    ajv.addSchema({ $id: 'gh', components: openApi30NullableEnums(spec.components) });
  }
  return { spec, ajv };
}

/**
 * OpenAPI 3.0.3: `nullable: true` adds null to the allowed values, `enum` included;
 * ajv's `nullable` widens `type` only, so put null in such enums.
 */
function openApi30NullableEnums<T>(node: T): T {
  if (Array.isArray(node)) return node.map(openApi30NullableEnums) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = openApi30NullableEnums(v);
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out as T;
}

function compile(key: string, schema: unknown): ValidateFunction | null {
  if (validators.has(key)) return validators.get(key)!;
  if (schema === undefined) {
    validators.set(key, null);
    return null;
  }
  const { ajv } = loadSpec();
  const rewritten = openApi30NullableEnums(
    JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"gh#/components/')) as object,
  );
  const v = ajv.compile(rewritten);
  validators.set(key, v);
  return v;
}

function operation(template: string, method: string): OpenApiOperation {
  const { spec } = loadSpec();
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`OpenAPI description has no ${method} ${template}`);
  return op;
}

export function requestBodyValidator(template: string, method: string): ValidateFunction | null {
  const op = operation(template, method);
  return compile(`req ${method} ${template}`, op.requestBody?.content?.['application/json']?.schema);
}

/** The schema for `status`; for an error status the operation does not list, `basic-error`. */
export function responseValidator(template: string, method: string, status: number): ValidateFunction | null {
  const { spec } = loadSpec();
  const op = operation(template, method);
  let resp = op.responses?.[String(status)];
  if (resp?.$ref) resp = spec.components.responses[resp.$ref.replace('#/components/responses/', '')];
  if (resp) return compile(`res ${method} ${template} ${status}`, resp.content?.['application/json']?.schema);
  if (status >= 400) return compile('basic-error', { $ref: '#/components/schemas/basic-error' });
  throw new Error(`OpenAPI description has no response ${status} for ${method} ${template}`);
}

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}

// ---------------------------------------------------------------------------------
// The server

export type RouteName =
  | 'users.getAuthenticated'
  | 'graphql'
  | 'pulls.listFiles'
  | 'issues.listComments'
  | 'issues.createComment'
  | 'issues.updateComment'
  | 'checks.create'
  | 'checks.update';

interface Route {
  name: RouteName;
  method: string;
  template: string;
  pattern: RegExp;
}

const ROUTES: Route[] = [
  {
    name: 'users.getAuthenticated',
    method: 'GET',
    template: '/user',
    pattern: /^\/user$/,
  },
  {
    // Not a REST operation: answered by hand (no OpenAPI validation), see `graphql()`.
    name: 'graphql',
    method: 'POST',
    template: '/graphql',
    pattern: /^\/graphql$/,
  },
  {
    name: 'pulls.listFiles',
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/,
  },
  {
    name: 'issues.listComments',
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
  },
  {
    name: 'issues.createComment',
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
  },
  {
    name: 'issues.updateComment',
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
  },
  {
    name: 'checks.create',
    method: 'POST',
    template: '/repos/{owner}/{repo}/check-runs',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/,
  },
  {
    name: 'checks.update',
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/,
  },
];

export interface RecordedRequest {
  route?: RouteName;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body?: unknown;
  status: number;
}

/** A file of a pull request, as the test describes it (the rest is filled in). */
export interface PullFileInput {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  patch?: string;
  previous_filename?: string;
}

export interface Failure {
  status: number;
  /** How many requests to fail (default: all). */
  times?: number;
  message?: string;
  headers?: Record<string, string>;
}

export interface StoredComment {
  id: number;
  body: string;
  userLogin: string;
  userType: 'Bot' | 'User';
  userId: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Array<Record<string, unknown>>;
  /** Number of annotations in each update request, in order. */
  batches: number[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  pullNumber?: number;
  /** The token requests must carry (`authorization: token …`); others get 401. */
  token?: string;
  pullFiles?: PullFileInput[];
  /**
   * Who the token is. `installation` (default): the workflow's GITHUB_TOKEN — `GET /user`
   * answers 403 as GitHub does, GraphQL's `viewer` is `github-actions[bot]`, comments are
   * made as that bot. `user`: a person's token — `GET /user` answers with the account.
   */
  identity?: { kind: 'installation' } | { kind: 'user'; login: string; id: number };
}

/** The bot GITHUB_TOKEN acts as (REST user id 41898282 on github.com). */
export const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' as const, id: 41898282 };

const EPOCH = Date.parse('2026-01-05T08:00:00Z');

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly token: string;
  pullFiles: PullFileInput[];
  readonly identity: NonNullable<FakeGitHubOptions['identity']>;
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: StoredComment[] = [];
  readonly checkRuns: StoredCheckRun[] = [];
  private readonly failures = new Map<RouteName, Failure & { left: number }>();
  private server: Server | undefined;
  private nextId = 1000;
  private clock = EPOCH;
  url = '';

  constructor(opts: FakeGitHubOptions = {}) {
    this.owner = opts.owner ?? 'tinh-mau';
    this.repo = opts.repo ?? 'dvc-portal';
    this.pullNumber = opts.pullNumber ?? 7;
    this.token = opts.token ?? 'ghs_syntheticTestToken000000000000000000';
    this.pullFiles = opts.pullFiles ?? [];
    this.identity = opts.identity ?? { kind: 'installation' };
    loadSpec();
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.violations.push(`server error: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Answer `route` with an error (`times` requests, default all). */
  fail(route: RouteName, failure: Failure): void {
    this.failures.set(route, { ...failure, left: failure.times ?? Number.POSITIVE_INFINITY });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  seedComment(body: string, user: { login: string; type: 'Bot' | 'User'; id?: number } = { login: 'nguyen-van-a', type: 'User' }): StoredComment {
    const at = this.tick();
    const userId = user.id ?? (user.type === 'Bot' ? ACTIONS_BOT.id : 1000001);
    const c: StoredComment = { id: this.nextId++, body, userLogin: user.login, userType: user.type, userId, createdAt: at, updatedAt: at };
    this.comments.push(c);
    return c;
  }

  calls(route: RouteName): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  // -------------------------------------------------------------------------------

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      status: 0,
    };
    this.requests.push(rec);

    const route = ROUTES.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      this.violations.push(`unexpected request ${method} ${url.pathname}`);
      return this.send(res, rec, undefined, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    rec.route = route.name;
    if (route.name === 'graphql') return this.graphql(req, res, rec, raw);
    const m = route.pattern.exec(url.pathname)!;
    if (route.template.startsWith('/repos/') && (m[1] !== this.owner || m[2] !== this.repo)) {
      this.violations.push(`request for another repository: ${method} ${url.pathname}`);
    }

    if (raw.length) {
      try {
        rec.body = JSON.parse(raw);
      } catch {
        this.violations.push(`${route.name}: request body is not JSON`);
        return this.send(res, rec, route, 400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' });
      }
    }
    const reqValidator = requestBodyValidator(route.template, method);
    if (reqValidator) {
      if (!reqValidator(rec.body)) {
        this.violations.push(`${route.name}: request body does not match the OpenAPI schema: ${describeErrors(reqValidator)}`);
        return this.send(res, rec, route, 422, {
          message: 'Invalid request.',
          documentation_url: 'https://docs.github.com/rest',
          errors: [describeErrors(reqValidator)],
        });
      }
    } else if (rec.body !== undefined) {
      this.violations.push(`${route.name}: a body was sent to an operation that takes none`);
    }

    if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`) {
      return this.send(res, rec, route, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }

    const failure = this.failures.get(route.name);
    if (failure && failure.left > 0) {
      failure.left--;
      return this.send(
        res,
        rec,
        route,
        failure.status,
        { message: failure.message ?? defaultMessage(failure.status), documentation_url: 'https://docs.github.com/rest' },
        failure.headers,
      );
    }

    switch (route.name) {
      case 'users.getAuthenticated': {
        if (this.identity.kind === 'installation') {
          return this.send(res, rec, route, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' });
        }
        return this.send(res, rec, route, 200, this.privateUser(this.identity.login, this.identity.id));
      }
      case 'pulls.listFiles':
        return this.page(res, rec, route, url, this.pullFiles.map((f) => this.diffEntry(f)));
      case 'issues.listComments':
        return this.page(res, rec, route, url, this.comments.map((c) => this.commentJson(c)));
      case 'issues.createComment': {
        const me = this.identity.kind === 'user' ? { login: this.identity.login, type: 'User' as const, id: this.identity.id } : ACTIONS_BOT;
        const c = this.seedComment((rec.body as { body: string }).body, me);
        return this.send(res, rec, route, 201, this.commentJson(c), { location: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}` });
      }
      case 'issues.updateComment': {
        const c = this.comments.find((x) => x.id === Number(m[3]));
        if (!c) return this.send(res, rec, route, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        c.body = (rec.body as { body: string }).body;
        c.updatedAt = this.tick();
        return this.send(res, rec, route, 200, this.commentJson(c));
      }
      case 'checks.create': {
        const b = rec.body as Record<string, unknown>;
        const run: StoredCheckRun = {
          id: this.nextId++,
          name: String(b.name),
          headSha: String(b.head_sha),
          status: typeof b.status === 'string' ? b.status : 'queued',
          conclusion: typeof b.conclusion === 'string' ? b.conclusion : null,
          startedAt: typeof b.started_at === 'string' ? b.started_at : this.tick(),
          completedAt: typeof b.completed_at === 'string' ? b.completed_at : null,
          detailsUrl: typeof b.details_url === 'string' ? b.details_url : null,
          externalId: typeof b.external_id === 'string' ? b.external_id : null,
          output: { title: null, summary: null, text: null },
          annotations: [],
          batches: [],
        };
        this.applyCheckOutput(run, b.output);
        this.checkRuns.push(run);
        return this.send(res, rec, route, 201, this.checkRunJson(run));
      }
      case 'checks.update': {
        const run = this.checkRuns.find((x) => x.id === Number(m[3]));
        if (!run) return this.send(res, rec, route, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        const b = rec.body as Record<string, unknown>;
        if (typeof b.status === 'string') run.status = b.status;
        if (typeof b.conclusion === 'string') {
          run.conclusion = b.conclusion;
          run.status = 'completed';
        }
        if (typeof b.completed_at === 'string') run.completedAt = b.completed_at;
        if (typeof b.details_url === 'string') run.detailsUrl = b.details_url;
        this.applyCheckOutput(run, b.output);
        return this.send(res, rec, route, 200, this.checkRunJson(run));
      }
    }
  }

  private applyCheckOutput(run: StoredCheckRun, output: unknown): void {
    if (!output || typeof output !== 'object') return;
    const o = output as { title?: string; summary?: string; text?: string; annotations?: Array<Record<string, unknown>> };
    if (o.title !== undefined) run.output.title = o.title;
    if (o.summary !== undefined) run.output.summary = o.summary;
    if (o.text !== undefined) run.output.text = o.text;
    const n = o.annotations?.length ?? 0;
    if (n > 50) this.violations.push(`checks: ${n} annotations in one request (GitHub takes at most 50)`);
    if (o.summary !== undefined && o.summary.length > 65_535) this.violations.push('checks: output.summary over 65,535 characters');
    run.batches.push(n);
    if (o.annotations) run.annotations.push(...o.annotations);
  }

  private page(res: ServerResponse, rec: RecordedRequest, route: Route, url: URL, all: unknown[]): void {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string) => {
      const u = new URL(url.pathname, this.url);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    this.send(res, rec, route, 200, items, links.length ? { link: links.join(', ') } : {});
  }

  private send(
    res: ServerResponse,
    rec: RecordedRequest,
    route: Route | undefined,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    rec.status = status;
    if (route) {
      const v = responseValidator(route.template, route.method, status);
      if (v && !v(body)) {
        this.violations.push(`${route.name}: response ${status} does not match the OpenAPI schema: ${describeErrors(v)}`);
      }
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...headers,
    });
    res.end(text);
  }

  // -------------------------------------------------------------------------------
  // Response bodies

  private user(login: string, type: 'Bot' | 'User' | 'Organization', id: number) {
    const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: `MDQ6VXNlcj${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `https://github.com/${encodeURIComponent(login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type,
      site_admin: false,
    };
  }

  /** `GET /user`'s answer for a person's token (the private-user schema). */
  private privateUser(login: string, id: number) {
    return {
      ...this.user(login, 'User', id),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
      plan: { collaborators: 0, name: 'free', space: 976562499, private_repos: 10000 },
    };
  }

  /**
   * POST /graphql: only `query { viewer { login } }` is served (what the Action asks to
   * learn its own identity), answered as GitHub does for the token's kind.
   */
  private graphql(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, raw: string): void {
    let body: { query?: unknown } | undefined;
    try {
      body = JSON.parse(raw) as { query?: unknown };
      rec.body = body;
    } catch {
      this.violations.push('graphql: request body is not JSON');
    }
    const send = (status: number, payload: unknown) => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`) {
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
    }
    const failure = this.failures.get('graphql');
    if (failure && failure.left > 0) {
      failure.left--;
      return send(failure.status, { message: failure.message ?? defaultMessage(failure.status) });
    }
    const query = typeof body?.query === 'string' ? body.query.replace(/\s+/g, ' ').trim() : '';
    if (!/^query \{ viewer \{ login \} \}$/.test(query)) {
      this.violations.push(`graphql: unexpected query ${JSON.stringify(query)}`);
      return send(200, { errors: [{ message: 'unexpected query' }] });
    }
    const login = this.identity.kind === 'user' ? this.identity.login : ACTIONS_BOT.login;
    return send(200, { data: { viewer: { login } } });
  }

  private repoUrl(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private diffEntry(f: PullFileInput) {
    const patch = f.patch ?? '';
    const additions = patch.split('\n').filter((l) => l.startsWith('+')).length;
    const deletions = patch.split('\n').filter((l) => l.startsWith('-')).length;
    const sha = fakeSha(f.filename);
    return {
      sha,
      filename: f.filename,
      status: f.status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${this.owner}/${this.repo}/blob/${sha}/${f.filename}`,
      raw_url: `https://github.com/${this.owner}/${this.repo}/raw/${sha}/${f.filename}`,
      contents_url: `${this.repoUrl()}/contents/${f.filename}?ref=${sha}`,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
    };
  }

  private commentJson(c: StoredComment) {
    return {
      id: c.id,
      node_id: `IC_kwDO${c.id}`,
      url: `${this.repoUrl()}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${this.pullNumber}#issuecomment-${c.id}`,
      body: c.body,
      user: this.user(c.userLogin, c.userType, c.userId),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${this.repoUrl()}/issues/${this.pullNumber}`,
      author_association: c.userType === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
      performed_via_github_app: null,
    };
  }

  private checkRunJson(run: StoredCheckRun) {
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: `CR_kwDO${run.id}`,
      external_id: run.externalId,
      url: `${this.repoUrl()}/check-runs/${run.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${this.repoUrl()}/check-runs/${run.id}/annotations`,
      },
      name: run.name,
      check_suite: { id: 5000 + run.id },
      app: {
        id: 15368,
        slug: 'github-actions',
        node_id: 'MDM6QXBwMTUzNjg=',
        owner: this.user('github', 'Organization', 9919),
        name: 'GitHub Actions',
        description: 'Automate your workflow from idea to production',
        external_url: 'https://help.github.com/en/actions',
        html_url: 'https://github.com/apps/github-actions',
        created_at: '2018-07-30T09:30:17Z',
        updated_at: '2024-04-10T20:33:16Z',
        permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'write' },
        events: ['check_run', 'pull_request'],
      },
      pull_requests: [],
    };
  }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 403:
      return 'Resource not accessible by integration';
    case 404:
      return 'Not Found';
    case 429:
      return 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    default:
      return status >= 500 ? 'Server Error' : 'Error';
  }
}

function fakeSha(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(5);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
