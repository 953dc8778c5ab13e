/**
 * Issue 10, "Weakening by configuration in the PR itself": a contractor's pull request
 * adds a violation and, in the same change, something that would hide it. Each case
 * runs as the attack does — a real git repository (base on main, the pull request on a
 * branch, the test merge commit checked out as actions/checkout leaves it) — through
 * the built Action on a `pull_request` event against the loopback GitHub server, and
 * through `scan --changed-since` on the built CLI. Before: every case passed. Now the
 * base commit's policy inputs apply and the weakening is a blocking DG-CFG-005 that
 * names it; the hidden finding is reported too.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prPayload, pullRequestRepo, runAction, TOKEN, tmp, write } from '../helpers/action.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { BIN } from '../helpers/paths.js';
import { baselineJson, exampleFiles, SECRET_YAML, TOOL_ALL, TOOL_ONLY, toolWithDirective, UNLOGGED } from './fixtures.js';

interface JsonReport {
  findings: Array<{ ruleId: string; file: string; line: number; message: string }>;
  suppressed?: Array<{ ruleId: string; file: string; by: { kind: string; file: string; reason?: string } }>;
  summary: { verdict: string };
}

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--no-progress'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliJson(args: string[], cwd: string): { code: number | null; doc: JsonReport; stderr: string } {
  const r = cli([...args, '--format', 'json'], cwd);
  return { code: r.code, doc: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const BASE = { ...exampleFiles('ts-compliant'), 'baseline.json': baselineJson() };

/** The baseline `scan --write-baseline` records for a tree (what "regenerating" it gives). */
function regeneratedBaseline(files: Record<string, string>): string {
  const dir = tmp('regen');
  write(dir, files);
  const r = cli(['scan', '.', '--write-baseline', 'baseline.json'], dir);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(dir, 'baseline.json'), 'utf8');
}

interface Case {
  name: string;
  head: () => Record<string, string>;
  /** The Action's inputs / the CLI's extra flags. */
  baseline?: boolean;
  /** The DG-CFG-005 expected: file, line, and a piece of its message. */
  weakening: { file: string; line: number; what: string };
  /** Findings the weakening would have hidden, reported now. */
  kept: string[];
  /** In repository mode (no PR) the repository's own values apply: the tree passes. */
  repositoryModePasses: boolean;
}

