/**
 * The account review (`review.ts`) as an Excel workbook, with exceljs: one sheet
 * "Tài khoản", A4 landscape fitted to one page wide, Times New Roman; the title and
 * subtitle merged across the nine columns; a bordered table whose header row repeats on
 * every printed page; endpoints one per line in their cell; the daily quota a number;
 * the signature block ("Người lập biểu", "Thủ trưởng đơn vị") under the table. Every
 * value is written as a plain value (strings stay strings: no formula is ever created).
 */
import ExcelJS from 'exceljs';
import { REVIEW_COLUMNS, reviewCells, type AccountReview } from './review.js';

const FONT = 'Times New Roman';
const WIDTHS = [6, 22, 26, 30, 28, 46, 14, 16, 16];
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const REVIEW_SHEET = 'Tài khoản';

/**
 * A row height that shows every wrapped line (spreadsheet programs do not always grow a
 * row for wrapped text written by a library): the most lines any cell needs, at about
 * one character per unit of column width, 15.75 points a line.
 */
function rowHeight(cells: ReadonlyArray<string | number>): number {
  let lines = 1;
  cells.forEach((v, i) => {
    const width = WIDTHS[i] ?? 10;
    const n = String(v)
      .split('\n')
      .reduce((a, part) => a + Math.max(1, Math.ceil([...part].length / Math.max(1, width - 2))), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, 15.75 * lines + 3);
}

/** The review as .xlsx bytes. */
export async function reviewXlsx(r: AccountReview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dancu-guard';
  wb.title = r.title;
  const ws = wb.addWorksheet(REVIEW_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    views: [{ state: 'frozen', ySplit: 0 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = REVIEW_COLUMNS.length;

  const merged = (text: string, opts: { bold?: boolean; italic?: boolean; size?: number; align?: 'center' | 'left' } = {}) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    const cell = row.getCell(1);
    cell.font = { name: FONT, size: opts.size ?? 12, bold: opts.bold ?? false, italic: opts.italic ?? false };
    cell.alignment = { horizontal: opts.align ?? 'center', vertical: 'middle', wrapText: true };
    return row;
  };

  merged(r.title, { bold: true, size: 14 });
  merged(r.subtitle, { italic: true });
  if (r.unit) merged(r.unit);
  merged(r.dateLine);
  ws.addRow([]);

  const head = ws.addRow([...REVIEW_COLUMNS]);
  head.height = 36;
  head.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
  });
  ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
  ws.views = [{ state: 'frozen', ySplit: head.number }];

  for (const row of r.rows) {
    const added = ws.addRow(reviewCells(row));
    added.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: FONT, size: 12 };
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 1 || col >= 8 ? 'center' : col === 7 ? 'right' : 'left' };
    });
    added.getCell(7).numFmt = '#,##0';
    added.height = rowHeight(reviewCells(row));
  }
  if (r.empty) merged(r.empty, { italic: true, align: 'left' });

  ws.addRow([]);
  const sign = (cells: Array<[number, number, string]>, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([]);
    for (const [from, to, text] of cells) {
      if (to > from) ws.mergeCells(row.number, from, row.number, to);
      const cell = row.getCell(from);
      cell.value = text;
      cell.font = { name: FONT, size: 12, ...font };
      cell.alignment = { horizontal: 'center' };
    }
  };
  sign([[6, 9, r.placeDate]], { italic: true });
  sign(
    [
      [1, 4, r.signers[0]!.role],
      [6, 9, r.signers[1]!.role],
    ],
    { bold: true },
  );
  sign(
    [
      [1, 4, r.signers[0]!.note],
      [6, 9, r.signers[1]!.note],
    ],
    { italic: true },
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
