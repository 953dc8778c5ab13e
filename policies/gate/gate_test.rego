package dancu.gate_test

import data.dancu.fixtures
import data.dancu.gate

# Synthetic gate facts: a declared, notified, approved integration deployed after its
# go-live. Document numbers are made up.
fp := "sha256:1111111111111111111111111111111111111111111111111111111111111111"

fp_changed := "sha256:2222222222222222222222222222222222222222222222222222222222222222"

notice(overrides) := fixtures.override(
	{
		"reference": "101/STTTT-CNTT",
		"line": 14,
		"submitted": "2026-10-01",
		"goLive": "2026-11-30",
		"fingerprint": fp,
		"approved": {"reference": "55/TCT-DA06", "date": "2026-10-20", "line": 17},
		"workingDays": 41,
		"weekdaysOnly": 41,
		"earliestGoLive": "2026-10-16",
		"holidaysSkipped": [],
	},
	overrides,
)

declaration(overrides) := fixtures.override(
	{
		"file": "dancu-integration.yml",
		"present": true,
		"system": "He thong DVC tinh mau",
		"owner": "So KH&CN tinh mau",
		"noticesLine": 13,
		"securityLevel": {"value": 3, "line": 4},
		"securityAssessment": {"date": "2026-06-01", "reference": "12/BC-ATTT", "validUntil": "2027-06-01", "line": 5},
	},
	overrides,
)

gate_fact(overrides) := fixtures.override(
	{
		"deployDate": "2026-12-01",
		"requiredWorkingDays": 10,
		"declaration": declaration({}),
		"accounts": [{"name": "dvc_tinh_mau", "dailyQuota": 5000, "line": 8}],
		"notices": [notice({})],
		"fingerprint": {"current": fp, "files": ["src/dancu/config.ts", "src/dancu/gateway.ts"]},
		"lock": {"file": "dancu-integration.lock.json", "present": true, "fingerprint": fp, "changed": []},
		"limiters": [],
		# these tests are about the other rules: the province accepts declared
		# approvals here (signed approvals: approvals_test.rego)
		"approvals": {"trustKeys": [], "allowUnsigned": true, "directory": "dancu-approvals", "attestations": []},
	},
	overrides,
)

eval_facts(facts) := findings if {
	findings := gate.findings with input as facts with data.settings as fixtures.settings
}

eval(g) := eval_facts(fixtures.facts({"gate": g}))

only(findings, rule) := f if {
	count(findings) == 1
	some f in findings
	f.rule == rule
}

# ---------------------------------------------------------------------------

test_compliant_gate_passes if {
	count(eval(gate_fact({}))) == 0
}

test_no_gate_facts_no_findings if {
	count(eval_facts(fixtures.facts({}))) == 0
	count(eval_facts(fixtures.facts({"credentials": [fixtures.credential({"file": "k8s/secret.yaml", "source": "k8s-secret"})]}))) == 0
	count(eval_facts({"repo": {"name": "r", "binEntries": []}})) == 0
}

test_gate_001_no_declaration if {
	f := only(eval(gate_fact({"declaration": {"file": "dancu-integration.yml", "present": false}, "notices": []})), "DG-GATE-001")
	f == {
		"rule": "DG-GATE-001",
		"file": "dancu-integration.yml",
		"line": 1,
		"match": "no-declaration",
		"message": {
			"en": "No integration declaration (dancu-integration.yml) at the repository root: the gate cannot tell whether this integration with the population DB was notified in writing at least 10 working days before use and approved. Deployment is blocked.",
			"vi": "Không có tệp khai báo tích hợp (dancu-integration.yml) ở thư mục gốc của kho mã: không xác định được việc kết nối CSDLQG về dân cư này đã được báo cáo bằng văn bản tối thiểu 10 ngày làm việc trước khi sử dụng và được chấp thuận hay chưa. Chặn triển khai.",
		},
	}
}

test_gate_001_declaration_fields_missing_default if {
	f := only(eval(gate_fact({"declaration": {}, "notices": []})), "DG-GATE-001")
	f.file == "dancu-integration.yml"
}

test_gate_002_changed_files_listed if {
	g := gate_fact({
		"fingerprint": {"current": fp_changed, "files": ["src/dancu/config.ts", "src/dancu/gateway.ts", "src/dancu/bulk.ts"]},
		"lock": {"file": "dancu-integration.lock.json", "present": true, "fingerprint": fp, "changed": [
			{"path": "src/dancu/bulk.ts", "change": "added"},
			{"path": "src/dancu/gateway.ts", "change": "modified"},
		]},
	})
	f := only(eval(g), "DG-GATE-002")
	f.file == "dancu-integration.yml"
	f.line == 13
	f.match == "no-covering-notice"
	f.message.en == "The integration with the population DB changed since it was notified: its fingerprint sha256:222222222222 (3 files) matches no notice in dancu-integration.yml (latest notice 101/STTTT-CNTT declares sha256:111111111111). Changed since the lock file dancu-integration.lock.json: src/dancu/bulk.ts (added), src/dancu/gateway.ts (modified). Notify the change in writing at least 10 working days before use and deploy only after written approval."
	contains(f.message.vi, "src/dancu/bulk.ts (thêm mới), src/dancu/gateway.ts (sửa đổi)")
	contains(f.message.vi, "thông báo gần nhất 101/STTTT-CNTT khai báo sha256:111111111111")
}

