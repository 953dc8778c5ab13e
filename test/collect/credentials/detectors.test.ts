/**
 * Every secret detector, through its own samples (`src/collect/credentials/detectors/
 * <family>.samples.ts`): each positive is found by that detector with the expected kind
 * (and secret / key where the sample names them), each negative leaves it — and, unless
 * the sample says otherwise, every detector — silent. Then the engine: the keyword
 * prefilter, the catalog, and linear time on adversarial input.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectorCatalog, DETECTORS, isCredentialName, scanText, triggeredDetectors } from '../../../src/collect/credentials/detectors/index.js';
import type { Detector, DetectorSample, SampleSet } from '../../../src/collect/credentials/detectors/types.js';
import { REPO } from '../../helpers/paths.js';

const DIR = join(REPO, 'src', 'collect', 'credentials', 'detectors');
const sampleFiles = readdirSync(DIR).filter((f) => f.endsWith('.samples.ts')).sort();
const sets = await Promise.all(sampleFiles.map(async (f) => ({ file: f, samples: ((await import(join(DIR, f))) as { samples: SampleSet }).samples })));

const byId = new Map<string, { file: string; detector: Detector; positives: DetectorSample[]; negatives: DetectorSample[] }>();
for (const d of DETECTORS) byId.set(d.id, { file: '', detector: d, positives: [], negatives: [] });
const unknown: string[] = [];
for (const { file, samples } of sets) {
  for (const [id, s] of Object.entries(samples)) {
    const entry = byId.get(id);
    if (!entry) {
      unknown.push(`${file}: ${id}`);
      continue;
    }
    entry.file = file;
    entry.positives.push(...s.positives);
    entry.negatives.push(...s.negatives);
  }
}

const cases = [...byId.values()];
const label = (s: DetectorSample, i: number): string => `#${i + 1}${s.note ? ` (${s.note})` : ''} in ${s.file ?? 'sample.cfg'}`;

describe('detector samples', () => {
  it('every detector has at least one positive and one negative, in the samples file beside its module', () => {
    expect(unknown, 'samples for detectors that do not exist').toEqual([]);
    for (const c of cases) {
      expect(c.positives.length, `${c.detector.id}: positives`).toBeGreaterThan(0);
      expect(c.negatives.length, `${c.detector.id}: negatives`).toBeGreaterThan(0);
    }
  });

  describe.each(cases.map((c) => [c.detector.id, c] as const))('%s', (id, c) => {
    it.each(c.positives.map((s, i) => [label(s, i), s] as const))('finds positive %s', (_label, s) => {
      const file = s.file ?? 'sample.cfg';
      expect(triggeredDetectors(s.text), 'the prefilter lets it run').toContain(id);
      const mine = scanText(s.text, file).filter((m) => m.detector === id);
      expect(mine.length, `matches: ${JSON.stringify(scanText(s.text, file).map((m) => m.detector))}`).toBeGreaterThan(0);
      const want = { kind: s.kind ?? c.detector.kind, ...(s.secret !== undefined ? { secret: s.secret } : {}), ...(s.key !== undefined ? { key: s.key } : {}) };
      expect(mine).toContainEqual(expect.objectContaining(want));
    });

    it.each(c.negatives.map((s, i) => [label(s, i), s] as const))('stays silent on negative %s', (_label, s) => {
      const found = scanText(s.text, s.file ?? 'sample.cfg');
      expect(found.filter((m) => m.detector === id)).toEqual([]);
      if (!s.othersMayMatch) expect(found.map((m) => m.detector)).toEqual([]);
    });
  });
});

describe('credential names (the keyword-context and XML-element detectors)', () => {
  it('isCredentialName: credential names, not references or settings about them', () => {
    for (const n of ['password', 'DB_PASSWORD', 'C06_secretKey', 'C06_apiKey', 'CSDLDanCu_Password', 'lgspaccesstoken', 'consumer_secret', 'consumerKey', 'keyPass', 'accessKey', 'secretKey', 'x-api-key', '_auth', 'Authorization', 'vnp_HashSecret', 'SECRET_KEY_BASE'])
      expect(isCredentialName(n), n).toBe(true);
    for (const n of ['passwordUrl', 'tokenType', 'private_key_id', 'publicKey', 'bypass', 'tokenizer', 'C06_userName', 'C06_X_Road_Client', 'partnerCode', 'keyName', 'passwordHash', 'password_min_length', 'nextPageToken', 'secretName', 'key'])
      expect(isCredentialName(n), n).toBe(false);
  });

  it('Vietnamese: mật khẩu, khóa bí mật, mã bảo mật in any spelling; a label about them is not one', () => {
    for (const k of ['MatKhau', 'DANCU_MATKHAU', 'mat-khau', 'KhoaBiMat', 'MaBaoMat']) expect(isCredentialName(k), k).toBe(true);
    expect(isCredentialName('matKhauLabel')).toBe(false);
  });
});

describe('keyword prefilter', () => {
  it('clean code triggers no detector; a keyword in any case triggers its detectors', () => {
    const clean = 'export function add(a: number, b: number): number {\n  return a + b; // Mật khẩu? không.\n}\n';
    expect(triggeredDetectors(clean)).toEqual([]);
    expect(triggeredDetectors('x = GHP_abc')).toContain('github-token');
    expect(triggeredDetectors('DB_PASSWORD=')).toEqual(expect.arrayContaining(['keyword-context', 'connection-string-password']));
    expect(triggeredDetectors('-----BEGIN RSA PRIVATE KEY-----')).toContain('pem-private-key');
  });

  it('every detector carries its metadata: unique id, family, kind, description, lower-case ASCII keywords', () => {
    const ids = new Set<string>();
    for (const d of detectorCatalog()) {
      expect(ids.has(d.id), d.id).toBe(false);
      ids.add(d.id);
      expect(d.description.length, d.id).toBeGreaterThan(10);
      expect(d.keywords.length, d.id).toBeGreaterThan(0);
      for (const k of d.keywords) expect(k, d.id).toMatch(/^[\x20-\x7e]+$/);
      for (const k of d.keywords) expect(k, d.id).toBe(k.toLowerCase());
    }
    expect(ids.size).toBeGreaterThanOrEqual(45);
  });
});

describe('engine', () => {
  it('a format detector wins over the keyword context on the same characters', () => {
    const jwt = (scanText(`token: ${'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'}.${Buffer.from('{"sub":"0"}').toString('base64url')}.c2ln\n`, 'a.yml'));
    expect(jwt.map((m) => m.detector)).toEqual(['jwt']);
  });

  it('long minified lines, keyword floods and long base64 runs stay linear', () => {
    const minified = 'var a={' + Array.from({ length: 20_000 }, (_, i) => `token${i}:t.get("password${i}"),sk-${'A'.repeat(50)}T3Blbk`).join(',') + '};';
    const flood = 'password=x;Server=db;\n'.repeat(20_000) + 'private key '.repeat(20_000) + `${'QUJD'.repeat(250_000)}://@\n`;
    const t0 = performance.now();
    expect(scanText(minified, 'app.min.js')).toEqual([]);
    expect(scanText(flood, 'notes.cfg')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
