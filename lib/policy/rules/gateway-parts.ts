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
  const routes = context.ofKind('HTTPRoute');
  const prefix = `${GATEWAY_API_GROUP}/`;
  // Made at its final size (nearly every HTTPRoute is of the group), not grown by push.
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is room only: the list grows or is trimmed to its items.
  const out: PolicyObject[] = new Array(routes.length);
  let count = 0;
  // An indexed loop without closure, the prefix written once: it runs over every route of every synth, cold.
  for (let i = 0; i < routes.length; i++) if (routes[i].apiVersion.startsWith(prefix)) out[count++] = routes[i];
  out.length = count;
  return out;
}

/**
 * The {@link gatewayParents} of every route of {@link gatewayRoutes}, route
 * after route, each knowing its route: the rules that read every parentRef
 * loop over this one list, not over the routes with a lookup per route and
 * rule. Shared: never change it.
 */
export function gatewayParentRefs(context: PolicyContext): readonly GatewayParentRef[] {
  return context.shared(allParentsOf);
}

function allParentsOf(context: PolicyContext): readonly GatewayParentRef[] {
  const routes = gatewayRoutes(context);
  // Room for one parent per route (the common case): a route with more appends, fewer trim the list at the end.
  // Each route's parents go straight into this list (no list per route, nor a map entry: gatewayParents asks for
  // few routes, and finds their parents again).
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is room only: the list grows or is trimmed to its items.
  const out: ParentRef[] = new Array(routes.length);
  let count = 0;
  // The listeners the last parentRef selected: thousands in a row name the same Gateway, sectionName and port.
  let last: ParentRef | undefined;
  for (let i = 0; i < routes.length; i++) {
    const first = count;
    count = addGatewayParents(out, count, context, routes[i]);
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the loop only fills the parents' listener caches, which selectedListeners fills when asked.
    for (let p = first; p < count; p++) {
      const parent = out[p];
      // Stryker disable next-line ConditionalExpression: equivalent, a cache left empty is filled when asked.
      if (!parent.gateway) continue;
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,OptionalChaining,AssignmentOperator: equivalent, a cache: looked up again, the same listeners.
      if (parent.gateway === last?.gateway && parent.ref.sectionName === last.ref.sectionName && parent.ref.port === last.ref.port) parent.selection ??= last.selection;
      else selectedListeners(context, parent);
      last = parent;
    }
  }
  out.length = count;
  return out;
}

/**
 * Per check: listener → its Gateway → route kind → route namespace → the
 * listener's refusal (undefined: it admits such routes). Several rules ask it
 * for each route, and thousands of routes share the answer. A route's backend
 * refs are not kept: recomputed, they die young (kept for the whole check,
 * with its parents and their listener lists, they added about 6 MiB to the
 * peak memory of a 5,000-route synth); its parents are, lean (see gatewayParents).
 */
const refusalsOf = (_context: PolicyContext) => new Map<unknown, Map<PolicyObject, Map<string, Map<string | undefined, string | undefined>>>>();

/** A parent ref as {@link gatewayParents} makes it, holding what the rules ask about it. */
interface AnsweredParentRef extends GatewayParentRef {
  selection?: Selection;
  admitting?: readonly GatewayListener[];
  accepting?: readonly GatewayListener[];
}

// Asked per Gateway (a handful per check), so kept beside the object rather than per check.
const listenersOfGateway = new WeakMap<PolicyObject, readonly GatewayListener[]>();
const certificateRefsOfGateway = new WeakMap<PolicyObject, readonly GatewayCertificateRef[]>();

export const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/** A parentRef of a route with its field path, when it names a Gateway (the default kind). */
export interface GatewayParentRef {
  /** The route whose parentRef it is. */
  readonly route: PolicyObject;
  readonly ref: any;
  readonly field: string;
  readonly namespace: string;
  /** The Gateway, when it is in the manifests. */
  readonly gateway?: PolicyObject;
  /** Whether the Gateway is declared as managed outside the manifests. */
  readonly external: boolean;
}

/**
 * A parentRef as {@link gatewayParents} makes it. Its field path is written
 * only when read (in a finding): five rules ask for the parents of every route
 * of the check, thousands of them.
 */
class ParentRef implements AnsweredParentRef {
  selection?: Selection;
  admitting?: readonly GatewayListener[];
  accepting?: readonly GatewayListener[];
  constructor(readonly route: PolicyObject, readonly ref: any, private readonly index: number, readonly namespace: string, readonly gateway: PolicyObject | undefined, readonly external: boolean) {}
  get field(): string {
    return `spec.parentRefs[${this.index}]`;
  }
}

/** Per check: route → its parents ({@link gatewayParents}). */
const parentsOf = (_context: PolicyContext) => new Map<PolicyObject, readonly GatewayParentRef[]>();

