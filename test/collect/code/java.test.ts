import { EXAMPLES, FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { fixtureHarness, siteAt } from '../../helpers/collect.js';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { javaCollector } from '../../../src/collect/code/java/index.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { scan } from '../../../src/pipeline/scan.js';

const FIXTURES = join(FIXTURES_DIR, 'java');

const { collect, document } = fixtureHarness(FIXTURES, javaCollector);
const site = siteAt;

const ALL = ['clients', 'config', 'feign', 'context', 'soap', 'tls', 'tools', 'creds', 'broken'];

describe('javaCollector: applies to', () => {
  it('reads Java sources only', () => {
    const f = (language: DiscoveredFile['language']): DiscoveredFile => ({ path: 'A.java', absPath: '/A.java', size: 1, kind: 'source', language });
    expect(javaCollector.appliesTo(f('java'))).toBe(true);
    expect(javaCollector.appliesTo(f('csharp'))).toBe(false);
    expect(javaCollector.appliesTo(f('typescript'))).toBe(false);
  });
});

describe('javaCollector: HTTP/SOAP clients', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('clients');
  });

  it('RestTemplate with a literal URL', () => {
    const s = site(facts, 'RestClients.java', 18);
    expect(s).toMatchObject({ client: 'RestTemplate', language: 'java', column: 16, function: { name: 'RestClients.literal', line: 17 } });
    expect(s.target).toEqual({ url: 'https://dichvucong.dancuquocgia.gov.vn/api/cong-dan', via: ['literal'] });
    // the literal is longer than 40 characters: elided from the callee text
    expect(s.callee).toBe('restTemplate.getForObject("…", String.class)');
  });

  it('RestTemplate with a static final built by concatenation, with where it was written', () => {
    const s = site(facts, 'RestClients.java', 22);
    expect(s.target).toMatchObject({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      via: ['constant', 'concatenation', 'literal'],
      definedAt: { file: 'src/main/java/vn/tinh/dvc/RestClients.java', line: 7 },
      operation: 'TraCuuThongTinCongDan',
    });
  });

  it('RestTemplate.exchange with String.format keeps unresolved parts as ${…}', () => {
    expect(site(facts, 'RestClients.java', 26).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan?id=${id}');
  });

  it('WebClient: .uri(path) joined to the baseUrl of its builder, and WebClient.create(base)', () => {
    expect(site(facts, 'RestClients.java', 30)).toMatchObject({
      client: 'WebClient',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan' },
    });
    expect(site(facts, 'RestClients.java', 35).target.url).toBe('https://api.ngsp.gov.vn/dancu/TraCuuThongTinCongDan');
  });

  it('reports unrelated calls too (policy decides what reaches the DB)', () => {
    expect(site(facts, 'RestClients.java', 39).target).toEqual({ url: 'https://example.invalid/weather', via: ['literal'] });
  });

  it('HttpURLConnection, OkHttp, Apache HttpClient, java.net.http resolve @Value config from application.yml', () => {
    const fromYml = { file: 'src/main/resources/application.yml', line: 2, column: 13 };
    expect(site(facts, 'JdkClients.java', 22)).toMatchObject({
      client: 'HttpURLConnection',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', keys: ['dancu.endpoint'], definedAt: fromYml },
    });
    expect(site(facts, 'JdkClients.java', 22).target.via).toContain('config');
    expect(site(facts, 'JdkClients.java', 32)).toMatchObject({ client: 'OkHttp', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacMinhThongTinNhanThan' } });
    expect(site(facts, 'JdkClients.java', 36)).toMatchObject({ client: 'Apache HttpClient', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan' } });
    expect(site(facts, 'JdkClients.java', 40)).toMatchObject({ client: 'java.net.http', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan' } });
  });

  it('new URL(literal) held in a local, then openConnection()', () => {
    expect(site(facts, 'JdkClients.java', 28)).toMatchObject({
      client: 'HttpURLConnection',
      target: { url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan', via: ['constant', 'literal'] },
    });
  });

  it('WebServiceTemplate.marshalSendAndReceive with an explicit URI, and with the default URI', () => {
    expect(site(facts, 'JdkClients.java', 44)).toMatchObject({
      client: 'WebServiceTemplate',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/ws', keys: ['dancu.soap-url'], definedAt: { file: 'src/main/resources/application.yml', line: 3 } },
    });
    // The default URI is a literal written at setDefaultUri, not at the call: that is where it is defined.
    expect(site(facts, 'JdkClients.java', 49).target).toEqual({
      url: 'https://lgsp.tinh-mau.gov.vn/dancu/soap',
      via: ['literal'],
      definedAt: { file: 'src/main/java/vn/tinh/dvc/JdkClients.java', line: 48, column: 42 },
    });
  });
});

describe('javaCollector: config resolution', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('config');
  });

  it('@Value("${key:default}") uses the default when the key is in no config file', () => {
    expect(site(facts, 'ConfigClient.java', 25).target).toMatchObject({
      url: 'https://fallback.dancu.tinh-mau.gov.vn/TraCuuThongTinCongDan',
      keys: ['dancu.missing'],
    });
    expect(site(facts, 'ConfigClient.java', 25).target.via).toContain('env-default');
  });

  it('@Value("${key}") with no value anywhere: keys only, no URL', () => {
    expect(site(facts, 'ConfigClient.java', 29).target).toEqual({ via: ['constant', 'config'], keys: ['dancu.nowhere'] });
  });

  it('env.getProperty("dancu.url") reads application.yml', () => {
    expect(site(facts, 'ConfigClient.java', 33).target).toMatchObject({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan',
      keys: ['dancu.url'],
      definedAt: { file: 'src/main/resources/application.yml', line: 2 },
    });
  });

  it('System.getenv reads .env', () => {
    expect(site(facts, 'ConfigClient.java', 37).target).toEqual({
      url: 'https://dichvucong.dancuquocgia.gov.vn/api',
      via: ['env'],
      keys: ['DANCU_DIRECT'],
      definedAt: { file: '.env', line: 2, column: 14 },
    });
  });

  it('@ConfigurationProperties(prefix) getter reads prefix.property', () => {
    expect(site(facts, 'ConfigClient.java', 41).target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan', keys: ['dancu.url'] });
  });

  it('a final field assigned in the constructor from an @Value parameter; ${ENV:default} in the yml', () => {
    const t = site(facts, 'ConfigClient.java', 45).target;
    expect(t.url).toBe('https://apidvc.tinh-mau.gov.vn/dancu/ChiaSeThongTinCongDan');
    expect(t.keys).toEqual(['dancu.base-url', 'DANCU_BASE']);
    expect(t.via).toEqual(expect.arrayContaining(['constant', 'config', 'env-default']));
    expect(t.definedAt).toMatchObject({ file: 'src/main/resources/application.yml', line: 3 });
  });

  it('a yml placeholder ${DANCU_GATEWAY} resolved from .env', () => {
    expect(site(facts, 'ConfigClient.java', 49).target).toMatchObject({ url: 'https://api.ngsp.gov.vn/dancu', keys: ['dancu.gateway', 'DANCU_GATEWAY'], via: ['config', 'env'] });
  });

  it('a same-file getter returning an expression', () => {
    expect(site(facts, 'ConfigClient.java', 57).target.url).toBe('https://apidvc.tinh-mau.gov.vn/dancu/TraCuuThongTinCongDan');
  });
});

describe('javaCollector: Feign', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('feign');
  });

  it('the caller of an interface method is the call site (base from @FeignClient(url) in application.properties + mapping path)', () => {
    const s = site(facts, 'LookupService.java', 16);
    expect(s).toMatchObject({
      client: 'Feign',
      function: { name: 'LookupService.lookup' },
      target: {
        url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
        keys: ['dancu.url'],
        definedAt: { file: 'src/main/resources/application.properties', line: 1 },
      },
    });
    expect(s.callsInFunction).toEqual(['danCuFeignClient.traCuu', 'auditService.ghiNhatKy']);
    expect(site(facts, 'LookupService.java', 22).loop).toEqual({ kind: 'map', line: 22 });
  });

  it('an interface method nothing calls is reported at its declaration', () => {
    const s = site(facts, 'DanCuFeignClient.java', 12);
    expect(s).toMatchObject({ client: 'Feign', callee: 'DanCuFeignClient.xacThuc(…)', function: { name: 'DanCuFeignClient.xacThuc' }, callsInFunction: [] });
    expect(s.target.url).toBe('http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan');
    expect((facts.callSites ?? []).filter((c) => c.file.endsWith('DanCuFeignClient.java'))).toHaveLength(1);
  });
});

describe('javaCollector: code-path context', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('context');
  });

  it('function, calls in it (logger names as written), same-file callers and the loop around the call in a caller', () => {
    const s = site(facts, 'Context.java', 18);
    expect(s.function).toEqual({ name: 'Context.one', line: 17 });
    expect(s.callsInFunction).toEqual(['restTemplate.postForObject', 'LOGGER.info']);
    expect(s.callers.map((c) => c.name)).toEqual(['Context.forLoop', 'Context.methodRefLoop']);
    expect(s.loop).toEqual({ kind: 'for', line: 24 });
    expect(s.limiter).toBeUndefined();
  });

  it('while, do-while, stream forEach', () => {
    expect(site(facts, 'Context.java', 31).loop).toEqual({ kind: 'while', line: 30 });
    expect(site(facts, 'Context.java', 37).loop).toEqual({ kind: 'do-while', line: 36 });
    expect(site(facts, 'Context.java', 42).loop).toEqual({ kind: 'forEach', line: 42 });
  });

  it('limiters: @RateLimiter, bucket.tryConsume, rateLimiter.executeSupplier, RateLimiter.decorateSupplier', () => {
    expect(site(facts, 'Context.java', 52).limiter).toEqual({ name: '@io.github.resilience4j.ratelimiter.annotation.RateLimiter(name = "dancu")', line: 49 });
    expect(site(facts, 'Context.java', 59).limiter).toEqual({ name: 'bucket.tryConsume', line: 58 });
    expect(site(facts, 'Context.java', 66).limiter).toEqual({ name: 'rateLimiter.executeSupplier', line: 66 });
    expect(site(facts, 'Context.java', 72).limiter).toEqual({ name: 'RateLimiter.decorateSupplier', line: 72 });
  });

  it('a Semaphore is not a rate limiter; @Slf4j log.info is listed', () => {
    const s = site(facts, 'Context.java', 79);
    expect(s.limiter).toBeUndefined();
    expect(s.loop).toEqual({ kind: 'for-each', line: 77 });
    expect(s.callsInFunction).toContain('log.info');
  });

  it('Optional.map is not a loop', () => {
    expect(site(facts, 'Context.java', 86).loop).toBeUndefined();
  });
});

