/** The one table of the CLI's words (src/report/i18n.ts): complete in both languages. */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { CATEGORIES, SEVERITIES } from '../../src/findings/types.js';
import {
  CATEGORY_NAMES,
  detectLang,
  langFromEnv,
  localizeToolReasons,
  MESSAGES,
  SEVERITY_NAMES,
  tr,
  translateCommanderError,
} from '../../src/report/i18n.js';
import { ERROR_MESSAGES } from '../../src/report/i18n-errors.js';
import { describeError, Message, msg, UsageError } from '../../src/util/errors.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message table', () => {
  it('every entry has both languages, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(entry.en.trim(), `${key} (en)`).not.toBe('');
      expect(entry.vi.trim(), `${key} (vi)`).not.toBe('');
      expect(placeholders(entry.vi), key).toEqual(placeholders(entry.en));
    }
  });

  it('Vietnamese entries are Vietnamese, not copies of the English (examples and names aside)', () => {
    const same = Object.entries(MESSAGES).filter(([, e]) => e.en === e.vi).map(([k]) => k);
    // Identical on purpose: a word both languages write alike, and example blocks made only of commands.
    expect(same.sort()).toEqual(['text.commit']);
    // (Vietnamese has no plural: the singular entries may equal the plural ones, not the English.)
  });

  it('interpolates, and leaves an unknown placeholder visible', () => {
    expect(tr('vi', 'init.err.exists', { file: 'a.yml' })).toBe('a.yml đã tồn tại; không ghi đè (dùng --force để thay thế)');
    expect(tr('en', 'init.err.exists')).toContain('{file}');
  });

  it('names every severity and category in both languages', () => {
    for (const lang of ['en', 'vi'] as const) {
      for (const s of SEVERITIES) expect(SEVERITY_NAMES[lang][s]).toBeTruthy();
      for (const c of CATEGORIES) expect(CATEGORY_NAMES[lang][c]).toBeTruthy();
    }
    expect(Object.values(SEVERITY_NAMES.vi)).toEqual(['NGHIÊM TRỌNG', 'CAO', 'TRUNG BÌNH', 'THẤP', 'THÔNG TIN']);
  });
});

describe('the language', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG; vi_* is Vietnamese', () => {
    expect(langFromEnv({})).toBeUndefined();
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'vi' })).toBe('vi');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'vi_VN' })).toBe('vi');
    expect(langFromEnv({ LANG: 'video' })).toBe('en');
  });

  it('--lang on the command line wins over the locale', () => {
    expect(detectLang(['scan', '--lang', 'en'], { LANG: 'vi_VN' })).toBe('en');
    expect(detectLang(['scan', '--lang=vi'], {})).toBe('vi');
    expect(detectLang(['scan', '--', '--lang', 'vi'], {})).toBe('en');
    expect(detectLang(['scan'], { LC_ALL: 'vi_VN.UTF-8' })).toBe('vi');
  });
});

