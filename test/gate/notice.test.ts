import { EXAMPLES } from '../helpers/paths.js';
/**
 * The draft of the written notice (R5): a Vietnamese administrative letter naming the
 * system, owner, changed files (from the lock file), accounts without their secret
 * references, the planned and earliest legal go-live with the holidays skipped.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noticeCommand } from '../../src/cli/commands/notice.js';
import { draftNotice, viDate, viLongDate, viNumber } from '../../src/gate/notice.js';
import { UsageError } from '../../src/util/errors.js';

const temps: string[] = [];
function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dg-notice-${name}-`));
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('Vietnamese formats', () => {
  it('dates and numbers', () => {
    expect(viDate('2026-02-09')).toBe('09/02/2026');
    expect(viLongDate('2026-02-09')).toBe('ngày 09 tháng 02 năm 2026');
    expect(viLongDate('2026-10-01')).toBe('ngày 01 tháng 10 năm 2026');
    expect(viLongDate('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(viNumber(5000)).toBe('5.000');
    expect(viNumber(1234567)).toBe('1.234.567');
    expect(viNumber(100)).toBe('100');
  });
});

describe('draftNotice', () => {
  it('drafts the letter for a change, with the changed file and the Tết count', async () => {
    const d = await draftNotice({ path: join(EXAMPLES, 'gate-changed'), submitted: '2026-02-09', goLive: '2026-02-24' });
    const md = d.markdown;
    expect(d).toMatchObject({ submitted: '2026-02-09', goLive: '2026-02-24', earliestGoLive: '2026-03-03', sufficient: false });
    expect(md).toContain('UBND TỈNH HƯNG YÊN  \n**TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH HƯNG YÊN (GIẢ LẬP)**');
    expect(md).toContain('**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**');
    expect(md).toContain('V/v thông báo thay đổi hệ thống, ứng dụng, mã nguồn kết nối');
    expect(md).toContain('*Hưng Yên, ngày 09 tháng 02 năm 2026*');
    expect(md).toContain('Kính gửi:');
    expect(md).toContain('- Tổ Công tác triển khai Đề án 06 tỉnh Hưng Yên (qua đầu mối Công an tỉnh Hưng Yên);');
    expect(md).toContain('- Sở Khoa học và Công nghệ tỉnh Hưng Yên.');
    expect(md).not.toMatch(/Thông tin và Truyền thông|TT&TT/);
    expect(md).toContain('- Tên hệ thống: Hệ thống tra cứu thông tin công dân phục vụ giải quyết TTHC tỉnh Hưng Yên (giả lập).');
    expect(md).toContain('- Cấp độ an toàn hệ thống thông tin: cấp độ 3.');
    expect(md).toContain('thông báo 123/STTTT-CNTT ngày 01/10/2026, văn bản chấp thuận 456/TCT-DA06 ngày 20/10/2026');
    expect(md).toContain('| 1 | `src/dancu/gateway.ts` | Sửa đổi |');
    expect(md).not.toContain('config.ts');
    expect(md).toContain(`\`${d.fingerprint}\``);
    expect(md).toContain('| 1 | dvc_tinh_mau | 5.000 |');
    expect(md).toContain('- Ngày dự kiến đưa vào sử dụng: 24/02/2026.');
    expect(md).toContain(
      '03/03/2026; các ngày nghỉ không tính: 16/02/2026 (Tết Nguyên đán), 17/02/2026 (Tết Nguyên đán), 18/02/2026 (Tết Nguyên đán), 19/02/2026 (Tết Nguyên đán), 20/02/2026 (Tết Nguyên đán).',
    );
    expect(md).toContain('chỉ cách ngày gửi 5 ngày làm việc (cần 10): lùi đến 03/03/2026');
    expect(md).toContain('**Nơi nhận:**');
    expect(md).toContain('**THỦ TRƯỞNG ĐƠN VỊ**');
    // accounts by name only: never where the secret lives
    expect(md).not.toContain('secretRef');
    expect(md).not.toContain('dancu-account');
  });

  it('defaults go-live to the earliest legal date', async () => {
    const d = await draftNotice({ path: join(EXAMPLES, 'gate-changed'), submitted: '2026-10-01' });
    expect(d.goLive).toBe('2026-10-16');
    expect(d.sufficient).toBe(true);
    expect(d.markdown).toContain('theo quy định (đủ 10 ngày làm việc, tính từ ngày sau ngày nhận văn bản, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết): 16/10/2026.');
    expect(d.markdown).not.toContain('chỉ cách ngày gửi');
  });

  it('without a lock file lists the whole integration surface, and says so', async () => {
    const dir = copyExample('gate-changed');
    unlinkSync(join(dir, 'dancu-integration.lock.json'));
    const d = await draftNotice({ path: dir, submitted: '2026-10-01' });
    expect(d.markdown).toContain('| 1 | `k8s/deployment.yaml` |');
    expect(d.markdown).toContain('| 3 | `src/dancu/gateway.ts` |');
    expect(d.markdown).toContain('Chưa có tệp khóa dancu-integration.lock.json');
  });

  it('notes when nothing changed, and when there was never an approval', async () => {
    const same = await draftNotice({ path: join(EXAMPLES, 'gate-approved'), submitted: '2026-10-01' });
    expect(same.markdown).toContain('không thay đổi so với tệp khóa');
    expect(same.markdown).toContain('Mã vân tay hiện tại đã được chấp thuận trong thông báo 123/STTTT-CNTT');
    const dir = copyExample('gate-approved');
    writeFileSync(join(dir, 'dancu-integration.yml'), readFileSync(join(dir, 'dancu-integration.yml'), 'utf8').replace(/notices:[\s\S]*$/, ''));
    const fresh = await draftNotice({ path: dir, submitted: '2026-10-01' });
    expect(fresh.markdown).toContain('Hệ thống chưa có thông báo nào được chấp thuận: đề nghị xem xét như hệ thống mới.');
  });

  it('needs a declaration and real dates', async () => {
    await expect(draftNotice({ path: join(EXAMPLES, 'ts-compliant') })).rejects.toThrow(/no integration declaration/);
    await expect(draftNotice({ path: join(EXAMPLES, 'gate-approved'), submitted: '2026-02-30' })).rejects.toBeInstanceOf(UsageError);
    await expect(draftNotice({ path: join(EXAMPLES, 'gate-approved'), submitted: '2026-10-01', goLive: '2026-09-01' })).rejects.toThrow(
      '--go-live 2026-09-01 is before --submitted 2026-10-01',
    );
  });
});

describe('dancu-guard notice (command)', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints or writes the draft and warns about a short notice period', async () => {
    expect(await noticeCommand(join(EXAMPLES, 'gate-changed'), { submitted: '2026-02-09', goLive: '2026-02-24', progress: false })).toBe(0);
    expect(out).toContain('Kính gửi:');
    expect(err).toContain('go-live 2026-02-24 is fewer than 10 working days after 2026-02-09; the earliest legal go-live is 2026-03-03');
    const file = join(mkdtempSync(join(tmpdir(), 'dg-notice-out-')), 'thong-bao.md');
    temps.push(file);
    await noticeCommand(join(EXAMPLES, 'gate-changed'), { submitted: '2026-10-01', output: file, progress: false });
    expect(readFileSync(file, 'utf8')).toContain('V/v thông báo thay đổi');
    expect(err).toContain(`notice drafted to ${file} (earliest legal go-live 2026-10-16)`);
  });
});
