# METADATA
# title: Credentials readable by contractors
# description: >-
#   The API account and password of the National Population Database must never be
#   given to contractors (R1). Any credential that sits in source code, application
#   config, deployment manifests or CI files of a repository a contractor can read is
#   reported. One credential fact yields exactly one finding: a JWT or private key is
#   DG-CRED-004, a credential embedded in a URL, base64 user:pass or connection string
#   is DG-CRED-005, everything else is DG-CRED-001/002/003 by where it sits.
# schemas:
#   - input: schema.facts
package dancu.credentials

import data.dancu.lib

# Kinds recognisable by their own format, reported wherever they are.
known_format_kinds := {"jwt", "private-key", "token"}

# Kinds where the credential is embedded in a larger value.
embedded_kinds := {"basic-auth-url", "base64-userpass", "connection-string"}

# Kinds that are only a credential when bound to a sensitive name.
keyed_kinds := {"named-literal", "high-entropy"}

# Kinds whose only evidence is the name or the API a literal is bound to.
named_kinds := {"named-literal", "high-entropy", "auth-header", "auth-object"}

# Credential facts worth judging: not a placeholder, bound to a credential name when
# the kind needs one, and enough evidence for the role of the file they sit in.
candidates contains c if {
	some c in input.credentials
	not c.placeholder
	qualifies(c)
	fits_role(c, role_of(c.file))
}

qualifies(c) if not c.kind in keyed_kinds

# A named literal was bound to a credential name by the collector (the settings'
# sensitiveKeyPatterns, a credential word with a typo, a bare `key` under signing or
# secret settings).
qualifies(c) if {
	c.kind == "named-literal"
	c.source != "k8s-secret"
}

# A high-entropy value was bound to a name that merely hints at key material, and every
# value of a Kubernetes Secret is a candidate whatever its key (a user name, a host):
# there the name must match settings.sensitiveKeyPatterns.
qualifies(c) if {
	c.kind in keyed_kinds
	lib.matches_setting(c.key, "sensitiveKeyPatterns")
}

# The role of a file (discover/roles.ts), "none" for the project's own code and config.
role_of(path) := role if {
	some f in input.files
	f.path == path
	role := f.role
} else := "none"

# How much evidence each role asks for (docs/credentials.md, "File roles"):
# - the project's own files: every candidate;
# - vendored (third-party) code: only vendor-format tokens (a live key is never
#   legitimately shipped in a library; its test keys and sample passwords are not ours);
# - bundles (built, minified): known formats and embedded credentials, never a name
#   next to a literal;
# - translations and docs: no credential found by its name alone (texts and examples);
# - tests and fixtures: a vendor-format token, or a random-looking value (key material)
#   — not a test's password, generated key or sample JWT.
fits_role(_, "none")

fits_role(c, "vendored") if c.kind == "token"

fits_role(c, "bundle") if c.kind in known_format_kinds

fits_role(c, "bundle") if c.kind in embedded_kinds

fits_role(c, role) if {
	role in {"translation", "docs"}
	not c.kind in named_kinds
	not trivial(c)
}

fits_role(c, "test") if c.kind == "token"

fits_role(c, "test") if {
	not c.kind in known_format_kinds
	c.shape == "random"
}

# A well-known default or trivial value (postgres, root, 123456, `Password=1`): a
# credential anyone can guess, reported apart at low severity (DG-CRED-006).
trivial(c) if {
	c.shape == "default"
	not c.kind in known_format_kinds
}

# The one rule a candidate belongs to. The else-chain makes the rules mutually
# exclusive: a trivial value is DG-CRED-006 whatever its kind, then kind-based rules
# (004, 005) win over place-based ones (001–003).
rule_for(c) := "DG-CRED-006" if {
	trivial(c)
} else := "DG-CRED-004" if {
	c.kind in known_format_kinds
} else := "DG-CRED-005" if {
	c.kind in embedded_kinds
} else := "DG-CRED-001" if {
	c.source == "source"
} else := "DG-CRED-002" if {
	c.source in data.settings.configSources
} else := "DG-CRED-003" if {
	c.source in data.settings.manifestSources
} else := "DG-CRED-001" if {
	# A plain-text match (keyword context) is judged by the kind of file it is in.
	c.source == "text"
	file_kind(c.file) == "source"
} else := "DG-CRED-003" if {
	c.source == "text"
	file_kind(c.file) == "manifest"
} else := "DG-CRED-002" if {
	c.source == "text"
}

