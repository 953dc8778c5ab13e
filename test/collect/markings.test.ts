/**
 * State-secret markings (R6): stamps, phrases, secrecy levels, `DoMat` fields; what is
 * not a marking (passwords, security, uppercase phrases around MẬT); lists of levels as
 * weaker evidence; decomposed Unicode. Synthetic text only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markingsCollector, markingsIn } from '../../src/collect/markings.js';
import type { CollectedFacts } from '../../src/facts/types.js';
import { loadTree } from '../helpers/collect.js';

const lines = (...l: string[]) => l.join('\n');

describe('markingsIn', () => {
  it('stamps, the envelope line and the phrases', () => {
    const got = markingsIn(
      'x.md',
      lines('# Công văn', 'TUYỆT MẬT', 'Độ mật: MẬT', 'Tài liệu có nội dung bí mật nhà nước', 'CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ', 'Văn bản đã GIẢI MẬT'),
      'document',
    );
    expect(got.map((m) => [m.line, m.marking, m.kind])).toEqual([
      [2, 'TUYỆT MẬT', 'stamp'],
      [3, 'Độ mật', 'phrase'],
      [3, 'MẬT', 'stamp'],
      [4, 'bí mật nhà nước', 'phrase'],
      [5, 'CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ', 'stamp'],
      [6, 'GIẢI MẬT', 'stamp'],
    ]);
    expect(got.every((m) => m.context === 'document' && m.file === 'x.md')).toBe(true);
  });

  it('passwords, security and uppercase phrases around MẬT are not markings', () => {
    const text = lines(
      'const label = "Mật khẩu"; // mật khẩu, bảo mật',
      '<strong>LƯU Ý BẢO MẬT QUAN TRỌNG</strong>',
      't._v("CẬP NHẬT MẬT KHẨU"), "NHẬP MÃ BẢO MẬT"',
      'Độ mạnh mật khẩu; độ mật khẩu',
      'public string DoMat { get; set; }',
      'doMatch(path); const DoMat: string = x;',
    );
    expect(markingsIn('a.ts', text, 'code')).toEqual([]);
  });

  it('a DoMat field given a value, in code, JSON and XML', () => {
    const got = markingsIn('a.cs', lines('vanBan.DoMat = "Tối mật";', '{"do_mat": 2}', '<DoMat>Mật</DoMat>', '$x = ["DoMat" => $mucDo];'), 'code');
    expect(got.filter((m) => m.kind === 'field').map((m) => m.line)).toEqual([1, 2, 3, 4]);
  });

  it('a list of secrecy levels (a select box) is one weaker fact', () => {
    const text = lines('<select name="doMat">', '  <option value="0">Không mật</option>', '  <option value="1">Mật</option>', '  <option value="2">Tối mật</option>', '  <option value="3">Tuyệt mật</option>', '</select>');
    expect(markingsIn('v.html', text, 'template')).toEqual([{ file: 'v.html', line: 4, column: 21, marking: 'Tối mật', kind: 'phrase', context: 'template', levelList: true }]);
  });

  it('a stamp near a list stays a stamp', () => {
    const text = lines('Văn bản TỐI MẬT số 12', '<option>Không mật</option>', '<option>Tối mật</option>');
    const got = markingsIn('v.html', text, 'template');
    expect(got[0]).toEqual({ file: 'v.html', line: 1, column: 9, marking: 'TỐI MẬT', kind: 'stamp', context: 'template' });
    expect(got[1]).toMatchObject({ line: 3, levelList: true });
  });

  it('decomposed Vietnamese (NFD) is read like composed text', () => {
    expect(markingsIn('a.txt', 'TỐI MẬT'.normalize('NFD'), 'document').map((m) => m.marking)).toEqual(['TỐI MẬT']);
  });
});

describe('markingsCollector', () => {
  let root: string;
  let facts: CollectedFacts;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dancu-markings-'));
    writeFileSync(join(root, 'mau.html'), '<p>TUYỆT MẬT</p>\n');
    writeFileSync(join(root, 'VanBan.cs'), 'class VanBan { public string DoMat { get; set; } = "Mật"; }\n');
    writeFileSync(join(root, 'README.md'), 'Hướng dẫn đổi mật khẩu.\n');
    writeFileSync(join(root, 'appsettings.json'), '{ "Levels": "Độ mật" }\n');
    const { files, ctx } = await loadTree(root);
    facts = await markingsCollector.collect(files.filter((f) => markingsCollector.appliesTo(f)), ctx);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads every kind of file and says what the file is', () => {
    expect((facts.markings ?? []).map((m) => [m.file, m.kind, m.context])).toEqual([
      ['VanBan.cs', 'field', 'code'],
      ['appsettings.json', 'phrase', 'config'],
      ['mau.html', 'stamp', 'template'],
    ]);
  });
});
