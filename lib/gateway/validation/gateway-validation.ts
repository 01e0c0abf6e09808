import { Problem } from '../../core/errors';
import { annotationProblems, labelProblems, labelSelectorProblems } from '../../core/metadata-validation';
import { isIpAddress } from '../../core/net';
import { GATEWAY_API_GROUP, GatewayManifest, Listener } from '../types';
import {
  ObjectCheckOptions, countProblem, defined, objectProblems, enumProblem, groupProblem, hostnameProblem, HOSTNAME_RULE, isHostnameSyntax, isString, items, kindProblem, lengthProblem,
  namespaceRefProblem, objectNameProblem, portNumberProblem, requiredProblem, sectionNameProblem,
} from './fields';

/** The protocols every implementation knows; others must be domain-prefixed (`example.com/foo`). */
export const CORE_PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'] as const;

// The listener protocol pattern as the CRD writes it (its second branch is not anchored at the start).
const PROTOCOL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$/;
const ADDRESS_TYPE = /^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/**
 * Every rule the Gateway CRD (standard channel, v1.6.1) applies to a Gateway:
 * the schema's limits and the CEL rules, with upstream's wording in the
 * message, plus the spec's MUSTs that only controllers enforce (an HTTPS or
 * TLS listener needs `tls`, an HTTPS one a certificate; no IP hostnames).
 * Pure: the Gateway constructs call it on what they build, the policy engine
 * on any manifest. Relationships with other objects (routes, Secrets) are not here.
 */
export function gatewayProblems(gateway: GatewayManifest, options?: ObjectCheckOptions): Problem[] {
  const { problems, hasSpec } = objectProblems('Gateway', gateway, 'public', 'set spec.gatewayClassName and spec.listeners.', options);
  const spec = gateway.spec;
  if (!hasSpec || !spec) return problems;
  problems.push(...defined(
    requiredProblem('spec.gatewayClassName', spec.gatewayClassName, 'set the name of a GatewayClass, e.g. "nginx" for NGINX Gateway Fabric.')
      ?? objectNameProblem('spec.gatewayClassName', spec.gatewayClassName),
    countProblem('spec.listeners', spec.listeners ?? [], 64, 1, 'a Gateway has 1-64 listeners; split the rest onto another Gateway or a ListenerSet.'),
  ));
  const listeners = items<Listener>(spec.listeners);
  // A null listener (YAML `- ~`) is the schema's finding (not an object); the others are still checked.
  listeners.forEach((listener, i) => {
    if (listener !== null) problems.push(...listenerProblems(`spec.listeners[${i}]`, listener));
  });
  problems.push(...listenerSetProblems('spec.listeners', listeners));
  problems.push(...addressProblems(spec.addresses));
  const infrastructure = spec.infrastructure;
  if (infrastructure) {
    problems.push(...defined(
      countProblem('spec.infrastructure.labels', Object.keys(infrastructure.labels ?? {}), 8),
      countProblem('spec.infrastructure.annotations', Object.keys(infrastructure.annotations ?? {}), 16),
    ));
    // A null label value is the schema walk's finding (refused by server-side apply, dropped by create).
    problems.push(...labelProblems('spec.infrastructure.labels', infrastructure.labels).filter((p) => p.value !== null));
    problems.push(...annotationProblems('spec.infrastructure.annotations', infrastructure.annotations));
    for (const [key, value] of Object.entries(infrastructure.annotations ?? {})) {
      problems.push(...defined(lengthProblem(`spec.infrastructure.annotations["${key}"]`, value, 0, 4096, 'shorten the annotation value.')));
    }
  }
  const perPort = items<{ port?: number }>((spec.tls as any)?.frontend?.perPort);
  perPort.forEach((entry, i) => {
    if (entry !== null && perPort.findIndex((other) => other !== null && other.port === entry.port) !== i) {
      problems.push({ field: `spec.tls.frontend.perPort[${i}].port`, message: 'Port for TLS configuration must be unique within the Gateway.', value: entry.port, fix: 'merge the entries for this port into one.' });
    }
  });
  return problems;
}