# The discovered kind of a file (source, manifest, config…), from the chunk's files.
file_kind(path) := f.kind if {
	some f in input.files
	f.path == path
}

source_labels := {
	"source": {"en": "source code", "vi": "mã nguồn"},
	"k8s-env": {"en": "a Kubernetes container env value", "vi": "giá trị env của container Kubernetes"},
	"k8s-secret": {"en": "a Kubernetes Secret manifest (base64 is not encryption)", "vi": "manifest Secret của Kubernetes (base64 không phải là mã hóa)"},
	"k8s-configmap": {"en": "a Kubernetes ConfigMap", "vi": "ConfigMap của Kubernetes"},
	"helm-values": {"en": "Helm values", "vi": "tệp values của Helm"},
	"compose-env": {"en": "a docker-compose environment", "vi": "biến môi trường trong docker-compose"},
	"workflow-env": {"en": "a CI workflow env", "vi": "biến env của workflow CI"},
	"dockerfile": {"en": "a Dockerfile ENV/ARG", "vi": "ENV/ARG trong Dockerfile"},
	"spring": {"en": "Spring application config", "vi": "cấu hình ứng dụng Spring"},
	"dotenv": {"en": "a .env file", "vi": "tệp .env"},
	"properties": {"en": "a .properties file", "vi": "tệp .properties"},
	"appsettings": {"en": "appsettings JSON", "vi": "tệp appsettings JSON"},
	"config": {"en": "a configuration file", "vi": "tệp cấu hình"},
	"text": {"en": "text", "vi": "văn bản"},
}

kind_labels := {
	"named-literal": {"en": "literal value", "vi": "giá trị cố định"},
	"auth-header": {"en": "Authorization header built from a literal", "vi": "header Authorization dựng từ giá trị cố định"},
	"auth-object": {"en": "username/password built from literals", "vi": "tên đăng nhập/mật khẩu dựng từ giá trị cố định"},
	"basic-auth-url": {"en": "URL (user:password@host)", "vi": "URL (tên đăng nhập:mật khẩu@máy chủ)"},
	"base64-userpass": {"en": "base64 value that decodes to user:password", "vi": "chuỗi base64 giải mã ra tên đăng nhập:mật khẩu"},
	"jwt": {"en": "JSON Web Token (JWT)", "vi": "JSON Web Token (JWT)"},
	"private-key": {"en": "Private key", "vi": "Khóa bí mật (private key)"},
	"connection-string": {"en": "connection string with a password", "vi": "chuỗi kết nối có mật khẩu"},
	"high-entropy": {"en": "high-entropy value", "vi": "giá trị có entropy cao"},
	"token": {"en": "API key / access token", "vi": "khóa API / mã truy cập"},
}

label(labels, name, lang) := text if {
	text := labels[name][lang]
	is_string(text)
} else := name

value_word := {"en": "value", "vi": "giá trị"}

# `"C06_secretKey" (value s3…9x)` or `value s3…9x` when no key is known.
plain_subject(c, lang) := sprintf("\"%s\" (%s %s)", [c.key, value_word[lang], lib.str(c, "redacted", "…")]) if {
	is_string(c.key)
} else := sprintf("%s %s", [value_word[lang], lib.str(c, "redacted", "…")])

# As plain_subject, naming the kind unless it is a plain named literal, e.g.
# `"Authorization" (Authorization header built from a literal, value Ba…==)`.
subject(c, lang) := plain_subject(c, lang) if {
	c.kind == "named-literal"
} else := sprintf("\"%s\" (%s, %s %s)", [c.key, label(kind_labels, c.kind, lang), value_word[lang], lib.str(c, "redacted", "…")]) if {
	is_string(c.key)
} else := sprintf("%s (%s %s)", [label(kind_labels, c.kind, lang), value_word[lang], lib.str(c, "redacted", "…")])

# The fingerprint anchor: the key, the kind and the redacted value every report shows
# already. Never the value nor its hash: fingerprints are published (SARIF, baselines),
# and a hash of the secret would let anyone test guesses against them.
match_of(c) := sprintf("%s|%s|%s", [lib.str(c, "key", ""), lib.str(c, "kind", ""), lib.str(c, "redacted", "")])

# The redacted value, when the fact carries one.
with_value(finding, c) := object.union(finding, {"value": c.redacted}) if {
	is_string(c.redacted)
} else := finding

