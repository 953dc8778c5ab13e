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
    throw new UsageError(
      `no integration declaration: dancu-integration.yml not found at ${analysis.root}; the notice is drafted from it (see docs/gate.md, or pass --declaration FILE)`,
    );
  }
  const d = loaded.declaration;
  const calendar = gateCalendar(loadConfig(analysis.root, opts.configPath), analysis.root);
  const earliestGoLive = calendar.earliestGoLive(submitted, REQUIRED);
  const goLive = opts.goLive ?? earliestGoLive;
  if (goLive < submitted) throw new UsageError(`--go-live ${goLive} is before --submitted ${submitted}`);
  const legal: NoticeExplanation = calendar.explain(submitted, earliestGoLive, REQUIRED);
  const planned: NoticeExplanation = calendar.explain(submitted, goLive, REQUIRED);

  const approvedNotices = (d.notices ?? []).filter((n) => n.approved).sort((a, b) => (a.approved!.date < b.approved!.date ? 1 : -1));
  const lastApproved = approvedNotices[0];
  const current = analysis.fingerprint.fingerprint;
  const province = d.province ?? '…';
  const owner = d.owner;
  const notes: string[] = [];

  const out: string[] = [];
  out.push(`**${owner.toUpperCase()}**`, '');
  out.push('**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ', '**Độc lập – Tự do – Hạnh phúc**', '');
  out.push('Số: ……/……  ');
  out.push('V/v thông báo thay đổi hệ thống, ứng dụng, mã nguồn kết nối  ');
  out.push('Cơ sở dữ liệu quốc gia về dân cư', '');
  out.push(`*${province}, ${viLongDate(submitted)}*`, '');
  out.push('Kính gửi:', '');
  out.push(`- Tổ Công tác triển khai Đề án 06 tỉnh ${province} (qua đầu mối Công an tỉnh ${province});`);
  out.push(
    `- Tổ An ninh mạng, an toàn thông tin của Công an tỉnh ${province} thực hiện Đề án 06/CP (qua Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao).`,
    '',
  );
  out.push(
    `Thực hiện yêu cầu báo cáo bằng văn bản tối thiểu ${REQUIRED} ngày làm việc trước thời điểm dự kiến khai thác, sử dụng khi triển khai hệ thống mới hoặc có sự thay đổi về hệ thống, ứng dụng, mã nguồn và chức năng phần mềm phục vụ kết nối Cơ sở dữ liệu quốc gia về dân cư, và không tự ý kết nối, khai thác khi chưa có sự đồng ý bằng văn bản của Tổ Công tác Đề án 06 của tỉnh, ${owner} thông báo như sau:`,
    '',
  );

  out.push('**1. Thông tin hệ thống**', '');
  out.push(`- Tên hệ thống: ${d.system}.`);
  out.push(`- Đơn vị chủ quản: ${owner}.`);
  out.push(`- Cấp độ an toàn hệ thống thông tin: cấp độ ${d.securityLevel}.`);
  out.push(`- Kết quả kiểm tra, đánh giá an toàn thông tin gần nhất: văn bản ${d.securityAssessment.reference} ngày ${viDate(d.securityAssessment.date)}.`, '');

  out.push('**2. Nội dung thay đổi**', '');
  out.push('- Mô tả: …(nội dung, chức năng thay đổi; lý do)….');
  if (lastApproved) {
    out.push(
      `- Lần được chấp thuận gần nhất: thông báo ${lastApproved.reference} ngày ${viDate(lastApproved.submitted)}, văn bản chấp thuận ${lastApproved.approved!.reference} ngày ${viDate(lastApproved.approved!.date)}.`,
    );
  } else {
    out.push('- Hệ thống chưa có thông báo nào được chấp thuận: đề nghị xem xét như hệ thống mới.');
  }
  const lock = analysis.lock;
  if (lock) {
    if (lastApproved && lock.fingerprint !== lastApproved.fingerprint) {
      notes.push(
        `Tệp khóa ${LOCK_FILE_NAME} (${lock.fingerprint}) không khớp mã vân tay của thông báo được chấp thuận gần nhất ${lastApproved.reference} (${lastApproved.fingerprint}): danh sách tệp thay đổi được so với tệp khóa. Chạy \`dancu-guard fingerprint --write\` mỗi khi thông báo được chấp thuận.`,
      );
    }
    if (analysis.changes.length > 0) {
      out.push('- Các tệp mã nguồn, cấu hình kết nối CSDLQG về dân cư thay đổi so với lần được chấp thuận:', '');
      out.push('| STT | Tệp | Thay đổi |', '|---:|---|---|');
      analysis.changes.forEach((c, i) => out.push(`| ${i + 1} | \`${mdCell(c.path)}\` | ${CHANGE_VI[c.change]} |`));
      out.push('');
    } else {
      out.push('- Mã nguồn, cấu hình kết nối CSDLQG về dân cư không thay đổi so với tệp khóa (lần được chấp thuận).');
      notes.push('Không có tệp nào thay đổi so với tệp khóa: kiểm tra xem có thực sự cần thông báo mới không.');
    }
  } else {
    out.push('- Các tệp mã nguồn, cấu hình thuộc phần kết nối CSDLQG về dân cư:', '');
    out.push('| STT | Tệp |', '|---:|---|');
    analysis.fingerprint.files.forEach((f, i) => out.push(`| ${i + 1} | \`${mdCell(f.path)}\` |`));
    out.push('');
    notes.push(`Chưa có tệp khóa ${LOCK_FILE_NAME}: không xác định được tệp nào thay đổi, đã liệt kê toàn bộ phần kết nối. Chạy \`dancu-guard fingerprint --write\` khi thông báo được chấp thuận.`);
  }
  out.push(`- Mã vân tay phần kết nối sau thay đổi (\`dancu-guard fingerprint\`): \`${current}\`.`);
  if (lastApproved) out.push(`- Mã vân tay đã được chấp thuận: \`${lastApproved.fingerprint}\`.`);
  out.push('');

  out.push('**3. Tài khoản kết nối CSDLQG về dân cư**', '');
  out.push('| STT | Tài khoản | Ngưỡng truy vấn hàng ngày đã đăng ký |', '|---:|---|---:|');
  d.accounts.forEach((a, i) => out.push(`| ${i + 1} | ${mdCell(a.name)} | ${viNumber(a.dailyQuota)} |`));
  out.push('');

  out.push('**4. Thời gian dự kiến đưa vào sử dụng**', '');
  out.push(`- Ngày gửi thông báo: ${viDate(submitted)}.`);
  out.push(`- Ngày dự kiến đưa vào sử dụng: ${viDate(goLive)}.`);
  const skipped = legal.holidaysSkipped.map((h) => `${viDate(h.date)} (${h.name})`);
  out.push(
    `- Ngày sớm nhất được đưa vào sử dụng theo quy định (đủ ${REQUIRED} ngày làm việc, tính từ ngày sau ngày nhận văn bản, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết): ${viDate(earliestGoLive)}` +
      (skipped.length > 0 ? `; các ngày nghỉ không tính: ${skipped.join(', ')}.` : '.'),
    '',
  );
  if (!planned.sufficient) {
    notes.push(
      `Ngày dự kiến ${viDate(goLive)} chỉ cách ngày gửi ${planned.workingDays} ngày làm việc (cần ${REQUIRED}): lùi đến ${viDate(earliestGoLive)} hoặc muộn hơn, nếu không cổng kiểm soát sẽ chặn (DG-GATE-003).`,
    );
  }
  if (lastApproved && lastApproved.fingerprint === current) {
    notes.push(`Mã vân tay hiện tại đã được chấp thuận trong thông báo ${lastApproved.reference}: không cần thông báo mới nếu không có thay đổi khác.`);
  }

  out.push('**5. Cam kết**', '');
  out.push(
    `${owner} cam kết: không tự ý kết nối, khai thác khi chưa có văn bản đồng ý của Tổ Công tác Đề án 06 của tỉnh; không sử dụng phần mềm cá nhân hoặc tự nghiên cứu, phát triển công cụ để tra cứu, khai thác dữ liệu; không cung cấp tài khoản, mật khẩu kết nối cho nhà thầu; ghi nhật ký đầy đủ việc tra cứu của từng cán bộ; không vượt ngưỡng truy vấn hàng ngày đã đăng ký; không sử dụng hệ thống để soạn thảo, lưu trữ, truyền gửi nội dung chứa bí mật nhà nước.`,
    '',
  );
  out.push(
    `Kính đề nghị Tổ Công tác xem xét, phối hợp với đơn vị nghiệp vụ kiểm tra an ninh, an toàn thông tin và có ý kiến bằng văn bản trước ngày ${viDate(goLive)}./.`,
    '',
  );
  out.push('**Nơi nhận:**', '', '- Như trên;', '- Lưu: VT, ….', '');
  out.push('**THỦ TRƯỞNG ĐƠN VỊ**  ', '*(Ký, ghi rõ họ tên và đóng dấu)*', '');
  out.push('---', '');
  out.push('> Ghi chú cho người soạn thảo (xóa trước khi ban hành):', '>');
  out.push(`> - Khi được chấp thuận, thêm thông báo vào ${loaded.file} (reference, submitted, approved, goLive, fingerprint \`${current}\`) và chạy \`dancu-guard fingerprint --write\`.`);
  for (const n of notes) out.push(`> - ${n}`);
  out.push('');

  return {
    markdown: out.join('\n'),
    submitted,
    goLive,
    earliestGoLive,
    sufficient: planned.sufficient,
    fingerprint: current,
    analysis,
  };
}
