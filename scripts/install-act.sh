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

if command -v act >/dev/null 2>&1 && [[ "$(act_version act)" == "$version" ]]; then
  echo "install-act: act $version is already on PATH ($(command -v act))"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-act: Go is not installed, so act $version cannot be built (the act test will be skipped)" >&2
  exit 1
fi

gobin="$(go env GOBIN)"
if [[ -z "$gobin" ]]; then
  gobin="$(go env GOPATH | cut -d: -f1)/bin"
fi

if [[ -x "$gobin/act" && "$(act_version "$gobin/act")" == "$version" ]]; then
  echo "install-act: act $version is already installed at $gobin/act"
else
  echo "install-act: go install github.com/nektos/act@v$version (this takes a minute or two)"
  go install "github.com/nektos/act@v$version"
  if [[ "$(act_version "$gobin/act")" != "$version" ]]; then
    echo "install-act: go install finished but $gobin/act does not report version $version" >&2
    exit 1
  fi
  echo "install-act: installed act $version at $gobin/act"
fi

case ":$PATH:" in
  *":$gobin:"*) ;;
  *) echo "install-act: $gobin is not on PATH; add it, e.g.: export PATH=\"\$PATH:$gobin\"" ;;
esac
