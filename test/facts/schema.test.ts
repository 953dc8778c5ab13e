/**
 * The facts schema (src/contracts/schemas/facts.json) is generated from
 * src/facts/types.ts: it must be fresh, and it must keep every constraint the
 * collect → evaluate boundary relies on (enums, patterns, minimums, lengths, required
 * keys, no unknown keys).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../../src/facts/types.js';
import { factsErrors } from '../../src/facts/validate.js';
import { REPO } from '../helpers/paths.js';

interface BuildSchemaModule {
  staleSchemas(root?: string): string[];
  SCHEMAS: Array<{ out: string }>;
}

const HASH = 'ab'.repeat(32);
const FP = `sha256:${'cd'.repeat(32)}`;

/** Every collection filled and every optional field present (synthetic values). */
const FULL: Facts = {
  version: 1,
  repo: { name: 'example-repo', binEntries: ['bin/tool.js'] },
  files: [
    { path: 'tools/lookup.py', kind: 'source', language: 'python', size: 120, tool: { kind: 'script', reason: 'shebang', line: 1 } },
    { path: 'k8s/deploy.yaml', kind: 'manifest', format: 'k8s', size: 0 },
  ],
  callSites: [
    {
      file: 'src/gateway/dancu.ts',
      line: 20,
      column: 9,
      endLine: 22,
      language: 'typescript',
      client: 'axios.post',
      callee: 'axios.post(url, body)',
      target: {
        url: 'https://lgsp.example.gov.vn/apiCSDLDanCu/',
        namespace: 'http://example.invalid/ns',
        operation: 'TraCuu',
        keys: ['DANCU_URL'],
        via: ['env-default', 'literal'],
        definedAt: { file: 'src/config.ts', line: 3, column: 7, endLine: 3 },
      },
      function: { name: 'traCuu', line: 12 },
      callsInFunction: ['axios.post', 'auditLog.write'],
      callers: [{ name: 'handler', line: 40, calls: ['traCuu'] }],
      loop: { kind: 'for', line: 18 },
      limiter: { name: 'Bottleneck', line: 5 },
      tlsVerifyDisabled: { setting: 'rejectUnauthorized: false', line: 15 },
    },
  ],
  credentials: [
    {
      file: 'src/config.ts',
      line: 3,
      column: 14,
      endLine: 3,
      source: 'source',
      kind: 'named-literal',
      key: 'C06_secretKey',
      redacted: 'Su…9x',
      length: 19,
      entropy: 3.9,
      placeholder: false,
      decoded: true,
      valueHash: HASH,
    },
  ],
  endpoints: [{ file: '.env', line: 2, column: 1, endLine: 2, key: 'DANCU_URL', url: 'https://lgsp.example.gov.vn/', source: 'dotenv' }],
  tlsSettings: [{ file: 'app.yml', line: 4, column: 3, endLine: 4, setting: 'verify: false', language: 'java', format: 'spring' }],
  diagnostics: [{ file: 'broken.json', line: 1, column: 2, kind: 'parse-error', message: 'Unexpected token' }],
  suppressions: [{ file: 'src/a.ts', line: 9, targets: ['DG-LOG-001'], reason: 'audited upstream' }],
  exceptions: [{ file: '.dancu-guard.yml', line: 5, rule: 'logging', paths: ['legacy/**'], reason: 'migration', expires: '2026-12-31', expired: false }],
  gate: {
    deployDate: '2026-12-01',
    requiredWorkingDays: 10,
    declaration: {
      file: 'dancu-integration.yml',
      present: true,
      system: 'He thong mau',
      owner: 'Don vi mau',
      noticesLine: 12,
      securityLevel: { value: 3, line: 5 },
      securityAssessment: { date: '2026-06-01', reference: '45/BC', validUntil: '2027-06-01', line: 6 },
    },
    accounts: [{ name: 'acc', dailyQuota: 5000, paths: ['src/**'], line: 8 }],
    notices: [
      {
        reference: '123/CV',
        line: 13,
        submitted: '2026-10-01',
        goLive: '2026-11-30',
        fingerprint: FP,
        approved: { reference: '456/TCT', date: '2026-10-20', line: 15 },
        workingDays: 40,
        weekdaysOnly: 42,
        earliestGoLive: '2026-10-16',
        holidaysSkipped: [{ date: '2026-11-20', name: 'synthetic day off' }],
      },
    ],
    fingerprint: { current: FP, files: ['src/gateway/dancu.ts'] },
    lock: { file: 'dancu-integration.lock.json', present: true, fingerprint: FP, changed: [{ path: 'src/a.ts', change: 'modified' }] },
    limiters: [{ file: 'src/limit.ts', line: 3, column: 1, endLine: 3, library: 'Bottleneck', perDay: 5000, detail: 'reservoir 5000 every 86400000 ms' }],
    approvals: {
      trustKeys: [HASH],
      allowUnsigned: false,
      directory: '.dancu-guard/approvals',
      repository: 'owner/name',
      attestations: [
        {
          file: '.dancu-guard/approvals/a.json',
          status: 'valid',
          keyid: HASH,
          keyids: [HASH],
          problem: { code: 'none', detail: 'synthetic' },
          statement: {
            fingerprint: FP,
            repository: 'owner/name',
            notice: { reference: '123/CV', submitted: '2026-10-01', goLive: '2026-11-30' },
            approval: { reference: '456/TCT', date: '2026-10-20' },
            approver: 'synthetic approver',
          },
        },
      ],
    },
  },
};

