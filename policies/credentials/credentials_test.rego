package dancu.credentials_test

import data.dancu.credentials
import data.dancu.fixtures

eval(creds) := findings if {
	findings := credentials.deny with input as fixtures.facts({"credentials": creds})
		with data.settings as fixtures.settings
}

test_cred_001_hardcoded_in_source if {
	findings := eval([fixtures.credential({})])
	findings == {{
		"rule": "DG-CRED-001",
		"file": "src/config.ts",
		"line": 3,
		"column": 14,
		"key": "C06_secretKey",
		"value": "Su…9x",
		"match": "C06_secretKey|named-literal|Su…9x",
		"message": {
			"en": "Hardcoded credential in source code: \"C06_secretKey\" (value Su…9x). Anyone who can read this repository, contractors included, can read it.",
			"vi": "Thông tin xác thực ghi cứng trong mã nguồn: \"C06_secretKey\" (giá trị Su…9x). Bất kỳ ai đọc được kho mã này, kể cả nhà thầu, đều đọc được giá trị này.",
		},
	}}
}

test_cred_001_auth_header_needs_no_sensitive_key if {
	findings := eval([fixtures.credential({"kind": "auth-header", "key": "headers", "redacted": "Ba…==", "column": null})])
	some f in findings
	f.rule == "DG-CRED-001"
	f.message.en == "Hardcoded credential in source code: \"headers\" (Authorization header built from a literal, value Ba…==). Anyone who can read this repository, contractors included, can read it."
	not f.column
}

test_cred_001_without_key if {
	c := object.remove(fixtures.credential({"kind": "auth-object"}), ["key"])
	[f] := [f | some f in eval([c])]
	f.rule == "DG-CRED-001"
	not f.key
	f.match == "|auth-object|Su…9x"
	f.message.vi == "Thông tin xác thực ghi cứng trong mã nguồn: tên đăng nhập/mật khẩu dựng từ giá trị cố định (giá trị Su…9x). Bất kỳ ai đọc được kho mã này, kể cả nhà thầu, đều đọc được giá trị này."
}

test_cred_placeholder_skipped if {
	count(eval([fixtures.credential({"placeholder": true})])) == 0
	count(eval([fixtures.credential({"placeholder": true, "kind": "jwt"})])) == 0
	count(eval([fixtures.credential({"placeholder": true, "source": "dotenv"})])) == 0
}

# A named literal is bound to a credential name by the collector (patterns, typos, a
# bare key under signing settings); a high-entropy value only hints, so its name must
# match settings.sensitiveKeyPatterns.
test_cred_high_entropy_needs_sensitive_key if {
	count(eval([fixtures.credential({"kind": "high-entropy", "key": "buildHash"})])) == 0
	count(eval([fixtures.credential({"kind": "high-entropy", "key": "appTitle"})])) == 0
	count(eval([object.remove(fixtures.credential({"kind": "high-entropy"}), ["key"])])) == 0
	fixtures.rules_of(eval([fixtures.credential({"kind": "high-entropy", "key": "DB_PASSWORD"})])) == {"DG-CRED-001"}
}

test_cred_secret_data_needs_a_credential_name if {
	count(eval([fixtures.credential({"source": "k8s-secret", "file": "k8s/s.yaml", "key": "DANCU_USERNAME"})])) == 0
	fixtures.rules_of(eval([fixtures.credential({"source": "k8s-secret", "file": "k8s/s.yaml", "key": "DANCU_PASSWORD"})])) == {"DG-CRED-003"}
}

test_cred_named_literal_trusts_the_collector_name if {
	# `org.app.screct.key`: a typo the collector recognised, no pattern lists it.
	fixtures.rules_of(eval([fixtures.credential({"key": "org.app.screct.key"})])) == {"DG-CRED-001"}
}

test_cred_sensitive_key_variants if {
	keys := ["password", "DB_PASSWD", "keyPass", "consumer_secret", "lgspaccesstoken", "C06_apiKey", "CSDLDanCu_Token", "Authorization", "x-auth", "accessKey", "db.pwd"]
	every key in keys {
		fixtures.rules_of(eval([fixtures.credential({"key": key})])) == {"DG-CRED-001"}
	}
}

test_cred_002_config_sources if {
	every source in ["spring", "dotenv", "properties", "appsettings", "config"] {
		findings := eval([fixtures.credential({"source": source, "file": "config/app.cfg"})])
		fixtures.rules_of(findings) == {"DG-CRED-002"}
	}
}

test_cred_002_message_names_place_and_key if {
	[f] := [f | some f in eval([fixtures.credential({"source": "appsettings", "file": "appsettings.json", "key": "C06_userPassword"})])]
	f.message.en == "Credential in application config (appsettings JSON): \"C06_userPassword\" (value Su…9x). Config committed to the repository is readable by contractors."
	f.message.vi == "Thông tin xác thực trong cấu hình ứng dụng (tệp appsettings JSON): \"C06_userPassword\" (giá trị Su…9x). Cấu hình đưa vào kho mã thì nhà thầu đọc được."
}

