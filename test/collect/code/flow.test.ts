/**
 * Real integrations made visible in the tree-sitter languages (issue 11): values that
 * travel through another file (constants, static imports, object properties keyed by
 * type), the audit records real systems write (persisted log entities, INSERTs into log
 * tables, helpers in other files), log writes that hold a secret or the citizen record,
 * officer ids from configuration, URL literals of the DB's tiers, bots' navigations and
 * browser TLS switches, and trust-all objects reported where they are installed.
 * Fixtures are synthetic code with the shapes of real systems (test/fixtures/<lang>/flow).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csharpCollector } from '../../../src/collect/code/csharp/index.js';
import { goCollector } from '../../../src/collect/code/go/index.js';
import { javaCollector } from '../../../src/collect/code/java/index.js';
import { phpCollector } from '../../../src/collect/code/php/index.js';
import { pythonCollector } from '../../../src/collect/code/python/index.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { fixtureHarness, siteAt } from '../../helpers/collect.js';
import { FIXTURES } from '../../helpers/paths.js';

const harness = (lang: string, collector: typeof javaCollector) => fixtureHarness(join(FIXTURES, lang), collector);

describe('C#: a URL that travels in a request object (MediatR shape)', () => {
  let facts: CollectedFacts;
  beforeAll(async () => {
    facts = await harness('csharp', csharpCollector).collect('flow');
  });

  it('request.Url in the handler resolves through the controller that sets it, keyed by the query type', () => {
    const s = siteAt(facts, 'Handlers/TraCuuCongDanHandler.cs', 23);
    expect(s.target).toMatchObject({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
      keys: ['DanCu_API_ENDPOINT'],
      definedAt: { file: 'appsettings.json', line: 2 },
    });
    expect(s.target.via).toContain('property');
  });

  it('an object initialiser in the same function gives request.Url too', () => {
    expect(siteAt(facts, 'Services/DangNhapService.cs', 21).target.url).toBe('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan');
  });

  it('a constant of another file, and its literal as an endpoint of its own file', () => {
    expect(siteAt(facts, 'Services/DangNhapService.cs', 31).target).toMatchObject({
      url: 'http://api.tinh-mau.gov.vn/api/v1/token',
      definedAt: { file: 'Constants/CongGiaoTiep.cs', line: 5 },
    });
    // Linked only within a file (a file's facts never depend on what it was collected with):
    // the literal is reported where it is written, the call where it is made.
    const literal = facts.endpoints?.find((e) => e.file === 'Constants/CongGiaoTiep.cs' && e.line === 5);
    expect(literal).toMatchObject({ key: 'BASE' });
    expect(literal?.reachedBy).toBeUndefined();
  });

  it('a SOAP namespace string is not an endpoint', () => {
    expect(facts.endpoints?.some((e) => e.url.includes('dancuquocgia.bca'))).toBe(false);
  });

  it('a log entity persisted through a repository is an audit write of the call', () => {
    expect(siteAt(facts, 'Handlers/TraCuuCongDanHandler.cs', 23).auditWrites).toEqual([
      { kind: 'entity', name: 'NhatKyTraCuu', line: 22, via: '_repositoryNhatKy.AddAsync' },
    ]);
  });

  it('a DB URL needs no lookup fields; a gateway URL without a DB path gets them', () => {
    expect(siteAt(facts, 'Handlers/TraCuuCongDanHandler.cs', 23).target.fields).toBeUndefined();
    expect(siteAt(facts, 'Services/DangNhapService.cs', 31).target.fields).toBeUndefined(); // no listed names in LayToken
  });

  it('a log that gets a serialised entity and the accumulated response; a status code alone is not reported', () => {
    expect(facts.logWrites).toEqual([
      expect.objectContaining({
        file: 'Handlers/TraCuuCongDanHandler.cs',
        line: 31,
        logger: '_logger.LogInformation',
        function: { name: 'TraCuuCongDanHandler.Handle', line: 13 },
        contents: [
          { kind: 'serialized', expr: 'JsonSerializer.Serialize(user)' },
          { kind: 'response', expr: 'loi' },
        ],
      }),
    ]);
  });

  it('officer ids: one config value, a literal, the signed-in user', () => {
    const o = (file: string) => facts.officerFields?.find((f) => f.file === file);
    expect(o('Controllers/CongDanController.cs')).toMatchObject({ line: 13, field: 'MaCanBo', source: 'config', keys: ['DanCu_MaCanBo'] });
    expect(o('Services/DangNhapService.cs')).toMatchObject({ line: 17, source: 'literal' });
    expect(o('Handlers/TraCuuCongDanHandler.cs')).toMatchObject({ source: 'user' });
  });

  it('ServicePointManager callback built as new RemoteCertificateValidationCallback(delegate { return true; })', () => {
    expect(facts.tlsSettings).toContainEqual(expect.objectContaining({ file: 'Services/DangNhapService.cs', line: 26, setting: 'ServerCertificateValidationCallback => true' }));
  });
});

describe('Java: constants of another class, trust-all objects, log writes, bots', () => {
  let facts: CollectedFacts;
  const J = 'src/main/java/vn/mau/';
  beforeAll(async () => {
    facts = await harness('java', javaCollector).collect('flow');
  });

  it('Hang.LGSP of another file and a static import resolve', () => {
    expect(siteAt(facts, `${J}lgsp/GuiTinNhan.java`, 11).target).toMatchObject({
      url: 'http://api.tinh-mau.gov.vn/api/v1/Authentication/Token',
      definedAt: { file: `${J}hang/Hang.java`, line: 5 },
    });
  });

  it('a trust-all manager is reported where it is installed, not at checkServerTrusted', () => {
    const t = (facts.tlsSettings ?? []).filter((x) => x.file.endsWith('TatKiemTra.java'));
    expect(t.map((x) => x.line)).toEqual([19]);
    expect(t[0]!.setting).toBe('X509TrustManager accepts every certificate (installed by setDefaultSSLSocketFactory)');
  });

  it('a gateway header marks a call whose URL is a parameter; its audit entity is seen', () => {
    const s = siteAt(facts, `${J}lgsp/GoiApi.java`, 18);
    expect(s.target.fields).toEqual(['lgspaccesstoken', 'lgspAccessToken']);
    expect(s.auditWrites).toEqual([{ kind: 'entity', name: 'AuditLog', line: 29, via: 'auditLogRepository.save' }]);
  });

  it('the request object a token is read from, and the response read from the stream, logged whole; its length is not', () => {
    const w = (facts.logWrites ?? []).map((x) => [x.line, x.contents]);
    expect(w).toEqual([
      [17, [{ kind: 'secret-carrier', expr: 'body' }]],
      [28, [{ kind: 'response', expr: 'sb.toString()' }]],
    ]);
  });

  it('Selenium: the navigation to the portal, acceptInsecureCerts and --ignore-certificate-errors', () => {
    expect(facts.endpoints).toContainEqual(expect.objectContaining({ file: `${J}bot/DangKyTamTru.java`, line: 13, navigation: true, key: 'driver.get' }));
    const t = (facts.tlsSettings ?? []).filter((x) => x.file.endsWith('DangKyTamTru.java')).map((x) => [x.line, x.setting]);
    expect(t).toEqual([
      [10, 'setAcceptInsecureCerts(true)'],
      [11, '--ignore-certificate-errors'],
    ]);
  });
});

describe('Python, Go, PHP: other files and audit writes', () => {
  it('Python: `from dvc.hang import DANCU_URL`, and a helper in another module that logs', async () => {
    const facts = await harness('python', pythonCollector).collect('flow');
    const s = siteAt(facts, 'dvc/tra_cuu.py', 9);
    expect(s.target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', definedAt: { file: 'dvc/hang.py', line: 2 } });
    expect(s.auditWrites).toEqual([{ kind: 'helper', name: 'ghi_lai', line: 8, calls: ['logger.info'] }]);
  });

  it('Python: Playwright ignore_https_errors=True and the navigation to the portal', async () => {
    const facts = await harness('python', pythonCollector).collect('flow');
    expect(facts.tlsSettings).toContainEqual(expect.objectContaining({ file: 'bot/dang_ky.py', line: 7, setting: 'ignore_https_errors=True' }));
    expect(facts.endpoints).toContainEqual(expect.objectContaining({ file: 'bot/dang_ky.py', line: 9, navigation: true }));
  });

  it('Go: a constant of another package and one of another file of the same package', async () => {
    const facts = await harness('go', goCollector).collect('flow');
    expect(siteAt(facts, 'dancu/client.go', 11).target).toMatchObject({
      url: 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      definedAt: { file: 'cauhinh/cauhinh.go', line: 4 },
    });
  });

  it('PHP: a class constant of another file, an INSERT through the query builder, MaCanBo from the signed-in user', async () => {
    const facts = await harness('php', phpCollector).collect('flow');
    const s = siteAt(facts, 'app/TraCuuService.php', 11);
    expect(s.target).toMatchObject({ url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', definedAt: { file: 'app/DanCuHang.php', line: 5 } });
    expect(s.auditWrites).toEqual([{ kind: 'insert', name: 'nhat_ky_tra_cuu', line: 10, via: 'DB.table.insert' }]);
    expect(facts.officerFields).toEqual([expect.objectContaining({ line: 11, field: 'MaCanBo', source: 'user' })]);
  });
});
