/**
 * The notice (`dancu-guard notice --format docx`) as a Word document in the layout of
 * Nghị định 30/2020/NĐ-CP (Phụ lục I), built with the `docx` package from the same
 * letter data as the Markdown draft (`NoticeLetter`, `notice.ts`):
 *
 * - A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman,
 *   body 14 pt, justified, first line indented 1.27 cm, 6 pt after each paragraph;
 * - a borderless two-column header table: on the left the superior body (capitals,
 *   regular), the issuing body (capitals, bold) with a short rule under it, "Số: …/…"
 *   and the "V/v …" subject; on the right "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 *   (capitals, bold), "Độc lập - Tự do - Hạnh phúc" (bold) with a rule under it, and
 *   the place and date line (italic);
 * - "Kính gửi:", the body with its tables, then a borderless two-column table: "Nơi
 *   nhận:" (bold italic 12 pt, recipients 11 pt) on the left, the signature block
 *   (authority, position in bold capitals, signature note, name in bold) on the right;
 * - page numbers at the top centre from page 2; the drafter's notes on a last page of
 *   their own, to delete before signing.
 *
 * A pure function of the letter (the document's creation time aside).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import type { Inline, NoticeBlock, NoticeLetter } from './notice.js';

const FONT = 'Times New Roman';
const CODE_FONT = 'Courier New';
/** Half-points. */
const PT = (n: number) => n * 2;
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** A4 in twips (210 × 297 mm). */
const A4 = { width: 11906, height: 16838 } as const;
/** Millimetres to twips, never below the figure (a margin of 15 mm is at least 15 mm). */
const mm = (n: number) => Math.ceil((n * 1440) / 25.4);
/** Text width in twips: 210 − 30 − 15 = 165 mm. */
const TEXT_WIDTH = A4.width - mm(MARGIN.left) - mm(MARGIN.right);
const LEFT_COL = Math.round(TEXT_WIDTH * 0.38);
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;
const FIRST_LINE = 720; // 1.27 cm

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: PT(style.size ?? 14), bold: style.bold ?? false, italics: style.italics ?? false });
}

function runs(parts: readonly Inline[], style: RunStyle = {}): TextRun[] {
  return parts.map((p) =>
    typeof p === 'string'
      ? run(p, style)
      : new TextRun({ text: p.code, font: CODE_FONT, size: PT(Math.max(10, (style.size ?? 14) - 2)), bold: style.bold ?? false }),
  );
}

function hasCode(parts: readonly Inline[]): boolean {
  return parts.some((p) => typeof p !== 'string');
}

function centred(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 264 }, children });
}

/** An empty paragraph whose bottom border is a centred rule `width` twips long, in a column `column` twips wide. */
function rule(column: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 60, line: 120 },
    indent: { left: side, right: side },
    border: { bottom: THIN },
    children: [],
  });
}

/** A borderless table of one row: `left` in the narrower column, `right` in the wider (letterhead, closing). */
function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: CELL_NO_BORDERS, verticalAlign: VerticalAlign.TOP });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, LEFT_COL), cell(right, RIGHT_COL)] })],
  });
}

function headerTable(l: NoticeLetter): Table {
  const left: Paragraph[] = [];
  if (l.parent) left.push(centred([run(l.parent.toLocaleUpperCase('vi'), { size: 13 })]));
  left.push(centred([run(l.issuer.toLocaleUpperCase('vi'), { size: 13, bold: true })]));
  left.push(rule(LEFT_COL, Math.round(LEFT_COL / 3)));
  left.push(centred([run(l.number, { size: 13 })], 60));
  for (const s of l.subject) left.push(centred([run(s, { size: 12 })]));

  const right: Paragraph[] = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true })]),
    rule(RIGHT_COL, Math.round(RIGHT_COL * 0.55)),
    centred([run(`${l.place}, ${l.date}`, { size: 14, italics: true })], 0),
  ];
  return twoColumns(left, right);
}

