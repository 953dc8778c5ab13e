import { EXAMPLES, FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { fixtureHarness, loadTree, siteAt } from '../../helpers/collect.js';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigIndex } from '../../../src/collect/config/values.js';
import { goCollector } from '../../../src/collect/code/go/index.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { scan } from '../../../src/pipeline/scan.js';

const FIXTURES = join(FIXTURES_DIR, 'go');

const { collect, document } = fixtureHarness(FIXTURES, goCollector);
const site = siteAt;
const load = loadTree;

const ALL = ['clients', 'context', 'tls', 'tools', 'creds', 'broken'];

describe('goCollector: applies to', () => {
  it('reads Go sources only', () => {
    const f = (language: DiscoveredFile['language']): DiscoveredFile => ({ path: 'a.go', absPath: '/a.go', size: 1, kind: 'source', language });
    expect(goCollector.appliesTo(f('go'))).toBe(true);
    expect(goCollector.appliesTo(f('java'))).toBe(false);
  });
});

describe('Viper config', () => {
  it('is the `viper` flavour of the config index: YAML config files, dotted, case-insensitive, ${ENV:default} followed', async () => {
    const { ctx } = await load(join(FIXTURES, 'clients'));
    const idx = ConfigIndex.of(ctx);
    expect(idx.withEnv('viper', 'Dancu.URL')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu', at: { file: 'config.yaml', line: 2 } });
    expect(idx.withEnv('viper', 'dancu.soap')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', keys: ['dancu.soap', 'DANCU_SOAP'], via: ['config', 'env-default'] });
  });
});

describe('goCollector: HTTP/SOAP clients and config resolution', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('clients');
  });
  const F = 'clients.go';

  it('http.Get with a package constant, http.Post with fmt.Sprintf', () => {
    const s = site(facts, F, 31);
    expect(s).toMatchObject({ client: 'net/http', language: 'go', column: 9, function: { name: 'Get', line: 30 } });
    expect(s.target).toEqual({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan?SoDinhDanh=${id}',
      via: ['concatenation', 'constant', 'literal'],
      definedAt: { file: 'internal/dancu/clients.go', line: 16, column: 7 },
      operation: 'TraCuuThongTinCongDan',
    });
    expect(site(facts, F, 35).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan');
  });

  it('client.Do(req) with req from http.NewRequestWithContext; the base URL from a struct field set from viper', () => {
    const s = site(facts, F, 43);
    expect(s).toMatchObject({
      client: 'net/http',
      callee: 's.client.Do(req)',
      function: { name: 'Svc.Do', line: 38 },
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacMinhThongTinNhanThan', keys: ['dancu.url'], definedAt: { file: 'config.yaml', line: 2 } },
    });
  });

  it('http.Client methods; a request built but never sent is reported at NewRequest (url.JoinPath)', () => {
    expect(site(facts, F, 47)).toMatchObject({ client: 'net/http', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan' } });
    expect(site(facts, F, 52)).toMatchObject({ client: 'net/http', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan' } });
  });

  it('resty: a client field with SetBaseURL(os.Getenv(…) via .env), and an inline chain with a same-file env helper', () => {
    expect(site(facts, F, 56)).toMatchObject({
      client: 'resty',
      target: { url: 'https://api.ngsp.gov.vn/dancu/TraCuuThongTinCongDan', keys: ['DANCU_GATEWAY'], definedAt: { file: '.env', line: 1 } },
    });
    expect(site(facts, F, 60).target).toEqual({ url: 'https://dichvucong.dancuquocgia.gov.vn/api', via: ['env-default'], keys: ['DANCU_DIRECT'] });
  });

  it('gowsdl soap client Call: URL from viper (${ENV:default} in the YAML), operation from the SOAP action', () => {
    expect(site(facts, F, 65)).toMatchObject({
      client: 'gowsdl',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', operation: 'TraCuuThongTinCongDan', namespace: 'http://dancuquocgia.bca' },
    });
  });

  it('a raw-string envelope constant gives namespace and operation; unrelated calls are reported too', () => {
    expect(site(facts, F, 71).target).toEqual({ via: ['env'], keys: ['DANCU_SOAP_URL'], namespace: 'http://dancuquocgia.bca', operation: 'TraCuuThongTinCongDan' });
    expect(site(facts, F, 75).target).toEqual({ url: 'https://example.invalid/weather', via: ['literal'] });
    expect(facts.callSites).toHaveLength(10);
  });
});

describe('goCollector: code-path context', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('context');
  });
  const F = 'context.go';

  it('methods are Type.Method; the receiver is dropped from call names; zap With(…).Info is logger.Info; callers by name', () => {
    const s = site(facts, F, 25);
    expect(s.function).toEqual({ name: 'Svc.One', line: 24 });
    expect(s.callsInFunction).toEqual(['http.Get', 'logger.Info', 'logger.With', 'zap.String']);
    expect(s.callers).toEqual([{ name: 'Svc.Loop', line: 29, calls: ['One'] }]);
    expect(s.loop).toEqual({ kind: 'for-range', line: 30 });
  });

  it('classic for with logrus WithFields(…).Info → logrus.Info; a goroutine in a loop belongs to the loop', () => {
    expect(site(facts, F, 37)).toMatchObject({ loop: { kind: 'for', line: 36 }, callsInFunction: ['len', 'http.Get', 'logrus.Info', 'logrus.WithFields', 'logrus.Fields'] });
    expect(site(facts, F, 45)).toMatchObject({ function: { name: 'Svc.Goroutines' }, loop: { kind: 'for-range', line: 43 }, callsInFunction: ['http.Get', 'sugar.Infow'] });
  });

  it('limiters: rate.Limiter Wait/Allow, time.Tick; a semaphore is not one', () => {
    expect(site(facts, F, 56).limiter).toEqual({ name: 'limiter.Wait', line: 53 });
    expect(site(facts, F, 67).limiter).toEqual({ name: 'lim.Allow', line: 64 });
    expect(site(facts, F, 75).limiter).toEqual({ name: 'time.Tick', line: 72 });
    expect(site(facts, F, 84).limiter).toBeUndefined();
  });
});

describe('goCollector: TLS', () => {
  it('InsecureSkipVerify: true in a literal and by assignment; false is fine', async () => {
    const facts = await collect('tls');
    expect((facts.tlsSettings ?? []).map((t) => [t.line, t.setting])).toEqual([
      [9, 'InsecureSkipVerify: true'],
      [11, 'InsecureSkipVerify = true'],
    ]);
    expect(site(facts, 'insecure.go', 15).tlsVerifyDisabled).toEqual({ setting: 'InsecureSkipVerify: true', line: 9 });
  });
});

describe('goCollector: stand-alone tools', () => {
  it('package main + func main (not a server main, not another package), cron, chromedp with its target', async () => {
    const facts = await collect('tools');
    expect(Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]))).toEqual({
      'cmd/cronjob/main.go': { kind: 'cron', reason: 'cron scheduler (cron.New)', line: 6 },
      'cmd/portal/main.go': { kind: 'browser-automation', reason: 'imports github.com/chromedp/chromedp', line: 6 },
      'cmd/tool/main.go': { kind: 'cli', reason: 'func main in package main, with flag parsing', line: 5 },
    });
    expect(facts.endpoints).toEqual([{ file: 'cmd/portal/main.go', line: 11, column: 38, key: 'chromedp.Navigate', navigation: true, url: 'https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu', source: 'source' }]);
  });
});

