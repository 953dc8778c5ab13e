import { EXAMPLES } from '../helpers/paths.js';
/**
 * The account inventory (R7): accounts from the declaration, DB endpoints, DB call
 * sites and credential sources, with values redacted, as CSV (RFC 4180), Markdown and
 * JSON.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inventoryCommand } from '../../src/cli/commands/inventory.js';
import { buildInventory, csvField, formatInventory, type Inventory } from '../../src/inventory/index.js';
import { parseCsv } from '../helpers/csv.js';

const SECRETS = ['Sup3rS3cretValue!9x', 'kq7Zt2VbW9xLm4Rp8sYc3NdF', 'FakePassword!2026', 'RmFrZVBhc3N3b3JkITIwMjY='];

describe('inventory', () => {
  it('lists accounts, endpoints, call sites (no secret anywhere)', async () => {
    const { inventory } = await buildInventory({ path: join(EXAMPLES, 'gate-approved') });
    expect(inventory).toEqual({
      version: 1,
      system: 'Hệ thống tra cứu thông tin công dân phục vụ giải quyết TTHC tỉnh Hưng Yên (giả lập)',
      owner: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên (giả lập)',
      declaration: 'dancu-integration.yml',
      province: 'tỉnh Hưng Yên',
      place: 'Hưng Yên',
      accounts: [
        { name: 'dvc_tinh_mau', secretRef: 'k8s Secret dvc/dancu-account (keys username, secretKey)', dailyQuota: 5000, holder: 'Công an tỉnh Hưng Yên (giả lập)' },
      ],
      endpoints: [
        { file: 'k8s/deployment.yaml', line: 21, key: 'DANCU_URL', url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', source: 'k8s-env' },
        // where the source code writes it (the call site below reads it from there)
        { file: 'src/dancu/config.ts', line: 4, url: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', source: 'source' },
      ],
      callSites: [
        {
          file: 'src/dancu/gateway.ts',
          line: 27,
          client: 'fetch',
          function: 'traCuuCongDan',
          target: 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
          keys: ['DANCU_URL'],
        },
      ],
      credentials: [],
    });
  });

  it('lists credential sources redacted, references marked, in every format', async () => {
    const { inventory } = await buildInventory({ path: join(EXAMPLES, 'ts-violating') });
    expect(inventory.accounts).toEqual([]);
    expect(inventory.credentials.map((c) => `${c.file}:${c.line} ${c.source} ${c.key} ${c.value}`)).toEqual([
      '.env:3 dotenv C06_API_KEY kq…dF',
      'k8s/deployment.yaml:23 k8s-env C06_SECRET_KEY Su…9x',
      'k8s/secret.yaml:9 k8s-secret C06_PASSWORD Fa…26',
      'src/config.ts:7 source C06_secretKey Su…9x',
      'src/dancu-client.ts:14 source Authorization dG…==',
    ]);
    expect(inventory.callSites.map((c) => `${c.file}:${c.line}`)).toEqual(['src/dancu-client.ts:10', 'tools/tra-cuu-hang-loat.js:14']);
    for (const format of ['csv', 'csv-detail', 'markdown', 'json'] as const) {
      const text = formatInventory(inventory, format);
      for (const s of SECRETS) expect(text, `${format} leaks ${s}`).not.toContain(s);
    }
    const csv = parseCsv(formatInventory(inventory, 'csv-detail'));
    expect(csv[0]).toEqual(['type', 'name', 'file', 'line', 'source', 'kind', 'client', 'function', 'target', 'key', 'value', 'dailyQuota', 'secretRef', 'holder']);
    expect(csv.every((r) => r.length === 14)).toBe(true);
    expect(csv.filter((r) => r[0] === 'credential')).toHaveLength(5);
    expect(csv.find((r) => r[9] === 'Authorization')?.[10]).toBe('dG…==');
  });

  it('CSV escapes commas, quotes, newlines and formula starters', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(5000)).toBe('5000');
    expect(csvField(undefined)).toBe('');
    const inv: Inventory = {
      version: 1,
      declaration: 'dancu-integration.yml',
      accounts: [{ name: 'tk, "đặc biệt"', secretRef: 'vault:kv/a\nb', dailyQuota: 10 }],
      endpoints: [],
      callSites: [],
      credentials: [],
    };
    const rows = parseCsv(formatInventory(inv, 'csv-detail'));
    expect(rows[1]!.slice(0, 3)).toEqual(['account', 'tk, "đặc biệt"', 'dancu-integration.yml']);
    expect(rows[1]![12]).toBe('vault:kv/a\nb');
    const md = formatInventory(inv, 'markdown');
    expect(md).toContain('| tk, "đặc biệt" | vault:kv/a b | 10 |  |');
    expect(JSON.parse(formatInventory(inv, 'json'))).toEqual(inv);
    expect(() => formatInventory(inv, 'xml' as never)).toThrow(/unknown inventory format/);
  });

  it('masks user-info in endpoint URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-inv-'));
    try {
      cpSync(join(EXAMPLES, 'gate-approved'), dir, { recursive: true });
      const p = join(dir, 'k8s', 'deployment.yaml');
      writeFileSync(p, readFileSync(p, 'utf8').replace('https://lgsp.tinh-mau.gov.vn/', 'https://dvc:Sup3rS3cretValue!9x@lgsp.tinh-mau.gov.vn/'));
      const { inventory } = await buildInventory({ path: dir });
      expect(inventory.endpoints[0]!.url).toBe('https://dvc:***@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan');
      expect(JSON.stringify(inventory)).not.toContain('Sup3rS3cretValue!9x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inventory never prints URL secrets', () => {
  const URL_SECRETS = ['Sup3rS3cretValueAA9x', 'Hj3kLm6nBv9cQw2e', 'Zx4cVb7nMq1wEr5t', 'Wq8eRt5yUi2oPa9s', 'kX9/Qm2+Zr7@pLw=='];
  it('token as user name, #access_token=, ?key=, &matkhau=, a password with / + = @ — in json, csv and markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-inv-url-'));
    try {
      const base = 'lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';
      writeFileSync(
        join(dir, 'client.ts'),
        [
          'export async function traCuu(id: string) {',
          `  await fetch('http://Sup3rS3cretValueAA9x@${base}');`,
          `  await fetch('https://${base}#access_token=Hj3kLm6nBv9cQw2e');`,
          `  await fetch(\`https://${base}?soDinhDanh=\${id}&matkhau=Wq8eRt5yUi2oPa9s\`);`,
          '}',
          '',
        ].join('\n'),
      );
      writeFileSync(join(dir, '.env'), `DANCU_API=https://${base}?key=Zx4cVb7nMq1wEr5t&page=1\nDANCU_URL=http://dvc:kX9/Qm2+Zr7@pLw==@${base}\n`);
      const { inventory } = await buildInventory({ path: dir });
      expect(inventory.callSites.length).toBeGreaterThanOrEqual(3);
      expect(inventory.endpoints.length).toBeGreaterThanOrEqual(2);
      for (const format of ['json', 'csv-detail', 'markdown'] as const) {
        const out = formatInventory(inventory, format);
        for (const secret of URL_SECRETS)
          for (let i = 0; i + 6 <= secret.length; i++) expect(out, `${format} leaks ${secret.slice(i, i + 6)}`).not.toContain(secret.slice(i, i + 6));
        expect(out).toContain(`http://***@${base}`);
        expect(out).toContain('access_token=***');
        expect(out).toContain('key=***&page=1');
        expect(out).toContain('matkhau=***');
        expect(out).toContain(`http://dvc:***@${base}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dancu-guard inventory (command)', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints markdown, writes csv, warns without a declaration', async () => {
    expect(await inventoryCommand(join(EXAMPLES, 'gate-approved'), { format: 'markdown', progress: false })).toBe(0);
    expect(out).toContain('## Tài khoản / Accounts (1)');
    expect(out).toContain('| dvc_tinh_mau | k8s Secret dvc/dancu-account (keys username, secretKey) | 5000 | Công an tỉnh Hưng Yên (giả lập) |');
    const file = join(mkdtempSync(join(tmpdir(), 'dg-inv-out-')), 'tai-khoan.csv');
    await inventoryCommand(join(EXAMPLES, 'ts-violating'), { format: 'csv-detail', output: file, progress: false });
    expect(readFileSync(file, 'utf8').startsWith('type,name,file,line,')).toBe(true);
    expect(err).toContain('no dancu-integration.yml');
    expect(err).toContain('0 accounts, 3 endpoints, 2 call sites, 5 credential sources');
    rmSync(file);
  });
});
