import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { normalizeWildcardDomain, outsideDomainProblem, qualifyHost, wildcardDomainProblem } from '../core/wildcard-domain';
import { ExposedService } from '../service/exposed-service';
import { ITlsCertificateRef } from '../tls/certificate-ref';
import { certificateCoversHost } from '../tls/host-coverage';
import { IngressBackend } from './backend';
import { HttpIngress } from './http-ingress';
import { uncoveredHostProblems } from './ingress-tls';
import { hostProblem, PathType } from './ingress-validation';
import { checkProps } from '../core/props';

/**
 * ingress-nginx annotation: redirect HTTP to HTTPS (308) for hosts with TLS.
 * ingress-nginx v1.15 already does this by default (ConfigMap `ssl-redirect: "true"`),
 * but a cluster may turn it off globally, so WildcardIngress writes it explicitly.
 */
export const NGINX_SSL_REDIRECT_ANNOTATION = 'nginx.ingress.kubernetes.io/ssl-redirect';

/** One service published as `<host>.<domain>`. */
export interface WildcardRoute {
  /** A short name (`web01`, qualified with the domain) or a name exactly one label under the domain. */
  readonly host: string;
  /** The Service requests go to; it must be in the Ingress's namespace. */
  readonly service: ExposedService;
  /** The Service port, by number or name. */
  readonly port: number | string;
  /**
   * The URL path.
   * @default '/'
   */
  readonly path?: string;
  /**
   * @default 'Prefix'
   */
  readonly pathType?: PathType;
}

export interface WildcardIngressProps {
  /** The domain the wildcard DNS record and certificate are for: `cluster.example.com` for `*.cluster.example.com`. */
  readonly domain: string;
  /**
   * The certificate for `*.<domain>` (from lib/tls). Its DNS names, when known, must cover every
   * host; hosts deeper than one label or the apex need their own names in it.
   */
  readonly certificate: ITlsCertificateRef;
  /**
   * The services to publish; more with `addRoute`.
   * @default - none yet (at least one is needed by synth)
   */
  readonly routes?: WildcardRoute[];
  /**
   * `metadata.name` of the Ingress.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * @default - the chart's namespace, else "default"
   */
  readonly namespace?: string;
  /**
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * Whether plain HTTP requests are redirected to HTTPS (ingress-nginx `ssl-redirect`).
   * @default true
   */
  readonly httpsRedirect?: boolean;
  /**
   * More annotations for the Ingress.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/** A route after its host was qualified. */
export interface ResolvedWildcardRoute {
  /** The fully qualified host. */
  readonly host: string;
  /** `https://<host><path>`. */
  readonly url: string;
  readonly backend: IngressBackend;
}

/**
 * Many services behind one wildcard DNS name and one wildcard certificate:
 * each route becomes `<name>.<domain>`, listed in one TLS block with the
 * certificate's Secret, with HTTP redirected to HTTPS.
 */
export class WildcardIngress extends Construct {
  /** The Ingress object. */
  public readonly ingress: ApiObject;
  /** The HttpIngress that renders it (rules, TLS, checks). */
  public readonly httpIngress: HttpIngress;
  public readonly domain: string;
  public readonly certificate: ITlsCertificateRef;
  private readonly routeList: ResolvedWildcardRoute[] = [];
  private readonly routeHosts = new Set<string>();

  constructor(scope: Construct, id: string, props: WildcardIngressProps) {
    super(scope, id);
    checkProps(this, 'WildcardIngressProps', props);
    this.domain = normalizeWildcardDomain(props.domain);
    this.certificate = props.certificate;
    const domainProblem = wildcardDomainProblem(props.domain, this.domain);
    if (domainProblem) throw new NetkitError(this, domainProblem);
    const redirect = props.httpsRedirect ?? true;
    const annotated = props.annotations?.[NGINX_SSL_REDIRECT_ANNOTATION];
    if (annotated !== undefined && annotated !== String(redirect)) {
      throw new NetkitError(this, {
        field: 'annotations', message: `set ${NGINX_SSL_REDIRECT_ANNOTATION}: "${annotated}", which contradicts httpsRedirect (${redirect}).`,
        value: annotated, fix: `drop the annotation and set httpsRedirect: ${annotated === 'true'} instead.`,
      });
    }
    this.httpIngress = reportedHere(this, () => new HttpIngress(this, 'Ingress', {
      name: props.name ?? id,
      namespace: props.namespace,
      ingressClassName: props.ingressClassName,
      annotations: { ...props.annotations, [NGINX_SSL_REDIRECT_ANNOTATION]: String(redirect) },
    }));
    this.ingress = this.httpIngress.ingress;
    for (const route of props.routes ?? []) this.addRoute(route);
  }

