# The integration surface (Wasm entrypoint dancu/gate/surface): which call sites
# reach the population DB (lib.db_calls, the same decision every policy uses), which
# endpoints in config and manifests point at it, and which credential facts are
# credentials at all (credentials.qualifies). `dancu-guard fingerprint` hashes the
# files behind the first two; `dancu-guard inventory` lists all three. Evaluated per
# chunk of facts, like the findings.
package dancu.gate

import data.dancu.credentials
import data.dancu.lib

surface := {
	"callSites": [cs | some cs in lib.db_calls],
	"endpoints": [e | some e in input.endpoints; lib.is_db_url(e.url)],
	"credentials": [c | some c in input.credentials; credentials.qualifies(c)],
}
