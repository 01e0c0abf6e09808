import { Construct } from 'constructs';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { normalizeWildcardDomain, outsideDomainProblem, qualifyHost, wildcardDomainProblem } from '../core/wildcard-domain';
import { ExposedService } from '../service/exposed-service';
import { ITlsCertificateRef } from '../tls/certificate-ref';
import { certificateCoversHost } from '../tls/host-coverage';
import { HttpRouteBackend } from './backend';
import { AllowedNamespaces, Gateway } from './gateway';
import { HttpRoute } from './http-route';
import { sealRouteProps } from './sealed-route';
import { hostnameProblem } from './validation/fields';
import { checkProps } from '../core/props';

/** The listener names of a WildcardGateway. */
export const WILDCARD_HTTP_LISTENER = 'http';
export const WILDCARD_HTTPS_LISTENER = 'https';

/** One service published as `<host>.<domain>`. */
export interface WildcardGatewayRoute {
  /** A short name (`web01`, qualified with the domain) or a name under the domain the certificate covers. */
  readonly host: string;
  /** The Service requests go to; in another namespace than the Gateway it gets a ReferenceGrant. */
  readonly service: ExposedService;
  /** The Service port, by number or name (resolved to its number). */
  readonly port: number | string;
  /** @default '/' */
  readonly path?: string;
  /** @default 'PathPrefix' */
  readonly pathType?: 'PathPrefix' | 'Exact';
}

export interface WildcardGatewayProps {
  /** The domain of the wildcard DNS record and certificate: `cluster.example.com` for `*.cluster.example.com`. */
  readonly domain: string;
  /** The certificate for `*.<domain>` (from lib/tls); its DNS names, when known, must cover every host. */
  readonly certificate: ITlsCertificateRef;
  /** The services to publish; more with `addRoute`. @default - none yet */
  readonly routes?: WildcardGatewayRoute[];
  /** The Gateway's `metadata.name`; routes are named `<name>-<host label>`. @default - the construct id */
  readonly name?: string;
  /** The namespace of the Gateway and its routes. @default - the chart's namespace, else "default" */
  readonly namespace?: string;
  /** @default 'nginx' */
  readonly gatewayClassName?: string;
  /** Whether plain HTTP requests are redirected to HTTPS (otherwise nothing listens on HTTP). @default true */
  readonly httpsRedirect?: boolean;
  /** @default 80 */
  readonly httpPort?: number;
  /** @default 443 */
  readonly httpsPort?: number;
  /** Which namespaces' routes may attach besides the ones made here. @default 'Same' */
  readonly allowedNamespaces?: AllowedNamespaces;
}

/** A route after its host was qualified. */
export interface ResolvedWildcardGatewayRoute {
  readonly host: string;
  /** `https://<host><path>`. */
  readonly url: string;
  readonly backend: HttpRouteBackend;
  readonly route: HttpRoute;
}

/**
 * The Gateway API equal of WildcardIngress: many services behind one
 * wildcard DNS name and one wildcard certificate. One Gateway with an HTTPS
 * listener for `*.<domain>` presenting the certificate, an HTTP listener
 * whose only route redirects to HTTPS, and one HTTPRoute per service at
 * `<name>.<domain>`.
 */
export class WildcardGateway extends Construct {
  public readonly gateway: Gateway;
  /** The route redirecting HTTP to HTTPS, unless `httpsRedirect: false`. */
  public readonly redirectRoute?: HttpRoute;
  public readonly domain: string;
  public readonly certificate: ITlsCertificateRef;
  private readonly routeList: ResolvedWildcardGatewayRoute[] = [];
  /** The hosts of routeList, so that a duplicate is found without a scan (thousands of routes: a scan per route was quadratic). */
  private readonly routeHosts = new Set<string>();

  constructor(scope: Construct, id: string, props: WildcardGatewayProps) {
    super(scope, id);
    checkProps(this, 'WildcardGatewayProps', props);
    this.domain = normalizeWildcardDomain(props.domain);
    this.certificate = props.certificate;
    const domainProblem = wildcardDomainProblem(props.domain, this.domain);
    if (domainProblem) throw new NetkitError(this, domainProblem);
    const hostname = `*.${this.domain}`;
    const allowedNamespaces = props.allowedNamespaces ?? 'Same';
    const redirect = props.httpsRedirect ?? true;
    throwIfProblems(this, this.certificateProblems(hostname));
    // The Gateway checks the name, class, ports and namespaces; its refusals are re-stated under this construct and the props given here.
    this.gateway = asOwnProps(this, () => new Gateway(this, 'Gateway', {
      name: props.name ?? id,
      namespace: props.namespace,
      gatewayClassName: props.gatewayClassName,
      listeners: [
        ...(redirect ? [{ name: WILDCARD_HTTP_LISTENER, protocol: 'HTTP' as const, port: props.httpPort ?? 80, hostname, allowedNamespaces }] : []),
        { name: WILDCARD_HTTPS_LISTENER, protocol: 'HTTPS' as const, port: props.httpsPort ?? 443, hostname, certificate: props.certificate, allowedNamespaces },
      ],
    }));
    if (redirect) {
      this.redirectRoute = HttpRoute.httpsRedirect(this, 'HttpsRedirect', {
        name: `${this.gateway.name}-https-redirect`, namespace: this.gateway.namespace,
        parent: { gateway: this.gateway, sectionName: WILDCARD_HTTP_LISTENER },
      });
    }
    for (const route of props.routes ?? []) this.addRoute(route);
  }