  /** The fully qualified hosts, in order. */
  public get hosts(): string[] {
    return this.routeList.map((r) => r.host);
  }

  /** `https://<host>/` for every route (with its path). */
  public get urls(): string[] {
    return this.routeList.map((r) => r.url);
  }

  public get routes(): readonly ResolvedWildcardRoute[] {
    return [...this.routeList];
  }

  /** Publishes a service as `<host>.<domain>` over HTTPS. */
  public addRoute(route: WildcardRoute): ResolvedWildcardRoute {
    checkProps(this, 'WildcardRoute', route);
    const host = qualifyHost(route.host, this.domain);
    throwIfProblems(this, this.hostProblems(route.host, host));
    // The route names the port, so a port the Service lacks is this WildcardIngress's mistake, reported at its path.
    throwIfProblems(this, [route.service.portProblem(route.port, 'route.port')].filter((p): p is Problem => p !== undefined));
    const backend = IngressBackend.fromService(route.service, route.port);
    const path = route.path ?? '/';
    // What addTls refuses (a certificate in another namespace), refused before the rule is added, as addTls
    // words it. No hosts: hostProblems checked that the certificate covers this one.
    throwIfProblems(this.httpIngress, this.httpIngress.certificateProblems(`tls(${this.certificate.secretName}).hosts`, [], this.certificate));
    this.httpIngress.addRule({ host, path, pathType: route.pathType, backend });
    this.httpIngress.addTls({ hosts: [host], certificate: this.certificate });
    const resolved: ResolvedWildcardRoute = { host, url: `https://${host}${path}`, backend };
    this.routeList.push(resolved);
    this.routeHosts.add(host);
    return resolved;
  }

  private hostProblems(given: string, host: string): Problem[] {
    // The given name first, so "10.0.0.1" is reported as an IP, not as "10.0.0.1.<domain>".
    const syntax = hostProblem('route.host', given) ?? hostProblem('route.host', host);
    if (syntax) return [{ ...syntax, value: given }];
    const outside = outsideDomainProblem(given, this.domain, certificateCoversHost(this.certificate.dnsNames ?? [], host), this.certificate.dnsNames);
    if (outside) return [outside];
    const problems: Problem[] = [];
    if (this.routeHosts.has(host)) {
      problems.push({ field: 'route.host', message: `is already published as ${host}.`, value: given, allowed: 'each host once', fix: 'use another name, or a path on the existing route.' });
    }
    const label = host.slice(0, host.length - this.domain.length - 1);
    const oneLabelDown = host !== this.domain && !label.includes('.') && !label.includes('*');
    if (!oneLabelDown && !certificateCoversHost(this.certificate.dnsNames ?? [], host)) {
      problems.push({
        field: 'route.host',
        message: `${host} is not exactly one label under ${this.domain}, so the wildcard certificate *.${this.domain} does not cover it.`,
        value: given,
        allowed: `<name>.${this.domain}, or a name the certificate lists (${(this.certificate.dnsNames ?? []).join(', ') || 'its names are unknown'})`,
        fix: `use a single label such as "web01", or add ${host} to the certificate's DNS names.`,
      });
    } else {
      // Checked here too (HttpIngress.addTls would), so a refused host leaves no half-added route.
      problems.push(...uncoveredHostProblems('route.host', [host], this.certificate).map((p) => ({ ...p, field: 'route.host', value: given })));
    }
    return problems;
  }
}

/**
 * Runs `build`, reporting a NetkitError of the inner HttpIngress it creates at
 * the WildcardIngress's path: the user wrote the WildcardIngress's props, and
 * they carry the same names (name, namespace, ingressClassName, annotations).
 */
function reportedHere<T>(scope: WildcardIngress, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof NetkitError && e.path.startsWith(`${scope.node.path}/`)) throw new NetkitError(scope, e.problems);
    throw e;
  }
}
