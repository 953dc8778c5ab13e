package dancu.lookup_tool_test

import data.dancu.fixtures
import data.dancu.lookup_tool

script_tool := {"kind": "script", "reason": "shebang", "line": 1}

browser_tool := {"kind": "browser-automation", "reason": "imports puppeteer", "line": 2}

tool_call := fixtures.call_site({"file": "tools/tra_cuu_hang_loat.py", "client": "requests.post", "line": 14, "column": 5, "function": {"name": "main", "line": 10}})

eval(facts, settings) := findings if {
	findings := lookup_tool.deny with input as fixtures.facts(facts)
		with data.settings as settings
}

test_tool_001_script_calls_db if {
	findings := eval(
		{"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", script_tool)], "callSites": [tool_call]},
		fixtures.settings,
	)
	findings == {{
		"rule": "DG-TOOL-001",
		"file": "tools/tra_cuu_hang_loat.py",
		"line": 14,
		"column": 5,
		"match": "requests.post|https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|main",
		"message": {
			"en": "Stand-alone tool (script, detected by shebang at line 1) calls the population database: requests.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in main. Self-developed lookup tools are forbidden unless approved in writing.",
			"vi": "Công cụ độc lập (tập lệnh (script), nhận biết qua shebang tại dòng 1) gọi CSDLQG về dân cư: requests.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong main. Nghiêm cấm tự phát triển công cụ tra cứu, khai thác dữ liệu khi chưa được chấp thuận bằng văn bản.",
		},
	}}
}

test_tool_001_soap_operation_in_cron if {
	cs := fixtures.call_site({"file": "jobs/sync.php", "target": {"operation": "CungCapThongTinCongDan", "via": []}})
	findings := eval(
		{"files": [fixtures.file_fact("jobs/sync.php", {"kind": "cron", "reason": "crontab entry", "line": 3})], "callSites": [cs]},
		fixtures.settings,
	)
	[f] := [f | some f in findings]
	f.rule == "DG-TOOL-001"
	f.message.en == "Stand-alone tool (cron job, detected by crontab entry at line 3) calls the population database: axios.post → CungCapThongTinCongDan in traCuuCongDan. Self-developed lookup tools are forbidden unless approved in writing."
}

test_tool_001_unknown_tool_kind_named_as_is if {
	findings := eval(
		{"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", {"kind": "daemon", "reason": "systemd unit", "line": 4})], "callSites": [tool_call]},
		fixtures.settings,
	)
	some f in findings
	startswith(f.message.vi, "Công cụ độc lập (daemon, nhận biết qua systemd unit tại dòng 4)")
}

test_tool_001_approved_tool_exempt if {
	s := fixtures.with_settings({"approvedTools": ["tools/**"]})
	count(eval({"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", script_tool)], "callSites": [tool_call]}, s)) == 0
}

test_tool_001_glob_does_not_cross_slash if {
	s := fixtures.with_settings({"approvedTools": ["*.py"]})
	fixtures.rules_of(eval({"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", script_tool)], "callSites": [tool_call]}, s)) == {"DG-TOOL-001"}
}

test_tool_001_not_a_tool if {
	count(eval({"files": [{"path": "tools/tra_cuu_hang_loat.py", "kind": "source", "size": 10}], "callSites": [tool_call]}, fixtures.settings)) == 0
}

test_tool_001_non_db_call_in_tool if {
	cs := fixtures.call_site({"file": "tools/tra_cuu_hang_loat.py", "target": {"url": "https://api.example.com/weather", "via": ["literal"]}})
	count(eval({"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", script_tool)], "callSites": [cs]}, fixtures.settings)) == 0
}

test_tool_002_browser_automation_with_db_call if {
	cs := fixtures.call_site({"file": "scripts/portal.js", "client": "page.goto", "target": {"url": "https://dichvucong.dancuquocgia.gov.vn/portal?user=x", "via": ["literal"]}})
	findings := eval({"files": [fixtures.file_fact("scripts/portal.js", browser_tool)], "callSites": [cs]}, fixtures.settings)
	findings == {{
		"rule": "DG-TOOL-002",
		"file": "scripts/portal.js",
		"line": 2,
		"match": "browser-automation|imports puppeteer",
		"message": {
			"en": "Browser automation (imports puppeteer) drives the population database: https://dichvucong.dancuquocgia.gov.vn/portal?…. Scripting the DB's web portals is a self-made lookup tool.",
			"vi": "Tự động hóa trình duyệt (imports puppeteer) truy cập CSDLQG về dân cư: https://dichvucong.dancuquocgia.gov.vn/portal?…. Dùng tập lệnh điều khiển cổng web của CSDL là tự phát triển công cụ tra cứu, bị nghiêm cấm.",
		},
	}}
}

test_tool_002_browser_automation_with_endpoint_only if {
	endpoints := [
		{"file": "scripts/portal.js", "line": 5, "url": "https://sso.dancuquocgia.gov.vn/login", "source": "source"},
		{"file": "scripts/portal.js", "line": 6, "url": "https://www.example.com/", "source": "source"},
		{"file": "other.js", "line": 6, "url": "https://sso.dancuquocgia.gov.vn/other", "source": "source"},
	]
	findings := eval({"files": [fixtures.file_fact("scripts/portal.js", browser_tool)], "endpoints": endpoints}, fixtures.settings)
	[f] := [f | some f in findings]
	f.rule == "DG-TOOL-002"
	f.message.en == "Browser automation (imports puppeteer) drives the population database: https://sso.dancuquocgia.gov.vn/login. Scripting the DB's web portals is a self-made lookup tool."
}

