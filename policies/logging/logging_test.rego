package dancu.logging_test

import data.dancu.fixtures
import data.dancu.logging

eval(calls) := findings if {
	findings := logging.deny with input as fixtures.facts({"callSites": calls})
		with data.settings as fixtures.settings
}

unlogged := fixtures.call_site({"callsInFunction": ["axios.post", "mapCongDan"], "line": 25})

test_log_001_call_without_log if {
	findings := eval([unlogged])
	findings == {{
		"rule": "DG-LOG-001",
		"file": "src/gateway/dancu.ts",
		"line": 25,
		"column": 9,
		"match": "axios.post|https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|traCuuCongDan",
		"message": {
			"en": "Population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuCongDan (line 25) is not audit-logged: no call in traCuuCongDan matches an audit-log name, and no helper, log entity or log-table INSERT on the path writes a record (add yours under `loggers` in .dancu-guard.yml).",
			"vi": "Lời gọi CSDLQG về dân cư axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong traCuuCongDan (dòng 25) không được ghi nhật ký: không có lời gọi nào trong traCuuCongDan khớp tên hàm ghi nhật ký, không có hàm phụ, thực thể nhật ký hay câu lệnh INSERT vào bảng nhật ký nào trên luồng xử lý (bổ sung tên của đơn vị vào mục `loggers` trong .dancu-guard.yml).",
		},
	}}
}

test_log_001_message_names_callers if {
	cs := fixtures.override(unlogged, {"callers": [
		{"name": "xuLyHoSo", "line": 50, "calls": ["traCuuCongDan", "validate"]},
		{"name": "apiHandler", "line": 80, "calls": ["traCuuCongDan"]},
	]})
	[f] := [f | some f in eval([cs])]
	f.message.en == "Population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuCongDan (line 25) is not audit-logged: no call in traCuuCongDan or its callers (apiHandler, xuLyHoSo) matches an audit-log name, and no helper, log entity or log-table INSERT on the path writes a record (add yours under `loggers` in .dancu-guard.yml)."
	f.message.vi == "Lời gọi CSDLQG về dân cư axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong traCuuCongDan (dòng 25) không được ghi nhật ký: không có lời gọi nào trong traCuuCongDan hoặc hàm gọi nó (apiHandler, xuLyHoSo) khớp tên hàm ghi nhật ký, không có hàm phụ, thực thể nhật ký hay câu lệnh INSERT vào bảng nhật ký nào trên luồng xử lý (bổ sung tên của đơn vị vào mục `loggers` trong .dancu-guard.yml)."
}

test_log_001_logger_in_function_accepted if {
	every name in ["logger.info", "this.logger.info", "auditLog.write", "HistoryC06_CALL_API037", "ghiNhatKy", "LichSuTraCuu.save", "writeLog"] {
		count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", name]})])) == 0
	}
}

test_log_001_logging_in_caller_accepted if {
	cs := fixtures.override(unlogged, {"callers": [{"name": "xuLyHoSo", "line": 50, "calls": ["traCuuCongDan", "auditService.record"]}]})
	count(eval([cs])) == 0
}

test_log_001_non_logger_names_not_accepted if {
	every name in ["catalog.get", "dialog.open", "blogPost", "console.log"] {
		count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", name]})])) == 1
	}
}

test_log_001_non_db_call_ignored if {
	cs := fixtures.override(unlogged, {"target": {"url": "https://api.example.com/weather", "via": ["literal"]}})
	count(eval([cs])) == 0
}

test_log_001_soap_namespace_is_db_call if {
	cs := fixtures.override(unlogged, {"target": {"namespace": "http://dancuquocgia.bca", "via": []}, "function": {"name": "Call", "line": 3}})
	[f] := [f | some f in eval([cs])]
	f.match == "axios.post|SOAP http://dancuquocgia.bca|Call"
}

test_log_001_module_level_call if {
	cs := object.remove(unlogged, ["function", "client", "column"])
	[f] := [f | some f in eval([cs])]
	f.match == "?|https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|<module>"
	not f.column
}

