package dancu.state_secret_test

import data.dancu.fixtures
import data.dancu.state_secret

eval(markings) := findings if {
	findings := state_secret.deny with input as fixtures.facts({"markings": markings})
		with data.settings as fixtures.settings
}

stamp := {"file": "templates/cong_van.html", "line": 3, "column": 9, "marking": "TỐI MẬT", "kind": "stamp", "context": "template"}

test_secret_001_stamp if {
	eval([stamp]) == {{
		"rule": "DG-SECRET-001",
		"file": "templates/cong_van.html",
		"line": 3,
		"column": 9,
		"severity": "high",
		"match": "stamp|TỐI MẬT",
		"message": {
			"en": "secrecy stamp \"TỐI MẬT\" in a template of a system connected to the population DB: such systems must never draft, store or transmit state-secret content.",
			"vi": "dấu chỉ độ mật \"TỐI MẬT\" trong biểu mẫu/giao diện của hệ thống kết nối CSDLQG về dân cư: không được dùng hệ thống này để soạn thảo, lưu trữ, truyền gửi nội dung bí mật nhà nước.",
		},
	}}
}

test_secret_001_level_list_is_weaker if {
	m := {"file": "src/van_ban.py", "line": 30, "marking": "Độ mật", "kind": "phrase", "context": "code", "levelList": true}
	[f] := [f | some f in eval([m])]
	f.severity == "medium"
	not f.column
	endswith(f.message.en, "It is a list of secrecy levels (a document-management UI): confirm the system never holds such documents.")
}

test_secret_001_field_and_unknown_context if {
	m := {"file": "docs/x.bin", "line": 1, "marking": "DoMat", "kind": "field", "context": "elsewhere"}
	[f] := [f | some f in eval([m])]
	f.message.en == "secrecy-level field with a value \"DoMat\" in elsewhere of a system connected to the population DB: such systems must never draft, store or transmit state-secret content."
}

test_secret_001_nothing_without_markings if {
	count(eval([])) == 0
	count(state_secret.deny) == 0 with input as {"repo": {"name": "r", "binEntries": []}} with data.settings as fixtures.settings
}
