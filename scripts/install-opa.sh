#!/usr/bin/env bash
# Install the OPA CLI at the version pinned in policies/OPA_VERSION.
#
# Does nothing when `opa` on PATH (or already in the Go bin directory) has that
# version; otherwise runs `go install github.com/open-policy-agent/opa@v<version>`.
# Only maintainers who change the policies need OPA: users of dancu-guard run the
# committed WebAssembly bundle with Node alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version_file="$root/policies/OPA_VERSION"
if [[ ! -r "$version_file" ]]; then
  echo "install-opa: cannot read $version_file" >&2
  exit 1
fi
version="$(tr -d '[:space:]' <"$version_file")"
if [[ -z "$version" ]]; then
  echo "install-opa: $version_file is empty" >&2
  exit 1
fi

# Prints the version of the opa binary given as $1 (empty when it does not run).
opa_version() {
  "$1" version 2>/dev/null | sed -n 's/^Version: *//p' | head -n 1
}

# shellcheck source=scripts/go-tool.sh
source "$root/scripts/go-tool.sh"
install_go_tool opa "$version" "github.com/open-policy-agent/opa@v$version" opa_version \
  "install Go and run this script again, or put the OPA $version binary for your platform on PATH yourself"
