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
			"en": "tools/x.ts was not analysed: it holds binary content although its name says source or config (binary content).",
			"vi": "Không phân tích được tools/x.ts: tệp chứa nội dung nhị phân dù tên tệp là mã nguồn hoặc cấu hình.",
		},
	}}
}

test_every_skip_kind_reported if {
	kinds := ["not-analysed", "skipped-binary", "skipped-encoding", "skipped-size", "unreadable"]
	findings := config.deny with input as {"diagnostics": [{"file": sprintf("src/%s.cs", [k]), "line": 1, "kind": k, "message": "m"} | some k in kinds]}
	{f.match | some f in findings; f.rule == "DG-CFG-004"} == {k | some k in kinds}
	count(findings) == 5
	every f in findings {
		contains(f.message.vi, "Không phân tích được")
	}
}

test_encoding_and_size_messages if {
	findings := config.deny with input as {"diagnostics": [
		{"file": "appsettings.json", "line": 1, "kind": "skipped-encoding", "message": "not valid UTF-8"},
		{"file": "big.ts", "line": 1, "kind": "skipped-size", "message": "larger than the size limit (3.0 MiB)"},
	]}
	some f in findings
	f.file == "appsettings.json"
	contains(f.message.en, "could not be decoded")
	contains(f.message.vi, "không giải mã được")
	some g in findings
	g.file == "big.ts"
	contains(g.message.en, "(larger than the size limit (3.0 MiB))")
}

test_parse_error_is_not_cfg_004 if {
	findings := config.deny with input as {"diagnostics": [{"file": "k8s/bad.yaml", "line": 7, "kind": "parse-error", "message": "x"}]}
	[f] := [f | some f in findings]
	f.rule == "DG-CFG-001"
}

# An analyser that gave up (stack overflow, internal error) fails closed: DG-CFG-004, not
# the low DG-CFG-001 a malformed-but-read file gets.
test_analyser_failure_is_cfg_004 if {
	findings := config.deny with input as {"diagnostics": [{"file": "tools/gen.ts", "line": 3, "kind": "not-analysed", "message": "nesting deeper than 100 levels"}]}
	[f] := [f | some f in findings]
	f.rule == "DG-CFG-004"
	f.line == 3
	contains(f.message.en, "could not finish it")
	contains(f.message.en, "nesting deeper than 100 levels")
}

