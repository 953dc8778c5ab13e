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
			"en": "Population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuCongDan (line 25) is not audit-logged: no call in traCuuCongDan matches an audit-log name (add yours under `loggers` in .dancu-guard.yml).",
			"vi": "Lời gọi CSDLQG về dân cư axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong traCuuCongDan (dòng 25) không được ghi nhật ký: không có lời gọi nào trong traCuuCongDan khớp tên hàm ghi nhật ký (bổ sung tên của đơn vị vào mục `loggers` trong .dancu-guard.yml).",
		},
	}}
}

test_log_001_message_names_callers if {
	cs := fixtures.override(unlogged, {"callers": [
		{"name": "xuLyHoSo", "line": 50, "calls": ["traCuuCongDan", "validate"]},
		{"name": "apiHandler", "line": 80, "calls": ["traCuuCongDan"]},
	]})
	[f] := [f | some f in eval([cs])]
	f.message.en == "Population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuCongDan (line 25) is not audit-logged: no call in traCuuCongDan or its callers (apiHandler, xuLyHoSo) matches an audit-log name (add yours under `loggers` in .dancu-guard.yml)."
	f.message.vi == "Lời gọi CSDLQG về dân cư axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong traCuuCongDan (dòng 25) không được ghi nhật ký: không có lời gọi nào trong traCuuCongDan hoặc hàm gọi nó (apiHandler, xuLyHoSo) khớp tên hàm ghi nhật ký (bổ sung tên của đơn vị vào mục `loggers` trong .dancu-guard.yml)."
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
