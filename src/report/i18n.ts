/**
 * Every word the CLI and the text report say, in English and Vietnamese (errors and
 * warnings of the lower layers included, src/report/i18n-errors.ts): one table, so
 * that a string cannot exist in one language only (test/report/i18n.test.ts checks
 * both sides of every entry, and that every `{placeholder}` appears in both).
 *
 * The language: `--lang`, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`:
 * `vi`, `vi_VN.UTF-8`… choose Vietnamese), else English.
 *
 * What the policies say (titles, messages, remediation) comes from the Rego rules in both
 * languages. The collectors describe a detected tool in English (`imports puppeteer`);
 * `localizeToolReasons` translates those phrases inside Vietnamese messages, by the table
 * `TOOL_REASONS` below, so the collectors stay language-free.
 */
import type { Category, Lang, Severity } from '../findings/types.js';
import { COMMAND_MESSAGES } from './i18n-commands.js';
import { ERROR_MESSAGES } from './i18n-errors.js';

export type { Lang };

type Entry = { readonly en: string; readonly vi: string };

const M = {
  // approve, keygen, explain, init and the speed flags: src/report/i18n-commands.ts
  ...COMMAND_MESSAGES,
  // errors and warnings of the layers below the CLI: src/report/i18n-errors.ts
  ...ERROR_MESSAGES,
  // ---------------------------------------------------------------- program and help
  'program.description': {
    en: 'Policy-as-code compliance scanner for systems connected to the National Population Database (CSDLQG về dân cư).',
    vi: 'Công cụ kiểm tra tuân thủ (chính sách dưới dạng mã) cho các hệ thống kết nối Cơ sở dữ liệu quốc gia về dân cư (CSDLQG về dân cư).',
  },
  'program.helpAfterError': { en: '(run with --help for usage)', vi: '(chạy với --help để xem cách dùng)' },
  'program.version': { en: 'print the version number', vi: 'in số phiên bản' },
  'program.help': { en: 'display help for a command', vi: 'hiển thị hướng dẫn của lệnh' },
  'program.helpCommand': { en: 'display help for a command', vi: 'hiển thị hướng dẫn của một lệnh' },
  'program.after': {
    en: `
Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or the gate
blocks); 2 usage, configuration or policy error (never a pass).
Language: --lang vi|en, else LC_ALL / LC_MESSAGES / LANG (vi_* chooses Vietnamese).
Rules: dancu-guard rules · dancu-guard explain DG-CRED-001 · docs/rules/`,
    vi: `
Mã thoát: 0 không có phát hiện từ mức --fail-on trở lên; 1 có phát hiện từ mức đó trở lên
(hoặc cổng kiểm soát chặn triển khai); 2 lỗi cách dùng, cấu hình hoặc chính sách (không bao
giờ coi là đạt).
Ngôn ngữ: --lang vi|en, nếu không có thì theo LC_ALL / LC_MESSAGES / LANG (vi_* là tiếng Việt).
Quy tắc: dancu-guard rules · dancu-guard explain DG-CRED-001 · docs/rules/`,
  },
  'help.usage': { en: 'Usage:', vi: 'Cách dùng:' },
  'help.options': { en: 'Options:', vi: 'Tùy chọn:' },
  'help.arguments': { en: 'Arguments:', vi: 'Tham số:' },
  'help.commands': { en: 'Commands:', vi: 'Lệnh:' },
  'help.globalOptions': { en: 'Global Options:', vi: 'Tùy chọn chung:' },
  'help.default': { en: 'default', vi: 'mặc định' },
  'help.choices': { en: 'choices', vi: 'chọn một trong' },
  'help.exitCodes': { en: 'Exit codes:', vi: 'Mã thoát:' },
  'help.examples': { en: 'Examples:', vi: 'Ví dụ:' },

  // ---------------------------------------------------------------- shared options
  'opt.format': { en: 'output format', vi: 'định dạng kết quả' },
  'opt.output': { en: 'write {what} to a file instead of stdout', vi: 'ghi {what} ra tệp thay vì ra màn hình' },
  'opt.output.report': { en: 'the report', vi: 'báo cáo' },
  'opt.failOn': { en: 'exit 1 when a finding is at or above this severity', vi: 'thoát với mã 1 khi có phát hiện từ mức nghiêm trọng này trở lên' },
  'opt.config': { en: 'configuration file (default: .dancu-guard.yml at the scanned root)', vi: 'tệp cấu hình (mặc định: .dancu-guard.yml ở thư mục gốc được quét)' },
  'opt.declaration': { en: 'integration declaration (default: dancu-integration.yml at the root)', vi: 'tệp khai báo tích hợp (mặc định: dancu-integration.yml ở thư mục gốc)' },
  'opt.trustedConfig': {
    en: "the province's configuration: the repository's .dancu-guard.yml, .dancu-guardignore, baseline and inline directives can then only tighten it (docs/security.md)",
    vi: 'cấu hình của tỉnh: khi đó .dancu-guard.yml, .dancu-guardignore, baseline và chỉ thị bỏ qua trong kho mã chỉ có thể siết chặt thêm (docs/security.vi.md)',
  },
  'opt.lang': { en: 'language of every message (default: from LC_ALL/LC_MESSAGES/LANG, else en)', vi: 'ngôn ngữ của mọi thông điệp (mặc định: theo LC_ALL/LC_MESSAGES/LANG, nếu không thì en)' },
  'opt.noProgress': { en: 'do not show progress on the terminal', vi: 'không hiển thị tiến độ trên màn hình' },
  'opt.noColor': { en: 'no ANSI colours in text output (also NO_COLOR; FORCE_COLOR forces them)', vi: 'không tô màu ANSI trong kết quả dạng văn bản (cũng theo NO_COLOR; FORCE_COLOR buộc tô màu)' },
  'opt.quiet': { en: 'only findings and the verdict line: no progress, no notices, no footer', vi: 'chỉ in các phát hiện và dòng kết luận: không tiến độ, không ghi chú, không phần chú giải' },
  'opt.verbose': { en: 'text: the detailed layout (message, value, fix and basis under every finding)', vi: 'văn bản: trình bày chi tiết (thông điệp, giá trị, cách khắc phục và căn cứ dưới từng phát hiện)' },
  'opt.severity': { en: 'only these severities (comma-separated: critical,high,medium,low,info); the others are neither shown nor blocking', vi: 'chỉ các mức này (phân cách bằng dấu phẩy: critical,high,medium,low,info); các mức khác không hiển thị và không chặn' },
  'opt.category': { en: 'only these categories (comma-separated, e.g. credentials,transport); the others are neither shown nor blocking', vi: 'chỉ các nhóm này (phân cách bằng dấu phẩy, ví dụ credentials,transport); các nhóm khác không hiển thị và không chặn' },

  // ---------------------------------------------------------------- scan
  'scan.description': { en: 'scan a repository, a few files or stdin: source code, configuration and deployment manifests', vi: 'quét một kho mã, một số tệp hoặc đầu vào chuẩn: mã nguồn, cấu hình và tệp triển khai' },
  'scan.arg.paths': { en: 'the root of the repository (default .), or one or more files scanned as a tree of their own, or - for stdin', vi: 'thư mục gốc của kho mã (mặc định .), hoặc một hay nhiều tệp được quét như một cây riêng, hoặc - để đọc từ đầu vào chuẩn' },
  'scan.opt.stdinFilename': { en: 'with -: the name stdin is scanned and reported as (its extension decides the language)', vi: 'dùng với -: tên tệp gán cho nội dung đầu vào chuẩn khi quét và báo cáo (phần mở rộng quyết định ngôn ngữ)' },
  'scan.opt.baseline': { en: 'report only findings not recorded in this baseline file (and list stale entries)', vi: 'chỉ báo cáo các phát hiện chưa ghi trong tệp baseline này (và liệt kê mục không còn khớp)' },
  'scan.opt.writeBaseline': { en: 'record the current findings in a baseline file, then exit 0', vi: 'ghi các phát hiện hiện tại vào tệp baseline rồi thoát với mã 0' },
  'scan.opt.changedSince': { en: 'diff-aware gating: the merge-base of <ref> and HEAD is scanned too, and only findings it did not have (by fingerprint) are reported and can block; when the merge-base cannot be scanned, only findings on changed lines', vi: 'chỉ chặn cái mới: quét thêm merge-base của <ref> và HEAD, chỉ báo cáo và chặn các phát hiện chưa có ở đó (so theo dấu vân tay); nếu không quét được merge-base thì chỉ xét các dòng đã thay đổi' },
  'scan.opt.history': { en: 'scan the git history: credentials ever committed on commits reachable from HEAD, each at the commit that introduced it', vi: 'quét lịch sử git: thông tin xác thực từng được commit trên các commit tới được từ HEAD, mỗi giá trị tại commit đưa nó vào' },
  'scan.opt.since': { en: 'with --history: only walk the commits after <ref> (<ref>..HEAD)', vi: 'dùng với --history: chỉ duyệt các commit sau <ref> (<ref>..HEAD)' },
  'scan.opt.staged': { en: 'scan what is staged for commit (the git index), not the working tree; files named report only on those (pre-commit)', vi: 'quét nội dung đã đưa vào chỉ mục git (sắp commit) thay vì thư mục làm việc; nếu nêu tên tệp thì chỉ báo cáo các tệp đó (pre-commit)' },
  'scan.opt.automationCategory': { en: 'SARIF runAutomationDetails id, e.g. dancu-guard/merge/ (default dancu-guard/)', vi: 'mã runAutomationDetails của SARIF, ví dụ dancu-guard/merge/ (mặc định dancu-guard/)' },
  'scan.after': {
    en: `
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage, configuration or policy error; also nothing to scan (never a pass)

--severity and --category choose what is shown AND what can block: a finding filtered
out is not reported and does not count against --fail-on (the summary says how many
were hidden).

Examples:
  dancu-guard scan .
  dancu-guard scan src/config.ts k8s/secret.yaml              # these files, as a tree of their own
  cat app.env | dancu-guard scan - --stdin-filename app.env   # stdin (nothing is written to disk but a private temp dir)
  dancu-guard scan examples/ts-violating --format json --output report.json
  dancu-guard scan . --fail-on critical --lang vi
  dancu-guard scan . --severity critical,high --category credentials
  dancu-guard scan . --quiet                                  # findings and the verdict only
  dancu-guard scan . --write-baseline .dancu-guard-baseline.json   # accept what is there today
  dancu-guard scan . --baseline .dancu-guard-baseline.json         # then report only new findings
  dancu-guard scan . --changed-since origin/main                   # gate only what this branch adds
  dancu-guard scan . --history                                     # credentials ever committed
  dancu-guard scan . --history --since v1.4.0                      # only commits after v1.4.0
  dancu-guard scan --staged                                        # pre-commit: only what is staged`,
    vi: `
Mã thoát:
  0  không có phát hiện từ mức --fail-on trở lên
  1  có phát hiện từ mức --fail-on trở lên
  2  lỗi cách dùng, cấu hình hoặc chính sách; cả khi không có gì để quét (không bao giờ coi là đạt)

--severity và --category chọn cả những gì được hiển thị VÀ những gì có thể chặn: phát hiện
bị lọc ra không được báo cáo và không tính vào --fail-on (phần tổng hợp nêu số phát hiện bị ẩn).

Ví dụ:
  dancu-guard scan .
  dancu-guard scan src/config.ts k8s/secret.yaml              # các tệp này, như một cây riêng
  cat app.env | dancu-guard scan - --stdin-filename app.env   # đầu vào chuẩn (chỉ ghi vào một thư mục tạm riêng)
  dancu-guard scan examples/ts-violating --format json --output report.json
  dancu-guard scan . --fail-on critical --lang vi
  dancu-guard scan . --severity critical,high --category credentials
  dancu-guard scan . --quiet                                  # chỉ các phát hiện và kết luận
  dancu-guard scan . --write-baseline .dancu-guard-baseline.json   # chấp nhận hiện trạng
  dancu-guard scan . --baseline .dancu-guard-baseline.json         # sau đó chỉ báo cáo phát hiện mới
  dancu-guard scan . --changed-since origin/main                   # chỉ chặn những gì nhánh này thêm vào
  dancu-guard scan . --history                                     # thông tin xác thực từng được commit
  dancu-guard scan . --history --since v1.4.0                      # chỉ các commit sau v1.4.0
  dancu-guard scan --staged                                        # pre-commit: chỉ nội dung đã stage`,
  },
  'scan.err.historyStaged': { en: '--history and --staged cannot be combined', vi: 'không dùng đồng thời --history và --staged' },
  'scan.err.sinceNeedsHistory': { en: '--since needs --history (for diff-aware gating use --changed-since)', vi: '--since cần đi kèm --history (để chỉ chặn cái mới, dùng --changed-since)' },
  'scan.err.changedSinceWith': { en: '--changed-since cannot be combined with --{flag}', vi: 'không dùng đồng thời --changed-since và --{flag}' },
  'scan.err.filesWith': { en: 'several paths (or -) cannot be combined with --{flag}', vi: 'không dùng đồng thời nhiều đường dẫn (hoặc -) với --{flag}' },
  'scan.err.stdinAlone': { en: '- (stdin) must be the only path', vi: '- (đầu vào chuẩn) phải là đường dẫn duy nhất' },
  'scan.err.stdinFilenameNeedsStdin': { en: '--stdin-filename needs - (stdin) as the path', vi: '--stdin-filename cần đường dẫn là - (đầu vào chuẩn)' },
  'scan.err.stdinFilenameBad': { en: '--stdin-filename must be a relative file name without .. (got "{name}")', vi: '--stdin-filename phải là tên tệp tương đối, không chứa .. (nhận được "{name}")' },
  'scan.err.stdinTty': { en: 'scan -: stdin is a terminal; pipe the content in (e.g. cat FILE | dancu-guard scan - --stdin-filename FILE)', vi: 'scan -: đầu vào chuẩn là màn hình; hãy chuyển nội dung vào qua ống (ví dụ cat TỆP | dancu-guard scan - --stdin-filename TỆP)' },
  'scan.err.notFound': { en: 'path not found: {path}', vi: 'không tìm thấy đường dẫn: {path}' },
  'scan.err.dirAmongFiles': { en: '{path} is a directory: give one directory, or files only', vi: '{path} là thư mục: hãy nêu một thư mục, hoặc chỉ các tệp' },
  'scan.err.notFile': { en: 'not a regular file: {path}', vi: 'không phải tệp thông thường: {path}' },
  'scan.err.badList': { en: 'unknown {what} "{value}" (one of {allowed})', vi: '{what} không hợp lệ "{value}" (chọn trong {allowed})' },
  'scan.list.severity': { en: 'severity', vi: 'mức nghiêm trọng' },
  'scan.list.category': { en: 'category', vi: 'nhóm' },
  'scan.empty.dir': { en: 'nothing to scan in {path}: the directory has no file', vi: 'không có gì để quét trong {path}: thư mục không có tệp nào' },
  'scan.empty.ignored': { en: 'nothing to scan in {path}: every file is ignored or skipped ({detail})', vi: 'không có gì để quét trong {path}: mọi tệp đều bị bỏ qua ({detail})' },
  'scan.empty.none': { en: 'nothing to scan in {path}: no file the scanner reads (source code, configuration, manifests)', vi: 'không có gì để quét trong {path}: không có tệp nào công cụ đọc được (mã nguồn, cấu hình, tệp triển khai)' },
  'scan.empty.hint': { en: 'check the path (an empty scan never passes)', vi: 'hãy kiểm tra lại đường dẫn (quét rỗng không bao giờ được coi là đạt)' },
  'scan.empty.ignoredByConfig': { en: '{n} ignored by configuration', vi: '{n} tệp bị loại theo cấu hình' },
  'scan.empty.ownReports': { en: '{n} dancu-guard reports', vi: '{n} báo cáo của dancu-guard' },
  'scan.empty.skipped': { en: '{n} skipped', vi: '{n} tệp bỏ qua' },
  'scan.note.ownReports': { en: 'skipped {n} dancu-guard report(s) found in the tree (recognised by content): {files}', vi: 'bỏ qua {n} báo cáo của dancu-guard có trong cây thư mục (nhận biết theo nội dung): {files}' },
  'scan.note.nothingStaged': { en: 'nothing staged: nothing to check', vi: 'chưa stage nội dung nào: không có gì để kiểm tra' },
  'scan.note.baselineWritten': { en: 'recorded {n} findings in {file}', vi: 'đã ghi {n} phát hiện vào {file}' },
  'scan.note.written': { en: '{total} findings ({blocking} blocking) written to {file}', vi: '{total} phát hiện ({blocking} phát hiện chặn) đã ghi vào {file}' },
  'scan.note.gatingFingerprint': {
    en: 'gating on findings new since {base} (by fingerprint against a scan of the merge-base; a renamed file counts as new): {n} pre-existing findings not reported',
    vi: 'chỉ chặn phát hiện mới kể từ {base} (so dấu vân tay với lần quét merge-base; tệp đổi tên được coi là mới): {n} phát hiện đã có từ trước không được báo cáo',
  },
  'scan.note.gatingFallback': {
    en: 'could not scan the merge-base ({reason}); falling back to gating on changed lines, which misses a violation introduced away from its finding\'s line',
    vi: 'không quét được merge-base ({reason}); chuyển sang chỉ xét các dòng đã thay đổi, cách này bỏ sót vi phạm gây ra ở nơi khác với dòng của phát hiện',
  },
  'scan.note.gatingLines': { en: 'gating on lines changed since {base}: {n} pre-existing findings on unchanged lines not reported', vi: 'chỉ xét các dòng thay đổi kể từ {base}: {n} phát hiện đã có trên các dòng không đổi không được báo cáo' },
  'scan.note.unknownError': { en: 'unknown error', vi: 'lỗi không xác định' },

  // ---------------------------------------------------------------- gate
  'gate.description': { en: 'pre-deployment gate: scan, then check the declaration, the written notice (10 working days), the approval and the fingerprint', vi: 'cổng kiểm soát trước triển khai: quét, rồi kiểm tra tệp khai báo, văn bản thông báo (10 ngày làm việc), văn bản chấp thuận và mã vân tay' },
  'gate.arg.path': { en: 'root of the repository to gate', vi: 'thư mục gốc của kho mã cần kiểm soát' },
  'gate.opt.deployDate': { en: 'the deployment date being judged, YYYY-MM-DD (default: today in Vietnam, UTC+7)', vi: 'ngày triển khai cần xét, YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam, UTC+7)' },
  'gate.opt.failOn': { en: 'block (exit 1) when a finding is at or above this severity', vi: 'chặn (thoát mã 1) khi có phát hiện từ mức này trở lên' },
  'gate.opt.trustKey': { en: "the province's public key: approvals count only when signed with it (repeatable, for key rotation; docs/approvals.md)", vi: 'khóa công khai của tỉnh: văn bản chấp thuận chỉ có giá trị khi được ký bằng khóa này (dùng được nhiều lần khi thay khóa; xem docs/approvals.vi.md)' },
  'gate.opt.attestation': { en: 'a signed approval besides those in dancu-approvals/ (repeatable; needs --trust-key)', vi: 'một bản chấp thuận đã ký ngoài các bản trong dancu-approvals/ (dùng được nhiều lần; cần --trust-key)' },
  'gate.opt.allowUnsigned': { en: 'without --trust-key: accept the approvals written in the declaration (no DG-GATE-011)', vi: 'khi không có --trust-key: chấp nhận văn bản chấp thuận ghi trong tệp khai báo (không báo DG-GATE-011)' },
  'gate.opt.repository': { en: 'the repository being gated: an approval signed for another repository does not count', vi: 'kho mã đang được kiểm soát: bản chấp thuận ký cho kho mã khác không có giá trị' },
  'gate.after': {
    en: `
Exit codes:
  0  deployment allowed (no finding at or above --fail-on)
  1  deployment blocked
  2  usage, declaration, configuration or policy error (never a pass)

Examples:
  dancu-guard gate . --deploy-date 2026-12-01 --trust-key /etc/dancu-guard/tinh-mau.pub
  dancu-guard gate . --trusted-config /etc/dancu-guard/tinh-mau.yml   # the repository can only tighten it
  dancu-guard gate . --deploy-date 2026-12-01 --format json --output gate.json
  dancu-guard gate . --lang vi`,
    vi: `
Mã thoát:
  0  được phép triển khai (không có phát hiện từ mức --fail-on trở lên)
  1  chặn triển khai
  2  lỗi cách dùng, tệp khai báo, cấu hình hoặc chính sách (không bao giờ coi là đạt)

Ví dụ:
  dancu-guard gate . --deploy-date 2026-12-01 --trust-key /etc/dancu-guard/tinh-mau.pub
  dancu-guard gate . --trusted-config /etc/dancu-guard/tinh-mau.yml   # kho mã chỉ có thể siết chặt thêm
  dancu-guard gate . --deploy-date 2026-12-01 --format json --output gate.json
  dancu-guard gate . --lang vi`,
  },
  'gate.note.written': { en: 'gate {verdict} for {date}: {total} findings ({blocking} blocking) written to {file}', vi: 'cổng kiểm soát {verdict} cho ngày {date}: {total} phát hiện ({blocking} phát hiện chặn) đã ghi vào {file}' },
  'gate.allowed': { en: 'ALLOWED', vi: 'CHO PHÉP TRIỂN KHAI' },
  'gate.blocked': { en: 'BLOCKED', vi: 'CHẶN TRIỂN KHAI' },

  // ---------------------------------------------------------------- fingerprint
  'fingerprint.description': { en: 'print the fingerprint of the integration surface (the code and config that reach the population DB)', vi: 'in mã vân tay của phần tích hợp (mã nguồn và cấu hình kết nối tới CSDLQG về dân cư)' },
  'fingerprint.arg.path': { en: 'root of the repository', vi: 'thư mục gốc của kho mã' },
  'fingerprint.opt.list': { en: 'also list the files included, with their hashes', vi: 'liệt kê thêm các tệp được tính, kèm giá trị băm' },
  'fingerprint.opt.write': { en: 'write {file} (per-file hashes) at the root; run it when a notice is approved', vi: 'ghi {file} (giá trị băm từng tệp) ở thư mục gốc; chạy khi thông báo được chấp thuận' },
  'fingerprint.after': {
    en: `
Covered: every file with a call to the population DB (as the policies decide), the
source files the call's URL is defined in, and the config/manifest entries (key=value)
holding the keys those calls read or a DB endpoint. Comments, blank lines and
whitespace do not count; the declaration and the lock file are never included.

Examples:
  dancu-guard fingerprint .
  dancu-guard fingerprint . --list
  dancu-guard fingerprint . --write        # at approval time; commit {file}`,
    vi: `
Được tính: mọi tệp có lời gọi CSDLQG về dân cư (theo quyết định của chính sách), các tệp
mã nguồn định nghĩa địa chỉ của lời gọi, và các mục cấu hình/tệp triển khai (khóa=giá trị)
chứa khóa mà các lời gọi đó đọc hoặc chứa địa chỉ CSDL. Chú thích, dòng trống và khoảng
trắng không được tính; tệp khai báo và tệp khóa không bao giờ được tính.

Ví dụ:
  dancu-guard fingerprint .
  dancu-guard fingerprint . --list
  dancu-guard fingerprint . --write        # khi được chấp thuận; commit {file}`,
  },
  'fingerprint.warn.empty': { en: 'no call to the population DB found; the fingerprint covers nothing (add your endpoints to .dancu-guard.yml?)', vi: 'không tìm thấy lời gọi CSDLQG về dân cư nào; mã vân tay không bao gồm tệp nào (bổ sung địa chỉ kết nối vào .dancu-guard.yml?)' },
  'fingerprint.note.wrote': { en: 'wrote {file} ({n} files)', vi: 'đã ghi {file} ({n} tệp)' },
  'fingerprint.entries': { en: 'entries', vi: 'các mục' },
  'fingerprint.file': { en: 'file', vi: 'tệp' },

  // ---------------------------------------------------------------- notice
  'notice.description': { en: 'draft the written notice of a change to the provincial Đề án 06 working group (Vietnamese; Markdown or .docx)', vi: 'soạn dự thảo văn bản thông báo thay đổi gửi Tổ Công tác Đề án 06 của tỉnh (tiếng Việt; Markdown hoặc .docx)' },
  'notice.opt.format': { en: 'markdown, or docx (Nghị định 30/2020/NĐ-CP layout; needs --output)', vi: 'markdown, hoặc docx (thể thức theo Nghị định 30/2020/NĐ-CP; cần --output)' },
  'notice.opt.goLive': { en: 'planned go-live, YYYY-MM-DD (default: the earliest legal date)', vi: 'ngày dự kiến đưa vào sử dụng, YYYY-MM-DD (mặc định: ngày sớm nhất theo quy định)' },
  'notice.opt.submitted': { en: 'date the notice is sent, YYYY-MM-DD (default: today in Vietnam, UTC+7)', vi: 'ngày gửi thông báo, YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam, UTC+7)' },
  'notice.opt.output': { en: 'the draft', vi: 'bản dự thảo' },
  'notice.after': {
    en: `
The earliest legal go-live is the day after the 10th working day counted from the day
after submission (weekends, public holidays, compensatory days and the government's
swapped days off do not count; add local days in .dancu-guard.yml calendar: {off, work}).

Examples:
  dancu-guard notice . --submitted 2026-10-01 --go-live 2026-11-30 --output thong-bao.md
  dancu-guard notice . --format docx --output thong-bao.docx`,
    vi: `
Ngày sớm nhất được đưa vào sử dụng là ngày sau ngày làm việc thứ 10, tính từ ngày sau ngày
gửi (không tính thứ Bảy, Chủ nhật, ngày lễ, ngày nghỉ bù và ngày nghỉ hoán đổi theo thông báo
của Chính phủ; ngày nghỉ riêng của địa phương khai báo trong .dancu-guard.yml, mục calendar:
{off, work}).

Ví dụ:
  dancu-guard notice . --submitted 2026-10-01 --go-live 2026-11-30 --output thong-bao.md
  dancu-guard notice . --format docx --output thong-bao.docx`,
  },
  'notice.err.docxOutput': { en: '--format docx needs --output FILE (a .docx is not printed on the terminal)', vi: '--format docx cần --output TỆP (tệp .docx không in ra màn hình)' },
  'notice.note.merged': {
    en: 'notice: province "{input}" was merged into {unit} on 2025-07-01 (Nghị quyết 202/2025/QH15); the notice is addressed to {unit} — write "province: {name}" in the declaration',
    vi: 'thông báo: "{input}" đã hợp nhất vào {unit} từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15); thông báo được gửi {unit} — hãy ghi "province: {name}" trong tệp khai báo',
  },
  'notice.note.renamed': { en: 'notice: "{input}" is now {unit}; the notice uses the current name', vi: 'thông báo: "{input}" nay là {unit}; thông báo dùng tên hiện hành' },
  'notice.note.docx': { en: 'notice drafted to {file} (.docx; earliest legal go-live {date})', vi: 'đã soạn thông báo vào {file} (.docx; ngày sớm nhất được đưa vào sử dụng {date})' },
  'notice.note.written': { en: 'notice drafted to {file} (earliest legal go-live {date})', vi: 'đã soạn thông báo vào {file} (ngày sớm nhất được đưa vào sử dụng {date})' },
  'notice.warn.short': {
    en: 'go-live {goLive} is fewer than 10 working days after {submitted}; the earliest legal go-live is {earliest}',
    vi: 'ngày đưa vào sử dụng {goLive} chưa đủ 10 ngày làm việc sau ngày {submitted}; ngày sớm nhất theo quy định là {earliest}',
  },

  // ---------------------------------------------------------------- inventory
  'inventory.description': { en: 'list every account, DB endpoint, DB call site and credential source, for the account review (R7)', vi: 'liệt kê mọi tài khoản, địa chỉ kết nối CSDL, vị trí gọi CSDL và nguồn thông tin xác thực, phục vụ rà soát tài khoản (R7)' },
  'inventory.opt.format': { en: 'output format: csv and xlsx are the account review for the Ministry; csv-detail lists every item', vi: 'định dạng: csv và xlsx là biểu rà soát tài khoản gửi Bộ Công an; csv-detail liệt kê từng mục' },
  'inventory.opt.date': { en: 'date of the account review (csv, xlsx), YYYY-MM-DD (default: today in Vietnam, UTC+7)', vi: 'ngày rà soát tài khoản (csv, xlsx), YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam, UTC+7)' },
  'inventory.opt.output': { en: 'the inventory', vi: 'bản kê' },
  'inventory.after': {
    en: `
Examples:
  dancu-guard inventory . --format xlsx --output tai-khoan.xlsx
  dancu-guard inventory . --format csv --output tai-khoan.csv
  dancu-guard inventory . --format csv-detail --output inventory.csv
  dancu-guard inventory . --format json`,
    vi: `
Ví dụ:
  dancu-guard inventory . --format xlsx --output tai-khoan.xlsx
  dancu-guard inventory . --format csv --output tai-khoan.csv
  dancu-guard inventory . --format csv-detail --output inventory.csv
  dancu-guard inventory . --format json`,
  },
  'inventory.err.xlsxOutput': { en: '--format xlsx needs --output FILE (a workbook is not printed on the terminal)', vi: '--format xlsx cần --output TỆP (bảng tính không in ra màn hình)' },
  'inventory.warn.noDeclaration': { en: 'no dancu-integration.yml: the accounts cannot be listed (only what the code and manifests show)', vi: 'không có dancu-integration.yml: không liệt kê được tài khoản (chỉ có những gì mã nguồn và tệp triển khai thể hiện)' },
  'inventory.note.written': {
    en: 'inventory written to {file}: {accounts} accounts, {endpoints} endpoints, {calls} call sites, {creds} credential sources',
    vi: 'đã ghi bản kê vào {file}: {accounts} tài khoản, {endpoints} địa chỉ kết nối, {calls} vị trí gọi, {creds} nguồn thông tin xác thực',
  },

  // ---------------------------------------------------------------- rules
  'rules.description': { en: 'list every rule: id, severity, category, title and basis', vi: 'liệt kê mọi quy tắc: mã, mức nghiêm trọng, nhóm, tên và căn cứ' },
  'rules.after': {
    en: `
Examples:
  dancu-guard rules
  dancu-guard rules --format markdown --lang vi
  dancu-guard rules --format json | jq '.[] | select(.severity == "critical") | .id'`,
    vi: `
Ví dụ:
  dancu-guard rules
  dancu-guard rules --format markdown --lang vi
  dancu-guard rules --format json | jq '.[] | select(.severity == "critical") | .id'`,
  },
  'rules.head.id': { en: 'Rule', vi: 'Mã' },
  'rules.head.severity': { en: 'Severity', vi: 'Mức' },
  'rules.head.category': { en: 'Category', vi: 'Nhóm' },
  'rules.head.title': { en: 'Title', vi: 'Tên quy tắc' },
  'rules.head.basis': { en: 'Basis', vi: 'Căn cứ' },
  'rules.count': { en: '{n} rules. More: dancu-guard explain <RULE-ID>', vi: '{n} quy tắc. Chi tiết: dancu-guard explain <MÃ-QUY-TẮC>' },
  'cli.error': { en: 'error', vi: 'lỗi' },
  'cli.warning': { en: 'warning', vi: 'cảnh báo' },
  'cli.internalError': { en: 'internal error', vi: 'lỗi nội bộ' },

  // ---------------------------------------------------------------- text report
  'text.findings': { en: 'findings', vi: 'phát hiện' },
  'text.finding': { en: 'finding', vi: 'phát hiện' },
  'text.in': { en: 'in', vi: 'trong' },
  'text.scanned': { en: 'files scanned', vi: 'tệp đã quét' },
  'text.scannedOne': { en: 'file scanned', vi: 'tệp đã quét' },
  'text.skipped': { en: 'skipped', vi: 'bỏ qua' },
  'text.basis': { en: 'Basis', vi: 'Căn cứ' },
  'text.fix': { en: 'Fix', vi: 'Khắc phục' },
  'text.docs': { en: 'Docs', vi: 'Tài liệu' },
  'text.none': { en: 'No findings.', vi: 'Không có phát hiện nào.' },
  'text.value': { en: 'value', vi: 'giá trị' },
  'text.suppressed': { en: 'suppressed', vi: 'đã bỏ qua theo chỉ thị/ngoại lệ' },
  'text.known': { en: 'accepted by baseline', vi: 'đã chấp nhận trong baseline' },
  'text.hidden': { en: 'hidden by --severity/--category', vi: 'bị ẩn theo --severity/--category' },
  'text.stale': { en: 'Stale baseline entries (no longer found; remove them with --write-baseline):', vi: 'Mục baseline không còn khớp (đã sửa; cập nhật bằng --write-baseline):' },
  'text.commit': { en: 'commit', vi: 'commit' },
  'text.rulesFooter': { en: 'Rules', vi: 'Quy tắc' },
  'text.occurrences': { en: '{n}×', vi: '{n} lần' },
  'text.verdict': { en: 'Verdict', vi: 'Kết luận' },
  'text.pass': { en: 'PASS', vi: 'ĐẠT' },
  'text.fail': { en: 'FAIL', vi: 'KHÔNG ĐẠT' },
  'text.verdictFail': { en: '{n} blocking at or above {threshold}', vi: '{n} phát hiện chặn, từ mức {threshold} trở lên' },
  'text.verdictPass': { en: 'nothing at or above {threshold}', vi: 'không có phát hiện từ mức {threshold} trở lên' },
  'text.verdictNone': { en: '--fail-on none: nothing blocks', vi: '--fail-on none: không chặn' },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof M;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** The table itself, for the test that checks both languages of every entry. */
export const MESSAGES: Readonly<Record<MessageKey, Entry>> = M;

export function tr(lang: Lang, key: MessageKey, vars: Vars = {}): string {
  return M[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(lang: Lang): Translate {
  return (key, vars) => tr(lang, key, vars);
}

// ---------------------------------------------------------------- taxonomy names

export const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = {
  en: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
  vi: { critical: 'NGHIÊM TRỌNG', high: 'CAO', medium: 'TRUNG BÌNH', low: 'THẤP', info: 'THÔNG TIN' },
};

/** Lower-case severity words for running text ("7 critical", "7 nghiêm trọng"). */
export function severityWord(lang: Lang, s: Severity | 'none'): string {
  if (s === 'none') return 'none';
  return lang === 'en' ? s : SEVERITY_NAMES.vi[s].toLowerCase();
}

export const CATEGORY_NAMES: Record<Lang, Record<Category, string>> = {
  en: {
    credentials: 'credentials',
    'lookup-tool': 'lookup tools',
    logging: 'audit logging',
    quota: 'query quota',
    'change-control': 'change control',
    'state-secret': 'state secrets',
    transport: 'transport security',
    config: 'scanner health',
  },
  vi: {
    credentials: 'thông tin xác thực',
    'lookup-tool': 'công cụ tra cứu tự phát triển',
    logging: 'nhật ký truy cập',
    quota: 'ngưỡng truy vấn',
    'change-control': 'kiểm soát thay đổi',
    'state-secret': 'bí mật nhà nước',
    transport: 'an toàn đường truyền',
    config: 'tình trạng quét',
  },
};

// ---------------------------------------------------------------- language choice

/** Vietnamese when the locale says so (`LC_ALL`, then `LC_MESSAGES`, then `LANG`). */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!locale) return undefined;
  return /^vi(?:[_.@-]|$)/i.test(locale) ? 'vi' : 'en';
}

/** `--lang X` / `--lang=X` on the command line, else the locale, else English. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  return langFromEnv(env) ?? 'en';
}

// ---------------------------------------------------------------- commander's own words

/** The placeholders of flags and arguments in help (`<file>`, `[path]`), in Vietnamese. */
const PLACEHOLDERS_VI: Record<string, string> = {
  file: 'tệp',
  format: 'định_dạng',
  severity: 'mức',
  lang: 'ngôn_ngữ',
  list: 'danh_sách',
  dir: 'thư_mục',
  date: 'ngày',
  name: 'tên',
  category: 'nhóm',
  var: 'biến',
  'owner/name': 'chủ/tên',
  'rule-id': 'mã-quy-tắc',
  path: 'đường_dẫn',
  paths: 'đường_dẫn',
  command: 'lệnh',
  options: 'tùy_chọn',
};

/** An argument's bare name in help (`paths` → `đường_dẫn`). */
export function placeholderWord(word: string, lang: Lang): string {
  return lang === 'vi' ? (PLACEHOLDERS_VI[word] ?? word) : word;
}

/** `<file>` → `<tệp>`, `[paths...]` → `[đường_dẫn...]` in a help line. */
export function translatePlaceholders(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.replace(/([<[])([\w/-]+)(\.\.\.)?([>\]])/g, (whole, open: string, word: string, dots: string | undefined, close: string) =>
    PLACEHOLDERS_VI[word] ? `${open}${PLACEHOLDERS_VI[word]}${dots ?? ''}${close}` : whole,
  );
}

/** Commander's error messages, in Vietnamese (patterns over its English text). */
const COMMANDER_ERRORS_VI: Array<[RegExp, string]> = [
  [/^error: unknown option '([^']*)'/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '([^']*)'/, "lỗi: không có lệnh '$1'"],
  [/^error: missing required argument '([^']*)'/, "lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: option '([^']*)' argument missing/, "lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: required option '([^']*)' not specified/, "lỗi: chưa nêu tùy chọn bắt buộc '$1'"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ. Chọn một trong: $3."],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, 'lỗi: thừa tham số. Cần $2 tham số nhưng nhận được $3.'],
  [/\(Did you mean one of ([^?]*)\?\)/, '(Có phải một trong: $1?)'],
  [/\(Did you mean ([^?]*)\?\)/, '(Có phải $1?)'],
];

