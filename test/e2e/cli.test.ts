import { BIN, EXAMPLES } from '../helpers/paths.js';
/**
 * End to end: the built CLI (`bin/dancu-guard.js` → `dist/cli.js`) on the examples and
 * on bad input, asserting exact findings, exit codes and that nothing is modified.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsErrors } from '../../src/facts/validate.js';
import { scan } from '../../src/pipeline/scan.js';


function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]) {
  const r = cli([...args, '--format', 'json']);
  return { ...r, doc: JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; value?: string }>; summary: Record<string, unknown> } };
}

function treeHash(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(relative(root, p)).update(readFileSync(p)).update(String(statSync(p).mtimeMs));
    }
  };
  walk(root);
  return h.digest('hex');
}

describe('examples/ts-violating', () => {
  it('yields exactly the expected findings, and exit 1', () => {
    const { code, doc } = json(['scan', join(EXAMPLES, 'ts-violating')]);
    expect(code).toBe(1);
    expect(doc.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'DG-CRED-002 .env:3',
      'DG-TLS-001 k8s/deployment.yaml:21',
      'DG-CRED-003 k8s/deployment.yaml:23',
      'DG-CRED-003 k8s/secret.yaml:9',
      'DG-TLS-001 src/config.ts:2',
      'DG-CRED-001 src/config.ts:7',
      'DG-LOG-001 src/dancu-client.ts:10',
      'DG-TLS-001 src/dancu-client.ts:10',
      'DG-CRED-001 src/dancu-client.ts:14',
      'DG-TOOL-002 tools/portal-scraper.ts:8',
      'DG-TLS-002 tools/tra-cuu-hang-loat.js:9',
      'DG-TOOL-001 tools/tra-cuu-hang-loat.js:14',
      'DG-LOG-001 tools/tra-cuu-hang-loat.js:14',
      'DG-QUOTA-001 tools/tra-cuu-hang-loat.js:14',
      'DG-LOG-002 tools/tra-cuu-hang-loat.js:15',
    ]);
  });

  it('never prints a secret in clear, in any format', () => {
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'github']) {
      const r = cli(['scan', join(EXAMPLES, 'ts-violating'), '--format', format]);
      expect(r.code, format).toBe(1);
      for (const secret of ['Sup3rS3cretValue!9x', 'kq7Zt2VbW9xLm4Rp8sYc3NdF', 'FakePassword!2026', 'RmFrZVBhc3N3b3JkITIwMjY=']) {
        expect(r.stdout, `${format} leaks ${secret}`).not.toContain(secret);
      }
    }
  });

  it('speaks Vietnamese with --lang vi', () => {
    const r = cli(['scan', join(EXAMPLES, 'ts-violating'), '--lang', 'vi']);
    expect(r.stdout).toContain('Thông tin xác thực ghi cứng trong mã nguồn');
    expect(r.stdout).toContain('Kết luận: KHÔNG ĐẠT');
  });

  it('produces facts that match the facts schema', async () => {
    const r = await scan({ path: join(EXAMPLES, 'ts-violating') });
    expect(factsErrors(r.facts)).toEqual([]);
    expect(r.facts.callSites.length).toBeGreaterThan(0);
  });
});

describe('examples/ts-compliant', () => {
  it('yields no findings, exit 0', () => {
    const { code, doc } = json(['scan', join(EXAMPLES, 'ts-compliant')]);
    expect(doc.findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('CLI contract', () => {
  it('--fail-on decides the exit code', () => {
    expect(cli(['scan', join(EXAMPLES, 'ts-violating'), '--fail-on', 'none']).code).toBe(0);
    expect(cli(['scan', join(EXAMPLES, 'ts-violating'), '--fail-on', 'critical']).code).toBe(1);
  });

  it('--output writes the report to a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dg-out-')), 'r.json');
    const r = cli(['scan', join(EXAMPLES, 'ts-violating'), '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe(1);
  });

  it('exits 2 with a message on a nonexistent path, a bad flag, a bad value or a bad config', () => {
    const missing = cli(['scan', '/nonexistent/dancu-guard-test']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('path not found: /nonexistent/dancu-guard-test');
    const flag = cli(['scan', '--no-such-flag']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--no-such-flag'");
    const value = cli(['scan', '--fail-on', 'severe']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('severe');
    const root = mkdtempSync(join(tmpdir(), 'dg-badcfg-'));
    writeFileSync(join(root, '.dancu-guard.yml'), 'version: 1\napprovedModule: [src/**]\n');
    const cfg = cli(['scan', root]);
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toMatch(/\.dancu-guard\.yml:2: unknown key "approvedModule"/);
  });

  it('--help documents every flag; --version prints the version', () => {
    const help = cli(['scan', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--format', '--output', '--fail-on', '--config', '--lang', '--no-progress', '--no-color']) expect(help.stdout).toContain(flag);
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('bad input', () => {
  it('reports a malformed YAML file with file and line, goes on, skips binaries, reports an undecodable config file, and modifies nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'dg-bad-'));
    mkdirSync(join(root, 'k8s'));
    writeFileSync(join(root, 'k8s', 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n  b: 3\n');
    writeFileSync(join(root, 'k8s', 'secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  C06_PASSWORD: "Sup3rS3cretValue!9x"\n');
    writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    // ISO-8859-1 .properties are decoded now; an encoding nobody knows is not.
    writeFileSync(join(root, 'latin1.properties'), Buffer.from('ten=caf\xe9\n', 'latin1'));
    writeFileSync(join(root, 'legacy.py'), Buffer.from('# -*- coding: x-unknown -*-\nname = "caf\xe9"\n', 'latin1'));
    const before = treeHash(root);
    const { code, doc } = json(['scan', root]);
    expect(code).toBe(1);
    const byRule = doc.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(byRule).toContain('DG-CRED-003 k8s/secret.yaml:6');
    const parse = doc.findings.find((f) => f.ruleId === 'DG-CFG-001');
    expect(parse).toMatchObject({ file: 'k8s/broken.yaml' });
    expect(parse!.line).toBeGreaterThanOrEqual(4);
    expect(doc.summary.filesSkipped).toEqual({ binary: 1, 'non-utf8': 1 });
    // a config file that could not be decoded is a finding, not a silent pass; the image is only listed
    expect(doc.findings.filter((f) => f.ruleId === 'DG-CFG-004').map((f) => `${f.file}:${f.line}`)).toEqual(['legacy.py:1']);
    expect(doc.summary.skippedFiles).toEqual([
      { path: 'legacy.py', reason: 'non-utf8' },
      { path: 'logo.png', reason: 'binary' },
    ]);
    expect(doc.summary.ignoredByConfig).toBe(0);
    expect(treeHash(root)).toBe(before);
  });
});
