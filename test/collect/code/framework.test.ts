import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTree } from '../../helpers/collect.js';
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
