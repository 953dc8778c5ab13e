/** Classification of discovered files by path and head. */
import { describe, it, expect } from 'vitest';
import { classify, discover } from '../../src/discover/index.js';
import { tempTrees } from '../helpers/tree.js';

const { tree } = tempTrees();

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
