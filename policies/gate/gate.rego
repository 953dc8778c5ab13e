# METADATA
# title: Pre-deployment gate and change control
# description: >-
#   A new system, or any change to the code or functions that connect to the
#   National Population Database, must be notified in writing to the provincial
#   Đề án 06 working group at least 10 working days before use and must not connect
#   without written approval (R5); connected systems are security level 3 or above
#   and assessed (R8); accounts and their registered daily quotas are reviewed (R7,
#   R4); no credential may sit in deployment manifests (R1). Judged only when the
#   input carries `gate` facts (`dancu-guard gate` adds them: the integration
#   declaration, the notices with their working-day counts computed by the
#   calendar, the current integration fingerprint and the lock file's per-file
#   changes, and rate-limiter capacities). Entrypoints: dancu/gate/findings and
#   dancu/gate/surface (surface.rego).
# schemas:
#   - input: schema.facts
package dancu.gate

import data.dancu.credentials
import data.dancu.lib

# The gate's findings (Wasm entrypoint dancu/gate/findings).
findings := deny

# Gate facts are present only when `dancu-guard gate` runs.
gate_present if is_object(input.gate)

declaration := input.gate.declaration

# The declaration file exists and was read (an invalid one stops the gate before
# evaluation with exit 2, so it never reaches here).
declared if {
	gate_present
	declaration.present == true
}

decl_file := lib.str(declaration, "file", "dancu-integration.yml")

required := lib.num(input.gate, "requiredWorkingDays", 10)

# "sha256:0123456789ab" (the first 12 hex digits) for messages.
short(fp) := substring(fp, 0, 19) if {
	is_string(fp)
	count(fp) > 19
} else := fp

current_fingerprint := input.gate.fingerprint.current

# Notices declaring the current fingerprint.
covering contains n if {
	declared
	some n in input.gate.notices
	n.fingerprint == current_fingerprint
}

# The notice the deployment rests on: the latest-submitted notice of the current
# fingerprint (several when submitted the same day).
current_notices contains n if {
	some n in covering
	n.submitted == max({m.submitted | some m in covering})
}

# The latest-submitted notice of any fingerprint, for messages.
latest_notices contains n if {
	some n in input.gate.notices
	n.submitted == max({m.submitted | some m in input.gate.notices})
}

labels := {
	"modified": {"en": "modified", "vi": "sửa đổi"},
	"added": {"en": "added", "vi": "thêm mới"},
	"removed": {"en": "removed", "vi": "xóa bỏ"},
}

change_label(c, lang) := labels[c.change][lang] if {
	is_string(labels[c.change][lang])
} else := lib.str(c, "change", "?")

lock_file := lib.str(input.gate.lock, "file", "dancu-integration.lock.json")

# What changed since the lock file recorded the approved surface.
changes_desc(lang) := {
	"en": sprintf("The lock file %s is missing, so the changed files cannot be listed: run `dancu-guard fingerprint --write` when a notice is approved and commit the lock file.", [lock_file]),
	"vi": sprintf("Không có tệp khóa %s nên không liệt kê được các tệp đã thay đổi: chạy `dancu-guard fingerprint --write` khi thông báo được chấp thuận và đưa tệp khóa vào kho mã.", [lock_file]),
}[lang] if {
	input.gate.lock.present != true
} else := {
	"en": sprintf("The lock file %s already records the current code, but no notice declares its fingerprint.", [lock_file]),
	"vi": sprintf("Tệp khóa %s đã ghi nhận mã nguồn hiện tại nhưng chưa có thông báo nào khai báo mã vân tay này.", [lock_file]),
}[lang] if {
	count(input.gate.lock.changed) == 0
} else := sprintf({"en": "Changed since the lock file %s: %s.", "vi": "Thay đổi so với tệp khóa %s: %s."}[lang], [
	lock_file,
	concat(", ", [sprintf("%s (%s)", [c.path, change_label(c, lang)]) | some c in input.gate.lock.changed]),
])

latest_desc(lang) := sprintf({"en": "latest notice %s declares %s", "vi": "thông báo gần nhất %s khai báo %s"}[lang], [
	concat(", ", sort({lib.str(n, "reference", "?") | some n in latest_notices})),
	concat(", ", sort({short(n.fingerprint) | some n in latest_notices})),
]) if {
	count(latest_notices) > 0
} else := {"en": "no notice is declared", "vi": "chưa khai báo thông báo nào"}[lang]

