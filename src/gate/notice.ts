/**
 * `dancu-guard notice`: a draft of the written notice (R5) to the provincial Đề án 06
 * working group, in Markdown, in the form of a Vietnamese administrative letter
 * (Nghị định 30/2020/NĐ-CP: issuing body, national motto, number and "V/v" subject,
 * place and date, "Kính gửi", body, recipients, signature). It lists the system, its
 * owner, the integration files changed since the last approved fingerprint (from the
 * lock file), the accounts (names and daily quotas only — never where their secrets
 * live), and the planned and the earliest legal go-live (submitted + 10 working days,
 * with the holidays skipped). A reviewer completes the number, signature and a
 * description of the change; notes for the drafter come last, to delete.
 */
import { loadConfig } from '../config/load.js';
import type { NoticeExplanation } from './calendar.js';
import { UsageError } from '../util/errors.js';
import { analyzeIntegration, checkDateOption, gateCalendar, todayInVietnam, type IntegrationAnalysis } from './integration.js';
import { placeName, provinceChangeNote, unitName, unitNameUpper, type ResolvedProvince } from './provinces.js';
import { LOCK_FILE_NAME } from './surface.js';

export interface NoticeOptions {
  path: string;
  configPath?: string;
  declarationPath?: string;
  /** Date the notice is sent, `YYYY-MM-DD` (default: today in Vietnam). */
  submitted?: string;
  /** Planned go-live (default: the earliest legal date). */
  goLive?: string;
  onProgress?: (status: string) => void;
}

export interface NoticeDraft {
  markdown: string;
  /** The letter as data (rendered as Markdown above, or as .docx by `notice-docx.ts`). */
  letter: NoticeLetter;
  /** The declaration's `province`, resolved (for a notice that it was merged). */
  province?: ResolvedProvince;
  submitted: string;
  goLive: string;
  earliestGoLive: string;
  /** The planned go-live leaves at least 10 working days. */
  sufficient: boolean;
  fingerprint: string;
  analysis: IntegrationAnalysis;
}

const REQUIRED = 10;

