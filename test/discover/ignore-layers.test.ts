/** Discovery ignore rules: nested .gitignore files, config and .dancu-guardignore layers, built-in defaults. */
import { describe, it, expect } from 'vitest';
import { discover } from '../../src/discover/index.js';
import { paths, tempTrees } from '../helpers/tree.js';

const { tree } = tempTrees();

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
