/** Discovery content checks: binary, oversized, encodings, NUL bytes, unreadable files, classification of kept files. */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeText, discover } from '../../src/discover/index.js';
import { paths, skippedAs, tempTrees } from '../helpers/tree.js';

const { tree } = tempTrees();

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

  it('reads JavaScript/TypeScript over the limit (marked oversized, for the collectors to judge), and nothing else', async () => {
    const root = tree({ 'big.js': 'var a = 1;\n'.repeat(20), 'big.json': '{"a": 1}'.repeat(30), 'small.ts': 'x' });
    const r = await discover(root, { maxFileSize: 100 });
    expect(paths(r)).toEqual(['big.js', 'small.ts']);
    expect(r.files[0]).toMatchObject({ path: 'big.js', oversized: true });
    expect(r.files[1]!.oversized).toBeUndefined();
    expect(skippedAs(r, 'oversized')).toEqual(['big.json']);
  });

  it('decodes ISO-8859-1 .properties, accepts a BOM and multi-byte text, skips what cannot be decoded', async () => {
    const latin1 = Buffer.from('# Cau hinh\nTEN=Nguy\xe9n V\xe3n A\nDIA_CHI=H\xe0 N\xf4i\n'.repeat(20), 'latin1');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('apiVersion: v1\nkind: ConfigMap\n')]);
    // Declares an encoding nobody knows, and is not UTF-8: undecodable.
    const unknown = Buffer.from('# -*- coding: x-klingon -*-\nA = "\xe9\xff"\n', 'latin1');
    const root = tree({
      'legacy.properties': latin1,
      'bom.yaml': bom,
      'vi.md': 'Cơ sở dữ liệu quốc gia về dân cư',
      'odd.py': unknown,
    });
    const result = await discover(root);
    expect(paths(result)).toEqual(['bom.yaml', 'legacy.properties', 'vi.md']);
    expect(result.files[0]).toMatchObject({ kind: 'manifest', format: 'k8s' });
    expect(result.files[1]).toMatchObject({ kind: 'config', encoding: 'iso-8859-1' });
    expect(decodeText(result.files[1]!, latin1)).toContain('TEN=Nguyén Vãn A');
    expect(result.skipped).toEqual([
      { path: 'odd.py', reason: 'non-utf8', size: unknown.length, kind: 'source', detail: 'declared encoding x-klingon is not one the scanner knows' },
    ]);
  });

  it('reads a .properties file that is not UTF-8 as ISO-8859-1, as Java does', async () => {
    const latin1 = Buffer.from('# Cau hinh\nten=Kh\xf4ng t\xecm th\\u1EA5y\ngateway.secret=Synthetic-Only-9x\n', 'latin1');
    const root = tree({ 'src/main/resources/constants.properties': latin1 });
    const result = await discover(root);
    expect(result.skipped).toEqual([]);
    expect(result.files[0]).toMatchObject({ path: 'src/main/resources/constants.properties', kind: 'config', format: 'properties', encoding: 'iso-8859-1' });
    const text = decodeText(result.files[0]!, fs.readFileSync(result.files[0]!.absPath));
    expect(text).toContain('ten=Không tìm');
    expect(text).toContain('gateway.secret=Synthetic-Only-9x');
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
    expect(result.skipped).toEqual([
      { path: 'bad16.json', reason: 'non-utf8', size: 5, kind: 'config', detail: 'a UTF-16LE byte-order mark, then bytes that are not UTF-16LE' },
    ]);
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

  it('keeps a source/config file with a few NUL or stray bytes, skips one that is mostly NUL', async () => {
    const code = `/*\0*/\n${'export const url = "https://gateway.example.test/api";\n'.repeat(5)}`;
    const root = tree({
      'tools/x.ts': code,
      'tools/y.js': Buffer.concat([Buffer.from('var a = 1;\n'), Buffer.alloc(64, 0)]),
      'tools/z.ts': Buffer.from([0x2f, 0x2a, 0x00, 0xff, 0xfe, 0x2a, 0x2f, ...Buffer.from('x'.repeat(200))]),
      'data.bin': Buffer.concat([Buffer.from('x'.repeat(300)), Buffer.from([0])]),
    });
    const result = await discover(root);
    // z.ts is not UTF-8, but its text is ASCII around a few stray bytes: read as ISO-8859-1.
    expect(paths(result)).toEqual(['tools/x.ts', 'tools/z.ts']);
    expect(result.files[0]).toMatchObject({ kind: 'source', hasNul: true });
    expect(result.files[1]).toMatchObject({ kind: 'source', hasNul: true, encoding: 'iso-8859-1' });
    expect(decodeText(result.files[0]!, fs.readFileSync(result.files[0]!.absPath))).toBe(code.replace('\0', ' '));
    expect(result.skipped.map((s) => [s.path, s.reason, s.kind])).toEqual([
      ['data.bin', 'binary', 'other'],
      ['tools/y.js', 'binary', 'source'],
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
