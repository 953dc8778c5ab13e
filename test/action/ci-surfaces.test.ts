/**
 * Issue 10, "CI surfaces", through the built Action (dist-action/index.mjs) and the
 * loopback GitHub server: what the repository writes must not reach the runner as
 * workflow commands, the sticky comment is adopted only when the token's own account
 * wrote it, the SARIF file is never written through a committed link, and inputs are
 * never read through a link out of the workspace.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARKDOWN_MARKER } from '../../src/report/markdown.js';
import { EXAMPLES, prPayload, runAction, TOKEN, tmp, write } from '../helpers/action.js';
import { ACTIONS_BOT, FakeGitHub } from '../helpers/github-server.js';
import { runnerCommands } from '../helpers/runner-log.js';

const OUR_COMMANDS = new Set(['error', 'warning', 'notice', 'group', 'endgroup']);

/** The example an approved deployment rests on, with the province's key beside it. */
function gateWorkspace(): string {
  const ws = tmp('surfaces-gate');
  cpSync(join(EXAMPLES, 'gate-approved'), ws, { recursive: true });
  cpSync(join(EXAMPLES, 'province-example.pub'), join(ws, 'province.pub'));
  return ws;
}

describe('the Action log', () => {
  it('a declaration reference with CR/LF cannot inject ::add-mask:: or ::stop-commands::', async () => {
    const ws = gateWorkspace();
    const decl = join(ws, 'dancu-integration.yml');
    // The notice's reference, as the contractor may write it in YAML.
    writeFileSync(
      decl,
      readFileSync(decl, 'utf8').replace(
        'reference: "123/STTTT-CNTT"',
        'reference: "123/STTTT-CNTT\\n::add-mask::123\\r::stop-commands::t0k3n\\r\\n##[set-output name=verdict;]pass"',
      ),
    );
    const r = await runAction({ workspace: ws, event: 'push', inputs: { mode: 'deploy', 'deploy-date': '2026-12-01', 'trust-key': 'province.pub' } });
    expect(r.code).not.toBe(2);
    expect(r.stdout).toContain('notice 123/STTTT-CNTT%0A::add-mask::123%0D::stop-commands::t0k3n%0D%0A##%5Bset-output');
    const commands = runnerCommands(r.stdout);
    expect(commands.filter((c) => !OUR_COMMANDS.has(c.name))).toEqual([]);
    expect(commands.length).toBeGreaterThan(0);
  });

  it('paths holding :: and ##[ stay text in the annotations', async () => {
    const ws = tmp('surfaces-paths');
    write(ws, {
      '::add-mask::x/.env': 'C06_SECRET_KEY=Tq9ZvLm7Xw2Pz8Kd4Rb6\n',
      'a ##[add-mask]b/.env': 'C06_PASSWORD=Zx8Lm2Qp7Rw4Tk9Vb1\n',
    });
    const r = await runAction({ workspace: ws, event: 'push', inputs: { 'sarif-file': '' } });
    expect(r.code).toBe(1);
    expect(runnerCommands(r.stdout).filter((c) => !OUR_COMMANDS.has(c.name))).toEqual([]);
    expect(r.stdout).toMatch(/^::error file=%3A%3Aadd-mask%3A%3Ax\/\.env,line=1,/m);
  });
});

