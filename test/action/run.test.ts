import { REPO, FIXTURES } from '../helpers/paths.js';
/**
 * The BUILT Action bundle (dist-action/index.mjs), run as a runner runs it: `node
 * <bundle>` with the runner's environment (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
 * GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * INPUT_* with action.yml's defaults), against a local stand-in for the GitHub REST API
 * (test/helpers/github-server.ts) that checks every request and response against
 * GitHub's OpenAPI description.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MARKDOWN_MARKER } from '../../src/report/markdown.js';
import { FakeGitHub, type PullFileInput } from '../helpers/github-server.js';

import { BUNDLE, EXAMPLES, HEAD_SHA, prPayload, runAction, TOKEN, tmp, write } from '../helpers/action.js';
// Fixtures

/** A synthetic credential per line: 60 findings (DG-CRED-002) in one .env file. */
function envWith60Credentials(): string {
  let s = '';
  for (let i = 1; i <= 60; i++) s += `C06_SECRET_KEY_${i}=Tq${(i * 7919).toString(36)}Xv9Lm${(i * 104729).toString(36)}Pz\n`;
  return s;
}

const SECRET_YAML = `apiVersion: v1
kind: Secret
metadata:
  name: dancu-credentials
type: Opaque
data:
  C06_PASSWORD: RmFrZVBhc3N3b3JkMDAwMDAwMjY=
`;

const DEPLOYMENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dvc-portal
spec:
  template:
    spec:
      containers:
        - name: web
          image: dvc-portal:1.0
          env:
            - name: LGSP_URL
              value: https://lgsp.tinh-mau.gov.vn
