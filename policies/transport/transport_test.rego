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
			"en": "Population-DB endpoint \"DANCU_URL\" is configured over plain HTTP: http://lgsp.example.gov.vn/dancu.",
			"vi": "Địa chỉ CSDLQG về dân cư \"DANCU_URL\" được cấu hình bằng HTTP không mã hóa: http://lgsp.example.gov.vn/dancu.",
		},
	}}
}

test_tls_001_endpoint_without_key if {
	e := {"file": "deploy/values.yaml", "line": 9, "url": "http://csdlqg.example.gov.vn/", "source": "helm-values"}
	[f] := [f | some f in eval({"endpoints": [e]})]
	f.message.en == "Population-DB endpoint is configured over plain HTTP: http://csdlqg.example.gov.vn/."
	not f.column
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
