import { EXAMPLES, FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { fixtureHarness, loadTree, siteAt } from '../../helpers/collect.js';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csharpCollector } from '../../../src/collect/code/csharp/index.js';
import { webConfigCollector } from '../../../src/collect/config/webconfig.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { scan } from '../../../src/pipeline/scan.js';

const FIXTURES = join(FIXTURES_DIR, 'csharp');

const { collect, document } = fixtureHarness(FIXTURES, csharpCollector, [webConfigCollector]);
const site = siteAt;
const load = loadTree;

const ALL = ['clients', 'config', 'context', 'tls', 'tools', 'creds', 'wcf', 'broken'];

describe('csharpCollector: applies to', () => {
  it('reads C# sources only; the XML config collector reads .config files', () => {
    const f = (path: string, language?: DiscoveredFile['language']): DiscoveredFile => {
      const d: DiscoveredFile = { path, absPath: `/${path}`, size: 1, kind: language ? 'source' : 'other' };
      if (language) d.language = language;
      return d;
    };
    expect(csharpCollector.appliesTo(f('A.cs', 'csharp'))).toBe(true);
    expect(csharpCollector.appliesTo(f('A.java', 'java'))).toBe(false);
    expect(webConfigCollector.appliesTo(f('Legacy/Web.config'))).toBe(true);
    expect(webConfigCollector.appliesTo(f('App.Release.config'))).toBe(true);
    expect(webConfigCollector.appliesTo(f('NuGet.config'))).toBe(false);
  });
});