describe('goCollector: credentials', () => {
  it('consts/vars, struct literal fields, SetBasicAuth (net/http and resty), headers, base64 of user:pass, map literals, viper defaults', async () => {
    const facts = await collect('creds');
    expect((facts.credentials ?? []).map((c) => [c.line, c.kind, c.key ?? null, c.redacted])).toEqual([
      [11, 'named-literal', 'c06SecretKey', 'Su…9x'],
      [13, 'named-literal', 'apiKey', 'kq…dF'],
      [21, 'named-literal', 'token', 'T0…6w'],
      [22, 'named-literal', 'Password', 'St…11'],
      [23, 'auth-object', 'SetBasicAuth', 'B4…22'],
      [24, 'named-literal', 'X-Api-Key', 'Hd…Yc'],
      [25, 'auth-header', 'Authorization', 'ti…33'],
      [26, 'auth-object', 'SetBasicAuth', 'R3…44'],
      [27, 'named-literal', 'secret', 'Ma…55'],
      [28, 'named-literal', 'dancu.secret-key', 'V1…66'],
    ]);
    expect(site(facts, 'creds.go', 26).callee).toBe('resty.New().R().SetBasicAuth("tinhmau_dvc", "…").Get("…")');
    const text = JSON.stringify(facts);
    for (const secret of ['Sup3rS3cretValue', 'Str0ctPass', 'B4sicAuth', 'B64Pass', 'R3styPass', 'MapS3cret', 'V1perDefault']) expect(text).not.toContain(secret);
  });
});