# Several collectors giving up on one file: one finding, at the first line.
test_not_analysed_once_per_file if {
	findings := config.deny with input as {"diagnostics": [
		{"file": "a.py", "line": 9, "kind": "not-analysed", "message": "b"},
		{"file": "a.py", "line": 2, "kind": "not-analysed", "message": "a"},
		{"file": "a.py", "line": 2, "kind": "not-analysed", "message": "c"},
	]}
	[f] := [f | some f in findings]
	f.line == 2
	contains(f.message.en, "(a)")
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

test_placeholder_reasons_are_no_reason if {
	reasons := ["x", "x x x x x x x x", "todo", "TODO: later", "test", "...", "-- --", "false positive", "tmp", "bỏ qua tạm thời", "ok ok ok ok"]
	findings := config.deny with input as {"suppressions": [{"file": "src/a.ts", "line": i + 1, "targets": ["DG-CRED-001"], "reason": r} | some i, r in reasons]}
	count(findings) == count(reasons)
	every f in findings {
		f.rule == "DG-CFG-002"
		contains(f.message.en, "gives no real reason")
		contains(f.message.vi, "không nêu lý do thực sự")
	}
}

test_short_reasons_are_no_reason if {
	# one word, or fewer than eight letters and digits
	findings := config.deny with input as {"suppressions": [
		{"file": "a.ts", "line": 1, "targets": ["credentials"], "reason": "legacyfixture"},
		{"file": "a.ts", "line": 2, "targets": ["credentials"], "reason": "dev only"},
	]}
	{f.line | some f in findings} == {1, 2}
}

test_real_reasons_pass if {
	reasons := ["synthetic fixture", "local only", "dữ liệu kiểm thử giả lập", "false positive: the URL is a test stub", "approved by So TT&TT letter 12/2026"]
	count(config.deny) == 0 with input as {"suppressions": [{"file": "src/a.ts", "line": i + 1, "targets": ["DG-CRED-001"], "reason": r} | some i, r in reasons]}
}

test_exception_without_real_reason if {
	findings := config.deny with input as {"exceptions": [
		{"file": ".dancu-guard.yml", "line": 3, "rule": "lookup-tool", "paths": ["**"], "reason": "xxx", "expires": "9999-12-31", "expired": false},
		{"file": ".dancu-guard.yml", "line": 8, "rule": "DG-TOOL-001", "paths": ["tools/a.ts"], "reason": "approved in letter 12/UBND", "expires": "2027-01-01", "expired": false},
	]}
	[f] := [f | some f in findings]
	f.rule == "DG-CFG-002"
	f.line == 3
	f.match == "lookup-tool|**"
	contains(f.message.en, "The exception for lookup-tool on ** gives no real reason (\"xxx\"")
	contains(f.message.vi, "Ngoại lệ cho lookup-tool")
}

test_weakenings_each_reported if {
	kinds := [k | some k, _ in config.weakening_kinds]
	findings := config.deny with input as {"weakenings": [{"kind": k, "file": ".dancu-guard.yml", "line": i + 1, "what": sprintf("what %d", [i])} | some i, k in kinds]}
	count(findings) == count(kinds)
	every f in findings {
		f.rule == "DG-CFG-005"
		contains(f.message.en, "This change weakens the gate: ")
		contains(f.message.vi, "làm yếu cơ chế kiểm soát")
	}
}

test_weakening_message_names_what if {
	findings := config.deny with input as {"weakenings": [{"kind": "exception", "file": ".dancu-guard.yml", "line": 4, "what": "exceptions[0]: lookup-tool on ** until 9999-12-31"}]}
	[f] := [f | some f in findings]
	f.match == "exception|exceptions[0]: lookup-tool on ** until 9999-12-31"
	f.message.en == "This change weakens the gate: an exception added or widened (exceptions[0]: lookup-tool on ** until 9999-12-31). It is not applied; the base commit's policy inputs are."
}

test_expired_exception_is_not_also_cfg_002 if {
	findings := config.deny with input as {"exceptions": [{"file": ".dancu-guard.yml", "line": 3, "rule": "lookup-tool", "paths": ["**"], "reason": "x", "expires": "2020-01-01", "expired": true}]}
	{f.rule | some f in findings} == {"DG-CFG-003"}
}

test_unknown_weakening_kind_is_ignored if {
	count(config.deny) == 0 with input as {"weakenings": [{"kind": "nonsense", "file": "a", "line": 1, "what": "w"}]}
}

test_third_party_files_not_reported if {
	input_facts := {
		"files": [{"path": "public/js/lib.min.js", "kind": "source", "size": 10, "role": "bundle"}],
		"diagnostics": [
			{"file": "public/js/lib.min.js", "line": 1, "kind": "parse-error", "message": "Expression expected"},
			{"file": "vendor/acme/charset.php", "line": 1, "kind": "skipped-binary", "message": "binary content", "role": "vendored"},
			{"file": "web/js/chunk-vendors.js", "line": 1, "kind": "skipped-size", "message": "larger", "role": "bundle"},
			{"file": "src/app.ts", "line": 3, "kind": "parse-error", "message": "Expression expected"},
		],
	}
	findings := config.deny with input as input_facts

	# parse errors in third-party code are not ours to fix; a file not analysed blocks wherever it is (fail closed)
	{[f.rule, f.file] | some f in findings} == {["DG-CFG-001", "src/app.ts"], ["DG-CFG-004", "vendor/acme/charset.php"], ["DG-CFG-004", "web/js/chunk-vendors.js"]}
}