const CASES: Case[] = [
  {
    name: '.dancu-guard.yml exceptions for ** expiring 9999-12-31',
    head: () => ({
      'tools/tra-cuu.ts': TOOL_ONLY,
      '.dancu-guard.yml': 'exceptions:\n  - rule: lookup-tool\n    paths: ["**"]\n    reason: approved by the province in writing\n    expires: 9999-12-31\n',
    }),
    weakening: { file: '.dancu-guard.yml', line: 2, what: 'an exception added or widened (exceptions[0]: lookup-tool on ** until 9999-12-31)' },
    kept: ['DG-TOOL-001 tools/tra-cuu.ts:9'],
    repositoryModePasses: true,
  },
  {
    name: 'ignore: [tools/]',
    head: () => ({ 'tools/tra-cuu-hang-loat.js': TOOL_ALL, '.dancu-guard.yml': 'ignore: ["tools/"]\n' }),
    weakening: { file: '.dancu-guard.yml', line: 1, what: 'a config ignore added (ignore: tools/)' },
    kept: ['DG-TOOL-001 tools/tra-cuu-hang-loat.js:14', 'DG-QUOTA-001 tools/tra-cuu-hang-loat.js:14'],
    repositoryModePasses: true,
  },
  {
    name: 'a .dancu-guardignore',
    head: () => ({ 'tools/tra-cuu-hang-loat.js': TOOL_ALL, '.dancu-guardignore': '# generated code\ntools/\n' }),
    weakening: { file: '.dancu-guardignore', line: 2, what: 'a .dancu-guardignore entry added (.dancu-guardignore: tools/)' },
    kept: ['DG-TOOL-001 tools/tra-cuu-hang-loat.js:14', 'DG-TLS-002 tools/tra-cuu-hang-loat.js:9'],
    repositoryModePasses: true,
  },
  {
    name: 'an inline dancu-guard:ignore with a one-character reason',
    head: () => ({ 'tools/tra-cuu.ts': toolWithDirective('dancu-guard:ignore lookup-tool -- x') }),
    weakening: { file: 'tools/tra-cuu.ts', line: 9, what: 'an inline dancu-guard:ignore directive added or widened (dancu-guard:ignore lookup-tool -- x)' },
    kept: ['DG-TOOL-001 tools/tra-cuu.ts:10', 'DG-CFG-002 tools/tra-cuu.ts:9'],
    // "-- x" is no reason: it suppresses nothing anywhere now
    repositoryModePasses: false,
  },
  {
    name: 'an inline dancu-guard:ignore with a reason, added by the pull request',
    head: () => ({ 'tools/tra-cuu.ts': toolWithDirective('dancu-guard:ignore lookup-tool -- approved for the help desk') }),
    weakening: { file: 'tools/tra-cuu.ts', line: 9, what: '(dancu-guard:ignore lookup-tool -- approved for the help desk)' },
    kept: ['DG-TOOL-001 tools/tra-cuu.ts:10'],
    repositoryModePasses: true,
  },
  {
    name: 'a regenerated baseline',
    head: () => {
      const files = { ...BASE, 'tools/tra-cuu-hang-loat.js': TOOL_ALL };
      return { 'tools/tra-cuu-hang-loat.js': TOOL_ALL, 'baseline.json': regeneratedBaseline(files) };
    },
    baseline: true,
    weakening: { file: 'baseline.json', line: 8, what: 'a baseline entry added (DG-' },
    kept: ['DG-TOOL-001 tools/tra-cuu-hang-loat.js:14', 'DG-LOG-001 tools/tra-cuu-hang-loat.js:14'],
    repositoryModePasses: true,
  },
  {
    name: 'approvedTools: ["**"]',
    head: () => ({ 'tools/tra-cuu.ts': TOOL_ONLY, '.dancu-guard.yml': 'approvedTools: ["**"]\n' }),
    weakening: { file: '.dancu-guard.yml', line: 1, what: 'an approved-tool glob added (approvedTools: **)' },
    kept: ['DG-TOOL-001 tools/tra-cuu.ts:9'],
    repositoryModePasses: true,
  },
  {
    name: 'loggers: ["."]',
    head: () => ({ 'src/dancu/report.ts': UNLOGGED, '.dancu-guard.yml': 'loggers: ["."]\n' }),
    weakening: { file: '.dancu-guard.yml', line: 1, what: 'a logger pattern added (loggers: .)' },
    kept: ['DG-LOG-001 src/dancu/report.ts:4'],
    repositoryModePasses: true,
  },
];

beforeAll(() => {
  // The Action bundle must be current (test/action/bundle.test.ts checks it).
  expect(readFileSync(join(BIN, '..', '..', 'dist-action', 'index.mjs')).length).toBeGreaterThan(0);
});

describe.each(CASES)('a pull request that adds a violation and $name', (c) => {
  let api: FakeGitHub;
  beforeEach(async () => {
    api = await new FakeGitHub({ token: TOKEN }).start();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  it('blocks: DG-CFG-005 names the weakening, and the finding it would hide is reported (Action, scan --changed-since)', async () => {
    const ws = tmp('weaken');
    const shas = pullRequestRepo(ws, BASE, c.head());
    const flags = c.baseline ? ['--baseline', 'baseline.json'] : [];

    // The tree on its own, as a repository-mode scan sees it: the attack's premise.
    const plain = cliJson(['scan', '.', ...flags], ws);
    expect(plain.code === 0, JSON.stringify(plain.doc.findings)).toBe(c.repositoryModePasses);

    // scan --changed-since: the base commit's config, ignores, baseline and directives.
    const pr = cliJson(['scan', '.', '--changed-since', shas.base, ...flags], ws);
    expect(pr.code, pr.stderr).toBe(1);
    const found = pr.doc.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(found).toContain(`DG-CFG-005 ${c.weakening.file}:${c.weakening.line}`);
    for (const k of c.kept) expect(found).toContain(k);
    const cfg5 = pr.doc.findings.find((f) => f.ruleId === 'DG-CFG-005' && f.file === c.weakening.file)!;
    expect(cfg5.message).toContain(c.weakening.what);

    // The Action on the pull_request event.
    const r = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: prPayload({ head: { sha: shas.head, ref: 'feature' }, base: { sha: shas.base, ref: 'main' } }),
      apiUrl: api.url,
      inputs: c.baseline ? { baseline: 'baseline.json' } : {},
    });
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    const cmd = new RegExp(`^::error file=${c.weakening.file.replace(/\./g, '\\.')},line=${c.weakening.line},title=DG-CFG-005 A change weakens the gate::This change weakens the gate: `, 'm');
    expect(r.stdout).toMatch(cmd);
    for (const k of c.kept) {
      const [rule, where] = k.split(' ') as [string, string];
      const [file, line] = where.split(':') as [string, string];
      expect(r.stdout).toMatch(new RegExp(`^::(error|warning) file=${file.replace(/\./g, '\\.')},line=${line},.*title=${rule} `, 'm'));
    }
    // The summary and the PR comment name it.
    expect(r.summary).toContain('DG-CFG-005');
    expect(r.summary).toContain('Policy inputs from the base commit (pull request).');
    const comment = api.comments.at(-1)!.body;
    expect(comment).toContain('DG-CFG-005');
  });
});

