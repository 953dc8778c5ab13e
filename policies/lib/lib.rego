# METADATA
# title: Shared helpers for the dancu-guard policies
# description: >-
#   What counts as a call to the National Population Database (CSDLQG về dân cư),
#   approved modules and tools, and small total helpers that build the finding
#   objects every `deny` rule returns. Everything here reads `data.settings`
#   (policies/data/settings.json merged with the user's config) and `input`
#   (the facts document, see src/facts/types.ts). Only builtins that
#   @open-policy-agent/opa-wasm supports may be used here and in every policy.
# schemas:
#   - input: schema.facts
package dancu.lib

# matches_setting is true when value matches one of the RE2 patterns of the settings
# list `name` (a leading `(?i)` makes a pattern case-insensitive).
#
# Each list is ONE regex, the alternation of its patterns (each in its own group, where
# its `(?i)` stays scoped), built once per evaluation: the Wasm engine caches at most 100
# compiled regexes and evicting one corrupts its memory, so 100 configured `endpoints`
# crashed policy evaluation (and, while they did not, each match recompiled them).
matches_setting(value, name) if regex.match(joined_patterns[name], value)

# The settings lists that hold regexes, each as one alternation.
joined_patterns[name] := any_of(data.settings[name]) if {
	some name in {"endpointPatterns", "operationPatterns", "sensitiveKeyPatterns", "loggerPatterns", "limiterPatterns", "portalHosts", "gatewayHosts", "gatewayMarkerPatterns", "portalMarkerPatterns", "lookupFieldPatterns", "auditRecordPatterns"}
}

# `(?:p1)|(?:p2)|…`; for an empty list, a pattern that matches nothing.
any_of(patterns) := concat("|", [sprintf("(?:%s)", [p]) | some p in patterns]) if {
	count(patterns) > 0
} else := `[^\s\S]`

# ---------------------------------------------------------------------------
# Endpoint tiers. The DB itself (its SOAP services at C06; hosts are not public, so
# users add theirs to endpointPatterns), its portals (portalHosts: the public-service
# portals, VNeID, the DB's SSO) and the gateways that carry its traffic (gatewayHosts:
# provincial LGSP, NGSP, VDXP/NDXP). Transport rules apply on every tier; bots matter
# on the portals; lookup-tool, logging and quota rules on the DB and on gateway calls
# that carry citizen lookups. A SOAP namespace string is never an endpoint.

tier_names := {
	"db": {"en": "population DB", "vi": "CSDLQG về dân cư"},
	"portal": {"en": "population-DB portal", "vi": "cổng dịch vụ của CSDLQG về dân cư"},
	"gateway": {"en": "gateway carrying population-DB traffic", "vi": "nền tảng kết nối (LGSP/NGSP) chuyển tiếp dữ liệu dân cư"},
}

# The lower-case host of an absolute URL; "" for a relative URL or a template.
url_host(url) := lower(m[1]) if {
	some m in regex.find_all_string_submatch_n(`^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^/?#@\s]*@)?([^/?#:\s$]+)(?:[:/?#]|$)`, url, 1)
} else := ""

# A SOAP namespace of the DB written as a string (`http://dancuquocgia.bca`), or a
# name inside it (a SOAPAction `http://dancuquocgia.bca/TraCuuThongTinCongDan`).
is_namespace(url) if {
	some ns in data.settings.soapNamespaces
	trim_right(lower(url), "/") == trim_right(lower(ns), "/")
}

is_namespace(url) if {
	some ns in data.settings.soapNamespaces
	some sep in ["/", "#"]
	startswith(lower(url), concat("", [trim_right(lower(ns), "/"), sep]))
}

host_matches(url, name) if {
	host := url_host(url)
	host != ""
	matches_setting(host, name)
}

# A URL (or URL template) that matches the DB's own patterns (not a namespace).
is_db_url(url) if {
	matches_setting(url, "endpointPatterns")
	not is_namespace(url)
}

# The tier of a URL: portals and gateways by host, the DB by its patterns.
url_tier(url) := "portal" if {
	not is_namespace(url)
	host_matches(url, "portalHosts")
} else := "gateway" if {
	not is_namespace(url)
	host_matches(url, "gatewayHosts")
} else := "db" if {
	is_db_url(url)
}

# Field and header names seen in the code path of a call.
call_fields(cs) := cs.target.fields if is_array(cs.target.fields)

else := []

# The call names a gateway marker (an `lgspaccesstoken` header) though its URL does not resolve.
gateway_marked(cs) if {
	some f in call_fields(cs)
	matches_setting(f, "gatewayMarkerPatterns")
}

# The call's code path names a portal (`VNeID`) though its URL does not resolve.
portal_marked(cs) if {
	some f in call_fields(cs)
	matches_setting(f, "portalMarkerPatterns")
}

# A URL the call could not resolve to a tier.
untiered_url(cs) if not url_tier(target_url(cs))

# The call's URL, "" when it did not resolve (a missing key would make `not` undefined).
target_url(cs) := url if {
	url := cs.target.url
	is_string(url)
} else := ""

# Browser code calling a relative URL or one whose origin did not resolve: the
# application's own backend route (`/getcsdldancu`), not the DB.
own_backend(cs) if {
	cs.browser == true
	url_host(target_url(cs)) == ""
}

# The tier a call site reaches.
call_tier(cs) := "portal" if {
	not own_backend(cs)
	url_tier(cs.target.url) == "portal"
} else := "gateway" if {
	not own_backend(cs)
	url_tier(cs.target.url) == "gateway"
} else := "db" if {
	not own_backend(cs)
	url_tier(cs.target.url) == "db"
} else := "gateway" if {
	not own_backend(cs)
	untiered_url(cs)
	gateway_marked(cs)
} else := "portal" if {
	not own_backend(cs)
	untiered_url(cs)
	not db_by_protocol(cs)
	portal_marked(cs)
} else := "db" if {
	not own_backend(cs)
	untiered_url(cs)
	db_by_protocol(cs)
}

