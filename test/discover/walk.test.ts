/** The walk: links never leave the root, loops end, results are deterministic and sorted; a single file as root. */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { discover } from '../../src/discover/index.js';
import { paths, skippedAs, tempTrees } from '../helpers/tree.js';

const { tmpDir, tree } = tempTrees();

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
