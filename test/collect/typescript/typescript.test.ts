import { FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTypeScript, sensitiveTextPattern, typescriptCollector, worthAnalysing } from '../../../src/collect/typescript/index.js';
import type { CollectContext } from '../../../src/collect/types.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import { emptyFacts, type CallSiteFact, type CollectedFacts, type FileFact } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { defaultSettings } from '../../../src/policy/settings.js';
import { scan } from '../../../src/pipeline/scan.js';

const FIXTURES = join(FIXTURES_DIR, 'ts');

function discover(root: string): DiscoveredFile[] {
  const out: DiscoveredFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const st = statSync(abs);
      if (st.isDirectory()) {
        walk(abs);
        continue;
      }
      const path = relative(root, abs).split('\\').join('/');
      const isTs = /\.(ts|tsx|mts|cts)$/.test(path);
      const isJs = /\.(js|jsx|mjs|cjs)$/.test(path);
      const f: DiscoveredFile = { path, absPath: abs, size: st.size, kind: isTs || isJs ? 'source' : 'config' };
      if (isTs) f.language = 'typescript';
      if (isJs) f.language = 'javascript';
      if (path.endsWith('.json')) f.format = 'json';
      out.push(f);
    }
  };
  walk(root);
  return out;
}

function context(root: string, files: DiscoveredFile[]): CollectContext {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const cache = new Map<string, string>();
  return {
    root,
    settings: defaultSettings(),
    allFiles: files,
    readText(path) {
      const f = byPath.get(path);
      if (!f) return undefined;
      let t = cache.get(path);
      if (t === undefined) {
        t = readFileSync(f.absPath, 'utf8');
        cache.set(path, t);
      }
      return t;
    },
  };
}

async function collect(fixture: string): Promise<CollectedFacts> {
  const root = join(FIXTURES, fixture);
  const files = discover(root);
  return typescriptCollector.collect(files.filter((f) => typescriptCollector.appliesTo(f)), context(root, files));
}

function site(facts: CollectedFacts, file: string, line: number, nth = 0): CallSiteFact {
  const found = (facts.callSites ?? []).filter((s) => s.file === file && s.line === line);
  const s = found[nth];
  if (!s) throw new Error(`no call site at ${file}:${line}; have ${(facts.callSites ?? []).map((c) => `${c.file}:${c.line}`).join(', ')}`);
  return s;
}

/** The facts as a whole document, for schema validation. */
function asDocument(fixture: string, got: CollectedFacts) {
  const doc = emptyFacts({ name: fixture, binEntries: [] });
  const files = discover(join(FIXTURES, fixture));
  doc.files = files.map((f) => {
    const ff: FileFact = { path: f.path, kind: f.kind, size: f.size };
    if (f.language) ff.language = f.language;
    const extra = got.files?.find((x) => x.path === f.path);
    if (extra?.tool) ff.tool = extra.tool;
    return ff;
  });
  doc.callSites = got.callSites ?? [];
  doc.credentials = got.credentials ?? [];
  doc.tlsSettings = got.tlsSettings ?? [];
  doc.diagnostics = got.diagnostics ?? [];
  return doc;
}

