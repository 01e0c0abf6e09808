#!/usr/bin/env bash
# CI: a new user's first minutes with `init`, from the packed library. Packs it,
# runs the packed CLI's `init` through npx (as docs/getting-started.md says),
# then in the new project `npm install`, `npx cdk8s synth` and `npm test`; and
# checks that a second `init` there refuses, writes nothing, and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
export CDK8S_CHECK_UPGRADE=false
# The registry metadata of ~500 packages, twice, dominates the time: reuse the cache.
export npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
step() { printf '\n== init e2e (%ss): %s\n' "$SECONDS" "$*"; }

step "npm pack"
npm pack --silent --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/cdk8s-netkit-*.tgz)"

step "npx --package <tarball> cdk8s-netkit init app"
cd "$work"
npx --yes --package="$tarball" -- cdk8s-netkit init app
# The default spec is the tarball npx ran, relative to the project.
grep -q "\"cdk8s-netkit\": \"file:../$(basename "$tarball")\"" app/package.json \
  || { echo "app/package.json does not depend on the tarball:"; cat app/package.json; exit 1; }

cd app
step "npm install"
npm install
step "npx cdk8s synth"
npx cdk8s synth
for kind in Namespace Deployment Service Gateway HTTPRoute; do
  grep -q "^kind: $kind$" dist/*.k8s.yaml || { echo "dist/ has no $kind:"; cat dist/*.k8s.yaml; exit 1; }
done
step "npm test"
npm test

step "init again refuses to overwrite"
state() { ls -A | sort; cat package.json main.ts main.test.ts | sha256sum; }
before="$(state)"
if npx --yes --package="$tarball" -- cdk8s-netkit init . >"$work/out" 2>"$work/err"; then
  echo "init overwrote an existing project"; exit 1
else
  code=$?
fi
[ "$code" -eq 1 ] || { echo "init exited $code, expected 1"; cat "$work/err"; exit 1; }
grep -q "Nothing was written" "$work/err" || { cat "$work/err"; exit 1; }
grep -q "main.ts" "$work/err" || { cat "$work/err"; exit 1; }
[ "$(state)" = "$before" ] || { echo "files changed after a refused init"; exit 1; }
step "passed"