/** FULL with the value at `path` replaced (or removed, for undefined). */
function withValue(path: Array<string | number>, value: unknown): unknown {
  const doc = structuredClone(FULL) as unknown as Record<string | number, unknown>;
  let parent = doc;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return doc;
}

describe('facts schema', () => {
  it('is fresh: generating it from src/facts/types.ts gives the committed file', async () => {
    const mod = (await import(pathToFileURL(join(REPO, 'scripts', 'build-schema.mjs')).href)) as BuildSchemaModule;
    expect(mod.SCHEMAS.map((s) => s.out)).toContain('src/contracts/schemas/facts.json');
    expect(mod.staleSchemas(REPO)).toEqual([]);
  });

  it('accepts a document with every optional field, and empty facts', () => {
    expect(factsErrors(FULL)).toEqual([]);
    expect(factsErrors(emptyFacts({ name: 'r', binEntries: [] }))).toEqual([]);
    expect(factsErrors(withValue(['files', 0, 'path'], 'a/../b'))).toEqual([]);
    expect(factsErrors(withValue(['gate', 'notices', 0, 'workingDays'], -3))).toEqual([]); // no minimum
    expect(factsErrors(withValue(['callSites', 0, 'callee'], 'x'.repeat(400)))).toEqual([]);
    expect(factsErrors(withValue(['gate'], undefined))).toEqual([]);
  });

  const rejected: Array<[string, Array<string | number>, unknown]> = [
    ['another version', ['version'], 2],
    ['an unknown top-level key', ['verdicts'], []],
    ['a missing collection', ['suppressions'], undefined],
    ['an unknown repo key', ['repo', 'root'], '/home/x'],
    ['an empty path', ['files', 0, 'path'], ''],
    ['an absolute path', ['files', 0, 'path'], '/etc/passwd'],
    ['a path climbing out', ['files', 0, 'path'], '../up.ts'],
    ['a backslash path', ['files', 0, 'path'], 'src\\a.ts'],
    ['a negative size', ['files', 0, 'size'], -1],
    ['a fractional size', ['files', 0, 'size'], 1.5],
    ['an unknown file kind', ['files', 0, 'kind'], 'binary'],
    ['an unknown language', ['files', 0, 'language'], 'ruby'],
    ['an unknown tool kind', ['files', 0, 'tool', 'kind'], 'daemon'],
    ['line 0', ['callSites', 0, 'line'], 0],
    ['column 0', ['callSites', 0, 'column'], 0],
    ['endLine 0', ['callSites', 0, 'endLine'], 0],
    ['an empty client', ['callSites', 0, 'client'], ''],
    ['a callee over 400 characters', ['callSites', 0, 'callee'], 'x'.repeat(401)],
    ['an unknown resolution step', ['callSites', 0, 'target', 'via'], ['guess']],
    ['a target without via', ['callSites', 0, 'target', 'via'], undefined],
    ['an unknown target key', ['callSites', 0, 'target', 'host'], 'x'],
    ['an unknown definedAt key', ['callSites', 0, 'target', 'definedAt', 'text'], 'x'],
    ['a definedAt line 0', ['callSites', 0, 'target', 'definedAt', 'line'], 0],
    ['an unknown function key', ['callSites', 0, 'function', 'file'], 'x'],
    ['a caller without calls', ['callSites', 0, 'callers', 0, 'calls'], undefined],
    ['a loop at line 0', ['callSites', 0, 'loop', 'line'], 0],
    ['an unknown call-site key', ['callSites', 0, 'verdict'], 'ok'],
    ['a redacted value over 8 characters', ['credentials', 0, 'redacted'], 'Sup3rS3cr'],
    ['a value hash that is not sha256 hex', ['credentials', 0, 'valueHash'], 'AB'.repeat(32)],
    ['a negative entropy', ['credentials', 0, 'entropy'], -0.1],
    ['a negative length', ['credentials', 0, 'length'], -1],
    ['an unknown credential source', ['credentials', 0, 'source'], 'vault'],
    ['an unknown credential kind', ['credentials', 0, 'kind'], 'password'],
    ['a clear value on a credential', ['credentials', 0, 'value'], 'secret'],
    ['an endpoint without url', ['endpoints', 0, 'url'], undefined],
    ['an unknown config format', ['tlsSettings', 0, 'format'], 'toml'],
    ['an unknown diagnostic kind', ['diagnostics', 0, 'kind'], 'oops'],
    ['an endLine on a diagnostic', ['diagnostics', 0, 'endLine'], 2],
    ['an empty suppression reason', ['suppressions', 0, 'reason'], ''],
    ['an expiry that is not YYYY-MM-DD', ['exceptions', 0, 'expires'], '2026-1-1'],
    ['a deploy date that is not YYYY-MM-DD', ['gate', 'deployDate'], '01/12/2026'],
    ['negative required working days', ['gate', 'requiredWorkingDays'], -1],
    ['a fractional security level', ['gate', 'declaration', 'securityLevel', 'value'], 2.5],
    ['a notice fingerprint that is not sha256:hex', ['gate', 'notices', 0, 'fingerprint'], HASH],
    ['fractional working days', ['gate', 'notices', 0, 'workingDays'], 1.5],
    ['an unknown lock change', ['gate', 'lock', 'changed', 0, 'change'], 'renamed'],
    ['a negative daily capacity', ['gate', 'limiters', 0, 'perDay'], -1],
    ['an absolute fingerprinted file', ['gate', 'fingerprint', 'files', 0], '/src/a.ts'],
    ['an account without quota', ['gate', 'accounts', 0, 'dailyQuota'], undefined],
    ['a trust key that is not 64 hex digits', ['gate', 'approvals', 'trustKeys', 0], 'abc'],
    ['an empty repository name', ['gate', 'approvals', 'repository'], ''],
    ['an unknown attestation status', ['gate', 'approvals', 'attestations', 0, 'status'], 'expired'],
    ['an approval date that is not YYYY-MM-DD', ['gate', 'approvals', 'attestations', 0, 'statement', 'approval', 'date'], '20/10/2026'],
    ['gate facts without approvals', ['gate', 'approvals'], undefined],
  ];
  it.each(rejected)('rejects %s', (_what, path, value) => {
    expect(factsErrors(withValue(path, value))).not.toEqual([]);
  });
});