describe('csharpCollector: HTTP/SOAP clients', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('clients');
  });

  it('a typed HttpClient: relative path joined to the BaseAddress of its AddHttpClient<T> registration (from appsettings.json)', () => {
    const s = site(facts, 'HttpClients.cs', 13);
    expect(s).toMatchObject({ client: 'HttpClient', language: 'csharp', function: { name: 'TypedC06Client.Relative', line: 13 } });
    expect(s.target).toEqual({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      via: ['concatenation', 'config', 'literal'],
      keys: ['C06:BaseUrl'],
      definedAt: { file: 'appsettings.json', line: 3, column: 16 },
      operation: 'TraCuuThongTinCongDan',
    });
  });

  it('SendAsync(new HttpRequestMessage(method, $"…{id}"))', () => {
    expect(site(facts, 'HttpClients.cs', 18).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan?id=${id}');
  });

  it('a named client from IHttpClientFactory, and an object-initialiser BaseAddress', () => {
    expect(site(facts, 'HttpClients.cs', 31).target.url).toBe('https://api.ngsp.gov.vn/dancu/TraCuuThongTinCongDan');
    expect(site(facts, 'HttpClients.cs', 37).target).toMatchObject({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan',
      definedAt: { file: 'HttpClients.cs', line: 25 },
    });
  });

  it('WebRequest.Create(string.Format(…)), WebClient.UploadString, RestSharp client + request', () => {
    expect(site(facts, 'HttpClients.cs', 42)).toMatchObject({ client: 'WebRequest', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacMinhThongTinNhanThan' } });
    expect(site(facts, 'HttpClients.cs', 49)).toMatchObject({ client: 'WebClient', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan' } });
    expect(site(facts, 'HttpClients.cs', 56)).toMatchObject({ client: 'RestSharp', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan' } });
  });

  it('unrelated calls are reported as they are', () => {
    expect(site(facts, 'HttpClients.cs', 59).target).toEqual({ url: 'https://example.invalid/weather', via: ['literal'] });
  });
});

describe('csharpCollector: config resolution', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('config');
  });

  const fromJson = { file: 'appsettings.json', line: 3, column: 12 };

  it('_config["C06:Url"], GetValue<string>("C06:Url"), GetSection("C06")["Url"]', () => {
    for (const [line, op] of [
      [22, 'TraCuuThongTinCongDan'],
      [23, 'XacThucThongTinCongDan'],
      [24, 'CungCapThongTinCongDan'],
    ] as const) {
      expect(site(facts, 'ConfigClient.cs', line).target).toMatchObject({
        url: `https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/${op}`,
        keys: ['C06:Url'],
        definedAt: fromJson,
      });
    }
  });

  it('IOptions<C06Options> bound with Configure<C06Options>(GetSection("C06")): _options.Value.Url and _opts.Url', () => {
    expect(site(facts, 'ConfigClient.cs', 25).target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', keys: ['C06:Url'], definedAt: fromJson });
    expect(site(facts, 'ConfigClient.cs', 26).target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacMinhThongTinNhanThan', keys: ['C06:Url'] });
  });

  it('GetConnectionString, Environment.GetEnvironmentVariable, C06__Gateway env override, ?? default', () => {
    expect(site(facts, 'ConfigClient.cs', 27).target).toMatchObject({ url: 'https://api.ngsp.gov.vn/dancu', keys: ['ConnectionStrings:DanCu'] });
    expect(site(facts, 'ConfigClient.cs', 28).target).toEqual({ url: 'https://dichvucong.dancuquocgia.gov.vn/api', via: ['env'], keys: ['DANCU_DIRECT'], definedAt: { file: '.env', line: 1, column: 14 } });
    expect(site(facts, 'ConfigClient.cs', 29).target).toMatchObject({ url: 'https://api.ngsp.gov.vn/dancu/gw', keys: ['C06:Gateway', 'C06__Gateway'], via: ['config', 'env'] });
    expect(site(facts, 'ConfigClient.cs', 30).target).toEqual({ url: 'https://fallback.dancu.tinh-mau.gov.vn', via: ['env-default'], keys: ['C06:Nowhere'] });
  });

  it('ConfigurationManager.AppSettings["DanCuUrl"] from Web.config; a WCF client with no address uses the <client><endpoint> of Web.config', () => {
    expect(site(facts, 'TraCuu.aspx.cs', 9)).toMatchObject({
      client: 'WebRequest',
      target: { url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan?id=${txtSoDinhDanh.Text}', keys: ['DanCuUrl'], definedAt: { file: 'Legacy/Web.config', line: 5 } },
    });
    expect(site(facts, 'TraCuu.aspx.cs', 16)).toMatchObject({
      client: 'WCF',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', operation: 'TraCuuThongTinCongDan', definedAt: { file: 'Legacy/Web.config', line: 13 } },
    });
  });
});

describe('csharpCollector: code-path context', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('context');
  });

  it('function, calls (audit names as written), same-file caller and its foreach', () => {
    const s = site(facts, 'Context.cs', 14);
    expect(s.function).toEqual({ name: 'LookupService.One', line: 12 });
    expect(s.callsInFunction).toEqual(['_http.GetStringAsync', '_audit.GhiNhatKy']);
    expect(s.callers.map((c) => c.name)).toEqual(['LookupService.Foreach']);
    expect(s.loop).toEqual({ kind: 'foreach', line: 21 });
  });

  it('for, Parallel.ForEach, List.ForEach, Select inside Task.WhenAll', () => {
    expect(site(facts, 'Context.cs', 26).loop).toEqual({ kind: 'for', line: 26 });
    expect(site(facts, 'Context.cs', 31).loop).toEqual({ kind: 'Parallel.ForEach', line: 31 });
    expect(site(facts, 'Context.cs', 36).loop).toEqual({ kind: 'ForEach', line: 36 });
    expect(site(facts, 'Context.cs', 36).callsInFunction).toContain('HistoryC06_CALL_API037');
    expect(site(facts, 'Context.cs', 39).loop).toEqual({ kind: 'Select', line: 39 });
  });

  it('limiters: RateLimiter.AcquireAsync gate, [EnableRateLimiting] on the class; SemaphoreSlim is not one', () => {
    expect(site(facts, 'Context.cs', 46).limiter).toEqual({ name: '_limiter.AcquireAsync', line: 45 });
    expect(site(facts, 'Context.cs', 56).limiter).toBeUndefined();
    expect(site(facts, 'Context.cs', 71).limiter).toEqual({ name: '[EnableRateLimiting("dancu")]', line: 63 });
  });
});

describe('csharpCollector: WCF and SOAP', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('wcf');
  });

  it('a generated client with new EndpointAddress(const), a ChannelFactory channel', () => {
    expect(site(facts, 'Wcf.cs', 10)).toMatchObject({
      client: 'WCF',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', operation: 'TraCuuThongTinCongDan', definedAt: { file: 'Wcf.cs', line: 5 } },
    });
    expect(site(facts, 'Wcf.cs', 17)).toMatchObject({ client: 'WCF', target: { url: 'https://api.ngsp.gov.vn/dancu/soap', operation: 'XacThucThongTinCongDan' } });
  });

  it('a SOAP envelope posted with HttpClient carries the namespace; an application service is not a WCF client', () => {
    // No URL: the lookup fields of the function are facts too.
    expect(site(facts, 'Wcf.cs', 23).target).toEqual({ via: [], namespace: 'http://dancuquocgia.bca', operation: 'TraCuuThongTinCongDan', fields: ['SoDinhDanh'] });
    expect((facts.callSites ?? []).some((c) => c.line === 27)).toBe(false);
  });
});

