/**
 * `npm run check:cycles` (dependency-cruiser with .dependency-cruiser.cjs) fails on an
 * import cycle, type-only imports included, and passes on an acyclic tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.js';

/** A throwaway project with `files` under src/, checked with the repository's configuration. */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dg-cycles-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'src', name), text);
  const r = spawnSync(
    process.execPath,
    [join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('check:cycles', () => {
  it('fails on a cycle made of type-only imports', () => {
    const r = cruise({
      'a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/no-circular: src\/a\.ts →/);
  });

  it('fails on a value cycle through three modules', () => {
    const r = cruise({
      'a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'b.ts': "import { c } from './c.js';\nexport const b = () => c();\n",
      'c.ts': "import { a } from './a.js';\nexport const c = () => a;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-circular');
  });

  it('passes when imports only go one way', () => {
    const r = cruise({
      'a.ts': "import type { B } from './b.js';\nimport { b } from './b.js';\nexport const a = (x: B) => b(x);\n",
      'b.ts': 'export interface B { n: number }\nexport const b = (x: B) => x.n;\n',
    });
    expect(r.output).not.toContain('no-circular');
    expect(r.status).toBe(0);
  });
});
