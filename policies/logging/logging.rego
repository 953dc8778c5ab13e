# METADATA
# title: Audit logging of population-DB lookups
# description: >-
#   Every officer's lookup must be controlled and a complete log kept (R3). A call to
#   the National Population Database must have an audit/log call in the same code
#   path: in the enclosing function, or in a caller of it in the same file.
# schemas:
#   - input: schema.facts
package dancu.logging

import data.dancu.lib

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
	not lib.call_in_path_matches(cs, data.settings.loggerPatterns)
	finding := lib.call_finding("DG-LOG-001", cs, {
		"en": sprintf("Population-DB call %s in %s (line %d) is not audit-logged: no call in %s%s matches an audit-log name (add yours under `loggers` in .dancu-guard.yml).", [lib.call_desc(cs), lib.fn_name(cs), cs.line, lib.fn_name(cs), callers_note(cs, "en")]),
		"vi": sprintf("Lời gọi CSDLQG về dân cư %s trong %s (dòng %d) không được ghi nhật ký: không có lời gọi nào trong %s%s khớp tên hàm ghi nhật ký (bổ sung tên của đơn vị vào mục `loggers` trong .dancu-guard.yml).", [lib.call_desc(cs), lib.fn_name(cs), cs.line, lib.fn_name(cs), callers_note(cs, "vi")]),
	})
}