describe('goCollector: broken files', () => {
  it('a syntax error is a parse-error diagnostic with its line, and the rest of the file is still read', async () => {
    const facts = await collect('broken');
    expect(facts.diagnostics).toEqual([{ file: 'broken.go', line: 7, column: 8, kind: 'parse-error', message: 'Go: syntax error: missing ")"' }]);
    expect(site(facts, 'broken.go', 11).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
    expect(facts.credentials?.map((c) => c.key)).toEqual(['c06SecretKey']);
  });

  it('becomes a DG-CFG-001 finding, and the rest of the file is still judged', async () => {
    const r = await scan({ path: join(FIXTURES, 'broken') });
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(['DG-CFG-001 broken.go:7', 'DG-CRED-001 broken.go:5', 'DG-LOG-001 broken.go:11']);
  });
});

describe('goCollector: facts document', () => {
  it('every fixture yields a document that matches the schema', async () => {
    for (const f of ALL) expect(factsErrors(await document(f)), f).toEqual([]);
  });

  it('is deterministic', async () => {
    expect(await collect('context')).toEqual(await collect('context'));
  });
});

describe('examples: go-violating and go-compliant (end to end, real policies)', () => {
  it('go-violating: every applicable category, finding by finding', async () => {
    const { findings, facts } = await scan({ path: join(EXAMPLES, 'go-violating'), failOn: 'high' });
    expect(JSON.stringify(facts)).not.toContain('Sup3rS3cretValue');
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(
      [
        'DG-CRED-001 cmd/tracuu/main.go:24',
        'DG-TOOL-001 cmd/tracuu/main.go:25',
        'DG-LOG-001 cmd/tracuu/main.go:25',
        'DG-QUOTA-001 cmd/tracuu/main.go:25',
        'DG-TLS-001 cmd/tracuu/main.go:25',
        'DG-TLS-001 config.yaml:4',
        'DG-CRED-002 config.yaml:6',
        'DG-CRED-001 internal/dancu/client.go:14',
        'DG-TLS-002 internal/dancu/client.go:24',
        'DG-LOG-001 internal/dancu/client.go:37',
        'DG-TLS-001 internal/dancu/client.go:37',
        'DG-LOG-002 cmd/tracuu/main.go:26', // the response logged whole
      ].sort(),
    );
    const categories = new Set(findings.map((f) => f.category));
    for (const c of ['credentials', 'lookup-tool', 'logging', 'quota', 'transport']) expect(categories.has(c as never), c).toBe(true);
    // The server main is not a tool.
    expect(facts.files.find((f) => f.path === 'cmd/server/main.go')?.tool).toBeUndefined();
  });

  it('go-compliant: no findings at all; the gateway call is limited and audit-logged in the same method', async () => {
    const r = await scan({ path: join(EXAMPLES, 'go-compliant'), failOn: 'high' });
    expect(r.findings).toEqual([]);
    expect(r.facts.callSites).toHaveLength(1);
    expect(r.facts.callSites[0]).toMatchObject({
      file: 'internal/dancu/gateway.go',
      client: 'net/http',
      function: { name: 'Gateway.TraCuu' },
      target: { keys: ['DANCU_URL'], operation: 'TraCuuThongTinCongDan' },
      limiter: { name: 'limiter.Wait', line: 37 },
    });
    expect(r.facts.callSites[0]?.callsInFunction).toContain('audit.Info');
  });
});