/** The checks of {@link gatewayProblems} on one listener (`field` is `spec.listeners[i]`). */
export function listenerProblems(field: string, listener: Listener): Problem[] {
  const problems: Problem[] = [];
  const protocol = listener.protocol;
  problems.push(...defined(
    requiredProblem(`${field}.name`, listener.name, 'name the listener, e.g. "http" or "https"; routes attach to it by this sectionName.')
      ?? sectionNameProblem(`${field}.name`, listener.name),
    listener.port == null
      ? { field: `${field}.port`, message: 'is required.', fix: 'set the port, e.g. 80 for HTTP or 443 for HTTPS.' }
      : portNumberProblem(`${field}.port`, listener.port),
    // A null hostname is dropped by create and client-side apply; server-side apply's refusal is the schema walk's finding.
    listener.hostname == null ? undefined : hostnameProblem(`${field}.hostname`, listener.hostname),
  ));
  // No minimum length test: both branches of the pattern need a character.
  if (!isString(protocol) || protocol.length > 255 || !PROTOCOL.test(protocol)) {
    problems.push({ field: `${field}.protocol`, message: protocol === undefined ? 'is required.' : 'is not a valid protocol.', value: protocol, allowed: `${CORE_PROTOCOLS.join(', ')}, or a domain-prefixed protocol ("example.com/foo")`, fix: 'use HTTP or HTTPS for HTTPRoutes.' });
  }
  // A null tls is dropped by create and client-side apply (the field is not nullable), so it counts as left out here;
  // server-side apply refuses it, which the schema walk reports (kube-apiserver 1.36.2, docs/api-server-proof.md).
  const tls = listener.tls ?? undefined;
  if (tls !== undefined && ['HTTP', 'TCP', 'UDP'].includes(protocol)) {
    problems.push({ field: `${field}.tls`, message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP'].", value: protocol, fix: 'use protocol HTTPS (or TLS) for a TLS listener, or remove tls.' });
  }
  if (protocol === 'HTTPS' && tls !== undefined && tls.mode !== undefined && (tls.mode as string) !== '' && tls.mode !== 'Terminate') {
    problems.push({ field: `${field}.tls.mode`, message: 'tls mode must be Terminate for protocol HTTPS.', value: tls.mode, allowed: 'Terminate', fix: 'use protocol TLS with a TLSRoute for Passthrough, or set mode Terminate.' });
  }
  if (protocol === 'TLS' && (!tls || !tls.mode)) {
    problems.push({ field: `${field}.tls.mode`, message: 'tls mode must be set for protocol TLS.', allowed: 'Terminate, Passthrough', fix: 'set tls.mode to Passthrough (or Terminate with a certificate).' });
  }
  if ((protocol === 'TCP' || protocol === 'UDP') && isString(listener.hostname) && listener.hostname !== '') {
    problems.push({ field: `${field}.hostname`, message: "hostname must not be specified for protocols ['TCP', 'UDP'].", value: listener.hostname, fix: 'remove the hostname; TCP and UDP listeners match by port only.' });
  }
  if (protocol === 'HTTPS' && tls === undefined) {
    // Not a CRD rule since v1.6.0 (reverted before release), but the field is required for HTTPS and controllers reject the listener.
    problems.push({ field: `${field}.tls`, message: 'is required for protocol HTTPS: without it the controller cannot serve the listener.', fix: 'set tls.certificateRefs to a kubernetes.io/tls Secret holding the certificate.' });
  }
  if (tls !== undefined) problems.push(...tlsProblems(`${field}.tls`, tls, protocol));
  problems.push(...allowedRoutesProblems(`${field}.allowedRoutes`, listener.allowedRoutes));
  return problems;
}

function tlsProblems(field: string, tls: NonNullable<Listener['tls']>, protocol: string): Problem[] {
  const problems: Problem[] = [];
  problems.push(...defined(
    tls.mode === undefined ? undefined : enumProblem(`${field}.mode`, tls.mode, ['Terminate', 'Passthrough'], 'use Terminate (the default) or Passthrough.'),
    countProblem(`${field}.certificateRefs`, tls.certificateRefs, 64),
    countProblem(`${field}.options`, Object.keys(tls.options ?? {}), 16),
  ));
  const refs = items(tls.certificateRefs);
  const mode = tls.mode ?? 'Terminate';
  if (mode === 'Terminate' && refs.length === 0 && Object.keys(tls.options ?? {}).length === 0) {
    problems.push({ field, message: 'certificateRefs or options must be specified when mode is Terminate.', fix: 'add a certificateRef to the kubernetes.io/tls Secret with the certificate.' });
  } else if (protocol === 'HTTPS' && mode === 'Terminate' && refs.length === 0) {
    problems.push({ field: `${field}.certificateRefs`, message: 'is empty: an HTTPS listener needs a certificate to terminate TLS.', fix: 'add a certificateRef to the kubernetes.io/tls Secret with the certificate.' });
  }
  // A null certificateRef is the schema walk's finding alone (the API server refuses it as "must be of type object").
  refs.forEach((ref, i) => ref !== null && problems.push(...defined(
    requiredProblem(`${field}.certificateRefs[${i}].name`, ref?.name, 'set the name of the Secret.') ?? objectNameProblem(`${field}.certificateRefs[${i}].name`, ref.name),
    groupProblem(`${field}.certificateRefs[${i}].group`, ref?.group),
    kindProblem(`${field}.certificateRefs[${i}].kind`, ref?.kind, ref?.group ?? ''),
    namespaceRefProblem(`${field}.certificateRefs[${i}].namespace`, ref?.namespace),
  )));
  for (const [key, value] of Object.entries(tls.options ?? {})) {
    problems.push(...defined(lengthProblem(`${field}.options["${key}"]`, value, 0, 4096, 'shorten the option value.')));
  }
  return problems;
}

function allowedRoutesProblems(field: string, allowed: Listener['allowedRoutes']): Problem[] {
  if (!allowed) return [];
  const problems = defined(
    allowed.namespaces?.from === undefined ? undefined
      : enumProblem(`${field}.namespaces.from`, allowed.namespaces.from, ['All', 'Selector', 'Same'], 'use Same (the default), All, or Selector with a selector.'),
    countProblem(`${field}.kinds`, allowed.kinds, 8),
  );
  problems.push(...labelSelectorProblems(`${field}.namespaces.selector`, allowed.namespaces?.selector));
  items(allowed.kinds).forEach((kind, i) => problems.push(...defined(
    requiredProblem(`${field}.kinds[${i}].kind`, kind?.kind, 'set the route kind, e.g. "HTTPRoute".') ?? kindProblem(`${field}.kinds[${i}].kind`, kind.kind, kind.group ?? GATEWAY_API_GROUP),
    groupProblem(`${field}.kinds[${i}].group`, kind?.group),
  )));
  return problems;
}

/** The list-level CEL rules of `spec.listeners`: unique names, unique (port, protocol, hostname). */
export function listenerSetProblems(field: string, listeners: readonly Listener[]): Problem[] {
  const problems: Problem[] = [];
  listeners.forEach((listener, i) => {
    if (listener === null) return;
    const first = listeners.findIndex((other) => other !== null && other.name === listener.name);
    if (first !== i) {
      problems.push({ field: `${field}[${i}].name`, message: `Listener name must be unique within the Gateway (listener ${first} has it too).`, value: listener.name, fix: 'give each listener its own name, e.g. "https-shop" and "https-blog".' });
    }
    const same = listeners.findIndex((other) => other !== null && other.port === listener.port && other.protocol === listener.protocol && other.hostname === listener.hostname);
    if (same !== i) {
      problems.push({
        field: `${field}[${i}]`, message: `Combination of port, protocol and hostname must be unique for each listener (listener ${same} has the same).`,
        value: { port: listener.port, protocol: listener.protocol, hostname: listener.hostname }, fix: 'merge the two listeners, or give one another hostname or port.',
      });
    }
  });
  return problems;
}

function addressProblems(addresses: unknown): Problem[] {
  const list = items<{ type?: string; value?: string }>(addresses);
  const problems = defined(countProblem('spec.addresses', addresses, 16));
  list.forEach((address, i) => {
    const field = `spec.addresses[${i}]`;
    const type = address?.type ?? 'IPAddress';
    if (!isString(type) || type.length > 253 || !ADDRESS_TYPE.test(type)) {
      problems.push({ field: `${field}.type`, message: 'is not a valid address type.', value: type, allowed: 'IPAddress, Hostname, NamedAddress, or a domain-prefixed type', fix: 'use IPAddress (the default), Hostname or NamedAddress.' });
    }
    if (address?.value !== undefined) problems.push(...defined(lengthProblem(`${field}.value`, address.value, 0, 253, 'shorten the address.')));
    if (type === 'IPAddress' && isString(address?.value) && !isIpAddress(address.value)) {
      problems.push({ field: `${field}.value`, message: 'is not an IPv4 or IPv6 address, as type IPAddress requires.', value: address.value, allowed: 'an IP address such as "192.0.2.10" or "2001:db8::1"', fix: 'write the IP address, or set type Hostname or NamedAddress.' });
    }
    // Stryker disable next-line OptionalChaining: equivalent, a null address has the default type IPAddress, so it never reaches here.
    if (type === 'Hostname' && address?.value && !isHostnameSyntax(address.value)) {
      problems.push({ field: `${field}.value`, message: 'Hostname value must be empty or contain only valid characters.', value: address.value, allowed: HOSTNAME_RULE, fix: 'use the lowercase DNS name of the address.' });
    }
    if ((type === 'IPAddress' || type === 'Hostname') && address?.value !== undefined
      && list.findIndex((other) => (other?.type ?? 'IPAddress') === type && other?.value === address.value) !== i) {
      problems.push({ field: `${field}.value`, message: `${type} values must be unique.`, value: address.value, fix: 'remove the repeated address.' });
    }
  });
  return problems;
}
