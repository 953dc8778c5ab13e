package dancu.main_test

import data.dancu.fixtures
import data.dancu.main

test_findings_union_of_all_packages if {
	s := fixtures.with_settings({"approvedModules": ["src/gateway/**"]})
	input_facts := fixtures.facts({
		"files": [fixtures.file_fact("tools/bulk.py", {"kind": "script", "reason": "shebang", "line": 1})],
		"callSites": [
			fixtures.call_site({
				"file": "src/app.ts",
				"target": {"url": "http://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan", "via": ["literal"]},
				"callsInFunction": ["axios.post"],
				"loop": {"kind": "for", "line": 18},
				"tlsVerifyDisabled": {"setting": "rejectUnauthorized: false", "line": 5},
			}),
			fixtures.call_site({"file": "tools/bulk.py"}),
		],
		"credentials": [fixtures.credential({})],
		"markings": [{"file": "docs/mau.md", "line": 1, "marking": "TUYỆT MẬT", "kind": "stamp", "context": "document"}],
		"officerFields": [{"file": "src/app.ts", "line": 3, "language": "typescript", "field": "MaCanBo", "source": "literal"}],
	})
	findings := main.findings with input as input_facts with data.settings as s
	fixtures.rules_of(findings) == {"DG-CRED-001", "DG-TOOL-001", "DG-TOOL-003", "DG-LOG-001", "DG-LOG-002", "DG-QUOTA-001", "DG-TLS-001", "DG-TLS-002", "DG-SECRET-001"}
	count(findings) == 9
}

test_no_findings_for_compliant_facts if {
	findings := main.findings with input as fixtures.facts({"callSites": [fixtures.call_site({})]})
		with data.settings as fixtures.settings
	count(findings) == 0
}

test_repo_only_chunk if {
	findings := main.findings with input as {"repo": {"name": "example-repo", "binEntries": []}}
		with data.settings as fixtures.settings
	count(findings) == 0
}
