package dancu.lib_test

import data.dancu.fixtures
import data.dancu.lib

test_is_db_url if {
	every url in [
		"https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan",
		"https://sso.dancuquocgia.gov.vn/",
		"https://api.example.gov.vn/csdlqg/v1",
		"${BASE}/TraCuuThongTinCongDan",
		"https://apidvc.example.gov.vn/dan-cu/",
	] {
		lib.is_db_url(url) with data.settings as fixtures.settings
	}
	not lib.is_db_url("https://api.example.com/weather") with data.settings as fixtures.settings
}

test_is_db_call_by_namespace_and_operation if {
	lib.is_db_call({"target": {"namespace": "http://www.mic.gov.vn/dancu/1.0"}}) with data.settings as fixtures.settings
	lib.is_db_call({"target": {"operation": "XacMinhThongTinNhanThan"}}) with data.settings as fixtures.settings
	lib.is_db_call({"target": {"operation": "CungCapDanhSachTheoDiaPhuong"}}) with data.settings as fixtures.settings
	not lib.is_db_call({"target": {"operation": "GetWeather"}}) with data.settings as fixtures.settings
	not lib.is_db_call({"target": {"namespace": "http://tempuri.org/"}}) with data.settings as fixtures.settings
	not lib.is_db_call({"target": {}}) with data.settings as fixtures.settings
}

test_user_endpoint_patterns if {
	s := fixtures.with_settings({"endpointPatterns": ["^https://c06\\.internal\\.example/"]})
	lib.is_db_url("https://c06.internal.example/api") with data.settings as s
	not lib.is_db_url("https://lgsp.example.gov.vn/dancu") with data.settings as s
}

test_globs if {
	s := fixtures.with_settings({"approvedModules": ["src/gateway/**"], "approvedTools": ["tools/*.py"]})
	lib.in_approved_module("src/gateway/dancu/client.ts") with data.settings as s
	not lib.in_approved_module("src/other/client.ts") with data.settings as s
	lib.is_approved_tool("tools/a.py") with data.settings as s
	not lib.is_approved_tool("tools/sub/a.py") with data.settings as s
}

test_display_url if {
	lib.display_url("https://u:p@ss@host.example/path?token=x#frag") == "https://***@host.example/path?…"
	lib.display_url("https://host.example/a/b") == "https://host.example/a/b"
	lib.display_url("${BASE}/api?x=1") == "${BASE}/api?…"
	lib.display_url("line1\nline2") == "line1\nline2"
}

test_display_url_password_with_slash_and_at if {
	lib.display_url("http://dvc:kX9/Qm2+Zr7pLw==@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan") == "http://***@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan"
	lib.display_url("http://dvc:kX9/Qm2+Zr7@pLw==@lgsp.tinh-mau.gov.vn/api?x=1") == "http://***@lgsp.tinh-mau.gov.vn/api?…"
	lib.display_url("http://Sup3rS3cretValueAA9x@lgsp.tinh-mau.gov.vn/a#access_token=abc") == "http://***@lgsp.tinh-mau.gov.vn/a?…"
	lib.display_url("https://h.example/users/@me") == "https://h.example/users/@me"
	lib.display_url("http://h.example/a?email=x@y.example") == "http://h.example/a?…"
}

# A password holding "#" or "?" is user-info, not a fragment or a query: no part of it shows.
test_display_url_password_with_hash_and_question_mark if {
	lib.display_url("https://dvc:pa#ss9Secret@lgsp.tinh-mau.gov.vn/api") == "https://***@lgsp.tinh-mau.gov.vn/api"
	lib.display_url("https://dvc:pa?ss9Secret@lgsp.tinh-mau.gov.vn/api?x=1") == "https://***@lgsp.tinh-mau.gov.vn/api?…"
}

test_target_label_fallbacks if {
	lib.target_label({"target": {"url": "https://h.example/x", "operation": "TraCuuThongTinCongDan"}}) == "https://h.example/x (TraCuuThongTinCongDan)"
	lib.target_label({"target": {"operation": "TraCuuThongTinCongDan"}}) == "TraCuuThongTinCongDan"
	lib.target_label({"target": {"namespace": "http://dancuquocgia.bca"}}) == "SOAP http://dancuquocgia.bca"
	lib.target_label({"target": {}}) == "?"
}

test_helpers_are_total if {
	lib.str({}, "k", "fallback") == "fallback"
	lib.str({"k": 1}, "k", "fallback") == "fallback"
	lib.num({"k": "1"}, "k", 7) == 7
	lib.with_opt({"a": 1}, {"b": null}, "b") == {"a": 1}
	lib.with_opt({"a": 1}, {"b": 2}, "b") == {"a": 1, "b": 2}
	lib.fn_name({}) == "<module>"
}

