/**
 * The account review for the Ministry (R7; Công văn 2761/BCA-QLHCTTXH, mục II.2(1)):
 * one row per account that can query the population DB, in the columns a provincial
 * office fills in by hand — STT, Tài khoản, Người/đơn vị nắm giữ, Hệ thống, Mục đích,
 * Địa chỉ kết nối, Ngưỡng truy vấn/ngày, Nhà thầu có quyền truy cập (Có/Không), Trạng
 * thái — under a title and the date, above a signature block ("Người lập biểu", "Thủ
 * trưởng đơn vị"). Rendered as CSV here (UTF-8 with a byte-order mark, so spreadsheet
 * programs read the Vietnamese) and as .xlsx in `xlsx.ts`, from the same rows.
 *
 * An account's endpoints are the DB endpoints and call-site targets found in the files
 * its `paths` cover (all files when it has none), already redacted; every text cell
 * also goes through `maskSecrets` (the detectors, then `redact`), so a secret pasted
 * into the declaration by mistake is not printed either. `secretRef` is not a column.
 */
import picomatch from 'picomatch';
import { maskSecrets } from '../collect/credentials/candidates.js';
import { viLongDate, viDate } from '../gate/notice.js';
import { csvField } from './csv.js';
import type { Inventory } from './types.js';

export const REVIEW_COLUMNS = [
  'STT',
  'Tài khoản',
  'Người/đơn vị nắm giữ',
  'Hệ thống',
  'Mục đích',
  'Địa chỉ kết nối',
  'Ngưỡng truy vấn/ngày',
  'Nhà thầu có quyền truy cập',
  'Trạng thái',
] as const;

const STATUS_VI = { active: 'Đang sử dụng', suspended: 'Tạm dừng', revoked: 'Đã thu hồi' } as const;
const NOT_DECLARED = 'Chưa khai báo';

export interface ReviewRow {
  stt: number;
  account: string;
  holder: string;
  system: string;
  purpose: string;
  /** Redacted URLs, one per line. */
  endpoints: string[];
  dailyQuota: number;
  /** "Có", "Không" or "Chưa khai báo". */
  contractorAccess: string;
  status: string;
}

export interface AccountReview {
  title: string;
  subtitle: string;
  /** "Đơn vị: …" (the owner), when declared. */
  unit?: string;
  /** "Ngày lập: 09/02/2026" (blank dots when no date). */
  dateLine: string;
  rows: ReviewRow[];
  /** "Hưng Yên, ngày 09 tháng 02 năm 2026" */
  placeDate: string;
  signers: Array<{ role: string; note: string }>;
  /** Shown when there is no row (no declaration). */
  empty?: string;
}

function clean(s: string | undefined): string {
  return s === undefined ? '' : maskSecrets(s);
}

/** The review's rows and surrounding text, from the inventory (pure). */
export function accountReview(inv: Inventory, opts: { date?: string } = {}): AccountReview {
  const rows = inv.accounts.map((a, i): ReviewRow => {
    const inScope = a.paths && a.paths.length > 0 ? picomatch(a.paths, { dot: true }) : () => true;
    const endpoints = [
      ...inv.endpoints.filter((e) => inScope(e.file)).map((e) => e.url),
      ...inv.callSites.filter((c) => inScope(c.file)).map((c) => c.target),
    ];
    return {
      stt: i + 1,
      account: clean(a.name),
      holder: a.holder ? clean(a.holder) : NOT_DECLARED,
      system: clean(inv.system),
      purpose: a.purpose ? clean(a.purpose) : NOT_DECLARED,
      endpoints: [...new Set(endpoints.map(clean))],
      dailyQuota: a.dailyQuota,
      contractorAccess: a.contractorAccess === undefined ? NOT_DECLARED : a.contractorAccess ? 'Có' : 'Không',
      status: a.status ? STATUS_VI[a.status] : NOT_DECLARED,
    };
  });
  const longDate = opts.date ? viLongDate(opts.date) : 'ngày … tháng … năm …';
  return {
    title: 'DANH SÁCH TÀI KHOẢN KẾT NỐI, KHAI THÁC CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ',
    subtitle: '(Phục vụ rà soát tài khoản theo Công văn số 2761/BCA-QLHCTTXH của Bộ Công an, mục II.2(1))',
    ...(inv.owner ? { unit: `Đơn vị: ${clean(inv.owner)}` } : {}),
    dateLine: `Ngày lập: ${opts.date ? viDate(opts.date) : '…/…/……'}`,
    rows,
    placeDate: `${inv.place ?? '…'}, ${longDate}`,
    signers: [
      { role: 'NGƯỜI LẬP BIỂU', note: '(Ký, ghi rõ họ tên)' },
      { role: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
    ],
    ...(rows.length === 0 ? { empty: 'Không có tài khoản nào: chưa có tệp khai báo dancu-integration.yml.' } : {}),
  };
}

/** The cells of a row, in REVIEW_COLUMNS order. */
export function reviewCells(r: ReviewRow): Array<string | number> {
  return [r.stt, r.account, r.holder, r.system, r.purpose, r.endpoints.join('\n'), r.dailyQuota, r.contractorAccess, r.status];
}

/**
 * CSV for spreadsheet programs: UTF-8 with a byte-order mark, CRLF, every row nine
 * fields, RFC 4180 quoting (fields with commas, quotes or line breaks quoted, quotes
 * doubled) and formula starters neutralised (`csvField`).
 */
export function reviewCsv(r: AccountReview): string {
  const width = REVIEW_COLUMNS.length;
  const line = (cells: Array<string | number | undefined>) =>
    Array.from({ length: width }, (_, i) => csvField(cells[i])).join(',');
  const lines: string[] = [];
  lines.push(line([r.title]));
  lines.push(line([r.subtitle]));
  if (r.unit) lines.push(line([r.unit]));
  lines.push(line([r.dateLine]));
  lines.push(line([]));
  lines.push(line([...REVIEW_COLUMNS]));
  for (const row of r.rows) lines.push(line(reviewCells(row)));
  if (r.empty) lines.push(line([r.empty]));
  lines.push(line([]));
  // Signature block: the person who drew up the list on the left, the head of the unit on the right.
  lines.push(line([undefined, undefined, undefined, undefined, undefined, undefined, r.placeDate]));
  lines.push(line([undefined, r.signers[0]!.role, undefined, undefined, undefined, undefined, r.signers[1]!.role]));
  lines.push(line([undefined, r.signers[0]!.note, undefined, undefined, undefined, undefined, r.signers[1]!.note]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
