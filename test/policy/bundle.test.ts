import { REPO } from '../helpers/paths.js';
import { pathToFileURL } from 'node:url';
/**
 * The committed policy bundle (policies/bundle): fresh with respect to its sources,
 * complete rule metadata, and the WebAssembly evaluating synthetic facts exactly as
 * the Rego tests expect. Runs with Node alone (no OPA needed).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import type { CallSiteFact, CredentialFact, Facts } from '../../src/facts/types.js';
import { CATEGORIES, SEVERITIES } from '../../src/findings/types.js';
import { defaultSettings, PACKAGE_ROOT, type Settings } from '../../src/policy/settings.js';

const BUNDLE = join(PACKAGE_ROOT, 'policies', 'bundle');
const ENTRYPOINT = 'dancu/main/findings';

interface SourcesHashModule {
  policySourcesHash(root?: string): string;
  recordedPolicySourcesHash(root?: string): string | undefined;
  policySourceFiles(root?: string): string[];
}

interface RuleMeta {
  id: string;
  title: { en: string; vi: string };
  severity: string;
  category: string;
  basis: string[];
  basisKeys: string[];
  remediation: { en: string; vi: string };
  package: string;
}

/** The deny-object contract every rule returns. */
interface PolicyFinding {
  rule: string;
  file: string;
  line: number;
  column?: number;
  message: { en: string; vi: string };
  value?: string;
  key?: string;
  match: string;
}

const rules = JSON.parse(readFileSync(join(BUNDLE, 'rules.json'), 'utf8')) as Record<string, RuleMeta>;
const basis = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'policies', 'data', 'basis.json'), 'utf8')) as Record<string, string[]>;

describe('policy bundle freshness', () => {
  it('was built from the current sources', async () => {
    // Plain .mjs shared with scripts/build-policies.mjs; imported by URL so the
    // type checker does not need a declaration file for it.
    const moduleUrl = pathToFileURL(join(REPO, 'scripts', 'policy-sources-hash.mjs')).href;
    const hashes = (await import(moduleUrl)) as SourcesHashModule;
    const files = hashes.policySourceFiles(PACKAGE_ROOT);
    expect(files).toContain('policies/main/main.rego');
    expect(files).toContain('policies/data/basis.json');
    expect(files.some((f) => f.endsWith('_test.rego'))).toBe(false);

    const recorded = hashes.recordedPolicySourcesHash(PACKAGE_ROOT);
    const current = hashes.policySourcesHash(PACKAGE_ROOT);
    expect(
      recorded,
      'policies/bundle is stale: the Rego sources, basis.json or OPA_VERSION changed since the last build. Run `npm run build:policies` and commit policies/bundle.',
    ).toBe(current);
  });
});

describe('rule metadata (rules.json)', () => {
  const ids = Object.keys(rules);

  it('lists the shipped rules, sorted by id', () => {
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual([
      'DG-CFG-001',
      'DG-CFG-002',
      'DG-CFG-003',
      'DG-CFG-004',
      'DG-CFG-005',
      'DG-CRED-001',
      'DG-CRED-002',
      'DG-CRED-003',
      'DG-CRED-004',
      'DG-CRED-005',
      'DG-CRED-006',
      'DG-GATE-001',
      'DG-GATE-002',
      'DG-GATE-003',
      'DG-GATE-004',
      'DG-GATE-005',
      'DG-GATE-006',
      'DG-GATE-007',
      'DG-GATE-008',
      'DG-GATE-009',
      'DG-GATE-010',
      'DG-GATE-011',
      'DG-GATE-012',
      'DG-GATE-013',
      'DG-LOG-001',
      'DG-LOG-002',
      'DG-QUOTA-001',
      'DG-SECRET-001',
      'DG-TLS-001',
      'DG-TLS-002',
      'DG-TOOL-001',
      'DG-TOOL-002',
      'DG-TOOL-003',
    ]);
  });

  it.each(ids)('%s is complete and valid', (id) => {
    const r = rules[id]!;
    expect(r.id).toBe(id);
    expect(SEVERITIES).toContain(r.severity);
    expect(CATEGORIES).toContain(r.category);
    expect(r.title.en.trim()).not.toBe('');
    expect(r.title.vi.trim()).not.toBe('');
    expect(r.remediation.en.trim()).not.toBe('');
    expect(r.remediation.vi.trim()).not.toBe('');
    expect(r.package).toMatch(/^dancu\.[a-z_]+$/);
    if (r.category !== 'config') expect(r.basisKeys.length).toBeGreaterThan(0);
    // basis is exactly the resolution of basisKeys through basis.json
    expect(r.basis).toEqual([...new Set(r.basisKeys.flatMap((k) => basis[k] ?? []))]);
    expect(r.basis.length).toBeGreaterThanOrEqual(r.basisKeys.length);
    for (const b of r.basis) expect(b).toMatch(/\d+\/\d{4}|\d+\/[A-ZĐ]/); // names a numbered document
  });

  it('Vietnamese texts carry diacritics', () => {
    for (const r of Object.values(rules)) {
      expect(`${r.title.vi} ${r.remediation.vi}`).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
    }
  });
});

