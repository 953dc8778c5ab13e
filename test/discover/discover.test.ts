import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classify, decodeText, discover, skippedDiagnostic, skippedDiagnostics } from '../../src/discover/index.js';
import type { DiscoverResult } from '../../src/discover/types.js';

const tmpRoots: string[] = [];

function tmpDir(prefix = 'dg-discover-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpRoots.push(dir);
  return dir;
}

/** Write a tree: keys are forward-slash relative paths, values text or bytes. */
function tree(files: Record<string, string | Buffer>, root = tmpDir()): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

function paths(result: DiscoverResult): string[] {
  return result.files.map((f) => f.path);
}

function skippedAs(result: DiscoverResult, reason: string): string[] {
  return result.skipped.filter((s) => s.reason === reason).map((s) => s.path);
}

afterAll(() => {
  for (const dir of tmpRoots) {
    try {
      fs.chmodSync(dir, 0o755);
    } catch {
      // ignore
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('discover: ignore rules', () => {
  it('honours nested .gitignore files, with negation, like git', async () => {
    const root = tree({
      '.gitignore': '*.log\nsecret/\ngen/\n',
      'a.log': 'x',
      'local.txt': 'kept: the sub/.gitignore rule does not apply here',
      'secret/x.ts': 'export {}',
      'gen/b.ts': 'export {}',
      'sub/.gitignore': '!keep.log\nlocal.txt\n/only-here.txt\n',
      'sub/keep.log': 'kept by negation',
      'sub/other.log': 'ignored by the root rule',
      'sub/local.txt': 'ignored by the nested rule',
      'sub/only-here.txt': 'ignored (anchored to sub/)',
      'sub/deeper/only-here.txt': 'kept (anchored pattern does not reach deeper)',
      'sub/deeper/x.log': 'ignored by the root rule',
      // a deeper .gitignore re-includes a directory the root excluded
      'pkg/.gitignore': '!gen/\n',
      'pkg/gen/a.ts': 'export {}',
      'pkg/gen/a.log': 'still ignored by the root *.log',
    });
    const result = await discover(root);
    expect(paths(result)).toEqual([
      '.gitignore',
      'local.txt',
      'pkg/.gitignore',
      'pkg/gen/a.ts',
      'sub/.gitignore',
      'sub/deeper/only-here.txt',
      'sub/keep.log',
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('applies config ignore globs (gitignore syntax), which may re-include defaults', async () => {
    const root = tree({
      'src/app.ts': 'export {}',
      'src/app.generated.ts': 'export {}',
      'fixtures/a/b.json': '{}',
      'docs/README.md': '# x',
      'src/docs/kept.md': '# ./docs is anchored at the root',
      'dist/keep.js': 'ok',
      'build/out.js': 'still ignored by default',
    });
    const result = await discover(root, { ignore: ['fixtures/', '*.generated.ts', './docs', '!dist/'] });
    expect(paths(result)).toEqual(['dist/keep.js', 'src/app.ts', 'src/docs/kept.md']);
  });

  it('honours a root .dancu-guardignore', async () => {
    const root = tree({
      '.dancu-guardignore': '# test data\ntestdata/\n*.snap\n',
      'testdata/creds.env': 'PASSWORD=x',
      'a.snap': 'x',
      'main.go': 'package main',
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['.dancu-guardignore', 'main.go']);
  });

  it('skips the built-in default ignores and .git', async () => {
    const root = tree({
      'index.ts': 'export {}',
      '.git/config': '[core]',
      '.git/HEAD': 'ref: refs/heads/main',
      'node_modules/pkg/index.js': 'x',
      'packages/a/node_modules/pkg/index.js': 'x',
      'vendor/autoload.php': '<?php',
      'dist/index.js': 'x',
      'build/app.js': 'x',
      'target/classes/application.properties': 'a=b',
      'Api/bin/Debug/net8.0/appsettings.json': '{}',
      'Api/bin/Release/net8.0/appsettings.json': '{}',
      'Api/obj/project.assets.json': '{}',
      'coverage/lcov.info': 'x',
      '.venv/lib/site.py': 'x',
      'app/__pycache__/m.py': 'x',
      'public/app.min.js': 'x',
      'package-lock.json': '{}',
      'yarn.lock': 'x',
      'pnpm-lock.yaml': 'x: 1',
      'composer.lock': '{}',
      'Api/bin/tool.sh': 'echo kept',
      'public/app.js': 'kept',
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['Api/bin/tool.sh', 'index.ts', 'public/app.js']);
  });

  it('a .gitignore negation cannot re-include a built-in default', async () => {
    const root = tree({ '.gitignore': '!node_modules/\n', 'node_modules/x/index.js': 'x', 'a.ts': '' });
    expect(paths(await discover(root))).toEqual(['.gitignore', 'a.ts']);
  });
});

describe('discover: links', () => {
  it('skips and reports links whose target is outside the root', async () => {
    const outside = tree({ 'secret.env': 'TOKEN=abc', 'dir/x.ts': 'export {}' });
    const root = tree({ 'a.ts': 'export {}' });
    fs.symlinkSync(path.join(outside, 'secret.env'), path.join(root, 'linked.env'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'linkdir'));
    fs.symlinkSync('..', path.join(root, 'parent'));
    const result = await discover(root);
    expect(paths(result)).toEqual(['a.ts']);
    expect(skippedAs(result, 'link-outside-root')).toEqual(['linkdir', 'linked.env', 'parent']);
    for (const f of result.files) expect(f.absPath.startsWith(result.root)).toBe(true);
  });

  it('terminates on link loops and visits each directory and file once', async () => {
    const root = tree({ 'a/b/c.ts': 'export {}', 'real.env': 'A=1' });
    fs.symlinkSync('..', path.join(root, 'a', 'b', 'up')); // -> a
    fs.symlinkSync('.', path.join(root, 'self')); // -> root
    fs.symlinkSync('a', path.join(root, 'alias')); // -> a (already walked)
    fs.symlinkSync('real.env', path.join(root, 'alias.env')); // -> a file already kept
    fs.symlinkSync('loop1', path.join(root, 'loop2'));
    fs.symlinkSync('loop2', path.join(root, 'loop1')); // never resolves
    const result = await discover(root);
    expect(paths(result)).toEqual(['a/b/c.ts', 'real.env']);
    expect(skippedAs(result, 'link-outside-root')).toEqual([]);
    expect(skippedAs(result, 'unreadable')).toEqual(['loop1', 'loop2']);
  });

  it('follows an in-root link to a directory the real walk did not enter, under the link path', async () => {
    const root = tree({ '.gitignore': 'generated/\n', 'generated/client.ts': 'export {}' });
    fs.symlinkSync('generated', path.join(root, 'src-gen'));
    const result = await discover(root);
    expect(paths(result)).toEqual(['.gitignore', 'src-gen/client.ts']);
    const f = result.files.find((x) => x.path === 'src-gen/client.ts');
    expect(f?.absPath).toBe(path.join(result.root, 'generated', 'client.ts'));
  });

  it('gives the same result every time', async () => {
    const root = tree({ 'x/a.ts': '', 'x/y/b.ts': '' });
    fs.symlinkSync('x', path.join(root, 'a-link'));
    fs.symlinkSync('x/y', path.join(root, 'b-link'));
    const first = await discover(root);
    for (let i = 0; i < 5; i++) expect(await discover(root)).toEqual(first);
    expect(paths(first)).toEqual(['x/a.ts', 'x/y/b.ts']);
  });
});

describe('discover: content checks', () => {
  it('skips binary files', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.alloc(200, 0),
    ]);
    const root = tree({ 'logo.png': png, 'data.bin': Buffer.from([1, 2, 0, 0, 0, 5, 6, 0, 0, 7]), 'a.ts': 'x' });
    const result = await discover(root);
    expect(paths(result)).toEqual(['a.ts']);
    expect(skippedAs(result, 'binary')).toEqual(['data.bin', 'logo.png']);
  });

  it('skips oversized files without failing, default limit 2 MiB', async () => {
    const root = tree({
      'big.json': `"${'a'.repeat(2 * 1024 * 1024)}"`,
      'exact.txt': 'b'.repeat(2 * 1024 * 1024),
      'small.ts': 'x',
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['exact.txt', 'small.ts']);
    expect(result.skipped).toEqual([{ path: 'big.json', reason: 'oversized', size: 2 * 1024 * 1024 + 2, kind: 'config' }]);
    const limited = await discover(root, { maxFileSize: 10 });
    expect(paths(limited)).toEqual(['small.ts']);
    expect(skippedAs(limited, 'oversized')).toEqual(['big.json', 'exact.txt']);
  });

  it('skips files that are not valid UTF-8, accepts a BOM and multi-byte text', async () => {
    const latin1 = Buffer.from('# Cau hinh\nTEN=Nguy\xe9n V\xe3n A\nDIA_CHI=H\xe0 N\xf4i\n'.repeat(20), 'latin1');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('apiVersion: v1\nkind: ConfigMap\n')]);
    const root = tree({
      'legacy.properties': latin1,
      'bom.yaml': bom,
      'vi.md': 'Cơ sở dữ liệu quốc gia về dân cư',
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['bom.yaml', 'vi.md']);
    expect(result.files[0]).toMatchObject({ kind: 'manifest', format: 'k8s' });
    expect(result.skipped).toEqual([{ path: 'legacy.properties', reason: 'non-utf8', size: latin1.length, kind: 'config' }]);
  });

  it('decodes UTF-16 files with a byte-order mark instead of skipping them', async () => {
    const json = '{ "ConnectionStrings": { "DanCu": "Server=db;Password=Synthetic-Only-1" } }\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16(); // FE FF + big-endian code units
    const root = tree({ 'appsettings.json': le, 'cfg/appsettings.Production.json': be, 'bad16.json': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]) });
    const result = await discover(root);
    expect(paths(result)).toEqual(['appsettings.json', 'cfg/appsettings.Production.json']);
    expect(result.files[0]).toMatchObject({ kind: 'config', format: 'appsettings', encoding: 'utf-16le', size: le.length });
    expect(result.files[1]).toMatchObject({ kind: 'config', format: 'appsettings', encoding: 'utf-16be' });
    expect(result.skipped).toEqual([{ path: 'bad16.json', reason: 'non-utf8', size: 5, kind: 'config' }]);
    for (const f of result.files) expect(decodeText(f, fs.readFileSync(f.absPath))).toBe(json);
  });

  it('classifies a UTF-16 script by its shebang and YAML by its content', async () => {
    const utf16 = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    const root = tree({ 'bin/lookup': utf16('#!/usr/bin/env node\nconsole.log(1)\n'), 'x.yaml': utf16('apiVersion: v1\nkind: Secret\n') });
    const result = await discover(root);
    expect(result.files.map((f) => [f.path, f.kind, f.language ?? f.format])).toEqual([
      ['bin/lookup', 'source', 'javascript'],
      ['x.yaml', 'manifest', 'k8s'],
    ]);
  });

  it('keeps a source/config file with a few NUL bytes, skips one that is mostly NUL', async () => {
    const code = `/*\0*/\n${'export const url = "https://gateway.example.test/api";\n'.repeat(5)}`;
    const root = tree({
      'tools/x.ts': code,
      'tools/y.js': Buffer.concat([Buffer.from('var a = 1;\n'), Buffer.alloc(64, 0)]),
      'tools/z.ts': Buffer.from([0x2f, 0x2a, 0x00, 0xff, 0xfe, 0x2a, 0x2f, ...Buffer.from('x'.repeat(200))]),
      'data.bin': Buffer.concat([Buffer.from('x'.repeat(300)), Buffer.from([0])]),
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['tools/x.ts']);
    expect(result.files[0]).toMatchObject({ kind: 'source', hasNul: true });
    expect(decodeText(result.files[0]!, fs.readFileSync(result.files[0]!.absPath))).toBe(code.replace('\0', ' '));
    expect(result.skipped.map((s) => [s.path, s.reason, s.kind])).toEqual([
      ['data.bin', 'binary', 'other'],
      ['tools/y.js', 'binary', 'source'],
      ['tools/z.ts', 'binary', 'source'],
    ]);
  });

  it('reports unreadable files', async () => {
    if (process.platform === 'win32' || process.getuid?.() === 0) return; // root reads anything
    const root = tree({ 'locked.env': 'A=1', 'ok.env': 'B=2', 'closed/x.ts': '' });
    fs.chmodSync(path.join(root, 'locked.env'), 0);
    fs.chmodSync(path.join(root, 'closed'), 0);
    const result = await discover(root);
    fs.chmodSync(path.join(root, 'closed'), 0o755);
    expect(paths(result)).toEqual(['ok.env']);
    expect(skippedAs(result, 'unreadable')).toEqual(['closed', 'locked.env']);
  });

  it('records size, absolute path and classification of kept files', async () => {
    const root = tree({ 'src/app.ts': 'export const a = 1;\n' });
    const result = await discover(root);
    expect(result.root).toBe(fs.realpathSync(root));
    expect(result.files).toEqual([
      {
        path: 'src/app.ts',
        absPath: path.join(fs.realpathSync(root), 'src', 'app.ts'),
        size: 20,
        kind: 'source',
        language: 'typescript',
      },
    ]);
  });
});

describe('discover: output and root', () => {
  it('sorts files by path (code-unit order) with forward slashes', async () => {
    const root = tree({
      'b.ts': '',
      'a/z.ts': '',
      'a/B.ts': '',
      'a-b.ts': '',
      'A.ts': '',
      'a/b/c.ts': '',
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['A.ts', 'a-b.ts', 'a/B.ts', 'a/b/c.ts', 'a/z.ts', 'b.ts']);
  });

  it('throws an error naming a nonexistent root', async () => {
    const missing = path.join(tmpDir(), 'nope');
    await expect(discover(missing)).rejects.toThrow(`Scan root "${missing}" does not exist`);
  });

  it('accepts a single file as root', async () => {
    const root = tree({ 'deploy/.env': 'TOKEN=abc' });
    const result = await discover(path.join(root, 'deploy', '.env'));
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ path: '.env', kind: 'config', format: 'dotenv' });
    expect(path.join(result.root, result.files[0]!.path)).toBe(result.files[0]!.absPath);
  });
  // Speed is measured by `npm run bench`, not asserted in a timed test.
});

describe('classify', () => {
  const cases: Array<[string, string | undefined, ReturnType<typeof classify>]> = [
    // source by extension
    ['src/a.ts', undefined, { kind: 'source', language: 'typescript' }],
    ['src/a.tsx', undefined, { kind: 'source', language: 'typescript' }],
    ['src/a.mts', undefined, { kind: 'source', language: 'typescript' }],
    ['src/a.cts', undefined, { kind: 'source', language: 'typescript' }],
    ['src/a.js', undefined, { kind: 'source', language: 'javascript' }],
    ['src/a.jsx', undefined, { kind: 'source', language: 'javascript' }],
    ['src/a.mjs', undefined, { kind: 'source', language: 'javascript' }],
    ['src/a.cjs', undefined, { kind: 'source', language: 'javascript' }],
    ['src/Main.java', undefined, { kind: 'source', language: 'java' }],
    ['src/Program.cs', undefined, { kind: 'source', language: 'csharp' }],
    ['web/index.php', undefined, { kind: 'source', language: 'php' }],
    ['tools/lookup.py', undefined, { kind: 'source', language: 'python' }],
    ['cmd/main.go', undefined, { kind: 'source', language: 'go' }],
    ['scripts/run.sh', undefined, { kind: 'source', language: 'shell' }],
    ['scripts/run.bash', undefined, { kind: 'source', language: 'shell' }],
    ['scripts/Run.ps1', undefined, { kind: 'source', language: 'powershell' }],
    ['notebooks/tra-cuu.ipynb', undefined, { kind: 'source', language: 'notebook' }],
    // shebang
    ['bin/tracuu', '#!/usr/bin/env node\nrequire("x")', { kind: 'source', language: 'javascript' }],
    ['bin/tracuu', '#!/usr/bin/env -S node --no-warnings\n', { kind: 'source', language: 'javascript' }],
    ['bin/sync', '#!/usr/bin/python3\n', { kind: 'source', language: 'python' }],
    ['bin/sync', '#!/usr/bin/env python\n', { kind: 'source', language: 'python' }],
    ['bin/deploy', '#!/bin/bash\nset -e\n', { kind: 'source', language: 'shell' }],
    ['bin/deploy', '#!/bin/sh\n', { kind: 'source', language: 'shell' }],
    ['bin/run.cgi', '#!/usr/bin/env bash\n', { kind: 'source', language: 'shell' }],
    ['bin/tool', '#!/usr/bin/env ts-node\n', { kind: 'source', language: 'typescript' }],
    ['bin/tool', '#!/usr/bin/env ruby\n', { kind: 'other' }],
    ['bin/tool', 'no shebang', { kind: 'other' }],
    ['bin/tool', undefined, { kind: 'other' }],
    ['src/a.ts', '#!/bin/bash\n', { kind: 'source', language: 'typescript' }], // the extension wins
    ['notes.txt', '#!/bin/bash\n', { kind: 'doc' }],
    // Dockerfiles
    ['Dockerfile', undefined, { kind: 'manifest', format: 'dockerfile' }],
    ['docker/Dockerfile.prod', undefined, { kind: 'manifest', format: 'dockerfile' }],
    ['api.dockerfile', undefined, { kind: 'manifest', format: 'dockerfile' }],
    ['Containerfile', undefined, { kind: 'manifest', format: 'dockerfile' }],
    // dotenv and templates
    ['.env', undefined, { kind: 'config', format: 'dotenv' }],
    ['deploy/.env.production', undefined, { kind: 'config', format: 'dotenv' }],
    ['deploy/prod.env', undefined, { kind: 'config', format: 'dotenv' }],
    ['.env.example', undefined, { kind: 'doc' }],
    ['.env.sample', undefined, { kind: 'doc' }],
    ['.env.template', undefined, { kind: 'doc' }],
    ['prod.env.example', undefined, { kind: 'doc' }],
    ['.env.dist', undefined, { kind: 'doc' }],
    ['appsettings.json.example', undefined, { kind: 'doc' }],
    // properties
    ['src/main/resources/db.properties', undefined, { kind: 'config', format: 'properties' }],
    ['src/main/resources/application.properties', undefined, { kind: 'config', format: 'spring' }],
    ['src/main/resources/application-prod.properties', undefined, { kind: 'config', format: 'spring' }],
    // JSON
    ['Api/appsettings.json', undefined, { kind: 'config', format: 'appsettings' }],
    ['Api/appsettings.Production.json', undefined, { kind: 'config', format: 'appsettings' }],
    ['config/default.json', undefined, { kind: 'config', format: 'json' }],
    ['package.json', undefined, { kind: 'config', format: 'json' }],
    ['tsconfig.build.json', undefined, { kind: 'config', format: 'json' }],
    ['composer.json', undefined, { kind: 'config', format: 'json' }],
    // YAML
    ['.github/workflows/ci.yml', undefined, { kind: 'manifest', format: 'github-workflow' }],
    ['services/a/.github/workflows/deploy.yaml', undefined, { kind: 'manifest', format: 'github-workflow' }],
    ['docker-compose.yml', undefined, { kind: 'manifest', format: 'compose' }],
    ['docker-compose.prod.yaml', undefined, { kind: 'manifest', format: 'compose' }],
    ['compose.yaml', undefined, { kind: 'manifest', format: 'compose' }],
    ['compose.override.yml', undefined, { kind: 'manifest', format: 'compose' }],
    ['src/main/resources/application.yml', undefined, { kind: 'config', format: 'spring' }],
    ['src/main/resources/application-dev.yaml', undefined, { kind: 'config', format: 'spring' }],
    ['src/main/resources/bootstrap.yml', undefined, { kind: 'config', format: 'spring' }],
    ['charts/api/values.yaml', undefined, { kind: 'manifest', format: 'helm-values' }],
    ['charts/api/values-prod.yaml', undefined, { kind: 'manifest', format: 'helm-values' }],
    ['charts/api/templates/deployment.yaml', undefined, { kind: 'manifest', format: 'k8s' }],
    ['charts/api/templates/tests/test.yaml', '{{- if .Values.x }}', { kind: 'manifest', format: 'k8s' }],
    ['k8s/cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\n', { kind: 'manifest', format: 'k8s' }],
    ['k8s/multi.yml', '# header\n---\napiVersion: v1\nkind: Secret\n', { kind: 'manifest', format: 'k8s' }],
    ['k8s/cronjob.yaml', undefined, { kind: 'config', format: 'yaml' }],
    ['config/app.yaml', 'server:\n  kind: x\n  apiVersion: y\n', { kind: 'config', format: 'yaml' }],
    ['charts/api/Chart.yaml', 'apiVersion: v2\nname: api\n', { kind: 'config', format: 'yaml' }],
    // docs and the rest
    ['README.md', undefined, { kind: 'doc' }],
    ['docs/notes.txt', undefined, { kind: 'doc' }],
    ['docs/guide.rst', undefined, { kind: 'doc' }],
    ['docs/guide.adoc', undefined, { kind: 'doc' }],
    ['pom.xml', undefined, { kind: 'other' }],
    ['Makefile', undefined, { kind: 'other' }],
  ];

  it.each(cases)('%s (head %j)', (rel, head, expected) => {
    expect(classify(rel, head)).toEqual(expected);
  });

  it('does not treat .env templates as dotenv', () => {
    expect(classify('.env.example').format).toBeUndefined();
    expect(classify('deploy/.env.example').kind).toBe('doc');
  });

  it('classifies discovered files by content when the path is not enough', async () => {
    const root = tree({
      'bin/tracuu': '#!/usr/bin/env node\nconsole.log(1)\n',
      'k8s/job.yaml': 'apiVersion: batch/v1\nkind: Job\n',
      'conf/app.yaml': 'a: 1\n',
    });
    const result = await discover(root);
    expect(result.files.map((f) => [f.path, f.kind, f.language ?? f.format])).toEqual([
      ['bin/tracuu', 'source', 'javascript'],
      ['conf/app.yaml', 'config', 'yaml'],
      ['k8s/job.yaml', 'manifest', 'k8s'],
    ]);
  });
});

describe('skipped files that must not pass silently', () => {
  it('turn source/config/manifest skips into diagnostics, and leave docs, images and outside links alone', () => {
    const diags = skippedDiagnostics([
      { path: 'src/Lookup.cs', reason: 'non-utf8', size: 10, kind: 'source' },
      { path: 'appsettings.json', reason: 'unreadable', kind: 'config' },
      { path: 'tools/big.ts', reason: 'oversized', size: 3 * 1024 * 1024, kind: 'source' },
      { path: 'k8s/deploy.yaml', reason: 'binary', size: 10, kind: 'manifest' },
      { path: 'closed', reason: 'unreadable', directory: true },
      { path: 'logo.png', reason: 'binary', size: 10, kind: 'other' },
      { path: 'docs/guide.md', reason: 'non-utf8', size: 10, kind: 'doc' },
      { path: 'package-lock.json', reason: 'oversized', size: 5e6, kind: 'config' },
      { path: 'link.ts', reason: 'link-outside-root' },
    ]);
    expect(diags.map((d) => [d.file, d.line, d.kind])).toEqual([
      ['src/Lookup.cs', 1, 'skipped-encoding'],
      ['appsettings.json', 1, 'unreadable'],
      ['tools/big.ts', 1, 'skipped-size'],
      ['k8s/deploy.yaml', 1, 'skipped-binary'],
      ['closed', 1, 'unreadable'],
    ]);
    expect(diags[2]!.message).toContain('3.0 MiB');
    expect(skippedDiagnostic({ path: 'old.lock', reason: 'oversized', kind: 'other' })).toBeUndefined();
  });
});
