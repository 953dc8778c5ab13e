# METADATA
# title: Files the scanner could not read
# description: >-
#   A source file, manifest or config file that does not parse cannot be checked.
#   It is reported with file, line and the parser's message, and the scan goes on.
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

before(e, d) if e.line < d.line

before(e, d) if {
	e.line == d.line
	e.message < d.message
}

# METADATA
# title: Suppression without a reason
# scope: rule
# custom:
#   id: DG-CFG-002
#   severity: medium
#   category: config
#   basis: []
#   title_vi: Chỉ thị bỏ qua không nêu lý do
#   remediation_en: >-
#     Write why the finding is accepted, after two dashes, and name the rule or
#     category: `dancu-guard:ignore DG-CRED-001 -- synthetic test fixture`. A
#     directive without a reason (or without a rule) suppresses nothing.
#   remediation_vi: >-
#     Ghi rõ lý do chấp nhận sau hai dấu gạch và nêu mã quy tắc hoặc nhóm:
#     `dancu-guard:ignore DG-CRED-001 -- dữ liệu kiểm thử giả lập`. Chỉ thị không có
#     lý do (hoặc không nêu quy tắc) không có hiệu lực.
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
# title: File could not be checked
# scope: rule
# custom:
#   id: DG-CFG-004
#   severity: medium
#   category: config
#   basis: []
#   title_vi: Không kiểm tra được tệp
#   remediation_en: >-
#     Make the file checkable: save it as UTF-8 (or UTF-16 with a byte-order mark),
#     remove stray binary bytes, make it readable, or split a file larger than the size
#     limit. A source, config or manifest file the scanner passes over may hide a lookup
#     tool or a credential, so it is reported instead of skipped silently.
#   remediation_vi: >-
#     Đưa tệp về dạng kiểm tra được: lưu bằng UTF-8 (hoặc UTF-16 có BOM), bỏ các byte nhị
#     phân lạc, cấp quyền đọc, hoặc tách tệp vượt giới hạn kích thước. Tệp mã nguồn, cấu
#     hình hay manifest mà công cụ bỏ qua có thể che giấu công cụ tra cứu hoặc thông tin
#     xác thực, nên được báo cáo thay vì bỏ qua im lặng.
deny contains finding if {
	some d in input.diagnostics
	reason := skip_reasons[d.kind]
	finding := {
		"rule": "DG-CFG-004",
		"file": d.file,
		"line": d.line,
		"match": d.kind,
		"message": {
			"en": sprintf("%s could not be checked: %s (%s).", [d.file, reason.en, d.message]),
			"vi": sprintf("Không kiểm tra được %s: %s.", [d.file, reason.vi]),
		},
	}
}

# METADATA
# title: File not fully analysed
# scope: rule
# custom:
#   id: DG-CFG-005
#   severity: high
#   category: config
#   basis: []
#   title_vi: Tệp chưa được phân tích đầy đủ
#   remediation_en: >-
#     Split or simplify the file so that it can be analysed within the per-file time
#     limit (very long concatenations or lines, generated code), or raise the limit for
#     the scan (`--file-timeout`). Generated or third-party code can be excluded with an
#     ignore rule in the province's configuration; the exclusion is shown in every report.
#     Until then the file blocks: what the analysis did not reach may hold a DB call or a
#     credential.
#   remediation_vi: >-
#     Tách hoặc đơn giản hóa tệp để công cụ phân tích được trong giới hạn thời gian cho
#     mỗi tệp (chuỗi nối hoặc dòng rất dài, mã sinh tự động), hoặc tăng giới hạn cho lần
#     quét (`--file-timeout`). Mã sinh tự động hay mã của bên thứ ba có thể được loại trừ
#     bằng quy tắc ignore trong cấu hình của tỉnh; việc loại trừ được nêu trong mọi báo
#     cáo. Cho đến khi đó tệp bị chặn: phần chưa được phân tích có thể chứa lời gọi
#     CSDLQG về dân cư hoặc thông tin xác thực.
deny contains finding if {
	some d in input.diagnostics
	d.kind == "not-analysed"
	finding := {
		"rule": "DG-CFG-005",
		"file": d.file,
		"line": d.line,
		"match": d.kind,
		"message": {
			"en": sprintf("%s was not fully analysed: %s. What the analysis did not reach may hold a DB call or a credential.", [d.file, d.message]),
			"vi": sprintf("Không phân tích đầy đủ được %s: quá giới hạn thời gian phân tích cho mỗi tệp. Phần chưa được phân tích có thể chứa lời gọi CSDLQG về dân cư hoặc thông tin xác thực.", [d.file]),
		},
	}
}

skip_reasons := {
	"skipped-binary": {"en": "it holds binary content although its name says source or config", "vi": "tệp chứa nội dung nhị phân dù tên tệp là mã nguồn hoặc cấu hình"},
	"skipped-encoding": {"en": "it is not UTF-8 (nor UTF-16 with a byte-order mark)", "vi": "tệp không mã hóa UTF-8 (cũng không phải UTF-16 có BOM)"},
	"skipped-size": {"en": "it is larger than the scanner's size limit", "vi": "tệp lớn hơn giới hạn kích thước của công cụ"},
	"unreadable": {"en": "it could not be read", "vi": "không đọc được tệp"},
}
