# Shared synthetic fixtures for the policy tests (never real IDs, names or secrets).
package dancu.fixtures

# The shipped defaults, loaded by the test command as data.settings
# (`opa test policies/ settings:policies/data/settings.json`), so the tests judge the
# same patterns users get. Tests that need approved modules or tools override keys.
settings := data.settings

# Shallow override: keys in overrides replace those of base (object.union would
# merge nested objects such as `target` instead of replacing them).
override(base, overrides) := object.union(object.remove(base, object.keys(overrides)), overrides)

with_settings(overrides) := override(settings, overrides)

db_url := "https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan"

# A DB call site that is logged, not in a loop, over HTTPS: no finding by itself.
call_site(overrides) := override(
	{
		"file": "src/gateway/dancu.ts",
		"line": 20,
		"column": 9,
		"language": "typescript",
		"client": "axios.post",
		"callee": "axios.post(url, body)",
		"target": {"url": db_url, "via": ["constant"]},
		"function": {"name": "traCuuCongDan", "line": 12},
		"callsInFunction": ["axios.post", "auditLog.write"],
		"callers": [],
	},
	overrides,
)

# A credential fact (synthetic hash, redacted value only).
credential(overrides) := override(
	{
		"file": "src/config.ts",
		"line": 3,
		"column": 14,
		"source": "source",
		"kind": "named-literal",
		"key": "C06_secretKey",
		"redacted": "Su…9x",
		"length": 19,
		"entropy": 3.9,
		"placeholder": false,
		"valueHash": "0000000000000000000000000000000000000000000000000000000000000000",
	},
	overrides,
)

file_fact(path, tool) := {"path": path, "kind": "source", "language": "python", "size": 100, "tool": tool}

facts(overrides) := override(
	{
		"version": 1,
		"repo": {"name": "example-repo", "binEntries": []},
		"files": [],
		"callSites": [],
		"credentials": [],
		"endpoints": [],
		"tlsSettings": [],
		"diagnostics": [],
	},
	overrides,
)

# The rule ids in a set of findings.
rules_of(findings) := {f.rule | some f in findings}