describe('typescriptCollector: target resolution', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('resolve');
  });

  it('applies to TypeScript and JavaScript sources only', () => {
    const f = (language: DiscoveredFile['language'], kind: DiscoveredFile['kind'] = 'source'): DiscoveredFile => ({
      path: 'x',
      absPath: '/x',
      size: 1,
      kind,
      language,
    });
    expect(typescriptCollector.appliesTo(f('typescript'))).toBe(true);
    expect(typescriptCollector.appliesTo(f('javascript'))).toBe(true);
    expect(typescriptCollector.appliesTo(f('python'))).toBe(false);
    expect(typescriptCollector.appliesTo(f(undefined, 'config'))).toBe(false);
  });

  it('resolves a string literal at the call', () => {
    const s = site(facts, 'src/calls.ts', 13);
    expect(s).toMatchObject({ column: 10, client: 'fetch', language: 'typescript', function: { name: 'literal', line: 12 } });
    expect(s.target).toEqual({ url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', via: ['literal'] });
    // literals longer than 40 characters are elided from the callee text
    expect(s.callee).toBe("fetch('…')");
  });

  it('resolves a const in the same file, with where it was written', () => {
    expect(site(facts, 'src/calls.ts', 16).target).toEqual({
      url: 'https://dichvucong.dancuquocgia.gov.vn/api',
      via: ['constant', 'literal'],
      definedAt: { file: 'src/calls.ts', line: 9, column: 7 },
    });
  });

  it('resolves templates, keeping unresolved parts as ${name}; definedAt is where the base part was written', () => {
    expect(site(facts, 'src/calls.ts', 19).target).toEqual({
      url: 'https://dichvucong.dancuquocgia.gov.vn/api/congdan/${id}',
      via: ['template', 'constant', 'literal'],
      definedAt: { file: 'src/calls.ts', line: 9, column: 7 },
    });
  });

  it('resolves + concatenation', () => {
    expect(site(facts, 'src/calls.ts', 22).target).toMatchObject({
      url: 'https://dichvucong.dancuquocgia.gov.vn/api/XacThucThongTinCongDan',
      via: ['concatenation', 'constant', 'literal'],
    });
  });

  it('resolves constants imported across files: named, namespace, default, re-exported (named and export *)', () => {
    const named = site(facts, 'src/calls.ts', 25);
    expect(named.client).toBe('axios');
    expect(named.target.url).toBe('https://lgsp.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
    expect(named.target.via).toContain('import');

    const reexported = site(facts, 'src/calls.ts', 26);
    expect(reexported.target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu',
      via: ['import', 'constant', 'literal'],
      definedAt: { file: 'src/constants.ts', line: 2, column: 14 },
    });
    const star = site(facts, 'src/calls.ts', 27);
    expect(star.target.url).toBe('https://apidvc.tinh.gov.vn/dancu/more');
    expect(star.target.definedAt).toEqual({ file: 'src/lib/more.ts', line: 1, column: 14 });

    const dflt = site(facts, 'src/calls.ts', 28);
    expect(dflt.target.url).toBe('https://api.ngsp.gov.vn/dancu');
    expect(dflt.target.definedAt).toMatchObject({ file: 'src/constants.ts', line: 4 });
  });

  it('resolves property access on an imported const object literal', () => {
    expect(site(facts, 'src/calls.ts', 31).target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
      via: ['property', 'import', 'constant', 'literal'],
      definedAt: { file: 'src/config.ts', line: 3, column: 5 },
    });
  });

  it('resolves process.env.X ?? default and || default: url is the default, keys name the variable', () => {
    expect(site(facts, 'src/calls.ts', 34).target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/default',
      via: ['constant', 'env-default', 'literal'],
      keys: ['DANCU_URL'],
      definedAt: { file: 'src/calls.ts', line: 10, column: 7 },
    });
    expect(site(facts, 'src/calls.ts', 40).target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/or',
      via: ['env-default', 'literal'],
      keys: ['DANCU_OR_URL'],
    });
  });

  it('reports a bare process.env.X with no url', () => {
    expect(site(facts, 'src/calls.ts', 37).target).toEqual({ via: ['env'], keys: ['DANCU_ONLY_URL'] });
  });

  it('resolves new URL(path, base)', () => {
    expect(site(facts, 'src/calls.ts', 43).target.url).toBe(
      'https://dichvucong.dancuquocgia.gov.vn/apiCSDLDanCu/XacMinhThongTinNhanThan',
    );
  });

  it('builds the URL of http(s).request from an options object', () => {
    const s = site(facts, 'src/calls.ts', 46);
    expect(s).toMatchObject({ client: 'https', column: 15 });
    expect(s.target.url).toBe('https://lgsp.tinh.gov.vn:8443/apiCSDLDanCu/TraCuu');
    expect(site(facts, 'src/calls.ts', 48).target.url).toBe('http://lgsp.tinh.gov.vn/dancu/ping');
    expect(site(facts, 'src/calls.ts', 48).client).toBe('http');
  });

  it('follows require() of a CommonJS module.exports object', () => {
    const s = site(facts, 'src/calls.ts', 52);
    expect(s.target.url).toBe('https://lgsp.tinh.gov.vn/dancu/soap');
    expect(s.target.definedAt).toMatchObject({ file: 'src/config.cjs', line: 2 });
  });

  it('resolves an axios instance: baseURL + path, in the same file (class field) and imported from another file', () => {
    const field = site(facts, 'src/instance.ts', 13);
    expect(field).toMatchObject({ client: 'axios', function: { name: 'CitizenClient.lookup', line: 12 } });
    expect(field.target.url).toBe('https://apidvc.tinh.gov.vn/api/ChiaSeThongTinCongDan');

    const imported = site(facts, 'src/use-instance.ts', 4);
    expect(imported.target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan',
      via: ['concatenation', 'import', 'constant', 'literal'],
      definedAt: { file: 'src/constants.ts', line: 2, column: 14 },
    });
  });

  it('resolves imported enum members, object getters and destructuring defaults from process.env', () => {
    expect(site(facts, 'src/more-shapes.ts', 11).target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan',
      via: ['property', 'import', 'literal'],
      definedAt: { file: 'src/constants.ts', line: 8, column: 3 },
    });
    expect(site(facts, 'src/more-shapes.ts', 12).target.url).toBe('https://lgsp.tinh.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan');
    expect(site(facts, 'src/more-shapes.ts', 13).target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      via: ['template', 'env-default', 'literal'],
      keys: ['DANCU_HOST'],
      definedAt: { file: 'src/more-shapes.ts', line: 8, column: 9 },
    });
  });

  it('reports every client call site, and nothing for files without one', () => {
    expect((facts.callSites ?? []).filter((s) => s.file === 'src/unrelated.ts')).toEqual([]);
    expect((facts.callSites ?? []).map((s) => `${s.file}:${s.line}`)).toEqual([
      'src/calls.ts:13',
      'src/calls.ts:16',
      'src/calls.ts:19',
      'src/calls.ts:22',
      'src/calls.ts:25',
      'src/calls.ts:26',
      'src/calls.ts:27',
      'src/calls.ts:28',
      'src/calls.ts:31',
      'src/calls.ts:34',
      'src/calls.ts:37',
      'src/calls.ts:40',
      'src/calls.ts:43',
      'src/calls.ts:46',
      'src/calls.ts:48',
      'src/calls.ts:52',
      'src/instance.ts:13',
      'src/more-shapes.ts:11',
      'src/more-shapes.ts:12',
      'src/more-shapes.ts:13',
      'src/use-instance.ts:4',
    ]);
    expect(facts.files).toEqual([]);
  });

  it('produces facts that match the facts schema', () => {
    expect(factsErrors(asDocument('resolve', facts))).toEqual([]);
  });
});

