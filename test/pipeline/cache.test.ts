/**
 * The facts cache: a warm scan reports what a cold one does; a file whose facts depend
 * on another file (an imported constant, a Spring property) is collected again when
 * that file changes — a stale hit would be a missed violation; a tampered or foreign
 * entry is rejected, never used; concurrent scans share a cache safely. Synthetic data.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactsCache, sha256, type CachedFile } from '../../src/pipeline/cache.js';
import { validCachedFile } from '../../src/pipeline/cache-valid.js';
import { scan, type ScanResult } from '../../src/pipeline/scan.js';
import { BIN, EXAMPLES } from '../helpers/paths.js';
import { tempTrees } from '../helpers/tree.js';

const { tmpDir, tree } = tempTrees('dg-cache-test-');

const DB_URL = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan';
const OTHER_URL = 'https://weather.example.invalid/forecast';

function rules(r: ScanResult, file: string): string[] {
  return r.findings.filter((f) => f.file === file).map((f) => `${f.ruleId}:${f.line}`);
}

function without(r: ScanResult) {
  return { findings: r.findings, summary: { ...r.summary, durationMs: 0 } };
}

describe('what a file\'s facts depend on', () => {
  // Both orders: the imported module analysed after its importer (read while analysing
  // the importer), and before it (its parsed model then reused without a second read).
  it.each([
    ['z-config.ts', 'lookup.ts'],
    ['a-config.ts', 'b-lookup.ts'],
  ])('an imported constant: changing src/%s re-collects src/%s, which imports it', async (config, client) => {
    const module = config.replace(/\.ts$/, '');
    // The config module calls fetch too, so it is analysed in its own right.
    const health = "export const health = () => fetch('https://weather.example.invalid/health');\n";
    const root = tree({
      [`src/${config}`]: `export const SERVICE_URL = '${OTHER_URL}';\n${health}`,
      [`src/${client}`]: [
        `import { SERVICE_URL } from './${module}';`,
        'export async function lookup(id: string) {',
        "  const res = await fetch(SERVICE_URL, { method: 'POST', body: JSON.stringify({ id }) });",
        '  return res.json();',
        '}',
        '',
      ].join('\n'),
    });
    const cache = tmpDir();
    const before = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(rules(before, `src/${client}`)).toEqual([]);

    writeFileSync(join(root, `src/${config}`), `export const SERVICE_URL = '${DB_URL}';\n${health}`);
    const after = await scan({ path: root, failOn: 'none', cacheDir: cache });
    const fresh = await scan({ path: root, failOn: 'none' });
    expect(rules(fresh, `src/${client}`).length).toBeGreaterThan(0);
    expect(without(after)).toEqual(without(fresh));
    // The importer itself did not change: it was collected again because its import did.
    expect(after.profile.collected).toBe(2);
    // Unchanged again: everything from the cache.
    const again = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(without(again)).toEqual(without(fresh));
    expect(again.profile.collected).toBe(0);
  });

  it('a Spring property: changing application.yml re-collects the Java file that reads it', async () => {
    const root = tree({
      'src/main/resources/application.yml': `svc:\n  url: ${OTHER_URL}\n`,
      'src/main/java/vn/tinhmau/Client.java': [
        'package vn.tinhmau;',
        'import org.springframework.beans.factory.annotation.Value;',
        'import org.springframework.web.client.RestTemplate;',
        'public class Client {',
        '    private final RestTemplate restTemplate = new RestTemplate();',
        '    @Value("${svc.url}")',
        '    private String url;',
        '    public String lookup(String id) {',
        '        return restTemplate.postForObject(url, id, String.class);',
        '    }',
        '}',
        '',
      ].join('\n'),
    });
    const cache = tmpDir();
    const java = 'src/main/java/vn/tinhmau/Client.java';
    const before = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(rules(before, java)).toEqual([]);

    writeFileSync(join(root, 'src/main/resources/application.yml'), `svc:\n  url: ${DB_URL}\n`);
    const after = await scan({ path: root, failOn: 'none', cacheDir: cache });
    const fresh = await scan({ path: root, failOn: 'none' });
    expect(rules(fresh, java).length).toBeGreaterThan(0);
    expect(without(after)).toEqual(without(fresh));
  });

  it('the settings: a config that adds a sensitive key name is not served stale facts', async () => {
    const files = { 'app/settings.env': 'MA_TRUY_CAP=Zq8Rt5Wv2Kx9Lm3Np7Bs\n' };
    const root = tree(files);
    const cache = tmpDir();
    const before = await scan({ path: root, failOn: 'none', cacheDir: cache });
    writeFileSync(join(root, '.dancu-guard.yml'), 'version: 1\nsensitiveKeys:\n  - "(?i)ma[-_.]?truy[-_.]?cap"\n');
    const after = await scan({ path: root, failOn: 'none', cacheDir: cache });
    const fresh = await scan({ path: root, failOn: 'none' });
    expect(without(after)).toEqual(without(fresh));
    expect(rules(fresh, 'app/settings.env')).not.toEqual(rules(before, 'app/settings.env'));
    // The config file is new; app/settings.env is the same bytes, but under other settings.
    expect(after.profile.cache?.hits).toBe(0);
  });
});

describe('an untrusted cache', () => {
  const violating = {
    'src/secret.ts': "export const config = { password: 'Fak3Pa55word!2026xQ' };\n",
    'src/plain.ts': 'export const n = 1;\n',
  };

  type Doc = { key: string; path: string; deps: string; sum: string; payload: string };
  /** Every entry of a cache (in its pack), with its parsed content and the index line pointing at it. */
  function entries(cache: string): Array<{ log: string; line: string; pack: string; doc: Doc }> {
    const out: Array<{ log: string; line: string; pack: string; doc: Doc }> = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.includes('/index/') && p.endsWith('.keys')) {
          for (const line of readFileSync(p, 'utf8').split('\n')) {
            const [, , pack, offset, length] = line.split(' ');
            if (!pack || pack === '-') continue;
            const packPath = join(d, '..', 'packs', `${pack}.pack`);
            const bytes = readFileSync(packPath).subarray(Number(offset), Number(offset) + Number(length));
            out.push({ log: p, line, pack: packPath, doc: JSON.parse(bytes.toString('utf8')) as Doc });
          }
        }
      }
    };
    walk(cache);
    return out;
  }

  /** What a writer of the cache directory could do: put another document where the index line points. */
  function replaceEntry(entry: { log: string; line: string; pack: string }, doc: Doc): void {
    const text = JSON.stringify(doc);
    const offset = statSync(entry.pack).size;
    appendFileSync(entry.pack, `${text}\n`);
    const [key, deps, pack] = entry.line.split(' ');
    writeFileSync(entry.log, readFileSync(entry.log, 'utf8').replace(entry.line, `${key} ${deps} ${pack} ${offset} ${Buffer.byteLength(text)}`));
  }

  /** The whole-scan memo would serve the unchanged tree without reading an entry: these tests are about entries. */
  function dropMemos(cache: string): void {
    for (const build of readdirSync(join(cache, 'v2'))) rmSync(join(cache, 'v2', build, 'memo'), { recursive: true, force: true });
  }

  it('an entry whose payload was altered is rejected and the violation still found', async () => {
    const root = tree(violating);
    const cache = tmpDir();
    const cold = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(rules(cold, 'src/secret.ts').length).toBeGreaterThan(0);
    const [entry] = entries(cache).filter((e) => e.doc.path === 'src/secret.ts');
    expect(entry).toBeDefined();
    // No facts, checksum left as it was: rejected.
    replaceEntry(entry!, { ...entry!.doc, payload: JSON.stringify({ facts: {}, pending: [], claims: [] }) });
    dropMemos(cache);
    const warm = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(without(warm)).toEqual(without(cold));
    expect(warm.profile.cache?.rejected).toBe(1);
  });

  it('an entry with a matching checksum but facts of another file is rejected', async () => {
    const root = tree(violating);
    const cache = tmpDir();
    const cold = await scan({ path: root, failOn: 'none', cacheDir: cache });
    const [entry] = entries(cache).filter((e) => e.doc.path === 'src/secret.ts');
    const payload = JSON.parse(entry!.doc.payload) as CachedFile;
    for (const c of payload.facts.credentials ?? []) c.file = 'src/plain.ts';
    const text = JSON.stringify(payload);
    replaceEntry(entry!, { ...entry!.doc, payload: text, sum: sha256(text) });
    dropMemos(cache);
    const warm = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(without(warm)).toEqual(without(cold));
    expect(warm.profile.cache?.rejected).toBe(1);
  });

  it('validCachedFile: the facts schema and the file the entry is for', () => {
    const good: CachedFile = {
      facts: { diagnostics: [{ file: 'a.ts', line: 3, kind: 'parse-error', message: 'x' }] },
      pending: [],
      claims: [],
    };
    expect(validCachedFile(good, 'a.ts')).toBe(true);
    expect(validCachedFile(good, 'b.ts')).toBe(false);
    expect(validCachedFile({ ...good, facts: { diagnostics: [{ file: 'a.ts', line: 0, kind: 'parse-error', message: 'x' }] } }, 'a.ts')).toBe(false);
    expect(validCachedFile({ ...good, facts: { diagnostics: [{ file: 'a.ts', line: 1, kind: 'made-up', message: 'x' }] } } as unknown as CachedFile, 'a.ts')).toBe(false);
    expect(validCachedFile({ ...good, facts: { verdicts: [] } } as unknown as CachedFile, 'a.ts')).toBe(false);
    expect(validCachedFile({ facts: {}, pending: 'x', claims: [] } as unknown as CachedFile, 'a.ts')).toBe(false);
    expect(validCachedFile(null, 'a.ts')).toBe(false);
  });

  it('FactsCache: a key, a path and the deps must all match', () => {
    const dir = tmpDir();
    const cache = new FactsCache(FactsCache.open(dir, 'build-a'), validCachedFile);
    const key = sha256('k1');
    const file: CachedFile = { facts: { suppressions: [{ file: 'x.ts', line: 1, targets: ['DG-CRED-001'], reason: 'fixture' }] }, pending: [], claims: [] };
    const hashes: Record<string, string> = { 'dep.ts': sha256('v1') };
    cache.putBatch([{ key, path: 'x.ts', file, deps: [['dep.ts', sha256('v1')]] }]);
    cache.flush();
    const reader = () => new FactsCache(cache.buildDir, validCachedFile);
    expect(reader().get(key, 'x.ts', (p) => hashes[p])).toEqual(file);
    expect(reader().get(key, 'y.ts', (p) => hashes[p])).toBeUndefined();
    expect(reader().get(sha256('k2'), 'x.ts', (p) => hashes[p])).toBeUndefined();
    hashes['dep.ts'] = sha256('v2');
    expect(reader().get(key, 'x.ts', (p) => hashes[p])).toBeUndefined();
    // Another build never sees this one's entries.
    expect(new FactsCache(FactsCache.open(dir, 'build-b'), validCachedFile).get(key, 'x.ts', () => sha256('v1'))).toBeUndefined();
  });

  it('empty results are keyed like the rest: garbage lines are ignored, deps still checked', () => {
    const dir = tmpDir();
    const cache = new FactsCache(FactsCache.open(dir, 'build'), validCachedFile);
    const key = sha256('empty');
    cache.putBatch([{ key, path: 'e.ts', file: { facts: {}, pending: [], claims: [] }, deps: [['dep.ts', sha256('v1')]] }]);
    cache.flush();
    const logs = join(cache.buildDir, 'index');
    writeFileSync(join(logs, 'junk.keys'), `not a key\n${'z'.repeat(64)} - - 0 0\n${sha256('other')}\n${sha256('other')} - ../../x 0 10\n`);
    expect(new FactsCache(cache.buildDir, validCachedFile).get(key, 'e.ts', () => sha256('v1'))).toEqual({ facts: {}, pending: [], claims: [] });
    expect(new FactsCache(cache.buildDir, validCachedFile).get(key, 'e.ts', () => sha256('changed'))).toBeUndefined();
    expect(new FactsCache(cache.buildDir, validCachedFile).get(sha256('other'), 'e.ts', () => undefined)).toBeUndefined();
  });
});

