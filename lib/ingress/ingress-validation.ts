import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import type { IIngressBackend } from 'kubernetes-models/networking.k8s.io/v1/IngressBackend';
import type { IIngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import type { IIngressRule } from 'kubernetes-models/networking.k8s.io/v1/IngressRule';
import { Problem } from '../core/errors';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain } from '../core/names';
import { fieldProblems } from '../core/validation/field-rules';
import { hostProblems } from '../core/validation/ingress-fields';

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
  return [
    ...fieldProblems('HTTPIngressPath.pathType', pathType, { field: `${field}.pathType` }),
    ...fieldProblems('HTTPIngressPath.path', path, { field: `${field}.path`, siblings: { pathType } }),
  ];
}

/** What is wrong with an Ingress backend (spec.defaultBackend or a path's backend). */
export function backendProblems(field: string, backend: IIngressBackend | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (f: string, message: string, value: unknown, allowed: string | undefined, fix: string) =>
    problems.push({ field: `${field}${f}`, message, value, allowed, fix });
  if (!backend || (!backend.service && !backend.resource)) {
    add('', 'needs a service or a resource backend.', undefined, undefined, 'set backend.service with a name and port.');
    return problems;
  }
  if (backend.service && backend.resource) {
    add('', 'cannot set both a resource and a service backend.', undefined, undefined, 'keep only one of service and resource.');
  }
  const service = backend.service;
  if (service) {
    problems.push(...fieldProblems('IngressServiceBackend.name', service.name ?? '', { field: `${field}.service.name` }).map((p) => ({ ...p, value: service.name })));
    const port = service.port;
    if (!port || (port.name === undefined && port.number === undefined)) {
      add('.service.port', 'needs a port name or number.', port, undefined, 'set port.number (e.g. 80) or port.name (e.g. "http").');
    } else if (port.name !== undefined && port.number !== undefined) {
      add('.service.port', 'cannot set both a port name and a port number.', port, undefined, 'keep only one of name and number.');
    } else if (port.number !== undefined) {
      problems.push(...fieldProblems('ServiceBackendPort.number', port.number, { field: `${field}.service.port.number` }));
    } else {
      problems.push(...fieldProblems('ServiceBackendPort.name', port.name, { field: `${field}.service.port.name` }));
    }
  }
  const resource = backend.resource;
  if (resource) {
    if (!resource.kind) add('.resource.kind', 'is required.', resource.kind, undefined, 'set the kind of the backend resource.');
    if (!resource.name) add('.resource.name', 'is required.', resource.name, undefined, 'set the name of the backend resource.');
    if (resource.apiGroup !== undefined && resource.apiGroup !== '' && !isDns1123Subdomain(resource.apiGroup)) {
      add('.resource.apiGroup', 'is not a valid API group.', resource.apiGroup, DNS1123_SUBDOMAIN_RULE, 'use the resource\'s API group, e.g. "k8s.example.com".');
    }
  }
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
  problems.push(...fieldProblems('Ingress.metadata.name', ingress.metadata?.name ?? '', { field: 'metadata.name' }));
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    problems.push({ field: 'spec', message: 'has neither rules nor a default backend.', allowed: 'at least one rule, or spec.defaultBackend', fix: 'add a host or path rule, or a default backend.' });
  }
  const className = spec.ingressClassName;
  if (className !== undefined && className !== null) problems.push(...fieldProblems('Ingress.spec.ingressClassName', className, { field: 'spec.ingressClassName' }));
  const legacyClass = ingress.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (className && legacyClass !== undefined && legacyClass !== className) {
    problems.push({ field: `metadata.annotations.${INGRESS_CLASS_ANNOTATION}`, message: 'disagrees with spec.ingressClassName.', value: legacyClass, allowed: `"${className}" or no annotation`, fix: `drop the deprecated ${INGRESS_CLASS_ANNOTATION} annotation.` });
  }
  if (spec.defaultBackend) problems.push(...backendProblems('spec.defaultBackend', spec.defaultBackend));
  rules.forEach((rule, i) => problems.push(...ingressRuleProblems(`spec.rules[${i}]`, rule)));
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const problem = ingressTlsHostProblem(`spec.tls[${i}].hosts[${j}]`, host);
      if (problem) problems.push(problem);
    });
    const secretProblem = ingressTlsSecretNameProblem(`spec.tls[${i}].secretName`, tls.secretName);
    if (secretProblem) problems.push(secretProblem);
  });
  return problems;
}

/** The checks of {@link ingressProblems} on one `spec.rules[i]` entry (`field`); exported so a construct can check just the entry it changed. */
export function ingressRuleProblems(field: string, rule: IIngressRule): Problem[] {
  const problems: Problem[] = [];
  if (rule.host) {
    const problem = hostProblem(`${field}.host`, rule.host);
    if (problem) problems.push(problem);
  }
  if (rule.http) {
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) {
      problems.push({ field: `${field}.http.paths`, message: 'is empty.', allowed: 'at least one path', fix: 'add a path, or drop http.' });
    }
    paths.forEach((p, j) => problems.push(...ingressPathProblems(`${field}.http.paths[${j}]`, p)));
  }
  return problems;
}

/** The checks of {@link ingressProblems} on one `spec.rules[i].http.paths[j]` entry (`field`): its path and its backend. */
export function ingressPathProblems(field: string, path: IHTTPIngressPath): Problem[] {
  return [...pathProblems(field, path.path, path.pathType), ...backendProblems(`${field}.backend`, path.backend)];
}

/** The check of {@link ingressProblems} on one `spec.tls[i].hosts[j]` (the field table's IngressTLS.hosts[] row). */
export function ingressTlsHostProblem(field: string, host: string): Problem | undefined {
  return fieldProblems('IngressTLS.hosts[]', host, { field })[0];
}

/** The check of {@link ingressProblems} on one `spec.tls[i].secretName` (the field table's IngressTLS.secretName row). */
export function ingressTlsSecretNameProblem(field: string, secretName: string | undefined): Problem | undefined {
  return fieldProblems('IngressTLS.secretName', secretName, { field })[0];
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
