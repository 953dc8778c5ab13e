/**
 * Issue 10, the trust paragraphs: "Self-approval" (signed approvals), "Weakening by
 * configuration in the PR itself" (trusted configuration, PR-mode inputs from the base
 * commit) and "CI surfaces" (one escaper, links out of the root, `gitdir:`). Each asserts
 * the promise: no pass on a violation, nothing out of the root read or written, no
 * runner command injected.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate/run.js';
import { analyzeIntegration } from '../../src/gate/integration.js';
import { cli, declaration, hostileTrees } from './harness.js';
import { jsTool, SECRET, TOOL_PACKAGE } from './hostile.mjs';

const tree = hostileTrees();


const git = (root: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });

describe('self-approval (approvals.md: signed approvals, landed)', () => {
  it('an approval the contractor wrote into the declaration does not make the gate ALLOWED without a province key', async () => {
    const root = tree({ 'package.json': TOOL_PACKAGE, 'src/client.ts': "import axios from 'axios';\nexport const get = (id: string) => { audit.log(id); return axios.get('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSe?id=' + id); };\n" });
    const a = await analyzeIntegration({ path: root, records: false });
    writeFileSync(join(root, 'dancu-integration.yml'), declaration(a.fingerprint.fingerprint, '    approved: { reference: "456/TCT-DA06", date: 2026-10-20 }'));
    const g = await runGate({ path: root, deployDate: '2026-12-01' });
    expect(g.blocked).toBe(true);
    expect(g.findings.map((f) => f.ruleId)).toContain('DG-GATE-011');
  });
});

/** A repository whose base commit holds nothing, and a PR commit adding a lookup tool plus `weaken`. */
function pullRequest(weaken: Record<string, string>, tool: Record<string, string> = { 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool() }): { root: string; base: string } {
  const root = tree({ 'README.md': '# synthetic\n' });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  const base = git(root, 'rev-parse', 'HEAD').stdout.trim();
  for (const [rel, text] of Object.entries({ ...tool, ...weaken })) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'pr');
  return { root, base };
}

describe('weakening by configuration in the PR itself never turns it into PASS', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['exceptions for ** until 9999-12-31', { '.dancu-guard.yml': 'version: 1\nexceptions:\n  - rule: DG-TOOL-001\n    paths: ["**"]\n    reason: legacy tooling kept for now\n    expires: 9999-12-31\n' }],
    ['ignore: [tools/]', { '.dancu-guard.yml': 'version: 1\nignore:\n  - tools/\n' }],
    ['a .dancu-guardignore', { '.dancu-guardignore': 'tools/\n' }],
    ['approvedTools: ["**"]', { '.dancu-guard.yml': 'version: 1\napprovedTools: ["**"]\n' }],
    ['loggers: ["."]', { '.dancu-guard.yml': 'version: 1\nloggers: ["."]\n' }],
  ];
  for (const [name, weaken] of cases) {
    it(name, () => {
      const { root, base } = pullRequest(weaken);
      const r = cli(['scan', root, '--changed-since', base, '--format', 'json', '--no-progress']);
      expect(r.status, r.stderr).toBe(1);
      const doc = JSON.parse(r.stdout) as { summary: { verdict: string } };
      expect(doc.summary.verdict).toBe('fail');
    });
  }

  it('an inline suppression with a one-character reason', () => {
    const { root, base } = pullRequest({}, { 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool().replace("const { data } = await axios.post", '// dancu-guard:ignore DG-TOOL-001,DG-LOG-001,DG-QUOTA-001 -- x\n    const { data } = await axios.post') });
    const r = cli(['scan', root, '--changed-since', base, '--format', 'json', '--no-progress']);
    expect(r.status, r.stderr).toBe(1);
  });

  it('a regenerated baseline committed in the PR', () => {
    const { root, base } = pullRequest({});
    expect(cli(['scan', root, '--write-baseline', join(root, '.dancu-guard-baseline.json'), '--no-progress']).status).toBe(0);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'baseline');
    const r = cli(['scan', root, '--changed-since', base, '--baseline', join(root, '.dancu-guard-baseline.json'), '--format', 'json', '--no-progress']);
    expect(r.status, r.stderr).toBe(1);
  });

  it('a repository ignore does not hide DG-GATE-010 (credentials in manifests)', async () => {
    const root = tree({
      '.dancu-guard.yml': 'version: 1\nignore:\n  - k8s/\n',
      'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: dancu }\nstringData:\n  C06_PASSWORD: "${SECRET}"\n`,
    });
    const a = await analyzeIntegration({ path: root, records: false });
    writeFileSync(join(root, 'dancu-integration.yml'), declaration(a.fingerprint.fingerprint));
    const g = await runGate({ path: root, deployDate: '2026-12-01', allowUnsignedApprovals: true });
    expect(g.findings.map((f) => f.ruleId)).toContain('DG-GATE-010');
  });
});

