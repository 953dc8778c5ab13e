package dancu.config_test

import data.dancu.config

test_parse_error_reported if {
	findings := config.deny with input as {"diagnostics": [{"file": "k8s/bad.yaml", "line": 7, "kind": "parse-error", "message": "Nested mappings are not allowed"}]}
	findings == {{
		"rule": "DG-CFG-001",
		"file": "k8s/bad.yaml",
		"line": 7,
		"match": "Nested mappings are not allowed",
		"message": {
			"en": "k8s/bad.yaml could not be parsed: Nested mappings are not allowed",
			"vi": "Không phân tích được k8s/bad.yaml: Nested mappings are not allowed",
		},
	}}
}

test_other_diagnostics_ignored if {
	count(config.deny) == 0 with input as {"diagnostics": [{"file": "a.png", "line": 1, "kind": "skipped-binary", "message": "binary"}]}
}

test_suppression_without_reason if {
	findings := config.deny with input as {"suppressions": [{"file": "src/a.ts", "line": 4, "targets": ["DG-CRED-001"]}]}
	[f] := [f | some f in findings]
	f.rule == "DG-CFG-002"
	f.line == 4
	contains(f.message.en, "gives no reason")
}

test_suppression_without_target if {
	findings := config.deny with input as {"suppressions": [{"file": "src/a.ts", "line": 4, "targets": [], "reason": "legacy"}]}
	[f] := [f | some f in findings]
	contains(f.message.en, "names no rule")
	contains(f.message.vi, "không nêu mã quy tắc")
}

test_valid_suppression_is_fine if {
	count(config.deny) == 0 with input as {"suppressions": [{"file": "src/a.ts", "line": 4, "targets": ["credentials"], "reason": "synthetic fixture"}]}
}

test_expired_exception_reported if {
	e := {"file": ".dancu-guard.yml", "line": 12, "rule": "DG-CRED-003", "paths": ["k8s/dev/**"], "reason": "dev cluster", "expires": "2026-01-31", "expired": true}
	findings := config.deny with input as {"exceptions": [e, object.union(e, {"line": 20, "expired": false})]}
	[f] := [f | some f in findings]
	f.rule == "DG-CFG-003"
	f.line == 12
	f.match == "DG-CRED-003|k8s/dev/**"
	contains(f.message.en, "expired on 2026-01-31")
}
