#!/usr/bin/env bash
# Install gitleaks at the version pinned below, for `npm run bench` (the benchmark runs
# `gitleaks dir` on the same trees in the same run and prints the ratio). Only the
# benchmark needs it; the scanner never runs gitleaks.
#
# Does nothing when `gitleaks` on PATH (or in the Go bin directory) has that version;
# otherwise runs `go install github.com/zricethezav/gitleaks/v8@v<version>`.
set -euo pipefail

version="8.30.1"

# Prints the version of the gitleaks binary given as $1 (empty when it does not run).
gitleaks_version() {
  "$1" version 2>/dev/null | sed -n 's/^v\{0,1\}\([0-9][0-9.]*\).*$/\1/p' | head -n 1
}

if command -v gitleaks >/dev/null 2>&1 && [[ "$(gitleaks_version gitleaks)" == "$version" ]]; then
  echo "install-gitleaks: gitleaks $version is already on PATH ($(command -v gitleaks))"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-gitleaks: Go is not installed, so gitleaks $version cannot be built; the benchmark runs without the comparison" >&2
  exit 1
fi

gobin="$(go env GOBIN)"
if [[ -z "$gobin" ]]; then
  gobin="$(go env GOPATH | cut -d: -f1)/bin"
fi

if [[ -x "$gobin/gitleaks" && "$(gitleaks_version "$gobin/gitleaks")" == "$version" ]]; then
  echo "install-gitleaks: gitleaks $version is already installed at $gobin/gitleaks"
  exit 0
fi
echo "install-gitleaks: go install github.com/zricethezav/gitleaks/v8@v$version"
# The version string gitleaks prints is set at link time, as its own release build does.
go install -ldflags "-X github.com/zricethezav/gitleaks/v8/version.Version=v$version" "github.com/zricethezav/gitleaks/v8@v$version"
if [[ "$(gitleaks_version "$gobin/gitleaks")" != "$version" ]]; then
  echo "install-gitleaks: go install finished but $gobin/gitleaks does not report version $version" >&2
  exit 1
fi
echo "install-gitleaks: installed gitleaks $version at $gobin/gitleaks"