describe('javaCollector: SOAP', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('soap');
  });

  it('an envelope constant used in the function gives the namespace and operation', () => {
    // No URL: the lookup fields of the function are facts too.
    expect(site(facts, 'SoapEnvelopeClient.java', 17).target).toEqual({ via: [], namespace: 'http://dancuquocgia.bca', operation: 'TraCuuThongTinCongDan', fields: ['soDinhDanh'] });
  });

  it('a JAX-WS port operation, with ENDPOINT_ADDRESS_PROPERTY; a service of the application is not a port', () => {
    expect(site(facts, 'SoapEnvelopeClient.java', 23)).toMatchObject({
      client: 'JAX-WS',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/soap', operation: 'TraCuuThongTinCongDan' },
    });
    expect((facts.callSites ?? []).some((c) => c.line === 27)).toBe(false);
  });
});

describe('javaCollector: TLS', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('tls');
  });

  it('trust-all manager, hostname verifier returning true, NoopHostnameVerifier, TrustAllStrategy, trust lambda', () => {
    expect((facts.tlsSettings ?? []).map((t) => [t.line, t.setting])).toEqual([
      [12, 'X509TrustManager accepts every certificate'], // where it is created: nothing in its function installs it
      [20, 'HostnameVerifier returns true'],
      [25, 'TrustAllStrategy'],
      [26, 'NoopHostnameVerifier.INSTANCE'],
      [30, 'TrustStrategy returns true'],
    ]);
    expect(facts.tlsSettings?.every((t) => t.language === 'java')).toBe(true);
  });

  it('a call in the file carries the first switch; a manager that checks is not reported', () => {
    expect(site(facts, 'TrustAll.java', 34).tlsVerifyDisabled).toEqual({ setting: 'X509TrustManager accepts every certificate', line: 12 });
    expect((facts.tlsSettings ?? []).some((t) => t.line > 38)).toBe(false);
  });
});

