/**
 * `dancu-guard notice --format docx`: the file is opened with real readers — unzipped
 * (jszip) to read `word/document.xml` and `word/styles.xml` (page size, margins, fonts,
 * the two-column letterhead table), and read by mammoth for its text — never compared
 * with what the code meant to write. Also: the unit named the current way, a merged
 * province resolved with a notice, an unknown one refused with its line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { noticeCommand } from '../../src/cli/commands/notice.js';
import { draftNotice } from '../../src/gate/notice.js';
import { noticeDocx } from '../../src/gate/notice-docx.js';
import { UsageError } from '../../src/util/errors.js';
import { captureOutput } from '../helpers/output.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A copy of examples/gate-changed whose declaration has `province` (and optionally more) replaced. */
function exampleWith(province: string, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-notice-docx-'));
  temps.push(dir);
  cpSync(join(EXAMPLES, 'gate-changed'), dir, { recursive: true });
  const file = join(dir, 'dancu-integration.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^province: .*$/m, `province: ${province}${extra}`));
  return dir;
}

const TWIPS_PER_MM = 1440 / 25.4;
const attr = (xml: string, tag: string, name: string): number => {
  const m = new RegExp(`<${tag}\\b[^>]*\\sw:${name}="(\\d+)"`).exec(xml);
  if (!m) throw new Error(`no ${tag} w:${name}`);
  return Number(m[1]);
};
/** The text of a WordprocessingML fragment (all w:t runs). */
const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function openDocx(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const { value: text } = await mammoth.extractRawText({ buffer: bytes });
  return { zip, document, styles, text };
}

describe('the .docx notice', () => {
  let doc: Awaited<ReturnType<typeof openDocx>>;
  let bytes: Buffer;

  it('is a Word document in the Nghị định 30/2020 layout', async () => {
    const draft = await draftNotice({ path: join(EXAMPLES, 'gate-changed'), submitted: '2026-02-09', goLive: '2026-02-24' });
    bytes = await noticeDocx(draft.letter);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    doc = await openDocx(bytes);
    expect(Object.keys(doc.zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));

    // A4 portrait, margins within the decree's ranges
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc.document)![0];
    expect(attr(sect, 'w:pgSz', 'w') / TWIPS_PER_MM).toBeCloseTo(210, 0);
    expect(attr(sect, 'w:pgSz', 'h') / TWIPS_PER_MM).toBeCloseTo(297, 0);
    const margin = (side: string) => attr(sect, 'w:pgMar', side) / TWIPS_PER_MM;
    expect(margin('top')).toBeGreaterThanOrEqual(20);
    expect(margin('top')).toBeLessThanOrEqual(25);
    expect(margin('bottom')).toBeGreaterThanOrEqual(20);
    expect(margin('bottom')).toBeLessThanOrEqual(25);
    expect(margin('left')).toBeGreaterThanOrEqual(30);
    expect(margin('left')).toBeLessThanOrEqual(35);
    expect(margin('right')).toBeGreaterThanOrEqual(15);
    expect(margin('right')).toBeLessThanOrEqual(20);

    // Times New Roman 14 by default; every run in Times New Roman (code in Courier New), 11–14 pt
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(doc.styles)![0];
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    expect(attr(defaults, 'w:sz', 'val')).toBe(28);
    const fonts = new Set([...doc.document.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(['Courier New', 'Times New Roman']);
    const sizes = [...doc.document.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(14);
  });

  it('opens with the two-column letterhead: issuing body left, national motto right', () => {
    const body = doc.document.slice(doc.document.indexOf('<w:body>'));
    expect(body.startsWith('<w:body><w:tbl>')).toBe(true);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)![0];
    expect(table).toMatch(/<w:tblBorders><w:top w:val="none"/);
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    const [left, right] = cells.map(textOf);
    expect(left).toBe(
      'UBND TỈNH HƯNG YÊNTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH HƯNG YÊN (GIẢ LẬP)Số: ……/……V/v thông báo thay đổi hệ thống, ứng dụng, mã nguồn kết nốiCơ sở dữ liệu quốc gia về dân cư',
    );
    expect(right).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúcHưng Yên, ngày 09 tháng 02 năm 2026');
    // the issuing body and the motto in bold, the date line in italics, rules under both
    const runOf = (cell: string, text: string) => [...cell.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => textOf(`<x>${r}</x>`) === text)!;
    expect(runOf(cells[0]!, 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH HƯNG YÊN (GIẢ LẬP)')).toContain('<w:b/>');
    expect(runOf(cells[0]!, 'UBND TỈNH HƯNG YÊN')).not.toContain('<w:b/>');
    expect(runOf(cells[1]!, 'Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(runOf(cells[1]!, 'Hưng Yên, ngày 09 tháng 02 năm 2026')).toContain('<w:i/>');
    for (const c of cells) expect(c).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('reads as the letter: Kính gửi the current bodies, body, tables, Nơi nhận and signature', () => {
    const t = doc.text;
    const order = [
      'Kính gửi:',
      'Tổ Công tác triển khai Đề án 06 tỉnh Hưng Yên (qua đầu mối Công an tỉnh Hưng Yên);',
      'Sở Khoa học và Công nghệ tỉnh Hưng Yên.',
      '1. Thông tin hệ thống',
      'src/dancu/gateway.ts',
      'Sửa đổi',
      '3. Tài khoản kết nối CSDLQG về dân cư',
      'dvc_tinh_mau',
      '5.000',
      'Nơi nhận:',
      '- Như trên;',
      '- UBND tỉnh Hưng Yên (để báo cáo);',
      '- Lưu: VT, ….',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '(Ký, ghi rõ họ tên và đóng dấu)',
      'GHI CHÚ CHO NGƯỜI SOẠN THẢO',
      'chỉ cách ngày gửi 5 ngày làm việc (cần 10)',
    ];
    let at = -1;
    for (const s of order) {
      const i = t.indexOf(s, at + 1);
      expect(i, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
    expect(t).not.toMatch(/Thông tin và Truyền thông|TT&TT|secretRef|dancu-account/);
    // the notes start on a page of their own
    expect(doc.document).toMatch(/<w:br w:type="page"\/>[\s\S]*GHI CHÚ CHO NGƯỜI SOẠN THẢO/);
  });
});

describe('the unit, named the current way', () => {
  it('a centrally-run city is "thành phố", never "tỉnh"', async () => {
    for (const province of ['Hà Nội', 'thành phố Hà Nội', 'Ha Noi']) {
      const d = await draftNotice({ path: exampleWith(province), submitted: '2026-10-01' });
      expect(d.markdown, province).toContain('UBND THÀNH PHỐ HÀ NỘI');
      expect(d.markdown).toContain('*Hà Nội, ngày 01 tháng 10 năm 2026*');
      expect(d.markdown).toContain('- Tổ Công tác triển khai Đề án 06 thành phố Hà Nội (qua đầu mối Công an thành phố Hà Nội);');
      expect(d.markdown).toContain('- Sở Khoa học và Công nghệ thành phố Hà Nội.');
      expect(d.markdown).not.toMatch(/tỉnh Hà Nội|tỉnh thành phố|TỈNH HÀ NỘI/);
    }
    const hcm = await draftNotice({ path: exampleWith('TP. Hồ Chí Minh'), submitted: '2026-10-01' });
    expect(hcm.markdown).toContain('Công an thành phố Hồ Chí Minh');
    expect(hcm.markdown).toContain('*Thành phố Hồ Chí Minh, ngày 01 tháng 10 năm 2026*');
    expect(hcm.markdown).not.toMatch(/tỉnh thành phố|tỉnh Hồ Chí Minh|tỉnh TP/);
    const text = (await mammoth.extractRawText({ buffer: await noticeDocx(hcm.letter) })).value;
    expect(text).toContain('UBND THÀNH PHỐ HỒ CHÍ MINH');
    expect(text).toContain('Công an thành phố Hồ Chí Minh');
  });

  it('a merged province is addressed to its current unit, with a note and a notice on stderr', async () => {
    const d = await draftNotice({ path: exampleWith('Bà Rịa - Vũng Tàu'), submitted: '2026-10-01' });
    expect(d.province).toMatchObject({ via: 'merged', unit: { name: 'Hồ Chí Minh' } });
    expect(d.markdown).toContain('- Tổ Công tác triển khai Đề án 06 thành phố Hồ Chí Minh');
    expect(d.markdown).not.toContain('tỉnh Bà Rịa - Vũng Tàu (qua');
    expect(d.markdown).toContain('> - "Bà Rịa - Vũng Tàu": tỉnh Bà Rịa - Vũng Tàu đã được sắp xếp vào thành phố Hồ Chí Minh từ ngày 01/7/2025');
    const thaiBinh = await draftNotice({ path: exampleWith('Thái Bình'), submitted: '2026-10-01' });
    expect(thaiBinh.markdown).toContain('UBND TỈNH HƯNG YÊN');
  });

  it('an unknown name stops the command, naming the line', async () => {
    const err = await draftNotice({ path: exampleWith('Mẫu'), submitted: '2026-10-01' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('dancu-integration.yml:6: "province" "Mẫu" is not a provincial-level unit');
  });

  it('the letter block sets symbol, signer, addressees and copies', async () => {
    const letter = `
letter:
  symbol: TTPVHCC-CNTT
  addressees: ["Tổ Công tác triển khai Đề án 06 tỉnh Hưng Yên"]
  copies: ["Sở Khoa học và Công nghệ tỉnh Hưng Yên (để biết);"]
  signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn A" }`;
    const d = await draftNotice({ path: exampleWith('Hưng Yên', letter), submitted: '2026-10-01' });
    const text = (await mammoth.extractRawText({ buffer: await noticeDocx(d.letter) })).value;
    expect(text).toContain('Số: ……/TTPVHCC-CNTT');
    expect(text).toMatch(/Kính gửi:\s*- Tổ Công tác triển khai Đề án 06 tỉnh Hưng Yên\n/);
    expect(text).not.toContain('Tổ An ninh mạng');
    expect(text).toContain('- Sở Khoa học và Công nghệ tỉnh Hưng Yên (để biết);');
    expect(text.indexOf('KT. GIÁM ĐỐC')).toBeLessThan(text.indexOf('PHÓ GIÁM ĐỐC'));
    expect(text.indexOf('PHÓ GIÁM ĐỐC')).toBeLessThan(text.indexOf('Nguyễn Văn A'));
  });
});

describe('dancu-guard notice --format docx (command)', () => {
  const output = captureOutput();

  it('writes the .docx, reports a merged province, and needs --output', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dg-notice-docx-out-')), 'thong-bao.docx');
    temps.push(out);
    expect(await noticeCommand(exampleWith('Bà Rịa - Vũng Tàu'), { format: 'docx', output: out, submitted: '2026-10-01', progress: false })).toBe(0);
    const { text } = await openDocx(readFileSync(out));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(output.err).toContain('province "Bà Rịa - Vũng Tàu" was merged into thành phố Hồ Chí Minh on 2025-07-01 (Nghị quyết 202/2025/QH15)');
    expect(output.err).toContain(`notice drafted to ${out} (.docx`);
    await expect(noticeCommand(join(EXAMPLES, 'gate-changed'), { format: 'docx', progress: false })).rejects.toThrow('--format docx needs --output FILE');
  });
});
