import { EXAMPLES } from '../helpers/paths.js';
/**
 * The integration fingerprint (normalization is tested in normalize.test.ts): the surface (DB call sites as the policies decide,
 * the config they read, entry-wise for manifests), determinism, the lock file and the
 * `fingerprint` command.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fingerprintCommand, formatFingerprint } from '../../src/cli/commands/fingerprint.js';
import { analyzeIntegration } from '../../src/gate/integration.js';
import { diffLock, readLock, writeLock } from '../../src/gate/lock.js';
import { combine, computeFingerprint, keyMatches } from '../../src/gate/surface.js';
import { UsageError } from '../../src/util/errors.js';


function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dg-fp-${name}-`));
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  return dir;
}

describe('surface', () => {
  it('matches config keys across spellings', () => {
    expect(keyMatches('DANCU_URL', 'DANCU_URL')).toBe(true);
    expect(keyMatches('dancu.url', 'DANCU_URL')).toBe(true);
    expect(keyMatches('spring.dancu.base-url', 'dancu.baseUrl')).toBe(true);
    expect(keyMatches('C06:Url', 'C06__Url')).toBe(true);
    expect(keyMatches('WEATHER_URL', 'URL')).toBe(false);
    expect(keyMatches('x', '')).toBe(false);
  });

  it('covers the call sites, the code they read and the manifest entries, not the declaration', async () => {
    const a = await analyzeIntegration({ path: join(EXAMPLES, 'gate-approved') });
    expect(a.fingerprint.files.map((f) => [f.path, f.scope, f.reasons.join('+'), f.keys?.join(',') ?? ''])).toEqual([
      ['k8s/deployment.yaml', 'entries', 'config-key+endpoint', 'DANCU_URL'],
      ['src/dancu/config.ts', 'file', 'defined-at+endpoint', ''], // the DB URL literal is an endpoint where it is written
      ['src/dancu/gateway.ts', 'file', 'call-site', ''],
    ]);
    expect(a.fingerprint.fingerprint).toBe(combine(a.fingerprint.files));
    // the declared (and locked) fingerprint of the example
    const declared = readFileSync(join(EXAMPLES, 'gate-approved', 'dancu-integration.yml'), 'utf8');
    expect(declared).toContain(a.fingerprint.fingerprint);
    expect(a.lock?.fingerprint).toBe(a.fingerprint.fingerprint);
    expect(a.changes).toEqual([]);
  });

  it('is deterministic and ignores comments, CRLF, the declaration, the lock and unrelated manifest changes', async () => {
    const dir = copyExample('gate-approved');
    try {
      const before = (await analyzeIntegration({ path: dir })).fingerprint.fingerprint;
      const gw = join(dir, 'src', 'dancu', 'gateway.ts');
      writeFileSync(gw, `// reviewed 2026-11-02\n${readFileSync(gw, 'utf8').replace(/\n/g, '\r\n').replace(/  /g, '    ')}\n\n`);
      const k8s = join(dir, 'k8s', 'deployment.yaml');
      writeFileSync(k8s, readFileSync(k8s, 'utf8').replace('tra-cuu:2.1.0', 'tra-cuu:2.1.1').replace('replicas: 2', 'replicas: 3'));
      writeFileSync(join(dir, 'dancu-integration.yml'), `${readFileSync(join(dir, 'dancu-integration.yml'), 'utf8')}# note\n`);
      writeFileSync(join(dir, 'src', 'server.ts'), `${readFileSync(join(dir, 'src', 'server.ts'), 'utf8')}\nconsole.log('started');\n`);
      expect((await analyzeIntegration({ path: dir })).fingerprint.fingerprint).toBe(before);

      // the DB endpoint in the manifest does count
      writeFileSync(k8s, readFileSync(k8s, 'utf8').replace('lgsp.tinh-mau.gov.vn/apiCSDLDanCu', 'lgsp2.tinh-mau.gov.vn/apiCSDLDanCu'));
      const moved = await analyzeIntegration({ path: dir });
      expect(moved.fingerprint.fingerprint).not.toBe(before);
      expect(moved.changes).toEqual([{ path: 'k8s/deployment.yaml', change: 'modified' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('includes .env / compose entries holding a key the DB call reads', async () => {
    const dir = copyExample('gate-approved');
    try {
      writeFileSync(join(dir, '.env'), 'PORT=8080\nDANCU_URL=https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan\n');
      const a = await analyzeIntegration({ path: dir });
      const env = a.fingerprint.files.find((f) => f.path === '.env');
      expect(env).toMatchObject({ scope: 'entries', keys: ['DANCU_URL'] });
      expect(env!.reasons).toContain('config-key');
      writeFileSync(join(dir, '.env'), 'PORT=9090\nDANCU_URL=https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan\n');
      expect((await analyzeIntegration({ path: dir })).fingerprint.fingerprint).toBe(a.fingerprint.fingerprint);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('covers a config file imported through a tsconfig paths alias, and changes with it', async () => {
    const dir = copyExample('gate-approved');
    try {
      mkdirSync(join(dir, 'src', 'config'));
      renameSync(join(dir, 'src', 'dancu', 'config.ts'), join(dir, 'src', 'config', 'dancu.ts'));
      writeFileSync(join(dir, 'tsconfig.json'), '{\n  // synthetic\n  "compilerOptions": { "baseUrl": ".", "paths": { "@config/*": ["src/config/*"] }, },\n}\n');
      const gw = join(dir, 'src', 'dancu', 'gateway.ts');
      writeFileSync(gw, readFileSync(gw, 'utf8').replace("from './config'", "from '@config/dancu'"));
      const a = await analyzeIntegration({ path: dir });
      expect(a.fingerprint.files.find((f) => f.path === 'src/config/dancu.ts')).toMatchObject({ scope: 'file', reasons: ['defined-at', 'endpoint'] });
      const cfg = join(dir, 'src', 'config', 'dancu.ts');
      writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('lgsp.tinh-mau.gov.vn', 'lgsp2.tinh-mau.gov.vn'));
      expect((await analyzeIntegration({ path: dir })).fingerprint.fingerprint).not.toBe(a.fingerprint.fingerprint);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('computeFingerprint of nothing is stable', () => {
    const fp = computeFingerprint({ files: [] }, { callSites: [], endpoints: [] }, () => undefined);
    expect(fp).toEqual({ fingerprint: combine([]), files: [] });
    expect(fp.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('lock file', () => {
  it('records per-file hashes and lists what changed', async () => {
    const dir = copyExample('gate-changed');
    try {
      const a = await analyzeIntegration({ path: dir });
      expect(a.changes).toEqual([{ path: 'src/dancu/gateway.ts', change: 'modified' }]);
      const lock = readLock(dir)!;
      const added = { ...a.fingerprint, files: [...a.fingerprint.files, { path: 'src/dancu/bulk.ts', hash: `sha256:${'0'.repeat(64)}`, reasons: [], scope: 'file' as const }] };
      expect(diffLock(lock, added).map((c) => `${c.path}:${c.change}`)).toEqual(['src/dancu/bulk.ts:added', 'src/dancu/gateway.ts:modified']);
      const removed = { ...a.fingerprint, files: a.fingerprint.files.filter((f) => f.path !== 'src/dancu/config.ts') };
      expect(diffLock(lock, removed).map((c) => `${c.path}:${c.change}`)).toEqual(['src/dancu/config.ts:removed', 'src/dancu/gateway.ts:modified']);

      writeLock(dir, a.fingerprint);
      const text = readFileSync(join(dir, 'dancu-integration.lock.json'), 'utf8');
      writeLock(dir, a.fingerprint);
      expect(readFileSync(join(dir, 'dancu-integration.lock.json'), 'utf8')).toBe(text); // byte-identical
      expect(JSON.parse(text)).toEqual({
        version: 1,
        fingerprint: a.fingerprint.fingerprint,
        files: Object.fromEntries(a.fingerprint.files.map((f) => [f.path, f.hash])),
      });
      expect(diffLock(readLock(dir)!, a.fingerprint)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a malformed lock file is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-lock-'));
    try {
      for (const bad of ['{', '[]', '{"version":2}', `{"version":1,"fingerprint":"sha256:x","files":{}}`, `{"version":1,"fingerprint":"sha256:${'a'.repeat(64)}","files":{"a":"b"}}`]) {
        writeFileSync(join(dir, 'dancu-integration.lock.json'), bad);
        expect(() => readLock(dir), bad).toThrow(UsageError);
      }
      expect(() => readLock(dir)).toThrow(/regenerate it with `dancu-guard fingerprint --write`/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dancu-guard fingerprint', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the fingerprint, --list, --format json, --write', async () => {
    const dir = copyExample('gate-approved');
    try {
      rmSync(join(dir, 'dancu-integration.lock.json'));
      expect(await fingerprintCommand(dir, { format: 'text', progress: false })).toBe(0);
      const fp = out.trim();
      expect(fp).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(readFileSync(join(EXAMPLES, 'gate-approved', 'dancu-integration.yml'), 'utf8')).toContain(fp);

      out = '';
      await fingerprintCommand(dir, { format: 'text', list: true, progress: false });
      expect(out.split('\n')[0]).toBe(fp);
      expect(out).toMatch(/sha256:[0-9a-f]{64} {2}src\/dancu\/gateway\.ts {2}\(file; call-site\)/);
      expect(out).toContain('k8s/deployment.yaml  (entries DANCU_URL; config-key, endpoint)');

      out = '';
      await fingerprintCommand(dir, { format: 'json', progress: false });
      const doc = JSON.parse(out) as { version: number; fingerprint: string; files: Array<{ path: string }> };
      expect(doc.version).toBe(1);
      expect(doc.fingerprint).toBe(fp);
      expect(doc.files.map((f) => f.path)).toEqual(['k8s/deployment.yaml', 'src/dancu/config.ts', 'src/dancu/gateway.ts']);

      out = '';
      await fingerprintCommand(dir, { format: 'text', write: true, progress: false });
      expect(err).toContain('wrote dancu-integration.lock.json (3 files)');
      expect(readFileSync(join(dir, 'dancu-integration.lock.json'), 'utf8')).toBe(
        readFileSync(join(EXAMPLES, 'gate-approved', 'dancu-integration.lock.json'), 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works before the declaration is complete (a placeholder there does not stop it)', async () => {
    const dir = copyExample('gate-approved');
    try {
      writeFileSync(join(dir, 'dancu-integration.yml'), readFileSync(join(dir, 'dancu-integration.yml'), 'utf8').replace(/fingerprint: ".*"/, 'fingerprint: TODO'));
      writeFileSync(join(dir, 'dancu-integration.lock.json'), '{');
      expect(await fingerprintCommand(dir, { format: 'text', write: true, progress: false })).toBe(0);
      expect(readLock(dir)?.fingerprint).toBe(out.trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns when there is no DB call at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-empty-'));
    try {
      writeFileSync(join(dir, 'index.ts'), 'export const x = 1;\n');
      await fingerprintCommand(dir, { format: 'text', progress: false });
      expect(err).toContain('no call to the population DB found');
      expect(formatFingerprint({ fingerprint: combine([]), files: [] }, 'text', true)).toBe(`${combine([])}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