credential_finding(rule, c, message) := with_value(
	lib.with_opt(
		lib.with_opt(
			{"rule": rule, "file": c.file, "line": c.line, "message": message, "match": match_of(c)},
			c, "column",
		),
		c, "key",
	),
	c,
)

# METADATA
# title: Hardcoded credential in source code
# scope: rule
# custom:
#   id: DG-CRED-001
#   severity: critical
#   category: credentials
#   basis: [R1]
#   title_vi: Thông tin xác thực ghi cứng trong mã nguồn
#   remediation_en: >-
#     Remove the value from the code and from the repository history (rotate it: it
#     has been exposed). Read the credential at run time from a secret store or an
#     environment variable injected by the operator, in a place the contractor
#     cannot read.
#   remediation_vi: >-
#     Xóa giá trị khỏi mã nguồn và khỏi lịch sử kho mã (đổi mật khẩu/khóa vì đã bị lộ).
#     Đọc thông tin xác thực lúc chạy từ kho bí mật hoặc biến môi trường do đơn vị vận
#     hành cấp, ở nơi nhà thầu không đọc được.
deny contains finding if {
	some c in candidates
	rule_for(c) == "DG-CRED-001"
	finding := credential_finding("DG-CRED-001", c, {
		"en": sprintf("Hardcoded credential in source code: %s. Anyone who can read this repository, contractors included, can read it.", [subject(c, "en")]),
		"vi": sprintf("Thông tin xác thực ghi cứng trong mã nguồn: %s. Bất kỳ ai đọc được kho mã này, kể cả nhà thầu, đều đọc được giá trị này.", [subject(c, "vi")]),
	})
}

# METADATA
# title: Credential in application config
# scope: rule
# custom:
#   id: DG-CRED-002
#   severity: critical
#   category: credentials
#   basis: [R1]
#   title_vi: Thông tin xác thực trong tệp cấu hình ứng dụng
#   remediation_en: >-
#     Replace the value with a reference (an environment variable or a secret-store
#     key) and have the operator supply it at deploy time; rotate the exposed value
#     and remove it from the repository history.
#   remediation_vi: >-
#     Thay giá trị bằng tham chiếu (biến môi trường hoặc khóa trong kho bí mật) do đơn
#     vị vận hành cung cấp khi triển khai; đổi giá trị đã bị lộ và xóa khỏi lịch sử kho
#     mã.
deny contains finding if {
	some c in candidates
	rule_for(c) == "DG-CRED-002"
	finding := credential_finding("DG-CRED-002", c, {
		"en": sprintf("Credential in application config (%s): %s. Config committed to the repository is readable by contractors.", [label(source_labels, c.source, "en"), subject(c, "en")]),
		"vi": sprintf("Thông tin xác thực trong cấu hình ứng dụng (%s): %s. Cấu hình đưa vào kho mã thì nhà thầu đọc được.", [label(source_labels, c.source, "vi"), subject(c, "vi")]),
	})
}

# METADATA
# title: Credential in a deployment manifest
# scope: rule
# custom:
#   id: DG-CRED-003
#   severity: critical
#   category: credentials
#   basis: [R1]
#   title_vi: Thông tin xác thực trong tệp triển khai (manifest)
#   remediation_en: >-
#     Do not commit Secrets, env values or Helm/compose/workflow values holding
#     credentials. Create the Secret out of band (or use a sealed/external secret or
#     the CI secret store) so only the operator holds the value; rotate the exposed
#     value.
#   remediation_vi: >-
#     Không đưa Secret, giá trị env hoặc values của Helm/compose/workflow chứa thông
#     tin xác thực vào kho mã. Tạo Secret ngoài kho mã (hoặc dùng sealed/external
#     secret, kho bí mật của CI) để chỉ đơn vị vận hành nắm giá trị; đổi giá trị đã bị
#     lộ.
deny contains finding if {
	some c in candidates
	rule_for(c) == "DG-CRED-003"
	finding := credential_finding("DG-CRED-003", c, {
		"en": sprintf("Credential in deployment manifest (%s): %s. Anyone who can read the manifests, contractors included, holds it.", [label(source_labels, c.source, "en"), subject(c, "en")]),
		"vi": sprintf("Thông tin xác thực trong tệp triển khai (%s): %s. Bất kỳ ai đọc được các tệp triển khai, kể cả nhà thầu, đều nắm được giá trị này.", [label(source_labels, c.source, "vi"), subject(c, "vi")]),
	})
}