describe('csharpCollector: TLS', () => {
  it('callbacks returning true and DangerousAcceptAnyServerCertificateValidator, once per place; a real check is not reported', async () => {
    const facts = await collect('tls');
    expect((facts.tlsSettings ?? []).map((t) => [t.line, t.column, t.setting])).toEqual([
      [8, 9, 'ServerCertificateValidationCallback => true'],
      [11, 13, 'ServerCertificateCustomValidationCallback => true'],
      [19, 9, 'ServerCertificateCustomValidationCallback => true'],
      [30, 41, 'DangerousAcceptAnyServerCertificateValidator'],
    ]);
  });
});

describe('csharpCollector: stand-alone tools', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('tools');
  });

  it('static Main without a web host, top-level statements that loop, Selenium; web hosts are not tools', () => {
    const tools = Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]));
    expect(tools).toEqual({
      'Console.cs': { kind: 'cli', reason: 'static Main (no web host in the file)', line: 3 },
      'Scraper/Scraper.cs': { kind: 'browser-automation', reason: 'using OpenQA.Selenium', line: 1 },
      'TraCuuTool/Program.cs': { kind: 'cli', reason: 'top-level statements that loop', line: 5 },
    });
  });

  it('top-level WCF call: function <module>, foreach loop, EndpointAddress URL', () => {
    expect(site(facts, 'TraCuuTool/Program.cs', 7)).toMatchObject({
      client: 'WCF',
      function: { name: '<module>', line: 1 },
      loop: { kind: 'foreach', line: 5 },
      target: { url: 'http://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', operation: 'TraCuuThongTinCongDan' },
    });
    // The Selenium navigation, and the URL literals of the DB's gateway where they are written.
    expect(facts.endpoints?.map((e) => [e.file, e.line, e.url, e.navigation ?? false])).toEqual([
      ['Console.cs', 6, 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', false],
      ['Scraper/Scraper.cs', 9, 'https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu', true],
      ['TraCuuTool/Program.cs', 4, 'http://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', false],
    ]);
  });
});

describe('csharpCollector: credentials', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('creds');
  });

  it('const, static readonly, property initialiser, NetworkCredential, Basic header, header pairs, anonymous objects, dictionaries, object initialisers, connection strings', () => {
    expect((facts.credentials ?? []).map((c) => [c.line, c.kind, c.key ?? null, c.redacted])).toEqual([
      [7, 'named-literal', 'C06_SecretKey', 'Su…9x'],
      [8, 'named-literal', 'ApiKey', 'kq…dF'],
      [9, 'named-literal', 'Password', 'Pr…!2'],
      [15, 'auth-object', 'NetworkCredential', 'Ne…!3'],
      [16, 'auth-header', 'Authorization', 'ti…9x'],
      [17, 'named-literal', 'X-Api-Key', 'Zx…Df'],
      [18, 'auth-header', 'Authorization', 'ey…2U'],
      [19, 'named-literal', 'password', 'An…!4'],
      [20, 'named-literal', 'secretKey', 'D1…!5'],
      [20, 'named-literal', 'apiKey', 'D1…xx'],
      [21, 'named-literal', 'ClientSecret', 'Ob…!7'],
      [22, 'connection-string', 'conn', 'Sq…!6'],
      [23, 'named-literal', 'secretKey', 'L0…!8'],
    ]);
    expect(JSON.stringify(facts.credentials)).not.toContain('Sup3rS3cretValue');
  });
});