describe('typescriptCollector: SOAP', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('soap');
  });

  it('reports client.<Op>Async on a client from soap.createClientAsync, with the WSDL url', () => {
    const s = site(facts, 'src/soap-client.ts', 8);
    expect(s).toMatchObject({ client: 'soap', column: 26, function: { name: 'traCuu', line: 6 } });
    expect(s.target).toMatchObject({
      url: 'https://lgsp.tinh.gov.vn/dancu/DanCuService?wsdl',
      operation: 'TraCuuThongTinCongDan',
    });
    expect(s.callsInFunction).toEqual(['soap.createClientAsync', 'client.TraCuuThongTinCongDanAsync', 'auditLog']);
  });

  it('reports client.<Op>(args, cb) inside the soap.createClient callback', () => {
    const s = site(facts, 'src/soap-client.ts', 15);
    expect(s.target.operation).toBe('XacThucThongTinCongDan');
    expect(s.function).toEqual({ name: 'xacThuc', line: 13 });
    expect(s.callsInFunction).toContain('console.log');
  });

  it('does not report createClient itself when its operations are seen', () => {
    expect((facts.callSites ?? []).filter((c) => c.callee.includes('createClient'))).toEqual([]);
  });

  it('finds the namespace and operation of an envelope built by a function in another file', () => {
    const s = site(facts, 'src/envelope-post.ts', 8);
    expect(s.client).toBe('axios');
    expect(s.target).toMatchObject({
      url: 'https://lgsp.tinh.gov.vn/dancu/soap',
      namespace: 'http://dancuquocgia.bca',
      operation: 'TraCuuThongTinCongDan',
    });
  });

  it('finds the namespace in a fetch body and the operation in SOAPAction', () => {
    expect(site(facts, 'src/envelope-post.ts', 12).target).toMatchObject({
      namespace: 'http://dancuquocgia.bca',
      operation: 'XacThucThongTinCongDan',
    });
  });

  it('produces facts that match the facts schema', () => {
    expect(factsErrors(asDocument('soap', facts))).toEqual([]);
  });
});