test_gate_002_lock_missing if {
	g := gate_fact({
		"fingerprint": {"current": fp_changed, "files": ["src/a.ts"]},
		"lock": {"file": "dancu-integration.lock.json", "present": false, "changed": []},
	})
	f := only(eval(g), "DG-GATE-002")
	contains(f.message.en, "The lock file dancu-integration.lock.json is missing")
	contains(f.message.en, "fingerprint --write")
	contains(f.message.vi, "Không có tệp khóa dancu-integration.lock.json")
}

test_gate_002_lock_refreshed_without_notice if {
	g := gate_fact({
		"fingerprint": {"current": fp_changed, "files": ["src/a.ts"]},
		"lock": {"file": "dancu-integration.lock.json", "present": true, "fingerprint": fp_changed, "changed": []},
	})
	f := only(eval(g), "DG-GATE-002")
	contains(f.message.en, "already records the current code")
	contains(f.message.vi, "đã ghi nhận mã nguồn hiện tại")
}

test_gate_002_no_notice_at_all if {
	g := gate_fact({"notices": []})
	f := only(eval(g), "DG-GATE-002")
	contains(f.message.en, "(no notice is declared)")
	contains(f.message.vi, "(chưa khai báo thông báo nào)")
}

test_gate_002_unknown_change_kind_and_default_line if {
	g := gate_fact({
		"declaration": object.remove(declaration({}), ["noticesLine"]),
		"fingerprint": {"current": fp_changed, "files": ["src/a.ts"]},
		"lock": {"file": "dancu-integration.lock.json", "present": true, "fingerprint": fp, "changed": [{"path": "src/a.ts", "change": "renamed"}]},
	})
	f := only(eval(g), "DG-GATE-002")
	f.line == 1
	contains(f.message.en, "src/a.ts (renamed)")
}

test_gate_002_covered_by_any_notice if {
	# the current fingerprint is declared by the newer notice: no DG-GATE-002
	g := gate_fact({"notices": [
		notice({"reference": "90/STTTT-CNTT", "fingerprint": fp_changed, "submitted": "2026-03-01"}),
		notice({}),
	]})
	count(eval(g)) == 0
}

test_gate_003_tet_counts_working_days_not_weekdays if {
	n := notice({
		"submitted": "2026-02-09",
		"goLive": "2026-02-24",
		"approved": {"reference": "12/TCT-DA06", "date": "2026-02-13", "line": 17},
		"workingDays": 5,
		"weekdaysOnly": 10,
		"earliestGoLive": "2026-03-03",
		"holidaysSkipped": [
			{"date": "2026-02-16", "name": "Tết Nguyên đán"},
			{"date": "2026-02-17", "name": "Tết Nguyên đán"},
		],
	})
	f := only(eval(gate_fact({"deployDate": "2026-02-24", "notices": [n]})), "DG-GATE-003")
	f == {
		"rule": "DG-GATE-003",
		"file": "dancu-integration.yml",
		"line": 14,
		"match": "notice-period|101/STTTT-CNTT",
		"message": {
			"en": "Notice 101/STTTT-CNTT was submitted on 2026-02-09, only 5 working day(s) before its go-live 2026-02-24 (10 weekdays; not working days: 2026-02-16 (Tết Nguyên đán), 2026-02-17 (Tết Nguyên đán)); at least 10 working days are required, counted from the day after receipt. Earliest legal go-live: 2026-03-03.",
			"vi": "Thông báo 101/STTTT-CNTT gửi ngày 2026-02-09, chỉ trước ngày dự kiến đưa vào sử dụng 2026-02-24 5 ngày làm việc (10 ngày từ thứ Hai đến thứ Sáu; không tính các ngày nghỉ: 2026-02-16 (Tết Nguyên đán), 2026-02-17 (Tết Nguyên đán)); quy định yêu cầu tối thiểu 10 ngày làm việc, tính từ ngày sau ngày nhận. Ngày sớm nhất được đưa vào sử dụng: 2026-03-03.",
		},
	}
}