describe('a repository ignore cannot hide a credential in a deployment manifest (DG-GATE-010)', () => {
  it('ignore: [k8s/] and a .dancu-guardignore: the manifest is scanned anyway, the gate blocks, and the report says so', () => {
    const hides: Array<Record<string, string>> = [{ '.dancu-guard.yml': 'ignore: ["k8s/"]\n' }, { '.dancu-guardignore': 'k8s/secret.yaml\n' }];
    for (const hide of hides) {
      const ws = tmp('gate010');
      cpSync(join(BIN, '..', '..', 'examples', 'gate-approved'), ws, { recursive: true });
      mkdirSync(join(ws, 'k8s'), { recursive: true });
      write(ws, { 'k8s/secret.yaml': SECRET_YAML, ...hide });
      const pub = join(BIN, '..', '..', 'examples', 'province-example.pub');
      const r = cliJson(['gate', '.', '--deploy-date', '2026-12-01', '--trust-key', pub], ws);
      expect(r.code, r.stderr).toBe(1);
      const found = r.doc.findings.map((f) => `${f.ruleId} ${f.file}`);
      expect(found).toContain('DG-GATE-010 k8s/secret.yaml');
      expect(found).toContain('DG-CRED-003 k8s/secret.yaml');
      const text = cli(['gate', '.', '--deploy-date', '2026-12-01', '--trust-key', pub], ws).stdout;
      expect(text).toMatch(/Deployment manifests scanned although a repository ignore names them \(\d\):\n(  .*\n)*  k8s\/secret\.yaml\n/);
    }
  });
});

describe('what the base commit accepts is applied, and listed in the PR comment and job summary', () => {
  let api: FakeGitHub;
  beforeEach(async () => {
    api = await new FakeGitHub({ token: TOKEN }).start();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  it('an exception, an inline directive and a baseline entry of the base: not blocking, each named with what accepted it', async () => {
    const ws = tmp('accepted');
    const base: Record<string, string> = {
      ...BASE,
      'tools/tra-cuu.ts': TOOL_ONLY,
      'tools/bulk.ts': toolWithDirective('dancu-guard:ignore lookup-tool -- approved by letter 12/UBND-VP'),
      'src/dancu/report.ts': UNLOGGED,
      '.dancu-guard.yml': 'exceptions:\n  - rule: DG-TOOL-001\n    paths: ["tools/tra-cuu.ts"]\n    reason: help desk tool approved by So TT&TT\n    expires: 2099-12-31\n',
    };
    base['baseline.json'] = regeneratedBaseline(base);
    const shas = pullRequestRepo(ws, base, { 'README.md': '# Cổng dịch vụ công\n' });
    const r = await runAction({
      workspace: ws,
      event: 'pull_request',
      payload: prPayload({ head: { sha: shas.head, ref: 'feature' }, base: { sha: shas.base, ref: 'main' } }),
      apiUrl: api.url,
      inputs: { baseline: 'baseline.json' },
    });
    expect(r.code, r.stdout).toBe(0);
    for (const text of [r.summary, api.comments.at(-1)!.body]) {
      expect(text).toContain('Suppressed, excepted, ignored or baselined (3)');
      expect(text).toContain('| critical DG-TOOL-001 | tools/tra-cuu.ts:9 | exception .dancu-guard.yml:2 (until 2099-12-31) — "help desk tool approved by So TT&amp;TT" |');
      expect(text).toContain('| critical DG-TOOL-001 | tools/bulk.ts:10 | inline directive tools/bulk.ts:9 — "approved by letter 12/UBND-VP" |');
      expect(text).toContain('| high DG-LOG-001 | src/dancu/report.ts:4 | baseline baseline.json |');
    }
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification: string }> }> }>;
    };
    const kinds = sarif.runs[0]!.results.filter((x) => x.suppressions).map((x) => `${x.ruleId} ${x.suppressions![0]!.kind}`);
    expect(kinds.sort()).toEqual(['DG-LOG-001 external', 'DG-TOOL-001 external', 'DG-TOOL-001 inSource']);
  });
});
