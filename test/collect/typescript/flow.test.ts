/**
 * Real integrations made visible in TypeScript/JavaScript (issue 11): long alias chains
 * across files, audit records as real systems write them (a helper in another file
 * that calls a winston logger, a persisted entity, a query-builder or SQL INSERT), a
 * front-end calling its own backend, log writes holding a secret or a response, officer
 * ids, URL literals of the DB's tiers, bots' navigations and browser TLS switches.
 * Fixtures are synthetic (test/fixtures/ts/flow).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typescriptCollector } from '../../../src/collect/typescript/index.js';
import type { CollectedFacts } from '../../../src/facts/types.js';
import { fixtureHarness, siteAt } from '../../helpers/collect.js';
import { FIXTURES } from '../../helpers/paths.js';

let facts: CollectedFacts;
beforeAll(async () => {
  facts = await fixtureHarness(join(FIXTURES, 'ts'), typescriptCollector).collect('flow');
});

describe('TypeScript: data flow and audit writes', () => {
  it('a URL through eight const aliases and an import resolves to its literal', () => {
    expect(siteAt(facts, 'src/traCuu.ts', 7).target).toMatchObject({
      url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan',
      definedAt: { file: 'src/hang.ts', line: 2 },
    });
  });

  it('a helper in another file whose body (two calls down) logs with winston is an audit write', () => {
    expect(siteAt(facts, 'src/traCuu.ts', 7).auditWrites).toEqual([{ kind: 'helper', name: 'recordLookup', line: 6, calls: ['logger.info'] }]);
  });

  it('a persisted entity, a knex insert and an SQL INSERT into log tables', () => {
    expect(siteAt(facts, 'src/luu.ts', 9).auditWrites).toEqual([
      { kind: 'entity', name: 'AuditLog', line: 6, via: 'repo.save' },
      { kind: 'insert', name: 'nhat_ky_tra_cuu', line: 7, via: 'knex.insert' },
      { kind: 'insert', name: 'audit_log', line: 8 },
    ]);
  });

  it('front-end code (a package depending on react-dom) is browser code; its relative and env-based URLs are its own backend', () => {
    expect(siteAt(facts, 'web/src/api.ts', 6)).toMatchObject({ browser: true, target: { url: '${BASE}/api/users/getcsdldancu' } });
    expect(siteAt(facts, 'web/src/api.ts', 10)).toMatchObject({ browser: true, target: { url: '/api/getcsdldancu' } });
    expect(siteAt(facts, 'src/traCuu.ts', 7).browser).toBeUndefined();
  });

  it('a log beside a gateway call: the bearer token it sends, a serialised object, the response body; not its status', () => {
    expect(facts.logWrites).toEqual([
      expect.objectContaining({
        file: 'src/traCuu.ts',
        line: 13,
        logger: 'console.log',
        function: { name: 'guiTin', line: 11 },
        contents: [
          { kind: 'secret', expr: 'token' },
          { kind: 'serialized', expr: 'JSON.stringify(user)' },
          { kind: 'response', expr: 'r.data' },
        ],
      }),
    ]);
  });

  it('officer ids: a module constant, a parameter', () => {
    expect(facts.officerFields?.map((o) => [o.file, o.line, o.source])).toEqual([
      ['src/luu.ts', 9, 'constant'],
      ['src/traCuu.ts', 7, 'other'],
    ]);
  });

  it('URL literals of a tier are endpoints, linked to the calls of their own file built from them', () => {
    // Linked only within a file (a file's facts never depend on what it was collected
    // with): the literal in hang2.ts is reported where it is written, the call in traCuu.ts where it is made.
    const literal = (facts.endpoints ?? []).find((e) => e.file === 'src/hang2.ts' && e.line === 6);
    expect(literal).toMatchObject({ key: 'LGSP_HTTP', url: 'http://api.tinh-mau.gov.vn/api/v1' });
    expect(literal?.reachedBy).toBeUndefined();
  });

  it('a Playwright bot: where it navigates to the portal, and its TLS switches', () => {
    expect(facts.endpoints).toContainEqual(expect.objectContaining({ file: 'bot/dangKy.ts', line: 7, key: 'page.goto', navigation: true }));
    expect((facts.tlsSettings ?? []).map((t) => [t.file, t.line, t.setting])).toEqual([
      ['bot/dangKy.ts', 4, '--ignore-certificate-errors'],
      ['bot/dangKy.ts', 5, 'ignoreHTTPSErrors: true'],
    ]);
  });
});
