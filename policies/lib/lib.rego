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
	some name in {"endpointPatterns", "operationPatterns", "sensitiveKeyPatterns", "loggerPatterns", "limiterPatterns"}
}

# `(?:p1)|(?:p2)|…`; for an empty list, a pattern that matches nothing.
any_of(patterns) := concat("|", [sprintf("(?:%s)", [p]) | some p in patterns]) if {
	count(patterns) > 0
} else := `[^\s\S]`

# A URL (or URL template) that reaches the population database.
is_db_url(url) if matches_setting(url, "endpointPatterns")

# A call site whose target is the population database: its URL matches an
# endpoint pattern, or it uses one of the DB's SOAP namespaces, or its
# operation name is one of the DB's operations.
is_db_call(cs) if is_db_url(cs.target.url)

is_db_call(cs) if cs.target.namespace in data.settings.soapNamespaces

is_db_call(cs) if matches_setting(cs.target.operation, "operationPatterns")

# Every DB call site in this chunk of facts.
db_calls contains cs if {
	some cs in input.callSites
	is_db_call(cs)
}

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