describe('typescriptCollector: logging, loops and limiters', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('context');
  });

  it('lists the calls made in the same function (logger present)', () => {
    const s = site(facts, 'src/lookup.ts', 11);
    expect(s.function).toEqual({ name: 'withLogger', line: 10 });
    expect(s.callsInFunction).toEqual(['axios.post', 'logger.info']);
    expect(s.callers).toEqual([]);
    expect(s.loop).toBeUndefined();
    expect(s.limiter).toBeUndefined();
  });

  it('lists same-file callers and their calls (logging one level up, this. normalised away)', () => {
    const s = site(facts, 'src/lookup.ts', 20);
    expect(s.function).toEqual({ name: 'LookupService.rawLookup', line: 19 });
    expect(s.callsInFunction).toEqual(['axios.post']);
    expect(s.callers).toEqual([{ name: 'LookupService.handler', line: 23, calls: ['rawLookup', 'audit.write'] }]);
  });

  it('shows no logging when there is none', () => {
    const s = site(facts, 'src/lookup.ts', 31);
    expect(s.callsInFunction).toEqual(['fetch']);
    expect(s.callers).toEqual([]);
  });

  it('finds for…of, forEach and Promise.all(map) loops', () => {
    expect(site(facts, 'src/lookup.ts', 36).loop).toEqual({ kind: 'for-of', line: 35 });
    expect(site(facts, 'src/lookup.ts', 42).loop).toEqual({ kind: 'forEach', line: 41 });
    const all = site(facts, 'src/lookup.ts', 48);
    expect(all.loop).toEqual({ kind: 'Promise.all', line: 47 });
    expect(all.function).toEqual({ name: 'bulkPromiseAll', line: 46 });
  });

  it('finds a loop around the call of the function in a same-file caller', () => {
    const s = site(facts, 'src/lookup.ts', 53);
    expect(s.function).toEqual({ name: 'single', line: 52 });
    expect(s.loop).toEqual({ kind: 'for-of', line: 57 });
    expect(s.callers).toEqual([{ name: 'bulkViaCaller', line: 56, calls: ['single'] }]);
  });

  it('finds p-limit and Bottleneck limiters (schedule, and wrap of the enclosing function)', () => {
    const pl = site(facts, 'src/lookup.ts', 61);
    expect(pl.limiter).toEqual({ name: 'limit', line: 61 });
    expect(pl.loop).toEqual({ kind: 'Promise.all', line: 61 });
    expect(site(facts, 'src/lookup.ts', 65).limiter).toEqual({ name: 'limiter.schedule', line: 65 });
    const wrapped = site(facts, 'src/lookup.ts', 69);
    expect(wrapped.function).toEqual({ name: 'wrappedLookup', line: 68 });
    expect(wrapped.limiter).toEqual({ name: 'limiter.wrap', line: 71 });
  });

  it('produces facts that match the facts schema', () => {
    expect(factsErrors(asDocument('context', facts))).toEqual([]);
  });
});

