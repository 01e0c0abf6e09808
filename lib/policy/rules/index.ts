import { Rule } from '../types';
import { apiStableVersions } from './api-stable-versions';
import { depSelectorMatchesTemplate } from './dep-selector-matches-template';
import { gwApiVersion } from './gw-api-version';
import { gwBackendExists } from './gw-backend-exists';
import { gwListenersDistinct } from './gw-listeners-distinct';
import { gwRedirectNoLoop } from './gw-redirect-no-loop';
import { gwReferenceGranted } from './gw-reference-granted';
import { gwRouteAdmitted } from './gw-route-admitted';
import { gwRouteHostnameIntersects } from './gw-route-hostname-intersects';
import { gwRouteParentResolves } from './gw-route-parent-resolves';
import { gwSpecValid } from './gw-spec-valid';
import { gwTlsCertCoversHostname } from './gw-tls-cert-covers-hostname';
import { gwTlsSecretExists } from './gw-tls-secret-exists';
import { depStrategyValid } from './dep-strategy-valid';
import { hostNetworkPorts } from './host-network-ports';
import { hpaReplicasRange } from './hpa-replicas-range';
import { hpaReplicasUnpinned } from './hpa-replicas-unpinned';
import { hpaResourceRequests } from './hpa-resource-requests';
import { imgPinned } from './img-pinned';
import { ingBackendExists } from './ing-backend-exists';
import { ingClassResolves } from './ing-class-resolves';
import { ingHostPathUnique } from './ing-host-path-unique';
import { ingNoSnippets } from './ing-no-snippets';
import { ingTlsCertCoversHosts } from './ing-tls-cert-covers-hosts';
import { ingSpecValid } from './ing-spec-valid';
import { ingTlsSecretExists } from './ing-tls-secret-exists';
import { kproxyConfigValid } from './kproxy-config-valid';
import { labelValuesValid } from './label-values-valid';
import { nameValid } from './name-valid';
import { nsExists } from './ns-exists';
import { nsExplicit } from './ns-explicit';
import { pdbAllowsEviction } from './pdb-allows-eviction';
import { podFieldsValid } from './pod-fields-valid';
import { podProbePortExists } from './pod-probe-port-exists';
import { podReadinessProbe } from './pod-readiness-probe';
import { podResources } from './pod-resources';
import { podSpreadSatisfiable } from './pod-spread-satisfiable';
import { prestopWithinGrace } from './prestop-within-grace';
import { privilegedPorts } from './privileged-ports';
import { rolloutKeepsReady } from './rollout-keeps-ready';
import { schemaValid } from './schema-valid';
import { secCaps } from './sec-caps';
import { secNoPrivEsc } from './sec-no-priv-esc';
import { skipHasReason } from './skip-has-reason';
import { svcNodePortUnique } from './svc-nodeport-unique';
import { svcSelectorMatchesPod } from './svc-selector-matches-pod';
import { svcSpecValid } from './svc-spec-valid';
import { svcTargetPortExists } from './svc-targetport-exists';
import { svcTypeNodePort } from './svc-type-nodeport';
import { tlsSecretValid } from './tls-secret-valid';

/** Every rule, in the order findings are reported and documented. */
export const RULES: readonly Rule[] = [
  // Across objects: what no single-object linter sees.
  svcSelectorMatchesPod,
  svcTargetPortExists,
  svcNodePortUnique,
  ingBackendExists,
  ingHostPathUnique,
  ingTlsSecretExists,
  ingTlsCertCoversHosts,
  ingClassResolves,
  gwRouteParentResolves,
  gwRouteAdmitted,
  gwRouteHostnameIntersects,
  gwBackendExists,
  gwReferenceGranted,
  gwTlsSecretExists,
  gwTlsCertCoversHostname,
  gwRedirectNoLoop,
  gwApiVersion,
  nsExists,
  podReadinessProbe,
  // Across objects: traffic while pods come and go (rollouts, drains, autoscaling).
  rolloutKeepsReady,
  pdbAllowsEviction,
  hpaResourceRequests,
  hpaReplicasUnpinned,
  podSpreadSatisfiable,
  // One object at a time.
  schemaValid,
  apiStableVersions,
  nameValid,
  nsExplicit,
  labelValuesValid,
  svcSpecValid,
  svcTypeNodePort,
  ingSpecValid,
  gwSpecValid,
  gwListenersDistinct,
  tlsSecretValid,
  kproxyConfigValid,
  depSelectorMatchesTemplate,
  depStrategyValid,
  podFieldsValid,
  podProbePortExists,
  prestopWithinGrace,
  hpaReplicasRange,
  imgPinned,
  podResources,
  secNoPrivEsc,
  secCaps,
  hostNetworkPorts,
  privilegedPorts,
  ingNoSnippets,
  skipHasReason,
];
