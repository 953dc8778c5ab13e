# METADATA
# title: Self-made lookup tools
# description: >-
#   Personal or self-developed tools that look up or extract citizen data from the
#   National Population Database are forbidden (R2), and any new system or change
#   that connects to it must be reported and approved in writing first (R5).
#   Reports stand-alone programs (scripts, CLIs, cron jobs, notebooks, console
#   commands) that call the DB, browser automation driving the DB's portals, and DB
#   calls outside the audited gateway modules when those are configured.
# schemas:
#   - input: schema.facts
package dancu.lookup_tool

import data.dancu.lib

tool_kind_labels := {
	"script": {"en": "script", "vi": "tập lệnh (script)"},
	"bin": {"en": "bin entry", "vi": "chương trình bin"},
	"cli": {"en": "command-line program", "vi": "chương trình dòng lệnh (CLI)"},
	"cron": {"en": "cron job", "vi": "tác vụ định kỳ (cron)"},
	"browser-automation": {"en": "browser automation", "vi": "tự động hóa trình duyệt"},
	"notebook": {"en": "notebook", "vi": "notebook"},
	"console-command": {"en": "console command", "vi": "lệnh console"},
}

tool_kind_label(tool, lang) := tool_kind_labels[tool.kind][lang] if {
	is_string(tool_kind_labels[tool.kind][lang])
} else := lib.str(tool, "kind", "tool")

# "script, detected by shebang at line 1"
tool_desc(tool, lang) := sprintf("%s, %s %s %s %d", [
	tool_kind_label(tool, lang),
	{"en": "detected by", "vi": "nhận biết qua"}[lang],
	lib.str(tool, "reason", "?"),
	{"en": "at line", "vi": "tại dòng"}[lang],
	lib.num(tool, "line", 1),
])

# METADATA
# title: Stand-alone tool calls the population database
# scope: rule
# custom:
#   id: DG-TOOL-001
#   severity: critical
#   category: lookup-tool
#   basis: [R2, R5]
#   title_vi: Công cụ độc lập gọi CSDLQG về dân cư
#   remediation_en: >-
#     Delete the tool and do lookups only through the approved, audited system. If
#     the tool is genuinely needed, report it in writing to the provincial Đề án 06
#     working group at least 10 working days before use, obtain written approval, and
#     then list its path in approvedTools.
#   remediation_vi: >-
#     Xóa công cụ và chỉ tra cứu qua hệ thống đã được phê duyệt, có ghi nhật ký. Nếu
#     thực sự cần, báo cáo bằng văn bản với Tổ Công tác Đề án 06 của tỉnh tối thiểu 10
#     ngày làm việc trước khi sử dụng, có văn bản đồng ý, rồi khai báo đường dẫn trong
#     approvedTools.
deny contains finding if {
	some cs in lib.db_calls
	some f in input.files
	f.path == cs.file
	is_object(f.tool)
	f.tool.kind != "browser-automation" # DG-TOOL-002 covers those
	not lib.is_approved_tool(cs.file)
	finding := lib.call_finding("DG-TOOL-001", cs, {
		"en": sprintf("Stand-alone tool (%s) calls the population database: %s in %s. Self-developed lookup tools are forbidden unless approved in writing.", [tool_desc(f.tool, "en"), lib.call_desc(cs), lib.fn_name(cs)]),
		"vi": sprintf("Công cụ độc lập (%s) gọi CSDLQG về dân cư: %s trong %s. Nghiêm cấm tự phát triển công cụ tra cứu, khai thác dữ liệu khi chưa được chấp thuận bằng văn bản.", [tool_desc(f.tool, "vi"), lib.call_desc(cs), lib.fn_name(cs)]),
	})
}

# What a file references of the DB and its portals: its call sites to them and their
# URLs seen in it.
db_refs(path) := ({ref |
	some cs in lib.db_calls
	cs.file == path
	ref := lib.target_label(cs)
} | {ref |
	some cs in lib.tier_calls
	cs.file == path
	lib.call_tier(cs) == "portal"
	ref := lib.target_label(cs)
}) | {ref |
	some e in input.endpoints
	e.file == path
	lib.url_tier(e.url) in {"db", "portal"}
	ref := lib.display_url(e.url)
}

# Where a bot drives the DB or its portals: a navigation (`page.goto`, `driver.get`) to
# a URL of the DB or of a portal.
bot_navigations contains [f, e] if {
	some f in input.files
	f.tool.kind == "browser-automation"
	not lib.is_approved_tool(f.path)
	some e in input.endpoints
	e.file == f.path
	e.navigation == true
	lib.url_tier(e.url) in {"db", "portal"}
}

bot_files contains f.path if some [f, _] in bot_navigations

