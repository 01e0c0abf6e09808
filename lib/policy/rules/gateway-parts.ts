import { externalSecretNames } from '../../core/annotations';
import { GATEWAY_API_GROUP } from '../../gateway/types';
// Kubernetes LabelSelector semantics: one implementation, the NetworkPolicy evaluator's.
import { labelSelectorMatches } from '../../isolation/selectors';
import { PolicyContext } from '../context';
import { PolicyObject } from '../types';

/**
 * What the Gateway API rules share: how a route's parentRef resolves to a
 * Gateway and its listeners (spec section "Route attachment"), hostname
 * intersection, and ReferenceGrant lookup. Gateways named in the
 * `externalGateways` option are managed elsewhere and never judged.
 */

/** The route kinds these rules read, and the listener protocols that admit each when allowedRoutes.kinds is empty. */
export const ROUTE_PROTOCOLS: Record<string, readonly string[]> = { HTTPRoute: ['HTTP', 'HTTPS'] };

/** Every route these rules read (HTTPRoutes of gateway.networking.k8s.io). */
export function gatewayRoutes(context: PolicyContext): readonly PolicyObject[] {
  return context.shared(routesOf);
}

function routesOf(context: PolicyContext): readonly PolicyObject[] {
  return context.ofKind('HTTPRoute').filter((r) => r.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`));
}

/**
 * Per check: listener → its Gateway → route kind → route namespace → the
 * listener's refusal (undefined: it admits such routes). Several rules ask it
 * for each route, and thousands of routes share the answer. Answers per route
 * (its parents, backend refs) are not kept: recomputed, they die young;
 * kept for the whole check, they added about 6 MiB to the peak memory of a
 * 5,000-route synth.
 */
const refusalsOf = (_context: PolicyContext) => new Map<unknown, Map<PolicyObject, Map<string, Map<string | undefined, string | undefined>>>>();

/** A parent ref as {@link gatewayParents} makes it, holding what the rules ask about it. */
interface AnsweredParentRef extends GatewayParentRef {
  selected?: readonly GatewayListener[];
  accepting?: readonly GatewayListener[];
}

// Asked per Gateway (a handful per check), so kept beside the object rather than per check.
const listenersOfGateway = new WeakMap<PolicyObject, readonly GatewayListener[]>();
const certificateRefsOfGateway = new WeakMap<PolicyObject, readonly GatewayCertificateRef[]>();

export const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/** A parentRef of a route with its field path, when it names a Gateway (the default kind). */
export interface GatewayParentRef {
  readonly ref: any;
  readonly field: string;
  readonly namespace: string;
  /** The Gateway, when it is in the manifests. */
  readonly gateway?: PolicyObject;
  /** Whether the Gateway is declared as managed outside the manifests. */
  readonly external: boolean;
}

/** The parentRefs of a route that name Gateways (ListenerSets and other kinds are not judged). */
export function gatewayParents(context: PolicyContext, route: PolicyObject): readonly GatewayParentRef[] {
  const out: AnsweredParentRef[] = [];
  list(route.manifest.spec?.parentRefs).forEach((ref: any, i: number) => {
    if ((ref?.group ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP || (ref?.kind ?? 'Gateway') !== 'Gateway' || typeof ref?.name !== 'string') return;
    // Stryker disable next-line StringLiteral: equivalent, a route (namespaced) always has its namespace, `default` when unset.
    const namespace: string = ref.namespace ?? route.namespace ?? 'default';
    // Stryker disable next-line ArrayDeclaration: equivalent, only a Gateway named like the made-up item would differ.
    const external = (context.options.externalGateways ?? []).some((g) => g === `${namespace}/${ref.name}` || g === ref.name);
    out.push({ ref, field: `spec.parentRefs[${i}]`, namespace, gateway: external ? undefined : context.find('Gateway', namespace, ref.name), external });
  });
  return out;
}

/** A listener of a Gateway with its field path. */
export interface GatewayListener {
  readonly listener: any;
  readonly field: string;
}

/** The listeners of a Gateway. Shared: never change it. */
export function listenersOf(gateway: PolicyObject): readonly GatewayListener[] {
  let listeners = listenersOfGateway.get(gateway);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!listeners) {
    listeners = list(gateway.manifest.spec?.listeners).map((listener: any, i: number) => ({ listener, field: `spec.listeners[${i}]` }));
    listenersOfGateway.set(gateway, listeners);
  }
  return listeners;
}

/** The listeners a parentRef selects by sectionName and port (all, when it names neither). Shared: never change it. */
export function selectedListeners(parent: GatewayParentRef): readonly GatewayListener[] {
  const gateway = parent.gateway;
  if (!gateway) return [];
  const answered = parent as AnsweredParentRef;
  answered.selected ??= listenersOf(gateway).filter(({ listener }) =>
    (parent.ref.sectionName === undefined || listener?.name === parent.ref.sectionName) && (parent.ref.port === undefined || listener?.port === parent.ref.port));
  return answered.selected;
}

/** Why a listener does not admit a route of this kind from this namespace (allowedRoutes), or undefined when it does or when that cannot be told. */
export function listenerRefusal(context: PolicyContext, gateway: PolicyObject, listener: any, route: PolicyObject): string | undefined {
  // The answer depends on nothing else of the route, and thousands of routes share these: asked once.
  const refusals = context.shared(refusalsOf);
  let byGateway = refusals.get(listener);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byGateway) refusals.set(listener, (byGateway = new Map()));
  let byKind = byGateway.get(gateway);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byKind) byGateway.set(gateway, (byKind = new Map()));
  let byNamespace = byKind.get(route.kind);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byNamespace) byKind.set(route.kind, (byNamespace = new Map()));
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (byNamespace.has(route.namespace)) return byNamespace.get(route.namespace);
  const refusal = findRefusal(context, gateway, listener, route);
  byNamespace.set(route.namespace, refusal);
  return refusal;
}

function findRefusal(context: PolicyContext, gateway: PolicyObject, listener: any, route: PolicyObject): string | undefined {
  const allowed = listener?.allowedRoutes ?? {};
  const kinds = list(allowed.kinds);
  const kindOk = kinds.length > 0
    ? kinds.some((k: any) => k?.kind === route.kind && (k.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP)
    // Stryker disable next-line ArrayDeclaration: equivalent, every route these rules read is an HTTPRoute, which has its protocols.
    : (ROUTE_PROTOCOLS[route.kind] ?? []).includes(listener?.protocol);
  if (!kindOk) {
    return kinds.length > 0
      ? `its allowedRoutes.kinds (${kinds.map((k: any) => k?.kind).join(', ')}) do not include ${route.kind}`
      : `its protocol ${listener?.protocol} does not carry ${route.kind}s`;
  }
  const from = allowed.namespaces?.from ?? 'Same';
  if (from === 'Same' && route.namespace !== gateway.namespace) {
    return `it admits routes from its own namespace "${gateway.namespace}" only (allowedRoutes.namespaces.from: Same, the default)`;
  }
  return from === 'Selector' ? selectorRefusal(context, allowed.namespaces.selector, route.namespace ?? 'default') : undefined;
}

/** Why the selector does not pick the namespace (its labels: from its Namespace object, plus kubernetes.io/metadata.name); undefined when it does, or when its labels are not in the manifests and the selector needs them. */
function selectorRefusal(context: PolicyContext, selector: any, namespace: string): string | undefined {
  const object = context.find('Namespace', undefined, namespace);
  // Stryker disable next-line OptionalChaining: equivalent, a Namespace found by its name has metadata.
  const labels: Record<string, string> = { ...(object?.manifest.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
  const keys = [...Object.keys(selector?.matchLabels ?? {}), ...list(selector?.matchExpressions).map((e: any) => e?.key)];
  if (!object && keys.some((k) => k !== 'kubernetes.io/metadata.name')) return undefined;
  return labelSelectorMatches(selector ?? {}, labels) ? undefined : `its allowedRoutes.namespaces.selector does not select namespace "${namespace}"`;
}

/**
 * Whether a listener hostname and a route hostname intersect (spec: a
 * listener or route without hostname matches everything; `*.x` matches any
 * name ending in `.x`, never `x` itself).
 */
export function hostnamesIntersect(listenerHost: string | undefined, routeHost: string | undefined): boolean {
  if (!listenerHost || !routeHost) return true;
  if (listenerHost === routeHost) return true;
  return covers(listenerHost, routeHost) || covers(routeHost, listenerHost);
}

/** Whether `*.x` covers `name`: it ends in `.x`, with at least one more character before. */
function covers(wild: string, name: string): boolean {
  return wild.startsWith('*.') && name.endsWith(wild.slice(1)) && name.length > wild.length - 1;
}

/** The listeners that accept the route through this parentRef (one of the route's {@link gatewayParents}): selected, admitting it, with an intersecting hostname. Shared: never change it. */
export function acceptingListeners(context: PolicyContext, route: PolicyObject, parent: GatewayParentRef): readonly GatewayListener[] {
  const answered = parent as AnsweredParentRef;
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!answered.accepting) {
    const hostnames: string[] = list(route.manifest.spec?.hostnames);
    answered.accepting = selectedListeners(parent).filter(({ listener }) =>
      listenerRefusal(context, parent.gateway!, listener, route) === undefined
      // Stryker disable next-line OptionalChaining: equivalent, a null listener admits no route, so the line before stops it.
      && (hostnames.length === 0 || hostnames.some((h) => hostnamesIntersect(listener?.hostname, h))));
  }
  return answered.accepting;
}

const grantsByNamespace = new WeakMap<PolicyContext, Map<string, PolicyObject[]>>();

/** Whether a ReferenceGrant in `toNamespace` lets `fromKind` objects of `fromNamespace` refer to the `toKind` named `toName` (core group). */
export function referenceGranted(context: PolicyContext, fromKind: string, fromNamespace: string, toKind: string, toNamespace: string, toName: string): boolean {
  let index = grantsByNamespace.get(context);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!index) {
    index = new Map();
    for (const grant of context.ofKind('ReferenceGrant')) {
      if (!grant.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`)) continue;
      // Stryker disable next-line StringLiteral: equivalent, a ReferenceGrant (namespaced) always has its namespace.
      const ns = grant.namespace ?? 'default';
      if (!index.has(ns)) index.set(ns, []);
      index.get(ns)!.push(grant);
    }
    grantsByNamespace.set(context, index);
  }
  return (index.get(toNamespace) ?? []).some((grant) =>
    list(grant.manifest.spec?.from).some((f: any) => f?.group === GATEWAY_API_GROUP && f?.kind === fromKind && f?.namespace === fromNamespace)
    && list(grant.manifest.spec?.to).some((t: any) => (t?.group ?? '') === '' && t?.kind === toKind && (t.name === undefined || t.name === toName)));
}

