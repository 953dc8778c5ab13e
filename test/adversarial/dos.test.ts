/**
 * Issue 10, "Denial of service": hostile single lines, deep concatenations, ReDoS in the
 * repository's own config, hundreds of endpoint patterns, huge staged blobs, a closed or
 * full standard output. Each test asserts the promise — the scan finishes and judges
 * (a violation still blocks, the cut part blocks), the CLI exits 2 with a message on an
 * output error — never the time: `npm run bench -- --hostile` prints each case's time
 * against its budget (2 s for a 200 KB line, 10 s for 100k terms).
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/paths.js';
import { CASES, expectBlocked, hostileCase, hostileTrees, scanDefault } from './harness.js';
import { jsTool, SECRET, TOOL_PACKAGE } from './hostile.mjs';

const tree = hostileTrees();

describe('200 KB single lines of what the detectors look for', () => {
  for (const c of CASES.filter((x) => x.id.startsWith('line-'))) {
    it(`${c.id} is scanned and judged`, async () => {
      const r = await scanDefault(tree(c.files()));
      expect(r.summary.filesScanned).toBe(1);
      // Thousands of candidates on one line: the first are judged, the cut blocks.
      const cut = r.facts.diagnostics.filter((d) => d.kind === 'not-analysed');
      if (r.facts.credentials.length >= 1000) expect(cut.length).toBeGreaterThan(0);
      for (const f of r.findings) expect(f.message.length).toBeLessThan(2000);
    });
  }
});

describe("the repository's own regexes run in RE2", () => {
  it('sensitiveKeys: ["(a+)+$"] finishes and the credential below still blocks (before: the job hung)', async () => {
    const c = hostileCase('sensitive-keys-redos');
    const r = await scanDefault(tree(c.files()));
    expectBlocked(r, c.expect?.rules);
  });

  it('100 endpoint patterns: policy evaluation works and the tool is judged (before: the Wasm regex cache corrupted)', async () => {
    const c = hostileCase('hundred-endpoint-patterns');
    const r = await scanDefault(tree(c.files()));
    expectBlocked(r, c.expect?.rules);
    // A DB endpoint named only by the 100th pattern is a DB endpoint.
    const last = tree({
      '.dancu-guard.yml': `version: 1\nendpoints:\n${Array.from({ length: 300 }, (_, i) => `  - '(?i)gw-${i}\\.tinh-mau\\.gov\\.vn/api'`).join('\n')}\n`,
      'package.json': TOOL_PACKAGE,
      'tools/tool.js': jsTool().replace('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', 'https://gw-299.tinh-mau.gov.vn/api/x'),
    });
    expectBlocked(await scanDefault(last), ['DG-TOOL-001']);
  });
});

describe('--staged with a blob over the size limit', () => {
  it('is reported oversized and blocks, without reading the blob into memory (before: 5 GB crashed with exit 1)', () => {
    const root = tree({ 'package.json': TOOL_PACKAGE, 'tools/tool.js': `${jsTool()}//${'x'.repeat(3 * 1024 * 1024)}\n`, 'src/ok.ts': 'export const a = 1;\n' });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    const r = spawnSync(process.execPath, [BIN, 'scan', '--staged', root, '--format', 'json', '--no-progress'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; severity: string }> };
    expect(doc.findings).toContainEqual(expect.objectContaining({ ruleId: 'DG-CFG-004', file: 'tools/tool.js', severity: 'high' }));
  });
});

describe('standard output that fails', () => {
  it('ENOSPC (a full disk): exit 2 with a message (before: an unhandled error, exit 1)', () => {
    const root = tree({ '.env': `DANCU_PASSWORD=${SECRET}\n` });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" scan "${root}" --format json --no-progress > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no space left on the device (ENOSPC)');
  });

  it('EPIPE (the reader went away): exit 2 with a message', async () => {
    const root = tree({ '.env': `DANCU_PASSWORD=${SECRET}\n`, 'big.md': 'x\n' });
    writeFileSync(join(root, 'README.md'), '# synthetic\n');
    const child = spawn(process.execPath, [BIN, 'scan', root, '--format', 'json', '--no-progress'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('(EPIPE)');
  });
});
