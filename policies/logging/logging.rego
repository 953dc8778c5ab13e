# METADATA
# title: Audit logging of population-DB lookups
# description: >-
#   Every officer's lookup must be controlled and a complete log kept (R3). A call to
#   the National Population Database must have an audit record in the same code path:
#   a log call in the enclosing function or a same-file caller, a helper (in any file)
#   whose body writes a log, a log entity persisted through a repository, or an
#   INSERT into a log table. The record must attribute the lookup to the officer who
#   made it, and must not hold the secret or the whole citizen record.
# schemas:
#   - input: schema.facts
package dancu.logging

import data.dancu.lib

# An audit record on the call's path: a call named like a logger in the function or a
# same-file caller, a helper whose body (or a helper it calls) writes a log, a
# persisted log entity, an INSERT into a log table.
audited(cs) if lib.call_in_path_matches(cs, "loggerPatterns")

audited(cs) if {
	some w in cs.auditWrites
	w.kind == "helper"
	some name in w.calls
	lib.matches_setting(name, "loggerPatterns")
}

audited(cs) if {
	some w in cs.auditWrites
	w.kind in {"entity", "insert"}
	lib.matches_setting(w.name, "auditRecordPatterns")
}

# Names of the callers of the enclosing function, for the message.
callers_note(cs, lang) := sprintf(
	{"en": " or its callers (%s)", "vi": " hoặc hàm gọi nó (%s)"}[lang],
	[concat(", ", sort({name | some caller in cs.callers; name := lib.str(caller, "name", "?")}))],
) if {
	count(cs.callers) > 0
} else := ""

# METADATA
# title: Population-DB call without an audit log
# scope: rule
# custom:
#   id: DG-LOG-001
#   severity: high
#   category: logging
#   basis: [R3]
#   title_vi: Lời gọi CSDLQG về dân cư không ghi nhật ký
#   remediation_en: >-
#     Write an audit record in the same code path, before or after the call, with the
#     account, the officer (MaCanBo, per officer, not a constant), the unit, the time,
#     the request id, the operation, the purpose/case id and the outcome. Never log
#     the secret or the whole citizen record. If your audit function has another
#     name, add a pattern matching it under `loggers` in .dancu-guard.yml.
#   remediation_vi: >-
#     Ghi bản ghi nhật ký trong cùng luồng xử lý, trước hoặc sau lời gọi, gồm tài
#     khoản, cán bộ tra cứu (MaCanBo của từng cán bộ, không phải hằng số), đơn vị, thời
#     gian, mã yêu cầu, thao tác, mục đích/mã hồ sơ và kết quả. Không ghi mật khẩu
#     hay toàn bộ thông tin công dân vào nhật ký. Nếu hàm ghi nhật ký có tên khác, khai
#     báo mẫu tên đó trong mục `loggers` của .dancu-guard.yml.
deny contains finding if {
	some cs in lib.db_calls
	not audited(cs)
	finding := lib.call_finding("DG-LOG-001", cs, {
		"en": sprintf("Population-DB call %s in %s (line %d) is not audit-logged: no call in %s%s matches an audit-log name, and no helper, log entity or log-table INSERT on the path writes a record (add yours under `loggers` in .dancu-guard.yml).", [lib.call_desc(cs), lib.fn_name(cs), cs.line, lib.fn_name(cs), callers_note(cs, "en")]),
		"vi": sprintf("Lời gọi CSDLQG về dân cư %s trong %s (dòng %d) không được ghi nhật ký: không có lời gọi nào trong %s%s khớp tên hàm ghi nhật ký, không có hàm phụ, thực thể nhật ký hay câu lệnh INSERT vào bảng nhật ký nào trên luồng xử lý (bổ sung tên của đơn vị vào mục `loggers` trong .dancu-guard.yml).", [lib.call_desc(cs), lib.fn_name(cs), cs.line, lib.fn_name(cs), callers_note(cs, "vi")]),
	})
}

# ---------------------------------------------------------------------------
# Audit-log quality

content_names := {
	"response": {"en": "the response of the call (the citizen record)", "vi": "phản hồi của lời gọi (bản ghi công dân)"},
	"serialized": {"en": "a whole object serialised", "vi": "toàn bộ một đối tượng được tuần tự hóa"},
	"secret": {"en": "a secret (token, password, key)", "vi": "thông tin bí mật (token, mật khẩu, khóa)"},
	"secret-carrier": {"en": "a whole object a secret is read from", "vi": "toàn bộ đối tượng chứa thông tin bí mật"},
}

# What a log near the integration must not hold: the secret the call authenticates
# with (every tier), and the citizen record — a response, a whole object — where a call
# returns one (a DB lookup, a portal such as VNeID).
record_kinds := {"response", "serialized"}