describe('javaCollector: stand-alone tools', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('tools');
  });

  it('main outside the Spring Boot class, looping runners, @Scheduled, Selenium', () => {
    const tools = Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]));
    expect(tools).toEqual({
      'src/NightlyJob.java': { kind: 'cron', reason: '@Scheduled method', line: 6 },
      'src/PortalScraper.java': { kind: 'browser-automation', reason: 'imports org.openqa.selenium', line: 3 },
      'src/SyncRunner.java': { kind: 'console-command', reason: 'CommandLineRunner that loops', line: 8 },
      'src/TraCuuHangLoat.java': { kind: 'cli', reason: 'public static void main', line: 7 },
      'src/WarmupConfig.java': { kind: 'console-command', reason: 'CommandLineRunner bean that loops', line: 11 },
    });
  });

  it('Selenium navigation targets are endpoints of the file', () => {
    expect(facts.endpoints?.filter((e) => e.navigation)).toEqual([
      { file: 'src/PortalScraper.java', line: 9, column: 20, key: 'driver.get', navigation: true, url: 'https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu', source: 'source' },
    ]);
  });
});

describe('javaCollector: credentials', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('creds');
  });

  it('reports each credential construct once, with key and redacted value only', () => {
    expect((facts.credentials ?? []).map((c) => [c.line, c.kind, c.key ?? null, c.redacted])).toEqual([
      [6, 'named-literal', 'C06_SECRET_KEY', 'Su…9x'],
      [8, 'named-literal', 'apiKey', 'kq…dF'],
      [13, 'named-literal', 'c06.secret', 'Fa…26'],
      [20, 'auth-header', 'Authorization', 'ti…9x'],
      [22, 'auth-object', 'setBasicAuth', 'An…!7'],
      [23, 'named-literal', 'X-Api-Key', 'Zx…Df'],
      [24, 'auth-object', 'basicAuthentication', 'Bu…!3'],
      [25, 'auth-object', 'UsernamePasswordCredentials', 'Ap…!5'],
      [27, 'named-literal', 'passwd', 'L0…!1'],
      [31, 'connection-string', null, 'Jd…!8'],
      [32, 'auth-object', 'getConnection', 'Dm…!4'],
    ]);
    const text = JSON.stringify(facts.credentials);
    expect(text).not.toContain('Sup3rS3cretValue');
    expect(text).not.toContain('JdbcFakePass');
  });

  it('placeholders, changeme, prose labels and ${key} without default are not candidates', () => {
    const lines = new Set((facts.credentials ?? []).map((c) => c.line));
    for (const l of [9, 10, 11, 16]) expect(lines.has(l)).toBe(false);
  });
});