describe('typescriptCollector: other clients', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('clients');
  });

  it('recognises got, got.extend prefixUrl, undici request/Client, node-fetch', () => {
    expect(site(facts, 'src/various.ts', 10)).toMatchObject({
      client: 'got',
      target: { url: 'https://apidvc.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan' },
    });
    expect(site(facts, 'src/various.ts', 16).target.url).toBe('https://lgsp.tinh.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan');
    expect(site(facts, 'src/various.ts', 20)).toMatchObject({ client: 'undici', target: { url: 'https://apidvc.tinh.gov.vn/dancu/ping' } });
    expect(site(facts, 'src/various.ts', 26).target.url).toBe('https://lgsp.tinh.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan');
    expect(site(facts, 'src/various.ts', 30)).toMatchObject({ client: 'fetch', target: { url: 'https://apidvc.tinh.gov.vn/dancu/node-fetch' } });
  });

  it('sees a limiter wrapping an axios instance (axios-rate-limit)', () => {
    const s = site(facts, 'src/various.ts', 36);
    expect(s.target.url).toBe('https://lgsp.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan/${id}');
    expect(s.limiter).toEqual({ name: 'rateLimit', line: 33 });
  });

  it('recognises NestJS HttpService with a ConfigService key', () => {
    const s = site(facts, 'src/nest.service.ts', 14);
    expect(s).toMatchObject({ client: 'axios', function: { name: 'DanCuService.traCuu', line: 12 } });
    // The URL is only a config key: the lookup fields of the function are facts too.
    expect(s.target).toEqual({ via: ['constant', 'config'], keys: ['DANCU_API_URL'], fields: ['soDinhDanh', 'SoDinhDanh'] });
  });

  it('reads node-config keys from config/default.json', () => {
    expect(site(facts, 'src/node-config.js', 5).target).toEqual({
      url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      via: ['config', 'property', 'literal'],
      keys: ['dancu.url'],
      definedAt: { file: 'config/default.json', line: 3, column: 5 },
    });
  });

  it('does not take Map.get for an HTTP call', () => {
    expect((facts.callSites ?? []).filter((s) => s.line === 40)).toEqual([]);
  });
});

describe('typescriptCollector: function shapes, cycles and the root boundary', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('misc');
  });

  it('names object methods and finds their callers through this.', () => {
    const s = site(facts, 'src/service.js', 11);
    expect(s.function).toEqual({ name: 'dancuService.lookup', line: 10 });
    expect(s.callers).toEqual([{ name: 'dancuService.verify', line: 13, calls: ['lookup', 'console.info'] }]);
  });

  it('treats a route handler callback as its own function, not the whole module', () => {
    const s = site(facts, 'src/service.js', 21);
    expect(s.function).toEqual({ name: '<callback of app.post>', line: 20 });
    expect(s.callsInFunction).toEqual(['fetch', 'res.json', 'r.json']);
    expect(s.callsInFunction).not.toContain('auditTrail.record');
  });

  it('finds a while loop and a p-queue limiter', () => {
    const s = site(facts, 'src/service.js', 33);
    expect(s.loop).toEqual({ kind: 'while', line: 32 });
    expect(s.limiter).toEqual({ name: 'queue.add', line: 33 });
  });

  it('reports top-level calls in <module>', () => {
    expect(site(facts, 'src/service.js', 38).function).toEqual({ name: '<module>', line: 1 });
  });

  it('stops on constant and import cycles and never resolves outside the root', () => {
    expect(site(facts, 'src/service.js', 38).target).toEqual({ via: [] });
    expect(site(facts, 'src/escape.ts', 7).target).toEqual({ via: [] });
    expect(site(facts, 'src/escape.ts', 8).target).toEqual({ via: [] });
  });
});