describe('csharpCollector: broken files', () => {
  it('a syntax error is reported at the innermost error, and the rest is still read', async () => {
    const facts = await collect('broken');
    expect(facts.diagnostics).toEqual([
      { file: 'Broken.cs', line: 7, column: 15, kind: 'parse-error', message: 'C#: syntax error: unexpected "=" (facts still collected from the rest of the file)' },
    ]);
    expect(site(facts, 'Broken.cs', 8).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
    expect(facts.credentials?.map((c) => c.key)).toEqual(['C06_SecretKey']);
  });
});

describe('webConfigCollector', () => {
  it('appSettings credentials, connection strings, endpoints from Web.config (comments skipped)', async () => {
    const { files, ctx } = await load(join(FIXTURES, 'config'));
    const got = await webConfigCollector.collect(files.filter((f) => webConfigCollector.appliesTo(f)), ctx);
    expect((got.credentials ?? []).map((c) => [c.file, c.line, c.kind, c.key, c.source])).toEqual([
      ['Legacy/Web.config', 6, 'named-literal', 'C06_SecretKey', 'config'],
      ['Legacy/Web.config', 9, 'connection-string', 'connectionStrings:Dvc', 'config'],
    ]);
    expect((got.endpoints ?? []).map((e) => [e.line, e.key, e.url])).toEqual([
      [5, 'DanCuUrl', 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan'],
      [13, 'endpoint:TraCuuSoap', 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx'],
    ]);
  });
});

describe('csharpCollector: facts document', () => {
  it('every fixture yields a document that matches the schema', async () => {
    for (const f of ALL) {
      const doc = await document(f);
      expect(factsErrors(doc), f).toEqual([]);
    }
  });
});

describe('examples: csharp-violating and csharp-compliant (end to end, real policies)', () => {
  it('csharp-violating: every applicable category, finding by finding', async () => {
    const { findings, facts } = await scan({ path: join(EXAMPLES, 'csharp-violating'), failOn: 'high' });
    // No fact (callee texts included) carries a secret in clear.
    const everything = JSON.stringify(facts);
    for (const secret of ['Sup3rS3cretValue', 'SqlFakePass', 'dGluaG1hdV9kdmM6U3VwM3JTM2NyZXRWYWx1ZSE5eA']) expect(everything).not.toContain(secret);
    const got = findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
    expect(got).toEqual(
      [
        'DG-TLS-002 Dvc.Api/Program.cs:12',
        'DG-CRED-001 Dvc.Api/Services/C06Client.cs:11',
        'DG-CRED-001 Dvc.Api/Services/C06Client.cs:19',
        'DG-LOG-001 Dvc.Api/Services/C06Client.cs:25',
        'DG-TLS-001 Dvc.Api/Services/C06Client.cs:25',
        'DG-TLS-001 Dvc.Api/appsettings.json:4',
        'DG-CRED-002 Dvc.Api/appsettings.json:6',
        'DG-TLS-002 Legacy/TraCuu.aspx.cs:10',
        'DG-LOG-001 Legacy/TraCuu.aspx.cs:12',
        'DG-TLS-001 Legacy/TraCuu.aspx.cs:12',
        'DG-TLS-001 Legacy/Web.config:5',
        'DG-CRED-002 Legacy/Web.config:6',
        'DG-CRED-005 Legacy/Web.config:9',
        'DG-TOOL-001 Tools/TraCuuHangLoat/Program.cs:8',
        'DG-LOG-001 Tools/TraCuuHangLoat/Program.cs:8',
        'DG-QUOTA-001 Tools/TraCuuHangLoat/Program.cs:8',
        'DG-TLS-001 Tools/TraCuuHangLoat/Program.cs:8',
        'DG-LOG-002 Tools/TraCuuHangLoat/Program.cs:8', // MaCanBo = "CB0001"
        'DG-LOG-002 Tools/TraCuuHangLoat/Program.cs:9', // the citizen record printed
      ].sort(),
    );
    const categories = new Set(findings.map((f) => f.category));
    for (const c of ['credentials', 'lookup-tool', 'logging', 'quota', 'transport']) expect(categories.has(c as never), c).toBe(true);
  });

  it('csharp-compliant: no findings at all, and the gateway call is seen as an audited, limited DB call', async () => {
    const r = await scan({ path: join(EXAMPLES, 'csharp-compliant'), failOn: 'high' });
    expect(r.findings).toEqual([]);
    expect(r.facts.callSites).toHaveLength(1);
    const call = r.facts.callSites[0];
    expect(call).toMatchObject({
      file: 'Dvc.Api/Services/C06Gateway.cs',
      client: 'HttpClient',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan' },
      limiter: { name: '_limiter.AcquireAsync', line: 29 },
    });
    expect(call?.callsInFunction).toContain('_nhatKy.GhiNhatKy');
  });
});
