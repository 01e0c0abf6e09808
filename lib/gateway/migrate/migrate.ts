import { externalSecretNames } from '../../core/annotations';
import { Problem } from '../../core/errors';
import { nameCoversHost } from '../../tls/host-coverage';
import { gatewayProblems, hostnameProblem, httpPathProblems, httpRouteProblems, referenceGrantProblems } from '../validation';
import { backendRef, serviceIndex, ServiceIndex } from './backends';
import { GatewayPlan, hostSlug, HTTP_LISTENER, secretGrants } from './gateway-plan';
import { convertPath } from './paths';
import { httpRoutes, packRules, RouteEntry } from './route-packing';
import { mergeCanary } from './canary';
import { Entry, HostPlan, matchKey, rulesOf, Source, toSource } from './sources';
import { MigrateOptions, MigrationInput, MigrationResult } from './types';

const isInput = (item: any): item is MigrationInput => item && typeof item === 'object' && 'manifest' in item && !('kind' in item);

/**
 * Converts Ingresses (networking.k8s.io/v1, any controller) and their
 * ingress-nginx annotations into Gateway API objects: a Gateway per
 * namespace and ingress class (or one shared, `gatewayNamespace`), HTTPRoutes
 * per Ingress and host (split to stay within the CRD limits), an HTTP → HTTPS
 * redirect route where ingress-nginx redirected, and ReferenceGrants where a
 * Gateway reads a Secret of another namespace. Pure: pass the manifests
 * (`ingress.toManifest()` of an HttpIngress, or `readManifests(...)`); the
 * input's Services turn named ports into numbers. Every Ingress gets a report
 * of what was not converted and what behaves differently.
 */
export function migrateIngresses(input: ReadonlyArray<MigrationInput | Record<string, any>>, options: MigrateOptions = {}): MigrationResult {
  const items: MigrationInput[] = input.map((item) => (isInput(item) ? item : { manifest: item }));
  const services = serviceIndex(items.map((i) => i.manifest));
  const redirectCode = options.redirectStatusCode ?? 301;
  const gateways = new Map<string, GatewayPlan>();
  const sources: Source[] = items.filter((i) => i.manifest?.kind === 'Ingress').map((item) => toSource(item));
  const convertible = sources.filter((s) => {
    if (s.manifest.apiVersion === 'networking.k8s.io/v1') return true;
    s.report.notConverted.push({ field: 'apiVersion', message: 'not converted: only networking.k8s.io/v1 Ingresses are read.', value: s.manifest.apiVersion, fix: 'convert the Ingress to networking.k8s.io/v1 first (kubectl convert).' });
    return false;
  });
  // ingress-nginx turns regex matching on for a whole host when any of its Ingresses asks for it (canaries aside).
  const regexHosts = new Set(convertible.filter((s) => !s.settings.canary && (s.settings.useRegex || s.settings.rewriteTarget !== undefined))
    .flatMap((s) => rulesOf(s.manifest).map((r: any) => `${s.ingressClass}\u0000${r?.host ?? ''}`)));
  const plans: HostPlan[] = [];
  const mains = new Map<string, { plan: HostPlan; entry: Entry }>();
  for (const source of convertible.filter((s) => !s.settings.canary)) {
    const gatewayNamespace = options.gatewayNamespace ?? source.namespace;
    const gatewayName = source.ingressClass || 'default';
    const key = `${gatewayNamespace}/${gatewayName}`;
    if (!gateways.has(key)) gateways.set(key, new GatewayPlan(gatewayNamespace, gatewayName, options.gatewayClassName ?? 'nginx'));
    const gateway = gateways.get(key)!;
    gateway.admit(source.namespace);
    for (const plan of planHosts(source, gateway, regexHosts, services)) {
      plans.push(plan);
      for (const entry of plan.entries) mains.set(matchKey(source, plan.host, entry.match), { plan, entry });
    }
  }
  for (const canary of convertible.filter((s) => s.settings.canary)) mergeCanary(canary, mains, services);

  const routes: Array<{ route: any; sources: Source[]; gateway: GatewayPlan }> = [];
  const taken = new Map<string, Set<string>>();
  for (const plan of plans) {
    const { source } = plan;
    if (!taken.has(source.namespace)) taken.set(source.namespace, new Set());
    const names = taken.get(source.namespace)!;
    const hostnames = plan.host ? [plan.host] : [];
    const written = httpRoutes(plan.routeBase, source.namespace, names, plan.parentRefs, hostnames, packRules(plan.entries));
    if (plan.redirectFrom) {
      if (redirectCode !== 308 && !source.report.changed.some((c) => c.field === 'spec.tls')) {
        source.report.changed.push({ field: 'spec.tls', message: `HTTP requests are redirected to HTTPS with ${redirectCode}; ingress-nginx answered 308, which keeps the method and body of a POST.`, value: redirectCode, fix: 'pass redirectStatusCode 308 (--redirect-code 308) if your Gateway implementation supports it (an Extended feature).' });
      }
      const redirect = [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: redirectCode } }];
      written.push(...httpRoutes(`${plan.routeBase}-redirect`, source.namespace, names, [plan.redirectFrom], hostnames,
        packRules(plan.entries.map((e) => ({ match: e.match, filters: redirect })))));
    }
    const contributors = [...new Set([source, ...plan.entries.flatMap((e) => e.canaries ?? [])])];
    for (const route of written) routes.push({ route, sources: contributors, gateway: plan.gateway });
  }
  // The Ingresses behind each Gateway, in input order; a Gateway no route uses is not written.
  const users = new Map<GatewayPlan, Set<Source>>();
  for (const r of routes) for (const s of r.sources) users.set(r.gateway, (users.get(r.gateway) ?? new Set()).add(s));
  const inOrder = (set: ReadonlySet<Source>) => sources.filter((s) => set.has(s));
  const sortedGateways = [...users.keys()].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const anyUser = new Set([...users.values()].flatMap((set) => [...set]));
  const candidates: Array<{ object: any; sources: Source[]; problems: Problem[] }> = [
    ...sortedGateways.map((g) => ({ object: g.toManifest(), sources: inOrder(users.get(g)!), check: gatewayProblems })),
    ...secretGrants(sortedGateways).map((grant) => ({ object: grant, sources: sources.filter((s) => s.namespace === grant.metadata.namespace && anyUser.has(s)), check: referenceGrantProblems })),
    ...routes.map(({ route, sources: s }) => ({ object: route, sources: s, check: httpRouteProblems })),
  ].map(({ object, sources: s, check }) => ({ object, sources: s, problems: check(object) }));
  const objects: any[] = [];
  // A last guard: an object the API server would reject is not written; each Ingress behind it says why.
  for (const { object, sources: s, problems } of candidates) {
    const what = `${object.kind} ${object.metadata.namespace}/${object.metadata.name}`;
    if (problems.length === 0) {
      objects.push(object);
      for (const source of s) if (!source.report.wrote.includes(what)) source.report.wrote.push(what);
      continue;
    }
    for (const source of s) {
      source.report.notConverted.push(...problems.map((p) => ({ ...p, field: `${what} ${p.field}`, message: `not converted: the API server would reject it: ${p.message}` })));
    }
  }
  return {
    // Copies, so no two objects share a part (a YAML writer would print anchors and aliases).
    objects: objects.map((o) => JSON.parse(JSON.stringify(o))),
    ingresses: sources.map((s) => s.report),
  };
}