# METADATA
# title: Known-format secret (JWT or private key) committed
# scope: rule
# custom:
#   id: DG-CRED-004
#   severity: critical
#   category: credentials
#   basis: [R1]
#   title_vi: Bí mật có định dạng nhận biết được (JWT, khóa bí mật) bị đưa vào kho mã
#   remediation_en: >-
#     Remove the token or key from the repository and its history, revoke it (issue
#     a new key pair / token), and load it at run time from a secret store the
#     contractor cannot read.
#   remediation_vi: >-
#     Xóa token hoặc khóa khỏi kho mã và lịch sử, thu hồi (cấp cặp khóa/token mới), và
#     nạp lúc chạy từ kho bí mật mà nhà thầu không đọc được.
deny contains finding if {
	some c in candidates
	rule_for(c) == "DG-CRED-004"
	finding := credential_finding("DG-CRED-004", c, {
		"en": sprintf("%s committed in %s: %s.", [label(kind_labels, c.kind, "en"), label(source_labels, c.source, "en"), plain_subject(c, "en")]),
		"vi": sprintf("%s bị đưa vào %s: %s.", [label(kind_labels, c.kind, "vi"), label(source_labels, c.source, "vi"), plain_subject(c, "vi")]),
	})
}

# METADATA
# title: Credential embedded in a URL, base64 user:pass or connection string
# scope: rule
# custom:
#   id: DG-CRED-005
#   severity: critical
#   category: credentials
#   basis: [R1]
#   title_vi: Thông tin xác thực nhúng trong URL, chuỗi base64 user:pass hoặc chuỗi kết nối
#   remediation_en: >-
#     Build the URL, Basic auth header or connection string at run time from parts
#     supplied by the operator (environment or secret store); never commit
#     user:password; rotate the exposed password.
#   remediation_vi: >-
#     Dựng URL, header Basic hoặc chuỗi kết nối lúc chạy từ các thành phần do đơn vị
#     vận hành cung cấp (biến môi trường hoặc kho bí mật); không đưa tên đăng
#     nhập:mật khẩu vào kho mã; đổi mật khẩu đã bị lộ.
deny contains finding if {
	some c in candidates
	rule_for(c) == "DG-CRED-005"
	finding := credential_finding("DG-CRED-005", c, {
		"en": sprintf("Credential embedded in a %s in %s: %s.", [label(kind_labels, c.kind, "en"), label(source_labels, c.source, "en"), plain_subject(c, "en")]),
		"vi": sprintf("Thông tin xác thực nhúng trong %s tại %s: %s.", [label(kind_labels, c.kind, "vi"), label(source_labels, c.source, "vi"), plain_subject(c, "vi")]),
	})
}

# METADATA
# title: Default or trivial credential committed
# scope: rule
# custom:
#   id: DG-CRED-006
#   severity: low
#   category: credentials
#   basis: [R1]
#   title_vi: Mật khẩu mặc định hoặc quá đơn giản được đưa vào kho mã
#   remediation_en: >-
#     A well-known default (postgres, root, admin, guest, 123456) or a one-to-three-character
#     password protects nothing: anyone can guess it, committed or not. Keep it only for a
#     throw-away local database; everywhere else set a strong value supplied by the operator
#     at deploy time, outside the repository.
#   remediation_vi: >-
#     Mật khẩu mặc định phổ biến (postgres, root, admin, guest, 123456) hoặc mật khẩu một đến
#     ba ký tự không bảo vệ được gì: ai cũng đoán được. Chỉ dùng cho cơ sở dữ liệu thử nghiệm
#     cục bộ; ở mọi nơi khác, dùng giá trị mạnh do đơn vị vận hành cung cấp khi triển khai,
#     nằm ngoài kho mã.
deny contains finding if {
	some c in candidates
	rule_for(c) == "DG-CRED-006"
	finding := credential_finding("DG-CRED-006", c, {
		"en": sprintf("Default or trivial credential in %s: %s. Anyone can guess it; it must not protect anything real.", [label(source_labels, c.source, "en"), subject(c, "en")]),
		"vi": sprintf("Thông tin xác thực mặc định hoặc quá đơn giản trong %s: %s. Ai cũng đoán được; không được dùng để bảo vệ hệ thống thật.", [label(source_labels, c.source, "vi"), subject(c, "vi")]),
	})
}