# METADATA
# title: No integration declaration
# scope: rule
# custom:
#   id: DG-GATE-001
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Không có tệp khai báo tích hợp
#   remediation_en: >-
#     Add dancu-integration.yml at the repository root: the system, its owner, its
#     security level and assessment, the DB accounts (with where their secrets live,
#     never the secrets) and every written notice with its approval, go-live date and
#     the integration fingerprint printed by `dancu-guard fingerprint`.
#   remediation_vi: >-
#     Tạo tệp dancu-integration.yml ở thư mục gốc của kho mã: tên hệ thống, đơn vị chủ
#     quản, cấp độ an toàn và kết quả đánh giá, các tài khoản kết nối CSDLQG về dân cư
#     (nêu nơi lưu bí mật, không ghi bí mật) và từng văn bản thông báo kèm văn bản chấp
#     thuận, ngày đưa vào sử dụng và mã vân tay tích hợp do `dancu-guard fingerprint` in ra.
deny contains finding if {
	gate_present
	not declared
	finding := {
		"rule": "DG-GATE-001",
		"file": decl_file,
		"line": 1,
		"match": "no-declaration",
		"message": {
			"en": sprintf("No integration declaration (%s) at the repository root: the gate cannot tell whether this integration with the population DB was notified in writing at least %d working days before use and approved. Deployment is blocked.", [decl_file, required]),
			"vi": sprintf("Không có tệp khai báo tích hợp (%s) ở thư mục gốc của kho mã: không xác định được việc kết nối CSDLQG về dân cư này đã được báo cáo bằng văn bản tối thiểu %d ngày làm việc trước khi sử dụng và được chấp thuận hay chưa. Chặn triển khai.", [decl_file, required]),
		},
	}
}

# METADATA
# title: Integration changed since it was notified
# scope: rule
# custom:
#   id: DG-GATE-002
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Phần tích hợp đã thay đổi kể từ lần thông báo
#   remediation_en: >-
#     Send a written notice of the change (`dancu-guard notice` drafts it) to the
#     provincial Đề án 06 working group at least 10 working days before use, add it to
#     dancu-integration.yml with the current fingerprint, and once it is approved record
#     the approval and run `dancu-guard fingerprint --write` to refresh the lock file.
#   remediation_vi: >-
#     Gửi văn bản thông báo thay đổi (`dancu-guard notice` soạn dự thảo) tới Tổ Công tác
#     Đề án 06 của tỉnh tối thiểu 10 ngày làm việc trước khi sử dụng, khai báo trong
#     dancu-integration.yml với mã vân tay hiện tại; khi được chấp thuận, ghi văn bản
#     chấp thuận và chạy `dancu-guard fingerprint --write` để cập nhật tệp khóa.
deny contains finding if {
	declared
	count(covering) == 0
	files := count(input.gate.fingerprint.files)
	finding := {
		"rule": "DG-GATE-002",
		"file": decl_file,
		"line": lib.num(declaration, "noticesLine", 1),
		"match": "no-covering-notice",
		"message": {
			"en": sprintf("The integration with the population DB changed since it was notified: its fingerprint %s (%d files) matches no notice in %s (%s). %s Notify the change in writing at least %d working days before use and deploy only after written approval.", [short(current_fingerprint), files, decl_file, latest_desc("en"), changes_desc("en"), required]),
			"vi": sprintf("Phần kết nối CSDLQG về dân cư đã thay đổi kể từ lần thông báo: mã vân tay %s (%d tệp) không khớp thông báo nào trong %s (%s). %s Phải báo cáo thay đổi bằng văn bản tối thiểu %d ngày làm việc trước khi sử dụng và chỉ triển khai khi có văn bản chấp thuận.", [short(current_fingerprint), files, decl_file, latest_desc("vi"), changes_desc("vi"), required]),
		},
	}
}

holidays_desc(n, lang) := sprintf({"en": "; not working days: %s", "vi": "; không tính các ngày nghỉ: %s"}[lang], [concat(", ", [sprintf("%s (%s)", [h.date, h.name]) | some h in n.holidaysSkipped])]) if {
	count(n.holidaysSkipped) > 0
} else := ""

notice_ref(n) := lib.str(n, "reference", "?")

approved(n) if is_object(n.approved)

notice_finding(rule, n, match, message) := {
	"rule": rule,
	"file": decl_file,
	"line": lib.num(n, "line", 1),
	"match": sprintf("%s|%s", [match, notice_ref(n)]),
	"message": message,
}