/** The host plans of one Ingress: one per host (rules naming the same host merge), plus its default backend. */
function planHosts(source: Source, gateway: GatewayPlan, regexHosts: ReadonlySet<string>, services: ServiceIndex): HostPlan[] {
  const { manifest, settings, report } = source;
  const byHost = new Map<string, HostPlan>();
  const plans: HostPlan[] = [];
  rulesOf(manifest).forEach((rule: any, r: number) => {
    const host: string | undefined = rule?.host || undefined;
    const paths: any[] = Array.isArray(rule?.http?.paths) ? rule.http.paths : [];
    if (paths.length === 0) {
      report.changed.push({ field: `spec.rules[${r}]`, message: `has no paths: ingress-nginx answered host "${host ?? '*'}" with its default backend; no route is written for it.`, value: host, fix: 'add paths if the host must serve something.' });
      return;
    }
    let plan = byHost.get(host ?? '');
    if (!plan) {
      const made = hostPlan(source, host, gateway, r);
      if (!made) return;
      byHost.set(host ?? '', (plan = made));
      plans.push(plan);
    }
    const regexMode = regexHosts.has(`${source.ingressClass}\u0000${host ?? ''}`);
    paths.forEach((entry: any, p: number) => {
      const field = `spec.rules[${r}].http.paths[${p}]`;
      const converted = convertPath(field, entry, regexMode, settings.rewriteTarget);
      if (converted.changed) report.changed.push(converted.changed);
      if (!converted.converted) {
        report.notConverted.push(converted.notConverted!);
        return;
      }
      const { type, value } = converted.converted.path;
      const rejected = httpPathProblems(`${field}.path`, type, value);
      if (rejected.length > 0) {
        report.notConverted.push(...rejected.map((p) => ({ ...p, field: `${field}.path`, message: `not converted: an HTTPRoute ${type} path ${p.message}` })));
        return;
      }
      const routeEntry = entryFor(source, converted.converted, entry?.backend, `${field}.backend`, services);
      if (routeEntry) plan!.entries.push(routeEntry);
    });
  });
  if (settings.appRoot !== undefined) {
    for (const plan of plans) {
      plan.entries.unshift({ match: { path: { type: 'Exact', value: '/' } }, filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: settings.appRoot }, statusCode: 302 } }] });
    }
  }
  if (manifest.spec?.defaultBackend) {
    const entry = entryFor(source, { path: { type: 'PathPrefix', value: '/' } }, manifest.spec.defaultBackend, 'spec.defaultBackend', services);
    if (entry) {
      plans.push({ source, gateway, entries: [entry], parentRefs: [gateway.parentRef(source.namespace, HTTP_LISTENER)], routeBase: `${source.name}-default-backend` });
      report.changed.push({ field: 'spec.defaultBackend', message: 'is written as a route with no hostname on the HTTP listener: it answers requests no other route matches, over HTTP only.', fix: 'attach it to an HTTPS listener too if clients reached it over HTTPS.' });
    }
  }
  return plans.filter((p) => p.entries.length > 0);
}

