import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTree } from '../../helpers/collect.js';
import {
  ConfigIndex,
  readXmlConfig,
  registerConfigProvider,
  replacePlaceholders,
  scanXmlTags,
  springEnvName,
} from '../../../src/collect/config/values.js';
import { collectWithSpec, createTreeSitterCollector, type TreeSitterStats } from '../../../src/collect/code/collector.js';
import { javaSpec } from '../../../src/collect/code/java/index.js';
import { pythonSpec } from '../../../src/collect/code/python/index.js';
import { commonPrefilter, operationTextPattern, sensitiveTextPattern } from '../../../src/collect/code/prefilter.js';
import { grammar, parserFor, queryFor, wasmDir } from '../../../src/collect/code/runtime.js';
import type { LanguageSpec } from '../../../src/collect/code/spec.js';
import type { CollectContext } from '../../../src/collect/types.js';
import { discover } from '../../../src/discover/index.js';
import { emptyFacts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { defaultSettings } from '../../../src/policy/settings.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dg-ts-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const load = loadTree;

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('runtime', () => {
  it('loads the runtime, each grammar, each parser and each query once', async () => {
    expect(wasmDir()).toMatch(/@vscode[\\/]tree-sitter-wasm[\\/]wasm$/);
    const [a, b] = await Promise.all([grammar('java'), grammar('java')]);
    expect(a).toBe(b);
    expect(await parserFor('java')).toBe(await parserFor('java'));
    expect(await queryFor('java', javaSpec.query)).toBe(await queryFor('java', javaSpec.query));
    expect(await grammar('c-sharp')).not.toBe(a);
  });

  it('a bad query is a rejected promise, not a crash, and is not cached', async () => {
    await expect(queryFor('java', '(no_such_node) @x')).rejects.toThrow();
    await expect(queryFor('java', '(no_such_node) @x')).rejects.toThrow();
  });
});

describe('ConfigIndex', () => {
  let ctx: CollectContext;
  let idx: ConfigIndex;
  beforeAll(async () => {
    const root = tree({
      'svc-a/src/main/resources/application.yml': 'dancu:\n  base-url: https://a.dancu.tinh-mau.gov.vn\n  url: ${DANCU_URL:https://default.dancu.tinh-mau.gov.vn}\n  nested: ${dancu.base-url}/x\n',
      'svc-a/src/main/resources/application-prod.yml': 'dancu:\n  base-url: https://prod.dancu.tinh-mau.gov.vn\n',
      'svc-b/src/main/resources/application.properties': 'dancu.baseUrl=https://b.dancu.tinh-mau.gov.vn\n',
      'api/appsettings.json': '{ "C06": { "Url": "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu" } }',
      'api/appsettings.Development.json': '{ "C06": { "Url": "http://localhost:5000" } }',
      '.env': 'DANCU_URL=https://env.dancu.tinh-mau.gov.vn\nC06__Token=abc\n',
      'docker-compose.yml': 'services:\n  api:\n    environment:\n      - C06__Extra=https://compose.dancu.tinh-mau.gov.vn\n',
      'k8s/deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          env:\n            - name: K8S_DANCU\n              value: https://k8s.dancu.tinh-mau.gov.vn\n',
      'Web/Web.config':
        '<?xml version="1.0"?>\n<configuration>\n  <!-- <appSettings><add key="DanCuUrl" value="http://commented.out"/></appSettings> -->\n  <appSettings>\n    <add key="DanCuUrl" value="https://lgsp.tinh-mau.gov.vn/a?x=1&amp;y=2" />\n  </appSettings>\n  <applicationSettings>\n    <Dvc.Properties.Settings>\n      <setting name="DanCuService" serializeAs="String">\n        <value>https://lgsp.tinh-mau.gov.vn/dancu/ws</value>\n      </setting>\n    </Dvc.Properties.Settings>\n  </applicationSettings>\n  <system.serviceModel><client>\n    <endpoint address="https://lgsp.tinh-mau.gov.vn/TraCuuSoap.asmx" contract="DanCuRef.TraCuuSoap" name="TraCuuSoapEp"/>\n  </client></system.serviceModel>\n</configuration>\n',
    });
    roots.push(root);
    ({ ctx } = await load(root));
    idx = ConfigIndex.of(ctx);
  });

  it('is one index per scan context', () => {
    expect(ConfigIndex.of(ctx)).toBe(idx);
  });

  it('Spring: relaxed binding, nearest module first, base file before profile files, placeholders followed', () => {
    expect(idx.spring('dancu.baseUrl', 'svc-a/src/main/java/A.java')).toMatchObject({
      value: 'https://a.dancu.tinh-mau.gov.vn',
      at: { file: 'svc-a/src/main/resources/application.yml', line: 2 },
      via: ['config'],
    });
    expect(idx.spring('dancu.base-url', 'svc-b/src/main/java/B.java')?.value).toBe('https://b.dancu.tinh-mau.gov.vn');
    // ${DANCU_URL:…} resolved from .env (the env wins over the default)
    expect(idx.spring('dancu.url', 'svc-a/x.java')).toMatchObject({ value: 'https://env.dancu.tinh-mau.gov.vn', keys: ['dancu.url', 'DANCU_URL'], complete: true });
    expect(idx.spring('dancu.nested', 'svc-a/x.java')?.value).toBe('https://a.dancu.tinh-mau.gov.vn/x');
    expect(idx.spring('nothing.here')).toBeUndefined();
    expect(springEnvName('dancu.base-url')).toBe('DANCU_BASEURL');
  });

  it('.NET: case-insensitive, appsettings.json before appsettings.Development.json, `__` env vars', () => {
    expect(idx.dotnet('c06:url')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu', at: { file: 'api/appsettings.json' } });
    expect(idx.dotnet('C06:Token')).toMatchObject({ value: 'abc', keys: ['C06:Token', 'C06__Token'], via: ['config', 'env'] });
    expect(idx.dotnet('C06:Extra')?.at.file).toBe('docker-compose.yml');
  });

  it('env: .env, compose environment lists, Kubernetes env', () => {
    expect(idx.env('K8S_DANCU')).toMatchObject({ value: 'https://k8s.dancu.tinh-mau.gov.vn', at: { file: 'k8s/deploy.yaml', line: 10 } });
    expect(idx.env('DANCU_URL')?.at).toMatchObject({ file: '.env', line: 1 });
  });

  it('Web.config: appSettings (entities decoded, comments skipped), applicationSettings, WCF endpoints by name and contract', () => {
    expect(idx.simple('netfx-appsettings', 'dancuurl')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/a?x=1&y=2', at: { line: 5 } });
    expect(idx.simple('netfx-appsettings', 'DanCuService')?.value).toBe('https://lgsp.tinh-mau.gov.vn/dancu/ws');
    for (const k of ['TraCuuSoapEp', 'DanCuRef.TraCuuSoap', 'TraCuuSoap']) {
      expect(idx.simple('wcf-endpoint', k)?.value, k).toBe('https://lgsp.tinh-mau.gov.vn/TraCuuSoap.asmx');
    }
  });

  it('registerConfigProvider adds a flavour (how the PHP collector plugs Laravel config/*.php in)', async () => {
    registerConfigProvider('laravel-test', {
      appliesTo: (f) => /^config\/[^/]+\.php$/.test(f.path),
      read: (path, text) =>
        [...text.matchAll(/'(\w+)'\s*=>\s*'([^']*)'/g)].map((m) => ({ key: `${path.slice(7, -4)}.${m[1]}`, value: m[2] ?? '', file: path, line: 1 })),
      normalize: (k) => k.toLowerCase(),
    });
    const root = tree({ 'config/dancu.php': "<?php return ['url' => 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu'];\n" });
    roots.push(root);
    const { ctx: c2 } = await load(root);
    expect(ConfigIndex.of(c2).simple('laravel-test', 'dancu.url')?.value).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu');
  });

  it('replacePlaceholders: Spring and shell defaults, nesting, unresolved kept', () => {
    const env: Record<string, string> = { A: 'x' };
    expect(replacePlaceholders('${A}/${B:def}/${C:-d2}/${D}/${E:${A}-y}', (n, d) => env[n] ?? (d === undefined ? undefined : replacePlaceholders(d, (m) => env[m])))).toBe(
      'x/def/d2/${D}/x-y',
    );
  });
});

describe('XML tag scanner', () => {
  it('is tolerant: stray <, unterminated quotes and tags, CDATA, processing instructions', () => {
    const tags = scanXmlTags('<?xml version="1.0"?>\n<a x=1 y=\'2\'>a < b<![CDATA[<not a tag>]]><b/></a><c z="unterminated');
    expect(tags.map((t) => [t.name, t.closing, t.selfClosing, t.line])).toEqual([
      ['a', false, false, 2],
      ['b', false, true, 2],
      ['a', true, false, 2],
      ['c', false, false, 2],
    ]);
    expect(tags[0]?.attrs.get('x')?.value).toBe('1');
    expect(tags[0]?.text).toBe('a < b<not a tag>');
    expect(() => scanXmlTags('<'.repeat(10_000))).not.toThrow();
  });

  it('reads <appSettings> keys case-insensitively and reports attribute lines', () => {
    const x = readXmlConfig('App.config', '<configuration>\n<APPSETTINGS>\n<Add Key="K"\n   Value="V"/>\n</APPSETTINGS>\n</configuration>');
    expect(x.appSettings).toEqual([{ key: 'K', value: 'V', file: 'App.config', line: 4, column: 11 }]);
  });
});

describe('prefilters', () => {
  const settings = defaultSettings();
  it('sensitive bindings in Java/C# syntax', () => {
    const re = sensitiveTextPattern(settings)!;
    for (const s of ['String password = "x"', 'const string C06_SecretKey = @"x"', '{ "secretKey", "v" }', 'Password = $"x"', 'apiKey: "x"']) {
      expect(re.test(s), s).toBe(true);
    }
    for (const s of ['int port = 5;', 'String name = "x"']) expect(re.test(s), s).toBe(false);
  });

  it('DB operations (any case) and namespaces', () => {
    expect(operationTextPattern(settings)!.test('port.traCuuThongTinCongDan(req)')).toBe(true);
    expect(commonPrefilter('String ns = "http://dancuquocgia.bca";', settings)).toBe(true);
    expect(commonPrefilter('class Plain { int add(int a, int b) { return a + b; } }', settings)).toBe(false);
  });
});

describe('collector: parsing discipline', () => {
  let root: string;
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/Plain${i}.java`] = `class Plain${i} { int add(int a, int b) { return a + b; } }\n`;
    files['src/Lookup.java'] = 'class Lookup { String f(RestTemplate rest) { return rest.getForObject("https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu", String.class); } }\n';
    files['src/Broken.java'] = 'class Broken { String secret = "Sup3rS3cretValue!9x"; void f( { }\n';
    root = tree(files);
    roots.push(root);
  });

  it('parses only the files the prefilter selects', async () => {
    const { files, ctx } = await load(root);
    const stats: TreeSitterStats = { files: 0, parsed: 0, prepared: 0, ms: 0 };
    const got = await collectWithSpec(javaSpec, files, ctx, stats);
    expect(stats).toMatchObject({ files: 42, parsed: 2 });
    expect(got.callSites?.map((c) => c.file)).toEqual(['src/Lookup.java']);
  });

  it('syntax-error messages never quote the file (it may hold secrets)', async () => {
    const { files, ctx } = await load(root);
    const got = await collectWithSpec(javaSpec, files, ctx);
    const d = got.diagnostics ?? [];
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ file: 'src/Broken.java', line: 1, kind: 'parse-error' });
    expect(JSON.stringify(d)).not.toMatch(/Sup3r|secret/);
  });

  it('never throws: a hook that throws becomes a diagnostic for that file', async () => {
    const { files, ctx } = await load(root);
    const bad: LanguageSpec = {
      ...javaSpec,
      prepare: undefined,
      name: 'java-bad',
      hooks: {
        analyze: () => {
          throw new Error('boom');
        },
      },
    } as LanguageSpec;
    const got = await collectWithSpec(bad, files, ctx);
    expect(got.diagnostics?.filter((d) => d.message.includes('internal error')).map((d) => d.file).sort()).toEqual(['src/Broken.java', 'src/Lookup.java']);
    expect(got.callSites).toEqual([]);
  });

  it('an unknown grammar is one diagnostic, not a throw', async () => {
    const { files, ctx } = await load(root);
    const got = await collectWithSpec({ ...javaSpec, grammar: 'no-such-grammar' } as LanguageSpec, files, ctx);
    expect(got.diagnostics).toHaveLength(1);
    expect(got.diagnostics?.[0]?.message).toMatch(/grammar unavailable/);
  });
});

// ---------------------------------------------------------------------------
// The Python spec (src/collect/code/python/) was first written here as a toy
// against the framework API alone; the real one must give the same generic facts
// (functions, callers, loops, limiters, resolution, SOAP, credentials, assembly), which
// need nothing Java- or C#-specific.

describe('framework reuse: the Python spec', () => {
  it('gets functions, same-file callers, loops, limiters, resolution, credentials and schema-valid facts from the framework', async () => {
    const root = tree({
      'tool.py': [
        'import os, requests',
        'BASE = os.getenv("DANCU_BASE", "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu")',
        'C06_SECRET_KEY = "Sup3rS3cretValue!9x"',
        'class Svc:',
        '    def lookup(self, so_dinh_danh):',
        '        r = requests.post(BASE + "/TraCuuThongTinCongDan", json={})',
        '        self.audit.ghi_nhat_ky(so_dinh_danh)',
        '        return r',
        'def bulk(ids):',
        '    for i in ids:',
        '        limiter.acquire()',
        '        Svc().lookup(i)',
        '',
      ].join('\n'),
    });
    roots.push(root);
    const { files, ctx } = await load(root);
    const collector = createTreeSitterCollector(pythonSpec);
    const got = await collector.collect(files.filter((f) => collector.appliesTo(f)), ctx);
    expect(got.diagnostics).toEqual([]);
    expect(got.callSites).toHaveLength(1);
    expect(got.callSites?.[0]).toMatchObject({
      file: 'tool.py',
      line: 6,
      language: 'python',
      client: 'requests',
      function: { name: 'Svc.lookup', line: 5 },
      callsInFunction: ['requests.post', 'audit.ghi_nhat_ky'],
      callers: [{ name: 'bulk', line: 9, calls: ['limiter.acquire', 'Svc.lookup', 'Svc'] }],
      loop: { kind: 'for', line: 10 },
      limiter: { name: 'limiter.acquire', line: 11 },
      target: {
        url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
        keys: ['DANCU_BASE'],
        operation: 'TraCuuThongTinCongDan',
        definedAt: { file: 'tool.py', line: 2 },
      },
    });
    expect(got.credentials?.map((c) => [c.line, c.key, c.kind])).toEqual([[3, 'C06_SECRET_KEY', 'named-literal']]);
    const doc = emptyFacts({ name: 'toy', binEntries: [] });
    doc.files = files.map((f) => ({ path: f.path, kind: f.kind, size: f.size, ...(f.language ? { language: f.language } : {}) }));
    doc.callSites = got.callSites ?? [];
    doc.credentials = got.credentials ?? [];
    expect(factsErrors(doc)).toEqual([]);
  });
});