# METADATA
# title: Notice submitted fewer than 10 working days before go-live
# scope: rule
# custom:
#   id: DG-GATE-003
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Thông báo gửi chưa đủ 10 ngày làm việc trước khi đưa vào sử dụng
#   remediation_en: >-
#     Move the go-live to the earliest legal date or later (working days are counted
#     from the day after the notice is received, skipping weekends, public holidays,
#     compensatory days and the government's swapped days off), update the notice and
#     the declaration, and deploy only from that date.
#   remediation_vi: >-
#     Lùi ngày đưa vào sử dụng đến ngày sớm nhất theo quy định hoặc muộn hơn (ngày làm
#     việc tính từ ngày sau ngày nhận văn bản, không tính thứ Bảy, Chủ nhật, ngày lễ,
#     Tết, ngày nghỉ bù và ngày nghỉ hoán đổi theo quyết định của Chính phủ), cập nhật
#     thông báo và tệp khai báo, chỉ triển khai từ ngày đó.
deny contains finding if {
	some n in current_notices
	n.workingDays < required
	finding := notice_finding("DG-GATE-003", n, "notice-period", {
		"en": sprintf("Notice %s was submitted on %s, only %d working day(s) before its go-live %s (%d weekdays%s); at least %d working days are required, counted from the day after receipt. Earliest legal go-live: %s.", [notice_ref(n), n.submitted, n.workingDays, n.goLive, n.weekdaysOnly, holidays_desc(n, "en"), required, n.earliestGoLive]),
		"vi": sprintf("Thông báo %s gửi ngày %s, chỉ trước ngày dự kiến đưa vào sử dụng %s %d ngày làm việc (%d ngày từ thứ Hai đến thứ Sáu%s); quy định yêu cầu tối thiểu %d ngày làm việc, tính từ ngày sau ngày nhận. Ngày sớm nhất được đưa vào sử dụng: %s.", [notice_ref(n), n.submitted, n.goLive, n.workingDays, n.weekdaysOnly, holidays_desc(n, "vi"), required, n.earliestGoLive]),
	})
}

# METADATA
# title: Deployment before the notified go-live date
# scope: rule
# custom:
#   id: DG-GATE-004
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Triển khai trước ngày dự kiến đưa vào sử dụng đã thông báo
#   remediation_en: >-
#     Deploy on or after the go-live date stated in the notice, or notify a new
#     go-live date (at least 10 working days after the notice) and have it approved.
#   remediation_vi: >-
#     Chỉ triển khai từ ngày dự kiến đưa vào sử dụng đã nêu trong thông báo, hoặc
#     thông báo ngày mới (sau ngày gửi thông báo tối thiểu 10 ngày làm việc) và được
#     chấp thuận.
deny contains finding if {
	some n in current_notices
	input.gate.deployDate < n.goLive
	finding := notice_finding("DG-GATE-004", n, "before-go-live", {
		"en": sprintf("Deployment on %s is before the go-live date %s stated in notice %s.", [input.gate.deployDate, n.goLive, notice_ref(n)]),
		"vi": sprintf("Triển khai ngày %s sớm hơn ngày dự kiến đưa vào sử dụng %s đã nêu trong thông báo %s.", [input.gate.deployDate, n.goLive, notice_ref(n)]),
	})
}

# METADATA
# title: No written approval of the notice
# scope: rule
# custom:
#   id: DG-GATE-005
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Chưa có văn bản chấp thuận của thông báo
#   remediation_en: >-
#     Wait for the written approval of the provincial Đề án 06 working group, then
#     record it under the notice (approved: reference and date) before deploying.
#   remediation_vi: >-
#     Chờ văn bản đồng ý của Tổ Công tác Đề án 06 của tỉnh, ghi số và ngày văn bản
#     (approved: reference, date) vào thông báo rồi mới triển khai.
deny contains finding if {
	some n in current_notices
	not approved(n)
	finding := notice_finding("DG-GATE-005", n, "no-approval", {
		"en": sprintf("Notice %s (fingerprint %s) has no written approval recorded: the system must not connect to the population DB before the provincial Đề án 06 working group approves in writing.", [notice_ref(n), short(n.fingerprint)]),
		"vi": sprintf("Thông báo %s (mã vân tay %s) chưa có văn bản chấp thuận: không được tự ý kết nối CSDLQG về dân cư khi chưa có sự đồng ý bằng văn bản của Tổ Công tác Đề án 06 của tỉnh.", [notice_ref(n), short(n.fingerprint)]),
	})
}

