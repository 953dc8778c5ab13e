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

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/go-tool.sh
source "$root/scripts/go-tool.sh"
# The version string gitleaks prints is set at link time, as its own release build does.
install_go_tool gitleaks "$version" "github.com/zricethezav/gitleaks/v8@v$version" gitleaks_version \
  "the benchmark runs without the comparison" -ldflags "-X github.com/zricethezav/gitleaks/v8/version.Version=v$version"
