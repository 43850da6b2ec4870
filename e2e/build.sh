#!/usr/bin/env bash
# Builds the test control plane's programs from the Go modules pinned in e2e/go.mod (etcd,
# kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok, Kueue) into a bin folder
# keyed by this script, go.mod, go.sum and the Go version, and prints that folder. A warm start finds the folder
# and builds nothing; a cold one fills Go's module and build caches (~/go/pkg/mod, ~/.cache/go-build)
# as any Go build does.
#
#   e2e/build.sh          build what is missing, print the bin folder
#   AIF_E2E_CACHE=dir     where the keyed bin folders live (default ~/.cache/aif-e2e)
set -euo pipefail
cd "$(dirname "$0")"
# Go as the machine installs it, where a shell's PATH does not name it.
command -v go >/dev/null || export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null || { echo "e2e: Go 1.26 or later is needed to build the control plane (https://go.dev/doc/install)" >&2; exit 1; }
key=$( (cat build.sh go.mod go.sum cmd/etcd/main.go; go env GOVERSION GOOS GOARCH) | sha256sum | cut -c1-16)
bin="${AIF_E2E_CACHE:-$HOME/.cache/aif-e2e}/bin/$key"
programs=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok kueue)
missing=0
for p in "${programs[@]}"; do [ -x "$bin/$p" ] || missing=1; done
if [ "$missing" = 1 ]; then
  start=$SECONDS
  tmp="$bin.tmp.$$"
  mkdir -p "$tmp"
  trap 'rm -rf "$tmp"' EXIT
  echo "e2e: building the control plane into $bin (a cold build takes a while)" >&2
  # The versions the programs report, as their release builds stamp them: Kueue refuses to run
  # against an API server whose /version it cannot parse (a plain go build says v0.0.0-master).
  k8s=$(go list -m -f '{{.Version}}' k8s.io/kubernetes)
  kueue=$(go list -m -f '{{.Version}}' sigs.k8s.io/kueue)
  minor=$(echo "$k8s" | cut -d. -f2)
  ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=$k8s -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
  done
  ldflags+=" -X sigs.k8s.io/kueue/pkg/version.GitVersion=$kueue"
  # -trimpath and no debug info: smaller binaries, faster links; nothing here is debugged.
  flags=(-trimpath "-ldflags=$ldflags")
  go build "${flags[@]}" -o "$tmp/etcd" ./cmd/etcd
  go build "${flags[@]}" -o "$tmp/" tool
  for p in "${programs[@]}"; do [ -x "$tmp/$p" ] || { echo "e2e: $p was not built" >&2; exit 1; }; done
  rm -rf "$bin" && mv "$tmp" "$bin"
  # Older keys' programs are never used again: keep only this one.
  find "$(dirname "$bin")" -mindepth 1 -maxdepth 1 -type d ! -name "$key" ! -name '*.tmp.*' -exec rm -rf {} +
  echo "e2e: built in $((SECONDS - start)) s" >&2
fi
echo "$bin"