  /** The fully qualified hosts, in order. */
  public get hosts(): string[] {
    return this.routeList.map((r) => r.host);
  }

  /** `https://<host><path>` for every route. */
  public get urls(): string[] {
    return this.routeList.map((r) => r.url);
  }

  public get routes(): readonly ResolvedWildcardGatewayRoute[] {
    return [...this.routeList];
  }

  /** Publishes a service as `<host>.<domain>` over HTTPS, with an HTTPRoute of its own. */
  public addRoute(options: WildcardGatewayRoute): ResolvedWildcardGatewayRoute {
    checkProps(this, 'WildcardGatewayRoute', options);
    const host = qualifyHost(options.host, this.domain);
    throwIfProblems(this, this.hostProblems(options.host, host));
    throwIfProblems(this, [options.service.portProblem(options.port, 'route.port')].filter((p): p is Problem => p !== undefined));
    const backend = HttpRouteBackend.fromService(options.service, options.port);
    const label = host.slice(0, host.length - this.domain.length - 1).replace(/\./g, '-');
    const path = options.path ?? '/';
    // Sealed: the rule is made here, so the route's synth need not check again what its constructor checked.
    const route = new HttpRoute(this, `Route-${host}`, sealRouteProps({
      name: `${this.gateway.name}-${label}`,
      namespace: this.gateway.namespace,
      parents: [{ gateway: this.gateway, sectionName: WILDCARD_HTTPS_LISTENER }],
      hostnames: [host],
      rules: [{ path, pathType: options.pathType, backends: [backend] }],
    }));
    const resolved: ResolvedWildcardGatewayRoute = { host, url: `https://${host}${path}`, backend, route };
    this.routeList.push(resolved);
    this.routeHosts.add(host);
    return resolved;
  }

  /** The certificate must cover the listener's `*.<domain>`, or every client rejects the connection. */
  private certificateProblems(hostname: string): Problem[] {
    const names = this.certificate.dnsNames;
    if (names === undefined || certificateCoversHost(names, hostname)) return [];
    return [{
      field: 'certificate', message: `in Secret "${this.certificate.secretName}" does not cover ${hostname}, the host of the HTTPS listener; clients would reject the connection.`,
      value: names, allowed: `DNS names covering ${hostname}`, fix: `add "${hostname}" to the certificate's DNS names, or give the certificate made for ${this.domain}.`,
    }];
  }

  private hostProblems(given: string, host: string): Problem[] {
    const syntax = hostnameProblem('route.host', given.toLowerCase()) ?? hostnameProblem('route.host', host);
    if (syntax) return [{ ...syntax, value: given }];
    const names = this.certificate.dnsNames;
    // Computed once: both the outside-the-domain check and the coverage check below need it, for each of thousands of routes.
    const covered = names === undefined || certificateCoversHost(names, host);
    const outside = outsideDomainProblem(given, this.domain, covered, names);
    if (outside) return [outside];
    if (this.routeHosts.has(host)) {
      return [{ field: 'route.host', message: `is already published as ${host}.`, value: given, allowed: 'each host once', fix: 'use another name.' }];
    }
    if (host === this.domain || host.startsWith('*.')) {
      return [{ field: 'route.host', message: `${host} is not matched by the listener *.${this.domain} (a wildcard never matches the apex, and a route per app needs one host).`, value: given, allowed: `<name>.${this.domain}`, fix: 'use a single label such as "web01"; serve the apex with a Gateway listener of its own.' }];
    }
    if (names !== undefined && !covered) {
      return [{
        field: 'route.host', message: `${host} is not covered by the certificate in Secret "${this.certificate.secretName}" (a "*.${this.domain}" name covers exactly one label).`,
        value: given, allowed: names.join(', ') || 'none', fix: `use a single label such as "web01", or add ${host} to the certificate's DNS names.`,
      }];
    }
    return [];
  }
}

/** The WildcardGateway prop each field of its Gateway comes from. */
function ownField(field: string): string {
  if (field === 'metadata.name') return 'name';
  if (field === 'metadata.namespace') return 'namespace';
  if (field === `listener(${WILDCARD_HTTP_LISTENER}).port`) return 'httpPort';
  if (field === `listener(${WILDCARD_HTTPS_LISTENER}).port`) return 'httpsPort';
  if (/^listener\([^)]*\)\.allowedRoutes\b/.test(field)) return 'allowedNamespaces';
  const inAllowed = /^listener\([^)]*\)\.allowedNamespaces(\W.*)?$/.exec(field);
  if (inAllowed) return `allowedNamespaces${inAllowed[1] ?? ''}`;
  return field;
}

/**
 * Makes an inner construct; a NetkitError it throws is thrown again under
 * `scope` with the fields renamed to the props the user gave (each problem once:
 * both listeners report a bad allowedNamespaces).
 */
function asOwnProps<T>(scope: Construct, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof NetkitError)) throw e;
    const problems = e.problems.map((p) => ({ ...p, field: ownField(p.field) }));
    throw new NetkitError(scope, problems.filter((p, i) => problems.findIndex((q) => q.field === p.field && q.message === p.message) === i));
  }
}