test_tool_002_one_finding_per_file if {
	calls := [
		fixtures.call_site({"file": "scripts/portal.js", "line": 10}),
		fixtures.call_site({"file": "scripts/portal.js", "line": 30, "target": {"operation": "TraCuuThongTinCongDan", "via": []}}),
	]
	findings := eval({"files": [fixtures.file_fact("scripts/portal.js", browser_tool)], "callSites": calls}, fixtures.settings)
	[f] := [f | some f in findings]
	f.message.en == "Browser automation (imports puppeteer) drives the population database: TraCuuThongTinCongDan, https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan. Scripting the DB's web portals is a self-made lookup tool."
}

test_tool_002_browser_automation_without_db_reference if {
	cs := fixtures.call_site({"file": "scripts/portal.js", "target": {"url": "https://www.example.com/", "via": ["literal"]}})
	count(eval({"files": [fixtures.file_fact("scripts/portal.js", browser_tool)], "callSites": [cs]}, fixtures.settings)) == 0
}

test_tool_002_approved_tool_exempt if {
	cs := fixtures.call_site({"file": "scripts/portal.js"})
	s := fixtures.with_settings({"approvedTools": ["scripts/portal.js"]})
	count(eval({"files": [fixtures.file_fact("scripts/portal.js", browser_tool)], "callSites": [cs]}, s)) == 0
}

gateway_settings := fixtures.with_settings({"approvedModules": ["src/gateway/**", "lib/lgsp/*.cs"]})

test_tool_003_call_outside_gateway if {
	cs := fixtures.call_site({"file": "src/controllers/hoso.ts", "line": 42, "column": 11, "function": {"name": "xuLyHoSo", "line": 30}})
	findings := eval({"callSites": [cs]}, gateway_settings)
	findings == {{
		"rule": "DG-TOOL-003",
		"file": "src/controllers/hoso.ts",
		"line": 42,
		"column": 11,
		"match": "axios.post|https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|xuLyHoSo",
		"message": {
			"en": "Population-DB lookup outside the audited gateway: axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in xuLyHoSo; this file is not under approvedModules (lib/lgsp/*.cs, src/gateway/**).",
			"vi": "Tự xây dựng lời gọi tra cứu CSDLQG về dân cư ngoài cổng kết nối đã kiểm định: axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong xuLyHoSo; tệp này không thuộc approvedModules (lib/lgsp/*.cs, src/gateway/**).",
		},
	}}
}

test_tool_003_call_inside_gateway if {
	calls := [
		fixtures.call_site({}),
		fixtures.call_site({"file": "lib/lgsp/DanCuClient.cs"}),
	]
	count(eval({"callSites": calls}, gateway_settings)) == 0
}

test_tool_003_off_without_approved_modules if {
	cs := fixtures.call_site({"file": "src/controllers/hoso.ts"})
	count(eval({"callSites": [cs]}, fixtures.settings)) == 0
}

test_tool_003_tools_left_to_tool_rules if {
	findings := eval({"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", script_tool)], "callSites": [tool_call]}, gateway_settings)
	fixtures.rules_of(findings) == {"DG-TOOL-001"}
}

test_tool_003_approved_tool_outside_gateway_is_fine if {
	s := fixtures.override(gateway_settings, {"approvedTools": ["tools/*.py"]})
	count(eval({"files": [fixtures.file_fact("tools/tra_cuu_hang_loat.py", script_tool)], "callSites": [tool_call]}, s)) == 0
}

nav(line, url) := {"file": "bot/dang_ky.py", "line": line, "column": 15, "key": "shared_page.goto", "url": url, "source": "source", "navigation": true}

bot_file := fixtures.file_fact("bot/dang_ky.py", {"kind": "browser-automation", "reason": "imports playwright", "line": 6})

test_tool_002_reported_where_the_bot_navigates if {
	endpoints := [
		nav(683, "https://dichvucong.bocongan.gov.vn/bo-cong-an/tiep-nhan-online"),
		nav(750, "https://dichvucong.bocongan.gov.vn/?home=1"),
		nav(760, "https://www.example.com/"),
		{"file": "bot/dang_ky.py", "line": 20, "url": "https://sso.dancuquocgia.gov.vn/", "source": "source"},
	]
	findings := eval({"files": [bot_file], "endpoints": endpoints}, fixtures.settings)
	{f.line | some f in findings} == {683, 750}
	some f in findings
	f.line == 750
	f.column == 15
	f.match == "browser-automation|https://dichvucong.bocongan.gov.vn/?…"
	f.message.en == "Browser automation (imports playwright) drives the population-DB portal here: it navigates to https://dichvucong.bocongan.gov.vn/?…. Scripting the DB's web portals is a self-made lookup tool."
}

test_tool_002_gateway_navigation_is_not_a_bot_on_a_portal if {
	endpoints := [nav(10, "https://lgsp.tinh-mau.gov.vn/admin")]
	count(eval({"files": [bot_file], "endpoints": endpoints}, fixtures.settings)) == 0
}

test_tool_002_navigation_of_an_approved_bot if {
	s := fixtures.with_settings({"approvedTools": ["bot/*.py"]})
	count(eval({"files": [bot_file], "endpoints": [nav(10, "https://dichvucong.bocongan.gov.vn/")]}, s)) == 0
}
