# METADATA
# title: Transport security of population-DB connections
# description: >-
#   Systems connected to the National Population Database are security level 3 or
#   above (R8): traffic to the DB must use HTTPS with certificate verification on.
#   Reports DB lookups over plain HTTP, endpoints of every tier (the DB, its portals,
#   the gateways that carry its traffic) written with plain HTTP, and any switch that
#   turns TLS certificate verification off (one finding per location).
# schemas:
#   - input: schema.facts
package dancu.transport

import data.dancu.lib

plain_http(url) if startswith(lower(url), "http://")

# DB lookup call sites over plain HTTP (reported at the call). Plain HTTP to a portal
# or a gateway is reported where the URL is written (an endpoint fact), once, however
# many calls use it.
http_calls contains cs if {
	some cs in lib.db_calls
	plain_http(cs.target.url)
}

# Plain-HTTP DB call sites, and plain-HTTP endpoints of every tier in config,
# manifests and source code.
plain_http_findings contains finding if {
	some cs in http_calls
	finding := lib.call_finding("DG-TLS-001", cs, {
		"en": sprintf("Population-DB call %s in %s uses plain HTTP (%s): citizen data and credentials travel unencrypted.", [lib.str(cs, "client", "?"), lib.fn_name(cs), lib.display_url(cs.target.url)]),
		"vi": sprintf("Lời gọi CSDLQG về dân cư %s trong %s dùng HTTP không mã hóa (%s): dữ liệu công dân và thông tin xác thực bị truyền đi không mã hóa.", [lib.str(cs, "client", "?"), lib.fn_name(cs), lib.display_url(cs.target.url)]),
	})
}

plain_http_findings contains finding if {
	some e in input.endpoints
	tier := lib.url_tier(e.url)
	plain_http(e.url)
	not http_call_at(e.file, e.line) # already reported at the call
	not reported_at_calls(e)
	key := lib.str(e, "key", "")
	finding := lib.with_opt(
		{
			"rule": "DG-TLS-001",
			"file": e.file,
			"line": e.line,
			"message": {
				"en": sprintf("Endpoint %sof the %s is written with plain HTTP: %s. Tokens, credentials and citizen data sent to it travel unencrypted.", [quoted(key), lib.tier_label(tier, "en"), lib.display_url(e.url)]),
				"vi": sprintf("Địa chỉ %scủa %s dùng HTTP không mã hóa: %s. Mã truy cập, thông tin xác thực và dữ liệu công dân gửi tới đó không được mã hóa.", [quoted(key), lib.tier_label(tier, "vi"), lib.display_url(e.url)]),
			},
			"match": sprintf("%s|%s", [key, lib.display_url(e.url)]),
		},
		e, "column",
	)
}

# METADATA
# title: Plain HTTP to the population database, its portals or its gateways
# scope: rule
# custom:
#   id: DG-TLS-001
#   severity: high
#   category: transport
#   basis: [R8]
#   title_vi: Kết nối CSDLQG về dân cư bằng HTTP không mã hóa
#   remediation_en: >-
#     Use the https:// endpoint of the DB or the provincial LGSP/NGSP gateway, with
#     certificate verification on. Citizen data and credentials must never travel
#     unencrypted.
#   remediation_vi: >-
#     Dùng địa chỉ https:// của CSDL hoặc của nền tảng LGSP/NGSP, bật kiểm tra chứng
#     thư số. Dữ liệu công dân và thông tin xác thực không được truyền đi khi chưa mã
#     hóa.
deny contains finding if some finding in plain_http_findings

# A URL written in source whose calls are plain-HTTP DB lookups: reported at those
# calls (in whatever file they are), not again where the URL is written.
reported_at_calls(e) if {
	some url in e.reachedBy
	plain_http(url)
	lib.is_db_url(url)
}

http_call_at(file, line) if {
	some cs in http_calls
	cs.file == file
	cs.line == line
}

quoted(key) := sprintf("\"%s\" ", [key]) if {
	key != ""
} else := ""

# Every place TLS verification is switched off, from DB call sites and from the
# tlsSettings facts; `call` and `fn` are empty for the latter.
tls_off contains {
	"file": cs.file,
	"line": lib.num(cs.tlsVerifyDisabled, "line", cs.line),
	"setting": lib.str(cs.tlsVerifyDisabled, "setting", "?"),
	"call": lib.call_desc(cs),
	"fn": lib.fn_name(cs),
} if {
	some cs in lib.db_calls
	is_object(cs.tlsVerifyDisabled)
}

tls_off contains {"file": t.file, "line": t.line, "setting": lib.str(t, "setting", "?"), "call": "", "fn": ""} if {
	some t in input.tlsSettings
}

tls_locations contains [o.file, o.line] if some o in tls_off

# METADATA
# title: TLS certificate verification disabled
# scope: rule
# custom:
#   id: DG-TLS-002
#   severity: high
#   category: transport
#   basis: [R8]
#   title_vi: Tắt kiểm tra chứng thư số TLS
#   remediation_en: >-
#     Remove the switch (rejectUnauthorized false, verify=False,
#     CURLOPT_SSL_VERIFYPEER 0, a certificate callback that returns true, a trust-all
#     manager). If the gateway uses a private CA, add that CA to the trust store
#     instead.
#   remediation_vi: >-
#     Bỏ thiết lập tắt kiểm tra (rejectUnauthorized false, verify=False,
#     CURLOPT_SSL_VERIFYPEER 0, callback chứng thư luôn trả về true, trust-all
#     manager). Nếu nền tảng dùng CA nội bộ, bổ sung CA đó vào kho tin cậy.
deny contains finding if {
	some [file, line] in tls_locations
	entries := [o | some o in tls_off; o.file == file; o.line == line]
	settings := concat(", ", sort({o.setting | some o in entries}))
	calls := {o | some o in entries; o.call != ""}
	columns := sort({t.column | some t in input.tlsSettings; t.file == file; t.line == line; is_number(t.column)})
	base := {
		"rule": "DG-TLS-002",
		"file": file,
		"line": line,
		"message": tls_message(settings, calls),
		"match": settings,
	}
	finding := with_first_column(base, columns)
}

# "axios.get → https://… in lookup; …" in the message's language.
calls_text(calls, lang) := concat("; ", sort({sprintf(in_word[lang], [o.call, o.fn]) | some o in calls}))

in_word := {"en": "%s in %s", "vi": "%s trong %s"}

tls_message(settings, calls) := {
	"en": sprintf("TLS certificate verification disabled (%s) for population-DB call %s: the connection can be intercepted.", [settings, calls_text(calls, "en")]),
	"vi": sprintf("Tắt kiểm tra chứng thư số TLS (%s) cho lời gọi CSDLQG về dân cư %s: kết nối có thể bị nghe lén, giả mạo.", [settings, calls_text(calls, "vi")]),
} if {
	count(calls) > 0
} else := {
	"en": sprintf("TLS certificate verification disabled (%s): connections made with this setting can be intercepted.", [settings]),
	"vi": sprintf("Tắt kiểm tra chứng thư số TLS (%s): các kết nối dùng thiết lập này có thể bị nghe lén, giả mạo.", [settings]),
}

with_first_column(finding, columns) := object.union(finding, {"column": columns[0]}) if {
	count(columns) > 0
} else := finding
