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

test_skipped_binary_reported if {
	findings := config.deny with input as {"diagnostics": [{"file": "tools/x.ts", "line": 1, "kind": "skipped-binary", "message": "binary content"}]}
	findings == {{
		"rule": "DG-CFG-004",
		"file": "tools/x.ts",
		"line": 1,
		"match": "skipped-binary",
		"message": {
			"en": "tools/x.ts could not be checked: it holds binary content although its name says source or config (binary content).",
			"vi": "Không kiểm tra được tools/x.ts: tệp chứa nội dung nhị phân dù tên tệp là mã nguồn hoặc cấu hình.",
		},
	}}
}

test_every_skip_kind_reported if {
	kinds := ["skipped-binary", "skipped-encoding", "skipped-size", "unreadable"]
	findings := config.deny with input as {"diagnostics": [{"file": sprintf("src/%s.cs", [k]), "line": 1, "kind": k, "message": "m"} | some k in kinds]}
	{f.match | some f in findings; f.rule == "DG-CFG-004"} == {k | some k in kinds}
	count(findings) == 4
	every f in findings {
		contains(f.message.vi, "Không kiểm tra được")
	}
}

test_encoding_and_size_messages if {
	findings := config.deny with input as {"diagnostics": [
		{"file": "appsettings.json", "line": 1, "kind": "skipped-encoding", "message": "not valid UTF-8"},
		{"file": "big.ts", "line": 1, "kind": "skipped-size", "message": "larger than the size limit (3.0 MiB)"},
	]}
	some f in findings
	f.file == "appsettings.json"
	contains(f.message.en, "not UTF-8")
	contains(f.message.vi, "UTF-16 có BOM")
	some g in findings
	g.file == "big.ts"
	contains(g.message.en, "(larger than the size limit (3.0 MiB))")
}

test_parse_error_is_not_cfg_004 if {
	findings := config.deny with input as {"diagnostics": [{"file": "k8s/bad.yaml", "line": 7, "kind": "parse-error", "message": "x"}]}
	[f] := [f | some f in findings]
	f.rule == "DG-CFG-001"
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

test_one_parse_error_per_file if {
	findings := config.deny with input as {"diagnostics": [
		{"file": "application.yml", "line": 9, "kind": "parse-error", "message": "b"},
		{"file": "application.yml", "line": 4, "kind": "parse-error", "message": "z"},
		{"file": "application.yml", "line": 4, "kind": "parse-error", "message": "a"},
		{"file": "other.yml", "line": 2, "kind": "parse-error", "message": "c"},
	]}
	{[f.file, f.line, f.match] | some f in findings} == {["application.yml", 4, "a"], ["other.yml", 2, "c"]}
}

test_not_analysed_blocks if {
	findings := config.deny with input as {"diagnostics": [{"file": "src/huge.ts", "line": 1, "kind": "not-analysed", "message": "analysis stopped after 30 s (the per-file time limit): only the plain-text checks ran"}]}
	findings == {{
		"rule": "DG-CFG-005",
		"file": "src/huge.ts",
		"line": 1,
		"match": "not-analysed",
		"message": {
			"en": "src/huge.ts was not fully analysed: analysis stopped after 30 s (the per-file time limit): only the plain-text checks ran. What the analysis did not reach may hold a DB call or a credential.",
			"vi": "Không phân tích đầy đủ được src/huge.ts: quá giới hạn thời gian phân tích cho mỗi tệp. Phần chưa được phân tích có thể chứa lời gọi CSDLQG về dân cư hoặc thông tin xác thực.",
		},
	}}
}

test_not_analysed_is_not_cfg_004 if {
	findings := config.deny with input as {"diagnostics": [{"file": "src/huge.ts", "line": 1, "kind": "not-analysed", "message": "m"}]}
	not any_cfg_004(findings)
}

any_cfg_004(findings) if {
	some f in findings
	f.rule == "DG-CFG-004"
}
