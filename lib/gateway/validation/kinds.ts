// Gateway API references name an object by group and kind. The CRDs accept
// any kind matching KIND (so `httproute` and `service` pass the API server),
// but kinds are case-sensitive: an implementation resolves `service` to
// nothing (ResolvedRefs=False/InvalidKind) and a ReferenceGrant from
// `httproute` lets no HTTPRoute through. For the two groups whose kinds are a
// closed list that is an error; for other groups (custom backends) a spelling
// that is very likely wrong is a warning.
import { Problem } from '../../core/errors';
import { closest } from '../../policy/suggest';
import { SERVED_VERSIONS } from '../../addons/gateway-api/served.generated';
import { kindsOfApiVersion } from '../../policy/schema/known-fields';
import { GATEWAY_API_GROUP } from '../types';

/**
 * The kinds of the core group and of gateway.networking.k8s.io, read from
 * the sources the rest of the package uses: the core kinds of the schemas
 * (kubernetes-models, lib/policy/schema) and every CRD kind of the vendored
 * Gateway API bundles' standard channels (the experimental-only kinds live in
 * gateway.networking.x-k8s.io). Built on first use.
 */
let knownKinds: Readonly<Record<string, readonly string[]>> | undefined;
function known(): Readonly<Record<string, readonly string[]>> {
  knownKinds ??= {
    // Stryker disable next-line MethodExpression,ArrayDeclaration: equivalent, the schemas always hold the core kinds, listed sorted already.
    '': [...kindsOfApiVersion('v1') ?? []].sort(),
    [GATEWAY_API_GROUP]: [...new Set(Object.values(SERVED_VERSIONS).flatMap((kinds) => Object.keys(kinds)))].sort(),
  };
  return knownKinds;
}

const groupName = (group: string) => (group === '' ? 'the core group ("")' : `the group "${group}"`);
const groupsOf = (kind: string) => Object.entries(known()).filter(([, kinds]) => kinds.includes(kind)).map(([g]) => g);

/**
 * The problem of a syntactically valid `kind` in `group` (the field's default
 * applied) that no object has: a wrong case or an unknown kind of the core or
 * Gateway API group (an error: the reference resolves to nothing), or a kind
 * of another group that is very likely misspelt (a warning).
 */
export function kindSpellingProblem(field: string, group: string, kind: string): Problem | undefined {
  // Own keys only: "constructor" is a valid group name, and Object.prototype's function is no list of kinds.
  const ofGroup = Object.prototype.hasOwnProperty.call(known(), group) ? known()[group] : undefined;
  if (ofGroup?.includes(kind)) return undefined;
  const sameLetters = Object.values(known()).flat().find((k) => k.toLowerCase() === kind.toLowerCase());
  if (!ofGroup) {
    // Another group: any kind its CRD defines is fine, but a known kind in another case, or a lowercase kind, is very likely a typo.
    // A known kind spelt exactly is a kind of that group too (Knative's serving.knative.dev Service), not a typo.
    if ((sameLetters === undefined || sameLetters === kind) && !/^[a-z]/.test(kind)) return undefined;
    return {
      field, severity: 'warning', value: kind, allowed: 'the kind as its CRD spells it (UpperCamelCase, case-sensitive)',
      message: sameLetters !== undefined
        ? `differs from the kind "${sameLetters}" only in case; kinds are case-sensitive, so the reference resolves only if ${groupName(group)} really has a kind "${kind}".`
        : 'starts with a lowercase letter; kinds are UpperCamelCase (Kubernetes API conventions) and case-sensitive, so it very likely names no kind.',
      fix: sameLetters !== undefined
        ? `write kind: "${sameLetters}" with group "${groupsOf(sameLetters)[0]}", or the kind as ${groupName(group)}'s CRD spells it (the KIND column of \`kubectl api-resources\`).`
        : `write the kind as ${groupName(group)}'s CRD spells it (the KIND column of \`kubectl api-resources\`).`,
    };
  }
  const allowed = ofGroup.join(', ');
  // Stryker disable next-line ConditionalExpression: equivalent, a list of kinds never includes undefined; the test narrows the type.
  if (sameLetters !== undefined && ofGroup.includes(sameLetters)) {
    return {
      field, value: kind, allowed,
      message: `is not a kind of ${groupName(group)}: kinds are case-sensitive, so "${kind}" refers to no object.`,
      fix: `write kind: "${sameLetters}".`,
    };
  }
  // Stryker disable next-line ConditionalExpression: equivalent, no group lists undefined, so groupsOf finds none for it either.
  const elsewhere = sameLetters !== undefined ? groupsOf(sameLetters) : [];
  const typo = closest(kind, ofGroup);
  return {
    field, value: kind, allowed,
    message: `is not a kind of ${groupName(group)}, so the reference refers to no object.`,
    fix: elsewhere.length > 0 ? `"${sameLetters}" is in the group "${elsewhere[0]}": set group: "${elsewhere[0]}"${sameLetters !== kind ? ` and kind: "${sameLetters}"` : ''}.`
      : typo !== undefined ? `did you mean "${typo}"? write kind: "${typo}".`
        : `use a kind of ${groupName(group)}, or set group to the API group of your kind.`,
  };
}
