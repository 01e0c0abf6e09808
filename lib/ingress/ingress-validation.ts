import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import type { IIngressBackend } from 'kubernetes-models/networking.k8s.io/v1/IngressBackend';
import type { IIngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import type { IIngressRule } from 'kubernetes-models/networking.k8s.io/v1/IngressRule';
import { Problem } from '../core/errors';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain } from '../core/names';
import { FieldCheckContext, fieldProblems, hasFieldProblems } from '../core/validation/field-rules';
import { hostProblems, PATH_TYPES } from '../core/validation/ingress-fields';

export { isWildcardHost, MAX_INGRESS_CLASS_CONTROLLER_LENGTH, PATH_TYPES } from '../core/validation/ingress-fields';
export type { PathType } from '../core/validation/ingress-fields';

/** The legacy class annotation; the API server requires it to agree with `spec.ingressClassName`. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** Marks the cluster's default IngressClass (admission, not validation: at most one may carry it). */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/**
 * What is wrong with an Ingress host (rules[].host or tls[].hosts[]), or
 * undefined: the check of the field table's IngressRule.host row. `allowIp`
 * skips the IP check, as for TLS hosts, which the API server does not reject for it.
 */
export function hostProblem(field: string, host: string, allowIp = false): Problem | undefined {
  return hostProblems(field, host, allowIp)[0];
}

/** What is wrong with one HTTP path of the given type (the field table's HTTPIngressPath rows), as problems. */
export function pathProblems(field: string, path: string | undefined, pathType: string | undefined): Problem[] {
  const problems: Problem[] = [];
  addPathProblems(problems, path, pathType, field, undefined, 0, 0);
  return problems;
}

/** What is wrong with an Ingress backend (spec.defaultBackend or a path's backend). */
export function backendProblems(field: string, backend: IIngressBackend | undefined): Problem[] {
  const problems: Problem[] = [];
  addBackendProblems(problems, backend, field, undefined, undefined, 0, 0);
  return problems;
}

/**
 * The rules the API server applies to a networking.k8s.io/v1 Ingress
 * (pkg/apis/networking/validation, ValidateIngressCreate). Pure: used by the
 * ingress constructs on what they build and by the policy engine on any
 * manifest. Conflicts between Ingresses are not here (the API server does
 * not check them; ingress-nginx's admission webhook does).
 */
export function ingressProblems(ingress: IIngress): Problem[] {
  const problems: Problem[] = [];
  const spec = ingress.spec ?? {};
  problems.push(...fieldProblems('Ingress.metadata.name', ingress.metadata?.name ?? '', NAME_FIELD));
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    problems.push({ field: 'spec', message: 'has neither rules nor a default backend.', allowed: 'at least one rule, or spec.defaultBackend', fix: 'add a host or path rule, or a default backend.' });
  }
  const className = spec.ingressClassName;
  if (className !== undefined && className !== null) problems.push(...fieldProblems('Ingress.spec.ingressClassName', className, CLASS_NAME_FIELD));
  const legacyClass = ingress.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (className && legacyClass !== undefined && legacyClass !== className) {
    problems.push({ field: `metadata.annotations.${INGRESS_CLASS_ANNOTATION}`, message: 'disagrees with spec.ingressClassName.', value: legacyClass, allowed: `"${className}" or no annotation`, fix: `drop the deprecated ${INGRESS_CLASS_ANNOTATION} annotation.` });
  }
  if (spec.defaultBackend) addBackendProblems(problems, spec.defaultBackend, 'spec.defaultBackend', undefined, undefined, 0, 0);
  for (let i = 0; i < rules.length; i++) addRuleProblems(problems, rules[i], undefined, i);
  // Stryker disable next-line ArrayDeclaration: equivalent, an entry that is not an object has no hosts or secretName to judge.
  const tlsList = spec.tls ?? [];
  for (let i = 0; i < tlsList.length; i++) {
    const tls = tlsList[i];
    const hosts = tls.hosts ?? [];
    for (let j = 0; j < hosts.length; j++) {
      if (hasFieldProblems('IngressTLS.hosts[]', hosts[j])) problems.push(ingressTlsHostProblem(`spec.tls[${i}].hosts[${j}]`, hosts[j])!);
    }
    if (hasFieldProblems('IngressTLS.secretName', tls.secretName)) problems.push(ingressTlsSecretNameProblem(`spec.tls[${i}].secretName`, tls.secretName)!);
  }
  return problems;
}

const NAME_FIELD = { field: 'metadata.name' } as const;
const CLASS_NAME_FIELD = { field: 'spec.ingressClassName' } as const;

/** The checks of {@link ingressProblems} on one `spec.rules[i]` entry (`field`); exported so a construct can check just the entry it changed. */
export function ingressRuleProblems(field: string, rule: IIngressRule): Problem[] {
  const problems: Problem[] = [];
  addRuleProblems(problems, rule, field, 0);
  return problems;
}

