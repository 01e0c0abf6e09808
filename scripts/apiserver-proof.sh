#!/usr/bin/env bash
# Applies what `npx cdk8s synth` writes, and what `cdk8s-netkit migrate` makes of the seeds' Ingresses and of
# public ingress-nginx examples, to a real Kubernetes API server, in the documented order (README "Applying",
# docs/apply.md), and says per file whether the server accepted it. Results of a run: docs/api-server-proof.md.
#
# NOT run by `npm test` or `.ci/run`: it needs a kube-apiserver and etcd, which CI does not have. Run it by hand:
#
#   KUBECONFIG=~/.kube/fresh-cluster scripts/apiserver-proof.sh
#       against a running, otherwise empty cluster (it creates and changes objects there: use a throw-away one);
#   KUBE_APISERVER=/path/to/kube-apiserver ETCD=/path/to/etcd scripts/apiserver-proof.sh
#       starts etcd and kube-apiserver on 127.0.0.1 (data and certificates in a temporary folder, removed at the
#       end), with the default admission plugins (PodSecurity included), and stops them when it ends.
#
# Optional: KUBECTL (default kubectl; use one within one minor version of the server), PROOF_SKIP_SYNTH=1 (use the
# output already on disk), PROOF_KEEP=1 (leave the started server running and print its kubeconfig),
# PROOF_ETCD_PORT (default 32379), PROOF_APISERVER_PORT (default 36443).
#
# A server without nodes and controllers (the one this script starts) creates no pods, so Deployment rollouts and
# the ingress-nginx webhook's caBundle never become ready: those waits are reported as skipped, not as failures.
# The ingress-nginx ValidatingWebhookConfiguration (failurePolicy: Fail) then rejects every Ingress, because no
# pod serves it; the script records that rejection, deletes the webhook configuration and applies the apps again,
# which shows whether the objects themselves are accepted.
#
# Exit status: 0 when every object was accepted (apart from the webhook rejection described above), 1 otherwise.
set -uo pipefail

cd "$(dirname "$0")/.."
KUBECTL=${KUBECTL:-kubectl}
WORK=$(mktemp -d /tmp/netkit-apiserver-proof.XXXXXX)
RESULTS="$WORK/results.tsv"
WARNINGS="$WORK/warnings.txt"
: >"$RESULTS"
: >"$WARNINGS"
PIDS=()