/** A Gateway's certificateRef Secret declared as managed outside the manifests: `name` or `namespace/name` in its annotation, or the externalSecrets option. */
// Stryker disable next-line ArrayDeclaration: equivalent, only a Secret named like the made-up item would differ.
export function isExternalGatewaySecret(gateway: PolicyObject, namespace: string, name: string, external: readonly string[] = []): boolean {
  const annotated = externalSecretNames(gateway.manifest.metadata?.annotations);
  if (annotated.includes(`${namespace}/${name}`) || (namespace === gateway.namespace && annotated.includes(name))) return true;
  return external.includes(name) || external.includes(`${namespace}/${name}`);
}

/** A certificateRef of a listener that names a core Secret, with its field path and effective namespace. */
export interface GatewayCertificateRef {
  readonly listener: any;
  readonly ref: any;
  readonly field: string;
  readonly namespace: string;
}

/** The certificateRefs of a Gateway's listeners that name core Secrets. Shared: never change it. */
export function certificateRefs(gateway: PolicyObject): readonly GatewayCertificateRef[] {
  let refs = certificateRefsOfGateway.get(gateway);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!refs) {
    refs = listenersOf(gateway).flatMap(({ listener, field }) => list(listener?.tls?.certificateRefs).flatMap((ref: any, i: number) =>
      (ref?.group ?? '') === '' && (ref?.kind ?? 'Secret') === 'Secret' && typeof ref?.name === 'string'
        ? [{ listener, ref, field: `${field}.tls.certificateRefs[${i}]`, namespace: ref.namespace ?? gateway.namespace ?? 'default' }]
        : []));
    certificateRefsOfGateway.set(gateway, refs);
  }
  return refs;
}

