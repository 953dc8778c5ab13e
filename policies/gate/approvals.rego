# Signed approvals (docs/approvals.md), part of package dancu.gate.
#
# The declaration is written by the contractor, so an `approved: {reference, date}`
# in it proves nothing by itself. The province signs its approval of a notice for one
# integration fingerprint (`dancu-guard approve`: an in-toto statement in a DSSE
# envelope, Ed25519); the gate is given the province's public keys from outside the
# repository (`--trust-key`) and reads and verifies the attestations
# (src/gate/attest/). Facts: `input.gate.approvals` = {trustKeys: [key id], allowUnsigned,
# directory, repository?, attestations: [{file, status, keyid?, keyids?, problem?,
# statement?}]}. Verdicts: here.
#
# A declared approval counts only when a valid attestation (a trusted key verifies
# its signature) covers the current fingerprint and states the same notice
# (reference, submitted, go-live when signed) and approval (reference, date), and the
# same repository when both are known. Missing facts fail closed: no trust key.
package dancu.gate

import data.dancu.lib

approval_facts := object.get(input.gate, "approvals", {})

trust_keys := {k | some k in object.get(approval_facts, "trustKeys", [])}

# With a trust key every declared approval must be signed.
signatures_required if count(trust_keys) > 0

# The province accepts declared approvals (only meaningful without a trust key).
unsigned_accepted if {
	not signatures_required
	approval_facts.allowUnsigned == true
}

attestations := object.get(approval_facts, "attestations", [])

approvals_dir := lib.str(approval_facts, "directory", "dancu-approvals")

# "1a2b3c4d5e6f7a8b" (16 hex digits) for messages.
short_key(k) := substring(k, 0, 16) if {
	is_string(k)
	count(k) > 16
} else := k

keys_desc := concat(", ", sort({short_key(k) | some k in trust_keys}))

# Where `dancu-guard approve` writes the attestation of the current fingerprint.
expected_file := sprintf("%s/%s.dsse.json", [approvals_dir, substring(current_fingerprint, 7, 16)]) if {
	is_string(current_fingerprint)
	count(current_fingerprint) > 23
} else := sprintf("%s/<fingerprint>.dsse.json", [approvals_dir])

# Attestations signed by a trusted key for the current fingerprint.
valid_current contains a if {
	some a in attestations
	a.status == "valid"
	a.statement.fingerprint == current_fingerprint
}

declared_approval(n) := object.get(n, "approved", {})

# What an attestation states against what the notice declares.
compared(a, n) := ({
	{"field": "notice", "signed": lib.str(a.statement.notice, "reference", "?"), "declared": lib.str(n, "reference", "?")},
	{"field": "submitted", "signed": lib.str(a.statement.notice, "submitted", "?"), "declared": lib.str(n, "submitted", "?")},
	{"field": "approval", "signed": lib.str(a.statement.approval, "reference", "?"), "declared": lib.str(declared_approval(n), "reference", "-")},
	{"field": "approvalDate", "signed": lib.str(a.statement.approval, "date", "?"), "declared": lib.str(declared_approval(n), "date", "-")},
} | compared_go_live(a, n)) | compared_repository(a)

compared_go_live(a, n) := {{"field": "goLive", "signed": a.statement.notice.goLive, "declared": lib.str(n, "goLive", "?")}} if {
	is_string(a.statement.notice.goLive)
} else := set()

compared_repository(a) := {{"field": "repository", "signed": a.statement.repository, "declared": approval_facts.repository}} if {
	is_string(a.statement.repository)
	is_string(approval_facts.repository)
} else := set()

differences(a, n) := {d | some d in compared(a, n); d.signed != d.declared}

# The notice's declared approval is signed by the province.
signed_notice(n) if {
	some a in valid_current
	count(differences(a, n)) == 0
}