# The DB's SOAP namespace or one of its operation names, or a config key named after it.
db_by_protocol(cs) if cs.target.namespace in data.settings.soapNamespaces

db_by_protocol(cs) if matches_setting(cs.target.operation, "operationPatterns")

db_by_protocol(cs) if {
	target_url(cs) == ""
	some k in cs.target.keys
	matches_setting(k, "endpointPatterns")
}

# A gateway call that carries citizen lookups: a DB path or operation behind the
# gateway, the DB's SOAP namespace, or citizen-lookup fields in the request.
carries_lookup(cs) if is_db_url(cs.target.url)

carries_lookup(cs) if db_by_protocol(cs)

carries_lookup(cs) if {
	some f in call_fields(cs)
	matches_setting(f, "lookupFieldPatterns")
}

# A call site that looks citizens up in the population database: a call to the DB
# itself, or a gateway call that carries lookups.
is_db_call(cs) if call_tier(cs) == "db"

is_db_call(cs) if {
	call_tier(cs) == "gateway"
	carries_lookup(cs)
}

# Every DB lookup call site in this chunk of facts.
db_calls contains cs if {
	some cs in input.callSites
	is_db_call(cs)
}

# Every call site in this chunk that reaches a tier (DB, portal or gateway).
tier_calls contains cs if {
	some cs in input.callSites
	call_tier(cs)
}

# "population DB", "gateway carrying…" in the message's language; the DB for lookups.
tier_label(tier, lang) := tier_names[tier][lang]

call_tier_label(cs, lang) := tier_names.db[lang] if {
	is_db_call(cs)
} else := tier_names[call_tier(cs)][lang]

# Paths (in this chunk) of files that are stand-alone tools by their own shape.
tool_paths contains f.path if {
	some f in input.files
	is_object(f.tool)
}

# The path lies in the audited gateway (settings.approvedModules globs).
in_approved_module(path) if {
	some pattern in data.settings.approvedModules
	glob.match(pattern, ["/"], path)
}

# The path is a stand-alone tool approved in writing (settings.approvedTools globs).
is_approved_tool(path) if {
	some pattern in data.settings.approvedTools
	glob.match(pattern, ["/"], path)
}

# True when at least one approved module glob is configured.
approved_modules_configured if count(data.settings.approvedModules) > 0

# A call matches one of the patterns of the settings list `list`, in the enclosing
# function or in one of its callers in the same file.
call_in_path_matches(cs, list) if {
	some name in cs.callsInFunction
	matches_setting(name, list)
}

call_in_path_matches(cs, list) if {
	some caller in cs.callers
	some name in caller.calls
	matches_setting(name, list)
}

# ---------------------------------------------------------------------------
# Total helpers for messages: they always produce a string, so a missing
# optional field never makes a finding disappear.

# str returns obj[key] when it is a string, else the fallback.
str(obj, key, fallback) := value if {
	value := obj[key]
	is_string(value)
} else := fallback

# num returns obj[key] when it is a number, else the fallback.
num(obj, key, fallback) := value if {
	value := obj[key]
	is_number(value)
} else := fallback

# with_opt adds obj[name] to finding under the same name when it is set.
with_opt(finding, obj, name) := object.union(finding, {name: obj[name]}) if {
	obj[name] != null
} else := finding

# display_url shows a URL without its user-info and query/fragment, so no
# password or API key in a URL ever reaches a message or a fingerprint. The
# user-info is "user:" and anything up to the LAST "@" (a password may hold "@",
# "/", "+", "=", "#", "?"), or without a colon anything up to the last "@" before a
# "/". Same expression as URL_PARTS_RE in src/util/redact.ts (keep them in step).
display_url(url) := concat("", [m[1], masked(m[2], "***@"), m[3], m[4], masked(m[5], "?…")]) if {
	some m in regex.find_all_string_submatch_n(`^([A-Za-z][A-Za-z0-9+.\-]*://)?(?:([^/?#:@\s]*:[^\s]*@|[^/\s]*@)([A-Za-z0-9._~%!$&'()*+,;=\[\]{}:\-]*(?:/[^?#]*)?)|([^?#]*))([?#][\s\S]*)?$`, url, 1)
} else := "(URL)"

masked(part, replacement) := replacement if {
	part != ""
} else := ""

# The name of the function enclosing a call site.
fn_name(cs) := name if {
	name := cs.function.name
	is_string(name)
} else := "<module>"

# What a call site reaches, for messages: the (masked) URL and/or the
# operation, else the SOAP namespace.
target_label(cs) := sprintf("%s (%s)", [display_url(cs.target.url), cs.target.operation]) if {
	is_string(cs.target.url)
	is_string(cs.target.operation)
} else := display_url(cs.target.url) if {
	is_string(cs.target.url)
} else := cs.target.operation if {
	is_string(cs.target.operation)
} else := sprintf("SOAP %s", [cs.target.namespace]) if {
	is_string(cs.target.namespace)
} else := "?"

# "<client> → <target>", e.g. "axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/…".
call_desc(cs) := sprintf("%s → %s", [str(cs, "client", "?"), target_label(cs)])

# The fingerprint anchor of a call site: client, target and enclosing function
# (no line number, no secret).
call_match(cs) := sprintf("%s|%s|%s", [str(cs, "client", "?"), target_label(cs), fn_name(cs)])

# A finding located at a call site (with its column when known).
call_finding(rule, cs, message) := with_opt(
	{"rule": rule, "file": cs.file, "line": cs.line, "message": message, "match": call_match(cs)},
	cs, "column",
)