/**
 * The parentRefs of a route that name Gateways (ListenerSets and other kinds
 * are not judged). Found once per route and check: six rules ask for them. A
 * route's parents are small (their listeners are shared by the routes naming
 * the same ones, their field paths written only for a finding), so keeping
 * them for the check costs a few hundred KiB at 5,000 routes. Shared: never change it.
 */
export function gatewayParents(context: PolicyContext, route: PolicyObject): readonly GatewayParentRef[] {
  const known = context.shared(parentsOf);
  let parents = known.get(route);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!parents) known.set(route, (parents = findGatewayParents(context, route)));
  return parents;
}

function findGatewayParents(context: PolicyContext, route: PolicyObject): readonly ParentRef[] {
  const parentRefs = route.manifest.spec?.parentRefs;
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is room only: the list grows or is trimmed to its items.
  const out: ParentRef[] = new Array(Array.isArray(parentRefs) ? parentRefs.length : 0);
  out.length = addGatewayParents(out, 0, context, route);
  return out;
}

/** No names: shared, for the options that name none. */
// Stryker disable next-line ArrayDeclaration: equivalent, only a Gateway named like the made-up item would differ.
const NO_NAMES: readonly string[] = Object.freeze([]);

/** Writes the route's parents into `out` from index `count` on; returns the count after them. */
function addGatewayParents(out: ParentRef[], count: number, context: PolicyContext, route: PolicyObject): number {
  const parentRefs = route.manifest.spec?.parentRefs;
  // Asked once for every route of every synth, cold: no call to read the list.
  if (!Array.isArray(parentRefs)) return count;
  const externalGateways = context.options.externalGateways ?? NO_NAMES;
  // A hole in the list reads undefined, which names no Gateway: skipped, as forEach skipped it.
  // Stryker disable next-line EqualityOperator: equivalent, the item past the end reads undefined too.
  for (let i = 0; i < parentRefs.length; i++) {
    const ref = parentRefs[i];
    if ((ref?.group ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP || (ref?.kind ?? 'Gateway') !== 'Gateway' || typeof ref?.name !== 'string') continue;
    // Stryker disable next-line StringLiteral: equivalent, a route (namespaced) always has its namespace, `default` when unset.
    const namespace: string = ref.namespace ?? route.namespace ?? 'default';
    // The length test only spares a closure per parentRef when there are none (the common case).
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, some() of an empty list is false.
    const external = externalGateways.length > 0 && externalGateways.some((g) => g === `${namespace}/${ref.name}` || g === ref.name);
    out[count++] = new ParentRef(route, ref, i, namespace, external ? undefined : context.find('Gateway', namespace, ref.name), external);
  }
  return count;
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

/**
 * The listeners of a Gateway that a sectionName and port select, shared by
 * the parentRefs naming them (thousands of routes attach to one listener),
 * with the last answer of {@link admittingListeners} for them: routes of one
 * namespace come one after another.
 */
class Selection {
  lastKind?: string;
  lastNamespace?: string;
  lastAdmitting?: readonly GatewayListener[];
  constructor(readonly listeners: readonly GatewayListener[]) {}
}

/** The listeners a parentRef selects by sectionName and port (all, when it names neither). Shared: never change it. */
export function selectedListeners(context: PolicyContext, parent: GatewayParentRef): readonly GatewayListener[] {
  const gateway = parent.gateway;
  if (!gateway) return [];
  const answered = parent as AnsweredParentRef;
  answered.selection ??= selectionOf(context, gateway, parent.ref.sectionName, parent.ref.port);
  return answered.selection.listeners;
}

/** Per check: Gateway → sectionName → port → the selection of a parentRef naming them. */
const selectionsOf = (_context: PolicyContext) => new Map<PolicyObject, Map<unknown, Map<unknown, Selection>>>();

/** The listeners of a Gateway with that name and port (any, when undefined): thousands of routes attach to one listener, and share the answer. */
function selectionOf(context: PolicyContext, gateway: PolicyObject, sectionName: unknown, port: unknown): Selection {
  const selections = context.shared(selectionsOf);
  let byName = selections.get(gateway);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byName) selections.set(gateway, (byName = new Map()));
  let byPort = byName.get(sectionName);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byPort) byName.set(sectionName, (byPort = new Map()));
  let selection = byPort.get(port);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!selection) {
    selection = new Selection(listenersOf(gateway).filter(({ listener }) =>
      (sectionName === undefined || listener?.name === sectionName) && (port === undefined || listener?.port === port)));
    byPort.set(port, selection);
  }
  return selection;
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
  // Stryker disable next-line ArrayDeclaration: equivalent, every route these rules read is an HTTPRoute, which has its protocols.
  const protocols = ROUTE_PROTOCOLS[route.kind] ?? [];
  const kindOk = kinds.length > 0
    ? kinds.some((k: any) => k?.kind === route.kind && (k.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP)
    : protocols.includes(listener?.protocol);
  if (!kindOk) {
    return kinds.length > 0
      ? `its allowedRoutes.kinds (${kinds.map((k: any) => k?.kind).join(', ')}) do not include ${route.kind}`
      : `its protocol ${listener?.protocol} does not carry ${route.kind}s`;
  }
  const from = allowed.namespaces?.from ?? 'Same';
  if (from === 'Same' && route.namespace !== gateway.namespace) {
    return `it admits routes from its own namespace "${gateway.namespace}" only (allowedRoutes.namespaces.from: Same, the default)`;
  }
  // Stryker disable next-line StringLiteral: equivalent, a route (namespaced) always has its namespace.
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

/** The listeners this parentRef (one of the route's {@link gatewayParents}) selects that admit the route (allowedRoutes). Shared: never change it. */
export function admittingListeners(context: PolicyContext, route: PolicyObject, parent: GatewayParentRef): readonly GatewayListener[] {
  const answered = parent as AnsweredParentRef;
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (answered.admitting) return answered.admitting;
  const selected = selectedListeners(context, parent);
  // The answer depends only on the listeners, the route's kind and its namespace: the last one of the listeners is asked first.
  const last = answered.selection;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,OptionalChaining: equivalent, a cache: recomputed, the same answer.
  if (last?.lastAdmitting && last.lastKind === route.kind && last.lastNamespace === route.namespace) return (answered.admitting = last.lastAdmitting);
  // Copied only from the first listener that refuses (the common case: all admit, and the shared list is the answer).
  let admitting: GatewayListener[] | undefined;
  // Stryker disable next-line EqualityOperator: equivalent, the item past the end reads undefined, which admits no route.
  for (let i = 0; i < selected.length; i++) {
    const refused = listenerRefusal(context, parent.gateway!, selected[i].listener, route) !== undefined;
    if (refused && !admitting) admitting = selected.slice(0, i);
    else if (!refused && admitting) admitting.push(selected[i]);
  }
  answered.admitting = admitting ?? selected;
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: not kept, recomputed for the next route.
  if (last) {
    last.lastKind = route.kind;
    last.lastNamespace = route.namespace;
    last.lastAdmitting = answered.admitting;
  }
  return answered.admitting;
}

/** The listeners that accept the route through this parentRef (one of the route's {@link gatewayParents}): selected, admitting it, with an intersecting hostname. Shared: never change it. */
export function acceptingListeners(context: PolicyContext, route: PolicyObject, parent: GatewayParentRef): readonly GatewayListener[] {
  const answered = parent as AnsweredParentRef;
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!answered.accepting) {
    const admitting = admittingListeners(context, route, parent);
    // Stryker disable next-line OptionalChaining: equivalent, a route without spec has no parentRefs, so none is asked about.
    const hostnames = route.manifest.spec?.hostnames;
    // Loops, not filter and some with closures: asked for every route of the check. Copied only from the first listener whose hostname is not the route's.
    let accepting: GatewayListener[] | undefined;
    if (Array.isArray(hostnames) && hostnames.length > 0) {
      for (let i = 0; i < admitting.length; i++) {
        // Stryker disable next-line OptionalChaining: equivalent, a null listener admits no route, so it is not in the list.
        const intersects = intersectsAny(admitting[i].listener?.hostname, hostnames);
        if (!intersects && !accepting) accepting = admitting.slice(0, i);
        else if (intersects && accepting) accepting.push(admitting[i]);
      }
    }
    answered.accepting = accepting ?? admitting;
  }
  return answered.accepting;
}

