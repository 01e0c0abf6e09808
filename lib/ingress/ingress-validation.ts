import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import type { IIngressBackend } from 'kubernetes-models/networking.k8s.io/v1/IngressBackend';
import type { IIngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import type { IIngressRule } from 'kubernetes-models/networking.k8s.io/v1/IngressRule';
import { Problem } from '../core/errors';
import {
  DNS1035_RULE, DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, IANA_SVC_NAME_RULE,
  isDns1035Label, isDns1123Label, isDns1123Subdomain, isIanaSvcName,
} from '../core/names';
import { isIpAddress, isPortNumber } from '../core/net';

/** The path types of networking.k8s.io/v1 (v1 has no default: every path must name one). */
export const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific'] as const;
export type PathType = typeof PATH_TYPES[number];

/** The legacy class annotation; the API server requires it to agree with `spec.ingressClassName`. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** Marks the cluster's default IngressClass (admission, not validation: at most one may carry it). */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** The longest `spec.controller` of an IngressClass (networking validation, IngressClass). */
export const MAX_INGRESS_CLASS_CONTROLLER_LENGTH = 250;

// pkg/apis/networking/validation (v1.31+): invalidPathSequences / invalidPathSuffixes.
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

const WILDCARD_HOST_RULE = 'a lowercase DNS name, optionally with "*" as the whole first label ("*.example.com"), not an IP address';

/** `*.` followed by a DNS-1123 subdomain: the only wildcard form Kubernetes accepts. */
export function isWildcardHost(host: string): boolean {
  return host.startsWith('*.') && host.length <= 253 && isDns1123Subdomain(host.slice(2));
}

/**
 * What is wrong with an Ingress host (rules[].host or tls[].hosts[]), or
 * undefined. `allowIp` is false for rule hosts: the API server rejects IPs
 * there but not in TLS hosts.
 */
export function hostProblem(field: string, host: string, allowIp = false): Problem | undefined {
  if (!allowIp && isIpAddress(host)) {
    return { field, message: 'is an IP address; Ingress hosts must be DNS names.', value: host, allowed: WILDCARD_HOST_RULE, fix: 'use a DNS name that resolves to the ingress controller, or leave the host empty to match every host.' };
  }
  if (host.includes('*')) {
    if (isWildcardHost(host)) return undefined;
    return { field, message: 'has a wildcard that is not the whole first label.', value: host, allowed: WILDCARD_HOST_RULE, fix: 'write the wildcard as "*.<domain>" ("*.example.com"); "foo.*.com" and "*foo.com" are not allowed.' };
  }
  if (!isDns1123Subdomain(host)) {
    return { field, message: 'is not a valid host name.', value: host, allowed: WILDCARD_HOST_RULE, fix: 'use the lowercase host name without scheme, port or path, e.g. "www.example.com".' };
  }
  return undefined;
}

/** What is wrong with one HTTP path of the given type (the API server's checks), as problems. */
export function pathProblems(field: string, path: string | undefined, pathType: string | undefined): Problem[] {
  const problems: Problem[] = [];
  if (pathType === undefined) {
    problems.push({ field: `${field}.pathType`, message: 'is required in networking.k8s.io/v1.', allowed: PATH_TYPES.join(', '), fix: 'set pathType, usually Prefix.' });
    return problems;
  }
  if (!(PATH_TYPES as readonly string[]).includes(pathType)) {
    problems.push({ field: `${field}.pathType`, message: 'is not a path type.', value: pathType, allowed: PATH_TYPES.join(', '), fix: 'use Prefix, Exact or ImplementationSpecific.' });
    return problems;
  }
  const p = path ?? '';
  const where = `${field}.path`;
  if (pathType === 'ImplementationSpecific') {
    if (p.length > 0 && !p.startsWith('/')) {
      problems.push({ field: where, message: 'must be an absolute path.', value: p, allowed: 'empty, or a path starting with "/"', fix: `write it as "/${p}".` });
    }
    return problems;
  }
  if (!p.startsWith('/')) {
    problems.push({ field: where, message: `must be an absolute path for pathType ${pathType}.`, value: p, allowed: 'a path starting with "/"', fix: p ? `write it as "/${p}".` : 'use "/" to match everything.' });
  }
  for (const seq of INVALID_PATH_SEQUENCES) {
    if (p.includes(seq)) {
      problems.push({ field: where, message: `must not contain "${seq}".`, value: p, allowed: `a normalized path without ${INVALID_PATH_SEQUENCES.map((s) => `"${s}"`).join(', ')}`, fix: 'normalize the path (collapse "//", resolve "." and "..", decode "%2f").' });
    }
  }
  for (const suffix of INVALID_PATH_SUFFIXES) {
    if (p.endsWith(suffix)) {
      problems.push({ field: where, message: `must not end with "${suffix}".`, value: p, allowed: 'a normalized path', fix: 'resolve the trailing "." or "..".' });
    }
  }
  return problems;
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
    if (!isDns1035Label(service.name ?? '')) {
      add('.service.name', 'is not a valid Service name.', service.name, DNS1035_RULE, 'use the name of the Service in the Ingress\'s namespace.');
    }
    const port = service.port;
    if (!port || (port.name === undefined && port.number === undefined)) {
      add('.service.port', 'needs a port name or number.', port, undefined, 'set port.number (e.g. 80) or port.name (e.g. "http").');
    } else if (port.name !== undefined && port.number !== undefined) {
      add('.service.port', 'cannot set both a port name and a port number.', port, undefined, 'keep only one of name and number.');
    } else if (port.number !== undefined && !isPortNumber(port.number)) {
      add('.service.port.number', 'is not a valid port number.', port.number, '1-65535', 'use the Service port number.');
    } else if (port.name !== undefined && !isIanaSvcName(port.name)) {
      add('.service.port.name', 'is not a valid port name for an Ingress backend.', port.name, IANA_SVC_NAME_RULE, 'refer to the port by number, or give the Service port a name of at most 15 characters.');
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
  const name = ingress.metadata?.name ?? '';
  const spec = ingress.spec ?? {};
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'metadata.name', message: 'is not a valid Ingress name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use a lowercase name such as "web-ingress".' });
  }
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    problems.push({ field: 'spec', message: 'has neither rules nor a default backend.', allowed: 'at least one rule, or spec.defaultBackend', fix: 'add a host or path rule, or a default backend.' });
  }
  const className = spec.ingressClassName;
  if (className !== undefined && className !== null && !isDns1123Subdomain(className)) {
    problems.push({ field: 'spec.ingressClassName', message: 'is not a valid IngressClass name.', value: className, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the IngressClass name, e.g. "nginx".' });
  }
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

/** The check of {@link ingressProblems} on one `spec.tls[i].hosts[j]`. */
export function ingressTlsHostProblem(field: string, host: string): Problem | undefined {
  // Stryker disable next-line BooleanLiteral: equivalent, the IP problem hostProblem would add is dropped by the next line.
  const problem = hostProblem(field, host, true);
  // An IP in tls.hosts passes the API server but no rule can serve it; only syntax is an error here.
  return problem && !isIpAddress(host) ? problem : undefined;
}

/** The check of {@link ingressProblems} on one `spec.tls[i].secretName`. */
export function ingressTlsSecretNameProblem(field: string, secretName: string | undefined): Problem | undefined {
  if (secretName === undefined || secretName === '' || isDns1123Subdomain(secretName)) return undefined;
  return { field, message: 'is not a valid Secret name.', value: secretName, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the name of the kubernetes.io/tls Secret, e.g. "web-tls".' };
}

/**
 * The rules the API server applies to a networking.k8s.io/v1 IngressClass
 * (pkg/apis/networking/validation, ValidateIngressClass). Pure.
 */
export function ingressClassProblems(ingressClass: IIngressClass): Problem[] {
  const problems: Problem[] = [];
  const name = ingressClass.metadata?.name ?? '';
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'metadata.name', message: 'is not a valid IngressClass name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use a lowercase name such as "nginx".' });
  }
  if (ingressClass.metadata?.namespace !== undefined) {
    problems.push({ field: 'metadata.namespace', message: 'is not allowed: IngressClass is cluster-scoped.', value: ingressClass.metadata.namespace, fix: 'remove the namespace (markClusterScoped does it for an ApiObject).' });
  }
  const controller = ingressClass.spec?.controller;
  if (!controller) {
    problems.push({ field: 'spec.controller', message: 'is required.', allowed: 'a domain-prefixed path such as "k8s.io/ingress-nginx"', fix: 'set the controller name your ingress controller watches for.' });
  } else if (controller.length > MAX_INGRESS_CLASS_CONTROLLER_LENGTH || !isDomainPrefixedPath(controller)) {
    problems.push({ field: 'spec.controller', message: 'is not a domain-prefixed path.', value: controller, allowed: `"<dns-subdomain>/<path>", at most ${MAX_INGRESS_CLASS_CONTROLLER_LENGTH} characters, e.g. "k8s.io/ingress-nginx"`, fix: 'use the controller name your ingress controller documents.' });
  }
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

/** `example.com/name`: a DNS-1123 subdomain, "/", then a non-empty path of RFC 3986 characters. */
function isDomainPrefixedPath(value: string): boolean {
  const slash = value.indexOf('/');
  // Stryker disable next-line EqualityOperator,ConditionalExpression,ArithmeticOperator: equivalent, an empty domain or path fails the two tests below anyway.
  if (slash <= 0 || slash === value.length - 1) return false;
  // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent, a valid domain and "/" are path characters too.
  return isDns1123Subdomain(value.slice(0, slash)) && /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(value.slice(slash + 1));
}