# METADATA
# title: Approval dated after the deployment
# scope: rule
# custom:
#   id: DG-GATE-006
#   severity: high
#   category: change-control
#   basis: [R5]
#   title_vi: Văn bản chấp thuận có ngày sau ngày triển khai
#   remediation_en: >-
#     Deploy only on or after the date of the written approval; check that the
#     approval's date in dancu-integration.yml is the date on the document.
#   remediation_vi: >-
#     Chỉ triển khai từ ngày ký văn bản chấp thuận trở đi; kiểm tra ngày của văn bản
#     chấp thuận ghi trong dancu-integration.yml đúng với ngày trên văn bản.
deny contains finding if {
	some n in current_notices
	approved(n)
	n.approved.date > input.gate.deployDate
	finding := notice_finding("DG-GATE-006", n, "approval-after-deploy", {
		"en": sprintf("The approval %s of notice %s is dated %s, after the deployment date %s: a deployment may not precede the written approval.", [lib.str(n.approved, "reference", "?"), notice_ref(n), n.approved.date, input.gate.deployDate]),
		"vi": sprintf("Văn bản chấp thuận %s của thông báo %s ký ngày %s, sau ngày triển khai %s: không được triển khai trước khi có văn bản chấp thuận.", [lib.str(n.approved, "reference", "?"), notice_ref(n), n.approved.date, input.gate.deployDate]),
	})
}

# METADATA
# title: Security level below 3
# scope: rule
# custom:
#   id: DG-GATE-007
#   severity: high
#   category: change-control
#   basis: [R8]
#   title_vi: Cấp độ an toàn hệ thống thông tin dưới cấp độ 3
#   remediation_en: >-
#     Classify and protect the system at security level 3 or above, have the level
#     approved, and update securityLevel in dancu-integration.yml.
#   remediation_vi: >-
#     Xác định và bảo đảm an toàn hệ thống thông tin theo cấp độ 3 trở lên, được phê
#     duyệt hồ sơ cấp độ, và cập nhật securityLevel trong dancu-integration.yml.
deny contains finding if {
	declared
	level := declaration.securityLevel.value
	level < 3
	finding := {
		"rule": "DG-GATE-007",
		"file": decl_file,
		"line": lib.num(declaration.securityLevel, "line", 1),
		"match": "security-level",
		"message": {
			"en": sprintf("Declared security level %d: systems connected to the population DB must be at security level 3 or above.", [level]),
			"vi": sprintf("Cấp độ an toàn khai báo là %d: hệ thống kết nối CSDLQG về dân cư phải đạt cấp độ 3 trở lên.", [level]),
		},
	}
}

# METADATA
# title: Security assessment older than 12 months
# scope: rule
# custom:
#   id: DG-GATE-008
#   severity: medium
#   category: change-control
#   basis: [R8]
#   title_vi: Kết quả kiểm tra, đánh giá an toàn thông tin quá 12 tháng
#   remediation_en: >-
#     Have the system's information security assessed again and record the new
#     assessment (date and document) under securityAssessment.
#   remediation_vi: >-
#     Tổ chức kiểm tra, đánh giá lại an toàn thông tin của hệ thống và ghi kết quả mới
#     (ngày và số văn bản) vào securityAssessment.
deny contains finding if {
	declared
	a := declaration.securityAssessment
	input.gate.deployDate > a.validUntil
	finding := {
		"rule": "DG-GATE-008",
		"file": decl_file,
		"line": lib.num(a, "line", 1),
		"match": "security-assessment",
		"message": {
			"en": sprintf("The security assessment %s dated %s is more than 12 months old on the deployment date %s (it covered deployments until %s).", [lib.str(a, "reference", "?"), a.date, input.gate.deployDate, a.validUntil]),
			"vi": sprintf("Kết quả đánh giá an toàn thông tin %s ngày %s đã quá 12 tháng tính đến ngày triển khai %s (chỉ còn giá trị đến %s).", [lib.str(a, "reference", "?"), a.date, input.gate.deployDate, a.validUntil]),
		},
	}
}

# An account applies to a limiter when it names no paths, or one of its path
# globs matches the limiter's file.
applies(account, _) if not has_paths(account)

applies(account, limiter) if {
	some pattern in account.paths
	glob.match(pattern, ["/"], limiter.file)
}

has_paths(account) if count(account.paths) > 0

