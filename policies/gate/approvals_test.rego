package dancu.gate_approvals_test

import data.dancu.fixtures
import data.dancu.gate
import data.dancu.gate_test

# Synthetic key ids (SHA-256 of made-up keys) and attestations; document numbers are made up.
key_new := "aaaaaaaaaaaaaaaa0000000000000000000000000000000000000000000000aa"

key_old := "bbbbbbbbbbbbbbbb0000000000000000000000000000000000000000000000bb"

key_other := "cccccccccccccccc0000000000000000000000000000000000000000000000cc"

# What the province signed for gate_test's notice (101/STTTT-CNTT, approved 55/TCT-DA06).
statement(overrides) := fixtures.override(
	{
		"fingerprint": gate_test.fp,
		"notice": {"reference": "101/STTTT-CNTT", "submitted": "2026-10-01", "goLive": "2026-11-30"},
		"approval": {"reference": "55/TCT-DA06", "date": "2026-10-20"},
	},
	overrides,
)

attestation(overrides) := fixtures.override(
	{
		"file": "dancu-approvals/1111111111111111.dsse.json",
		"status": "valid",
		"keyid": key_new,
		"statement": statement({}),
	},
	overrides,
)

approvals(overrides) := fixtures.override(
	{
		"trustKeys": [key_new],
		"allowUnsigned": false,
		"directory": "dancu-approvals",
		"attestations": [attestation({})],
	},
	overrides,
)

eval_approvals(a) := gate_test.eval(gate_test.gate_fact({"approvals": a}))

rules(findings) := sort([f.rule | some f in findings])

by_rule(findings, rule) := [f | some f in findings; f.rule == rule]

# ---------------------------------------------------------------------------
# Without a trust key

test_011_no_trust_key_blocks_a_declared_approval if {
	fs := eval_approvals(approvals({"trustKeys": [], "attestations": []}))
	rules(fs) == ["DG-GATE-011"]
	some f in fs
	f.file == "dancu-integration.yml"
	f.line == 17
	f.match == "self-declared|101/STTTT-CNTT"
	f.message.en == "Approval 55/TCT-DA06 of notice 101/STTTT-CNTT is self-declared: the gate was given no public key of the province (--trust-key), so it cannot tell this approval from a line that anyone who can edit dancu-integration.yml, the contractor included, could write. Deployment is blocked until the approval is signed by the province or the province accepts declared approvals (--allow-unsigned-approvals)."
	contains(f.message.vi, "chỉ là tự khai báo")
}

test_011_missing_approval_facts_fail_closed if {
	g := object.remove(gate_test.gate_fact({}), ["approvals"])
	rules(gate_test.eval(g)) == ["DG-GATE-011"]
}

test_011_allow_unsigned_accepts_declared_approvals if {
	count(eval_approvals(approvals({"trustKeys": [], "allowUnsigned": true, "attestations": []}))) == 0
}

test_011_not_without_a_declared_approval if {
	n := object.remove(gate_test.notice({}), ["approved"])
	g := gate_test.gate_fact({"notices": [n], "approvals": approvals({"trustKeys": [], "attestations": []})})
	rules(gate_test.eval(g)) == ["DG-GATE-005"]
}

test_011_not_when_no_notice_covers_the_fingerprint if {
	g := gate_test.gate_fact({
		"fingerprint": {"current": gate_test.fp_changed, "files": ["src/a.ts"]},
		"approvals": approvals({"trustKeys": [], "attestations": []}),
	})
	rules(gate_test.eval(g)) == ["DG-GATE-002"]
}

# ---------------------------------------------------------------------------
# With trust keys

test_signed_approval_passes if {
	count(eval_approvals(approvals({}))) == 0
}

test_key_rotation_older_key_still_verifies if {
	a := approvals({"trustKeys": [key_new, key_old], "attestations": [attestation({"keyid": key_old})]})
	count(eval_approvals(a)) == 0
}

test_allow_unsigned_does_not_loosen_a_trust_key if {
	fs := eval_approvals(approvals({"allowUnsigned": true, "attestations": []}))
	rules(fs) == ["DG-GATE-012"]
}

