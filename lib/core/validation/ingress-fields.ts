// The Ingress and IngressClass fields of networking.k8s.io/v1, as
// pkg/apis/networking/validation (v1.31–1.36) checks them: rows of the field
// table, called by HttpIngress, WildcardIngress and the ing-spec-valid rule
// (through lib/ingress/ingress-validation.ts). Shape rules that involve
// several fields (a backend needs a service or a resource, not both; a port
// by name or number, not both) stay in ingress-validation.
import type { Problem } from '../errors';
import { DNS1035_RULE, DNS1123_SUBDOMAIN_RULE, IANA_SVC_NAME_RULE, isDns1035Label, isDns1123Subdomain, isIanaSvcName } from '../names';
import { hasOnlyIpv4Characters, isIpAddress, isPortNumber } from '../net';
import type { FieldRule } from './field-rules';

/** The path types of networking.k8s.io/v1 (v1 has no default: every path must name one). */
export const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific'] as const;
export type PathType = typeof PATH_TYPES[number];

/** The longest `spec.controller` of an IngressClass (networking validation, IngressClass). */
export const MAX_INGRESS_CLASS_CONTROLLER_LENGTH = 250;

// pkg/apis/networking/validation (v1.31+): invalidPathSequences / invalidPathSuffixes.
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

const WILDCARD_HOST_RULE = 'a lowercase DNS name, optionally with "*" as the whole first label ("*.example.com"), not an IP address';
const PATH_RULE = 'for Prefix and Exact, an absolute, normalized path (no "//", "/./", "/../", "%2f", no trailing "/." or "/.."); for ImplementationSpecific, empty or starting with "/"';
const CONTROLLER_RULE = `"<dns-subdomain>/<path>", at most ${MAX_INGRESS_CLASS_CONTROLLER_LENGTH} characters, e.g. "k8s.io/ingress-nginx"`;

/** `*.` followed by a DNS-1123 subdomain: the only wildcard form Kubernetes accepts. */
export function isWildcardHost(host: string): boolean {
  return host.startsWith('*.') && host.length <= 253 && isDns1123Subdomain(host.slice(2));
}

/**
 * Whether the API server reads a rule host as an IP: it parses hosts with
 * netutils.ParseIPSloppy, which also takes IPv4 fields with leading zeros
 * ("010.0.0.1"), an address Node's parser refuses.
 */
function isIpHost(host: string): boolean {
  if (isIpAddress(host)) return true;
  // Only digits and dots can make a sloppy IPv4 address: host names (every rule of every synth) are not split.
  // Stryker disable next-line ConditionalExpression: equivalent, a host with another character fails the field test below (only slower)
  if (!hasOnlyIpv4Characters(host)) return false;
  const fields = host.split('.');
  // A field of digits and dots split at the dots is digits or empty: "not empty" is what the pattern tests.
  // Stryker disable next-line Regex: equivalent, see above: a pattern anchored at one end only tests the same
  return fields.length === 4 && fields.every((f) => /^\d+$/.test(f) && Number(f) <= 255);
}

/**
 * A host's problems, as the IngressRule.host and IngressTLS.hosts[] rows check it;
 * `allowIp` is false for rule hosts, where the API server rejects IPs. For TLS
 * hosts only the name syntax counts: an IPv4 address passes it, an IPv6 one does not.
 */
export function hostProblems(field: string, host: unknown, allowIp: boolean): Problem[] {
  // The problems are made only when there is one: this runs for every rule and TLS host of every synth.
  if (typeof host !== 'string') return hostProblem(field, host, NOT_A_NAME);
  if (!allowIp && isIpHost(host)) return hostProblem(field, host, IP_HOST);
  // A "*" anywhere but as the whole first label is the wildcard's fault; after a well-placed "*." the
  // rest is judged as a name ("*.Example.com" is a case error, not a wildcard one).
  if (host.includes('*') && (!host.startsWith('*.') || host.includes('*', 1))) return hostProblem(field, host, MISPLACED_WILDCARD);
  return isDns1123Subdomain(host) || isWildcardHost(host) ? [] : hostProblem(field, host, NOT_A_NAME);
}