describe('javaCollector: broken files', () => {
  it('a syntax error is a parse-error diagnostic with its line, and the rest of the file is still read', async () => {
    const facts = await collect('broken');
    expect(facts.diagnostics).toEqual([
      { file: 'src/Broken.java', line: 7, column: 15, kind: 'parse-error', message: 'Java: syntax error: unexpected "=" (facts still collected from the rest of the file)' },
    ]);
    expect(site(facts, 'Broken.java', 8).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
    expect(facts.credentials?.map((c) => c.key)).toEqual(['C06_SECRET_KEY']);
  });
});

describe('javaCollector: facts document', () => {
  it('every fixture yields a document that matches the schema', async () => {
    for (const f of ALL) {
      const doc = await document(f);
      expect(factsErrors(doc), f).toEqual([]);
    }
  });

  it('is deterministic (same facts on a second run)', async () => {
    const a = await collect('context');
    const b = await collect('context');
    expect(b).toEqual(a);
  });
});

describe('examples: java-violating and java-compliant (end to end, real policies)', () => {
  it('java-violating: every applicable category, finding by finding', async () => {
    const { findings, facts } = await scan({ path: join(EXAMPLES, 'java-violating'), failOn: 'high' });
    // No fact (callee texts included) carries a secret in clear.
    const everything = JSON.stringify(facts);
    for (const secret of ['Sup3rS3cretValue', 'SqlFakePass', 'dGluaG1hdV9kdmM6U3VwM3JTM2NyZXRWYWx1ZSE5eA']) expect(everything).not.toContain(secret);
    const got = findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
    const J = 'src/main/java/vn/gov/tinhmau/dvc';
    expect(got).toEqual(
      [
        `DG-CRED-001 ${J}/dancu/DanCuClient.java:16`,
        `DG-CRED-001 ${J}/dancu/DanCuClient.java:29`,
        `DG-LOG-001 ${J}/dancu/DanCuClient.java:31`,
        `DG-TLS-001 ${J}/dancu/DanCuClient.java:31`,
        `DG-TLS-002 ${J}/dancu/InsecureHttpConfig.java:27`,
        `DG-TLS-002 ${J}/dancu/InsecureHttpConfig.java:28`,
        `DG-TOOL-001 ${J}/jobs/DongBoCongDanRunner.java:23`,
        `DG-LOG-001 ${J}/jobs/DongBoCongDanRunner.java:23`,
        `DG-QUOTA-001 ${J}/jobs/DongBoCongDanRunner.java:23`,
        `DG-TLS-001 ${J}/jobs/DongBoCongDanRunner.java:23`,
        'DG-TLS-001 src/main/resources/application.yml:4',
        'DG-CRED-002 src/main/resources/application.yml:6',
        'DG-TOOL-002 tools/PortalScraper.java:9',
        'DG-TOOL-001 tools/TraCuuHangLoat.java:15',
        'DG-LOG-001 tools/TraCuuHangLoat.java:15',
        'DG-QUOTA-001 tools/TraCuuHangLoat.java:15',
        'DG-TLS-001 tools/TraCuuHangLoat.java:15',
        'DG-CRED-001 tools/TraCuuHangLoat.java:16',
      ].sort(),
    );
    const categories = new Set(findings.map((f) => f.category));
    for (const c of ['credentials', 'lookup-tool', 'logging', 'quota', 'transport']) expect(categories.has(c as never), c).toBe(true);
  });

  it('java-compliant: no findings at all, and the gateway call is seen as an audited, limited DB call', async () => {
    const r = await scan({ path: join(EXAMPLES, 'java-compliant'), failOn: 'high' });
    expect(r.findings).toEqual([]);
    const [call] = r.facts.callSites;
    expect(r.facts.callSites).toHaveLength(1);
    expect(call).toMatchObject({
      file: 'src/main/java/vn/gov/tinhmau/dvc/dancu/DanCuGateway.java',
      client: 'RestTemplate',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan' },
      limiter: { name: '@RateLimiter(name = "dancu")', line: 34 },
    });
    expect(call?.callsInFunction).toContain('nhatKy.ghiNhatKy');
  });
});