field_labels := {
	"notice": {"en": "notice", "vi": "thông báo"},
	"submitted": {"en": "submitted", "vi": "ngày gửi"},
	"approval": {"en": "approval", "vi": "văn bản chấp thuận"},
	"approvalDate": {"en": "approval date", "vi": "ngày chấp thuận"},
	"goLive": {"en": "go-live", "vi": "ngày đưa vào sử dụng"},
	"repository": {"en": "repository", "vi": "kho mã"},
}

difference_desc(d, lang) := sprintf({"en": "%s %s signed, %s here", "vi": "%s: ký %s, tại đây %s"}[lang], [field_labels[d.field][lang], d.signed, d.declared])

attestation_desc(a, n, lang) := sprintf({"en": "%s (key %s): %s", "vi": "%s (khóa %s): %s"}[lang], [
	a.file,
	short_key(lib.str(a, "keyid", "?")),
	concat("; ", sort({difference_desc(d, lang) | some d in differences(a, n)})),
])

# Why notice n's approval does not count.
unsigned_why(n, lang) := sprintf(
	{
		"en": "no attestation signed by a trusted key (%s) covers the current fingerprint %s; the province signs one with `dancu-guard approve` and it is kept as %s or given with --attestation.",
		"vi": "không có bản xác nhận nào được ký bằng khóa tin cậy (%s) cho mã vân tay hiện tại %s; tỉnh ký bằng `dancu-guard approve` và lưu tại %s hoặc cung cấp qua --attestation.",
	}[lang],
	[keys_desc, short(current_fingerprint), expected_file],
) if {
	count(valid_current) == 0
} else := sprintf(
	{
		"en": "the attestations signed for the current fingerprint %s state another notice or approval: %s. Correct the declaration to what the province signed, or have the province sign this notice.",
		"vi": "bản xác nhận đã ký cho mã vân tay hiện tại %s nêu thông báo hoặc văn bản chấp thuận khác: %s. Sửa tệp khai báo theo đúng nội dung tỉnh đã ký, hoặc đề nghị tỉnh ký cho thông báo này.",
	}[lang],
	[short(current_fingerprint), concat(" | ", sort({attestation_desc(a, n, lang) | some a in valid_current}))],
)

approval_finding(rule, n, match, message) := {
	"rule": rule,
	"file": decl_file,
	"line": lib.num(declared_approval(n), "line", lib.num(n, "line", 1)),
	"match": sprintf("%s|%s", [match, notice_ref(n)]),
	"message": message,
}

# METADATA
# title: Approval is self-declared (no province key to check it)
# scope: rule
# custom:
#   id: DG-GATE-011
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Văn bản chấp thuận chỉ là tự khai báo (không có khóa của tỉnh để kiểm tra)
#   remediation_en: >-
#     Give the gate the province's public key (`--trust-key`, Action input trust-key,
#     kept outside the repository) and the province's signed approval attestation
#     (`dancu-guard approve`, docs/approvals.md). Only if the province accepts approvals
#     written in dancu-integration.yml without a signature, run the gate with
#     --allow-unsigned-approvals.
#   remediation_vi: >-
#     Cung cấp cho cổng kiểm soát khóa công khai của tỉnh (`--trust-key`, tham số
#     trust-key của Action, lưu ngoài kho mã) và bản xác nhận phê duyệt có chữ ký số của
#     tỉnh (`dancu-guard approve`, xem docs/approvals.md). Chỉ khi tỉnh chấp nhận văn bản
#     chấp thuận ghi trong dancu-integration.yml mà không có chữ ký số thì chạy với
#     --allow-unsigned-approvals.
deny contains finding if {
	not signatures_required
	not unsigned_accepted
	some n in current_notices
	approved(n)
	finding := approval_finding("DG-GATE-011", n, "self-declared", {
		"en": sprintf("Approval %s of notice %s is self-declared: the gate was given no public key of the province (--trust-key), so it cannot tell this approval from a line that anyone who can edit %s, the contractor included, could write. Deployment is blocked until the approval is signed by the province or the province accepts declared approvals (--allow-unsigned-approvals).", [lib.str(n.approved, "reference", "?"), notice_ref(n), decl_file]),
		"vi": sprintf("Văn bản chấp thuận %s của thông báo %s chỉ là tự khai báo: cổng kiểm soát không được cung cấp khóa công khai của tỉnh (--trust-key) nên không phân biệt được với một dòng mà bất kỳ ai sửa được %s, kể cả nhà thầu, cũng có thể tự ghi. Chặn triển khai cho đến khi văn bản chấp thuận được tỉnh ký số hoặc tỉnh chấp nhận việc tự khai báo (--allow-unsigned-approvals).", [lib.str(n.approved, "reference", "?"), notice_ref(n), decl_file]),
	})
}

