import { EXAMPLES, FIXTURES as FIXTURES_DIR } from '../../helpers/paths.js';
import { fixtureHarness, loadTree, siteAt } from '../../helpers/collect.js';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigIndex } from '../../../src/collect/config/values.js';
import { phpCollector } from '../../../src/collect/code/php/index.js';
import { readLaravelConfig } from '../../../src/collect/config/flavours/laravel.js';
import type { DiscoveredFile } from '../../../src/discover/types.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { factsErrors } from '../../../src/facts/validate.js';
import { scan } from '../../../src/pipeline/scan.js';

const FIXTURES = join(FIXTURES_DIR, 'php');

const { collect, document } = fixtureHarness(FIXTURES, phpCollector);
const site = siteAt;
const load = loadTree;

const ALL = ['clients', 'context', 'tls', 'tools', 'creds', 'broken'];

describe('phpCollector: applies to', () => {
  it('reads PHP sources only', () => {
    const f = (language: DiscoveredFile['language']): DiscoveredFile => ({ path: 'a.php', absPath: '/a.php', size: 1, kind: 'source', language });
    expect(phpCollector.appliesTo(f('php'))).toBe(true);
    expect(phpCollector.appliesTo(f('python'))).toBe(false);
  });
});

describe('Laravel config/*.php reader', () => {
  it('reads nested arrays, env() with and without fallback, array(), comments; skips expressions', () => {
    const text = [
      '<?php',
      '// a comment with => and [brackets]',
      'return [',
      "    'url' => env('DANCU_URL', 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu'),",
      "    'token' => env(\"DANCU_TOKEN\"),",
      "    'gateway' => array('base' => 'https://api.ngsp.gov.vn', 'port' => 443),",
      "    'computed' => base_path('x') . '/y', /* skipped */",
      "    'list' => ['a', 'b'],",
      '];',
    ].join('\n');
    expect(readLaravelConfig(text, 'dancu')).toEqual([
      { key: 'dancu.url', value: '${DANCU_URL:https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu}', line: 4, column: 14 },
      { key: 'dancu.token', value: '${DANCU_TOKEN}', line: 5, column: 16 },
      { key: 'dancu.gateway.base', value: 'https://api.ngsp.gov.vn', line: 6, column: 35 },
      { key: 'dancu.gateway.port', value: '443', line: 6, column: 71 },
      { key: 'dancu.list.0', value: 'a', line: 8, column: 17 },
      { key: 'dancu.list.1', value: 'b', line: 8, column: 22 },
    ]);
    expect(readLaravelConfig('<?php echo 1;', 'x')).toEqual([]);
    expect(() => readLaravelConfig("<?php return ['a' => 'unterminated", 'x')).not.toThrow();
  });

  it('is the `laravel` flavour of the config index, env() followed through .env', async () => {
    const { ctx } = await load(join(FIXTURES, 'clients'));
    const idx = ConfigIndex.of(ctx);
    expect(idx.withEnv('laravel', 'dancu.url')).toMatchObject({
      value: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu',
      keys: ['dancu.url', 'DANCU_URL'],
      via: ['config', 'env'],
      at: { file: 'config/dancu.php', line: 4 },
    });
    expect(idx.withEnv('laravel', 'dancu.soap')).toMatchObject({ value: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx?wsdl', via: ['config', 'env-default'] });
    expect(idx.withEnv('laravel', 'dancu.missing')).toMatchObject({ value: '${DANCU_NOWHERE}', complete: false });
  });
});

describe('phpCollector: HTTP/SOAP clients and config resolution', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('clients');
  });

  it('Guzzle post with base_uri from config() → config/dancu.php → .env', () => {
    const s = site(facts, 'Clients.php', 21);
    expect(s).toMatchObject({ client: 'Guzzle', language: 'php', column: 16, function: { name: 'Clients.guzzlePost', line: 19 } });
    expect(s.target).toEqual({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      via: ['concatenation', 'config', 'env', 'literal'],
      keys: ['dancu.url', 'DANCU_URL'],
      definedAt: { file: 'config/dancu.php', line: 4, column: 14 },
      operation: 'TraCuuThongTinCongDan',
    });
  });

  it("Guzzle request('POST', self::BASE . …) and send(new Request('POST', sprintf(…)))", () => {
    expect(site(facts, 'Clients.php', 26).target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacThucThongTinCongDan', definedAt: { line: 11 } });
    expect(site(facts, 'Clients.php', 32)).toMatchObject({ client: 'Guzzle', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/CungCapThongTinCongDan' } });
  });

  it('Laravel Http: facade, chains, baseUrl through a variable; interpolation kept as ${…}', () => {
    expect(site(facts, 'Clients.php', 37)).toMatchObject({
      client: 'Laravel Http',
      target: { url: 'https://api.ngsp.gov.vn/dancu/TraCuuThongTinCongDan?SoDinhDanh=${$id}', keys: ['dancu.gateway.base'], definedAt: { file: 'config/dancu.php', line: 7 } },
    });
    expect(site(facts, 'Clients.php', 42)).toMatchObject({ client: 'Laravel Http', target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/XacMinhThongTinNhanThan' } });
    expect(site(facts, 'Clients.php', 48).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan');
  });

  it('cURL: curl_exec with CURLOPT_URL from env(); a curl_init never executed is reported itself', () => {
    expect(site(facts, 'Clients.php', 55)).toMatchObject({
      client: 'curl',
      callee: 'curl_exec($ch)',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', keys: ['DANCU_URL'], definedAt: { file: '.env', line: 1 } },
    });
    expect(site(facts, 'Clients.php', 60)).toMatchObject({ client: 'curl', target: { operation: 'CungCapThongTinHoGiaDinh' } });
  });

  it('SoapClient: operation method (location option wins over the WSDL) and __soapCall', () => {
    expect(site(facts, 'Clients.php', 66)).toMatchObject({
      client: 'SoapClient',
      target: { url: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx', operation: 'TraCuuThongTinCongDan' },
    });
    const s = site(facts, 'Clients.php', 72);
    expect(s.target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx?wsdl', operation: 'XacThucThongTinCongDan', keys: ['dancu.soap', 'DANCU_SOAP_WSDL'] });
    expect(s.target.via).toContain('env-default');
  });

  it('a heredoc envelope gives namespace and operation; a config key set nowhere gives keys only', () => {
    expect(site(facts, 'Clients.php', 82).target).toEqual({
      via: ['config'],
      keys: ['dancu.missing', 'DANCU_NOWHERE'],
      namespace: 'http://dancuquocgia.bca',
      operation: 'TraCuuThongTinCongDan',
      fields: ['SoDinhDanh'],
    });
  });

  it('reports unrelated calls too (policy decides what reaches the DB)', () => {
    expect(site(facts, 'Clients.php', 87).target).toEqual({ url: 'https://example.invalid/weather', via: ['literal'] });
    expect(facts.callSites).toHaveLength(12);
  });
});

describe('phpCollector: code-path context', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('context');
  });
  const F = 'LookupController.php';

  it('function, calls in it (Monolog $this->logger->info → logger.info), same-file callers, loop in a caller', () => {
    const s = site(facts, F, 20);
    expect(s.function).toEqual({ name: 'LookupController.one', line: 18 });
    expect(s.callsInFunction).toEqual(['Http.post', 'logger.info']);
    expect(s.callers).toEqual([{ name: 'LookupController.forLoop', line: 25, calls: ['count', 'one'] }]);
    expect(s.loop).toEqual({ kind: 'for', line: 27 });
  });

  it("Log::channel('audit')->info is Log.info; logger('…') is logger.debug; while, collection each, array_map", () => {
    expect(site(facts, F, 35)).toMatchObject({ loop: { kind: 'while', line: 34 }, callsInFunction: ['queue.pop', 'Http.post', 'Log.info', 'Log.channel'] });
    expect(site(facts, F, 43)).toMatchObject({ loop: { kind: 'each', line: 42 }, callsInFunction: ['collect.each', 'collect', 'Http.post', 'logger.debug'] });
    expect(site(facts, F, 50).loop).toEqual({ kind: 'array_map', line: 50 });
  });

  it('limiters: RateLimiter::attempt closure, RateLimiter::tooManyAttempts/hit gate, route throttle, group throttle, controller middleware', () => {
    expect(site(facts, F, 57).limiter).toEqual({ name: 'RateLimiter.attempt', line: 56 });
    expect(site(facts, F, 69).limiter).toEqual({ name: 'RateLimiter.tooManyAttempts', line: 65 });
    expect(site(facts, F, 76).limiter).toEqual({ name: 'route middleware throttle:60,1 (routes/api.php:6)', line: 73 });
    expect(site(facts, F, 83).limiter).toEqual({ name: 'route middleware throttle:dancu (routes/api.php:8)', line: 80 });
    expect(site(facts, 'ThrottledController.php', 17).limiter).toEqual({ name: 'controller middleware throttle:10,1', line: 11 });
    // ->only(['bulk']): other actions are not throttled; a route without throttle is not either.
    expect(site(facts, 'ThrottledController.php', 24).limiter).toBeUndefined();
    expect(site(facts, F, 20).limiter).toBeUndefined();
  });
});

describe('phpCollector: TLS', () => {
  it('Guzzle verify, RequestOptions::VERIFY, cURL VERIFYPEER/VERIFYHOST (setopt and array), stream context, withoutVerifying', async () => {
    const facts = await collect('tls');
    expect((facts.tlsSettings ?? []).map((t) => [t.line, t.setting])).toEqual([
      [11, "'verify' => false"],
      [12, 'RequestOptions::VERIFY => false'],
      [14, 'CURLOPT_SSL_VERIFYPEER => 0'],
      [15, 'CURLOPT_SSL_VERIFYHOST => false'],
      [16, 'CURLOPT_SSL_VERIFYPEER => false'],
      [17, "'verify_peer' => false"],
      [17, "'verify_peer_name' => false"],
      [17, "'allow_self_signed' => true"],
      [18, 'Http::withoutVerifying()'],
    ]);
    expect(facts.tlsSettings?.every((t) => t.language === 'php')).toBe(true);
    expect(site(facts, 'Insecure.php', 19).tlsVerifyDisabled).toEqual({ setting: "'verify' => false", line: 11 });
  });
});

describe('phpCollector: stand-alone tools', () => {
  it('artisan command, scheduler, $argv, getopt(), shebang, Selenium (with its target as an endpoint); a plain class is none', async () => {
    const facts = await collect('tools');
    expect(Object.fromEntries((facts.files ?? []).map((f) => [f.path, f.tool]))).toEqual({
      'app/Console/Commands/DongBo.php': { kind: 'console-command', reason: 'console command (DongBo extends Command)', line: 11 },
      'app/Console/Kernel.php': { kind: 'cron', reason: 'Laravel scheduler ($schedule->command)', line: 12 },
      'scripts/Portal.php': { kind: 'browser-automation', reason: 'uses Selenium WebDriver', line: 3 },
      'scripts/getopt.php': { kind: 'cli', reason: 'getopt()', line: 2 },
      'scripts/run.php': { kind: 'script', reason: 'shebang', line: 1 },
      'scripts/tra_cuu.php': { kind: 'cli', reason: 'reads $argv', line: 2 },
    });
    expect(facts.endpoints).toEqual([{ file: 'scripts/Portal.php', line: 6, column: 14, key: 'driver.get', navigation: true, url: 'https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu', source: 'source' }]);
  });
});

describe('phpCollector: credentials', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await collect('creds');
  });

  it('reports each construct once, with key and redacted value only', () => {
    expect((facts.credentials ?? []).map((c) => [c.file, c.line, c.kind, c.key ?? null, c.redacted])).toEqual([
      ['Creds.php', 5, 'named-literal', 'C06_API_KEY', 'kq…dF'],
      ['Creds.php', 9, 'named-literal', 'C06_SECRET_KEY', 'Su…9x'],
      ['Creds.php', 10, 'named-literal', 'password', 'Pr…77'],
      ['Creds.php', 15, 'named-literal', 'token', 'T0…6w'],
      ['Creds.php', 16, 'auth-header', 'Authorization', 'ti…11'],
      ['Creds.php', 17, 'auth-object', 'withBasicAuth', 'H7…22'],
      ['Creds.php', 18, 'auth-object', 'auth', 'Gu…33'],
      ['Creds.php', 18, 'named-literal', 'X-Api-Key', 'Hd…Yc'],
      ['Creds.php', 19, 'auth-header', 'CURLOPT_USERPWD', 'ti…44'],
      ['Creds.php', 20, 'auth-header', 'CURLOPT_USERPWD', 'ti…55'],
      ['Creds.php', 21, 'named-literal', 'dancu.secret', 'C0…66'],
      ['Creds.php', 22, 'named-literal', 'password', 'As…88'],
      ['config/dancu.php', 4, 'named-literal', 'DANCU_SECRET_KEY', 'Su…9x'],
    ]);
    const text = JSON.stringify(facts);
    for (const secret of ['Sup3rS3cretValue', 'Pr0pPassw0rd', 'B4sicPass', 'H77pBasicPass', 'Guzz1ePass', 'Cur1Pass', 'C0nfigFallback']) expect(text).not.toContain(secret);
  });

  it('env() without a fallback, placeholders and non-sensitive names are not candidates', () => {
    const lines = (facts.credentials ?? []).map((c) => `${c.file}:${c.line}`);
    for (const l of ['config/dancu.php:5', 'config/dancu.php:6', 'Creds.php:11', 'Creds.php:23', 'Creds.php:24']) expect(lines).not.toContain(l);
  });
});

describe('phpCollector: broken files', () => {
  it('a syntax error is a parse-error diagnostic with its line, and the rest of the file is still read', async () => {
    const facts = await collect('broken');
    expect(facts.diagnostics).toEqual([{ file: 'Broken.php', line: 7, column: 23, kind: 'parse-error', message: 'PHP: syntax error: missing ")"' }]);
    expect(site(facts, 'Broken.php', 12).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan');
    expect(facts.credentials?.map((c) => c.key)).toEqual(['C06_SECRET_KEY']);
    expect(JSON.stringify(facts.diagnostics)).not.toContain('Sup3r');
  });

  it("becomes a DG-CFG-001 finding with file and line, and the file's other findings still show", async () => {
    const r = await scan({ path: join(FIXTURES, 'broken') });
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(['DG-CFG-001 Broken.php:7', 'DG-CRED-001 Broken.php:5', 'DG-LOG-001 Broken.php:12'].sort());
    expect(r.findings.find((f) => f.ruleId === 'DG-CFG-001')?.category).toBe('config');
  });
});

describe('phpCollector: facts document', () => {
  it('every fixture yields a document that matches the schema', async () => {
    for (const f of ALL) expect(factsErrors(await document(f)), f).toEqual([]);
  });

  it('is deterministic', async () => {
    expect(await collect('context')).toEqual(await collect('context'));
  });
});

describe('examples: php-violating and php-compliant (end to end, real policies)', () => {
  it('php-violating: every applicable category, finding by finding', async () => {
    const { findings, facts } = await scan({ path: join(EXAMPLES, 'php-violating'), failOn: 'high' });
    const everything = JSON.stringify(facts);
    expect(everything).not.toContain('Sup3rS3cretValue');
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(
      [
        'DG-TLS-001 .env:2',
        'DG-CRED-002 .env:3',
        'DG-TOOL-001 app/Console/Commands/TraCuuHangLoat.php:16',
        'DG-LOG-001 app/Console/Commands/TraCuuHangLoat.php:16',
        'DG-QUOTA-001 app/Console/Commands/TraCuuHangLoat.php:16',
        'DG-TLS-001 app/Console/Commands/TraCuuHangLoat.php:16',
        'DG-CRED-001 app/Console/Commands/TraCuuHangLoat.php:16',
        'DG-TLS-002 app/Services/DanCuService.php:16',
        'DG-LOG-001 app/Services/DanCuService.php:23',
        'DG-TLS-001 app/Services/DanCuService.php:23',
        'DG-TLS-001 config/dancu.php:5', // the plain-HTTP URL where it is written (the call is in DanCuService.php)
        'DG-LOG-001 app/Services/SoapDanCuService.php:14',
        'DG-CRED-001 config/dancu.php:8',
        'DG-TLS-002 scripts/tra_cuu.php:9',
        'DG-CRED-001 scripts/tra_cuu.php:10',
        'DG-TOOL-001 scripts/tra_cuu.php:12',
        'DG-LOG-001 scripts/tra_cuu.php:12',
        'DG-QUOTA-001 scripts/tra_cuu.php:12',
        'DG-TLS-001 scripts/tra_cuu.php:12',
        'DG-TOOL-002 tools/PortalScraper.php:7', // where it navigates to the portal
        'DG-LOG-002 app/Services/SoapDanCuService.php:14', // MaCanBo = 'CB0001'
      ].sort(),
    );
    const categories = new Set(findings.map((f) => f.category));
    for (const c of ['credentials', 'lookup-tool', 'logging', 'quota', 'transport']) expect(categories.has(c as never), c).toBe(true);
  });

  it('php-compliant: no findings at all; the gateway call logs in the same method and is rate-limited', async () => {
    const r = await scan({ path: join(EXAMPLES, 'php-compliant'), failOn: 'high' });
    expect(r.findings).toEqual([]);
    expect(r.facts.callSites).toHaveLength(1);
    const [call] = r.facts.callSites;
    expect(call).toMatchObject({
      file: 'app/Services/DanCu/DanCuGateway.php',
      client: 'Laravel Http',
      function: { name: 'DanCuGateway.traCuu' },
      target: { url: '${dancu.url}/TraCuuThongTinCongDan', keys: ['dancu.url', 'DANCU_URL'], operation: 'TraCuuThongTinCongDan' },
      limiter: { name: 'RateLimiter.tooManyAttempts', line: 16 },
    });
    expect(call?.callsInFunction).toContain('Log.info');
  });
});
