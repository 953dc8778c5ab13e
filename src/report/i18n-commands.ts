/**
 * Messages of the commands that are not the scan (approve, keygen, explain, init) and of
 * the scan's speed flags, in English and Vietnamese: part of the one table of
 * src/report/i18n.ts, kept apart only to keep that file readable.
 */
export const COMMAND_MESSAGES = {
  // ---------------------------------------------------------------- speed flags (scan)
  'perf.opt.jobs': { en: 'worker threads collecting facts (default: the available cores); findings are the same for any number', vi: 'số luồng xử lý thu thập dữ kiện (mặc định: số lõi CPU sẵn có); kết quả không phụ thuộc vào số luồng' },
  'perf.opt.cacheDir': { en: 'where the facts cache lives (default: $XDG_CACHE_HOME/dancu-guard, else ~/.cache/dancu-guard)', vi: 'thư mục bộ nhớ đệm dữ kiện (mặc định: $XDG_CACHE_HOME/dancu-guard, nếu không có thì ~/.cache/dancu-guard)' },
  'perf.opt.noCache': { en: 'do not read or write the facts cache', vi: 'không đọc, không ghi bộ nhớ đệm dữ kiện' },
  'perf.opt.profile': { en: 'print where the time went: stages, collectors, cache, the slowest files (on stderr)', vi: 'in thời gian từng giai đoạn, bộ thu thập, bộ nhớ đệm và các tệp chậm nhất (ra stderr)' },
  'perf.opt.fileBudget': { en: 'report a file whose analysis takes longer than this many seconds (default {n})', vi: 'báo tệp có thời gian phân tích vượt số giây này (mặc định {n})' },
  'perf.opt.fileTimeout': { en: "stop a file's analysis after this many seconds: it gets the plain-text checks and a blocking finding (default {n})", vi: 'dừng phân tích một tệp sau số giây này: tệp chỉ được kiểm tra dạng văn bản và bị chặn (mặc định {n})' },
  'perf.err.positive': { en: '{flag} must be a positive number (got "{value}")', vi: '{flag} phải là số dương (nhận được "{value}")' },
  'perf.err.positiveInteger': { en: '{flag} must be a positive whole number (got "{value}")', vi: '{flag} phải là số nguyên dương (nhận được "{value}")' },
  'perf.opt.workerMemory': {
    en: 'heap limit of each worker thread, MiB (default {n}); a file whose analysis needs more gets the plain-text checks and a blocking finding',
    vi: 'giới hạn bộ nhớ heap của mỗi luồng xử lý, MiB (mặc định {n}); tệp cần nhiều hơn chỉ được kiểm tra dạng văn bản và bị chặn',
  },
  'perf.err.workerMemoryMin': { en: '--worker-memory must be at least {min} MiB (got "{value}")', vi: '--worker-memory phải từ {min} MiB trở lên (nhận được "{value}")' },
  'perf.warn.oomText': { en: '{path}: analysis ran out of memory (worker limit {mb} MiB, --worker-memory); only the plain-text checks ran (a blocking finding says so)', vi: '{path}: phân tích vượt giới hạn bộ nhớ ({mb} MiB mỗi luồng, --worker-memory); chỉ chạy các kiểm tra dạng văn bản (có phát hiện chặn nêu rõ)' },
  'perf.warn.oomNone': { en: '{path}: analysis and the plain-text checks ran out of memory (worker limit {mb} MiB, --worker-memory); nothing in it was checked (a blocking finding says so)', vi: '{path}: cả phân tích lẫn kiểm tra dạng văn bản đều vượt giới hạn bộ nhớ ({mb} MiB mỗi luồng, --worker-memory); tệp chưa được kiểm tra gì (có phát hiện chặn nêu rõ)' },
  'perf.err.timeoutShorter': { en: '--file-timeout must not be shorter than --file-budget', vi: '--file-timeout không được ngắn hơn --file-budget' },
  'perf.warn.overBudget': { en: '{path} took {took} to analyse (budget {budget})', vi: '{path} mất {took} để phân tích (ngưỡng {budget})' },
  'perf.warn.stoppedText': { en: '{path}: analysis stopped at the {limit} limit; only the plain-text checks ran (a blocking finding says so)', vi: '{path}: dừng phân tích ở giới hạn {limit}; chỉ chạy các kiểm tra dạng văn bản (có phát hiện chặn nêu rõ)' },
  'perf.warn.stoppedNone': { en: '{path}: analysis and the plain-text checks stopped at the {limit} limit; nothing in it was checked (a blocking finding says so)', vi: '{path}: dừng cả phân tích lẫn kiểm tra dạng văn bản ở giới hạn {limit}; tệp chưa được kiểm tra gì (có phát hiện chặn nêu rõ)' },
  // ---------------------------------------------------------------- keygen
  'keygen.description': { en: "generate the province's Ed25519 key pair for signing approvals (dancu-guard approve)", vi: 'tạo cặp khóa Ed25519 của tỉnh để ký văn bản chấp thuận (dancu-guard approve)' },
  'keygen.opt.out': { en: 'write dancu-approval-<key id>.key (private) and .pub (public) into this directory', vi: 'ghi dancu-approval-<mã khóa>.key (khóa bí mật) và .pub (khóa công khai) vào thư mục này' },
  'keygen.opt.private': { en: 'where to write the private key (with --public)', vi: 'nơi ghi khóa bí mật (đi kèm --public)' },
  'keygen.opt.public': { en: 'where to write the public key (with --private)', vi: 'nơi ghi khóa công khai (đi kèm --private)' },
  'keygen.opt.force': { en: 'replace existing key files', vi: 'ghi đè tệp khóa đã có' },
  'keygen.opt.passphraseEnv': { en: 'encrypt the private key with the passphrase in this environment variable', vi: 'mã hóa khóa bí mật bằng cụm mật khẩu trong biến môi trường này' },
  'keygen.after': {
    en: `
The private key is written with mode 0600: keep it offline (a USB key in the safe of the
Đề án 06 working group), never in a repository or a CI secret the contractor can reach.
The public key goes to the gate: \`dancu-guard gate --trust-key FILE\` or the Action's
trust-key input, from a place the contractor cannot change. See docs/approvals.md.

Examples:
  dancu-guard keygen --out ~/dancu-keys
  DANCU_KEY_PASS=… dancu-guard keygen --out ~/dancu-keys --passphrase-env DANCU_KEY_PASS
  dancu-guard keygen --private tinh-mau-2026.key --public tinh-mau-2026.pub`,
    vi: `
Khóa bí mật được ghi với quyền 0600: lưu ngoại tuyến (USB cất trong tủ của Tổ Công tác
Đề án 06), không bao giờ để trong kho mã hay trong biến bí mật CI mà nhà thầu truy cập được.
Khóa công khai giao cho cổng kiểm soát: \`dancu-guard gate --trust-key TỆP\` hoặc tham số
trust-key của Action, lấy từ nơi nhà thầu không sửa được. Xem docs/approvals.vi.md.

Ví dụ:
  dancu-guard keygen --out ~/dancu-keys
  DANCU_KEY_PASS=… dancu-guard keygen --out ~/dancu-keys --passphrase-env DANCU_KEY_PASS
  dancu-guard keygen --private tinh-mau-2026.key --public tinh-mau-2026.pub`,
  },
  'keygen.err.pair': { en: '--private and --public go together', vi: '--private và --public phải đi cùng nhau' },
  'keygen.err.both': { en: 'give either --out DIR or --private FILE --public FILE, not both', vi: 'chỉ dùng một trong hai: --out THƯ_MỤC hoặc --private TỆP --public TỆP' },
  'keygen.err.where': { en: 'where to write the keys: --out DIR, or --private FILE --public FILE', vi: 'cần nêu nơi ghi khóa: --out THƯ_MỤC, hoặc --private TỆP --public TỆP' },
  'keygen.err.mkdir': { en: 'cannot create {dir}: {reason}', vi: 'không tạo được {dir}: {reason}' },
  'keygen.out.keyId': { en: 'key id:      {id}', vi: 'mã khóa:       {id}' },
  'keygen.out.private': { en: 'private key: {file}  (mode 0600{enc}: keep it offline; never commit or upload it)', vi: 'khóa bí mật:   {file}  (quyền 0600{enc}: lưu ngoại tuyến; không commit, không tải lên)' },
  'keygen.out.encrypted': { en: ', encrypted', vi: ', đã mã hóa' },
  'keygen.out.public': { en: 'public key:  {file}  (give it to the gate: --trust-key / Action input trust-key)', vi: 'khóa công khai: {file}  (giao cho cổng kiểm soát: --trust-key / tham số trust-key của Action)' },
  'keygen.out.signatures': { en: 'signatures made with this key name key id {id}… in their keyid', vi: 'chữ ký bằng khóa này ghi mã khóa {id}… trong trường keyid' },

  // ---------------------------------------------------------------- approve
  'approve.description': { en: "sign the province's written approval of a notice for the current integration fingerprint", vi: 'ký số văn bản chấp thuận của tỉnh đối với một thông báo, cho mã vân tay tích hợp hiện tại' },
  'approve.arg.path': { en: 'root of the repository being approved', vi: 'thư mục gốc của kho mã được chấp thuận' },
  'approve.opt.key': { en: "the province's private key (dancu-guard keygen)", vi: 'khóa bí mật của tỉnh (dancu-guard keygen)' },
  'approve.opt.reference': { en: 'number of the approving document, e.g. 456/TCT-DA06', vi: 'số hiệu văn bản chấp thuận, ví dụ 456/TCT-DA06' },
  'approve.opt.date': { en: 'date of the approving document, YYYY-MM-DD', vi: 'ngày ký văn bản chấp thuận, YYYY-MM-DD' },
  'approve.opt.notice': { en: 'reference of the notice approved, as in dancu-integration.yml', vi: 'số hiệu thông báo được chấp thuận, như trong dancu-integration.yml' },
  'approve.opt.submitted': { en: "the day the notice was received (default: the declaration's)", vi: 'ngày nhận thông báo (mặc định: theo tệp khai báo)' },
  'approve.opt.goLive': { en: "the go-live approved (default: the declaration's)", vi: 'ngày đưa vào sử dụng được chấp thuận (mặc định: theo tệp khai báo)' },
  'approve.opt.repository': { en: 'the repository approved; the gate then refuses the approval elsewhere', vi: 'kho mã được chấp thuận; cổng kiểm soát sẽ không chấp nhận bản này ở kho mã khác' },
  'approve.opt.fingerprint': { en: 'sign this fingerprint instead of computing it from PATH', vi: 'ký mã vân tay này thay vì tính từ thư mục đường_dẫn' },
  'approve.opt.approver': { en: 'who approves, e.g. "Tổ Công tác Đề án 06 tỉnh Mẫu"', vi: 'cơ quan chấp thuận, ví dụ "Tổ Công tác Đề án 06 tỉnh Mẫu"' },
  'approve.opt.out': { en: 'where to write the attestation (- for stdout; default dancu-approvals/<fingerprint>.dsse.json beside the declaration)', vi: 'nơi ghi bản xác nhận (- để in ra màn hình; mặc định dancu-approvals/<mã vân tay>.dsse.json cạnh tệp khai báo)' },
  'approve.opt.force': { en: 'replace an existing attestation file', vi: 'ghi đè bản xác nhận đã có' },
  'approve.opt.passphraseEnv': { en: 'environment variable holding the passphrase of an encrypted key', vi: 'biến môi trường chứa cụm mật khẩu của khóa đã mã hóa' },
  'approve.after': {
    en: `
The fingerprint is computed as \`dancu-guard fingerprint\` does: approve the code you
reviewed. The attestation goes to the contractor (or is committed): the gate counts the
approval only with the province's public key (--trust-key). See docs/approvals.md.

Examples:
  dancu-guard approve . --key ~/dancu-keys/dancu-approval-1a2b3c4d5e6f7a8b.key \\
      --notice 123/STTTT-CNTT --reference 456/TCT-DA06 --date 2026-10-20
  dancu-guard approve --key province.key --fingerprint sha256:6f71… --notice 123/STTTT-CNTT \\
      --submitted 2026-10-01 --go-live 2026-11-30 --reference 456/TCT-DA06 --date 2026-10-20 --out approval.dsse.json`,
    vi: `
Mã vân tay được tính như \`dancu-guard fingerprint\`: chỉ chấp thuận đúng mã nguồn đã xem xét.
Bản xác nhận giao cho nhà thầu (hoặc commit vào kho mã): cổng kiểm soát chỉ công nhận khi có
khóa công khai của tỉnh (--trust-key). Xem docs/approvals.vi.md.

Ví dụ:
  dancu-guard approve . --key ~/dancu-keys/dancu-approval-1a2b3c4d5e6f7a8b.key \\
      --notice 123/STTTT-CNTT --reference 456/TCT-DA06 --date 2026-10-20
  dancu-guard approve --key province.key --fingerprint sha256:6f71… --notice 123/STTTT-CNTT \\
      --submitted 2026-10-01 --go-live 2026-11-30 --reference 456/TCT-DA06 --date 2026-10-20 --out approval.dsse.json`,
  },
  'approve.out.signed': { en: 'signed approval {ref} ({date}) of notice {notice} (submitted {submitted}{goLive})', vi: 'đã ký văn bản chấp thuận {ref} ({date}) đối với thông báo {notice} (gửi ngày {submitted}{goLive})' },
  'approve.out.goLive': { en: ', go-live {date}', vi: ', đưa vào sử dụng {date}' },
  'approve.out.fingerprint': { en: '  fingerprint {fp}{repo}', vi: '  mã vân tay  {fp}{repo}' },
  'approve.out.of': { en: ' of {repo}', vi: ' của {repo}' },
  'approve.out.keyId': { en: '  key id      {id}…', vi: '  mã khóa     {id}…' },
  'approve.out.written': { en: '  written to  {file}', vi: '  đã ghi vào  {file}' },

  // ---------------------------------------------------------------- rules, explain
  'explain.description': { en: 'explain a rule: what it finds, why, its legal basis, how to fix it, with bad and good code', vi: 'giải thích một quy tắc: phát hiện gì, vì sao, căn cứ pháp lý, cách khắc phục, kèm ví dụ mã sai và mã đúng' },
  'explain.arg.rule': { en: 'a rule id, e.g. DG-CRED-001 (case-insensitive)', vi: 'mã quy tắc, ví dụ DG-CRED-001 (không phân biệt hoa thường)' },
  'explain.opt.format': { en: 'output format', vi: 'định dạng kết quả' },
  'explain.err.unknown': { en: 'unknown rule "{id}"{hint} (list them: dancu-guard rules)', vi: 'không có quy tắc "{id}"{hint} (xem danh sách: dancu-guard rules)' },
  'explain.err.didYouMean': { en: '; did you mean {ids}?', vi: '; có phải {ids}?' },
  'explain.what': { en: 'What it finds', vi: 'Phát hiện gì' },
  'explain.why': { en: 'Why it matters', vi: 'Vì sao' },
  'explain.basis': { en: 'Legal basis', vi: 'Căn cứ pháp lý' },
  'explain.fix': { en: 'How to fix', vi: 'Cách khắc phục' },
  'explain.bad': { en: 'Non-compliant', vi: 'Không tuân thủ' },
  'explain.good': { en: 'Compliant', vi: 'Tuân thủ' },
  'explain.suppress': { en: 'Accepting a finding', vi: 'Chấp nhận một phát hiện' },
  'explain.suppressText': {
    en: 'If a finding is accepted, say why, on the line or the line above: `dancu-guard:ignore {id} -- reason`, or an exception with an expiry in .dancu-guard.yml.',
    vi: 'Nếu chấp nhận một phát hiện, ghi rõ lý do ngay trên dòng đó hoặc dòng trên: `dancu-guard:ignore {id} -- lý do`, hoặc khai báo ngoại lệ có thời hạn trong .dancu-guard.yml.',
  },
  'explain.docs': { en: 'Documentation', vi: 'Tài liệu' },
  'explain.meta': { en: 'severity {severity} · category {category}', vi: 'mức {severity} · nhóm {category}' },
  'explain.noBasis': { en: 'none (a scanner-health rule: it reports what the scanner could not check)', vi: 'không có (quy tắc về tình trạng quét: báo những gì công cụ không kiểm tra được)' },
  'explain.requirement': { en: 'Requirement {key}', vi: 'Yêu cầu {key}' },

  // ---------------------------------------------------------------- init
  'init.description': { en: 'write a commented .dancu-guard.yml (and, with --declaration, a dancu-integration.yml template)', vi: 'tạo tệp .dancu-guard.yml có chú thích (và, với --declaration, mẫu dancu-integration.yml)' },
  'init.arg.path': { en: 'directory to write into', vi: 'thư mục sẽ ghi tệp' },
  'init.opt.declaration': { en: 'also write a dancu-integration.yml template (the gate needs it; fill it in before use)', vi: 'tạo thêm mẫu dancu-integration.yml (cổng kiểm soát cần tệp này; điền đầy đủ trước khi dùng)' },
  'init.opt.force': { en: 'replace existing files', vi: 'ghi đè tệp đã có' },
  'init.after': {
    en: `
Examples:
  dancu-guard init
  dancu-guard init --declaration --lang vi`,
    vi: `
Ví dụ:
  dancu-guard init
  dancu-guard init --declaration --lang vi`,
  },
  'init.err.exists': { en: '{file} exists; not overwritten (use --force to replace it)', vi: '{file} đã tồn tại; không ghi đè (dùng --force để thay thế)' },
  'init.err.notDir': { en: 'not a directory: {path}', vi: 'không phải thư mục: {path}' },
  'init.note.wrote': { en: 'wrote {file}', vi: 'đã tạo {file}' },
  'init.note.next': { en: 'next: dancu-guard scan {path}', vi: 'bước tiếp theo: dancu-guard scan {path}' },
  'init.note.nextDeclaration': { en: 'fill in {file}, then: dancu-guard fingerprint {path} and dancu-guard gate {path}', vi: 'điền {file}, sau đó chạy: dancu-guard fingerprint {path} và dancu-guard gate {path}' },

} as const;
