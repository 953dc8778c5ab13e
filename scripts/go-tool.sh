# Shared by install-opa.sh, install-act.sh and install-gitleaks.sh (sourced, not run):
# install a Go tool at a pinned version with `go install` (the Go module proxy; no
# prebuilt binary is downloaded), unless the binary on PATH or in the Go bin directory
# already reports that version.
#
#   install_go_tool NAME VERSION PACKAGE@VERSION VERSION_FN MISSING_GO_HINT [go install flags...]
#
# VERSION_FN is the name of a function printing the version of the binary given as $1
# (empty when it does not run). Sets `gobin` to the Go bin directory.

go_bin_dir() {
  local dir
  dir="$(go env GOBIN)"
  if [[ -z "$dir" ]]; then
    dir="$(go env GOPATH | cut -d: -f1)/bin"
  fi
  echo "$dir"
}

install_go_tool() {
  local name="$1" version="$2" package="$3" version_fn="$4" missing_go="$5"
  shift 5
  if command -v "$name" >/dev/null 2>&1; then
    local have
    have="$("$version_fn" "$name")"
    if [[ "$have" == "$version" ]]; then
      echo "install-$name: $name $version is already on PATH ($(command -v "$name"))"
      return 0
    fi
    echo "install-$name: $name on PATH ($(command -v "$name")) is version '${have:-unknown}', need $version"
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "install-$name: Go is not installed, so $name $version cannot be built; $missing_go" >&2
    return 1
  fi
  gobin="$(go_bin_dir)"
  if [[ -x "$gobin/$name" && "$("$version_fn" "$gobin/$name")" == "$version" ]]; then
    echo "install-$name: $name $version is already installed at $gobin/$name"
  else
    echo "install-$name: go install $package (this can take a few minutes)"
    go install "$@" "$package"
    if [[ "$("$version_fn" "$gobin/$name")" != "$version" ]]; then
      echo "install-$name: go install finished but $gobin/$name does not report version $version" >&2
      return 1
    fi
    echo "install-$name: installed $name $version at $gobin/$name"
  fi
  case ":$PATH:" in
    *":$gobin:"*) ;;
    *) echo "install-$name: $gobin is not on PATH; add it, e.g.: export PATH=\"\$PATH:$gobin\"" ;;
  esac
}