/** The checks of {@link ingressProblems} on one `spec.rules[i].http.paths[j]` entry (`field`): its path and its backend. */
export function ingressPathProblems(field: string, path: IHTTPIngressPath): Problem[] {
  const problems: Problem[] = [];
  addHttpPathProblems(problems, path, field, undefined, 0, 0);
  return problems;
}

/** The check of {@link ingressProblems} on one `spec.tls[i].hosts[j]` (the field table's IngressTLS.hosts[] row). */
export function ingressTlsHostProblem(field: string, host: string): Problem | undefined {
  return fieldProblems('IngressTLS.hosts[]', host, { field })[0];
}

/** The check of {@link ingressProblems} on one `spec.tls[i].secretName` (the field table's IngressTLS.secretName row). */
export function ingressTlsSecretNameProblem(field: string, secretName: string | undefined): Problem | undefined {
  return fieldProblems('IngressTLS.secretName', secretName, { field })[0];
}

// Field paths are written only for a problem: on the path with no finding (every
// Ingress at each synth) the checks below pass the caller's field, or undefined
// and the entry's indexes (rule i, path j), and build `spec.rules[i]…` from them.

/** The rule's field: the caller's, or spec.rules[i]. */
function ruleField(rule: string | undefined, i: number): string {
  return rule ?? `spec.rules[${i}]`;
}

/** The HTTP path's field: the caller's, or its place under the rule. */
function httpPathField(path: string | undefined, rule: string | undefined, i: number, j: number): string {
  return path ?? `${ruleField(rule, i)}.http.paths[${j}]`;
}

function addRuleProblems(problems: Problem[], rule: IIngressRule, field: string | undefined, i: number): void {
  if (rule.host && hasFieldProblems('IngressRule.host', rule.host)) {
    problems.push(...fieldProblems('IngressRule.host', rule.host, { field: `${ruleField(field, i)}.host` }));
  }
  if (rule.http) {
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) {
      problems.push({ field: `${ruleField(field, i)}.http.paths`, message: 'is empty.', allowed: 'at least one path', fix: 'add a path, or drop http.' });
    }
    for (let j = 0; j < paths.length; j++) addHttpPathProblems(problems, paths[j], undefined, field, i, j);
  }
}

function addHttpPathProblems(problems: Problem[], p: IHTTPIngressPath, field: string | undefined, rule: string | undefined, i: number, j: number): void {
  addPathProblems(problems, p.path, p.pathType, field, rule, i, j);
  addBackendProblems(problems, p.backend, undefined, field, rule, i, j);
}

