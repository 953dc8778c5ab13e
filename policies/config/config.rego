# METADATA
# title: Files the scanner could not read
# description: >-
#   A source file, manifest or config file that does not parse is reported with file,
#   line and the parser's message (DG-CFG-001, low: what parsed was still read). A file
#   that was not analysed at all or only in part (skipped, undecodable, unreadable,
#   oversized, an analyser failure) fails closed: DG-CFG-004 blocks at the default
#   threshold.
# schemas:
#   - input: schema.facts
package dancu.config

# METADATA
# title: File could not be parsed
# scope: rule
# custom:
#   id: DG-CFG-001
#   severity: low
#   category: config
#   basis: []
#   title_vi: Không phân tích được tệp
#   remediation_en: >-
#     Fix the syntax error so the file can be checked (and deployed). Until then the
#     scanner cannot tell whether the file holds credentials or DB calls.
#   remediation_vi: >-
#     Sửa lỗi cú pháp để tệp được kiểm tra (và triển khai được). Khi chưa sửa, công cụ
#     không thể biết tệp có chứa thông tin xác thực hay lời gọi CSDLQG về dân cư hay không.
deny contains finding if {
	some d in input.diagnostics
	d.kind == "parse-error"
	not earlier_parse_error(d)
	not third_party(d)
	finding := {
		"rule": "DG-CFG-001",
		"file": d.file,
		"line": d.line,
		"match": d.message,
		"message": {
			"en": sprintf("%s could not be parsed: %s", [d.file, d.message]),
			"vi": sprintf("Không phân tích được %s: %s", [d.file, d.message]),
		},
	}
}

# One finding per file: the first parse error (the rest are usually its echoes, and
# several collectors may read the same file).
earlier_parse_error(d) if {
	some e in input.diagnostics
	e.kind == "parse-error"
	e.file == d.file
	before(e, d)
}

# A file that is not the project's own code or config: a vendored library, a built
# bundle (discover/roles.ts), or a translation catalogue. Whether such a file parses, or
# can be read, says nothing about the project's credentials or DB calls; its source is
# checked where it lives.
third_party_roles := {"vendored", "bundle", "translation"}

third_party(d) if d.role in third_party_roles

third_party(d) if {
	some f in input.files
	f.path == d.file
	f.role in third_party_roles
}

before(e, d) if e.line < d.line

before(e, d) if {
	e.line == d.line
	e.message < d.message
}

# METADATA
# title: Suppression or exception without a real reason
# scope: rule
# custom:
#   id: DG-CFG-002
#   severity: medium
#   category: config
#   basis: []
#   title_vi: Chỉ thị bỏ qua hoặc ngoại lệ không nêu lý do thực sự
#   remediation_en: >-
#     Name the rule or category and write why the finding is accepted: after two
#     dashes in a directive (`dancu-guard:ignore DG-CRED-001 -- synthetic test
#     fixture`), in `reason` for a config exception. A real reason has at least two
#     words and eight letters or digits and is not a placeholder such as "x", "todo"
#     or "test". A directive or exception without one suppresses nothing.
#   remediation_vi: >-
#     Nêu mã quy tắc hoặc nhóm và ghi rõ lý do chấp nhận: sau hai dấu gạch trong chỉ
#     thị (`dancu-guard:ignore DG-CRED-001 -- dữ liệu kiểm thử giả lập`), trong trường
#     reason của ngoại lệ. Lý do thực sự có ít nhất hai từ và tám chữ cái hoặc chữ số,
#     không phải từ giữ chỗ như "x", "todo" hay "test". Chỉ thị hoặc ngoại lệ không có
#     lý do thực sự không có hiệu lực.
deny contains finding if {
	some s in input.suppressions
	problem := suppression_problem(s)
	finding := {
		"rule": "DG-CFG-002",
		"file": s.file,
		"line": s.line,
		"match": concat(",", s.targets),
		"message": {
			"en": sprintf("dancu-guard:ignore %s: it suppresses nothing until it does.", [problem.en]),
			"vi": sprintf("dancu-guard:ignore %s: chỉ thị không có hiệu lực cho đến khi bổ sung.", [problem.vi]),
		},
	}
}

