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

if command -v opa >/dev/null 2>&1; then
  have="$(opa_version opa)"
  if [[ "$have" == "$version" ]]; then
    echo "install-opa: opa $version is already on PATH ($(command -v opa))"
    exit 0
  fi
  echo "install-opa: opa on PATH ($(command -v opa)) is version '${have:-unknown}', need $version"
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<EOF
install-opa: Go is not installed, so OPA $version cannot be built from source.
Install Go and run this script again, or install the OPA
$version binary for your platform yourself and put it on PATH.
EOF
  exit 1
fi

gobin="$(go env GOBIN)"
if [[ -z "$gobin" ]]; then
  gobin="$(go env GOPATH | cut -d: -f1)/bin"
fi

if [[ -x "$gobin/opa" && "$(opa_version "$gobin/opa")" == "$version" ]]; then
  echo "install-opa: opa $version is already installed at $gobin/opa"
else
  echo "install-opa: go install github.com/open-policy-agent/opa@v$version (this takes a few minutes)"
  go install "github.com/open-policy-agent/opa@v$version"
  if [[ "$(opa_version "$gobin/opa")" != "$version" ]]; then
    echo "install-opa: go install finished but $gobin/opa does not report version $version" >&2
    exit 1
  fi
  echo "install-opa: installed opa $version at $gobin/opa"
fi

case ":$PATH:" in
  *":$gobin:"*) ;;
  *) echo "install-opa: $gobin is not on PATH; add it, e.g.: export PATH=\"\$PATH:$gobin\"" ;;
esac