/** A Service backendRef of a route with its field path and effective namespace. */
export interface RouteServiceRef {
  readonly ref: any;
  readonly field: string;
  readonly namespace: string;
}

/** Every Service backendRef of a route: rules' backendRefs and RequestMirror targets. */
export function routeServiceRefs(route: PolicyObject): readonly RouteServiceRef[] {
  const out: RouteServiceRef[] = [];
  const add = (ref: any, field: string) => {
    if ((ref?.group ?? '') !== '' || (ref?.kind ?? 'Service') !== 'Service' || typeof ref?.name !== 'string') return;
    // Stryker disable next-line StringLiteral: equivalent, a route always has its namespace.
    out.push({ ref, field, namespace: ref.namespace ?? route.namespace ?? 'default' });
  };
  const mirrors = (filters: unknown, field: string) => list(filters).forEach((f: any, k: number) => {
    if (f?.type === 'RequestMirror') add(f.requestMirror?.backendRef, `${field}.filters[${k}].requestMirror.backendRef`);
  });
  list(route.manifest.spec?.rules).forEach((rule: any, i: number) => {
    const field = `spec.rules[${i}]`;
    list(rule?.backendRefs).forEach((ref: any, j: number) => {
      add(ref, `${field}.backendRefs[${j}]`);
      mirrors(ref?.filters, `${field}.backendRefs[${j}]`);
    });
    mirrors(rule?.filters, field);
  });
  return out;
}
