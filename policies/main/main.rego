# METADATA
# title: dancu-guard entrypoint
# description: >-
#   The union of every concern's `deny` set. Compiled to WebAssembly with the
#   entrypoint `dancu/main/findings`; `data.settings` is supplied at run time.
# schemas:
#   - input: schema.facts
package dancu.main

import data.dancu.config
import data.dancu.credentials
import data.dancu.logging
import data.dancu.lookup_tool
import data.dancu.quota
import data.dancu.state_secret
import data.dancu.transport

findings := (((((credentials.deny | lookup_tool.deny) | logging.deny) | quota.deny) | transport.deny) | config.deny) | state_secret.deny