test_log_001_platform_loggers_accepted if {
	every name in ["_logger.LogInformation", "logger.LogWarning", "Log.Information", "logger.Info", "logging.info", "sugar.Infow", "logrus.Info", "slog.Info", "log.info"] {
		count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", name]})])) == 0
	}
}

test_log_001_history_only_as_the_called_name if {
	count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", "HistoryC06_CALL_API037"]})])) == 0
	count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", "this.writeHistory"]})])) == 0
	count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", "searchHistory.push"]})])) == 1
	count(eval([fixtures.override(unlogged, {"callsInFunction": ["axios.post", "router.history.replace"]})])) == 1
}

test_log_001_helper_that_logs_accepted if {
	cs := fixtures.override(unlogged, {"auditWrites": [{"kind": "helper", "name": "recordLookup", "line": 24, "calls": ["logger.info"]}]})
	count(eval([cs])) == 0
	silent := fixtures.override(unlogged, {"auditWrites": [{"kind": "helper", "name": "formatCongDan", "line": 24, "calls": ["JSON.stringify"]}]})
	count(eval([silent])) == 1
}

test_log_001_persisted_log_entity_accepted if {
	every name in ["LogCSDLDanCuDoanhNghiep", "AuditLog", "NhatKyTraCuu", "LichSuTraCuu", "TraCuuHistory"] {
		cs := fixtures.override(unlogged, {"auditWrites": [{"kind": "entity", "name": name, "line": 23, "via": "_repositoryLog.AddAsync"}]})
		count(eval([cs])) == 0
	}
	every name in ["Catalog", "UserLogin", "Dialog", "CongDan"] {
		cs := fixtures.override(unlogged, {"auditWrites": [{"kind": "entity", "name": name, "line": 23, "via": "repo.save"}]})
		count(eval([cs])) == 1
	}
}

test_log_001_insert_into_log_table_accepted if {
	every table in ["audit_log", "dbo.Logs", "nhat_ky_tra_cuu", "tbl_log"] {
		cs := fixtures.override(unlogged, {"auditWrites": [{"kind": "insert", "name": table, "line": 26}]})
		count(eval([cs])) == 0
	}
	cs := fixtures.override(unlogged, {"auditWrites": [{"kind": "insert", "name": "cong_dan", "line": 26}]})
	count(eval([cs])) == 1
}

test_log_001_browser_call_to_own_backend_is_not_a_db_call if {
	own := fixtures.override(unlogged, {"browser": true, "target": {"url": "${process.env.VITE_HOST_PATH}/api/users/getcsdldancu", "via": ["template"]}})
	count(eval([own])) == 0
	relative := fixtures.override(unlogged, {"browser": true, "target": {"url": "/api/getcsdldancu", "via": ["literal"]}})
	count(eval([relative])) == 0
	direct := fixtures.override(unlogged, {"browser": true})
	count(eval([direct])) == 1
}

test_log_001_gateway_call_needs_a_lookup if {
	sms := fixtures.override(unlogged, {"target": {"url": "https://api.tinh-mau.gov.vn/api/v1/congdan/SendSms", "via": ["literal"]}})
	count(eval([sms])) == 0
	lookup := fixtures.override(sms, {"target": {"url": "https://api.tinh-mau.gov.vn/api/v1/congdan/SendSms", "via": ["literal"], "fields": ["SoDinhDanh"]}})
	count(eval([lookup])) == 1
	marked := fixtures.override(unlogged, {"target": {"via": [], "fields": ["lgspaccesstoken", "MaCanBo"]}})
	count(eval([marked])) == 1
}

test_log_001_portal_call_is_not_a_lookup if {
	sso := fixtures.override(unlogged, {"target": {"url": "https://sso.dancuquocgia.gov.vn/auth/token", "via": ["literal"]}})
	count(eval([sso])) == 0
}

# ---------------------------------------------------------------------------
# DG-LOG-002