# Navigations of a bot to the DB or a portal, one finding each.
bot_findings contains finding if {
	some [f, e] in bot_navigations
	tier := lib.url_tier(e.url)
	finding := lib.with_opt(
		{
			"rule": "DG-TOOL-002",
			"file": f.path,
			"line": e.line,
			"message": {
				"en": sprintf("Browser automation (%s) drives the %s here: it navigates to %s. Scripting the DB's web portals is a self-made lookup tool.", [lib.str(f.tool, "reason", "?"), lib.tier_label(tier, "en"), lib.display_url(e.url)]),
				"vi": sprintf("Tự động hóa trình duyệt (%s) điều khiển %s tại đây: truy cập %s. Dùng tập lệnh điều khiển cổng web của CSDL là tự phát triển công cụ tra cứu, bị nghiêm cấm.", [lib.str(f.tool, "reason", "?"), lib.tier_label(tier, "vi"), lib.display_url(e.url)]),
			},
			# one finding per place it navigates: the tool's kind and the URL anchor it
			"match": sprintf("%s|%s", [lib.str(f.tool, "kind", "?"), lib.display_url(e.url)]),
		},
		e, "column",
	)
}

# A bot that references the DB without a navigation we could place (it calls the DB's
# API, or its URLs are built at run time): reported where the tool is recognised.
bot_findings contains finding if {
	some f in input.files
	f.tool.kind == "browser-automation"
	not lib.is_approved_tool(f.path)
	not f.path in bot_files
	refs := sort(db_refs(f.path))
	count(refs) > 0
	finding := {
		"rule": "DG-TOOL-002",
		"file": f.path,
		"line": lib.num(f.tool, "line", 1),
		"message": {
			"en": sprintf("Browser automation (%s) drives the population database: %s. Scripting the DB's web portals is a self-made lookup tool.", [lib.str(f.tool, "reason", "?"), concat(", ", refs)]),
			"vi": sprintf("Tự động hóa trình duyệt (%s) truy cập CSDLQG về dân cư: %s. Dùng tập lệnh điều khiển cổng web của CSDL là tự phát triển công cụ tra cứu, bị nghiêm cấm.", [lib.str(f.tool, "reason", "?"), concat(", ", refs)]),
		},
		# one finding per file: the tool's kind and reason anchor it (endpoints may come and go)
		"match": sprintf("%s|%s", [lib.str(f.tool, "kind", "?"), lib.str(f.tool, "reason", "?")]),
	}
}

# METADATA
# title: Browser automation against the population database or its portals
# scope: rule
# custom:
#   id: DG-TOOL-002
#   severity: critical
#   category: lookup-tool
#   basis: [R2, R5]
#   title_vi: Tự động hóa trình duyệt truy cập CSDLQG về dân cư hoặc cổng dịch vụ của CSDL
#   remediation_en: >-
#     Remove the automation (Puppeteer, Playwright, Selenium…) that drives the DB's
#     web portals; officers must look citizens up themselves through the approved
#     system, under their own account, with every lookup logged.
#   remediation_vi: >-
#     Gỡ bỏ mã tự động hóa (Puppeteer, Playwright, Selenium…) điều khiển cổng web của
#     CSDL; cán bộ phải tự tra cứu qua hệ thống được phê duyệt, bằng tài khoản của
#     mình, mọi lượt tra cứu đều được ghi nhật ký.
deny contains finding if some finding in bot_findings

# METADATA
# title: Population-DB lookup outside the audited gateway
# scope: rule
# custom:
#   id: DG-TOOL-003
#   severity: high
#   category: lookup-tool
#   basis: [R2, R5]
#   title_vi: Tự xây dựng lời gọi tra cứu CSDLQG về dân cư ngoài cổng kết nối đã kiểm định
#   remediation_en: >-
#     Call the population database only through the audited gateway module (the
#     approvedModules globs). If this new code path is intended, report the change
#     in writing at least 10 working days before use, get written approval, and move
#     it into the gateway.
#   remediation_vi: >-
#     Chỉ gọi CSDLQG về dân cư qua mô-đun cổng kết nối đã được kiểm định (các mẫu
#     approvedModules). Nếu đây là chức năng mới có chủ đích, báo cáo bằng văn bản tối
#     thiểu 10 ngày làm việc trước khi sử dụng, có văn bản đồng ý, và chuyển vào cổng
#     kết nối.
deny contains finding if {
	lib.approved_modules_configured
	some cs in lib.db_calls
	not lib.in_approved_module(cs.file)
	not cs.file in lib.tool_paths # tools are DG-TOOL-001/002
	modules := concat(", ", sort(data.settings.approvedModules))
	finding := lib.call_finding("DG-TOOL-003", cs, {
		"en": sprintf("Population-DB lookup outside the audited gateway: %s in %s; this file is not under approvedModules (%s).", [lib.call_desc(cs), lib.fn_name(cs), modules]),
		"vi": sprintf("Tự xây dựng lời gọi tra cứu CSDLQG về dân cư ngoài cổng kết nối đã kiểm định: %s trong %s; tệp này không thuộc approvedModules (%s).", [lib.call_desc(cs), lib.fn_name(cs), modules]),
	})
}