// ---------------------------------------------------------------------------
// WebAssembly evaluation of synthetic facts (no real IDs, names or secrets).

const SECRET = 'Sup3rS3cretValue!9x';
const HASH = '0'.repeat(64);
const DB_URL = 'https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';

function callSite(over: Partial<CallSiteFact>): CallSiteFact {
  return {
    file: 'src/gateway/dancu.ts',
    line: 20,
    column: 9,
    language: 'typescript',
    client: 'axios.post',
    callee: 'axios.post(url, body)',
    target: { url: DB_URL, via: ['constant'] },
    function: { name: 'traCuuCongDan', line: 12 },
    callsInFunction: ['axios.post', 'auditLog.write'],
    callers: [],
    ...over,
  };
}

function credential(over: Partial<CredentialFact>): CredentialFact {
  return {
    file: 'src/config.ts',
    line: 3,
    column: 14,
    source: 'source',
    kind: 'named-literal',
    key: 'C06_secretKey',
    redacted: 'Su…9x',
    length: SECRET.length,
    entropy: 3.9,
    placeholder: false,
    valueHash: HASH,
    ...over,
  };
}

function facts(over: Partial<Facts>): Facts {
  return {
    version: 1,
    repo: { name: 'example-repo', binEntries: [] },
    files: [],
    callSites: [],
    credentials: [],
    endpoints: [],
    tlsSettings: [],
    diagnostics: [],
    suppressions: [],
    exceptions: [],
    ...over,
  };
}