/** Where one host's routes attach: HTTPS when a tls entry covers it, HTTP otherwise or as well (ssl-redirect "false"). */
function hostPlan(source: Source, host: string | undefined, gateway: GatewayPlan, r: number): HostPlan | undefined {
  const { manifest, settings, report, namespace } = source;
  const routeBase = `${source.name}-${hostSlug(host)}`;
  const http = gateway.parentRef(namespace, HTTP_LISTENER);
  const tls: any[] = Array.isArray(manifest.spec?.tls) ? manifest.spec.tls : [];
  const t = host === undefined ? -1 : tls.findIndex((e) => Array.isArray(e?.hosts) && e.hosts.some((h: unknown) => typeof h === 'string' && nameCoversHost(h, host)));
  const redirectAsked = settings.sslRedirect !== false || settings.forceSslRedirect;
  if (t === -1 || typeof tls[t].secretName !== 'string' || !tls[t].secretName) {
    if (t !== -1) {
      report.notConverted.push({ field: `spec.tls[${t}].secretName`, message: `not converted: without a secretName ingress-nginx served host "${host}" with its default certificate; a Gateway HTTPS listener needs a certificateRef, so the host is served over HTTP only.`, value: tls[t].secretName, fix: 'name the TLS Secret of the host.' });
    } else if (host !== undefined) {
      report.changed.push({ field: `spec.rules[${r}].host`, message: `has no tls entry: ingress-nginx also answered it over HTTPS with its default certificate; the Gateway serves it over HTTP only.`, value: host, fix: 'add a tls entry with the host\'s certificate if clients use HTTPS.' });
    }
    if (settings.forceSslRedirect && host !== undefined) {
      report.notConverted.push({ field: 'metadata.annotations["nginx.ingress.kubernetes.io/force-ssl-redirect"]', message: `not converted for host "${host}": it has no certificate, so the Gateway has no HTTPS listener to redirect to.`, value: 'true', fix: 'add a tls entry with a secretName for the host, then migrate again.' });
    }
    return { source, host, gateway, entries: [], parentRefs: [http], routeBase };
  }
  const entry = tls[t];
  const listenerHost: string = entry.hosts.find((h: string) => h === host) ?? entry.hosts.find((h: string) => nameCoversHost(h, host!));
  const badHost = hostnameProblem(`spec.tls[${t}].hosts`, listenerHost);
  if (badHost) {
    report.notConverted.push({ ...badHost, message: `not converted: a listener hostname ${badHost.message}` });
    return undefined;
  }
  const external = externalSecretNames(manifest.metadata?.annotations).includes(entry.secretName);
  const listener = gateway.httpsListener(listenerHost, namespace, entry.secretName, `${namespace}/${source.name}`, external);
  if (listener.changed) report.changed.push({ ...listener.changed, field: `spec.tls[${t}].secretName` });
  if (!listener.name) {
    report.notConverted.push({ ...listener.problem!, field: `spec.tls[${t}].hosts` });
    return undefined;
  }
  const https = gateway.parentRef(namespace, listener.name);
  if (!redirectAsked) return { source, host, gateway, entries: [], parentRefs: [http, https], routeBase };
  return { source, host, gateway, entries: [], parentRefs: [https], redirectFrom: http, routeBase };
}

/** The route entry of one path: the match, then the Ingress's filters and backend (or its annotated redirect instead). */
function entryFor(source: Source, converted: { path: unknown; urlRewrite?: Record<string, unknown> }, backend: any, field: string, services: ServiceIndex): RouteEntry | undefined {
  const { settings, report, namespace } = source;
  const match = { path: converted.path };
  if (settings.redirect) {
    const { statusCode, path, ...target } = settings.redirect;
    return { match, filters: [{ type: 'RequestRedirect', requestRedirect: { ...target, path: { type: 'ReplaceFullPath', replaceFullPath: path }, statusCode } }] };
  }
  const resolved = backendRef(backend, namespace, field, services);
  if (!resolved.ref) {
    report.notConverted.push(resolved.problem!);
    return undefined;
  }
  const filters: Array<Record<string, unknown>> = [];
  if (settings.setHeaders.length > 0) filters.push({ type: 'RequestHeaderModifier', requestHeaderModifier: { set: settings.setHeaders } });
  if (converted.urlRewrite) filters.push({ type: 'URLRewrite', urlRewrite: converted.urlRewrite });
  if (settings.cors) filters.push({ type: 'CORS', cors: settings.cors });
  return { match, filters, backendRefs: [resolved.ref] };
}