export function translateCommanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [re, vi] of COMMANDER_ERRORS_VI) out = out.replace(re, vi);
  return out.replace(/^error: /, 'lỗi: ');
}

// ---------------------------------------------------------------- progress lines

/** The pipeline's progress lines (shown on a terminal only), in Vietnamese. */
const PROGRESS_VI: Array<[RegExp, string]> = [
  [/^discovering files…$/, 'đang tìm tệp…'],
  [/^collecting facts from (\d+) files…$/, 'đang thu thập dữ kiện từ $1 tệp…'],
  [/^collected (.*) \((\d+)\/(\d+)\)$/, 'đã thu thập $1 ($2/$3)'],
  [/^evaluating policies…$/, 'đang đánh giá chính sách…'],
  [/^evaluating the gate…$/, 'đang đánh giá các điều kiện triển khai…'],
  [/^evaluating the integration surface…$/, 'đang xác định phần tích hợp…'],
  [/^history: walking commits…$/, 'lịch sử: đang duyệt các commit…'],
  [/^history: read (\d+) commits…$/, 'lịch sử: đã đọc $1 commit…'],
  [/^history: (\d+) commits, reading (\d+) blobs…$/, 'lịch sử: $1 commit, đang đọc $2 đối tượng…'],
  [/^history: scanned (\d+)\/(\d+) blobs$/, 'lịch sử: đã quét $1/$2 đối tượng'],
  [/^history: evaluating policies…$/, 'lịch sử: đang đánh giá chính sách…'],
  [/^staged: listing staged files…$/, 'chỉ mục: đang liệt kê tệp đã stage…'],
  [/^staged: materialising the index \((\d+) staged files\)…$/, 'chỉ mục: đang chép nội dung đã stage ($1 tệp)…'],
];

