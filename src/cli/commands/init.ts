/**
 * `dancu-guard init [DIR] [--declaration] [--force]`: a commented `.dancu-guard.yml` that
 * the config loader accepts as written (every key commented out, so the defaults apply
 * until the user opts in), and with `--declaration` a `dancu-integration.yml` template
 * that validates against the declaration schema (placeholders to replace). Comments are
 * in the language chosen. An existing file is never overwritten without `--force`.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../../findings/types.js';
import { translator, type Translate } from '../../report/i18n.js';
import { UsageError } from '../../util/errors.js';
import { notifier } from '../io.js';
import { resolveLang, sharedOptions } from '../options.js';

export const CONFIG_TEMPLATE: Record<Lang, string> = {
  en: `# dancu-guard configuration (https://github.com/your-org/dancu-guard#configuration-dancu-guardyml).
# Zero configuration works: every key below is optional and ADDS to the defaults in
# policies/data/settings.json. Uncomment what you need. An unknown key, a wrong type or a
# regular expression that does not compile is an error (exit 2) naming the line.
version: 1

# Extra regular expressions (RE2; "(?i)" allowed) matching the URLs of your
# population-DB endpoints (production C06 hosts are not public: add yours).
# endpoints:
#   - "(?i)c06-gw\\\\.tinh-mau\\\\.gov\\\\.vn"

# Extra SOAP namespaces and operation names of the DB.
# soapNamespaces: []
# operations: []

# Globs of the audited gateway module: a DB call anywhere else is DG-TOOL-003.
# approvedModules:
#   - src/dancu/**

# Globs of stand-alone tools approved in writing by the provincial Đề án 06 working group.
# approvedTools:
#   - tools/approved/**

# Extra regular expressions matching audit-log call names (DG-LOG-001) and rate
# limiters (DG-QUOTA-001).
# loggers:
#   - "(?i)ghiNhatKy"
# limiters: []

# Extra regular expressions matching secret key names (credentials rules).
# sensitiveKeys: []

# Paths to skip (gitignore syntax), on top of .gitignore. Ignored files are listed in
# every report: an ignore never hides a file silently.
# ignore:
#   - legacy/

# Accepted findings, each with a reason and an expiry date (then DG-CFG-003).
# exceptions:
#   - rule: DG-CRED-003
#     paths: ["k8s/dev/**"]
#     reason: dev cluster with throwaway accounts (ticket 123)
#     expires: 2026-12-31

# Local days off and working days for counting the 10 working days (notice, gate).
# calendar:
#   off: []
#   work: []
`,
  vi: `# Cấu hình dancu-guard (https://github.com/your-org/dancu-guard/blob/main/README.vi.md).
# Không cấu hình vẫn chạy được: mọi khóa dưới đây đều không bắt buộc và được CỘNG THÊM vào
# giá trị mặc định trong policies/data/settings.json. Bỏ dấu # ở những mục cần dùng. Khóa
# không hợp lệ, sai kiểu hoặc biểu thức chính quy lỗi là lỗi cấu hình (mã thoát 2), có nêu dòng.
version: 1

# Biểu thức chính quy (RE2; cho phép "(?i)") khớp địa chỉ kết nối CSDLQG về dân cư của đơn vị
# (địa chỉ máy chủ C06 không công khai: hãy bổ sung địa chỉ của đơn vị mình).
# endpoints:
#   - "(?i)c06-gw\\\\.tinh-mau\\\\.gov\\\\.vn"

# Không gian tên SOAP và tên thao tác bổ sung của CSDL.
# soapNamespaces: []
# operations: []

# Mẫu đường dẫn của mô-đun cổng kết nối đã kiểm định: lời gọi CSDL ở nơi khác là DG-TOOL-003.
# approvedModules:
#   - src/dancu/**

# Mẫu đường dẫn của các công cụ độc lập đã được Tổ Công tác Đề án 06 của tỉnh chấp thuận bằng văn bản.
# approvedTools:
#   - tools/approved/**

# Biểu thức chính quy bổ sung khớp tên hàm ghi nhật ký (DG-LOG-001) và bộ giới hạn tần suất
# (DG-QUOTA-001).
# loggers:
#   - "(?i)ghiNhatKy"
# limiters: []

# Biểu thức chính quy bổ sung khớp tên khóa bí mật (các quy tắc về thông tin xác thực).
# sensitiveKeys: []

# Đường dẫn bỏ qua (cú pháp gitignore), ngoài .gitignore. Tệp bị bỏ qua được liệt kê trong
# mọi báo cáo: không tệp nào bị ẩn âm thầm.
# ignore:
#   - legacy/

# Phát hiện được chấp nhận, mỗi mục có lý do và ngày hết hạn (hết hạn thì báo DG-CFG-003).
# exceptions:
#   - rule: DG-CRED-003
#     paths: ["k8s/dev/**"]
#     reason: cụm máy chủ thử nghiệm, tài khoản dùng một lần (phiếu 123)
#     expires: 2026-12-31

# Ngày nghỉ, ngày làm việc riêng của địa phương khi tính 10 ngày làm việc (notice, gate).
# calendar:
#   off: []
#   work: []
`,
};

export const DECLARATION_TEMPLATE: Record<Lang, string> = {
  en: `# Integration declaration for the pre-deployment gate (dancu-guard gate; docs/gate.md).
# A TEMPLATE: replace every value marked "TODO" before use. Never write a secret here:
# secretRef says WHERE the operator keeps it.
version: 1
system: "TODO: name of the system that looks citizens up"
owner: "TODO: the unit that owns and operates it"
# The province or centrally-run city (one of the 34 units since 1 July 2025).
province: Hưng Yên
# Security level (3 or above for systems connected to the population DB) and the latest
# information security assessment (date and document).
securityLevel: 3
securityAssessment:
  date: 2026-01-01
  reference: "TODO: number of the assessment report"
accounts:
  - name: "TODO: the DB account name"
    secretRef: "TODO: where the operator keeps its secret, e.g. k8s Secret dvc/dancu-account"
    dailyQuota: 5000
    holder: "TODO: who holds the account"
    contractorAccess: false
    status: active
# Every written notice of a change (dancu-guard notice drafts it; dancu-guard fingerprint
# gives the fingerprint), with the approval once the province has answered.
# notices:
#   - reference: "123/STTTT-CNTT"
#     summary: What changes
#     submitted: 2026-10-01
#     goLive: 2026-11-30
#     fingerprint: "sha256:…"
#     approved: { reference: "456/TCT-DA06", date: 2026-10-20 }
`,
  vi: `# Khai báo tích hợp phục vụ cổng kiểm soát trước triển khai (dancu-guard gate; docs/gate.md).
# ĐÂY LÀ MẪU: thay mọi giá trị có ghi "TODO" trước khi dùng. Không bao giờ ghi bí mật vào
# tệp này: secretRef chỉ nêu NƠI đơn vị vận hành lưu giữ bí mật.
version: 1
system: "TODO: tên hệ thống tra cứu thông tin công dân"
owner: "TODO: đơn vị chủ quản, vận hành hệ thống"
# Tỉnh hoặc thành phố trực thuộc trung ương (một trong 34 đơn vị từ ngày 01/7/2025).
province: Hưng Yên
# Cấp độ an toàn hệ thống thông tin (hệ thống kết nối CSDLQG về dân cư: từ cấp độ 3 trở lên)
# và kết quả kiểm tra, đánh giá an toàn thông tin gần nhất (ngày và số văn bản).
securityLevel: 3
securityAssessment:
  date: 2026-01-01
  reference: "TODO: số báo cáo đánh giá"
accounts:
  - name: "TODO: tên tài khoản kết nối CSDL"
    secretRef: "TODO: nơi đơn vị vận hành lưu bí mật, ví dụ k8s Secret dvc/dancu-account"
    dailyQuota: 5000
    holder: "TODO: người/đơn vị nắm giữ tài khoản"
    contractorAccess: false
    status: active
# Các văn bản thông báo thay đổi (dancu-guard notice soạn dự thảo; dancu-guard fingerprint
# cho mã vân tay), kèm văn bản chấp thuận khi tỉnh đã trả lời.
# notices:
#   - reference: "123/STTTT-CNTT"
#     summary: Nội dung thay đổi
#     submitted: 2026-10-01
#     goLive: 2026-11-30
#     fingerprint: "sha256:…"
#     approved: { reference: "456/TCT-DA06", date: 2026-10-20 }
`,
};

interface InitCliOptions {
  declaration?: boolean;
  force?: boolean;
  lang?: Lang;
}

export function registerInitCommand(program: Command, T: Translate = translator('en')): Command {
  return program
    .command('init')
    .description(T('init.description'))
    .argument('[dir]', T('init.arg.path'), '.')
    .option('--declaration', T('init.opt.declaration'))
    .option('--force', T('init.opt.force'))
    .addOption(sharedOptions(T).lang())
    .addHelpText('after', T('init.after'))
    .action((dir: string, opts: InitCliOptions) => {
      process.exitCode = initCommand(dir, opts);
    });
}

export function initCommand(dir: string, opts: InitCliOptions): number {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say = notifier(lang);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(T('init.err.notDir', { path: dir }));
  const files: Array<[string, string]> = [['.dancu-guard.yml', CONFIG_TEMPLATE[lang]]];
  if (opts.declaration) files.push(['dancu-integration.yml', DECLARATION_TEMPLATE[lang]]);
  // Check every file before writing any: all or nothing.
  for (const [name] of files) {
    const path = join(dir, name);
    if (existsSync(path) && !opts.force) throw new UsageError(T('init.err.exists', { file: path }));
  }
  for (const [name, text] of files) {
    const path = join(dir, name);
    try {
      writeFileSync(path, text);
    } catch (err) {
      throw UsageError.of('files.cannotWrite', { path, code: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    }
    say.note(T('init.note.wrote', { file: path }));
  }
  say.note(opts.declaration ? T('init.note.nextDeclaration', { file: join(dir, 'dancu-integration.yml'), path: dir }) : T('init.note.next', { path: dir }));
  return 0;
}