# METADATA
# title: Rate limiter allows more than the registered daily quota
# scope: rule
# custom:
#   id: DG-GATE-009
#   severity: high
#   category: quota
#   basis: [R4, R7]
#   title_vi: Bộ giới hạn tần suất cho phép vượt ngưỡng truy vấn hàng ngày đã đăng ký
#   remediation_en: >-
#     Size the limiter so that a full day of calls stays below the account's
#     registered daily quota (e.g. a Bottleneck reservoir of the quota refreshed every
#     24 hours, Bandwidth.simple(quota, Duration.ofDays(1))), or correct dailyQuota in
#     dancu-integration.yml if the registered quota is higher.
#   remediation_vi: >-
#     Đặt bộ giới hạn sao cho tổng số lời gọi trong một ngày không vượt ngưỡng truy vấn
#     hàng ngày đã đăng ký của tài khoản (ví dụ reservoir của Bottleneck bằng ngưỡng, làm
#     mới mỗi 24 giờ; Bandwidth.simple(ngưỡng, Duration.ofDays(1))), hoặc sửa dailyQuota
#     trong dancu-integration.yml nếu ngưỡng đăng ký cao hơn.
deny contains finding if {
	declared
	some l in input.gate.limiters
	some a in input.gate.accounts
	applies(a, l)
	l.perDay > a.dailyQuota
	finding := lib.with_opt(
		{
			"rule": "DG-GATE-009",
			"file": l.file,
			"line": l.line,
			"match": sprintf("%s|%s", [lib.str(l, "library", "?"), lib.str(a, "name", "?")]),
			"message": {
				"en": sprintf("Rate limiter %s (%s) allows up to %d calls a day, above the registered daily quota of account %s (%d): a bulk run can exceed the quota and get the province's account locked.", [lib.str(l, "library", "?"), lib.str(l, "detail", "?"), l.perDay, lib.str(a, "name", "?"), a.dailyQuota]),
				"vi": sprintf("Bộ giới hạn tần suất %s (%s) cho phép tới %d lời gọi mỗi ngày, vượt ngưỡng truy vấn hàng ngày đã đăng ký của tài khoản %s (%d): chạy hàng loạt có thể vượt ngưỡng và làm khóa tài khoản của tỉnh.", [lib.str(l, "library", "?"), lib.str(l, "detail", "?"), l.perDay, lib.str(a, "name", "?"), a.dailyQuota]),
			},
		},
		l, "column",
	)
}

# Credentials in deployment manifests, as the credentials package qualifies them.
manifest_credentials contains c if {
	gate_present
	some c in credentials.candidates
	c.source in data.settings.manifestSources
}

# "C06_SECRET_KEY (line 9), password (line 12)": keys (or kinds) and lines, never values.
cred_list(creds, lang) := concat(", ", sort({sprintf("%s (%s %d)", [lib.str(c, "key", lib.str(c, "kind", "?")), {"en": "line", "vi": "dòng"}[lang], c.line]) | some c in creds}))

# METADATA
# title: Credentials in deployment manifests block the deployment
# scope: rule
# custom:
#   id: DG-GATE-010
#   severity: critical
#   category: credentials
#   basis: [R1, R7]
#   title_vi: Thông tin xác thực trong tệp triển khai, chặn triển khai
#   remediation_en: >-
#     Remove every credential from the manifests (Kubernetes Secrets and env values,
#     Helm values, compose files, CI workflows, Dockerfiles), rotate it, and have the
#     operator inject it at deploy time from a secret store the contractor cannot
#     read. This gate rule cannot be suppressed from the repository.
#   remediation_vi: >-
#     Xóa mọi thông tin xác thực khỏi các tệp triển khai (Secret và env của Kubernetes,
#     values của Helm, docker-compose, workflow CI, Dockerfile), đổi mật khẩu/khóa, và để
#     đơn vị vận hành cấp khi triển khai từ kho bí mật mà nhà thầu không đọc được. Quy
#     tắc chặn này không thể bỏ qua bằng chỉ thị trong kho mã.
deny contains finding if {
	some file in {c.file | some c in manifest_credentials}
	creds := {c | some c in manifest_credentials; c.file == file}
	first := min({c.line | some c in creds})
	finding := {
		"rule": "DG-GATE-010",
		"file": file,
		"line": first,
		"match": "manifest-credentials",
		"message": {
			"en": sprintf("Deployment blocked: %s holds %d credential(s) that anyone who can read the manifests, contractors included, can use: %s.", [file, count(creds), cred_list(creds, "en")]),
			"vi": sprintf("Chặn triển khai: %s chứa %d thông tin xác thực mà bất kỳ ai đọc được tệp triển khai, kể cả nhà thầu, đều dùng được: %s.", [file, count(creds), cred_list(creds, "vi")]),
		},
	}
}