/** What {@link hostProblems} says of a host: its message and fix. */
interface HostFault { readonly message: string; readonly fix: string }
const NOT_A_NAME: HostFault = { message: 'is not a valid host name.', fix: 'use the lowercase host name without scheme, port or path, e.g. "www.example.com".' };
const IP_HOST: HostFault = { message: 'is an IP address; Ingress hosts must be DNS names.', fix: 'use a DNS name that resolves to the ingress controller, or leave the host empty to match every host.' };
const MISPLACED_WILDCARD: HostFault = {
  message: 'has a wildcard that is not the whole first label.',
  fix: 'write the wildcard as "*.<domain>" ("*.example.com"); "foo.*.com" and "*foo.com" are not allowed.',
};

function hostProblem(field: string, host: unknown, fault: HostFault): Problem[] {
  return [{ field, message: fault.message, value: host, allowed: WILDCARD_HOST_RULE, fix: fault.fix }];
}

/** The path's problems under its (valid) path type. */
function pathProblems(field: string, value: unknown, pathType: string): Problem[] {
  const p = typeof value === 'string' ? value : '';
  if (pathType === 'ImplementationSpecific') {
    return p.length > 0 && !p.startsWith('/')
      ? [{ field, message: 'must be an absolute path.', value: p, allowed: 'empty, or a path starting with "/"', fix: `write it as "/${p}".` }] : [];
  }
  const problems: Problem[] = [];
  if (!p.startsWith('/')) {
    problems.push({ field, message: `must be an absolute path for pathType ${pathType}.`, value: p, allowed: 'a path starting with "/"', fix: p ? `write it as "/${p}".` : 'use "/" to match everything.' });
  }
  // Indexed loops: this runs for every path of every synth.
  for (let i = 0; i < INVALID_PATH_SEQUENCES.length; i++) {
    const seq = INVALID_PATH_SEQUENCES[i];
    if (p.includes(seq)) {
      problems.push({ field, message: `must not contain "${seq}".`, value: p, allowed: `a normalized path without ${INVALID_PATH_SEQUENCES.map((s) => `"${s}"`).join(', ')}`, fix: 'normalize the path (collapse "//", resolve "." and "..", decode "%2f").' });
    }
  }
  for (let i = 0; i < INVALID_PATH_SUFFIXES.length; i++) {
    const suffix = INVALID_PATH_SUFFIXES[i];
    if (p.endsWith(suffix)) {
      problems.push({ field, message: `must not end with "${suffix}".`, value: p, allowed: 'a normalized path', fix: 'resolve the trailing "." or "..".' });
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

/** A row for an object name that must be a DNS-1123 subdomain (`what`: "Ingress name"). */
export const subdomainRow = (source: string, what: string, fix: string): FieldRule => ({
  source, allowed: DNS1123_SUBDOMAIN_RULE,
  check: (value, { field }) => (typeof value === 'string' && isDns1123Subdomain(value) ? [] : [{ field, message: `is not a valid ${what}.`, value, allowed: DNS1123_SUBDOMAIN_RULE, fix }]),
});

export const ingressRules = {
  'Ingress.metadata.name': subdomainRow('networking validation ValidateIngressCreate (ValidateObjectMeta, DNS-1123 subdomain)', 'Ingress name', 'use a lowercase name such as "web-ingress".'),
  'Ingress.spec.ingressClassName': subdomainRow('networking validation ValidateIngressSpec (IngressClass name, DNS-1123 subdomain)', 'IngressClass name', 'use the IngressClass name, e.g. "nginx".'),
  'IngressRule.host': {
    source: 'networking validation validateIngressRules (IsDNS1123Subdomain / IsWildcardDNS1123Subdomain; an IP address is rejected)',
    allowed: WILDCARD_HOST_RULE,
    check: (value, { field }) => hostProblems(field, value, false),
  },
  'IngressTLS.hosts[]': {
    source: 'networking validation validateIngressTLS (IsDNS1123Subdomain / IsWildcardDNS1123Subdomain)',
    allowed: `${WILDCARD_HOST_RULE} (an IPv4 address passes the API server as a DNS name, but no rule can serve it)`,
    // validateIngressTLS checks only the name syntax: an IPv4 address passes it (no rule can serve it, but
    // that is not an error here), an IPv6 address fails it (":" is not a DNS character).
    check: (value, { field }) => hostProblems(field, value, true),
  },
  'IngressTLS.secretName': {
    source: 'networking validation validateIngressTLS (Secret name, DNS-1123 subdomain; empty for the controller\'s default certificate)',
    allowed: `empty, or ${DNS1123_SUBDOMAIN_RULE}`,
    // JSON null decodes to Go's empty string, as absent.
    check: (value, { field }) => (value === undefined || value === null || value === '' || (typeof value === 'string' && isDns1123Subdomain(value)) ? [] : [{
      field, message: 'is not a valid Secret name.', value, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the name of the kubernetes.io/tls Secret, e.g. "web-tls".',
    }]),
  },
  'HTTPIngressPath.pathType': {
    source: 'networking validation validateHTTPIngressPath (pathType required in v1; supportedPathTypes)',
    allowed: PATH_TYPES.join(', '),
    check: (value, { field }) => {
      // JSON null decodes to a nil pathType, as absent.
      if (value === undefined || value === null) return [{ field, message: 'is required in networking.k8s.io/v1.', allowed: PATH_TYPES.join(', '), fix: 'set pathType, usually Prefix.' }];
      return (PATH_TYPES as readonly unknown[]).includes(value) ? [] : [{ field, message: 'is not a path type.', value, allowed: PATH_TYPES.join(', '), fix: 'use Prefix, Exact or ImplementationSpecific.' }];
    },
  },
  'HTTPIngressPath.path': {
    source: 'networking validation validateHTTPIngressPath (absolute path; invalidPathSequences, invalidPathSuffixes for Prefix and Exact)',
    allowed: PATH_RULE,
    // Judged under the path's pathType (siblings.pathType); under a missing or unknown one, only pathType is reported.
    check: (value, { field, siblings }) => {
      const pathType = siblings?.pathType;
      return (PATH_TYPES as readonly unknown[]).includes(pathType) ? pathProblems(field, value, pathType as string) : [];
    },
  },
  'IngressServiceBackend.name': {
    source: 'networking validation validateIngressBackend (ValidateServiceName, DNS-1035 label)',
    allowed: DNS1035_RULE,
    check: (value, { field }) => (typeof value === 'string' && isDns1035Label(value) ? [] : [{
      field, message: 'is not a valid Service name.', value, allowed: DNS1035_RULE, fix: 'use the name of the Service in the Ingress\'s namespace.',
    }]),
  },
  'ServiceBackendPort.number': {
    source: 'networking validation validateIngressBackend (IsValidPortNum)',
    allowed: '1-65535',
    check: (value, { field }) => (isPortNumber(value) ? [] : [{ field, message: 'is not a valid port number.', value, allowed: '1-65535', fix: 'use the Service port number.' }]),
  },
  'ServiceBackendPort.name': {
    source: 'networking validation validateIngressBackend (ValidatePortName: IANA_SVC_NAME)',
    allowed: IANA_SVC_NAME_RULE,
    check: (value, { field }) => (typeof value === 'string' && isIanaSvcName(value) ? [] : [{
      field, message: 'is not a valid port name for an Ingress backend.', value, allowed: IANA_SVC_NAME_RULE, fix: 'refer to the port by number, or give the Service port a name of at most 15 characters.',
    }]),
  },
  'IngressClass.metadata.name': subdomainRow('networking validation ValidateIngressClass (ValidateObjectMeta, DNS-1123 subdomain)', 'IngressClass name', 'use a lowercase name such as "nginx".'),
  'IngressClass.spec.controller': {
    source: 'networking validation validateIngressClassSpec (required; IsDomainPrefixedPath, at most 250 characters)',
    allowed: CONTROLLER_RULE,
    check: (value, { field }) => {
      if (!value) return [{ field, message: 'is required.', allowed: 'a domain-prefixed path such as "k8s.io/ingress-nginx"', fix: 'set the controller name your ingress controller watches for.' }];
      if (typeof value === 'string' && value.length <= MAX_INGRESS_CLASS_CONTROLLER_LENGTH && isDomainPrefixedPath(value)) return [];
      return [{ field, message: 'is not a domain-prefixed path.', value, allowed: CONTROLLER_RULE, fix: 'use the controller name your ingress controller documents.' }];
    },
  },
} satisfies Record<string, FieldRule>;