test_gate_003_short_without_holidays if {
	n := notice({"submitted": "2026-11-20", "goLive": "2026-11-30", "workingDays": 5, "weekdaysOnly": 5, "earliestGoLive": "2026-12-05"})
	f := only(eval(gate_fact({"notices": [n]})), "DG-GATE-003")
	contains(f.message.en, "(5 weekdays)")
}

test_gate_003_exactly_ten_is_enough if {
	n := notice({"workingDays": 10, "weekdaysOnly": 10})
	count(eval(gate_fact({"notices": [n]}))) == 0
}

test_gate_004_deploy_before_go_live if {
	f := only(eval(gate_fact({"deployDate": "2026-11-27"})), "DG-GATE-004")
	f.line == 14
	f.match == "before-go-live|101/STTTT-CNTT"
	f.message.en == "Deployment on 2026-11-27 is before the go-live date 2026-11-30 stated in notice 101/STTTT-CNTT."
	f.message.vi == "Triển khai ngày 2026-11-27 sớm hơn ngày dự kiến đưa vào sử dụng 2026-11-30 đã nêu trong thông báo 101/STTTT-CNTT."
}

test_gate_004_deploy_on_go_live_day_is_allowed if {
	count(eval(gate_fact({"deployDate": "2026-11-30"}))) == 0
}

test_gate_005_no_approval if {
	n := object.remove(notice({}), ["approved"])
	f := only(eval(gate_fact({"notices": [n]})), "DG-GATE-005")
	f.match == "no-approval|101/STTTT-CNTT"
	f.message.en == "Notice 101/STTTT-CNTT (fingerprint sha256:111111111111) has no written approval recorded: the system must not connect to the population DB before the provincial Đề án 06 working group approves in writing."
	contains(f.message.vi, "chưa có văn bản chấp thuận")
}

test_gate_005_only_the_latest_covering_notice_counts if {
	# an older notice of the same code without approval does not matter once a
	# newer one is approved
	old := object.remove(notice({"reference": "88/STTTT-CNTT", "submitted": "2026-09-01"}), ["approved"])
	count(eval(gate_fact({"notices": [old, notice({})]}))) == 0

	# but a newer unapproved notice is the one the deployment rests on
	newer := object.remove(notice({"reference": "120/STTTT-CNTT", "submitted": "2026-10-05"}), ["approved"])
	f := only(eval(gate_fact({"notices": [notice({}), newer]})), "DG-GATE-005")
	f.match == "no-approval|120/STTTT-CNTT"
}

test_gate_006_approval_after_deploy if {
	n := notice({"approved": {"reference": "55/TCT-DA06", "date": "2026-12-02", "line": 17}})
	f := only(eval(gate_fact({"notices": [n]})), "DG-GATE-006")
	f.message.en == "The approval 55/TCT-DA06 of notice 101/STTTT-CNTT is dated 2026-12-02, after the deployment date 2026-12-01: a deployment may not precede the written approval."
	contains(f.message.vi, "ký ngày 2026-12-02, sau ngày triển khai 2026-12-01")
}

test_gate_006_approval_on_deploy_day_is_allowed if {
	n := notice({"approved": {"reference": "55/TCT-DA06", "date": "2026-12-01", "line": 17}})
	count(eval(gate_fact({"notices": [n]}))) == 0
}

test_gate_007_security_level_below_3 if {
	f := only(eval(gate_fact({"declaration": declaration({"securityLevel": {"value": 2, "line": 4}})})), "DG-GATE-007")
	f == {
		"rule": "DG-GATE-007",
		"file": "dancu-integration.yml",
		"line": 4,
		"match": "security-level",
		"message": {
			"en": "Declared security level 2: systems connected to the population DB must be at security level 3 or above.",
			"vi": "Cấp độ an toàn khai báo là 2: hệ thống kết nối CSDLQG về dân cư phải đạt cấp độ 3 trở lên.",
		},
	}
	count(eval(gate_fact({"declaration": declaration({"securityLevel": {"value": 4, "line": 4}})}))) == 0
}

test_gate_008_stale_assessment if {
	f := only(eval(gate_fact({"deployDate": "2027-06-02"})), "DG-GATE-008")
	f.line == 5
	f.message.en == "The security assessment 12/BC-ATTT dated 2026-06-01 is more than 12 months old on the deployment date 2027-06-02 (it covered deployments until 2027-06-01)."
	contains(f.message.vi, "đã quá 12 tháng")
	count(eval(gate_fact({"deployDate": "2027-06-01"}))) == 0
}

limiter := {"file": "src/dancu/gateway.ts", "line": 6, "column": 17, "library": "Bottleneck", "perDay": 246858, "detail": "minTime 350 ms"}