describe('CI surfaces', () => {
  const outside = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-outside-'));
    writeFileSync(join(dir, 'secret.txt'), 'SYNTHETIC-OUTSIDE-CONTENT-7f3a\n');
    return dir;
  };
  const runnerLines = (out: string) => out.split(/\r?\n/).filter((l) => /^(?:::|##\[)/.test(l) && !/^::(?:error|warning|notice)[ :]/.test(l));

  it('a declaration reference with CR/LF injects no workflow command', async () => {
    const root = tree({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool() });
    writeFileSync(join(root, 'dancu-integration.yml'), declaration('sha256:' + '0'.repeat(64)).replace('"123/STTTT-CNTT"', '"123\\r\\n::add-mask::x\\n::stop-commands::pwned"'));
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'dancu-guard.js'), 'gate', root, '--format', 'github', '--deploy-date', '2026-12-01'], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } });
    expect(runnerLines(r.stdout + r.stderr)).toEqual([]);
  });

  it('`::` and `##[` in paths do not act as runner commands in the text format', () => {
    const root = tree({ '::stop-commands::x/a.env': `DANCU_PASSWORD=${SECRET}\n`, '##[group]x/b.env': `DANCU_PASSWORD=${SECRET}\n` });
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'dancu-guard.js'), 'scan', root, '--no-progress'], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } });
    expect(runnerLines(r.stdout + r.stderr)).toEqual([]);
  });

  it('--output through a committed link out of the workspace writes nothing there', () => {
    const out = outside();
    const root = tree({ '.env': `DANCU_PASSWORD=${SECRET}\n` });
    symlinkSync(join(out, 'report.sarif'), join(root, 'report.sarif'));
    cli(['scan', root, '--format', 'sarif', '--output', join(root, 'report.sarif'), '--no-progress'], root);
    expect(existsSync(join(out, 'report.sarif'))).toBe(false);
  });

  it('config, baseline, lock file and declaration are not read through links out of the root, nor echoed', () => {
    const out = outside();
    for (const name of ['.dancu-guard.yml', 'dancu-integration.yml', 'dancu-integration.lock.json']) {
      const root = tree({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': jsTool() });
      symlinkSync(join(out, 'secret.txt'), join(root, name));
      const r = cli(['gate', root, '--deploy-date', '2026-12-01', '--no-progress']);
      expect(r.status, name).not.toBe(0);
      expect(r.stdout + r.stderr, name).not.toContain('SYNTHETIC-OUTSIDE-CONTENT');
    }
  });

  it('a .git file with gitdir: out of the root does not make --history scan another repository', () => {
    const other = tree({ 'x.env': `DANCU_PASSWORD=${SECRET}\n` });
    git(other, 'init', '-q');
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'other');
    const root = tree({ 'README.md': '# synthetic\n' });
    writeFileSync(join(root, '.git'), `gitdir: ${join(other, '.git')}\n`);
    const r = cli(['scan', root, '--history', '--format', 'json', '--no-progress']);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain('x.env');
  });

  it('the report lists what was suppressed and by what', () => {
    const root = tree({ '.env': `DANCU_PASSWORD=${SECRET} # dancu-guard:ignore DG-CRED-002 -- synthetic fixture for the suite\n` });
    const r = cli(['scan', root, '--format', 'markdown', '--no-progress']);
    expect(r.stdout).toContain('DG-CRED-002');
    expect(r.stdout).toContain('synthetic fixture for the suite');
  });
});
