#!/usr/bin/env bash
# Install nektos/act, pinned, for the test that runs the Action in a real workflow
# runner (test/action-act.test.ts). Like install-opa.sh: builds from source with
# `go install` (the Go module proxy), so no prebuilt binary is downloaded.
#
# Does nothing when `act` on PATH, or in the Go bin directory, already has the pinned
# version. The test skips itself, saying why, when act is missing or cannot run.
set -euo pipefail

version="0.2.89"

act_version() {
  "$1" --version 2>/dev/null | sed -n 's/^act version *//p' | head -n 1
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/go-tool.sh
source "$root/scripts/go-tool.sh"
install_go_tool act "$version" "github.com/nektos/act@v$version" act_version "the act test will be skipped"