test_cred_003_manifest_sources if {
	every source in ["k8s-env", "k8s-secret", "k8s-configmap", "helm-values", "compose-env", "workflow-env", "dockerfile"] {
		findings := eval([fixtures.credential({"source": source, "file": "deploy/app.yaml"})])
		fixtures.rules_of(findings) == {"DG-CRED-003"}
	}
}

test_cred_003_message if {
	[f] := [f | some f in eval([fixtures.credential({"source": "k8s-secret", "file": "k8s/secret.yaml", "key": "C06_secretKey", "decoded": true})])]
	f.message.en == "Credential in deployment manifest (a Kubernetes Secret manifest (base64 is not encryption)): \"C06_secretKey\" (value Su…9x). Anyone who can read the manifests, contractors included, holds it."
}

test_cred_004_known_format_any_source if {
	every source in ["source", "dotenv", "k8s-secret", "text"] {
		every kind in ["jwt", "private-key"] {
			findings := eval([fixtures.credential({"source": source, "kind": kind, "key": "notSensitiveName"})])
			fixtures.rules_of(findings) == {"DG-CRED-004"}
		}
	}
}

test_cred_004_message if {
	c := object.remove(fixtures.credential({"source": "text", "kind": "private-key", "file": "docs/setup.md", "redacted": "--…--"}), ["key"])
	[f] := [f | some f in eval([c])]
	f.message.en == "Private key committed in text: value --…--."
	f.message.vi == "Khóa bí mật (private key) bị đưa vào văn bản: giá trị --…--."
}

test_cred_005_embedded_kinds_any_source if {
	every source in ["source", "spring", "compose-env", "text"] {
		every kind in ["basic-auth-url", "base64-userpass", "connection-string"] {
			findings := eval([fixtures.credential({"source": source, "kind": kind, "key": "url"})])
			fixtures.rules_of(findings) == {"DG-CRED-005"}
		}
	}
}

test_cred_005_message if {
	[f] := [f | some f in eval([fixtures.credential({"source": "dotenv", "kind": "basic-auth-url", "key": "DANCU_URL", "redacted": "ht…vn"})])]
	f.message.en == "Credential embedded in a URL (user:password@host) in a .env file: \"DANCU_URL\" (value ht…vn)."
	f.message.vi == "Thông tin xác thực nhúng trong URL (tên đăng nhập:mật khẩu@máy chủ) tại tệp .env: \"DANCU_URL\" (giá trị ht…vn)."
}

eval_with_files(creds, files) := findings if {
	findings := credentials.deny with input as fixtures.facts({"credentials": creds, "files": files})
		with data.settings as fixtures.settings
}

text_fact := fixtures.credential({"source": "text"})

rules_in(path, kind) := {f.rule |
	some f in eval_with_files([object.union(text_fact, {"file": path})], [{"path": path, "kind": kind, "size": 1}])
}

test_cred_text_named_literal_judged_by_file_kind if {
	rules_in("src/config.ts", "source") == {"DG-CRED-001"}
	rules_in("k8s/job.yaml", "manifest") == {"DG-CRED-003"}
	rules_in("conf/app.ini", "config") == {"DG-CRED-002"}

	# a file the chunk does not describe still gets a finding (config by default)
	{f.rule | some f in eval([text_fact])} == {"DG-CRED-002"}
}

test_cred_004_token_kind if {
	findings := eval([fixtures.credential({"source": "dotenv", "kind": "token", "key": "GITHUB_TOKEN", "file": ".env"})])
	[f] := [f | some f in findings]
	f.rule == "DG-CRED-004"
	contains(f.message.en, "API key / access token")
}

test_cred_one_finding_per_fact if {
	creds := [
		fixtures.credential({"line": 1}),
		fixtures.credential({"line": 2, "kind": "jwt"}),
		fixtures.credential({"line": 3, "kind": "connection-string", "source": "appsettings"}),
		fixtures.credential({"line": 4, "source": "helm-values"}),
		fixtures.credential({"line": 5, "source": "dotenv"}),
	]
	findings := eval(creds)
	count(findings) == 5
	{[f.line, f.rule] | some f in findings} == {[1, "DG-CRED-001"], [2, "DG-CRED-004"], [3, "DG-CRED-005"], [4, "DG-CRED-003"], [5, "DG-CRED-002"]}
}

test_cred_source_in_both_lists_reported_once if {
	s := fixtures.with_settings({"manifestSources": ["dotenv"]})
	findings := credentials.deny with input as fixtures.facts({"credentials": [fixtures.credential({"source": "dotenv"})]})
		with data.settings as s
	fixtures.rules_of(findings) == {"DG-CRED-002"}
}

test_cred_unknown_labels_fall_back_to_names if {
	s := fixtures.with_settings({"configSources": ["custom-source"]})
	findings := credentials.deny with input as fixtures.facts({"credentials": [fixtures.credential({"source": "custom-source", "kind": "auth-object"})]})
		with data.settings as s
	[f] := [f | some f in findings]
	f.message.en == "Credential in application config (custom-source): \"C06_secretKey\" (username/password built from literals, value Su…9x). Config committed to the repository is readable by contractors."
}