# METADATA
# title: Approval not signed by the province
# scope: rule
# custom:
#   id: DG-GATE-012
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Văn bản chấp thuận không có chữ ký số của tỉnh
#   remediation_en: >-
#     Have the province sign its approval of this notice for the current fingerprint
#     (`dancu-guard approve --notice … --reference … --date …`, docs/approvals.md) and
#     commit the attestation in dancu-approvals/ (or pass it with --attestation); make
#     the notice's reference, dates and approval in dancu-integration.yml those the
#     province signed.
#   remediation_vi: >-
#     Đề nghị tỉnh ký số văn bản chấp thuận thông báo này cho mã vân tay hiện tại
#     (`dancu-guard approve --notice … --reference … --date …`, xem docs/approvals.md) và
#     đưa bản xác nhận vào thư mục dancu-approvals/ (hoặc cung cấp qua --attestation);
#     số, ngày của thông báo và văn bản chấp thuận trong dancu-integration.yml phải đúng
#     như nội dung tỉnh đã ký.
deny contains finding if {
	signatures_required
	some n in current_notices
	approved(n)
	not signed_notice(n)
	finding := approval_finding("DG-GATE-012", n, "unsigned", {
		"en": sprintf("Approval %s of notice %s is not signed by the province: %s", [lib.str(n.approved, "reference", "?"), notice_ref(n), unsigned_why(n, "en")]),
		"vi": sprintf("Văn bản chấp thuận %s của thông báo %s không có chữ ký số của tỉnh: %s", [lib.str(n.approved, "reference", "?"), notice_ref(n), unsigned_why(n, "vi")]),
	})
}

problem_labels := {
	"not-json": {"en": "it is not valid JSON (truncated, or not an attestation)", "vi": "không phải JSON hợp lệ (bị cắt cụt hoặc không phải bản xác nhận)"},
	"not-utf8": {"en": "it is not UTF-8 text", "vi": "không phải văn bản UTF-8"},
	"not-envelope": {"en": "it is not a DSSE envelope", "vi": "không phải phong bì DSSE"},
	"base64": {"en": "its payload or signature is not base64", "vi": "nội dung hoặc chữ ký không phải base64"},
	"no-signatures": {"en": "it carries no signature", "vi": "không có chữ ký"},
	"payload-type": {"en": "its payload is not an in-toto statement", "vi": "nội dung không phải tuyên bố in-toto"},
	"not-statement": {"en": "its payload is not an in-toto Statement v1", "vi": "nội dung không phải tuyên bố in-toto v1"},
	"predicate-type": {"en": "it is not a dancu-guard approval", "vi": "không phải bản xác nhận phê duyệt của dancu-guard"},
	"predicate": {"en": "its approval is incomplete or inconsistent", "vi": "nội dung phê duyệt thiếu hoặc không nhất quán"},
	"too-large": {"en": "it is too large to be an attestation", "vi": "quá lớn để là một bản xác nhận"},
	"link-outside": {"en": "it is a link out of the repository", "vi": "là liên kết trỏ ra ngoài kho mã"},
}

problem_desc(a, lang) := sprintf("%s (%s)", [problem_labels[a.problem.code][lang], lib.str(a.problem, "detail", "")]) if {
	is_string(problem_labels[a.problem.code][lang])
} else := sprintf({"en": "it cannot be read (%s)", "vi": "không đọc được (%s)"}[lang], [lib.str(object.get(a, "problem", {}), "detail", "?")])