suppression_problem(s) := {"en": "names no rule or category", "vi": "không nêu mã quy tắc hoặc nhóm"} if {
	count(s.targets) == 0
}

suppression_problem(s) := {"en": "gives no reason (write it after --)", "vi": "không nêu lý do (ghi sau --)"} if {
	count(s.targets) > 0
	not s.reason
}

suppression_problem(s) := {
	"en": sprintf("gives no real reason (\"%s\": %s)", [s.reason, reason_rule.en]),
	"vi": sprintf("không nêu lý do thực sự (\"%s\": %s)", [s.reason, reason_rule.vi]),
} if {
	count(s.targets) > 0
	is_string(s.reason)
	not real_reason(s.reason)
}

# METADATA
# title: Suppression or exception without a real reason
# scope: rule
# custom:
#   id: DG-CFG-002
#   severity: medium
#   category: config
#   basis: []
#   title_vi: Chỉ thị bỏ qua hoặc ngoại lệ không nêu lý do thực sự
#   remediation_en: >-
#     Name the rule or category and write why the finding is accepted: after two
#     dashes in a directive (`dancu-guard:ignore DG-CRED-001 -- synthetic test
#     fixture`), in `reason` for a config exception. A real reason has at least two
#     words and eight letters or digits and is not a placeholder such as "x", "todo"
#     or "test". A directive or exception without one suppresses nothing.
#   remediation_vi: >-
#     Nêu mã quy tắc hoặc nhóm và ghi rõ lý do chấp nhận: sau hai dấu gạch trong chỉ
#     thị (`dancu-guard:ignore DG-CRED-001 -- dữ liệu kiểm thử giả lập`), trong trường
#     reason của ngoại lệ. Lý do thực sự có ít nhất hai từ và tám chữ cái hoặc chữ số,
#     không phải từ giữ chỗ như "x", "todo" hay "test". Chỉ thị hoặc ngoại lệ không có
#     lý do thực sự không có hiệu lực.
deny contains finding if {
	some e in input.exceptions
	e.expired == false # an expired one is DG-CFG-003 and accepts nothing anyway
	not real_reason(e.reason)
	finding := {
		"rule": "DG-CFG-002",
		"file": e.file,
		"line": e.line,
		"match": sprintf("%s|%s", [e.rule, concat(",", e.paths)]),
		"message": {
			"en": sprintf("The exception for %s on %s gives no real reason (\"%s\": %s): it suppresses nothing until it does.", [e.rule, concat(", ", e.paths), e.reason, reason_rule.en]),
			"vi": sprintf("Ngoại lệ cho %s trên %s không nêu lý do thực sự (\"%s\": %s): ngoại lệ không có hiệu lực cho đến khi bổ sung.", [e.rule, concat(", ", e.paths), e.reason, reason_rule.vi]),
		},
	}
}

# What a real reason is (docs/security.md, "Suppressions"): at least two words and
# eight letters or digits in all, and not made only of placeholder words ("x",
# "todo", "test", "false positive", …). The findings stage applies a directive or an
# exception only when no DG-CFG-002 names it.
reason_rule := {
	"en": "write at least two words and eight letters or digits saying why, not a placeholder",
	"vi": "ghi ít nhất hai từ và tám chữ cái hoặc chữ số nêu lý do, không phải từ giữ chỗ",
}

real_reason(reason) if {
	words := reason_words(reason)
	count(words) >= 2
	count(concat("", words)) >= 8
	some w in words
	not w in placeholder_words
}

reason_words(reason) := [m[0] | some m in regex.find_all_string_submatch_n(`[\p{L}\p{N}]+`, lower(reason), -1)]