/** Whether a listener hostname intersects any of the route's hostnames (holes in the list skipped, as `some` skips them). */
export function intersectsAny(listenerHost: string | undefined, hostnames: readonly unknown[]): boolean {
  // A hole must be skipped here (no hostname matches every listener).
  // Stryker disable next-line EqualityOperator: equivalent, the index past the end is not `in` the list either.
  for (let i = 0; i < hostnames.length; i++) if (i in hostnames && hostnamesIntersect(listenerHost, hostnames[i] as string | undefined)) return true;
  return false;
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
    // A null item fails the group test, so the reads after it need no `?.`; a grant with a `from` item has a spec.
    list(grant.manifest.spec?.from).some((f: any) => f?.group === GATEWAY_API_GROUP && f.kind === fromKind && f.namespace === fromNamespace)
    && list(grant.manifest.spec.to).some((t: any) => (t?.group ?? '') === '' && t?.kind === toKind && (t.name === undefined || t.name === toName)));
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
    // Stryker disable next-line StringLiteral: equivalent, a Gateway (namespaced) always has its namespace.
    const gatewayNamespace: string = gateway.namespace ?? 'default';
    refs = listenersOf(gateway).flatMap(({ listener, field }) => list(listener?.tls?.certificateRefs).flatMap((ref: any, i: number) =>
      (ref?.group ?? '') === '' && (ref?.kind ?? 'Secret') === 'Secret' && typeof ref?.name === 'string'
        ? [{ listener, ref, field: `${field}.tls.certificateRefs[${i}]`, namespace: ref.namespace ?? gatewayNamespace }]
        : []));
    certificateRefsOfGateway.set(gateway, refs);
  }
  return refs;
}

