package dancu.gate_surface_test

import data.dancu.fixtures
import data.dancu.gate

surface(facts) := s if {
	s := gate.surface with input as facts with data.settings as fixtures.settings
}

test_surface_db_calls_endpoints_and_credentials if {
	db := fixtures.call_site({"target": {"url": fixtures.db_url, "via": ["import", "constant", "env-default"], "keys": ["DANCU_URL"], "definedAt": {"file": "src/dancu/config.ts", "line": 3}}})
	soap := fixtures.call_site({"file": "src/soap.ts", "target": {"namespace": "http://dancuquocgia.bca", "via": []}})
	weather := fixtures.call_site({"file": "src/weather.ts", "target": {"url": "https://api.example.com/weather", "via": ["literal"]}})
	s := surface(fixtures.facts({
		"callSites": [db, soap, weather],
		"endpoints": [
			{"file": "k8s/deployment.yaml", "line": 21, "key": "DANCU_URL", "url": fixtures.db_url, "source": "k8s-env"},
			{"file": "k8s/deployment.yaml", "line": 25, "key": "WEATHER_URL", "url": "https://api.example.com/", "source": "k8s-env"},
		],
		"credentials": [
			fixtures.credential({}),
			fixtures.credential({"kind": "high-entropy", "key": "APP_TITLE"}), # not a sensitive key: not a credential
			fixtures.credential({"kind": "jwt", "key": "x"}),
		],
	}))
	{cs.file | some cs in s.callSites} == {"src/gateway/dancu.ts", "src/soap.ts"}
	[e.key | some e in s.endpoints] == ["DANCU_URL"]
	{c.key | some c in s.credentials} == {"C06_secretKey", "x"}
}

test_surface_of_empty_or_repo_only_input if {
	surface(fixtures.facts({})) == {"callSites": [], "endpoints": [], "credentials": []}
	surface({"repo": {"name": "r", "binEntries": []}}) == {"callSites": [], "endpoints": [], "credentials": []}
}