claimed_keys(a) := concat(", ", sort({short_key(k) | some k in a.keyids})) if {
	count(a.keyids) > 0
} else := "-"

# An attestation the gate cannot rely on, that could be meant for this deployment.
untrustworthy contains a if {
	some a in attestations
	a.status in {"malformed", "bad-signature"}
}

untrustworthy contains a if {
	some a in attestations
	a.status == "untrusted-key"
	a.statement.fingerprint == current_fingerprint
}

# Anything else that is not valid: fail closed.
untrustworthy contains a if {
	some a in attestations
	not a.status in {"valid", "malformed", "bad-signature", "untrusted-key"}
}

attestation_message(a) := {
	"en": sprintf("Attestation %s cannot be used: %s. Deployment is blocked until it is replaced by the file the province signed (`dancu-guard approve`) or removed.", [a.file, problem_desc(a, "en")]),
	"vi": sprintf("Không dùng được bản xác nhận %s: %s. Chặn triển khai cho đến khi thay bằng tệp do tỉnh ký (`dancu-guard approve`) hoặc xóa tệp này.", [a.file, problem_desc(a, "vi")]),
} if {
	a.status == "malformed"
} else := {
	"en": sprintf("Attestation %s names the province's key %s but its signature does not verify: the file was altered after it was signed, or damaged. Deployment is blocked; restore the file the province signed, or remove it.", [a.file, short_key(lib.str(a, "keyid", "?"))]),
	"vi": sprintf("Bản xác nhận %s ghi khóa của tỉnh %s nhưng chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc bị hỏng. Chặn triển khai; khôi phục đúng tệp tỉnh đã ký hoặc xóa tệp này.", [a.file, short_key(lib.str(a, "keyid", "?"))]),
} if {
	a.status == "bad-signature"
} else := {
	"en": sprintf("Attestation %s approves the current fingerprint %s but is not signed by a trusted key (it names key %s; trusted: %s): it may be forged. Deployment is blocked; only an approval signed with the province's key counts.", [a.file, short(current_fingerprint), claimed_keys(a), keys_desc]),
	"vi": sprintf("Bản xác nhận %s phê duyệt mã vân tay hiện tại %s nhưng không được ký bằng khóa tin cậy (ghi khóa %s; khóa tin cậy: %s): có thể là giả mạo. Chặn triển khai; chỉ văn bản chấp thuận ký bằng khóa của tỉnh mới có giá trị.", [a.file, short(current_fingerprint), claimed_keys(a), keys_desc]),
}

# METADATA
# title: Approval attestation cannot be trusted
# scope: rule
# custom:
#   id: DG-GATE-013
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Bản xác nhận phê duyệt không đáng tin cậy
#   remediation_en: >-
#     Replace the file with the attestation the province signed (`dancu-guard approve`
#     writes it; it must not be edited afterwards), or remove it. An attestation signed
#     with a key the province did not publish never counts; if the province changed
#     keys, give the gate both the old and the new public key (--trust-key twice).
#   remediation_vi: >-
#     Thay tệp bằng đúng bản xác nhận do tỉnh ký (`dancu-guard approve` tạo ra; không được
#     sửa sau khi ký), hoặc xóa tệp. Bản xác nhận ký bằng khóa mà tỉnh không công bố không
#     có giá trị; nếu tỉnh đã đổi khóa, cung cấp cho cổng kiểm soát cả khóa công khai cũ
#     và mới (--trust-key hai lần).
deny contains finding if {
	some a in untrustworthy
	finding := {
		"rule": "DG-GATE-013",
		"file": a.file,
		"line": 1,
		"match": sprintf("attestation|%s|%s", [lib.str(a, "status", "?"), lib.str(object.get(a, "problem", {}), "code", "")]),
		"message": attestation_message(a),
	}
}
