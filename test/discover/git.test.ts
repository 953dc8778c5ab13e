import { EXAMPLES } from '../helpers/paths.js';
/**
 * Discovery inside a git work tree: files git tracks are what the contractor ships, so
 * neither `.gitignore` nor the built-in ignores hide them; explicit ignores still apply
 * but every file they hide is reported. Also: skipped source/config files become
 * DG-CFG-004 findings and the summary names skipped files. All data is synthetic.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover, trackedPaths } from '../../src/discover/index.js';
import { scan } from '../../src/pipeline/scan.js';

const TOOL = path.join(EXAMPLES, 'ts-violating', 'tools', 'tra-cuu-hang-loat.js');
const hasGit = spawnSync('git', ['--version']).status === 0;

const tmpRoots: string[] = [];

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-discover-git-'));
  tmpRoots.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tmpRoots) fs.rmSync(dir, { recursive: true, force: true });
});

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

function gitIn(root: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** A repository with `tracked` committed (force-added past .gitignore), then `untracked` written. */
function repo(tracked: Record<string, string | Buffer>, untracked: Record<string, string | Buffer> = {}): string {
  const root = tmpDir();
  gitIn(root, 'init', '-q');
  write(root, tracked);
  gitIn(root, 'add', '-f', '--', ...Object.keys(tracked));
  gitIn(root, 'commit', '-q', '-m', 'synthetic');
  write(root, untracked);
  return root;
}

function paths(r: { files: Array<{ path: string }> }): string[] {
  return r.files.map((f) => f.path);
}