function bodyParagraph(children: ParagraphChild[], opts: { indent?: boolean; justify?: boolean } = {}): Paragraph {
  return new Paragraph({
    // Justified, except where a long unbreakable code fragment would stretch the spaces.
    alignment: opts.justify === false ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: 120, line: 300 },
    indent: opts.indent === false ? {} : { firstLine: FIRST_LINE },
    children,
  });
}

function dataTable(b: Extract<NoticeBlock, { kind: 'table' }>): Table {
  const n = b.head.length;
  // STT narrow, the rest shares the width.
  const widths: number[] = b.head.map((_, i) => (i === 0 && b.head[0] === 'STT' ? 800 : 0));
  const rest = TEXT_WIDTH - widths.reduce((a, w) => a + w, 0);
  const flexible = widths.filter((w) => w === 0).length;
  const cols = widths.map((w) => (w === 0 ? Math.floor(rest / flexible) : w));
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  const cell = (children: TextRun[], i: number, head: boolean) =>
    new TableCell({
      width: { size: cols[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : b.align[i] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 0, after: 0, line: 260 },
          children,
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: b.head.map((h, i) => cell([run(h, { size: 13, bold: true })], i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: Array.from({ length: n }, (_, i) => cell(runs(r[i] ?? [], { size: 13 }), i, false)) })),
    ],
  });
}

function closingTable(l: NoticeLetter): Table {
  const left: Paragraph[] = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
    ...l.copies.map((c) => new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run(`- ${c}`, { size: 11 })] })),
  ];
  const right: Paragraph[] = [];
  if (l.signer.authority) right.push(centred([run(l.signer.authority.toLocaleUpperCase('vi'), { size: 14, bold: true })]));
  right.push(centred([run(l.signer.position.toLocaleUpperCase('vi'), { size: 14, bold: true })]));
  right.push(centred([run(l.signer.note, { size: 13, italics: true })]));
  for (let i = 0; i < 4; i++) right.push(centred([run('')]));
  right.push(centred([run(l.signer.name ?? '……………………', { size: 14, bold: true })]));
  return twoColumns(left, right);
}

/** The notice as a .docx file (bytes). */
export async function noticeDocx(l: NoticeLetter): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [headerTable(l)];
  children.push(new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }));
  // "Kính gửi:" and the first addressee on one line, the others aligned under it.
  l.addressees.forEach((a, i) => {
    children.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { before: i === 0 ? 120 : 0, after: 60 },
        indent: i === 0 ? { left: mm(52), hanging: mm(24) } : { left: mm(52) },
        tabStops: [{ type: TabStopType.LEFT, position: mm(52) }],
        children: i === 0 ? [run('Kính gửi:'), new TextRun({ children: [new Tab()], font: FONT }), run(`- ${a}`)] : [run(`- ${a}`)],
      }),
    );
  });
  children.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }));
  for (const b of l.body) {
    if (b.kind === 'heading') children.push(bodyParagraph([run(b.text, { bold: true })]));
    else if (b.kind === 'para') children.push(bodyParagraph(runs(b.text), { justify: !hasCode(b.text) }));
    else if (b.kind === 'bullet') children.push(bodyParagraph([run('- '), ...runs(b.text)], { justify: !hasCode(b.text) }));
    else {
      children.push(dataTable(b));
      children.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
    }
  }
  children.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }));
  children.push(closingTable(l));
  if (l.notes.length > 0) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(bodyParagraph([run('GHI CHÚ CHO NGƯỜI SOẠN THẢO (xóa trang này trước khi ban hành)', { bold: true })], { indent: false }));
    for (const n of l.notes) children.push(bodyParagraph([run('- ', { size: 13 }), ...runs(n, { size: 13 })], { justify: false }));
  }

  const doc = new Document({
    creator: 'dancu-guard',
    title: `${l.subject.join(' ')}`,
    description: 'Dự thảo văn bản thông báo (dancu-guard notice)',
    styles: {
      default: {
        document: { run: { font: FONT, size: PT(14) }, paragraph: { spacing: { line: 276 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mm(MARGIN.top),
              bottom: mm(MARGIN.bottom),
              left: mm(MARGIN.left),
              right: mm(MARGIN.right),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