describe('typescriptCollector: stand-alone tools', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('tools');
  });

  it('marks each kind of stand-alone tool', () => {
    const tools = Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]));
    expect(tools).toEqual({
      'bin/tra-cuu.js': { kind: 'bin', reason: 'package.json bin', line: 1 },
      'jobs/browser.ts': { kind: 'browser-automation', reason: 'imports puppeteer', line: 1 },
      'jobs/e2e.spec.ts': { kind: 'browser-automation', reason: 'page.goto to a population-DB portal', line: 4 },
      'jobs/nightly.ts': { kind: 'cron', reason: 'imports node-cron', line: 1 },
      'scripts/bulk-export.ts': { kind: 'script', reason: 'under scripts/ and calls the population DB', line: 7 },
      'scripts/shebang.js': { kind: 'script', reason: 'shebang', line: 1 },
      'src/cli.ts': { kind: 'cli', reason: 'require.main === module', line: 7 },
      'src/commander-cli.ts': { kind: 'cli', reason: 'imports commander', line: 1 },
      'src/esm-main.mjs': { kind: 'cli', reason: 'import.meta.url main guard', line: 7 },
    });
  });

  it('does not mark scripts that do not call the DB, nor served code', () => {
    const paths = (facts.files ?? []).map((f) => f.path);
    expect(paths).not.toContain('scripts/clean.ts');
    expect(paths).not.toContain('src/server.ts');
    expect(paths).not.toContain('src/lookup.ts');
  });

  it('reports the bulk loop in the script', () => {
    expect(site(facts, 'scripts/bulk-export.ts', 7).loop).toEqual({ kind: 'for-of', line: 6 });
    expect(site(facts, 'bin/tra-cuu.js', 3)).toMatchObject({ language: 'javascript', function: { name: '<module>', line: 1 } });
  });
});

describe('typescriptCollector: credentials and TLS', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('creds');
  });

  const summary = (f: CollectedFacts) => (f.credentials ?? []).map((c) => [c.line, c.kind, c.key, c.redacted]);

  it('reports literals bound to sensitive names, auth objects, auth headers and env fallbacks', () => {
    expect(summary(facts)).toEqual([
      [5, 'named-literal', 'C06_secretKey', 'Su…9x'], // variable
      [7, 'named-literal', 'C06_API_KEY', 'Fa…7q'], // process.env.X || 'fallback'
      [17, 'named-literal', 'accessKey', 'Ac…2z'], // class field
      [19, 'named-literal', 'consumer_secret', 'C0…4w'], // default parameter
      [23, 'auth-object', 'password', 'Au…5e'],
      [31, 'auth-header', 'Authorization', 'bG…I='], // 'Basic ' + Buffer.from('user:pass').toString('base64')
      [37, 'auth-header', 'Authorization', 'B3…8t'], // `Bearer ${'lit'}`
      [43, 'auth-header', 'Authorization', 'dX…=='], // 'Basic dXNl…'
      [54, 'named-literal', 'password', 'As…1a'], // assignment
    ]);
  });

  it('never carries a clear value, and all facts are from source', () => {
    const json = JSON.stringify(facts);
    for (const secret of ['Sup3rS3cretValue!9x', 'H3aderP4ss!6r', 'AuthObjP4ss!5e', 'B3arerT0kenValue!8t', 'Fallb4ckK3yValue!7q']) {
      expect(json).not.toContain(secret);
    }
    expect(new Set((facts.credentials ?? []).map((c) => c.source))).toEqual(new Set(['source']));
  });

  it('ignores placeholders, env-only values, empty strings and i18n labels', () => {
    const lines = (facts.credentials ?? []).map((c) => c.line);
    for (const l of [6, 8, 9, 12, 13, 48]) expect(lines).not.toContain(l);
  });

  it('reports TLS switches and ties them to the calls they affect', () => {
    expect((facts.tlsSettings ?? []).map((t) => [t.file, t.line, t.setting])).toEqual([
      ['src/client.ts', 24, 'rejectUnauthorized: false'],
      ['src/tls.ts', 1, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
      ['src/tls.ts', 7, 'strictSSL: false'],
    ]);
    expect(site(facts, 'src/client.ts', 22).tlsVerifyDisabled).toEqual({ setting: 'rejectUnauthorized: false', line: 24 });
    expect(site(facts, 'src/tls.ts', 4).tlsVerifyDisabled).toEqual({ setting: 'NODE_TLS_REJECT_UNAUTHORIZED=0', line: 1 });
    expect(site(facts, 'src/client.ts', 30).tlsVerifyDisabled).toBeUndefined();
  });

  it('elides credential literals from the callee text', () => {
    const callee = site(facts, 'src/client.ts', 30).callee;
    expect(callee).not.toContain('H3aderP4ss');
    expect(site(facts, 'src/client.ts', 22).callee).not.toContain('AuthObjP4ss');
  });

  it('produces facts that match the facts schema', () => {
    expect(factsErrors(asDocument('creds', facts))).toEqual([]);
  });
});