/** `dd/mm/yyyy` */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "ngày 09 tháng 02 năm 2026" (Nghị định 30/2020: day < 10 and months 1, 2 take a leading zero). */
export function viLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** 5000 → "5.000" */
export function viNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const CHANGE_VI = { added: 'Thêm mới', modified: 'Sửa đổi', removed: 'Xóa bỏ' } as const;

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export async function draftNotice(opts: NoticeOptions): Promise<NoticeDraft> {
  const submitted = opts.submitted ? checkDateOption(opts.submitted, '--submitted') : todayInVietnam();
  if (opts.goLive) checkDateOption(opts.goLive, '--go-live');
  const analysis = await analyzeIntegration({
    path: opts.path,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    ...(opts.declarationPath ? { declarationPath: opts.declarationPath } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const loaded = analysis.declaration;
  if (!loaded) {
    throw UsageError.of('notice.noDeclaration', { root: analysis.root });
  }
  const d = loaded.declaration;
  const calendar = gateCalendar(loadConfig(analysis.root, opts.configPath), analysis.root);
  const earliestGoLive = calendar.earliestGoLive(submitted, REQUIRED);
  const goLive = opts.goLive ?? earliestGoLive;
  if (goLive < submitted) throw UsageError.of('notice.goLiveBeforeSubmitted', { goLive, submitted });
  const legal: NoticeExplanation = calendar.explain(submitted, earliestGoLive, REQUIRED);
  const planned: NoticeExplanation = calendar.explain(submitted, goLive, REQUIRED);

  const approvedNotices = (d.notices ?? []).filter((n) => n.approved).sort((a, b) => (a.approved!.date < b.approved!.date ? 1 : -1));
  const lastApproved = approvedNotices[0];
  const current = analysis.fingerprint.fingerprint;
  const resolved = loaded.province;
  const unit = resolved ? unitName(resolved.unit) : 'tỉnh/thành phố …';
  const owner = d.owner;
  const letterOpts = d.letter ?? {};
  const notes: Inline[][] = [];
  if (resolved) {
    const note = provinceChangeNote(resolved);
    if (note) notes.push([note]);
  } else {
    notes.push(['Tệp khai báo không có "province": điền tên tỉnh, thành phố vào nơi nhận, địa danh và cơ quan chủ quản (hoặc khai báo "province").']);
  }

  const body: NoticeBlock[] = [];
  const para = (...text: Inline[]) => body.push({ kind: 'para', text });
  const bullet = (...text: Inline[]) => body.push({ kind: 'bullet', text });
  const heading = (text: string) => body.push({ kind: 'heading', text });

  para(
    `Thực hiện yêu cầu báo cáo bằng văn bản tối thiểu ${REQUIRED} ngày làm việc trước thời điểm dự kiến khai thác, sử dụng khi triển khai hệ thống mới hoặc có sự thay đổi về hệ thống, ứng dụng, mã nguồn và chức năng phần mềm phục vụ kết nối Cơ sở dữ liệu quốc gia về dân cư, và không tự ý kết nối, khai thác khi chưa có sự đồng ý bằng văn bản của Tổ Công tác Đề án 06 của ${unit}, ${owner} thông báo như sau:`,
  );

  heading('1. Thông tin hệ thống');
  bullet(`Tên hệ thống: ${d.system}.`);
  bullet(`Đơn vị chủ quản: ${owner}.`);
  bullet(`Cấp độ an toàn hệ thống thông tin: cấp độ ${d.securityLevel}.`);
  bullet(`Kết quả kiểm tra, đánh giá an toàn thông tin gần nhất: văn bản ${d.securityAssessment.reference} ngày ${viDate(d.securityAssessment.date)}.`);

  heading('2. Nội dung thay đổi');
  bullet('Mô tả: …(nội dung, chức năng thay đổi; lý do)….');
  if (lastApproved) {
    bullet(
      `Lần được chấp thuận gần nhất: thông báo ${lastApproved.reference} ngày ${viDate(lastApproved.submitted)}, văn bản chấp thuận ${lastApproved.approved!.reference} ngày ${viDate(lastApproved.approved!.date)}.`,
    );
  } else {
    bullet('Hệ thống chưa có thông báo nào được chấp thuận: đề nghị xem xét như hệ thống mới.');
  }
  const lock = analysis.lock;
  if (lock) {
    if (lastApproved && lock.fingerprint !== lastApproved.fingerprint) {
      notes.push([
        `Tệp khóa ${LOCK_FILE_NAME} (${lock.fingerprint}) không khớp mã vân tay của thông báo được chấp thuận gần nhất ${lastApproved.reference} (${lastApproved.fingerprint}): danh sách tệp thay đổi được so với tệp khóa. Chạy `,
        { code: 'dancu-guard fingerprint --write' },
        ' mỗi khi thông báo được chấp thuận.',
      ]);
    }
    if (analysis.changes.length > 0) {
      bullet('Các tệp mã nguồn, cấu hình kết nối CSDLQG về dân cư thay đổi so với lần được chấp thuận:');
      body.push({
        kind: 'table',
        head: ['STT', 'Tệp', 'Thay đổi'],
        align: ['right', 'left', 'left'],
        rows: analysis.changes.map((c, i) => [[String(i + 1)], [{ code: c.path }], [CHANGE_VI[c.change]]]),
      });
    } else {
      bullet('Mã nguồn, cấu hình kết nối CSDLQG về dân cư không thay đổi so với tệp khóa (lần được chấp thuận).');
      notes.push(['Không có tệp nào thay đổi so với tệp khóa: kiểm tra xem có thực sự cần thông báo mới không.']);
    }
  } else {
    bullet('Các tệp mã nguồn, cấu hình thuộc phần kết nối CSDLQG về dân cư:');
    body.push({
      kind: 'table',
      head: ['STT', 'Tệp'],
      align: ['right', 'left'],
      rows: analysis.fingerprint.files.map((f, i) => [[String(i + 1)], [{ code: f.path }]]),
    });
    notes.push([
      `Chưa có tệp khóa ${LOCK_FILE_NAME}: không xác định được tệp nào thay đổi, đã liệt kê toàn bộ phần kết nối. Chạy `,
      { code: 'dancu-guard fingerprint --write' },
      ' khi thông báo được chấp thuận.',
    ]);
  }
  bullet('Mã vân tay phần kết nối sau thay đổi (', { code: 'dancu-guard fingerprint' }, '): ', { code: current }, '.');
  if (lastApproved) bullet('Mã vân tay đã được chấp thuận: ', { code: lastApproved.fingerprint }, '.');

  heading('3. Tài khoản kết nối CSDLQG về dân cư');
  body.push({
    kind: 'table',
    head: ['STT', 'Tài khoản', 'Ngưỡng truy vấn hàng ngày đã đăng ký'],
    align: ['right', 'left', 'right'],
    rows: d.accounts.map((a, i) => [[String(i + 1)], [a.name], [viNumber(a.dailyQuota)]]),
  });

  heading('4. Thời gian dự kiến đưa vào sử dụng');
  bullet(`Ngày gửi thông báo: ${viDate(submitted)}.`);
  bullet(`Ngày dự kiến đưa vào sử dụng: ${viDate(goLive)}.`);
  const skipped = legal.holidaysSkipped.map((h) => `${viDate(h.date)} (${h.name})`);
  bullet(
    `Ngày sớm nhất được đưa vào sử dụng theo quy định (đủ ${REQUIRED} ngày làm việc, tính từ ngày sau ngày nhận văn bản, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết): ${viDate(earliestGoLive)}` +
      (skipped.length > 0 ? `; các ngày nghỉ không tính: ${skipped.join(', ')}.` : '.'),
  );
  if (!planned.sufficient) {
    notes.push([
      `Ngày dự kiến ${viDate(goLive)} chỉ cách ngày gửi ${planned.workingDays} ngày làm việc (cần ${REQUIRED}): lùi đến ${viDate(earliestGoLive)} hoặc muộn hơn, nếu không cổng kiểm soát sẽ chặn (DG-GATE-003).`,
    ]);
  }
  if (lastApproved && lastApproved.fingerprint === current) {
    notes.push([`Mã vân tay hiện tại đã được chấp thuận trong thông báo ${lastApproved.reference}: không cần thông báo mới nếu không có thay đổi khác.`]);
  }

  heading('5. Cam kết');
  para(
    `${owner} cam kết: không tự ý kết nối, khai thác khi chưa có văn bản đồng ý của Tổ Công tác Đề án 06 của ${unit}; không sử dụng phần mềm cá nhân hoặc tự nghiên cứu, phát triển công cụ để tra cứu, khai thác dữ liệu; không cung cấp tài khoản, mật khẩu kết nối cho nhà thầu; ghi nhật ký đầy đủ việc tra cứu của từng cán bộ; không vượt ngưỡng truy vấn hàng ngày đã đăng ký; không sử dụng hệ thống để soạn thảo, lưu trữ, truyền gửi nội dung chứa bí mật nhà nước.`,
  );
  para(
    `Kính đề nghị Tổ Công tác xem xét, phối hợp với đơn vị nghiệp vụ kiểm tra an ninh, an toàn thông tin và có ý kiến bằng văn bản trước ngày ${viDate(goLive)}./.`,
  );
  notes.unshift([
    `Khi được chấp thuận, thêm thông báo vào ${loaded.file} (reference, submitted, approved, goLive, fingerprint `,
    { code: current },
    ') và chạy ',
    { code: 'dancu-guard fingerprint --write' },
    '.',
  ]);

  const letter: NoticeLetter = {
    ...(letterOpts.parent ? { parent: letterOpts.parent } : resolved ? { parent: `UBND ${unitNameUpper(resolved.unit)}` } : {}),
    issuer: letterOpts.issuer ?? owner,
    number: `Số: ……/${letterOpts.symbol ?? '……'}`,
    subject: ['V/v thông báo thay đổi hệ thống, ứng dụng, mã nguồn kết nối', 'Cơ sở dữ liệu quốc gia về dân cư'],
    place: resolved ? placeName(resolved.unit) : '…',
    date: viLongDate(submitted),
    addressees: letterOpts.addressees ?? defaultAddressees(unit),
    body,
    copies: ['Như trên;', ...(letterOpts.copies ?? [resolved ? `UBND ${unit} (để báo cáo);` : 'UBND tỉnh/thành phố … (để báo cáo);']), 'Lưu: VT, ….'],
    signer: {
      ...(letterOpts.signer?.authority ? { authority: letterOpts.signer.authority } : {}),
      position: letterOpts.signer?.position ?? 'THỦ TRƯỞNG ĐƠN VỊ',
      note: '(Ký, ghi rõ họ tên và đóng dấu)',
      ...(letterOpts.signer?.name ? { name: letterOpts.signer.name } : {}),
    },
    notes,
  };

  return {
    markdown: noticeMarkdown(letter),
    letter,
    submitted,
    goLive,
    earliestGoLive,
    sufficient: planned.sufficient,
    fingerprint: current,
    analysis,
    ...(resolved ? { province: resolved } : {}),
  };
}

/**
 * The recipients a notice goes to by default, per the bodies in place since 2025: the
 * provincial Đề án 06 working group (through the police, its focal point), the police's
 * cybersecurity unit, and the Sở Khoa học và Công nghệ (which took over the Sở Thông tin
 * và Truyền thông). Override with `letter.addressees` in the declaration.
 */
export function defaultAddressees(unit: string): string[] {
  return [
    `Tổ Công tác triển khai Đề án 06 ${unit} (qua đầu mối Công an ${unit});`,
    `Tổ An ninh mạng, an toàn thông tin của Công an ${unit} thực hiện Đề án 06/CP (qua Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao);`,
    `Sở Khoa học và Công nghệ ${unit}.`,
  ];
}

// ---------------------------------------------------------------------------
// The letter as data, and as Markdown (`notice-docx.ts` renders the same data as .docx)

/** Text, or a fragment shown as code (file names, fingerprints, commands). */
export type Inline = string | { code: string };

export type NoticeBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: Inline[] }
  | { kind: 'bullet'; text: Inline[] }
  | { kind: 'table'; head: string[]; align: Array<'left' | 'right'>; rows: Inline[][][] };

/** A Vietnamese administrative letter (Nghị định 30/2020/NĐ-CP, công văn), filled in. */
export interface NoticeLetter {
  /** The issuing body's superior (first line of the letterhead), e.g. "UBND TỈNH HƯNG YÊN". */
  parent?: string;
  issuer: string;
  /** "Số: ……/TTPVHCC-CNTT" */
  number: string;
  /** Trích yếu: "V/v …", in lines. */
  subject: string[];
  /** Địa danh: "Hưng Yên", "Thành phố Hồ Chí Minh". */
  place: string;
  /** "ngày 09 tháng 02 năm 2026" */
  date: string;
  /** Kính gửi. */
  addressees: string[];
  body: NoticeBlock[];
  /** Nơi nhận. */
  copies: string[];
  signer: { authority?: string; position: string; note: string; name?: string };
  /** For the drafter, to delete before sending. */
  notes: Inline[][];
}

function mdInline(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `\`${p.code.replace(/`/g, "'")}\``)).join('');
}