/** One fact (or pair) per rule, plus negatives that must produce nothing. */
const violating = facts({
  diagnostics: [
    { file: 'k8s/broken.yaml', line: 3, kind: 'parse-error', message: 'bad indentation' }, // DG-CFG-001
    { file: 'tools/lookup.cs', line: 1, kind: 'skipped-encoding', message: 'not valid UTF-8' }, // DG-CFG-004
    { file: 'src/generated.ts', line: 1, kind: 'not-analysed', message: 'analysis stopped after 30 s (the per-file time limit): only the plain-text checks ran' }, // DG-CFG-005
  ],
  suppressions: [{ file: 'src/config.ts', line: 2, targets: ['DG-CRED-001'] }], // DG-CFG-002 (no reason)
  exceptions: [{ file: '.dancu-guard.yml', line: 4, rule: 'DG-CRED-003', paths: ['k8s/**'], reason: 'dev', expires: '2026-01-01', expired: true }], // DG-CFG-003
  weakenings: [{ kind: 'approved-tool', file: '.dancu-guard.yml', line: 9, what: 'approvedTools: **' }], // DG-CFG-005
  files: [
    { path: 'tools/tra_cuu_hang_loat.py', kind: 'source', language: 'python', size: 100, tool: { kind: 'script', reason: 'shebang', line: 1 } },
    { path: 'scripts/portal.js', kind: 'source', language: 'javascript', size: 100, tool: { kind: 'browser-automation', reason: 'imports puppeteer', line: 2 } },
    { path: 'tools/approved_report.py', kind: 'source', language: 'python', size: 100, tool: { kind: 'script', reason: 'shebang', line: 1 } },
  ],
  callSites: [
    // compliant gateway call: no finding
    callSite({}),
    // DG-TOOL-001 (+ DG-LOG-001: tools do not log either)
    callSite({ file: 'tools/tra_cuu_hang_loat.py', line: 14, column: 5, language: 'python', client: 'requests.post', function: { name: 'main', line: 10 }, callsInFunction: ['requests.post'] }),
    // approved tool: nothing
    callSite({ file: 'tools/approved_report.py', line: 7, language: 'python', client: 'requests.post' }),
    // DG-TOOL-003 + DG-LOG-001 (logging only in a caller is accepted: see below) + DG-QUOTA-001 + DG-TLS-001 (URL masked) + DG-TLS-002
    callSite({
      file: 'src/controllers/hoso.ts',
      line: 42,
      column: 11,
      target: { url: `http://u:${SECRET}@lgsp.example.gov.vn/dancu/TraCuuThongTinCongDan?apiKey=${SECRET}`, via: ['literal'] },
      function: { name: 'xuLyHoSo', line: 30 },
      callsInFunction: ['axios.post', 'catalog.get'],
      loop: { kind: 'for', line: 38 },
      tlsVerifyDisabled: { setting: 'rejectUnauthorized: false', line: 35 },
    }),
    // in a loop, logged by its caller, rate limited: nothing
    callSite({
      file: 'src/gateway/bulk.ts',
      line: 60,
      target: { namespace: 'http://dancuquocgia.bca', operation: 'CungCapThongTinHoGiaDinh', via: [] },
      callsInFunction: ['soapClient.call'],
      callers: [{ name: 'handle', line: 80, calls: ['lichSuTraCuu.ghi'] }],
      loop: { kind: 'forEach', line: 58 },
      limiter: { name: 'Bottleneck', line: 55 },
    }),
    // DG-TOOL-002 (browser automation referencing the DB portal; a portal is not a lookup: no DG-LOG-001)
    callSite({ file: 'scripts/portal.js', line: 12, client: 'page.goto', target: { url: 'https://dichvucong.dancuquocgia.gov.vn/', via: ['literal'] }, callsInFunction: ['page.goto', 'console.log'] }),
    // not a DB call: nothing, even without logging and in a loop over plain HTTP
    callSite({ file: 'src/weather.ts', target: { url: 'http://api.example.com/weather', via: ['literal'] }, callsInFunction: [], loop: { kind: 'while', line: 3 } }),
  ],
  credentials: [
    credential({}), // DG-CRED-001
    credential({ file: '.env', line: 2, column: 1, source: 'dotenv', key: 'C06_userPassword' }), // DG-CRED-002
    credential({ file: 'k8s/secret.yaml', line: 9, column: 3, source: 'k8s-secret', key: 'CSDLDanCu_Token', decoded: true }), // DG-CRED-003
    credential({ file: 'docs/setup.md', line: 30, column: 1, source: 'text', kind: 'jwt', key: undefined, redacted: 'ey…J9' }), // DG-CRED-004
    credential({ file: 'appsettings.json', line: 5, column: 20, source: 'appsettings', kind: 'connection-string', key: 'ConnectionStrings.DanCu', redacted: 'Se…;' }), // DG-CRED-005
    credential({ file: 'docker-compose.yml', line: 7, column: 25, source: 'compose-env', key: 'POSTGRES_PASSWORD', shape: 'default', redacted: 'po…es' }), // DG-CRED-006
    credential({ file: '.env', line: 3, source: 'dotenv', placeholder: true, key: 'C06_apiKey', redacted: '${…}' }), // placeholder: nothing
    credential({ file: '.env', line: 4, source: 'dotenv', kind: 'high-entropy', key: 'APP_TITLE' }), // high entropy under a name that is not sensitive: nothing
  ],
  endpoints: [
    { file: 'deploy/values.yaml', line: 12, column: 10, key: 'dancu.baseUrl', url: 'http://lgsp.example.gov.vn/dancu', source: 'helm-values' }, // DG-TLS-001
    { file: 'deploy/values.yaml', line: 13, key: 'weather.url', url: 'http://api.example.com/', source: 'helm-values' }, // not the DB
  ],
  tlsSettings: [
    { file: 'src/controllers/hoso.ts', line: 35, column: 7, setting: 'rejectUnauthorized: false', language: 'typescript' }, // same place as the call site's: one DG-TLS-002
    { file: 'app/client.py', line: 12, setting: 'verify=False', language: 'python' }, // DG-TLS-002
  ],
  officerFields: [
    { file: 'src/controllers/hoso.ts', line: 40, column: 9, language: 'typescript', field: 'MaCanBo', source: 'config', keys: ['DANCU_MA_CAN_BO'] }, // DG-LOG-002
    { file: 'src/controllers/hoso.ts', line: 41, language: 'typescript', field: 'MaCanBo', source: 'user' }, // the signed-in user: nothing
  ],
  markings: [
    { file: 'templates/van-ban.html', line: 3, column: 5, marking: 'TỐI MẬT', kind: 'stamp', context: 'template' }, // DG-SECRET-001
  ],
});
// JSON has no undefined: drop the key the DG-CRED-004 fact does not have.
const violatingInput = JSON.parse(JSON.stringify(violating)) as Facts;

