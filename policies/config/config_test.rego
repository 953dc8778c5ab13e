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