test_missing_settings_report_nothing if {
	not lib.is_db_call({"target": {"url": "https://sso.dancuquocgia.gov.vn/"}}) with data.settings as {}
}

test_display_url_non_string_falls_back if {
	lib.display_url(input.url) == "(URL)" with input as {"url": 42}
}

# Hundreds of patterns are one regex (the Wasm engine's cache holds 100): each keeps
# its own `(?i)`, and an empty list matches nothing.
test_matches_setting_joins_patterns if {
	patterns := [sprintf("^gw-%d\\.example$", [i]) | some i in numbers.range(0, 299)]
	lib.matches_setting("gw-299.example", "endpointPatterns") with data.settings.endpointPatterns as patterns
	not lib.matches_setting("gw-300.example", "endpointPatterns") with data.settings.endpointPatterns as patterns
	lib.matches_setting("GW-7.EXAMPLE", "loggerPatterns") with data.settings.loggerPatterns as ["^x$", "(?i)^gw-7\\.example$"]
	not lib.matches_setting("X", "loggerPatterns") with data.settings.loggerPatterns as ["^x$", "(?i)^gw-7\\.example$"]
	not lib.matches_setting("anything", "limiterPatterns") with data.settings.limiterPatterns as []
}

test_url_tiers if {
	lib.url_tier("https://dichvucong.bocongan.gov.vn/bo-cong-an/tiep-nhan-online") == "portal" with data.settings as fixtures.settings
	lib.url_tier("https://sso.dancuquocgia.gov.vn/auth") == "portal" with data.settings as fixtures.settings
	lib.url_tier("https://vneid.gov.vn/x") == "portal" with data.settings as fixtures.settings
	lib.url_tier("https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuu") == "gateway" with data.settings as fixtures.settings
	lib.url_tier("http://api.dongthap.gov.vn/api/v1") == "gateway" with data.settings as fixtures.settings
	lib.url_tier("https://api.ngsp.gov.vn/token") == "gateway" with data.settings as fixtures.settings
	lib.url_tier("https://apidvc.tinh-mau.gov.vn/x") == "gateway" with data.settings as fixtures.settings
	lib.url_tier("https://c06.example/dancu/TraCuu") == "db" with data.settings as fixtures.settings
	not lib.url_tier("https://www.example.com/") with data.settings as fixtures.settings
	not lib.url_tier("http://dancuquocgia.bca") with data.settings as fixtures.settings
	not lib.url_tier("http://www.mic.gov.vn/dancu/1.0") with data.settings as fixtures.settings
	not lib.url_tier("http://dancuquocgia.bca/TraCuuThongTinCongDan") with data.settings as fixtures.settings
}

test_url_host if {
	lib.url_host("https://u:p@LGSP.Tinh-Mau.gov.vn:8443/x?y") == "lgsp.tinh-mau.gov.vn"
	lib.url_host("/api/x") == ""
	lib.url_host("${BASE}/x") == ""
}

test_call_tier_and_lookups if {
	gw := {"target": {"url": "https://lgsp.tinh-mau.gov.vn/taikhoan/token"}}
	lib.call_tier(gw) == "gateway" with data.settings as fixtures.settings
	not lib.is_db_call(gw) with data.settings as fixtures.settings
	lib.is_db_call({"target": {"url": "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/x"}}) with data.settings as fixtures.settings
	lib.is_db_call({"target": {"url": "https://lgsp.tinh-mau.gov.vn/x", "operation": "TraCuuThongTinCongDan"}}) with data.settings as fixtures.settings
	lib.is_db_call({"target": {"url": "https://lgsp.tinh-mau.gov.vn/x", "fields": ["HoVaTen"]}}) with data.settings as fixtures.settings
	lib.call_tier({"target": {"fields": ["lgspaccesstoken"]}}) == "gateway" with data.settings as fixtures.settings
	lib.call_tier({"target": {"url": "${url}", "fields": ["VNeID"]}}) == "portal" with data.settings as fixtures.settings
	lib.call_tier({"target": {"keys": ["CSDLDanCu_API_ENDPOINT"]}}) == "db" with data.settings as fixtures.settings
	not lib.call_tier({"browser": true, "target": {"url": "/api/getcsdldancu"}}) with data.settings as fixtures.settings
	lib.call_tier({"browser": true, "target": {"url": "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/x"}}) == "gateway" with data.settings as fixtures.settings
	lib.call_tier_label({"target": {"url": "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/x"}}, "en") == "population DB" with data.settings as fixtures.settings
	lib.call_tier_label(gw, "vi") == "nền tảng kết nối (LGSP/NGSP) chuyển tiếp dữ liệu dân cư" with data.settings as fixtures.settings
}
