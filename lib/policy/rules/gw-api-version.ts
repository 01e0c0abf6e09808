import { DEFAULT_GATEWAY_API_VERSION, GATEWAY_API_BUNDLE_VERSION_ANNOTATION, GatewayApiVersion, isGatewayApiVersion } from '../../addons/gateway-api/bundles';
import { GATEWAY_API_GROUP } from '../../gateway/types';
import { PolicyContext } from '../context';
import { Rule, RuleViolation } from '../types';
import { gatewayApiObjects, NEWEST_GATEWAY_API_VERSION, servedProblem } from './gateway-schemas';

/** The bundle the cluster is declared to have: the option, else the Gateway API CRDs of the manifests, else the default; undefined when it is one this package does not carry. */
function declaredVersion(context: PolicyContext): { version?: GatewayApiVersion; from: string; value: string } {
  const option = context.options.gatewayApiVersion;
  if (option !== undefined) return { version: isGatewayApiVersion(option) ? option : undefined, from: 'the gatewayApiVersion option', value: option };
  const crd = context.ofKind('CustomResourceDefinition').find((c) => c.manifest.spec?.group === GATEWAY_API_GROUP
    && typeof c.manifest.metadata?.annotations?.[GATEWAY_API_BUNDLE_VERSION_ANNOTATION] === 'string');
  if (crd) {
    const value: string = crd.manifest.metadata.annotations[GATEWAY_API_BUNDLE_VERSION_ANNOTATION];
    return { version: isGatewayApiVersion(value) ? value : undefined, from: `the CRDs in these manifests (${crd.name})`, value };
  }
  return { version: DEFAULT_GATEWAY_API_VERSION, from: 'the default (what GatewayApiCrds installs)', value: DEFAULT_GATEWAY_API_VERSION };
}

export const gwApiVersion: Rule = {
  id: 'gw-api-version',
  severity: 'warning',
  severityReason: "Very likely a mistake: the cluster's CRDs may not serve the kind or version, and the API server then rejects the object (no error, since the bundle on the cluster is only declared).",
  crossObject: true,
  description: `Gateway API objects use only kinds and versions the declared CRD bundle serves (option gatewayApiVersion, else the bundle-version of Gateway API CRDs in the manifests, else ${DEFAULT_GATEWAY_API_VERSION}); a cluster with older CRDs answers "no matches for kind".`,
  fix: 'Install the newer Gateway API CRDs (GatewayApiCrds with that version) and declare them (gatewayApiVersion, check --gateway-api-version), or use a kind and version the installed bundle serves.',
  check: (context) => {
    const objects = gatewayApiObjects(context);
    if (objects.length === 0) return [];
    const declared = declaredVersion(context);
    if (!declared.version) {
      return [{ object: objects[0].object, message: `cannot be checked against the declared Gateway API bundle ${JSON.stringify(declared.value)} from ${declared.from}: this package carries ${NEWEST_GATEWAY_API_VERSION} and ${DEFAULT_GATEWAY_API_VERSION} only.`, fix: `Declare ${NEWEST_GATEWAY_API_VERSION} or ${DEFAULT_GATEWAY_API_VERSION}, or disable gw-api-version.` }];
    }
    const out: RuleViolation[] = [];
    // An indexed loop without destructuring: this runs for every Gateway API object of every synth, cold.
    for (let i = 0; i < objects.length; i++) {
      const object = objects[i].object;
      const version = objects[i].version;
      // What the newest bundle does not serve either is gw-spec-valid's error, not a version question.
      const notServed = servedProblem(object, version, NEWEST_GATEWAY_API_VERSION) ? undefined : servedProblem(object, version, declared.version);
      if (notServed) out.push({ object, message: `${notServed}, the bundle declared by ${declared.from}; ${NEWEST_GATEWAY_API_VERSION} serves it.` });
    }
    return out;
  },
};