cleanup() {
  if [[ "${PROOF_KEEP:-}" == 1 && ${#PIDS[@]} -gt 0 ]]; then
    echo "PROOF_KEEP=1: server left running (pids ${PIDS[*]}), KUBECONFIG=$KUBECONFIG"
    return
  fi
  # kube-apiserver can take minutes to drain on SIGTERM; this throw-away server is killed outright.
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  [[ "${PROOF_KEEP:-}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

# record STEP EXPECTATION CMD... : runs CMD, keeps its output, and writes one result line.
# EXPECTATION is "accept" (must succeed), "reject" (a failure is expected and recorded) or "info" (either way).
record() {
  local step=$1 expect=$2
  shift 2
  local out="$WORK/step-$(wc -l <"$RESULTS").log" rc
  "$@" >"$out" 2>&1
  rc=$?
  grep -i '^warning' "$out" | sed "s|^|$step: |" >>"$WARNINGS"
  local verdict
  if [[ $rc -eq 0 ]]; then verdict=accepted; else verdict=rejected; fi
  printf '%s\t%s\t%s\n' "$step" "$expect" "$verdict" >>"$RESULTS"
  printf -- '-- %s: %s (expected: %s)\n' "$step" "$verdict" "$expect"
  sed 's/^/   /' "$out"
}

start_server() {
  local etcd_port=${PROOF_ETCD_PORT:-32379} port=${PROOF_APISERVER_PORT:-36443} pki="$WORK/pki"
  mkdir -p "$pki"
  say "starting etcd ($("$ETCD" --version | head -1)) and kube-apiserver on 127.0.0.1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=netkit-proof-ca \
    -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj /CN=kube-apiserver -keyout "$pki/apiserver.key" \
    -out "$pki/apiserver.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\n' >"$pki/san.ext"
  openssl x509 -req -in "$pki/apiserver.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 1 \
    -extfile "$pki/san.ext" -out "$pki/apiserver.crt" 2>/dev/null
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  local token
  token=$(openssl rand -hex 16)
  printf '%s,netkit-proof,netkit-proof,system:masters\n' "$token" >"$pki/tokens.csv"

  "$ETCD" --name proof --data-dir "$WORK/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-cluster "proof=http://127.0.0.1:$((etcd_port + 1))" >"$WORK/etcd.log" 2>&1 &
  PIDS+=($!)
  "$KUBE_APISERVER" --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$port" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --token-auth-file "$pki/tokens.csv" --authorization-mode AlwaysAllow \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.96.0.0/12 --endpoint-reconciler-type none \
    --cert-dir "$pki" >"$WORK/kube-apiserver.log" 2>&1 &
  PIDS+=($!)

  export KUBECONFIG="$WORK/kubeconfig"
  "$KUBECTL" config set-cluster proof --server "https://127.0.0.1:$port" \
    --certificate-authority "$pki/ca.crt" --embed-certs >/dev/null
  "$KUBECTL" config set-credentials proof --token "$token" >/dev/null
  "$KUBECTL" config set-context proof --cluster proof --user proof >/dev/null
  "$KUBECTL" config use-context proof >/dev/null
  local i
  for i in $(seq 1 120); do
    if "$KUBECTL" get --raw /readyz >/dev/null 2>&1; then break; fi
    sleep 1
  done
  if ! "$KUBECTL" get --raw /readyz >/dev/null 2>&1; then
    echo "kube-apiserver did not become ready; last lines of its log:"
    tail -20 "$WORK/kube-apiserver.log"
    exit 1
  fi
  # The namespaces a fresh cluster has (kube-system for the kube-proxy file) come from the API server itself.
  for i in $(seq 1 30); do "$KUBECTL" get namespace kube-system >/dev/null 2>&1 && break; sleep 1; done
}

if [[ -n "${KUBE_APISERVER:-}" || -n "${ETCD:-}" ]]; then
  if [[ -z "${KUBE_APISERVER:-}" || -z "${ETCD:-}" ]]; then
    echo "set both KUBE_APISERVER and ETCD, or neither (then KUBECONFIG names a running cluster)" >&2
    exit 2
  fi
  start_server
elif [[ -z "${KUBECONFIG:-}" ]]; then
  echo "set KUBECONFIG (a running, throw-away cluster) or KUBE_APISERVER and ETCD (see the header)" >&2
  exit 2
fi

say "versions"
"$KUBECTL" version 2>&1

if [[ "${PROOF_SKIP_SYNTH:-}" != 1 ]]; then
  say "npx cdk8s synth"
  CDK8S_CHECK_UPGRADE=false npx cdk8s synth >"$WORK/synth.log" 2>&1 || { cat "$WORK/synth.log"; exit 1; }
fi

say "1. cluster add-ons: CRDs, then the installs (README \"Applying\")"
record "1-crds (server-side)" accept "$KUBECTL" apply --server-side -f cluster-addons/1-crds/
record "crds Established" accept "$KUBECTL" wait --for=condition=Established --timeout=60s crd --all
record "2-install/nginx-gateway-fabric + ingress-nginx (server-side)" accept \
  "$KUBECTL" apply --server-side -f cluster-addons/2-install/nginx-gateway-fabric.k8s.yaml \
  -f cluster-addons/2-install/ingress-nginx.k8s.yaml
echo "-- rollout status of ingress-nginx-controller and the webhook caBundle wait: skipped (no nodes, no controllers)"
record "2-install/kube-proxy (server-side dry-run)" accept \
  "$KUBECTL" apply --server-side --dry-run=server -f cluster-addons/2-install/kube-proxy.k8s.yaml
for k in cluster-addons/*/Kustomization; do
  record "apply -k $(dirname "$k") (server-side dry-run)" accept \
    "$KUBECTL" apply --server-side --dry-run=server -k "$(dirname "$k")"
done

say "2. the apps"
# The Namespaces come first in each file, so the Ingresses that the webhook rejects are the only failures here.
record "dist/ (ingress-nginx webhook present, served by no pod)" reject "$KUBECTL" apply -f dist/
record "delete the ingress-nginx webhook configuration" accept \
  "$KUBECTL" delete validatingwebhookconfiguration ingress-nginx-admission --ignore-not-found
for f in dist/*.k8s.yaml; do
  record "$f" accept "$KUBECTL" apply -f "$f"
done
record "apply -k dist/" accept "$KUBECTL" apply -k dist/

say "3. development TLS Secrets (after the apps: their Namespaces come from dist/)"
if [[ -d .netkit/secrets ]]; then
  record ".netkit/secrets" accept "$KUBECTL" apply -R -f .netkit/secrets/
fi

say "4. migrate: the seeds' Ingresses and public ingress-nginx examples"
MIG="$WORK/migrate"
mkdir -p "$MIG"
sources=(dist/*.k8s.yaml test/gateway/fixtures/ingress-nginx/*.yaml)
while IFS= read -r f; do sources+=("$f"); done < <(grep -l -r '^kind: Ingress$' test/corpus/public/ingress-nginx | sort)
for f in "${sources[@]}"; do
  grep -q '^kind: Ingress$' "$f" || continue
  out="$MIG/$(echo "$f" | tr '/' '_')"
  mkdir -p "$out"
  # Exit 1 means "some parts not converted" (reported per Ingress); the converted objects are still written.
  node bin/cdk8s-netkit.js migrate --out "$out" "$f" >"$out.report" 2>&1
  rc=$?
  if [[ $rc -gt 1 ]]; then
    printf '%s\t%s\t%s\n' "migrate $f" accept "rejected" >>"$RESULTS"
    echo "-- migrate $f: exit $rc"; cat "$out.report"; continue
  fi
  for y in "$out"/*.yaml; do
    [[ -e "$y" ]] || continue
    ns=$(basename "$y" .gateway-api.yaml)
    "$KUBECTL" create namespace "$ns" --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null 2>&1
    record "migrate $f -> $(basename "$y")" accept "$KUBECTL" apply --server-side -f "$y"
  done
done

say "5. the checker corpus's known defects whose header says the API server rejects them"
"$KUBECTL" create namespace shop --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null 2>&1
for f in test/corpus/known-defects/*.yaml; do
  # A real create, not a dry run: a dry run does not keep the first of two Services claiming one NodePort.
  if grep -q 'API server rejects' "$f"; then
    record "$f" reject "$KUBECTL" apply -f "$f"
  else
    record "$f" info "$KUBECTL" apply -f "$f"
  fi
done

say "summary"
awk -F'\t' '{ printf "%-9s (expected %-6s) %s\n", $3, $2, $1 }' "$RESULTS"
echo
if [[ -s "$WARNINGS" ]]; then
  echo "warnings printed by kubectl:"
  sort -u "$WARNINGS"
else
  echo "no warnings printed by kubectl"
fi
failed=$(awk -F'\t' '$2 == "accept" && $3 != "accepted"' "$RESULTS" | wc -l)
unexpected=$(awk -F'\t' '$2 == "reject" && $3 != "rejected"' "$RESULTS" | wc -l)
echo
echo "$(wc -l <"$RESULTS") steps; $failed rejected that should be accepted; $unexpected expected rejections that did not happen"
[[ $failed -eq 0 ]]