/** A Service backendRef of a route with its field path and effective namespace. */
export interface RouteServiceRef {
  /** The route whose backendRef it is. */
  readonly route: PolicyObject;
  readonly ref: any;
  readonly field: string;
  readonly namespace: string;
}

/** A {@link RouteServiceRef} whose field path is written only when read (in a finding). */
class ServiceRef implements RouteServiceRef {
  constructor(readonly route: PolicyObject, readonly ref: any, readonly namespace: string, private readonly rule: number, private readonly backend: number,
    private readonly mirror: number) {}
  get field(): string {
    const base = this.backend < 0 ? `spec.rules[${this.rule}]` : `spec.rules[${this.rule}].backendRefs[${this.backend}]`;
    return this.mirror < 0 ? base : `${base}.filters[${this.mirror}].requestMirror.backendRef`;
  }
}

/** Every Service backendRef of a route: rules' backendRefs and RequestMirror targets. */
export function routeServiceRefs(route: PolicyObject): readonly RouteServiceRef[] {
  const out: ServiceRef[] = [];
  addRouteServiceRefs(out, 0, route);
  return out;
}

/**
 * The {@link routeServiceRefs} of every route of {@link gatewayRoutes}, route
 * after route, in one list the rules loop over. Made per call, not kept: they
 * die young (kept for the whole check, a route's backend refs added to the
 * peak memory of a large synth).
 */
export function gatewayServiceRefs(context: PolicyContext): readonly RouteServiceRef[] {
  const routes = gatewayRoutes(context);
  // Room for one backendRef per route (the common case): more append, fewer trim the list at the end.
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is room only: the list grows or is trimmed to its items.
  const out: ServiceRef[] = new Array(routes.length);
  let count = 0;
  for (let i = 0; i < routes.length; i++) count = addRouteServiceRefs(out, count, routes[i]);
  out.length = count;
  return out;
}

/** Writes the route's Service refs into `out` from index `count` on (as do the two below); returns the count after them. */
function addRouteServiceRefs(out: ServiceRef[], count: number, route: PolicyObject): number {
  // Indexed loops and no closure: asked for every route by several rules. A hole in a list reads undefined,
  // which has no backendRefs or filters and names no Service: skipped, as forEach skipped it.
  const rules = route.manifest.spec?.rules;
  if (!Array.isArray(rules)) return count;
  // Stryker disable next-line EqualityOperator: equivalent, the item past the end reads undefined too.
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const backends = rule?.backendRefs;
    // Array tests before the calls: most rules and backendRefs have no filters.
    if (Array.isArray(backends)) {
      // Stryker disable next-line EqualityOperator: equivalent, the item past the end reads undefined too.
      for (let j = 0; j < backends.length; j++) {
        const backend = backends[j];
        count = addServiceRef(out, count, route, backend, i, j, -1);
        if (Array.isArray(backend?.filters)) count = addMirrors(out, count, route, backend.filters, i, j);
      }
    }
    if (Array.isArray(rule?.filters)) count = addMirrors(out, count, route, rule.filters, i, -1);
  }
  return count;
}

function addMirrors(out: ServiceRef[], count: number, route: PolicyObject, items: readonly any[], rule: number, backend: number): number {
  // Stryker disable next-line EqualityOperator: equivalent, the item past the end reads undefined, which is no RequestMirror.
  for (let k = 0; k < items.length; k++) {
    if (items[k]?.type === 'RequestMirror') count = addServiceRef(out, count, route, items[k].requestMirror?.backendRef, rule, backend, k);
  }
  return count;
}

function addServiceRef(out: ServiceRef[], count: number, route: PolicyObject, ref: any, rule: number, backend: number, mirror: number): number {
  if ((ref?.group ?? '') !== '' || (ref?.kind ?? 'Service') !== 'Service' || typeof ref?.name !== 'string') return count;
  // Stryker disable next-line StringLiteral: equivalent, a route always has its namespace.
  out[count] = new ServiceRef(route, ref, ref.namespace ?? route.namespace ?? 'default', rule, backend, mirror);
  return count + 1;
}