export function translateProgress(status: string, lang: Lang): string {
  if (lang === 'en') return status;
  for (const [re, vi] of PROGRESS_VI) if (re.test(status)) return status.replace(re, vi);
  return status;
}

// ---------------------------------------------------------------- collectors' tool reasons

/**
 * The collectors name why a file is a stand-alone tool in English (src/collect/**); the
 * Vietnamese messages of DG-TOOL-* embed that reason. Each entry: a pattern of the
 * English phrase (as the collectors write it) and its Vietnamese wording.
 */
const TOOL_REASONS: Array<[RegExp, string]> = [
  [/\bfunc main in package main, with flag parsing\b/g, 'hàm main trong package main, có phân tích tham số dòng lệnh (flag)'],
  [/\bfunc main in package main\b/g, 'hàm main trong package main'],
  [/\bstatic Main \(no web host in the file\)/g, 'hàm static Main (tệp không dựng web host)'],
  [/\btop-level statements that loop\b/g, 'câu lệnh cấp cao nhất có vòng lặp'],
  [/\btop-level statements read args\b/g, 'câu lệnh cấp cao nhất đọc args'],
  [/\bpublic static void main\b/g, 'hàm public static void main'],
  [/\b(\S+) bean that loops\b/g, 'bean $1 có vòng lặp'],
  [/\b(\S+) that loops\b/g, '$1 có vòng lặp'],
  [/\bpicocli @Command\b/g, '@Command của picocli'],
  [/@Scheduled method\b/g, 'phương thức @Scheduled'],
  [/\bHangfire RecurringJob\b/g, 'tác vụ định kỳ Hangfire RecurringJob'],
  [/\bQuartz IJob\b/g, 'tác vụ Quartz IJob'],
  [/\bDjango management command \(BaseCommand\.handle\)/g, 'lệnh quản trị Django (BaseCommand.handle)'],
  [/\bcron scheduler \(([^)]*)\)/g, 'bộ lập lịch cron ($1)'],
  [/\bscheduler \(([^)]*)\)/g, 'bộ lập lịch ($1)'],
  [/\bLaravel scheduler \(([^)]*)\)/g, 'bộ lập lịch Laravel ($1)'],
  [/\bconsole command \(([^)]*) extends Command\)/g, 'lệnh console ($1 kế thừa Command)'],
  [/\bargparse command line\b/g, 'dòng lệnh argparse'],
  [/\b(\S+) command line\b/g, 'dòng lệnh $1'],
  [/\breads sys\.argv\b/g, 'đọc sys.argv'],
  [/\breads process\.argv\b/g, 'đọc process.argv'],
  [/\breads (\$\w+)/g, 'đọc $1'],
  [/\bif __name__ == "__main__"/g, 'khối if __name__ == "__main__"'],
  [/\bshebang\b/g, 'dòng shebang'],
  [/\bJupyter notebook\b/g, 'sổ Jupyter'],
  [/\bpackage\.json bin\b/g, 'mục bin của package.json'],
  [/\bpage\.goto to a population-DB portal\b/g, 'page.goto tới cổng thông tin của CSDLQG về dân cư'],
  [/\bunder (\S+)\/ and calls the population DB\b/g, 'nằm trong $1/ và gọi CSDLQG về dân cư'],
  [/\buses util\.parseArgs\b/g, 'dùng util.parseArgs'],
  [/\brequire\.main === module\b/g, 'điều kiện require.main === module'],
  [/\bimport\.meta\.url main guard\b/g, 'điều kiện chạy trực tiếp theo import.meta.url'],
  [/\bimport\.meta\.main\b/g, 'điều kiện import.meta.main'],
  [/@(\w+) schedule\b/g, 'lịch chạy @$1'],
  [/\busing OpenQA\.Selenium\b/g, 'dùng OpenQA.Selenium'],
  [/\bimports (\S+)/g, 'nạp thư viện $1'],
  [/\buses (Symfony Panther|Laravel Dusk|headless Chromium|Puppeteer|Selenium WebDriver)\b/g, 'dùng $1'],
  [/\bgetopt\(\)/g, 'hàm getopt()'],
];

/** Only the messages of rules that describe a detected tool carry a collector's reason. */
const TOOL_RULE = /^DG-TOOL-/;

/** A Vietnamese message of a DG-TOOL-* rule with the collectors' English reasons translated. */
export function localizeToolReasons(ruleId: string, message: string, lang: Lang): string {
  if (lang !== 'vi' || !TOOL_RULE.test(ruleId)) return message;
  // Replace inside the parenthesised tool description only, once per phrase.
  return message.replace(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (whole, inner: string) => {
    let out = inner;
    for (const [re, vi] of TOOL_REASONS) {
      const next = out.replace(re, vi);
      if (next !== out) {
        out = next;
        break;
      }
    }
    return out === inner ? whole : `(${out})`;
  });
}