placeholder_words := {
	"x", "xx", "xxx", "xxxx", "todo", "fixme", "tbd", "test", "tests", "testing", "tmp", "temp", "wip",
	"ok", "okay", "na", "n", "a", "none", "nothing", "reason", "ignore", "ignored", "skip", "later",
	"placeholder", "asdf", "foo", "bar", "baz", "false", "positive", "fp", "whatever", "because",
	"needed", "fix", "bo", "qua", "tam", "thoi", "tạm", "thời", "bỏ",
}

# METADATA
# title: Expired exception
# scope: rule
# custom:
#   id: DG-CFG-003
#   severity: medium
#   category: config
#   basis: []
#   title_vi: Ngoại lệ đã hết hạn
#   remediation_en: >-
#     Fix the findings the exception covered, or, if it must stay, renew it with a
#     new expiry date and a current reason approved by whoever owns the risk.
#   remediation_vi: >-
#     Khắc phục các phát hiện mà ngoại lệ đang che, hoặc nếu vẫn cần, gia hạn với ngày
#     hết hạn mới và lý do được người chịu trách nhiệm phê duyệt.
deny contains finding if {
	some e in input.exceptions
	e.expired == true
	finding := {
		"rule": "DG-CFG-003",
		"file": e.file,
		"line": e.line,
		"match": sprintf("%s|%s", [e.rule, concat(",", e.paths)]),
		"message": {
			"en": sprintf("The exception for %s on %s expired on %s and no longer suppresses anything (reason given: %s).", [e.rule, concat(", ", e.paths), e.expires, e.reason]),
			"vi": sprintf("Ngoại lệ cho %s trên %s đã hết hạn ngày %s và không còn hiệu lực (lý do đã nêu: %s).", [e.rule, concat(", ", e.paths), e.expires, e.reason]),
		},
	}
}

# METADATA
# title: File not analysed
# scope: rule
# custom:
#   id: DG-CFG-004
#   severity: high
#   category: config
#   basis: []
#   title_vi: Tệp không được phân tích
#   remediation_en: >-
#     Make the file analysable: save it as UTF-8 (or declare its encoding), remove stray
#     binary bytes, make it readable, split a file larger than the size limit, or
#     simplify code nested too deeply for the analyser. A source, config or manifest file
#     the scanner could not analyse may hide a lookup tool or a credential, so it blocks
#     (fail closed) instead of passing unseen.
#   remediation_vi: >-
#     Đưa tệp về dạng phân tích được: lưu bằng UTF-8 (hoặc khai báo bảng mã), bỏ các
#     byte nhị phân lạc, cấp quyền đọc, tách tệp vượt giới hạn kích thước, hoặc đơn giản
#     hóa đoạn mã lồng nhau quá sâu. Tệp mã nguồn, cấu hình hay manifest mà công cụ không
#     phân tích được có thể che giấu công cụ tra cứu hoặc thông tin xác thực, nên bị chặn
#     thay vì được cho qua.
deny contains finding if {
	some d in input.diagnostics
	reason := not_analysed_reasons[d.kind]
	not earlier_not_analysed(d)
	finding := {
		"rule": "DG-CFG-004",
		"file": d.file,
		"line": d.line,
		"match": d.kind,
		"message": {
			"en": sprintf("%s was not analysed: %s (%s).", [d.file, reason.en, d.message]),
			"vi": sprintf("Không phân tích được %s: %s.", [d.file, reason.vi]),
		},
	}
}

# One finding per file and kind: the first such diagnostic (several collectors may
# give up on the same file).
earlier_not_analysed(d) if {
	some e in input.diagnostics
	e.kind == d.kind
	e.file == d.file
	before(e, d)
}

not_analysed_reasons := {
	"not-analysed": {"en": "the analyser could not finish it, so its facts may be incomplete", "vi": "bộ phân tích không hoàn tất được, dữ kiện của tệp có thể thiếu"},
	"skipped-binary": {"en": "it holds binary content although its name says source or config", "vi": "tệp chứa nội dung nhị phân dù tên tệp là mã nguồn hoặc cấu hình"},
	"skipped-encoding": {"en": "its text encoding could not be decoded (no byte-order mark, declared encoding or recognisable encoding)", "vi": "không giải mã được bảng mã của tệp (không có BOM, khai báo bảng mã hay bảng mã nhận biết được)"},
	"skipped-size": {"en": "it is larger than the scanner's size limit", "vi": "tệp lớn hơn giới hạn kích thước của công cụ"},
	"unreadable": {"en": "it could not be read", "vi": "không đọc được tệp"},
}

