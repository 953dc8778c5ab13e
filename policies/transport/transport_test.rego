package dancu.transport_test

import data.dancu.fixtures
import data.dancu.transport

eval(facts) := findings if {
	findings := transport.deny with input as fixtures.facts(facts)
		with data.settings as fixtures.settings
}

http_call := fixtures.call_site({"target": {"url": "http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan", "via": ["constant"]}})

test_tls_001_http_call if {
	findings := eval({"callSites": [http_call]})
	findings == {{
		"rule": "DG-TLS-001",
		"file": "src/gateway/dancu.ts",
		"line": 20,
		"column": 9,
		"match": "axios.post|http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|traCuuCongDan",
		"message": {
			"en": "Population-DB call axios.post in traCuuCongDan uses plain HTTP (http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan): citizen data and credentials travel unencrypted.",
			"vi": "Lời gọi CSDLQG về dân cư axios.post trong traCuuCongDan dùng HTTP không mã hóa (http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan): dữ liệu công dân và thông tin xác thực bị truyền đi không mã hóa.",
		},
	}}
}

test_tls_001_uppercase_scheme if {
	cs := fixtures.override(http_call, {"target": {"url": "HTTP://LGSP.EXAMPLE.GOV.VN/apiCSDLDanCu", "via": []}})
	fixtures.rules_of(eval({"callSites": [cs]})) == {"DG-TLS-001"}
}

test_tls_001_https_ok if {
	count(eval({"callSites": [fixtures.call_site({})]})) == 0
}

test_tls_001_http_non_db_ignored if {
	cs := fixtures.override(http_call, {"target": {"url": "http://api.example.com/", "via": []}})
	count(eval({"callSites": [cs]})) == 0
}

test_tls_001_url_credentials_masked if {
	cs := fixtures.override(http_call, {"target": {"url": "http://user:Sup3rS3cretValue!9x@lgsp.example.gov.vn/dancu?apiKey=Sup3rS3cretValue!9x#x", "via": []}})
	[f] := [f | some f in eval({"callSites": [cs]})]
	f.match == "axios.post|http://***@lgsp.example.gov.vn/dancu?…|traCuuCongDan"
	not contains(f.message.en, "Sup3r")
	not contains(f.message.vi, "Sup3r")
}

test_tls_001_http_endpoint if {
	e := {"file": ".env", "line": 4, "column": 1, "key": "DANCU_URL", "url": "http://lgsp.example.gov.vn/dancu", "source": "dotenv"}
	findings := eval({"endpoints": [e]})
	findings == {{
		"rule": "DG-TLS-001",
		"file": ".env",
		"line": 4,
		"column": 1,
		"match": "DANCU_URL|http://lgsp.example.gov.vn/dancu",
		"message": {
			"en": "Endpoint \"DANCU_URL\" of the gateway carrying population-DB traffic is written with plain HTTP: http://lgsp.example.gov.vn/dancu. Tokens, credentials and citizen data sent to it travel unencrypted.",
			"vi": "Địa chỉ \"DANCU_URL\" của nền tảng kết nối (LGSP/NGSP) chuyển tiếp dữ liệu dân cư dùng HTTP không mã hóa: http://lgsp.example.gov.vn/dancu. Mã truy cập, thông tin xác thực và dữ liệu công dân gửi tới đó không được mã hóa.",
		},
	}}
}

test_tls_001_endpoint_without_key if {
	e := {"file": "deploy/values.yaml", "line": 9, "url": "http://csdlqg.example.gov.vn/", "source": "helm-values"}
	[f] := [f | some f in eval({"endpoints": [e]})]
	f.message.en == "Endpoint of the population DB is written with plain HTTP: http://csdlqg.example.gov.vn/. Tokens, credentials and citizen data sent to it travel unencrypted."
	not f.column
}

test_tls_001_every_tier if {
	endpoints := [
		{"file": "src/Constant.java", "line": 4, "key": "DOMAIN", "url": "http://api.tinh-mau.gov.vn/api/v1", "source": "source"},
		{"file": "src/Constant.java", "line": 5, "url": "http://api.ngsp.gov.vn/token", "source": "source"},
		{"file": "src/Bot.java", "line": 9, "url": "http://dichvucong.bocongan.gov.vn/", "source": "source"},
		{"file": "src/Sso.java", "line": 3, "url": "http://sso.dancuquocgia.gov.vn/auth", "source": "source"},
	]
	findings := eval({"endpoints": endpoints})
	{[f.file, f.line] | some f in findings} == {["src/Constant.java", 4], ["src/Constant.java", 5], ["src/Bot.java", 9], ["src/Sso.java", 3]}
	some f in findings
	f.line == 9
	contains(f.message.en, "population-DB portal")
}

