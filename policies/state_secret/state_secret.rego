# METADATA
# title: State-secret content in a system connected to the population DB
# description: >-
#   Systems connected to the National Population Database must never be used to
#   draft, store or transmit state-secret content (R6). Reports the markings of
#   state-secret documents (the stamps TUYỆT MẬT, TỐI MẬT, MẬT, GIẢI MẬT, the line
#   "CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ", the phrases "Độ mật" and "bí mật nhà nước",
#   secrecy levels written as words, a DoMat field with a value) in the documents,
#   templates and code of the scanned system. A list of secrecy levels (a select box
#   of a document-management UI) is weaker evidence and reported as medium.
# schemas:
#   - input: schema.facts
package dancu.state_secret

import data.dancu.lib

kind_names := {
	"stamp": {"en": "secrecy stamp", "vi": "dấu chỉ độ mật"},
	"phrase": {"en": "state-secret phrase", "vi": "cụm từ chỉ bí mật nhà nước"},
	"field": {"en": "secrecy-level field with a value", "vi": "trường độ mật có giá trị"},
}

context_names := {
	"code": {"en": "program code", "vi": "mã nguồn"},
	"template": {"en": "a template", "vi": "biểu mẫu/giao diện"},
	"document": {"en": "a document", "vi": "tài liệu"},
	"config": {"en": "configuration", "vi": "cấu hình"},
}

# A name from a table in the message's language, else the key itself.
label(table, key, lang) := table[key][lang] if {
	is_string(table[key][lang])
} else := key

# A list of secrecy levels says the system can classify documents: weaker evidence
# than a stamped document or a field holding a level.
severity_of(m) := "medium" if {
	m.levelList == true
} else := "high"

level_note := {
	"en": " It is a list of secrecy levels (a document-management UI): confirm the system never holds such documents.",
	"vi": " Đây là danh sách các mức độ mật (giao diện quản lý văn bản): cần xác nhận hệ thống không lưu trữ, xử lý văn bản mật.",
}

note(m, lang) := level_note[lang] if {
	m.levelList == true
} else := ""

# METADATA
# title: State-secret marking in a system connected to the population DB
# scope: rule
# custom:
#   id: DG-SECRET-001
#   severity: high
#   category: state-secret
#   basis: [R6]
#   title_vi: Nội dung bí mật nhà nước trong hệ thống kết nối CSDLQG về dân cư
#   remediation_en: >-
#     Remove state-secret documents, templates and classification features from this
#     system. Drafting, storing or transmitting state-secret content is done only on
#     systems approved for it, never on systems connected to the population database.
#   remediation_vi: >-
#     Gỡ bỏ văn bản, biểu mẫu và chức năng có nội dung, phân loại bí mật nhà nước khỏi
#     hệ thống này. Việc soạn thảo, lưu trữ, truyền gửi nội dung bí mật nhà nước chỉ
#     thực hiện trên hệ thống được phép, không dùng hệ thống kết nối CSDLQG về dân cư.
deny contains finding if {
	some m in input.markings
	finding := lib.with_opt(
		{
			"rule": "DG-SECRET-001",
			"file": m.file,
			"line": m.line,
			"severity": severity_of(m),
			"message": {
				"en": sprintf("%s \"%s\" in %s of a system connected to the population DB: such systems must never draft, store or transmit state-secret content.%s", [label(kind_names, m.kind, "en"), m.marking, label(context_names, m.context, "en"), note(m, "en")]),
				"vi": sprintf("%s \"%s\" trong %s của hệ thống kết nối CSDLQG về dân cư: không được dùng hệ thống này để soạn thảo, lưu trữ, truyền gửi nội dung bí mật nhà nước.%s", [label(kind_names, m.kind, "vi"), m.marking, label(context_names, m.context, "vi"), note(m, "vi")]),
			},
			"match": sprintf("%s|%s", [m.kind, m.marking]),
		},
		m, "column",
	)
}