# METADATA
# title: A change weakens the gate
# scope: rule
# custom:
#   id: DG-CFG-005
#   severity: high
#   category: config
#   basis: []
#   title_vi: Thay đổi làm yếu cơ chế kiểm soát
#   remediation_en: >-
#     Take the weakening out of the change and fix the findings instead. If the
#     acceptance is justified, have whoever owns the risk (the province) add it in a
#     change of its own, reviewed as such, or in the trusted configuration
#     (--trusted-config). Until then the change's exceptions, ignores, approvals,
#     logger and limiter patterns, baseline entries and inline directives are not
#     applied: the base commit's are.
#   remediation_vi: >-
#     Bỏ phần làm yếu khỏi thay đổi và khắc phục các phát hiện. Nếu việc chấp nhận là có
#     căn cứ, để bên chịu trách nhiệm (tỉnh) bổ sung trong một thay đổi riêng được rà
#     soát, hoặc trong cấu hình tin cậy (--trusted-config). Cho đến khi đó, các ngoại lệ,
#     mẫu bỏ qua, phê duyệt, mẫu ghi nhật ký và giới hạn tần suất, mục baseline và chỉ
#     thị bỏ qua trong thay đổi không được áp dụng: áp dụng theo commit gốc.
deny contains finding if {
	some w in input.weakenings
	kind := weakening_kinds[w.kind]
	finding := {
		"rule": "DG-CFG-005",
		"file": w.file,
		"line": w.line,
		"match": sprintf("%s|%s", [w.kind, w.what]),
		"message": {
			"en": sprintf("This change weakens the gate: %s (%s). It is not applied; the base commit's policy inputs are.", [kind.en, w.what]),
			"vi": sprintf("Thay đổi này làm yếu cơ chế kiểm soát: %s (%s). Phần này không được áp dụng; áp dụng theo commit gốc.", [kind.vi, w.what]),
		},
	}
}

weakening_kinds := {
	"exception": {"en": "an exception added or widened", "vi": "thêm hoặc mở rộng ngoại lệ"},
	"ignore": {"en": "a config ignore added", "vi": "thêm mẫu bỏ qua trong cấu hình"},
	"ignore-file": {"en": "a .dancu-guardignore entry added", "vi": "thêm mục trong .dancu-guardignore"},
	"approved-module": {"en": "an approved-module glob added", "vi": "thêm mẫu mô-đun được phê duyệt"},
	"approved-tool": {"en": "an approved-tool glob added", "vi": "thêm mẫu công cụ được phê duyệt"},
	"logger": {"en": "a logger pattern added", "vi": "thêm mẫu hàm ghi nhật ký"},
	"limiter": {"en": "a limiter pattern added", "vi": "thêm mẫu bộ giới hạn tần suất"},
	"tier": {"en": "a portal or gateway host pattern added (it changes which rules apply to a host)", "vi": "thêm mẫu máy chủ cổng dịch vụ hoặc nền tảng kết nối (làm thay đổi quy tắc áp dụng cho máy chủ)"},
	"pattern-removed": {"en": "a detection entry removed", "vi": "xóa mục dùng để phát hiện"},
	"fail-on": {"en": "the failOn threshold raised", "vi": "nâng ngưỡng failOn"},
	"calendar": {"en": "an extra working day added", "vi": "thêm ngày làm việc"},
	"baseline": {"en": "a baseline entry added", "vi": "thêm mục baseline"},
	"inline-suppression": {"en": "an inline dancu-guard:ignore directive added or widened", "vi": "thêm hoặc mở rộng chỉ thị dancu-guard:ignore"},
}