const sortFindings = (fs: PolicyFinding[]) =>
  [...fs].sort((a, b) => (a.file + a.line + a.rule < b.file + b.line + b.rule ? -1 : 1));

describe('policy.wasm evaluation', () => {
  let policy: LoadedPolicy;
  let settings: Settings;

  beforeAll(async () => {
    policy = await loadPolicy(readFileSync(join(BUNDLE, 'policy.wasm')));
    settings = defaultSettings();
    settings.approvedModules = ['src/gateway/**'];
    settings.approvedTools = ['tools/approved_*.py'];
    policy.setData({ settings });
  });

  function evaluate(input: unknown): PolicyFinding[] {
    const out = policy.evaluate(input, ENTRYPOINT) as Array<{ result: PolicyFinding[] }>;
    expect(out).toHaveLength(1);
    return sortFindings(out[0]!.result);
  }

  it('exposes the dancu/main/findings entrypoint', () => {
    expect(Object.keys(policy.entrypoints as Record<string, number>)).toContain(ENTRYPOINT);
  });

  it('exposes the gate entrypoints, which judge only gate facts', () => {
    const entrypoints = Object.keys(policy.entrypoints as Record<string, number>);
    expect(entrypoints).toContain('dancu/gate/findings');
    expect(entrypoints).toContain('dancu/gate/surface');
    // no gate facts: the gate reports nothing, even on violating facts
    const out = policy.evaluate(violatingInput, 'dancu/gate/findings') as Array<{ result: PolicyFinding[] }>;
    expect(out[0]!.result).toEqual([]);
    // and the scan's entrypoint ignores gate facts
    const withGate = { ...facts({ callSites: [callSite({})] }), gate: { deployDate: '2026-12-01' } };
    expect(evaluate(withGate)).toEqual([]);
  });

  it('finds exactly the expected violations', () => {
    const found = evaluate(violatingInput);
    expect(found.map((f) => [f.rule, f.file, f.line, f.column ?? null])).toEqual(
      sortFindings([
        { rule: 'DG-CRED-001', file: 'src/config.ts', line: 3, column: 14 },
        { rule: 'DG-CRED-002', file: '.env', line: 2, column: 1 },
        { rule: 'DG-CRED-003', file: 'k8s/secret.yaml', line: 9, column: 3 },
        { rule: 'DG-CRED-004', file: 'docs/setup.md', line: 30, column: 1 },
        { rule: 'DG-CRED-005', file: 'appsettings.json', line: 5, column: 20 },
        { rule: 'DG-CRED-006', file: 'docker-compose.yml', line: 7, column: 25 },
        { rule: 'DG-TOOL-001', file: 'tools/tra_cuu_hang_loat.py', line: 14, column: 5 },
        { rule: 'DG-LOG-001', file: 'tools/tra_cuu_hang_loat.py', line: 14, column: 5 },
        { rule: 'DG-TOOL-002', file: 'scripts/portal.js', line: 2 },
        { rule: 'DG-TOOL-003', file: 'src/controllers/hoso.ts', line: 42, column: 11 },
        { rule: 'DG-LOG-001', file: 'src/controllers/hoso.ts', line: 42, column: 11 },
        { rule: 'DG-QUOTA-001', file: 'src/controllers/hoso.ts', line: 42, column: 11 },
        { rule: 'DG-TLS-001', file: 'src/controllers/hoso.ts', line: 42, column: 11 },
        { rule: 'DG-TLS-002', file: 'src/controllers/hoso.ts', line: 35, column: 7 },
        { rule: 'DG-LOG-002', file: 'src/controllers/hoso.ts', line: 40, column: 9 },
        { rule: 'DG-SECRET-001', file: 'templates/van-ban.html', line: 3, column: 5 },
        { rule: 'DG-TLS-001', file: 'deploy/values.yaml', line: 12, column: 10 },
        { rule: 'DG-TLS-002', file: 'app/client.py', line: 12 },
        { rule: 'DG-CFG-001', file: 'k8s/broken.yaml', line: 3 },
        { rule: 'DG-CFG-002', file: 'src/config.ts', line: 2 },
        { rule: 'DG-CFG-003', file: '.dancu-guard.yml', line: 4 },
        { rule: 'DG-CFG-004', file: 'tools/lookup.cs', line: 1 },
        { rule: 'DG-CFG-005', file: '.dancu-guard.yml', line: 9 },
        { rule: 'DG-CFG-004', file: 'src/generated.ts', line: 1 },
      ] as PolicyFinding[]).map((f) => [f.rule, f.file, f.line, f.column ?? null]),
    );
    // every shipped scan rule fires on these facts, and nothing unknown does (the gate's
    // rules, package dancu.gate, have their own entrypoint: see below)
    const scanRules = Object.keys(rules).filter((id) => rules[id]!.package !== 'dancu.gate');
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(scanRules));
  });

  it('builds the documented deny objects', () => {
    const found = evaluate(violatingInput);
    const one = (rule: string, file: string) => found.find((f) => f.rule === rule && f.file === file);

    expect(one('DG-CRED-001', 'src/config.ts')).toEqual({
      rule: 'DG-CRED-001',
      file: 'src/config.ts',
      line: 3,
      column: 14,
      key: 'C06_secretKey',
      value: 'Su…9x',
      match: "C06_secretKey|named-literal|Su…9x",
      message: {
        en: 'Hardcoded credential in source code: "C06_secretKey" (value Su…9x). Anyone who can read this repository, contractors included, can read it.',
        vi: 'Thông tin xác thực ghi cứng trong mã nguồn: "C06_secretKey" (giá trị Su…9x). Bất kỳ ai đọc được kho mã này, kể cả nhà thầu, đều đọc được giá trị này.',
      },
    });
    expect(one('DG-CRED-004', 'docs/setup.md')).toEqual({
      rule: 'DG-CRED-004',
      file: 'docs/setup.md',
      line: 30,
      column: 1,
      value: 'ey…J9',
      match: "|jwt|ey…J9",
      message: {
        en: 'JSON Web Token (JWT) committed in text: value ey…J9.',
        vi: 'JSON Web Token (JWT) bị đưa vào văn bản: giá trị ey…J9.',
      },
    });
    expect(one('DG-TOOL-002', 'scripts/portal.js')).toEqual({
      rule: 'DG-TOOL-002',
      file: 'scripts/portal.js',
      line: 2,
      match: 'browser-automation|imports puppeteer',
      message: {
        en: "Browser automation (imports puppeteer) drives the population database: https://dichvucong.dancuquocgia.gov.vn/. Scripting the DB's web portals is a self-made lookup tool.",
        vi: 'Tự động hóa trình duyệt (imports puppeteer) truy cập CSDLQG về dân cư: https://dichvucong.dancuquocgia.gov.vn/. Dùng tập lệnh điều khiển cổng web của CSDL là tự phát triển công cụ tra cứu, bị nghiêm cấm.',
      },
    });
    const maskedUrl = 'http://***@lgsp.example.gov.vn/dancu/TraCuuThongTinCongDan?…';
    expect(found.filter((f) => f.rule === 'DG-QUOTA-001')).toEqual([
      {
        rule: 'DG-QUOTA-001',
        file: 'src/controllers/hoso.ts',
        line: 42,
        column: 11,
        match: `axios.post|${maskedUrl}|xuLyHoSo`,
        message: {
          en: `Population-DB call axios.post → ${maskedUrl} in xuLyHoSo runs inside a for loop (line 38) with no rate limiter: a bulk loop can exceed the registered daily query quota and get the province's account locked.`,
          vi: `Lời gọi CSDLQG về dân cư axios.post → ${maskedUrl} trong xuLyHoSo nằm trong vòng lặp for (dòng 38) mà không có bộ giới hạn tần suất: tra cứu hàng loạt có thể vượt ngưỡng truy vấn hàng ngày đã đăng ký và làm khóa tài khoản của tỉnh.`,
        },
      },
    ]);
    expect(one('DG-TLS-002', 'src/controllers/hoso.ts')?.message.en).toBe(
      `TLS certificate verification disabled (rejectUnauthorized: false) for population-DB call axios.post → ${maskedUrl} in xuLyHoSo: the connection can be intercepted.`,
    );
    expect(one('DG-TLS-002', 'app/client.py')?.message.vi).toBe(
      'Tắt kiểm tra chứng thư số TLS (verify=False): các kết nối dùng thiết lập này có thể bị nghe lén, giả mạo.',
    );
    expect(one('DG-TOOL-003', 'src/controllers/hoso.ts')?.message.en).toBe(
      `Population-DB lookup outside the audited gateway: axios.post → ${maskedUrl} in xuLyHoSo; this file is not under approvedModules (src/gateway/**).`,
    );
  });

  it('never lets a clear secret out', () => {
    const text = JSON.stringify(evaluate(violatingInput));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Sup3r');
  });

  it('reports nothing for compliant facts or a repo-only chunk', () => {
    expect(evaluate(facts({ callSites: [callSite({})] }))).toEqual([]);
    expect(evaluate({ repo: { name: 'example-repo', binEntries: [] } })).toEqual([]);
  });

  it('takes user endpoint patterns from data.settings at run time', () => {
    const custom = callSite({ target: { url: 'https://c06.internal.example/api/lookup', via: ['env-default'] }, callsInFunction: [] });
    expect(evaluate(facts({ callSites: [custom] }))).toEqual([]);
    policy.setData({ settings: { ...settings, endpointPatterns: [...settings.endpointPatterns, '^https://c06\\.internal\\.example/'] } });
    try {
      expect(evaluate(facts({ callSites: [custom] })).map((f) => f.rule)).toEqual(['DG-LOG-001']);
    } finally {
      policy.setData({ settings });
    }
  });
});

