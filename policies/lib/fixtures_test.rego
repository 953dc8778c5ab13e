# Shared synthetic fixtures for the policy tests (never real IDs, names or secrets).
package dancu.fixtures

# Mirrors policies/data/settings.json (the defaults); tests that need approved
# modules or tools override those keys with object.union.
settings := {
	"endpointPatterns": [
		"(?i)dan[-_.]?cu",
		"(?i)csdl[-_.]?qg",
		"(?i)ChiaSeThongTinCongDan",
		"(?i)(TraCuu|XacThuc|XacMinh|CungCap)(ThongTin|DanhSach)",
	],
	"soapNamespaces": ["http://dancuquocgia.bca", "http://www.mic.gov.vn/dancu/1.0"],
	"operationPatterns": [
		"^(TraCuu|XacThuc|XacMinh|CungCap)(ThongTin|DanhSach)[A-Za-z0-9_]*$",
		"^ChiaSeThongTinCongDan$",
	],
	"sensitiveKeyPatterns": [
		"(?i)pass(word|wd|phrase)?$",
		"(?i)(^|[-_.])pwd$",
		"(?i)secret",
		"(?i)token",
		"(?i)api[-_.]?key",
		"(?i)access[-_.]?key",
		"(?i)private[-_.]?key",
		"(?i)consumer[-_.]?(key|secret)",
		"(?i)client[-_.]?secret",
		"(?i)credential",
		"(?i)keypass",
		"(?i)^authorization$",
		"(?i)(^|[-_.])auth$",
		"(?i)^C06[-_.].*(key|pass|secret|token)",
		"(?i)^CSDLDanCu[-_.].*(key|pass|secret|token)",
	],
	"loggerPatterns": [
		"(?i)(^|\\.)(log|logger|logging|audit|auditlog|winston|pino|bunyan|console)\\.(info|warn|error|debug|log|trace|audit|write|record|child)$",
		"(?i)(audit|history|nhat[-_]?ky|nhatky|lichsu|lich[-_]?su)",
		"(?i)(^|\\.)(writeLog|saveLog|insertLog|logRequest|logLookup|logQuery)$",
	],
	"limiterPatterns": [
		"(?i)bottleneck",
		"(?i)p-?limit",
		"(?i)p-?queue",
		"(?i)p-?throttle",
		"(?i)rate[-_]?limit",
		"(?i)limiter",
		"(?i)throttle",
		"(?i)bucket4j",
		"(?i)resilience4j",
	],
	"approvedModules": [],
	"approvedTools": [],
	"manifestSources": ["k8s-env", "k8s-secret", "k8s-configmap", "helm-values", "compose-env", "workflow-env", "dockerfile"],
	"configSources": ["spring", "dotenv", "properties", "appsettings", "config"],
}

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