describe('typescriptCollector: parse errors', () => {
  it('reports a syntax error and still collects from that file and the others', async () => {
    const facts = await collect('broken');
    expect(facts.diagnostics).toEqual([
      { file: 'src/bad.ts', line: 8, column: 10, kind: 'parse-error', message: "':' expected." },
    ]);
    expect((facts.callSites ?? []).map((s) => [s.file, s.line, s.function.name])).toEqual([
      ['src/bad.ts', 4, 'ok'],
      ['src/good.js', 1, 'fetchIt'],
    ]);
  });
});

describe('typescriptCollector: prefilter and speed', () => {
  it('derives a text prefilter from the sensitive key patterns', () => {
    const re = sensitiveTextPattern(defaultSettings());
    expect(re).toBeDefined();
    expect(worthAnalysing("const dbPassword = 'x';", re)).toBe(true);
    expect(worthAnalysing("const k = process.env.C06_API_KEY || 'x';", re)).toBe(true);
    expect(worthAnalysing("headers: { Authorization: 'Basic abc' }", re)).toBe(true);
    expect(worthAnalysing('const m = new Map(); m.get(key); bypass(x);', re)).toBe(false);
    expect(worthAnalysing("api.post('/ChiaSeThongTinCongDan', body)", re)).toBe(true);
    expect(worthAnalysing('await fetch(url)', re)).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'dg-ts-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('collects 2,000 files (5% with DB calls) analysing only those that need it', () => {
    mkdirSync(join(dir, 'src/shared'), { recursive: true });
    writeFileSync(join(dir, 'src/shared/constants.ts'), "export const DANCU_URL = 'https://lgsp.tinh.gov.vn/apiCSDLDanCu';\n");
    for (let i = 0; i < 2000; i++) {
      const d = join(dir, `src/m${i % 40}`);
      mkdirSync(d, { recursive: true });
      const text =
        i % 20 === 0
          ? `import axios from 'axios';\nimport { DANCU_URL } from '../shared/constants';\n\nexport async function lookup${i}(id: string) {\n  const res = await axios.post(\`\${DANCU_URL}/TraCuuThongTinCongDan\`, { SoDinhDanh: id });\n  return res.data;\n}\n`
          : `export class Store${i} {\n  private items = new Map<number, string>();\n  find(id: number) {\n    return this.items.get(id);\n  }\n}\nexport function compute${i}(xs: number[]): number {\n  let t = 0;\n  for (const x of xs) t += x * ${i};\n  return t;\n}\n`;
      writeFileSync(join(d, `f${i}.ts`), text);
    }
    const files = discover(dir);
    const stats = { files: 0, analysed: 0, parsed: 0 };
    const facts = collectTypeScript(files, context(dir, files), stats);
    expect(facts.callSites).toHaveLength(100);
    expect(facts.callSites?.every((s) => s.target.url === 'https://lgsp.tinh.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan')).toBe(true);
    // The constants file is analysed too: its URL literal is an endpoint where it is written.
    expect(stats.analysed).toBe(101);
    expect(stats.parsed).toBe(101);
    // Calls in other files do not link to it (a file's facts depend on its own text only).
    expect(facts.endpoints).toEqual([expect.objectContaining({ file: 'src/shared/constants.ts', key: 'DANCU_URL', url: 'https://lgsp.tinh.gov.vn/apiCSDLDanCu' })]);
    expect(facts.endpoints?.[0]?.reachedBy).toBeUndefined();
  });
});