describe.skipIf(!hasGit)('discover in a git work tree', () => {
  it('never hides tracked files behind .gitignore or the built-in ignores; untracked ones stay hidden', async () => {
    const root = repo(
      {
        '.gitignore': 'out/\n*.gen.ts\n',
        'tools/build/x.js': 'console.log(1);\n',
        'dist/app.js': 'console.log(2);\n',
        'vendor/lib/a.php': '<?php echo 1;\n',
        'out/tool.py': 'print(1)\n',
        'src/api.gen.ts': 'export {};\n',
        'src/bin/Debug/t.cs': 'class T {}\n',
        'node_modules/pkg/index.js': 'module.exports = 1;\n',
        'web/app.min.js': 'var a=1;\n',
        'package-lock.json': '{}\n',
        'src/main.ts': 'export {};\n',
      },
      {
        'tools/build/untracked.js': 'console.log(3);\n',
        'dist/untracked.js': 'console.log(4);\n',
        'out/untracked.py': 'print(2)\n',
        'src/other.gen.ts': 'export {};\n',
        'build/fresh.js': 'console.log(5);\n',
        'node_modules/pkg/extra.js': 'module.exports = 2;\n',
        'src/new.ts': 'export {};\n',
      },
    );
    const result = await discover(root);
    expect(paths(result)).toEqual([
      '.gitignore',
      'dist/app.js',
      'node_modules/pkg/index.js',
      'out/tool.py',
      'package-lock.json',
      'src/api.gen.ts',
      'src/bin/Debug/t.cs',
      'src/main.ts',
      'src/new.ts',
      'tools/build/x.js',
      'vendor/lib/a.php',
      'web/app.min.js',
    ]);
    expect(result.ignored).toEqual([]);
  });

  it('outside git, or with git: false, keeps the ignore-only behaviour', async () => {
    const root = repo({ 'tools/build/x.js': 'console.log(1);\n', 'a.ts': 'export {};\n' });
    expect(paths(await discover(root, { git: false }))).toEqual(['a.ts']);
    const plain = tmpDir();
    write(plain, { 'tools/build/x.js': 'console.log(1);\n', 'a.ts': 'export {};\n' });
    expect(await trackedPaths(fs.realpathSync(plain))).toBeUndefined();
    expect(paths(await discover(plain))).toEqual(['a.ts']);
  });

  it('scans a subdirectory of a repository with paths relative to it', async () => {
    const root = repo({ 'svc/build/x.js': 'console.log(1);\n', 'svc/a.ts': 'export {};\n', 'other/build/y.js': '1;\n' });
    const result = await discover(path.join(root, 'svc'));
    expect(paths(result)).toEqual(['a.ts', 'build/x.js']);
  });

  it('applies explicit ignores to tracked files too, and reports what they hid', async () => {
    const root = repo(
      {
        '.dancu-guardignore': 'scripts/\n',
        'tools/lookup.js': 'console.log(1);\n',
        'tools/build/deep.js': 'console.log(2);\n',
        'scripts/run.sh': 'echo 1\n',
        'dist/bundle.js': 'console.log(3);\n',
        'src/a.ts': 'export {};\n',
      },
      {
        'tools/untracked.js': 'console.log(4);\n',
        'tools/node_modules/dep.js': 'module.exports = 1;\n', // hidden by a default anyway: not reported
        'dist/untracked.js': 'console.log(5);\n', // idem
        'scripts/new.sh': 'echo 2\n',
      },
    );
    const result = await discover(root, { ignore: ['tools/', 'dist/bundle.js'] });
    expect(paths(result)).toEqual(['.dancu-guardignore', 'src/a.ts']);
    expect(result.ignored).toEqual([
      'dist/bundle.js',
      'scripts/new.sh',
      'scripts/run.sh',
      'tools/build/deep.js',
      'tools/lookup.js',
      'tools/untracked.js',
    ]);
    // a negation in the config still re-includes (as in git, not below an excluded directory)
    const again = await discover(root, { ignore: ['tools/*', '!tools/lookup.js'] });
    expect(paths(again)).toContain('tools/lookup.js');
    expect(again.ignored).toEqual(['scripts/new.sh', 'scripts/run.sh', 'tools/build/deep.js', 'tools/untracked.js']);
  });

  it('reads the index without running a configured fsmonitor hook', async () => {
    const root = repo({ 'build/x.js': '1;\n' });
    const marker = path.join(tmpDir(), 'fsmonitor-ran');
    const hook = path.join(root, 'hook.sh');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
    gitIn(root, 'config', 'core.fsmonitor', hook);
    const result = await discover(root);
    expect(paths(result)).toContain('build/x.js');
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe.skipIf(!hasGit)('scan: hidden and unreadable files are reported', () => {
  it('finds a lookup tool committed under tools/build/ in the gate-approved example', async () => {
    const root = tmpDir();
    fs.cpSync(path.join(EXAMPLES, 'gate-approved'), root, { recursive: true });
    fs.mkdirSync(path.join(root, 'tools', 'build'), { recursive: true });
    fs.copyFileSync(TOOL, path.join(root, 'tools', 'build', 'x.js'));
    const before = await scan({ path: root });
    expect(before.findings.map((f) => f.file)).not.toContain('tools/build/x.js'); // untracked: ignored as before
    gitIn(root, 'init', '-q');
    gitIn(root, 'add', '-A');
    gitIn(root, 'add', '-f', 'tools/build/x.js');
    gitIn(root, 'commit', '-q', '-m', 'synthetic');
    const after = await scan({ path: root });
    expect(after.findings.filter((f) => f.file === 'tools/build/x.js').map((f) => f.ruleId)).toContain('DG-TOOL-001');
    expect(after.summary.verdict).toBe('fail');
  });

  it('decodes legacy encodings, turns skipped source/config files into a blocking DG-CFG-004 and names skipped and ignored files', async () => {
    const root = tmpDir();
    const cp1258 = Buffer.from('// Tra c\xf4ng d\xe2n\nclass Lookup {}\n', 'latin1'); // not UTF-8: decoded, analysed
    const json = '{ "Logging": { "LogLevel": { "Default": "Information" } } }\n';
    write(root, {
      'src/Lookup.cs': cp1258,
      'appsettings.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
      'src/nul.ts': `${'export const a = 1;\n'.repeat(20)}/*\0*/\n`,
      // Code padded past the size limit with a comment: not machine-made, so not analysed (blocks).
      'src/big.ts': `export const run = (id: string) => fetch(URL + id);\n// ${'x'.repeat(2 * 1024 * 1024)}\n`,
      'src/bin.js': Buffer.concat([Buffer.from('var a;'), Buffer.alloc(100, 0)]),
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'docs/old.md': Buffer.from(`${'Synthetic notes for the team.\n'.repeat(5)}caf\xe9\n`, 'latin1'),
      'legacy/tool.js': 'console.log(1);\n',
      '.dancu-guard.yml': 'version: 1\nignore:\n  - legacy/\n',
    });
    const r = await scan({ path: root });
    const cfg4 = r.findings.filter((f) => f.ruleId === 'DG-CFG-004').map((f) => `${f.file}:${f.line} ${f.severity}`);
    expect(cfg4).toEqual(['src/big.ts:1 high', 'src/bin.js:1 high']);
    expect(r.summary.verdict).toBe('fail');
    expect(r.facts.files.map((f) => f.path)).toEqual(expect.arrayContaining(['appsettings.json', 'src/nul.ts', 'src/Lookup.cs']));
    expect(r.summary.filesSkipped).toEqual({ oversized: 1, binary: 2 });
    expect(r.summary.ignoredByConfig).toBe(1);
    expect(r.summary.skippedFiles).toEqual([
      { path: 'legacy/tool.js', reason: 'ignored-by-config' },
      { path: 'logo.png', reason: 'binary' },
      { path: 'src/big.ts', reason: 'oversized' },
      { path: 'src/bin.js', reason: 'binary' },
    ]);
    expect(r.summary.skippedFilesTruncated).toBeUndefined();
  });

  it('caps skippedFiles at 1000 entries and says so', async () => {
    const root = tmpDir();
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 1005; i++) files[`img/${String(i).padStart(4, '0')}.png`] = Buffer.from([0x89, 0x50, 0, 0, 0, 1]);
    write(root, files);
    const r = await scan({ path: root });
    expect(r.summary.filesSkipped).toEqual({ binary: 1005 });
    expect(r.summary.skippedFiles).toHaveLength(1000);
    expect(r.summary.skippedFilesTruncated).toBe(true);
    expect(r.findings).toEqual([]);
  });
});