test_012_no_attestation if {
	fs := eval_approvals(approvals({"attestations": []}))
	rules(fs) == ["DG-GATE-012"]
	some f in fs
	f.line == 17
	f.match == "unsigned|101/STTTT-CNTT"
	f.message.en == "Approval 55/TCT-DA06 of notice 101/STTTT-CNTT is not signed by the province: no attestation signed by a trusted key (aaaaaaaaaaaaaaaa) covers the current fingerprint sha256:111111111111; the province signs one with `dancu-guard approve` and it is kept as dancu-approvals/1111111111111111.dsse.json or given with --attestation."
	contains(f.message.vi, "không có chữ ký số của tỉnh")
}

test_012_attestation_for_another_fingerprint if {
	other := attestation({"statement": statement({"fingerprint": gate_test.fp_changed})})
	fs := eval_approvals(approvals({"attestations": [other]}))

	# a valid attestation of an earlier fingerprint is not a problem, it just does not count
	rules(fs) == ["DG-GATE-012"]
	some f in fs
	contains(f.message.en, "no attestation signed by a trusted key")
}

test_012_notice_reference_mismatch_names_the_file if {
	a := attestation({"statement": statement({"notice": {"reference": "99/STTTT-CNTT", "submitted": "2026-10-01", "goLive": "2026-11-30"}})})
	fs := eval_approvals(approvals({"attestations": [a]}))
	rules(fs) == ["DG-GATE-012"]
	some f in fs
	f.message.en == "Approval 55/TCT-DA06 of notice 101/STTTT-CNTT is not signed by the province: the attestations signed for the current fingerprint sha256:111111111111 state another notice or approval: dancu-approvals/1111111111111111.dsse.json (key aaaaaaaaaaaaaaaa): notice 99/STTTT-CNTT signed, 101/STTTT-CNTT here. Correct the declaration to what the province signed, or have the province sign this notice."
	contains(f.message.vi, "thông báo: ký 99/STTTT-CNTT, tại đây 101/STTTT-CNTT")
}

test_012_dates_and_approval_must_match if {
	a := attestation({"statement": statement({
		"notice": {"reference": "101/STTTT-CNTT", "submitted": "2026-09-30", "goLive": "2026-11-02"},
		"approval": {"reference": "56/TCT-DA06", "date": "2026-10-21"},
	})})
	fs := eval_approvals(approvals({"attestations": [a]}))
	rules(fs) == ["DG-GATE-012"]
	some f in fs
	contains(f.message.en, "approval 56/TCT-DA06 signed, 55/TCT-DA06 here; approval date 2026-10-21 signed, 2026-10-20 here; go-live 2026-11-02 signed, 2026-11-30 here; submitted 2026-09-30 signed, 2026-10-01 here")
}

test_go_live_checked_only_when_signed if {
	a := attestation({"statement": statement({"notice": {"reference": "101/STTTT-CNTT", "submitted": "2026-10-01"}})})
	count(eval_approvals(approvals({"attestations": [a]}))) == 0
}

test_repository_checked_when_both_known if {
	signed := attestation({"statement": statement({"repository": "tinh-mau/dvc-portal"})})
	count(eval_approvals(approvals({"attestations": [signed]}))) == 0
	count(eval_approvals(approvals({"repository": "tinh-mau/dvc-portal", "attestations": [signed]}))) == 0
	count(eval_approvals(approvals({"repository": "tinh-mau/other", "attestations": [attestation({})]}))) == 0
	fs := eval_approvals(approvals({"repository": "tinh-mau/other", "attestations": [signed]}))
	rules(fs) == ["DG-GATE-012"]
	some f in fs
	contains(f.message.en, "repository tinh-mau/dvc-portal signed, tinh-mau/other here")
}

test_one_matching_attestation_is_enough if {
	wrong := attestation({"file": "dancu-approvals/a.dsse.json", "statement": statement({"approval": {"reference": "1/X", "date": "2026-10-20"}})})
	count(eval_approvals(approvals({"attestations": [wrong, attestation({})]}))) == 0
}

# ---------------------------------------------------------------------------
# Attestations that cannot be trusted (DG-GATE-013)

test_013_tampered_attestation if {
	a := attestation({"status": "bad-signature"})
	fs := eval_approvals(approvals({"attestations": [a]}))
	rules(fs) == ["DG-GATE-012", "DG-GATE-013"]
	some f in by_rule(fs, "DG-GATE-013")
	f.file == "dancu-approvals/1111111111111111.dsse.json"
	f.line == 1
	f.match == "attestation|bad-signature|"
	f.message.en == "Attestation dancu-approvals/1111111111111111.dsse.json names the province's key aaaaaaaaaaaaaaaa but its signature does not verify: the file was altered after it was signed, or damaged. Deployment is blocked; restore the file the province signed, or remove it."
	contains(f.message.vi, "đã bị sửa sau khi ký")
}

