/**
 * The account review for the Ministry: `inventory --format xlsx` read back with exceljs
 * (and its sheet XML unzipped: values, never formulas), and `--format csv` checked as
 * bytes (UTF-8 BOM, CRLF, nine fields a row, RFC 4180 quoting, formula starters
 * neutralised). Values are redacted; the declaration's new account fields are validated.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryCommand } from '../../src/cli/commands/inventory.js';
import { parseDeclaration } from '../../src/config/declaration.js';
import { buildInventory, formatInventory, type Inventory } from '../../src/inventory/index.js';
import { accountReview, REVIEW_COLUMNS } from '../../src/inventory/review.js';
import { REVIEW_SHEET, reviewXlsx } from '../../src/inventory/xlsx.js';
import { UsageError } from '../../src/util/errors.js';
import { parseCsv } from '../helpers/csv.js';
import { captureOutput } from '../helpers/output.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const URL_PASSWORD = 'Pw7xQ2zL9kVbN4';
const JWT = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"dvc"}').toString('base64url')}.Xk2Pq9Lm4Nz7Rt1Vw5Ys8Bc3Df6Gh0Jk2Lm4Np6Qr8`;

let dir: string;
let inventory: Inventory;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dg-review-'));
  cpSync(join(EXAMPLES, 'gate-approved'), dir, { recursive: true });
  const decl = join(dir, 'dancu-integration.yml');
  writeFileSync(
    decl,
    readFileSync(decl, 'utf8').replace(
      '    holder: Công an tỉnh Hưng Yên (giả lập)\n',
      [
        '    holder: Công an tỉnh Hưng Yên (giả lập)',
        '    paths: ["src/dancu/**"]',
        '    purpose: Tra cứu, xác thực thông tin công dân khi giải quyết TTHC',
        '    contractorAccess: false',
        '    status: active',
        '  - name: dvc_bao_cao',
        '    secretRef: "vault:kv/dvc/bao-cao#password"',
        '    dailyQuota: 200',
        '    holder: \'Phòng CNTT, "Trung tâm" (giả lập)\'',
        `    purpose: "=HYPERLINK(\\"x\\")\\nbáo cáo tháng, token ${JWT}"`,
        '    contractorAccess: true',
        '    status: suspended',
        '    paths: ["tools/**"]',
        '  - name: dvc_cu',
        '    secretRef: "vault:kv/dvc/cu#password"',
        '    dailyQuota: 12000',
        '',
      ].join('\n'),
    ),
  );
  const k8s = join(dir, 'k8s', 'deployment.yaml');
  writeFileSync(k8s, readFileSync(k8s, 'utf8').replace('https://lgsp.tinh-mau.gov.vn/', `https://dvc:${URL_PASSWORD}@lgsp.tinh-mau.gov.vn/`));
  inventory = (await buildInventory({ path: dir })).inventory;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectNoSecret(text: string): void {
  for (const secret of [URL_PASSWORD, JWT.split('.')[2]!, 'vault:kv/dvc']) {
    for (let i = 0; i + 6 <= secret.length; i++) expect(text, `leaks ${secret.slice(i, i + 6)}`).not.toContain(secret.slice(i, i + 6));
  }
}

describe('the review rows', () => {
  it('one per account, endpoints by the account paths, Vietnamese values', () => {
    const r = accountReview(inventory, { date: '2026-10-01' });
    expect(r.rows.map((x) => [x.stt, x.account, x.contractorAccess, x.status, x.dailyQuota])).toEqual([
      [1, 'dvc_tinh_mau', 'Không', 'Đang sử dụng', 5000],
      [2, 'dvc_bao_cao', 'Có', 'Tạm dừng', 200],
      [3, 'dvc_cu', 'Chưa khai báo', 'Chưa khai báo', 12000],
    ]);
    // dvc_tinh_mau covers src/dancu/** (the call site); dvc_cu has no paths (everything)
    expect(r.rows[0]!.endpoints).toEqual(['https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan']);
    expect(r.rows[1]!.endpoints).toEqual([]);
    expect(r.rows[2]!.endpoints).toEqual([
      'https://dvc:***@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
      'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
    ]);
    expect(r.rows[1]!.purpose).not.toContain(JWT);
    expect(r.placeDate).toBe('Hưng Yên, ngày 01 tháng 10 năm 2026');
    expect(r.dateLine).toBe('Ngày lập: 01/10/2026');
  });
});

describe('--format csv', () => {
  let bytes: Buffer;
  let rows: string[][];
  beforeAll(() => {
    bytes = Buffer.from(formatInventory(inventory, 'csv', { date: '2026-10-01' }), 'utf8');
    rows = parseCsv(bytes.subarray(3).toString('utf8'));
  });

  it('is UTF-8 with a byte-order mark and CRLF line ends, nine fields a row', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/(?<!\r)\n/g)).toBeNull(); // bare LF only inside quoted fields
    for (const r of rows) expect(r).toHaveLength(9);
  });

  it('has the title, the date, the Vietnamese header, the rows and the signature block', () => {
    expect(rows[0]![0]).toBe('DANH SÁCH TÀI KHOẢN KẾT NỐI, KHAI THÁC CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ');
    expect(rows.find((r) => r[0]!.startsWith('Ngày lập:'))![0]).toBe('Ngày lập: 01/10/2026');
    const h = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[h]).toEqual([...REVIEW_COLUMNS]);
    expect(rows[h]).toEqual([
      'STT', 'Tài khoản', 'Người/đơn vị nắm giữ', 'Hệ thống', 'Mục đích', 'Địa chỉ kết nối', 'Ngưỡng truy vấn/ngày', 'Nhà thầu có quyền truy cập', 'Trạng thái',
    ]);
    expect(rows[h + 1]).toEqual([
      '1',
      'dvc_tinh_mau',
      'Công an tỉnh Hưng Yên (giả lập)',
      'Hệ thống tra cứu thông tin công dân phục vụ giải quyết TTHC tỉnh Hưng Yên (giả lập)',
      'Tra cứu, xác thực thông tin công dân khi giải quyết TTHC',
      'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
      '5000',
      'Không',
      'Đang sử dụng',
    ]);
    // quotes and commas survive; a formula starter is neutralised; the line break stays in its cell
    expect(rows[h + 2]![2]).toBe('Phòng CNTT, "Trung tâm" (giả lập)');
    expect(rows[h + 2]![4]).toMatch(/^'=HYPERLINK\("x"\)\nbáo cáo tháng, token /);
    expect(rows[h + 3]![5]).toBe(
      'https://dvc:***@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan\nhttps://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
    );
    const tail = rows.slice(-3);
    expect(tail[0]![6]).toBe('Hưng Yên, ngày 01 tháng 10 năm 2026');
    expect([tail[1]![1], tail[1]![6]]).toEqual(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']);
    expect([tail[2]![1], tail[2]![6]]).toEqual(['(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên, đóng dấu)']);
    expectNoSecret(bytes.toString('utf8'));
  });
});

describe('--format xlsx', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await reviewXlsx(accountReview(inventory, { date: '2026-10-01' }));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it('reads back: one sheet, title, header, typed rows, signature block', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([REVIEW_SHEET]);
    const ws = wb.getWorksheet(REVIEW_SHEET)!;
    expect(ws.getCell('A1').value).toBe('DANH SÁCH TÀI KHOẢN KẾT NỐI, KHAI THÁC CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('I1').master.address).toBe('A1');
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14 });
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    let head = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'STT') head = n;
    });
    expect(values(head)).toEqual([...REVIEW_COLUMNS]);
    expect(values(head + 1)).toEqual([
      1,
      'dvc_tinh_mau',
      'Công an tỉnh Hưng Yên (giả lập)',
      'Hệ thống tra cứu thông tin công dân phục vụ giải quyết TTHC tỉnh Hưng Yên (giả lập)',
      'Tra cứu, xác thực thông tin công dân khi giải quyết TTHC',
      'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan',
      5000,
      'Không',
      'Đang sử dụng',
    ]);
    expect(ws.getRow(head + 2).getCell(8).value).toBe('Có');
    expect(ws.getRow(head + 2).getCell(9).value).toBe('Tạm dừng');
    expect(ws.getRow(head + 1).getCell(7).numFmt).toBe('#,##0');
    expect(ws.getRow(head + 1).getCell(2).border?.top?.style).toBe('thin');
    expect(ws.getRow(head).getCell(1).font).toMatchObject({ name: 'Times New Roman', bold: true });
    // a string that starts with "=" is a string, not a formula
    expect(String(ws.getRow(head + 2).getCell(5).value)).toMatch(/^=HYPERLINK\("x"\)\nbáo cáo tháng/);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['Ngày lập: 01/10/2026', 'Hưng Yên, ngày 01 tháng 10 năm 2026', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên, đóng dấu)']));
    expectNoSecret(texts.join('\n'));
    // print setup: A4 landscape, one page wide, the header row repeated
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${head}:${head}` });
  });

  it('holds values only: no formula in the sheet XML', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[\s>]/);
    const strings = await zip.file('xl/sharedStrings.xml')?.async('string');
    expectNoSecret(sheet + (strings ?? ''));
  });
});

describe('dancu-guard inventory --format xlsx|csv (command)', () => {
  const output = captureOutput();

  it('writes the workbook and the CSV, needs --output for xlsx and a real --date', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-review-out-'));
    try {
      expect(await inventoryCommand(dir, { format: 'xlsx', output: join(out, 'tk.xlsx'), date: '2026-10-01', progress: false })).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, 'tk.xlsx'));
      expect(wb.getWorksheet(REVIEW_SHEET)!.getCell('A1').value).toContain('DANH SÁCH TÀI KHOẢN');
      expect(await inventoryCommand(dir, { format: 'csv', output: join(out, 'tk.csv'), progress: false })).toBe(0);
      expect([...readFileSync(join(out, 'tk.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(output.err).toContain('inventory written to');
      await expect(inventoryCommand(dir, { format: 'xlsx', progress: false })).rejects.toThrow('--format xlsx needs --output FILE');
      await expect(inventoryCommand(dir, { format: 'csv', date: '2026-02-30', progress: false })).rejects.toBeInstanceOf(UsageError);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('declaration: account review fields', () => {
  const base = `version: 1
system: He thong (gia lap)
owner: Trung tam (gia lap)
securityLevel: 3
securityAssessment: { date: 2026-06-01, reference: "45/BC-ATTT" }
accounts:
  - name: dvc
    secretRef: "vault:kv/dvc#password"
    dailyQuota: 5000
`;
  const errorOf = (text: string) => {
    try {
      parseDeclaration(text, 'dancu-integration.yml');
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('accepts purpose, contractorAccess and status', () => {
    const d = parseDeclaration(`${base}    purpose: Tra cứu\n    contractorAccess: false\n    status: revoked\n`, 'd.yml').declaration;
    expect(d.accounts[0]).toMatchObject({ purpose: 'Tra cứu', contractorAccess: false, status: 'revoked' });
  });

  it('rejects a wrong status or a non-boolean contractorAccess, naming the line', () => {
    expect(errorOf(`${base}    status: dang dung\n`)).toContain(
      'dancu-integration.yml:10: "accounts.0.status" must be one of "active", "suspended", "revoked" (got "dang dung")',
    );
    expect(errorOf(`${base}    contractorAccess: "có"\n`)).toContain('dancu-integration.yml:10: "accounts.0.contractorAccess" must be boolean (got "có")');
    expect(errorOf(`${base}    purpose: ""\n`)).toContain('dancu-integration.yml:10: "accounts.0.purpose"');
  });
});