function addPathProblems(problems: Problem[], path: string | undefined, pathType: string | undefined, field: string | undefined, rule: string | undefined, i: number, j: number): void {
  // Stryker disable next-line ConditionalExpression: equivalent, the probe only spares building the field path; fieldProblems finds nothing where it finds nothing.
  if (hasFieldProblems('HTTPIngressPath.pathType', pathType)) {
    problems.push(...fieldProblems('HTTPIngressPath.pathType', pathType, { field: `${httpPathField(field, rule, i, j)}.pathType` }));
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the probe only spares building the field path (its field is never shown); fieldProblems finds nothing where it finds nothing.
  if (hasFieldProblems('HTTPIngressPath.path', path, pathProbe(pathType))) {
    problems.push(...fieldProblems('HTTPIngressPath.path', path, { field: `${httpPathField(field, rule, i, j)}.path`, siblings: { pathType } }));
  }
}

/** The context a path is probed in, per path type: made once for the path types of v1 (every path of every synth has one). */
const PATH_PROBES: ReadonlyMap<unknown, FieldCheckContext> = new Map(PATH_TYPES.map((pathType) => [pathType, { field: '', siblings: { pathType } }]));

function pathProbe(pathType: unknown): FieldCheckContext {
  // Stryker disable next-line LogicalOperator,ObjectLiteral,StringLiteral: equivalent, the row judges a path only under a path type of v1 (another gets no problem), and a probe's field is never shown
  return PATH_PROBES.get(pathType) ?? { field: '', siblings: { pathType } };
}

/** A backend's problems; its field is `field`, or `.backend` under the HTTP path (path, rule, i, j). */
function addBackendProblems(
  problems: Problem[], backend: IIngressBackend | undefined,
  field: string | undefined, path: string | undefined, rule: string | undefined, i: number, j: number,
): void {
  if (!backend || (!backend.service && !backend.resource)) {
    problems.push({ field: backendField(field, path, rule, i, j), message: 'needs a service or a resource backend.', value: undefined, allowed: undefined, fix: 'set backend.service with a name and port.' });
    return;
  }
  if (backend.service && backend.resource) {
    problems.push({ field: backendField(field, path, rule, i, j), message: 'cannot set both a resource and a service backend.', value: undefined, allowed: undefined, fix: 'keep only one of service and resource.' });
  }
  const service = backend.service;
  if (service) {
    // Stryker disable next-line ConditionalExpression: equivalent, the probe only spares building the field path; fieldProblems finds nothing where it finds nothing.
    if (hasFieldProblems('IngressServiceBackend.name', service.name)) {
      problems.push(...fieldProblems('IngressServiceBackend.name', service.name, { field: `${backendField(field, path, rule, i, j)}.service.name` }));
    }
    const port = service.port;
    if (!port || (port.name === undefined && port.number === undefined)) {
      problems.push({ field: `${backendField(field, path, rule, i, j)}.service.port`, message: 'needs a port name or number.', value: port, allowed: undefined, fix: 'set port.number (e.g. 80) or port.name (e.g. "http").' });
    } else if (port.name !== undefined && port.number !== undefined) {
      problems.push({ field: `${backendField(field, path, rule, i, j)}.service.port`, message: 'cannot set both a port name and a port number.', value: port, allowed: undefined, fix: 'keep only one of name and number.' });
    } else if (port.number !== undefined) {
      // Stryker disable next-line ConditionalExpression: equivalent, the probe only spares building the field path; fieldProblems finds nothing where it finds nothing.
      if (hasFieldProblems('ServiceBackendPort.number', port.number)) {
        problems.push(...fieldProblems('ServiceBackendPort.number', port.number, { field: `${backendField(field, path, rule, i, j)}.service.port.number` }));
      }
    } else {
      // Stryker disable next-line ConditionalExpression: equivalent, the probe only spares building the field path; fieldProblems finds nothing where it finds nothing.
      if (hasFieldProblems('ServiceBackendPort.name', port.name)) {
        problems.push(...fieldProblems('ServiceBackendPort.name', port.name, { field: `${backendField(field, path, rule, i, j)}.service.port.name` }));
      }
    }
  }
  const resource = backend.resource;
  if (resource) {
    if (!resource.kind) problems.push({ field: `${backendField(field, path, rule, i, j)}.resource.kind`, message: 'is required.', value: resource.kind, allowed: undefined, fix: 'set the kind of the backend resource.' });
    if (!resource.name) problems.push({ field: `${backendField(field, path, rule, i, j)}.resource.name`, message: 'is required.', value: resource.name, allowed: undefined, fix: 'set the name of the backend resource.' });
    if (resource.apiGroup !== undefined && resource.apiGroup !== '' && !isDns1123Subdomain(resource.apiGroup)) {
      problems.push({ field: `${backendField(field, path, rule, i, j)}.resource.apiGroup`, message: 'is not a valid API group.', value: resource.apiGroup, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the resource\'s API group, e.g. "k8s.example.com".' });
    }
  }
}

function backendField(field: string | undefined, path: string | undefined, rule: string | undefined, i: number, j: number): string {
  return field ?? `${httpPathField(path, rule, i, j)}.backend`;
}

/**
 * The rules the API server applies to a networking.k8s.io/v1 IngressClass
 * (pkg/apis/networking/validation, ValidateIngressClass). Pure.
 */
export function ingressClassProblems(ingressClass: IIngressClass): Problem[] {
  const problems: Problem[] = [];
  problems.push(...fieldProblems('IngressClass.metadata.name', ingressClass.metadata?.name ?? '', { field: 'metadata.name' }));
  if (ingressClass.metadata?.namespace !== undefined) {
    problems.push({ field: 'metadata.namespace', message: 'is not allowed: IngressClass is cluster-scoped.', value: ingressClass.metadata.namespace, fix: 'remove the namespace (markClusterScoped does it for an ApiObject).' });
  }
  problems.push(...fieldProblems('IngressClass.spec.controller', ingressClass.spec?.controller, { field: 'spec.controller' }));
  const params = ingressClass.spec?.parameters;
  if (params) {
    const f = 'spec.parameters';
    if (!params.kind) problems.push({ field: `${f}.kind`, message: 'is required.', fix: 'set the kind of the parameters resource.' });
    if (!params.name) problems.push({ field: `${f}.name`, message: 'is required.', fix: 'set the name of the parameters resource.' });
    if (params.apiGroup !== undefined && params.apiGroup !== '' && !isDns1123Subdomain(params.apiGroup)) {
      problems.push({ field: `${f}.apiGroup`, message: 'is not a valid API group.', value: params.apiGroup, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the API group of the parameters resource.' });
    }
    if (params.scope !== 'Namespace' && params.scope !== 'Cluster') {
      problems.push({ field: `${f}.scope`, message: 'must be Namespace or Cluster.', value: params.scope, allowed: 'Namespace, Cluster', fix: 'set scope to where the parameters resource lives.' });
    } else if (params.scope === 'Namespace' && (!params.namespace || !isDns1123Label(params.namespace))) {
      problems.push({ field: `${f}.namespace`, message: 'is required and must be a Namespace name when scope is Namespace.', value: params.namespace, allowed: DNS1123_LABEL_RULE, fix: 'set the namespace of the parameters resource.' });
    } else if (params.scope === 'Cluster' && params.namespace !== undefined) {
      problems.push({ field: `${f}.namespace`, message: 'is not allowed when scope is Cluster.', value: params.namespace, fix: 'drop the namespace, or use scope Namespace.' });
    }
  }
  return problems;
}