test_013_tampered_attestation_of_another_fingerprint_blocks_too if {
	a := attestation({"status": "bad-signature", "statement": statement({"fingerprint": gate_test.fp_changed})})
	fs := eval_approvals(approvals({"attestations": [a, attestation({"file": "dancu-approvals/ok.dsse.json"})]}))
	rules(fs) == ["DG-GATE-013"]
}

test_013_signed_by_another_key if {
	a := object.remove(attestation({"status": "untrusted-key", "keyids": [key_other]}), ["keyid"])
	fs := eval_approvals(approvals({"attestations": [a]}))
	rules(fs) == ["DG-GATE-012", "DG-GATE-013"]
	some f in by_rule(fs, "DG-GATE-013")
	f.message.en == "Attestation dancu-approvals/1111111111111111.dsse.json approves the current fingerprint sha256:111111111111 but is not signed by a trusted key (it names key cccccccccccccccc; trusted: aaaaaaaaaaaaaaaa): it may be forged. Deployment is blocked; only an approval signed with the province's key counts."
	contains(f.message.vi, "có thể là giả mạo")
}

test_013_another_key_without_key_id if {
	a := object.remove(attestation({"status": "untrusted-key", "keyids": []}), ["keyid"])
	fs := by_rule(eval_approvals(approvals({"attestations": [a]})), "DG-GATE-013")
	some f in fs
	contains(f.message.en, "(it names key -; trusted: aaaaaaaaaaaaaaaa)")
}

test_untrusted_attestation_of_an_old_fingerprint_is_ignored if {
	old := object.remove(attestation({"file": "dancu-approvals/old.dsse.json", "status": "untrusted-key", "keyids": [key_other], "statement": statement({"fingerprint": gate_test.fp_changed})}), ["keyid"])
	count(eval_approvals(approvals({"attestations": [old, attestation({})]}))) == 0
}

test_013_malformed if {
	a := object.remove(attestation({"status": "malformed", "problem": {"code": "not-json", "detail": "not valid JSON"}}), ["statement", "keyid"])
	fs := eval_approvals(approvals({"attestations": [a, attestation({"file": "dancu-approvals/ok.dsse.json"})]}))
	rules(fs) == ["DG-GATE-013"]
	some f in fs
	f.match == "attestation|malformed|not-json"
	f.message.en == "Attestation dancu-approvals/1111111111111111.dsse.json cannot be used: it is not valid JSON (truncated, or not an attestation) (not valid JSON). Deployment is blocked until it is replaced by the file the province signed (`dancu-guard approve`) or removed."
	contains(f.message.vi, "Không dùng được bản xác nhận")
}

test_013_every_problem_has_a_message_in_both_languages if {
	every code, label in gate.problem_labels {
		a := {"file": "x.dsse.json", "status": "malformed", "problem": {"code": code, "detail": "d"}}
		gate.problem_desc(a, "en") == sprintf("%s (d)", [label.en])
		gate.problem_desc(a, "vi") == sprintf("%s (d)", [label.vi])
	}
}

test_013_unknown_problem_and_unknown_status_fail_closed if {
	odd := {"file": "dancu-approvals/x.dsse.json", "status": "malformed", "problem": {"code": "new-kind", "detail": "something"}}
	fs := eval_approvals(approvals({"attestations": [odd, attestation({"file": "ok.dsse.json"})]}))
	some f in fs
	f.message.en == "Attestation dancu-approvals/x.dsse.json cannot be used: it cannot be read (something). Deployment is blocked until it is replaced by the file the province signed (`dancu-guard approve`) or removed."
	strange := {"file": "dancu-approvals/y.dsse.json", "status": "maybe"}
	rules(eval_approvals(approvals({"attestations": [strange, attestation({})]}))) == ["DG-GATE-013"]
}

test_short_key_keeps_short_values if {
	gate.short_key("abc") == "abc"
	gate.expected_file == "dancu-approvals/<fingerprint>.dsse.json" with input as {"gate": {"fingerprint": {"current": "sha256:1"}}}
}