# The tier calls made in the function of a log write.
calls_beside(w) := [cs |
	some cs in lib.tier_calls
	cs.file == w.file
	cs.function.name == w.function.name
	cs.function.line == w.function.line
]

returns_record(cs) if lib.is_db_call(cs)

returns_record(cs) if lib.call_tier(cs) == "portal"

risky_content(w, c) if {
	c.kind in record_kinds
	some cs in calls_beside(w)
	returns_record(cs)
}

risky_content(w, c) if {
	not c.kind in record_kinds
	count(calls_beside(w)) > 0
}

risky_contents(w) := {c | some c in w.contents; risky_content(w, c)}

contents_text(contents, lang) := concat("; ", sort({sprintf("%s: %s", [content_names[c.kind][lang], c.expr]) |
	some c in contents
	content_names[c.kind]
}))

# Log writes beside a call to the DB, its portals or its gateways, holding what they must not.
risky_log_writes contains [w, contents] if {
	some w in input.logWrites
	contents := risky_contents(w)
	count(contents) > 0
}

officer_sources := {
	"literal": {"en": "a literal", "vi": "một giá trị cố định trong mã"},
	"constant": {"en": "a constant", "vi": "một hằng số"},
	"config": {"en": "one configuration value", "vi": "một giá trị cấu hình dùng chung"},
	"env": {"en": "one environment variable", "vi": "một biến môi trường dùng chung"},
}

keys_text(o) := sprintf(" (%s)", [concat(", ", o.keys)]) if {
	count(o.keys) > 0
} else := ""

# Officer ids from a constant or configuration; logs holding the secret or the citizen record.
quality_findings contains finding if {
	some o in input.officerFields
	officer_sources[o.source]
	finding := lib.with_opt(
		{
			"rule": "DG-LOG-002",
			"file": o.file,
			"line": o.line,
			"message": {
				"en": sprintf("Officer field %s is set from %s%s, not from the signed-in user: every officer's lookup is recorded under the same officer, so the log cannot tell who looked a citizen up.", [o.field, officer_sources[o.source].en, keys_text(o)]),
				"vi": sprintf("Trường cán bộ %s lấy từ %s%s, không lấy từ người dùng đang đăng nhập: mọi lượt tra cứu được ghi dưới cùng một cán bộ, nhật ký không xác định được ai đã tra cứu.", [o.field, officer_sources[o.source].vi, keys_text(o)]),
			},
			"match": sprintf("officer|%s|%s", [o.field, o.source]),
		},
		o, "column",
	)
}

quality_findings contains finding if {
	some [w, contents] in risky_log_writes
	finding := lib.with_opt(
		{
			"rule": "DG-LOG-002",
			"file": w.file,
			"line": w.line,
			"message": {
				"en": sprintf("Log call %s in %s writes %s. Logs near the population-DB integration must not hold secrets or whole citizen records.", [w.logger, w.function.name, contents_text(contents, "en")]),
				"vi": sprintf("Lời gọi ghi log %s trong %s ghi %s. Nhật ký quanh kết nối CSDLQG về dân cư không được chứa thông tin bí mật hay toàn bộ bản ghi công dân.", [w.logger, w.function.name, contents_text(contents, "vi")]),
			},
			"match": sprintf("log|%s|%s|%s", [w.logger, w.function.name, concat(",", sort({c.kind | some c in contents}))]),
		},
		w, "column",
	)
}

# METADATA
# title: Audit record that does not identify the officer, or logs the secret or the citizen record
# scope: rule
# custom:
#   id: DG-LOG-002
#   severity: high
#   category: logging
#   basis: [R3]
#   title_vi: Nhật ký không xác định được cán bộ tra cứu, hoặc ghi thông tin bí mật, toàn bộ bản ghi công dân
#   remediation_en: >-
#     Take MaCanBo (the officer) from the signed-in user for every lookup, never from
#     a constant or one configuration value shared by every officer. Log who looked up
#     whom, when and why (ids and outcome), never the token, password or key, and never
#     the whole request or response of the DB (the complete citizen record).
#   remediation_vi: >-
#     Lấy MaCanBo (cán bộ tra cứu) từ người dùng đang đăng nhập cho mỗi lượt tra cứu,
#     không dùng hằng số hay một giá trị cấu hình chung cho mọi cán bộ. Nhật ký ghi ai
#     tra cứu ai, khi nào, vì sao (mã định danh, kết quả); không ghi token, mật khẩu,
#     khóa, và không ghi toàn bộ yêu cầu hay phản hồi của CSDL (toàn bộ bản ghi công dân).
deny contains finding if some finding in quality_findings