describe('help in Vietnamese', () => {
  it('every command and option of the program has a Vietnamese description', () => {
    const en = buildProgram('en');
    const vi = buildProgram('vi');
    expect(vi.commands.map((c) => c.name())).toEqual(en.commands.map((c) => c.name()));
    for (const [i, cmd] of vi.commands.entries()) {
      const enCmd = en.commands[i]!;
      expect(cmd.description(), cmd.name()).not.toBe(enCmd.description());
      for (const [j, opt] of cmd.options.entries()) {
        expect(opt.description, `${cmd.name()} ${opt.flags}`).not.toBe(enCmd.options[j]!.description);
      }
      const help = cmd.helpInformation();
      expect(help, cmd.name()).toMatch(/^Cách dùng: dancu-guard /);
      expect(help, cmd.name()).not.toMatch(/\b(Usage|Options|Arguments):|\(default:|\(choices:|display help|<file>|\[options\]/);
    }
  });
});

describe('commander errors and collector reasons', () => {
  it('translates commander messages', () => {
    expect(translateCommanderError("error: unknown command 'scna'\n(Did you mean scan?)\n", 'vi')).toBe("lỗi: không có lệnh 'scna'\n(Có phải scan?)\n");
    expect(translateCommanderError("error: missing required argument 'rule-id'\n", 'vi')).toBe("lỗi: thiếu tham số bắt buộc 'rule-id'\n");
    expect(translateCommanderError("error: unknown command 'x'\n", 'en')).toBe("error: unknown command 'x'\n");
  });

  it('translates the tool reasons inside DG-TOOL-* Vietnamese messages only', () => {
    expect(localizeToolReasons('DG-TOOL-002', 'Tự động hóa trình duyệt (imports puppeteer) truy cập CSDLQG về dân cư.', 'vi')).toBe(
      'Tự động hóa trình duyệt (nạp thư viện puppeteer) truy cập CSDLQG về dân cư.',
    );
    expect(localizeToolReasons('DG-TOOL-001', 'Công cụ độc lập (chương trình dòng lệnh, nhận biết qua func main in package main, with flag parsing tại dòng 12) gọi…', 'vi')).toBe(
      'Công cụ độc lập (chương trình dòng lệnh, nhận biết qua hàm main trong package main, có phân tích tham số dòng lệnh (flag) tại dòng 12) gọi…',
    );
    expect(localizeToolReasons('DG-TOOL-001', 'Công cụ (tác vụ định kỳ, nhận biết qua cron scheduler (robfig/cron) tại dòng 3)', 'vi')).toContain('bộ lập lịch cron (robfig/cron)');
    // English messages, other rules and text outside parentheses are left alone.
    expect(localizeToolReasons('DG-TOOL-002', 'Browser automation (imports puppeteer)', 'en')).toBe('Browser automation (imports puppeteer)');
    expect(localizeToolReasons('DG-CRED-001', '"x" (imports y)', 'vi')).toBe('"x" (imports y)');
  });
});

describe('progress lines', () => {
  it('are translated for Vietnamese, left alone otherwise', async () => {
    const { translateProgress } = await import('../../src/report/i18n.js');
    expect(translateProgress('collecting facts from 12 files…', 'vi')).toBe('đang thu thập dữ kiện từ 12 tệp…');
    expect(translateProgress('collected typescript (3/7)', 'vi')).toBe('đã thu thập typescript (3/7)');
    expect(translateProgress('history: scanned 500/900 blobs', 'vi')).toBe('lịch sử: đã quét 500/900 đối tượng');
    expect(translateProgress('collecting facts from 12 files…', 'en')).toBe('collecting facts from 12 files…');
  });
});

describe('errors and warnings of the lower layers (src/report/i18n-errors.ts)', () => {
  it('are entries of the one table, so both languages and placeholders are checked above', () => {
    for (const key of Object.keys(ERROR_MESSAGES)) expect(MESSAGES, key).toHaveProperty([key]);
  });

  it('an error keeps its English message and renders in Vietnamese, nested words and lists included', () => {
    const err = UsageError.of('files.cannotRead', { what: msg('noun.lockFile'), path: 'dancu-integration.lock.json', code: 'EACCES' });
    expect(err.message).toBe('cannot read lock file dancu-integration.lock.json: EACCES');
    expect(describeError(err, 'en')).toBe(err.message);
    expect(describeError(err, 'vi')).toBe('không đọc được tệp khóa dancu-integration.lock.json: EACCES');
    const doc = UsageError.of('doc.invalid', {
      what: msg('noun.config'),
      file: 'a.yml',
      problems: [msg('schema.required', { at: 'a.yml:1', key: 'name' }), msg('schema.unknownKey', { at: 'a.yml:2', key: 'x', known: 'name' })],
    });
    expect(doc.message).toBe('invalid config a.yml:\n  a.yml:1: missing required key "name"\n  a.yml:2: unknown key "x" (known keys: name)');
    expect(describeError(doc, 'vi')).toBe(
      'tệp cấu hình a.yml không hợp lệ:\n  a.yml:1: thiếu khóa bắt buộc "name"\n  a.yml:2: khóa không hợp lệ "x" (các khóa hợp lệ: name)',
    );
  });

  it('an error without a message of the table prints as it is; a plain Error too', () => {
    expect(describeError(new UsageError('already translated'), 'vi')).toBe('already translated');
    expect(describeError(new Error('boom'), 'vi')).toBe('boom');
  });

  it('a message survives a worker thread (structured clone, then revived)', () => {
    const m = msg('git.corrupt', { root: '/r', detail: msg('git.objectMissing', { oid: 'abc' }) });
    const back = Message.revive(structuredClone(JSON.parse(JSON.stringify(m))));
    expect(back?.render('vi')).toBe(m.render('vi'));
    expect(back?.render('vi')).toContain('thiếu đối tượng abc');
    expect(Message.revive({ key: 'no.such.key' })).toBeUndefined();
  });
});
