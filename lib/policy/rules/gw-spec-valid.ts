import { Problem } from '../../core/errors';
import { pushGatewayApiObjectProblems } from '../../gateway/validation/by-kind';
import { problemViolations } from '../engine';
import { CrdSchemaError, pushCrdSchemaErrors } from '../schema/crd-schema';
import { gatewayApiSchemaOf } from '../schema/gateway-api-schemas';
import { Rule, RuleViolation } from '../types';
import { gatewayApiObjects, NEWEST_GATEWAY_API_VERSION, servedProblem } from './gateway-schemas';

const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

/** The kinds' own checks without metadata (see below); one options object for every object of every check. */
const WITHOUT_METADATA = { metadata: false } as const;

export const gwSpecValid: Rule = {
  id: 'gw-spec-valid',
  severity: 'error',
  severityReason: 'The API server rejects the object (the CRD schema and its CEL validation rules), or a reference names a kind its group lacks (kinds are case-sensitive), so it refers to no object, or a namespace selector no namespace can match (invalid label syntax); a lowercase kind of another group is only a warning.',
  description: `Gateway API objects pass their CRD (standard channel, ${NEWEST_GATEWAY_API_VERSION}): a served kind and version, the openAPIV3Schema (types, required fields, enums, patterns, limits, no unknown field) and, for Gateway, HTTPRoute and ReferenceGrant, every CEL rule and the spec's MUSTs (an HTTPS listener needs TLS with a certificate); a reference's kind exists in its group, spelt in its case ("Service", not "service"); a listener's allowedRoutes namespace selector is a valid label selector.`,
  fix: 'Change the field as the message says (`kubectl explain gateway.<field>` on a cluster with the CRDs); the Gateway and HttpRoute constructs write valid objects.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const objects = gatewayApiObjects(context);
    // One list each for the kinds' problems and the schema's errors, emptied for every object: this runs for every
    // route of every synth (thousands), nearly all clean, mostly before V8 optimizes it.
    // Stryker disable next-line ArrayDeclaration: equivalent, the list is emptied before each object's first use.
    const problems: Problem[] = [];
    // Stryker disable next-line ArrayDeclaration: equivalent, the list is emptied before each object's first use.
    const errors: CrdSchemaError[] = [];
    for (let i = 0; i < objects.length; i++) {
      const object = objects[i].object;
      const version = objects[i].version;
      const notServed = servedProblem(object, version, NEWEST_GATEWAY_API_VERSION);
      if (notServed) {
        out.push({ object, message: `${notServed}; the API server answers "no matches for kind".`, fix: 'Use a kind and apiVersion of the standard channel (gateway.networking.k8s.io/v1), or install the experimental CRDs and disable this rule for the object.' });
        continue;
      }
      // The CEL rules and limits as the Gateway API constructs check them (Gateway, HTTPRoute, ReferenceGrant),
      // without metadata: it is every object's, and name-valid and label-values-valid report it once for all kinds.
      problems.length = 0;
      pushGatewayApiObjectProblems(problems, object.manifest, WITHOUT_METADATA);
      // A speed guard: no problems push nothing.
      if (problems.length > 0) out.push(...problemViolations(object, problems));
      errors.length = 0;
      pushCrdSchemaErrors(errors, gatewayApiSchemaOf(object.kind, version), object.manifest);
      for (let j = 0; j < errors.length; j++) {
        const e = errors[j];
        // The schema's findings on a field the kind's own checks already explain would say the same thing twice.
        // Stryker disable next-line MethodExpression: equivalent, the Gateway API CRDs declare metadata as a bare object, so a schema finding there is at `metadata` itself, which endsWith matches as well.
        if (e.path.startsWith('metadata') || (problems.length > 0 && problems.some((p) => overlaps(p.field, e.path)))) continue;
        out.push({ object, message: `${e.path} ${e.message}` });
      }
    }
    return out;
  },
};