`;

function bigWorkspace(): string {
  const ws = tmp('ws');
  write(ws, {
    'config/.env': envWith60Credentials(),
    'k8s/secret.yaml': SECRET_YAML,
    'README.md': '# Cổng dịch vụ công tỉnh mẫu\n\nDữ liệu thử nghiệm, không có thông tin thật.\n',
  });
  return ws;
}

/** The PR changes lines 10 and 11 of config/.env, renames the Secret and edits the README. */
const BIG_PR_FILES: PullFileInput[] = [
  {
    filename: 'config/.env',
    status: 'modified',
    patch: [
      '@@ -7,6 +7,6 @@ C06_SECRET_KEY_6=x',
      ' C06_SECRET_KEY_7=a',
      ' C06_SECRET_KEY_8=a',
      ' C06_SECRET_KEY_9=a',
      '-C06_SECRET_KEY_10=old',
      '-C06_SECRET_KEY_11=old',
      '+C06_SECRET_KEY_10=new',
      '+C06_SECRET_KEY_11=new',
      ' C06_SECRET_KEY_12=a',
    ].join('\n'),
  },
  { filename: 'k8s/secret.yaml', status: 'renamed', previous_filename: 'deploy/secret.yaml' },
  { filename: 'README.md', status: 'modified', patch: '@@ -1,3 +1,3 @@\n-# Cổng\n+# Cổng dịch vụ công tỉnh mẫu\n \n Dữ liệu' },
];

const sarifSchema = JSON.parse(readFileSync(join(FIXTURES, 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
const sarifAjv = new Ajv2020({ strict: false, allErrors: true });
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => void;
addFormats(sarifAjv);
const validateSarif = sarifAjv.compile(sarifSchema);

// ---------------------------------------------------------------------------------

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error('dist-action/index.mjs is missing: run `npm run build:action`');
});

describe('push event', () => {
  it('scans, annotates, writes the job summary, SARIF and outputs, and makes no API call', async () => {
    const api = await new FakeGitHub({ token: TOKEN }).start();
    try {
      const ws = tmp('push');
      cpSync(join(EXAMPLES, 'ts-violating'), ws, { recursive: true });
      const clear = readFileSync(join(ws, '.env'), 'utf8').match(/C06_API_KEY=(\S+)/)![1]!;
      const r = await runAction({
        workspace: ws,
        event: 'push',
        payload: { ref: 'refs/heads/main', after: HEAD_SHA, repository: { full_name: 'tinh-mau/dvc-portal' } },
        apiUrl: api.url,
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.outputs).toEqual({
        findings: '15',
        blocking: '15',
        verdict: 'fail',
        'sarif-file': join(ws, 'dancu-guard.sarif'),
      });
      expect(r.stdout).toMatch(/^::error file=\.env,line=3,col=13,title=DG-CRED-002 /m);
      expect(r.stdout).toMatch(/^::error file=k8s\/secret\.yaml,line=9,col=17,title=DG-CRED-003 /m);
      expect(r.stdout).toMatch(/^::notice::dancu-guard: 15 findings \(15 blocking at or above high\)/m);
      expect(r.stdout).toMatch(/^::group::dancu-guard /m);

      expect(r.summary.startsWith(MARKDOWN_MARKER)).toBe(true);
      expect(r.summary).toContain('**FAIL**');
      expect(r.summary).toContain('### Blocking findings (15)');
      expect(r.summary).toContain('| credentials | lookup-tool |');
      expect(r.summary).toContain('Công văn 2761/BCA-QLHCTTXH');
      expect(r.summary).not.toContain('Diff-aware gating');

      const sarifText = readFileSync(join(ws, 'dancu-guard.sarif'), 'utf8');
      const sarif = JSON.parse(sarifText) as { runs: Array<{ automationDetails?: { id: string }; results: unknown[] }> };
      expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
      expect(sarif.runs[0]!.automationDetails?.id).toBe('dancu-guard/merge/');
      expect(sarif.runs[0]!.results).toHaveLength(15);

      for (const text of [r.stdout, r.summary, sarifText]) expect(text).not.toContain(clear);
      expect(api.requests).toEqual([]);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('passes on the compliant example (exit 0, verdict pass)', async () => {
    const ws = tmp('ok');
    cpSync(join(EXAMPLES, 'ts-compliant'), ws, { recursive: true });
    const r = await runAction({ workspace: ws, event: 'push', inputs: { 'sarif-file': '' } });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ findings: '0', blocking: '0', verdict: 'pass', 'sarif-file': '' });
    expect(r.summary).toContain('**PASS**');
    expect(existsSync(join(ws, 'dancu-guard.sarif'))).toBe(false);
  });

  it('prefixes paths when path is a subdirectory of the workspace', async () => {
    const ws = tmp('sub');
    cpSync(join(EXAMPLES, 'ts-violating'), join(ws, 'services', 'portal'), { recursive: true });
    const r = await runAction({ workspace: ws, event: 'push', inputs: { path: 'services/portal', 'fail-on': 'critical' } });
    expect(r.code).toBe(1);
    expect(r.outputs.blocking).toBe('7');
    expect(r.stdout).toMatch(/^::error file=services\/portal\/\.env,line=3,/m);
    expect(r.stdout).toMatch(/^::warning file=services\/portal\/k8s\/deployment\.yaml,line=21,/m);
    const sarif = readFileSync(join(ws, 'dancu-guard.sarif'), 'utf8');
    expect(sarif).toContain('"uri": "services/portal/.env"');
  });
});

describe('pull_request event', () => {
  let api: FakeGitHub;
  beforeEach(async () => {
    api = await new FakeGitHub({ token: TOKEN, pullFiles: BIG_PR_FILES }).start();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  it('gates on changed lines, comments once and updates in place, and files a check run in batches of 50', async () => {
    // 120 comments by people first, so finding our comment takes two pages.
    for (let i = 0; i < 120; i++) api.seedComment(`Nhận xét số ${i}`);
    const ws = bigWorkspace();
    const run = () => runAction({ workspace: ws, event: 'pull_request', payload: prPayload({ changed_files: 3 }), apiUrl: api.url });

    const first = await run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.outputs.findings).toBe('61');
    expect(first.outputs.blocking).toBe('3');
    expect(first.outputs.verdict).toBe('fail');

    // Only the changed lines (.env 10 and 11) and the renamed Secret block.
    const errors = first.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.map((l) => /file=([^,]+),line=(\d+)/.exec(l)!.slice(1).join(':')).sort()).toEqual([
      'config/.env:10',
      'config/.env:11',
      'k8s/secret.yaml:7',
    ]);
    expect(first.stdout.split('\n').filter((l) => l.startsWith('::warning file=config/.env'))).toHaveLength(58);
    expect(first.stdout).toContain('(pre-existing%2C not blocking)'); // a comma in a property, escaped

    // The API: files (one page), comments (two pages), one comment created, a check run.
    expect(api.calls('pulls.listFiles')).toHaveLength(1);
    expect(api.calls('pulls.listFiles')[0]!.query.per_page).toBe('100');
    expect(api.calls('issues.listComments').map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(api.calls('issues.createComment')).toHaveLength(1);
    expect(api.calls('issues.updateComment')).toHaveLength(0);
    const ours = api.comments.filter((c) => c.body.startsWith(MARKDOWN_MARKER));
    expect(ours).toHaveLength(1);
    const body = ours[0]!.body;
    expect(body).toContain('**FAIL**');
    expect(body).toContain('### Blocking findings (3)');
    expect(body).toContain('Diff-aware gating');
    expect(body).toContain('Pre-existing findings (not introduced by this pull request) — not blocking (58)');
    expect(body.length).toBeLessThanOrEqual(65_536);

    expect(api.checkRuns).toHaveLength(1);
    const check = api.checkRuns[0]!;
    expect(check.name).toBe('dancu-guard');
    expect(check.headSha).toBe(HEAD_SHA);
    expect(check.status).toBe('completed');
    expect(check.conclusion).toBe('failure');
    expect(check.detailsUrl).toBe('https://github.com/tinh-mau/dvc-portal/actions/runs/4242');
    expect(check.batches).toEqual([50, 11]);
    expect(check.annotations).toHaveLength(61);
    const failures = check.annotations.filter((a) => a.annotation_level === 'failure');
    expect(failures.map((a) => `${String(a.path)}:${String(a.start_line)}`).sort()).toEqual([
      'config/.env:10',
      'config/.env:11',
      'k8s/secret.yaml:7',
    ]);
    expect(check.annotations.slice(0, 3).every((a) => a.annotation_level === 'failure')).toBe(true);
    expect(check.annotations.filter((a) => a.annotation_level === 'notice')).toHaveLength(58);
    const createReq = api.calls('checks.create')[0]!.body as Record<string, unknown>;
    expect(createReq.status).toBe('in_progress');
    const updates = api.calls('checks.update').map((r) => r.body as Record<string, unknown>);
    expect(updates.map((u) => u.conclusion)).toEqual([undefined, 'failure']);

    expect(first.summary).toContain('Diff-aware gating');
    // No base commit in the checkout: line-based gating from the API, and the summary says so.
    expect(first.summary).toContain('### Notes');
    expect(first.summary).toContain('The checkout does not have the base commit: gating on the lines the pull request changes');

    // Second run, over an older report (the report's text varies with the scan's duration,
    // so an identical body is left alone): the same comment is updated in place.
    api.comments.find((c) => c.id === ours[0]!.id)!.body = `${MARKDOWN_MARKER}\nan older report`;
    api.resetRequests();
    const second = await run();
    expect(second.code).toBe(1);
    expect(api.calls('issues.createComment')).toHaveLength(0);
    expect(api.calls('issues.updateComment')).toHaveLength(1);
    expect(api.calls('issues.updateComment')[0]!.path).toBe(`/repos/tinh-mau/dvc-portal/issues/comments/${ours[0]!.id}`);
    expect(api.comments.filter((c) => c.body.startsWith(MARKDOWN_MARKER))).toHaveLength(1);
    expect(api.comments).toHaveLength(121);

    // Secrets never in clear anywhere.
    const clear = envWith60Credentials().split('\n')[9]!.split('=')[1]!;
    for (const text of [first.stdout, first.summary, body, JSON.stringify(check.annotations)]) expect(text).not.toContain(clear);
  });

  it('passes when the pull request touches no line with a finding (pre-existing ones listed, not blocking)', async () => {
    api.pullFiles = [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-# A\n+# B' }];
    const r = await runAction({ workspace: bigWorkspace(), event: 'pull_request', payload: prPayload(), apiUrl: api.url });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ findings: '61', blocking: '0', verdict: 'pass' });
    expect(r.stdout).not.toMatch(/^::error /m);
    expect(api.checkRuns[0]!.conclusion).toBe('success');
    expect(api.comments[0]!.body).toContain('**PASS**');
    expect(api.comments[0]!.body).toContain('not blocking (61)');
  });

  it('keeps the verdict when the API answers 500 on the comment, and says so', async () => {
    api.fail('issues.createComment', { status: 500 });
    const r = await runAction({ workspace: bigWorkspace(), event: 'pull_request', payload: prPayload(), apiUrl: api.url });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    // Retried twice, then reported; the check run still went through.
    expect(api.calls('issues.createComment')).toHaveLength(3);
    expect(r.stdout).toMatch(/^::warning::dancu-guard: PR comment: GitHub API error 500 \(Server Error\)\. The verdict \(FAIL\) does not depend on it\./m);
    expect(r.summary).toContain('### Notes');
    expect(r.summary).toContain('PR comment: GitHub API error 500');
    expect(api.checkRuns[0]!.conclusion).toBe('failure');
  });

  it('says "no permission" in the summary on 403 and goes on', async () => {
    api.fail('issues.createComment', { status: 403 });
    api.fail('checks.create', { status: 403 });
    const r = await runAction({ workspace: bigWorkspace(), event: 'pull_request', payload: prPayload(), apiUrl: api.url });
    expect(r.code).toBe(1);
    expect(api.calls('issues.createComment')).toHaveLength(1); // 403 is not retried
    expect(r.summary).toContain('PR comment: no permission (403 Resource not accessible by integration)');
    expect(r.summary).toContain('pull-requests: write');
    expect(r.summary).toContain('check run: no permission (403');
    expect(r.summary).toContain('checks: write');
    expect(r.outputs.verdict).toBe('fail');
  });

  it('waits out a secondary rate limit (429 with retry-after) and retries once', async () => {
    api.fail('issues.createComment', { status: 429, times: 1, headers: { 'retry-after': '1' } });
    const r = await runAction({ workspace: bigWorkspace(), event: 'pull_request', payload: prPayload(), apiUrl: api.url });
    expect(r.code).toBe(1);
    expect(api.calls('issues.createComment').map((c) => c.status)).toEqual([429, 201]);
    expect(r.stdout).toContain('rate limit');
    expect(r.summary).not.toContain('429'); // the retry succeeded: no API problem noted
    expect(r.summary).toContain('The checkout does not have the base commit');
  });

  it('reports a rate limit that does not go away, and keeps a passing verdict a pass', async () => {
    api.pullFiles = [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-# A\n+# B' }];
    api.fail('issues.createComment', { status: 429, headers: { 'retry-after': '1' } });
    const r = await runAction({ workspace: bigWorkspace(), event: 'pull_request', payload: prPayload(), apiUrl: api.url });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('PR comment: GitHub API rate limit exceeded (429');
  });

  it('gates every finding when the changed lines cannot be had (files API fails)', async () => {
    api.fail('pulls.listFiles', { status: 404 });
    const r = await runAction({ workspace: bigWorkspace(), event: 'pull_request', payload: prPayload(), apiUrl: api.url });
    expect(r.code).toBe(1);
    expect(r.outputs.blocking).toBe('61');
    expect(r.summary).toContain("listing the pull request's files: no permission (404");
    expect(r.summary).toContain('every finding gates');
  });

  it('gates every finding when the API lists fewer files than the pull request has', async () => {
    const r = await runAction({
      workspace: bigWorkspace(),
      event: 'pull_request',
      payload: prPayload({ changed_files: 4000 }),
      apiUrl: api.url,
    });
    expect(r.outputs.blocking).toBe('61');
    expect(r.summary).toContain('listed 3 of the pull request');
  });

  it('without a token: no API call, every finding gates, and the summary says why', async () => {
    const r = await runAction({
      workspace: bigWorkspace(),
      event: 'pull_request',
      payload: prPayload(),
      apiUrl: api.url,
      inputs: { 'github-token': '' },
    });
    expect(r.code).toBe(1);
    expect(api.requests).toEqual([]);
    expect(r.outputs.blocking).toBe('61');
    expect(r.summary).toContain('No GitHub token');
  });

  it('comment: false skips the comment but not the check run', async () => {
    const r = await runAction({
      workspace: bigWorkspace(),
      event: 'pull_request',
      payload: prPayload(),
      apiUrl: api.url,
      inputs: { comment: 'false' },
    });
    expect(r.code).toBe(1);
    expect(api.calls('issues.listComments')).toHaveLength(0);
    expect(api.checkRuns).toHaveLength(1);
  });

  it('mode deploy gates the whole repository and blocks any credential in a manifest, even with fail-on none', async () => {
    const r = await runAction({
      workspace: bigWorkspace(),
      event: 'pull_request',
      payload: prPayload(),
      apiUrl: api.url,
      inputs: { mode: 'deploy', 'fail-on': 'none' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.blocking).toBe('1'); // the Secret manifest; the .env is app config
    expect(api.calls('pulls.listFiles')).toHaveLength(0);
    expect(api.checkRuns[0]!.name).toBe('dancu-guard (deploy)');
    expect(r.summary).toContain('Mode `deploy`');
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
    expect(sarif.runs[0]!.automationDetails.id).toBe('dancu-guard/deploy/');
  });

  it('takes the changed lines from git when the checkout has the base commit (the test merge commit)', async () => {
    const ws = tmp('git');
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: ws, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-05T08:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T08:00:00Z' } });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'CI');
    write(ws, { 'config/.env': envWith60Credentials().replace(/^C06_SECRET_KEY_20=.*$/m, 'APP_NAME=dvc') });
    git('add', '-A');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    git('checkout', '-qb', 'feature');
    write(ws, { 'config/.env': envWith60Credentials() });
    git('commit', '-qam', 'feature: line 20');
    const head = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'main');
    git('merge', '-q', '--no-ff', '--no-edit', 'feature');
    const r = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: { number: 7, pull_request: { number: 7, head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } } },
      apiUrl: api.url,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.blocking).toBe('1');
    expect(r.stdout).toMatch(/^::error file=config\/\.env,line=20,/m);
    expect(api.calls('pulls.listFiles')).toHaveLength(0);
    expect(r.summary).toMatch(/compared with main \(git [0-9a-f]{12}\)/);
    expect(r.summary).toContain('Gating by fingerprint');
  });

  it('with the base commit in the checkout, gates by fingerprint: a violation introduced away from its line blocks', async () => {
    const ws = tmp('git-fp');
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: ws, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-05T08:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T08:00:00Z' } });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    cpSync(join(REPO, 'examples', 'ts-compliant'), ws, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'CI');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    git('checkout', '-qb', 'feature');
    const gw = join(ws, 'src', 'dancu', 'gateway.ts');
    writeFileSync(gw, readFileSync(gw, 'utf8').replace(/^\s*auditLog\(req[^\n]*\n/m, ''));
    git('commit', '-qam', 'feature: no audit log');
    const head = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'main');
    git('merge', '-q', '--no-ff', '--no-edit', 'feature');
    const r = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: { number: 8, pull_request: { number: 8, head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } } },
      apiUrl: api.url,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.blocking).toBe('1');
    expect(r.stdout).toMatch(/^::error file=src\/dancu\/gateway\.ts,line=\d+,.*DG-LOG-001/m);
    expect(r.summary).toContain('Gating by fingerprint');
  });

  it('uses a baseline: recorded findings do not block', async () => {
    const ws = bigWorkspace();
    const cli = spawnSync(process.execPath, [join(REPO, 'bin', 'dancu-guard.js'), 'scan', '.', '--write-baseline', 'baseline.json'], {
      cwd: ws,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    const r = await runAction({ workspace: ws, event: 'pull_request', payload: prPayload(), apiUrl: api.url, inputs: { baseline: 'baseline.json' } });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ findings: '0', blocking: '0', verdict: 'pass' });
  });
});

// ---------------------------------------------------------------------------------
// mode: deploy — the pre-deployment gate (src/gate/run.ts runGate)

const DEPLOY_MARKER = '<!-- dancu-guard:report:deploy -->';

function gateExample(name: string, into?: string): string {
  const ws = tmp(`gate-${name}`);
  cpSync(join(EXAMPLES, name), into ? join(ws, into) : ws, { recursive: true });
  // The province's public key, as a protected workflow would place it (the examples'
  // approvals are signed with it; docs/approvals.md).
  mkdirSync(join(ws, '.province'), { recursive: true });
  cpSync(join(EXAMPLES, 'province-example.pub'), join(ws, '.province', 'tinh-mau.pub'));
  return ws;
}
/** Deploy inputs that check the examples' signed approvals. */
const SIGNED = { 'trust-key': '.province/tinh-mau.pub' };

describe('mode deploy: the pre-deployment gate', () => {
  it('passes the approved example on 2026-12-01, with the gate header in the job summary', async () => {
    const api = await new FakeGitHub({ token: TOKEN }).start();
    try {
      const ws = gateExample('gate-approved');
      const r = await runAction({
        workspace: ws,
        event: 'workflow_dispatch',
        payload: { ref: 'refs/heads/release/2026-12', inputs: {} },
        apiUrl: api.url,
        inputs: { mode: 'deploy', 'deploy-date': '2026-12-01', ...SIGNED },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.outputs).toEqual({ findings: '0', blocking: '0', verdict: 'pass', 'sarif-file': join(ws, 'dancu-guard.sarif') });
      expect(r.stdout).not.toMatch(/^::error/m);
      expect(r.stdout).toMatch(/^::group::dancu-guard .*: pre-deployment gate on \. for 2026-12-01$/m);
      expect(r.stdout).toContain('dancu-guard: gate for 2026-12-01: 0 findings, 0 blocking: PASS');

      expect(r.summary.startsWith(DEPLOY_MARKER)).toBe(true);
      expect(r.summary).toContain('## Pre-deployment gate — deploy date 2026-12-01');
      expect(r.summary).toContain('- Declaration: dancu-integration.yml — ');
      expect(r.summary).toContain('- Fingerprint: sha256:6f71e0231a2e49c39a76b40f8db7a96abac7878732e663c3602fb21862ff5729 (3 files)');
      expect(r.summary).toContain('- Notice: 123/STTTT-CNTT, submitted 2026-10-01, approved 456/TCT-DA06 on 2026-10-20, go-live 2026-11-30');
      expect(r.summary).toContain("- Approval signature: signed with the province's key fb9be619b4eee972 (dancu-approvals/6f71e0231a2e49c3.dsse.json)");
      // One verdict: the report's line, in the gate's words.
      expect(r.summary).toContain('\n**ALLOWED** — ');
      expect(r.summary).not.toMatch(/Verdict:|\*\*PASS\*\*/);
      expect(r.summary).toContain('Mode `deploy`');

      const sarif = JSON.parse(readFileSync(join(ws, 'dancu-guard.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string }; results: unknown[] }> };
      expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
      expect(sarif.runs[0]!.automationDetails.id).toBe('dancu-guard/deploy/');
      expect(sarif.runs[0]!.results).toHaveLength(0);
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('blocks the Tết example on 2026-02-24 with DG-GATE-003: annotation, summary, SARIF', async () => {
    const ws = gateExample('gate-tet');
    const r = await runAction({ workspace: ws, event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-02-24', ...SIGNED } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.outputs).toEqual({ findings: '1', blocking: '1', verdict: 'fail', 'sarif-file': join(ws, 'dancu-guard.sarif') });
    expect(r.stdout).toMatch(/^::error file=dancu-integration\.yml,line=18,title=DG-GATE-003 Notice submitted fewer than 10 working days before go-live::.*only 5 working day\(s\).*Earliest legal go-live: 2026-03-03\./m);
    expect(r.stdout).toContain('dancu-guard: gate for 2026-02-24: 1 finding, 1 blocking: FAIL');

    expect(r.summary.startsWith(DEPLOY_MARKER)).toBe(true);
    expect(r.summary).toContain('## Pre-deployment gate — deploy date 2026-02-24');
    expect(r.summary).toContain('(5 working days; earliest legal go-live 2026-03-03)');
    expect(r.summary).toContain('\n**BLOCKED** — 1 blocking at or above high\n');
    expect(r.summary).not.toMatch(/Verdict:|\*\*FAIL\*\*/);
    expect(r.summary).toMatch(/\| high \| DG-GATE-003 \| dancu-integration\.yml:18 \|/);
    expect(r.summary).toContain('**DG-GATE-003** — Notice submitted fewer than 10 working days before go-live');

    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as {
      runs: Array<{ automationDetails: { id: string }; results: Array<{ ruleId: string; level: string }> }>;
    };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0]!.automationDetails.id).toBe('dancu-guard/deploy/');
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(['DG-GATE-003']);
  });

  it('a later deploy-date does not cure DG-GATE-003 (the notice\'s own goLive is judged)', async () => {
    // The notice's goLive stays 2026-02-24, so a later deploy date still has DG-GATE-003.
    const r = await runAction({ workspace: gateExample('gate-tet'), event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-03-03' } });
    expect(r.code).toBe(1);
    expect(r.summary).toContain('## Pre-deployment gate — deploy date 2026-03-03');
    expect(r.summary).toContain('DG-GATE-003');
  });

  it('on a pull request: its own sticky comment (next to the merge one) and a "dancu-guard (deploy)" check run', async () => {
    const api = await new FakeGitHub({ token: TOKEN }).start();
    try {
      const merge = api.seedComment(`${MARKDOWN_MARKER}\n## dancu-guard — compliance report\n\n**PASS**`, { login: 'github-actions[bot]', type: 'Bot' });
      const run = () =>
        runAction({
          workspace: gateExample('gate-tet'),
          event: 'pull_request',
          payload: prPayload(),
          apiUrl: api.url,
          inputs: { mode: 'deploy', 'deploy-date': '2026-02-24', ...SIGNED },
        });
      const r = await run();
      expect(r.code).toBe(1);
      expect(api.calls('pulls.listFiles')).toHaveLength(0); // no diff-aware gating
      expect(api.calls('issues.createComment')).toHaveLength(1);
      expect(api.calls('issues.updateComment')).toHaveLength(0);
      const deploy = api.comments.filter((c) => c.body.startsWith(DEPLOY_MARKER));
      expect(deploy).toHaveLength(1);
      expect(deploy[0]!.body).toContain('## Pre-deployment gate — deploy date 2026-02-24');
      expect(deploy[0]!.body).toContain('DG-GATE-003');
      expect(api.comments.find((c) => c.id === merge.id)!.body).toBe(`${MARKDOWN_MARKER}\n## dancu-guard — compliance report\n\n**PASS**`);

      expect(api.checkRuns).toHaveLength(1);
      const check = api.checkRuns[0]!;
      expect(check.name).toBe('dancu-guard (deploy)');
      expect(check.conclusion).toBe('failure');
      expect(check.annotations.map((a) => `${String(a.annotation_level)} ${String(a.path)}:${String(a.start_line)} ${String(a.title)}`)).toEqual([
        'failure dancu-integration.yml:18 DG-GATE-003 Notice submitted fewer than 10 working days before go-live',
      ]);

      // A second run updates the deploy comment, not the merge one.
      api.resetRequests();
      expect((await run()).code).toBe(1);
      expect(api.calls('issues.createComment')).toHaveLength(0);
      expect(api.calls('issues.updateComment').length).toBeLessThanOrEqual(1);
      expect(api.comments.filter((c) => c.body.startsWith(DEPLOY_MARKER))).toHaveLength(1);
      expect(api.comments).toHaveLength(2);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('prefixes paths when path is a subdirectory, and maps a declaration kept outside it', async () => {
    const ws = gateExample('gate-tet', 'services/portal');
    const sub = await runAction({ workspace: ws, event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-02-24', path: 'services/portal' } });
    expect(sub.code).toBe(1);
    expect(sub.stdout).toMatch(/^::error file=services\/portal\/dancu-integration\.yml,line=18,title=DG-GATE-003 /m);
    expect(sub.summary).toContain('- Declaration: services/portal/dancu-integration.yml — ');

    mkdirSync(join(ws, 'records'));
    cpSync(join(ws, 'services/portal/dancu-integration.yml'), join(ws, 'records/dancu-integration.yml'));
    rmSync(join(ws, 'services/portal/dancu-integration.yml'));
    const outside = await runAction({
      workspace: ws,
      event: 'push',
      inputs: { mode: 'deploy', 'deploy-date': '2026-02-24', path: 'services/portal', declaration: 'records/dancu-integration.yml' },
    });
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/^::error file=records\/dancu-integration\.yml,line=18,title=DG-GATE-003 /m);
    expect(outside.summary).toContain('- Declaration: records/dancu-integration.yml — ');
  });

  it.each([
    ['2026-02-30', 'not a real day'],
    ['01/12/2026', 'day first'],
    ['2026-12-1', 'no leading zero'],
    ['tomorrow', 'a word'],
  ])('deploy-date %s (%s) → exit 2 with a message, no verdict', async (value) => {
    const r = await runAction({ workspace: gateExample('gate-approved'), event: 'push', inputs: { mode: 'deploy', 'deploy-date': value } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`::error::dancu-guard: input deploy-date: "${value}" is not a real date in the form YYYY-MM-DD (e.g. 2026-12-01)`);
    expect(r.outputs).toEqual({});
  });

  it('without a declaration the gate blocks with DG-GATE-001, never a pass', async () => {
    const ws = gateExample('gate-approved');
    rmSync(join(ws, 'dancu-integration.yml'));
    const r = await runAction({ workspace: ws, event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-12-01' } });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).toMatch(/^::error file=dancu-integration\.yml,line=1,title=DG-GATE-001 /m);
    expect(r.summary).toContain('- Declaration: dancu-integration.yml (missing)');
    expect(r.summary).toContain('DG-GATE-001');
    expect(r.summary).toContain('\n**BLOCKED** — ');
  });

  it('a cache-dir inside the workspace → exit 2 (the repository could plant cache entries)', async () => {
    const r = await runAction({ workspace: gateExample('gate-approved'), event: 'push', inputs: { 'cache-dir': '.cache/dancu-guard' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::dancu-guard: input cache-dir: ".cache/dancu-guard" is inside the workspace');
    expect(r.outputs).toEqual({});
  });

  it('a declaration input that does not exist → exit 2', async () => {
    const r = await runAction({
      workspace: gateExample('gate-approved'),
      event: 'push',
      inputs: { mode: 'deploy', 'deploy-date': '2026-12-01', declaration: 'records/missing.yml' },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::dancu-guard: input declaration: "records/missing.yml" does not exist');
    expect(r.outputs).toEqual({});
  });

  it('an invalid declaration → exit 2 naming the file and the key, never a pass', async () => {
    const ws = gateExample('gate-approved');
    const decl = readFileSync(join(ws, 'dancu-integration.yml'), 'utf8').replace(/^securityLevel: 3$/m, 'securityLevel: cao');
    writeFileSync(join(ws, 'dancu-integration.yml'), decl);
    const r = await runAction({ workspace: ws, event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-12-01' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error::dancu-guard: .*dancu-integration\.yml:\d+.*securityLevel/m);
    expect(r.outputs.verdict).toBeUndefined();
  });

  it('fail-on none: a credential in a deployment manifest (DG-GATE-010) still blocks, and the verdict line says why', async () => {
    const ws = gateExample('gate-approved');
    write(ws, { 'k8s/secret.yaml': SECRET_YAML });
    const r = await runAction({ workspace: ws, event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-12-01', 'fail-on': 'none' } });
    expect(r.code).toBe(1);
    expect(r.outputs.blocking).toBe('1');
    expect(r.stdout).toMatch(/^::error file=k8s\/secret\.yaml,line=7,title=DG-GATE-010 /m);
    expect(r.summary).toContain('\n**BLOCKED** (1 deployment manifest holds a credential: DG-GATE-010 blocks whatever fail-on says)\n');
  });

  it('the baseline accepts scan findings, never gate findings', async () => {
    const ws = gateExample('gate-approved');
    write(ws, { 'config/.env': envWith60Credentials() });
    const cli = spawnSync(process.execPath, [join(REPO, 'bin', 'dancu-guard.js'), 'scan', '.', '--write-baseline', 'baseline.json'], { cwd: ws, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const inputs = { mode: 'deploy', 'deploy-date': '2026-12-01', ...SIGNED };

    const without = await runAction({ workspace: ws, event: 'push', inputs });
    expect(without.code).toBe(1);
    expect(without.outputs).toMatchObject({ findings: '60', blocking: '60', verdict: 'fail' });

    const accepted = await runAction({ workspace: ws, event: 'push', inputs: { ...inputs, baseline: 'baseline.json' } });
    expect(accepted.code).toBe(0);
    expect(accepted.outputs).toMatchObject({ findings: '0', blocking: '0', verdict: 'pass' });
    expect(accepted.stdout).toContain('(60 accepted by the baseline)');

    // The same baseline does not let a deployment without a declaration through.
    rmSync(join(ws, 'dancu-integration.yml'));
    const gated = await runAction({ workspace: ws, event: 'push', inputs: { ...inputs, baseline: 'baseline.json' } });
    expect(gated.code).toBe(1);
    expect(gated.outputs).toMatchObject({ findings: '1', blocking: '1', verdict: 'fail' });
    expect(gated.stdout).toMatch(/^::error file=dancu-integration\.yml,line=1,title=DG-GATE-001 /m);
  });

  it('signed approvals: no trust-key blocks with DG-GATE-011, allow-unsigned-approvals accepts, two keys rotate', async () => {
    const ws = gateExample('gate-approved');
    const base = { mode: 'deploy', 'deploy-date': '2026-12-01' };
    const unsigned = await runAction({ workspace: ws, event: 'push', inputs: base });
    expect(unsigned.code).toBe(1);
    expect(unsigned.outputs).toMatchObject({ findings: '1', blocking: '1', verdict: 'fail' });
    expect(unsigned.stdout).toMatch(/^::error file=dancu-integration\.yml,line=21,title=DG-GATE-011 Approval is self-declared/m);
    expect(unsigned.summary).toContain('- Approval signature: none checked: no --trust-key, the approval is self-declared (DG-GATE-011)');

    const accepted = await runAction({ workspace: ws, event: 'push', inputs: { ...base, 'allow-unsigned-approvals': 'true' } });
    expect(accepted.code).toBe(0);
    expect(accepted.summary).toContain('- Approval signature: not checked: declared approvals accepted (--allow-unsigned-approvals)');

    // Key rotation: the new key first, the old one (that signed the approval) still listed.
    const { publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(ws, '.province', 'tinh-mau-2027.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const rotated = await runAction({ workspace: ws, event: 'push', inputs: { ...base, 'trust-key': '.province/tinh-mau-2027.pub\n.province/tinh-mau.pub\n' } });
    expect(rotated.code).toBe(0);
    const newOnly = await runAction({ workspace: ws, event: 'push', inputs: { ...base, 'trust-key': '.province/tinh-mau-2027.pub' } });
    expect(newOnly.code).toBe(1);
    expect(newOnly.stdout).toMatch(/title=DG-GATE-012 Approval not signed by the province/);
    expect(newOnly.stdout).toMatch(/^::error file=dancu-approvals\/6f71e0231a2e49c3\.dsse\.json,line=1,title=DG-GATE-013 /m);
  });

  it('a trust-key outside the workspace, through a link out of it, a private key, or with allow-unsigned-approvals → exit 2', async () => {
    const ws = gateExample('gate-approved');
    const outside = tmp('outside-key');
    cpSync(join(EXAMPLES, 'province-example.pub'), join(outside, 'k.pub'));
    symlinkSync(join(outside, 'k.pub'), join(ws, '.province', 'link.pub'));
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(ws, '.province', 'oops.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const base = { mode: 'deploy', 'deploy-date': '2026-12-01' };
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'trust-key': join(outside, 'k.pub') }, 'is outside the workspace; refusing to read it'],
      [{ 'trust-key': '../k.pub' }, 'does not exist'],
      [{ 'trust-key': '.province/link.pub' }, 'is a link to a file outside the workspace; refusing to read it'],
      [{ 'trust-key': '.province', }, 'is not a file'],
      [{ ...SIGNED, 'allow-unsigned-approvals': 'true' }, 'inputs trust-key and allow-unsigned-approvals cannot be combined'],
      [{ 'trust-key': '.province/oops.key' }, 'holds a PRIVATE key'],
    ];
    for (const [inputs, message] of cases) {
      const r = await runAction({ workspace: ws, event: 'push', inputs: { ...base, ...inputs } });
      expect(r.code, message).toBe(2);
      expect(r.stdout).toMatch(new RegExp(`^::error::dancu-guard: .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
      expect(r.outputs.verdict).toBeUndefined();
      expect(r.stdout).not.toContain('MC4CAQAw'); // never the private key
    }
  });

  it('mode merge ignores deploy-date and declaration, with a warning', async () => {
    const r = await runAction({ workspace: gateExample('gate-approved'), event: 'push', inputs: { 'deploy-date': '2026-12-01' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::warning::dancu-guard: input deploy-date is used by mode: deploy only; ignored in mode: merge');
    expect(r.summary.startsWith(MARKDOWN_MARKER)).toBe(true);
    expect(r.summary).not.toContain('Pre-deployment gate');
  });
});

describe('bad input and environment', () => {
  it('fails with a clear message when the event payload file is missing', async () => {
    const ws = tmp('noevent');
    const r = await runAction({ workspace: ws, event: 'pull_request', env: { GITHUB_EVENT_PATH: join(ws, 'missing', 'event.json') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`::error::dancu-guard: the event payload file GITHUB_EVENT_PATH=${join(ws, 'missing', 'event.json')} does not exist`);
    expect(r.outputs).toEqual({});
  });

  it('fails when a pull_request payload has no pull request', async () => {
    const r = await runAction({ workspace: tmp('nopr'), event: 'pull_request', payload: { action: 'opened' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('has no pull_request with number, head.sha and base.sha');
  });

  it.each([
    ['fail-on', 'severe', 'input fail-on: "severe" is not one of critical, high, medium, low, none'],
    ['mode', 'yolo', 'input mode: "yolo" is not one of merge, deploy'],
    ['comment', 'yes', 'input comment: "yes" is not a boolean (true or false)'],
    ['lang', 'fr', 'input lang: "fr" is not one of en, vi'],
    ['path', 'no/such/dir', 'input path: "no/such/dir" does not exist'],
    ['baseline', 'missing.json', 'input baseline: "missing.json" does not exist'],
    ['config', 'missing.yml', 'input config: "missing.yml" does not exist'],
  ])('input %s=%s → exit 2 with a message', async (name, value, message) => {
    const r = await runAction({ workspace: tmp('bad'), event: 'push', inputs: { [name]: value } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`::error::dancu-guard: ${message}`);
  });

  it('a broken config file is exit 2, naming the file', async () => {
    const ws = tmp('badcfg');
    write(ws, { '.dancu-guard.yml': 'ignore: [unclosed\n' });
    const r = await runAction({ workspace: ws, event: 'push' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/::error::dancu-guard: .*\.dancu-guard\.yml/);
  });
});