test_cred_no_credentials_key_in_chunk if {
	count(credentials.deny) == 0 with input as {"repo": {"name": "example-repo", "binEntries": []}}
		with data.settings as fixtures.settings
}

test_cred_without_redacted_value_has_no_value_field if {
	c := object.remove(fixtures.credential({}), ["redacted"])
	[f] := [f | some f in eval([c])]
	not f.value
	f.message.en == "Hardcoded credential in source code: \"C06_secretKey\" (value …). Anyone who can read this repository, contractors included, can read it."
}

# The fingerprint anchor holds no secret material: two different secrets with the same
# key, kind and redacted form anchor alike, and no value hash is in it.
test_match_holds_no_secret_material if {
	a := credentials.match_of({"key": "password", "kind": "named-literal", "redacted": "Su…9x", "valueHash": "0f3c"})
	b := credentials.match_of({"key": "password", "kind": "named-literal", "redacted": "Su…9x", "valueHash": "9e1d"})
	a == b
	not contains(a, "0f3c")
	a == "password|named-literal|Su…9x"
}

# --- File roles and value shapes (issue 11) --------------------------------------------

eval_in(role, creds) := findings if {
	findings := credentials.deny with input as fixtures.facts({
		"files": [{"path": "src/config.ts", "kind": "source", "size": 10, "role": role}],
		"credentials": creds,
	})
		with data.settings as fixtures.settings
}

test_role_translation_has_no_named_credentials if {
	count(eval_in("translation", [fixtures.credential({"shape": "word"})])) == 0
	count(eval_in("translation", [fixtures.credential({"kind": "auth-object", "shape": "human"})])) == 0
	fixtures.rules_of(eval_in("translation", [fixtures.credential({"kind": "jwt", "shape": "random"})])) == {"DG-CRED-004"}
}

test_role_docs_keeps_known_formats_and_embedded if {
	count(eval_in("docs", [fixtures.credential({"shape": "random"})])) == 0
	fixtures.rules_of(eval_in("docs", [fixtures.credential({"kind": "connection-string", "shape": "human"})])) == {"DG-CRED-005"}
	count(eval_in("docs", [fixtures.credential({"kind": "connection-string", "shape": "default"})])) == 0
}

test_role_vendored_only_vendor_tokens if {
	count(eval_in("vendored", [fixtures.credential({"kind": "private-key", "shape": "random"})])) == 0
	count(eval_in("vendored", [fixtures.credential({"shape": "random"})])) == 0
	fixtures.rules_of(eval_in("vendored", [fixtures.credential({"kind": "token", "shape": "random"})])) == {"DG-CRED-004"}
}

test_role_bundle_known_formats_and_embedded_only if {
	count(eval_in("bundle", [fixtures.credential({"shape": "random"})])) == 0
	fixtures.rules_of(eval_in("bundle", [fixtures.credential({"kind": "jwt", "shape": "random"})])) == {"DG-CRED-004"}
	fixtures.rules_of(eval_in("bundle", [fixtures.credential({"kind": "basic-auth-url", "shape": "human"})])) == {"DG-CRED-005"}
}

test_role_test_needs_random_values_or_vendor_tokens if {
	count(eval_in("test", [fixtures.credential({"shape": "human"})])) == 0
	count(eval_in("test", [fixtures.credential({"shape": "word"})])) == 0
	count(eval_in("test", [fixtures.credential({"shape": "default"})])) == 0
	count(eval_in("test", [fixtures.credential({"kind": "private-key", "shape": "random"})])) == 0
	count(eval_in("test", [fixtures.credential({"kind": "jwt", "shape": "random"})])) == 0
	fixtures.rules_of(eval_in("test", [fixtures.credential({"shape": "random"})])) == {"DG-CRED-001"}
	fixtures.rules_of(eval_in("test", [fixtures.credential({"kind": "token", "shape": "random"})])) == {"DG-CRED-004"}
}

test_no_role_judges_every_candidate if {
	fixtures.rules_of(eval_in("none", [fixtures.credential({"shape": "word"})])) == {"DG-CRED-001"}
	fixtures.rules_of(eval([fixtures.credential({"shape": "human"})])) == {"DG-CRED-001"}
}

test_cred_006_trivial_defaults if {
	[f] := [f | some f in eval([fixtures.credential({"source": "compose-env", "file": "docker-compose.yml", "key": "POSTGRES_PASSWORD", "shape": "default", "redacted": "po…es"})])]
	f.rule == "DG-CRED-006"
	f.message.en == "Default or trivial credential in a docker-compose environment: \"POSTGRES_PASSWORD\" (value po…es). Anyone can guess it; it must not protect anything real."
	startswith(f.message.vi, "Thông tin xác thực mặc định hoặc quá đơn giản trong biến môi trường trong docker-compose")
	fixtures.rules_of(eval([fixtures.credential({"kind": "connection-string", "shape": "default"})])) == {"DG-CRED-006"}
}

test_cred_006_never_for_known_formats if {
	fixtures.rules_of(eval([fixtures.credential({"kind": "private-key", "shape": "default"})])) == {"DG-CRED-004"}
}