test_tls_001_namespace_is_not_an_endpoint if {
	endpoints := [
		{"file": "src/Soap.cs", "line": 4, "url": "http://dancuquocgia.bca", "source": "source"},
		{"file": "src/Soap.cs", "line": 5, "url": "http://www.mic.gov.vn/dancu/1.0/", "source": "source"},
		{"file": "src/Soap.cs", "line": 6, "url": "http://dancuquocgia.bca/TraCuuThongTinCongDan", "source": "source"},
	]
	count(eval({"endpoints": endpoints})) == 0
}

test_tls_001_literal_reported_at_its_db_calls if {
	e := {"file": "src/config.ts", "line": 2, "url": "http://lgsp.example.gov.vn", "source": "source", "reachedBy": ["http://lgsp.example.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan"]}
	count(eval({"endpoints": [e]})) == 0
	other := object.union(e, {"reachedBy": ["http://lgsp.example.gov.vn/sms/send"]})
	count(eval({"endpoints": [other]})) == 1
}

test_tls_001_gateway_call_without_lookup_reported_where_written if {
	cs := fixtures.override(http_call, {"target": {"url": "http://api.tinh-mau.gov.vn/api/v1/congdan/SendSms", "via": ["constant"], "definedAt": {"file": "src/Constant.java", "line": 4}}})
	count(eval({"callSites": [cs]})) == 0
}

test_tls_001_endpoint_https_or_non_db_ignored if {
	endpoints := [
		{"file": ".env", "line": 4, "key": "DANCU_URL", "url": "https://lgsp.example.gov.vn/dancu", "source": "dotenv"},
		{"file": ".env", "line": 5, "key": "WEATHER_URL", "url": "http://api.example.com/", "source": "dotenv"},
	]
	count(eval({"endpoints": endpoints})) == 0
}

test_tls_001_endpoint_at_call_deduped if {
	e := {"file": "src/gateway/dancu.ts", "line": 20, "url": "http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan", "source": "source"}
	[f] := [f | some f in eval({"callSites": [http_call], "endpoints": [e]})]
	f.match == "axios.post|http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|traCuuCongDan"
}

tls_call := fixtures.call_site({"tlsVerifyDisabled": {"setting": "rejectUnauthorized: false", "line": 8}})

test_tls_002_call_site if {
	findings := eval({"callSites": [tls_call]})
	findings == {{
		"rule": "DG-TLS-002",
		"file": "src/gateway/dancu.ts",
		"line": 8,
		"match": "rejectUnauthorized: false",
		"message": {
			"en": "TLS certificate verification disabled (rejectUnauthorized: false) for population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuCongDan: the connection can be intercepted.",
			"vi": "Tắt kiểm tra chứng thư số TLS (rejectUnauthorized: false) cho lời gọi CSDLQG về dân cư axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong traCuuCongDan: kết nối có thể bị nghe lén, giả mạo.",
		},
	}}
}

test_tls_002_tls_setting_anywhere if {
	t := {"file": "app/client.py", "line": 12, "column": 40, "setting": "verify=False", "language": "python"}
	findings := eval({"tlsSettings": [t]})
	findings == {{
		"rule": "DG-TLS-002",
		"file": "app/client.py",
		"line": 12,
		"column": 40,
		"match": "verify=False",
		"message": {
			"en": "TLS certificate verification disabled (verify=False): connections made with this setting can be intercepted.",
			"vi": "Tắt kiểm tra chứng thư số TLS (verify=False): các kết nối dùng thiết lập này có thể bị nghe lén, giả mạo.",
		},
	}}
}

test_tls_002_dedupe_same_location if {
	t := {"file": "src/gateway/dancu.ts", "line": 8, "column": 5, "setting": "rejectUnauthorized: false", "language": "typescript"}
	second := fixtures.override(tls_call, {"line": 30, "function": {"name": "xacThucCongDan", "line": 28}})
	findings := eval({"callSites": [tls_call, second], "tlsSettings": [t]})
	[f] := [f | some f in findings]
	f.line == 8
	f.column == 5
	f.match == "rejectUnauthorized: false"
	f.message.en == "TLS certificate verification disabled (rejectUnauthorized: false) for population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuCongDan; axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in xacThucCongDan: the connection can be intercepted."
}

test_tls_002_distinct_locations_not_merged if {
	tls := [
		{"file": "a.py", "line": 1, "setting": "verify=False"},
		{"file": "a.py", "line": 2, "setting": "verify=False"},
		{"file": "b.py", "line": 1, "setting": "verify=False"},
	]
	count(eval({"tlsSettings": tls})) == 3
}

test_tls_002_non_db_call_tls_switch_needs_tls_fact if {
	cs := fixtures.override(tls_call, {"target": {"url": "https://api.example.com/", "via": []}})
	count(eval({"callSites": [cs]})) == 0
}

test_tls_002_setting_without_line_uses_call_line if {
	cs := fixtures.override(tls_call, {"tlsVerifyDisabled": {"setting": "InsecureSkipVerify: true"}})
	[f] := [f | some f in eval({"callSites": [cs]})]
	f.line == 20
}