describe('the sticky PR comment', () => {
  let api: FakeGitHub;
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  const run = (ws: string) => runAction({ workspace: ws, event: 'pull_request', payload: prPayload(), apiUrl: api.url, inputs: { 'sarif-file': '' } });
  const workspace = () => {
    const ws = tmp('surfaces-comment');
    cpSync(join(EXAMPLES, 'ts-compliant'), ws, { recursive: true });
    return ws;
  };

  describe('with the workflow\'s GITHUB_TOKEN (GET /user refused, GraphQL viewer is github-actions[bot])', () => {
    beforeEach(async () => {
      api = await new FakeGitHub({ token: TOKEN }).start();
    });

    it('a person\'s comment starting with the marker is not adopted, nor another app\'s; our own is', async () => {
      const forged = api.seedComment(`${MARKDOWN_MARKER}\n## dancu-guard — compliance report\n\n**PASS** — nothing to see`);
      const otherBot = api.seedComment(`${MARKDOWN_MARKER}\n**PASS**`, { login: 'helper-app[bot]', type: 'Bot', id: 777001 });
      const first = await run(workspace());
      expect(first.code).toBe(0);
      expect(api.calls('issues.updateComment')).toHaveLength(0);
      expect(api.calls('issues.createComment')).toHaveLength(1);
      expect(api.comments.find((c) => c.id === forged.id)!.body).toContain('nothing to see');
      expect(api.comments.find((c) => c.id === otherBot.id)!.body).toBe(`${MARKDOWN_MARKER}\n**PASS**`);
      const ours = api.comments.filter((c) => c.userLogin === ACTIONS_BOT.login);
      expect(ours).toHaveLength(1);
      expect(first.summary).toContain('2 comment(s) start with the report marker but were not written by this token');
      expect(api.calls('graphql')).toHaveLength(1);

      // The next run finds its own comment and updates it in place.
      const second = await run(workspace());
      expect(second.code).toBe(0);
      expect(api.calls('issues.createComment')).toHaveLength(1);
      expect(api.comments.filter((c) => c.userLogin === ACTIONS_BOT.login)).toHaveLength(1);
    });

    it('when the identity cannot be told, nothing is adopted: a new comment, and the summary says why', async () => {
      api.seedComment(`${MARKDOWN_MARKER}\n**PASS**`, ACTIONS_BOT);
      api.fail('graphql', { status: 502 });
      const r = await run(workspace());
      expect(r.code).toBe(0);
      expect(api.calls('issues.updateComment')).toHaveLength(0);
      expect(api.calls('issues.createComment')).toHaveLength(1);
      expect(r.summary).toContain("the token's identity could not be told: none was adopted");
    });

    it('asks nobody who it is when no comment carries the marker', async () => {
      await run(workspace());
      expect(api.calls('users.getAuthenticated')).toHaveLength(0);
      expect(api.calls('graphql')).toHaveLength(0);
    });
  });

  describe('with a person\'s token (GET /user answers)', () => {
    beforeEach(async () => {
      api = await new FakeGitHub({ token: TOKEN, identity: { kind: 'user', login: 'ci-tinh-mau', id: 5150 } }).start();
    });

    it('adopts the comment that account wrote, never another person\'s', async () => {
      const forged = api.seedComment(`${MARKDOWN_MARKER}\n**PASS**`, { login: 'nha-thau-b', type: 'User', id: 6160 });
      const ours = api.seedComment(`${MARKDOWN_MARKER}\nold report`, { login: 'ci-tinh-mau', type: 'User', id: 5150 });
      const r = await run(workspace());
      expect(r.code).toBe(0);
      expect(api.calls('users.getAuthenticated')).toHaveLength(1);
      expect(api.calls('issues.updateComment').map((c) => c.path)).toEqual([`/repos/tinh-mau/dvc-portal/issues/comments/${ours.id}`]);
      expect(api.comments.find((c) => c.id === forged.id)!.body).toBe(`${MARKDOWN_MARKER}\n**PASS**`);
    });
  });
});

describe('no write through a link the repository committed', () => {
  it('the SARIF file: a link to a file outside the workspace, or a linked directory, fails the step and writes nothing there', async () => {
    const outside = tmp('surfaces-outside');
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'original\n');
    const ws = tmp('surfaces-sarif');
    cpSync(join(EXAMPLES, 'ts-compliant'), ws, { recursive: true });
    symlinkSync(victim, join(ws, 'dancu-guard.sarif'));
    const r = await runAction({ workspace: ws, event: 'push' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::dancu-guard: SARIF file: cannot write');
    expect(readFileSync(victim, 'utf8')).toBe('original\n');

    symlinkSync(outside, join(ws, 'reports'));
    const dir = await runAction({ workspace: ws, event: 'push', inputs: { 'sarif-file': 'reports/dancu-guard.sarif' } });
    expect(dir.code).toBe(2);
    expect(dir.stdout).toContain('outside');
    expect(existsSync(join(outside, 'dancu-guard.sarif'))).toBe(false);
  });
});

describe('no read through a link out of the workspace', () => {
  it('config, baseline and declaration inputs that are links out of it fail the step, quoting nothing of the target', async () => {
    const outside = tmp('surfaces-secret');
    const secret = join(outside, 'runner-secret');
    writeFileSync(secret, 'SUPERSECRET-VALUE-0001: {"token": "ghp_syntheticNotRealToken0000000000000000"}\n');
    const ws = tmp('surfaces-inputs');
    cpSync(join(EXAMPLES, 'ts-compliant'), ws, { recursive: true });
    mkdirSync(join(ws, 'ci'));
    symlinkSync(secret, join(ws, 'ci', 'dancu.yml'));
    symlinkSync(outside, join(ws, 'records'));
    for (const [inputs, what] of [
      [{ config: 'ci/dancu.yml' }, 'input config: "ci/dancu.yml" is a link to a file outside the workspace'],
      [{ baseline: 'ci/dancu.yml' }, 'input baseline: "ci/dancu.yml" is a link to a file outside the workspace'],
      [{ mode: 'deploy', declaration: 'records/runner-secret' }, 'input declaration: "records/runner-secret" is a link to a file outside the workspace'],
    ] as const) {
      const r = await runAction({ workspace: ws, event: 'push', inputs });
      expect(r.code, JSON.stringify(inputs)).toBe(2);
      expect(r.stdout).toContain(what);
      expect(r.stdout + r.summary).not.toContain('SUPERSECRET');
    }
  });
});