// ---------------------------------------------------------------------------
// The gate's entrypoints (dancu/gate/findings, dancu/gate/surface).

describe('policy.wasm gate evaluation', () => {
  let policy: LoadedPolicy;

  beforeAll(async () => {
    policy = await loadPolicy(readFileSync(join(BUNDLE, 'policy.wasm')));
    policy.setData({ settings: defaultSettings() });
  });

  const FP = `sha256:${'1'.repeat(64)}`;
  const FP2 = `sha256:${'2'.repeat(64)}`;
  const notice = (over: Record<string, unknown>) => ({
    reference: '101/STTTT-CNTT',
    line: 14,
    submitted: '2026-10-01',
    goLive: '2026-11-30',
    fingerprint: FP,
    approved: { reference: '55/TCT-DA06', date: '2026-10-20', line: 17 },
    workingDays: 41,
    weekdaysOnly: 41,
    earliestGoLive: '2026-10-16',
    holidaysSkipped: [],
    ...over,
  });
  const gate = (over: Record<string, unknown>) => ({
    deployDate: '2026-12-01',
    requiredWorkingDays: 10,
    declaration: {
      file: 'dancu-integration.yml',
      present: true,
      noticesLine: 13,
      securityLevel: { value: 3, line: 4 },
      securityAssessment: { date: '2026-06-01', reference: '12/BC-ATTT', validUntil: '2027-06-01', line: 5 },
    },
    accounts: [{ name: 'dvc_tinh_mau', dailyQuota: 5000, line: 8 }],
    notices: [notice({})],
    fingerprint: { current: FP, files: ['src/dancu/gateway.ts'] },
    lock: { file: 'dancu-integration.lock.json', present: true, fingerprint: FP, changed: [] },
    limiters: [],
    // the province accepts declared approvals here (signed approvals: test/gate/attest*.test.ts)
    approvals: { trustKeys: [], allowUnsigned: true, directory: 'dancu-approvals', attestations: [] },
    ...over,
  });
  const run = (input: unknown) =>
    sortFindings((policy.evaluate(input, 'dancu/gate/findings') as Array<{ result: PolicyFinding[] }>)[0]!.result);
  const rulesOf = (fs: PolicyFinding[]) => fs.map((f) => f.rule).sort();

  it('passes a declared, notified, approved integration', () => {
    expect(run(facts({ gate: gate({}) } as Partial<Facts>))).toEqual([]);
  });

  it('fires every gate rule, each where the evidence is', () => {
    expect(rulesOf(run(facts({ gate: gate({ declaration: { file: 'dancu-integration.yml', present: false } }) } as Partial<Facts>)))).toEqual(['DG-GATE-001']);
    expect(
      rulesOf(run(facts({ gate: gate({ fingerprint: { current: FP2, files: ['a.ts'] }, lock: { file: 'dancu-integration.lock.json', present: false, changed: [] } }) } as Partial<Facts>))),
    ).toEqual(['DG-GATE-002']);
    const bad = gate({
      deployDate: '2027-07-01',
      declaration: {
        file: 'dancu-integration.yml',
        present: true,
        securityLevel: { value: 2, line: 4 },
        securityAssessment: { date: '2026-06-01', reference: '12/BC-ATTT', validUntil: '2027-06-01', line: 5 },
      },
      notices: [{ ...notice({ goLive: '2027-08-01', workingDays: 5, weekdaysOnly: 10 }), approved: undefined }],
      limiters: [{ file: 'src/dancu/gateway.ts', line: 6, library: 'Bottleneck', perDay: 246858, detail: 'minTime 350 ms' }],
    });
    const found = run(
      JSON.parse(
        JSON.stringify(
          facts({
            gate: bad,
            credentials: [credential({ file: 'k8s/secret.yaml', line: 9, source: 'k8s-secret', key: 'C06_PASSWORD' })],
          } as Partial<Facts>),
        ),
      ),
    );
    expect(found.map((f) => [f.rule, f.file, f.line])).toEqual(
      sortFindings([
        { rule: 'DG-GATE-003', file: 'dancu-integration.yml', line: 14 },
        { rule: 'DG-GATE-004', file: 'dancu-integration.yml', line: 14 },
        { rule: 'DG-GATE-005', file: 'dancu-integration.yml', line: 14 },
        { rule: 'DG-GATE-007', file: 'dancu-integration.yml', line: 4 },
        { rule: 'DG-GATE-008', file: 'dancu-integration.yml', line: 5 },
        { rule: 'DG-GATE-009', file: 'src/dancu/gateway.ts', line: 6 },
        { rule: 'DG-GATE-010', file: 'k8s/secret.yaml', line: 9 },
      ] as PolicyFinding[]).map((f) => [f.rule, f.file, f.line]),
    );
    expect(JSON.stringify(found)).not.toContain(SECRET);
    const late = gate({ notices: [notice({ approved: { reference: '55/TCT-DA06', date: '2026-12-05', line: 17 } })] });
    expect(rulesOf(run(facts({ gate: late } as Partial<Facts>)))).toEqual(['DG-GATE-006']);
  });

  it('lists the integration surface as the policies decide it', () => {
    const out = policy.evaluate(violatingInput, 'dancu/gate/surface') as Array<{
      result: { callSites: CallSiteFact[]; endpoints: Array<{ file: string; key?: string }>; credentials: CredentialFact[] };
    }>;
    const s = out[0]!.result;
    // the portal navigation is not a DB lookup (tiers: lib.rego)
    expect([...new Set(s.callSites.map((c) => c.file))].sort()).toEqual([
      'src/controllers/hoso.ts',
      'src/gateway/bulk.ts',
      'src/gateway/dancu.ts',
      'tools/approved_report.py',
      'tools/tra_cuu_hang_loat.py',
    ]);
    expect(s.endpoints.map((e) => e.key)).toEqual(['dancu.baseUrl']);
    expect(s.credentials.map((c) => c.key ?? c.kind).sort()).toEqual(
      ['C06_apiKey', 'C06_secretKey', 'C06_userPassword', 'CSDLDanCu_Token', 'ConnectionStrings.DanCu', 'POSTGRES_PASSWORD', 'jwt'].sort(),
    );
  });
});