/** The letter as Markdown (the default output of `dancu-guard notice`). */
export function noticeMarkdown(l: NoticeLetter): string {
  const out: string[] = [];
  if (l.parent) out.push(`${l.parent.toLocaleUpperCase('vi')}  `);
  out.push(`**${l.issuer.toLocaleUpperCase('vi')}**`, '');
  out.push('**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ', '**Độc lập - Tự do - Hạnh phúc**', '');
  out.push(`${l.number}  `);
  l.subject.forEach((line, i) => out.push(i < l.subject.length - 1 ? `${line}  ` : line));
  out.push('');
  out.push(`*${l.place}, ${l.date}*`, '');
  out.push('Kính gửi:', '');
  for (const a of l.addressees) out.push(`- ${a}`);
  out.push('');
  let inList = false;
  for (const b of l.body) {
    if (b.kind !== 'bullet' && inList) {
      out.push('');
      inList = false;
    }
    if (b.kind === 'heading') out.push(`**${b.text}**`, '');
    else if (b.kind === 'para') out.push(mdInline(b.text), '');
    else if (b.kind === 'bullet') {
      out.push(`- ${mdInline(b.text)}`);
      inList = true;
    } else {
      out.push(`| ${b.head.join(' | ')} |`, `|${b.align.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`);
      for (const r of b.rows) out.push(`| ${r.map((cell) => mdCell(mdInline(cell))).join(' | ')} |`);
      out.push('');
    }
  }
  if (inList) out.push('');
  out.push('**Nơi nhận:**', '', ...l.copies.map((c) => `- ${c}`), '');
  if (l.signer.authority) out.push(`**${l.signer.authority}**  `);
  out.push(`**${l.signer.position}**  `, `*${l.signer.note}*`, '');
  if (l.signer.name) out.push(`**${l.signer.name}**`, '');
  out.push('---', '');
  out.push('> Ghi chú cho người soạn thảo (xóa trước khi ban hành):', '>');
  for (const n of l.notes) out.push(`> - ${mdInline(n)}`);
  out.push('');
  return out.join('\n');
}