test_gate_009_limiter_above_quota if {
	f := only(eval(gate_fact({"limiters": [limiter]})), "DG-GATE-009")
	f == {
		"rule": "DG-GATE-009",
		"file": "src/dancu/gateway.ts",
		"line": 6,
		"column": 17,
		"match": "Bottleneck|dvc_tinh_mau",
		"message": {
			"en": "Rate limiter Bottleneck (minTime 350 ms) allows up to 246858 calls a day, above the registered daily quota of account dvc_tinh_mau (5000): a bulk run can exceed the quota and get the province's account locked.",
			"vi": "Bộ giới hạn tần suất Bottleneck (minTime 350 ms) cho phép tới 246858 lời gọi mỗi ngày, vượt ngưỡng truy vấn hàng ngày đã đăng ký của tài khoản dvc_tinh_mau (5000): chạy hàng loạt có thể vượt ngưỡng và làm khóa tài khoản của tỉnh.",
		},
	}
}

test_gate_009_limiter_within_quota if {
	l := object.union(limiter, {"perDay": 5000})
	count(eval(gate_fact({"limiters": [l]}))) == 0
}

test_gate_009_account_paths if {
	accounts := [
		{"name": "dvc_tinh_mau", "dailyQuota": 5000, "line": 8, "paths": ["src/dancu/**"]},
		{"name": "bao_cao", "dailyQuota": 100, "line": 12, "paths": ["src/report/**"]},
	]
	l := object.union(limiter, {"perDay": 4000})

	# 4000/day is within the gateway account's quota; the report account does not apply
	count(eval(gate_fact({"accounts": accounts, "limiters": [l]}))) == 0

	# in the report module it exceeds that account's 100/day
	l2 := object.union(l, {"file": "src/report/job.ts"})
	f := only(eval(gate_fact({"accounts": accounts, "limiters": [l2]})), "DG-GATE-009")
	f.match == "Bottleneck|bao_cao"
}

manifest_facts(credentials) := fixtures.facts({"gate": gate_fact({}), "credentials": credentials})

test_gate_010_manifest_credentials_one_finding_per_file if {
	creds := [
		fixtures.credential({"file": "k8s/secret.yaml", "line": 9, "source": "k8s-secret", "key": "password", "valueHash": "a"}),
		fixtures.credential({"file": "k8s/secret.yaml", "line": 8, "source": "k8s-secret", "key": "C06_secretKey", "valueHash": "b"}),
		fixtures.credential({"file": ".github/workflows/deploy.yml", "line": 20, "source": "workflow-env", "kind": "jwt", "key": null, "valueHash": "c"}),
		fixtures.credential({"file": "k8s/secret.yaml", "line": 10, "source": "k8s-secret", "key": "token", "placeholder": true}), # a reference: nothing
		fixtures.credential({"file": "src/config.ts", "line": 3}), # source code: the scan's DG-CRED-001, not the gate
	]
	found := eval_facts(manifest_facts(creds))
	fixtures.rules_of(found) == {"DG-GATE-010"}
	count(found) == 2
	some f in found
	f.file == "k8s/secret.yaml"
	f == {
		"rule": "DG-GATE-010",
		"file": "k8s/secret.yaml",
		"line": 8,
		"match": "manifest-credentials",
		"message": {
			"en": "Deployment blocked: k8s/secret.yaml holds 2 credential(s) that anyone who can read the manifests, contractors included, can use: C06_secretKey (line 8), password (line 9).",
			"vi": "Chặn triển khai: k8s/secret.yaml chứa 2 thông tin xác thực mà bất kỳ ai đọc được tệp triển khai, kể cả nhà thầu, đều dùng được: C06_secretKey (dòng 8), password (dòng 9).",
		},
	}
	some w in found
	w.file == ".github/workflows/deploy.yml"
	contains(w.message.en, "jwt (line 20)")
}

test_findings_never_include_a_value if {
	creds := [fixtures.credential({"file": "k8s/secret.yaml", "line": 9, "source": "k8s-secret", "key": "password"})]
	found := eval_facts(manifest_facts(creds))
	every f in found {
		not contains(json.marshal(f), "Su…9x")
	}
}

test_short_fingerprint_keeps_short_values if {
	gate.short("sha256:abc") == "sha256:abc"
}

test_every_rule_on_one_gate if {
	bad := gate_fact({
		"deployDate": "2027-07-01",
		"declaration": declaration({"securityLevel": {"value": 1, "line": 4}}),
		"notices": [
			object.remove(notice({"goLive": "2027-08-01", "workingDays": 3}), ["approved"]),
			notice({"reference": "7/X", "fingerprint": fp_changed, "submitted": "2026-01-05", "approved": {"reference": "8/Y", "date": "2027-07-02", "line": 30}}),
		],
		"limiters": [limiter],
	})
	fixtures.rules_of(eval(bad)) == {"DG-GATE-003", "DG-GATE-004", "DG-GATE-005", "DG-GATE-007", "DG-GATE-008", "DG-GATE-009"}
}
