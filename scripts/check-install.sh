#!/usr/bin/env bash
# Install dancu-guard as users do, with real tools, and run it (.ci/run; docs/releasing.md):
#   1. the npm tarball: `npm pack`, then `npm install -g` into a throwaway prefix (no
#      devDependencies, no build step), then `dancu-guard scan examples/ts-violating`;
#   2. the pre-commit hook: `pre-commit` from PyPI (pinned) in a throwaway venv, then
#      `pre-commit try-repo <this repo> dancu-guard` on a throwaway repository, with
#      --all-files and on staged files only.
# try-repo installs the hook from the repository's HEAD: commit first.
# Exit 0 when every step behaves; the first failure exits 1 and says which.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
PRE_COMMIT_VERSION=4.7.0
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dancu-guard-install-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "check-install: $*" >&2; exit 1; }
expect_exit() { # expected-code description command...
  local want=$1 what=$2; shift 2
  set +e; "$@" >"$WORK/out" 2>&1; local got=$?; set -e
  if [ "$got" != "$want" ]; then cat "$WORK/out" >&2; fail "$what: exit $got, expected $want"; fi
}

echo "== npm tarball: pack, install -g into a throwaway prefix, run =="
npm pack --silent --pack-destination "$WORK" >/dev/null
tarball="$(ls "$WORK"/dancu-guard-*.tgz)"
tar -tzf "$tarball" >"$WORK/contents"
grep -qx 'package/dist/cli.js' "$WORK/contents" || fail "the tarball has no dist/cli.js"
grep -qx 'package/LICENSE' "$WORK/contents" || fail "the tarball has no LICENSE"
if grep -q '^package/src/' "$WORK/contents"; then fail "the tarball ships src/"; fi
npm install -g --silent --no-audit --no-fund --prefix "$WORK/prefix" "$tarball" >/dev/null
bin="$WORK/prefix/bin/dancu-guard"
expect_exit 1 "installed dancu-guard scan examples/ts-violating" "$bin" scan examples/ts-violating --no-color
grep -q 'DG-CRED-001' "$WORK/out" || fail "the installed CLI did not report DG-CRED-001"
grep -q '^Verdict: FAIL' "$WORK/out" || fail "no verdict line"
expect_exit 0 "installed dancu-guard scan examples/ts-compliant" "$bin" scan examples/ts-compliant
expect_exit 0 "installed dancu-guard explain" "$bin" explain DG-LOG-001 --lang vi
grep -q 'Nhật ký\|nhật ký' "$WORK/out" || fail "explain --lang vi is not in Vietnamese"
"$bin" --version
echo "tarball: ok ($(basename "$tarball"))"

echo "== pre-commit (PyPI, pre-commit==$PRE_COMMIT_VERSION): try-repo on a throwaway repository =="
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
pc="$WORK/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$WORK/pre-commit-home"
target="$WORK/project"
mkdir -p "$target/src"
cp -r examples/ts-violating/. "$target/"
(
  cd "$target"
  git init -q
  git -c user.email=ci@example.invalid -c user.name=ci add -A
  git -c user.email=ci@example.invalid -c user.name=ci commit -qm "synthetic project"
)
cd "$target"
expect_exit 1 "pre-commit try-repo --all-files (a violating project)" "$pc" try-repo "$REPO" dancu-guard --all-files
grep -q 'DG-CRED-001' "$WORK/out" || { cat "$WORK/out" >&2; fail "try-repo --all-files did not report DG-CRED-001"; }
# Nothing staged: the hook is skipped (no files to check).
expect_exit 0 "pre-commit try-repo with nothing staged" "$pc" try-repo "$REPO" dancu-guard
# A staged credential fails the commit; the same file without it passes.
printf 'export const C06_apiKey = "kQz81mPvT3xYw7dF";\n' > src/added.ts
git add src/added.ts
expect_exit 1 "pre-commit try-repo on a staged credential" "$pc" try-repo "$REPO" dancu-guard
grep -q 'src/added.ts:1' "$WORK/out" || { cat "$WORK/out" >&2; fail "the staged finding is not reported on src/added.ts"; }
printf 'export const C06_apiKey = process.env.C06_API_KEY;\n' > src/added.ts
git add src/added.ts
expect_exit 0 "pre-commit try-repo on a clean staged file" "$pc" try-repo "$REPO" dancu-guard
cd "$REPO"
echo "pre-commit: ok"
