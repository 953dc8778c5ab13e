# METADATA
# title: Files the scanner could not read
# description: >-
#   A source file, manifest or config file that does not parse cannot be checked.
#   It is reported with file, line and the parser's message, and the scan goes on.
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