eval_facts(facts) := findings if {
	findings := logging.deny with input as fixtures.facts(facts)
		with data.settings as fixtures.settings
}

officer(source, keys) := {"file": "src/Controllers/UsersController.cs", "line": 85, "column": 13, "language": "csharp", "field": "MaCanBo", "source": source, "keys": keys}

test_log_002_officer_from_config if {
	findings := eval_facts({"officerFields": [officer("config", ["CSDLDanCu_MaCanBo"])]})
	findings == {{
		"rule": "DG-LOG-002",
		"file": "src/Controllers/UsersController.cs",
		"line": 85,
		"column": 13,
		"match": "officer|MaCanBo|config",
		"message": {
			"en": "Officer field MaCanBo is set from one configuration value (CSDLDanCu_MaCanBo), not from the signed-in user: every officer's lookup is recorded under the same officer, so the log cannot tell who looked a citizen up.",
			"vi": "Trường cán bộ MaCanBo lấy từ một giá trị cấu hình dùng chung (CSDLDanCu_MaCanBo), không lấy từ người dùng đang đăng nhập: mọi lượt tra cứu được ghi dưới cùng một cán bộ, nhật ký không xác định được ai đã tra cứu.",
		},
	}}
}

test_log_002_officer_sources if {
	every source in ["literal", "constant", "env"] {
		count(eval_facts({"officerFields": [object.remove(officer(source, []), ["keys"])]})) == 1
	}
	every source in ["user", "other"] {
		count(eval_facts({"officerFields": [officer(source, [])]})) == 0
	}
}

log_write(contents) := {
	"file": "src/gateway/dancu.ts",
	"line": 31,
	"column": 5,
	"language": "typescript",
	"logger": "logger.error",
	"function": {"name": "traCuuCongDan", "line": 12},
	"contents": contents,
}

test_log_002_record_logged_beside_a_lookup if {
	w := log_write([{"kind": "response", "expr": "res.data"}, {"kind": "serialized", "expr": "JSON.stringify(user)"}])
	[f] := [f | some f in eval_facts({"callSites": [fixtures.call_site({})], "logWrites": [w]})]
	f.rule == "DG-LOG-002"
	f.line == 31
	f.match == "log|logger.error|traCuuCongDan|response,serialized"
	f.message.en == "Log call logger.error in traCuuCongDan writes a whole object serialised: JSON.stringify(user); the response of the call (the citizen record): res.data. Logs near the population-DB integration must not hold secrets or whole citizen records."
}

test_log_002_record_needs_a_call_that_returns_one if {
	w := log_write([{"kind": "response", "expr": "res.data"}])
	sms := fixtures.call_site({"target": {"url": "https://api.tinh-mau.gov.vn/api/v1/congdan/SendSms", "via": ["literal"]}})
	count(eval_facts({"callSites": [sms], "logWrites": [w]})) == 0
	vneid := fixtures.call_site({"target": {"via": [], "fields": ["VNeID"]}})
	count(eval_facts({"callSites": [vneid], "logWrites": [w]})) == 1
	elsewhere := fixtures.call_site({"function": {"name": "other", "line": 40}})
	count(eval_facts({"callSites": [elsewhere], "logWrites": [w]})) == 0
}

test_log_002_secret_logged_beside_any_tier_call if {
	w := log_write([{"kind": "secret", "expr": "authStrEnc"}, {"kind": "response", "expr": "sb.toString()"}])
	sms := fixtures.call_site({"target": {"url": "https://api.tinh-mau.gov.vn/api/v1/congdan/SendSms", "via": ["literal"]}})
	[f] := [f | some f in eval_facts({"callSites": [sms], "logWrites": [w]})]
	f.match == "log|logger.error|traCuuCongDan|secret"
	weather := fixtures.call_site({"target": {"url": "https://api.example.com/weather", "via": ["literal"]}})
	count(eval_facts({"callSites": [weather], "logWrites": [w]})) == 0
}