describe('concurrent scans', () => {
  function run(args: string[]): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const p = spawn(process.execPath, [BIN, 'scan', ...args, '--format', 'json', '--fail-on', 'none', '--no-progress']);
      let out = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.on('close', (code) => resolve({ code, out }));
    });
  }
  const findingsOf = (out: string) => JSON.stringify((JSON.parse(out) as { findings: unknown }).findings);

  it('two CLI scans writing one cache at once both finish with the same findings, and a third reads it', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/m${i}.ts`] = `export const token${i} = { apiKey: 'Zx${i}Qw8Er5Ty2Ui9Op4As' };\n`;
    files['k8s/deploy.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  DB_PASSWORD: Fak3Pa55word!2026\n';
    const root = tree(files);
    const cache = tmpDir();
    const [a, b] = await Promise.all([run([root, '--cache-dir', cache]), run([root, '--cache-dir', cache])]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(findingsOf(a.out)).toBe(findingsOf(b.out));
    const c = await run([root, '--cache-dir', cache, '--jobs', '1']);
    expect(findingsOf(c.out)).toBe(findingsOf(a.out));
    expect(JSON.parse(a.out).findings.length).toBeGreaterThan(40);
  });
});

describe('a cache the repository controls', () => {
  it('is refused: a cache directory inside the scanned tree is a usage error, before any work', async () => {
    const root = tree({ 'src/a.ts': 'export const a = 1;\n' });
    await expect(scan({ path: root, failOn: 'none', cacheDir: `${root}/.cache/dg` })).rejects.toThrow(/facts cache directory .* is inside the scanned repository/);
  });
});

describe('every kind of fact survives the cache', () => {
  it('a warm scan of an example with audit-quality facts (log writes, officer fields) collects nothing and rejects nothing', async () => {
    const root = tmpDir();
    cpSync(join(EXAMPLES, 'ts-violating'), root, { recursive: true });
    const cache = tmpDir();
    const cold = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(cold.findings.some((f) => f.ruleId === 'DG-LOG-002')).toBe(true);
    const warm = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(warm.profile.cache?.rejected).toBe(0);
    expect(warm.profile.collected).toBe(0);
    expect(warm.findings.map((f) => f.fingerprint)).toEqual(cold.findings.map((f) => f.fingerprint));
  });
});


describe('the whole-scan memo', () => {
  const files = {
    'src/secret.ts': "export const config = { password: 'Fak3Pa55word!2026xQ' };\n",
    'src/plain.ts': 'export const n = 1;\n',
  };
  const memoDir = (cache: string) => join(cache, 'v2', readdirSync(join(cache, 'v2'))[0]!, 'memo');

  it('serves an unchanged tree without collecting or evaluating, with the same findings; any change is a new scan', async () => {
    const root = tree(files);
    const cache = tmpDir();
    const cold = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(cold.profile.cache?.memo).toBe('written');
    const warm = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(warm.profile.cache?.memo).toBe('hit');
    expect(without(warm)).toEqual(without(cold));
    expect(warm.facts.credentials).toEqual(cold.facts.credentials);

    writeFileSync(join(root, 'src/plain.ts'), "export const token = { apiKey: 'Zx9Qw8Er5Ty2Ui9Op4As' };\n");
    const changed = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    const fresh = await scan({ path: root, failOn: 'none', keepFacts: false });
    expect(changed.profile.cache?.memo).toBe('written');
    expect(without(changed)).toEqual(without(fresh));
    expect(rules(changed, 'src/plain.ts').length).toBeGreaterThan(0);
  });

  it('a memo altered without its checksum, or with findings of the wrong shape, is not used', async () => {
    const root = tree(files);
    const cache = tmpDir();
    const cold = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    const [name] = readdirSync(memoDir(cache));
    const file = join(memoDir(cache), name!);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { payload: string; sum: string };
    // Findings removed, checksum kept: not used.
    const emptied = JSON.stringify({ ...JSON.parse(doc.payload), raw: [] });
    writeFileSync(file, JSON.stringify({ ...doc, payload: emptied }));
    let warm = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(warm.profile.cache?.memo).toBe('written');
    expect(without(warm)).toEqual(without(cold));
    // A checksum that matches, but findings that are not findings: not used either.
    const bad = JSON.stringify({ ...JSON.parse(doc.payload), raw: [{ rule: 'DG-CRED-001' }] });
    writeFileSync(file, JSON.stringify({ ...doc, payload: bad, sum: sha256(bad) }));
    warm = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(warm.profile.cache?.memo).toBe('written');
    expect(without(warm)).toEqual(without(cold));
  });

  it('the gate keeps every fact: no memo', async () => {
    const root = tree(files);
    const cache = tmpDir();
    await scan({ path: root, failOn: 'none', cacheDir: cache });
    const again = await scan({ path: root, failOn: 'none', cacheDir: cache });
    expect(again.profile.cache?.memo).toBeUndefined();
    expect(again.profile.collected).toBe(0);
  });
});

describe("discovery's memo", () => {
  const past = new Date(Date.now() - 3600_000);
  function aged(root: string, rels: string[]): void {
    for (const r of rels) utimesSync(join(root, r), past, past);
  }

  it('an unchanged file is not read again; a file rewritten to the same size with its old modification time still is', async () => {
    const clean = "export const config = { password: process.env.DB_PASSX };\n";
    const root = tree({ 'src/a.ts': clean, 'src/b.ts': 'export const n = 1;\n' });
    aged(root, ['src/a.ts', 'src/b.ts']);
    const cache = tmpDir();
    const cold = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(cold.profile.cache?.discoveryReused).toBe(0);
    const warm = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(warm.profile.cache?.discoveryReused).toBe(2);
    expect(rules(warm, 'src/a.ts')).toEqual([]);

    // Same length, a literal password now, the modification time put back: the change time still moved.
    const leaked = "export const config = { password: 'Fak3Pa55w0rd!2026Q' };\n";
    expect(leaked.length).toBe(clean.length);
    writeFileSync(join(root, 'src/a.ts'), leaked);
    aged(root, ['src/a.ts']);
    const after = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(after.profile.cache?.discoveryReused).toBe(1);
    expect(rules(after, 'src/a.ts').length).toBeGreaterThan(0);
  });

  it('a file modified in the last seconds is not recorded (a change within the same timestamp tick would keep its signature)', async () => {
    const root = tree({ 'src/a.ts': 'export const n = 1;\n' });
    const cache = tmpDir();
    await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    const warm = await scan({ path: root, failOn: 'none', cacheDir: cache, keepFacts: false });
    expect(warm.profile.cache?.discoveryReused).toBe(0);
  });
});