describe('typescriptCollector: tsconfig/jsconfig baseUrl and paths', () => {
  const root = join(FIXTURES, 'paths');
  let facts: CollectedFacts;
  const read: string[] = [];
  beforeAll(async () => {
    const files = discover(root);
    const ctx = context(root, files);
    const readText = ctx.readText.bind(ctx);
    ctx.readText = (path) => {
      read.push(path);
      return readText(path);
    };
    facts = await typescriptCollector.collect(files.filter((f) => typescriptCollector.appliesTo(f)), ctx);
  });

  it('resolves an alias import (`@config/*` of an extended tsconfig) to the URL and where it was written', () => {
    expect(site(facts, 'src/lookup.ts', 9).target).toEqual({
      url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan?SoDinhDanh=${id}',
      via: ['template', 'import', 'constant', 'literal'],
      definedAt: { file: 'src/config/dancu.ts', line: 2, column: 14 },
    });
  });

  it('follows the extends chain (comments, trailing commas, a list, no .json suffix; package bases ignored)', () => {
    // baseUrl comes from configs/tsconfig.base.json (relative to it: the root), paths from
    // configs/tsconfig.paths.json, both through tsconfig.json's `extends`.
    expect(read).toEqual(expect.arrayContaining(['tsconfig.json', 'configs/tsconfig.paths.json', 'configs/tsconfig.base.json']));
    // several targets, in order (the first does not exist); an exact pattern
    const shared = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';
    expect(site(facts, 'src/lookup.ts', 12).target).toMatchObject({ url: shared, definedAt: { file: 'src/shared/endpoints.ts', line: 1 } });
    expect(site(facts, 'src/lookup.ts', 24).target).toMatchObject({ url: shared, definedAt: { file: 'src/shared/endpoints.ts', line: 1 } });
    // a bare specifier relative to baseUrl
    expect(site(facts, 'src/lookup.ts', 15).target).toMatchObject({ url: shared, via: ['import', 'constant', 'literal'] });
  });

  it('uses the nearest config: a package\'s own tsconfig (paths without baseUrl), a jsconfig.json', () => {
    expect(site(facts, 'packages/web/src/call.ts', 4).target).toMatchObject({
      url: 'https://dichvucong.dancuquocgia.gov.vn/api/TraCuuThongTinCongDan',
      definedAt: { file: 'packages/web/cfg/dancu.ts', line: 1 },
    });
    expect(site(facts, 'legacy/app.js', 4).target).toMatchObject({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan',
      definedAt: { file: 'legacy/lib/endpoint.js', line: 1 },
    });
  });

  it('ignores path targets outside the root, and never reads anything but discovered files', () => {
    expect(site(facts, 'src/lookup.ts', 18).target).toEqual({ via: [] });
    // the next target of the same pattern is tried
    expect(site(facts, 'src/lookup.ts', 21).target).toMatchObject({
      url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      definedAt: { file: 'src/config/dancu.ts', line: 2 },
    });
    const discovered = new Set(discover(root).map((f) => f.path));
    expect(read.filter((p) => !discovered.has(p))).toEqual([]);
  });

  it('never maps a Node built-in to a local file, whatever baseUrl says', () => {
    expect(site(facts, 'src/node-https.ts', 4)).toMatchObject({ client: 'https' });
  });

  it('produces facts that match the facts schema', () => {
    expect(factsErrors(asDocument('paths', facts))).toEqual([]);
  });

  it('end to end: DG-TLS-001 fires for a plain-HTTP DB endpoint imported through an alias', async () => {
    const r = await scan({ path: root });
    const tls = r.findings.filter((f) => f.ruleId === 'DG-TLS-001').map((f) => `${f.file}:${f.line}`);
    expect(tls).toContain('src/lookup.ts:9');
    expect(tls).toContain('src/lookup.ts:21');
  });
});
