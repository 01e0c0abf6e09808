import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IIngressRule } from 'kubernetes-models/networking.k8s.io/v1/IngressRule';
import type { IIngressTLS } from 'kubernetes-models/networking.k8s.io/v1/IngressTLS';
import { EXTERNAL_SECRETS_ANNOTATION } from '../core/annotations';
import { formatProblem, NetkitError, Problem, throwIfProblems } from '../core/errors';
import { annotationProblems, labelProblems, namespaceProblems } from '../core/metadata-validation';
import { addWarning } from '../core/warnings';
import { recommendedLabels } from '../core/labels';
import { IngressBackend } from './backend';
import { HTTP_INGRESS_MARK, ingressConflictProblemsInOrder, isHttpIngressConstruct } from './conflicts';
import { hostProblem, ingressProblems, PathType } from './ingress-validation';
import { IngressRouteIndex } from './route-index';
import { ITlsCertificateRef } from '../tls/certificate-ref';
import { IngressTlsOptions, isManagedOutside, renderTls, ResolvedIngressTls, uncoveredHostProblems } from './ingress-tls';
import { checkProps } from '../core/props';

/** The IngressClass of ingress-nginx, the controller this library deploys and documents. */
export const DEFAULT_INGRESS_CLASS = 'nginx';

// ingress-nginx internal/ingress/inspector (validPathType), enforced by its admission webhook when
// the ConfigMap key strict-validate-path-type is true, its default in current releases.
const NGINX_STRICT_PATH = /^\/[A-Za-z0-9_\-/]*$/;

/** One routing rule: requests for a host and path go to a backend. */
export interface IngressRuleOptions {
  /**
   * The host, e.g. `www.example.com` or `*.example.com` (the wildcard only as the whole first label).
   * @default - every host (the rule has no host)
   */
  readonly host?: string;
  /**
   * The URL path.
   * @default '/'
   */
  readonly path?: string;
  /**
   * How `path` matches: `Prefix` by whole path segments, `Exact`, or as the controller likes.
   * @default 'Prefix'
   */
  readonly pathType?: PathType;
  /** Where matching requests go. */
  readonly backend: IngressBackend;
}

export interface HttpIngressProps {
  /**
   * `metadata.name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The Ingress's namespace; every backend Service must be in it.
   * @default - the chart's namespace, else "default"
   */
  readonly namespace?: string;
  /**
   * The IngressClass that serves this Ingress.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * Host and path rules; more can be added with `addRule`.
   * @default - none (then a default backend is required)
   */
  readonly rules?: IngressRuleOptions[];
  /**
   * Where requests that match no rule go.
   * @default - the controller's own default backend (ingress-nginx answers 404)
   */
  readonly defaultBackend?: IngressBackend;
  /**
   * TLS blocks; more can be added with `addTls`. Blocks with the same Secret are merged.
   * @default - plain HTTP only
   */
  readonly tls?: IngressTlsOptions[];
  /**
   * Annotations, e.g. ingress-nginx's `nginx.ingress.kubernetes.io/rewrite-target`.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Extra labels, next to the recommended `app.kubernetes.io/*` ones.
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/** A rule after defaults. */
export interface ResolvedIngressRule {
  readonly host?: string;
  readonly path: string;
  readonly pathType: PathType;
  readonly backend: IngressBackend;
}

/**
 * A networking.k8s.io/v1 Ingress: host and path rules to typed Service
 * backends, TLS blocks from certificates, checked as the API server would at
 * construct time and against the other Ingresses of the app at synth.
 */
export class HttpIngress extends Construct {
  /** The Ingress object. */
  public readonly ingress: ApiObject;
  public readonly name: string;
  public readonly namespace: string;
  public readonly ingressClassName: string;
  private readonly ruleList: ResolvedIngressRule[] = [];
  private readonly tlsList: ResolvedIngressTls[] = [];
  private readonly annotations: Record<string, string>;
  private readonly labels: Record<string, string>;
  private defaultBackendRef?: IngressBackend;
  private readonly routeIndex = new IngressRouteIndex();
  /** `spec.rules` and `spec.tls` as last rendered for `sharedManifest`, with how many rules and TLS blocks they hold. */
  private renderedRoutes?: RenderedRoutes;

  constructor(scope: Construct, id: string, props: HttpIngressProps = {}) {
    super(scope, id);
    checkProps(this, 'HttpIngressProps', props);
    Object.defineProperty(this, HTTP_INGRESS_MARK, { value: true });
    changed(this);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.ingressClassName = props.ingressClassName ?? DEFAULT_INGRESS_CLASS;
    this.annotations = { ...props.annotations };
    this.labels = { ...props.labels, ...recommendedLabels({ name: this.name, instance: this.name, component: 'ingress' }) };
    // Checks what exists now; "neither rules nor default backend" waits for synth, since rules may come later.
    throwIfProblems(this, [
      ...namespaceProblems('namespace', props.namespace),
      ...labelProblems('labels', props.labels),
      ...annotationProblems('annotations', props.annotations),
      ...this.eagerProblems(),
    ]);

    this.ingress = new ApiObject(this, 'Ingress', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: { ...this.labels },
        ...(Object.keys(this.annotations).length > 0 ? { annotations: { ...this.annotations } } : {}),
      },
      spec: Lazy.any({ produce: () => this.sharedManifest().spec }),
    });

    if (props.defaultBackend) this.setDefaultBackend(props.defaultBackend);
    for (const rule of props.rules ?? []) this.addRule(rule);
    for (const tls of props.tls ?? []) this.addTls(tls);

    this.node.addValidation({
      validate: () => {
        const problems = [...this.synthProblems(), ...appConflicts(this)];
        return problems.map((p) => formatProblem(p));
      },
    });
  }

  /** The rules, in the order they were added. */
  public get rules(): readonly ResolvedIngressRule[] {
    return [...this.ruleList];
  }

  /** The TLS blocks, in the order they were added. */
  public get tls(): readonly ResolvedIngressTls[] {
    return [...this.tlsList];
  }

  public get defaultBackend(): IngressBackend | undefined {
    return this.defaultBackendRef;
  }

  /** Every distinct host of the rules, in order. */
  public get hosts(): string[] {
    return [...new Set(this.ruleList.flatMap((r) => (r.host !== undefined ? [r.host] : [])))];
  }

  /** Routes a host and path to a backend. Errors for a bad host or path, a duplicate, or a backend in another namespace. */
  public addRule(options: IngressRuleOptions): ResolvedIngressRule {
    checkProps(this, 'IngressRuleOptions', options);
    // Key by key, not `{ ...(host ? { host } : {}), path }`: lib/core/own-keys.ts says why (one per route).
    const rule: ResolvedIngressRule = options.host !== undefined
      ? { host: options.host, path: options.path ?? '/', pathType: options.pathType ?? 'Prefix', backend: options.backend }
      : { path: options.path ?? '/', pathType: options.pathType ?? 'Prefix', backend: options.backend };
    const problems: Problem[] = [...this.backendNamespaceProblems('rule.backend', rule.backend)];
    // Host and path name the rule, so an Ingress with many rules says which backend is wrong.
    const portProblem = rule.backend.portProblem(`rule(${rule.host ?? '*'}${rule.path}).backend.port`);
    if (portProblem) problems.push(portProblem);
    if (this.routeIndex.hasRoute(rule)) {
      problems.push({
        field: 'rule', message: `routes host "${rule.host ?? '*'}" and path "${rule.path}" a second time.`, value: { host: rule.host, path: rule.path },
        allowed: 'each host and path once per Ingress', fix: 'remove the duplicate rule, or use another path.',
      });
    }
    throwIfProblems(this, problems);
    // The whole manifest passed before, so only the top level and this rule's entry can fail.
    throwIfProblems(this, [...this.topLevelProblems(), ...this.routeIndex.ruleProblems(rule)]);
    this.ruleList.push(rule);
    this.routeIndex.addRule(rule);
    changed(this);
    if (rule.pathType !== 'ImplementationSpecific' && !NGINX_STRICT_PATH.test(rule.path)) {
      addWarning(this, `path "${rule.path}" (pathType ${rule.pathType}) has characters other than letters, digits, "/", "_" and "-": ingress-nginx rejects it with its default strict-validate-path-type: true. Use pathType ImplementationSpecific for regex or dotted paths.`);
    }
    return rule;
  }

  /** Serves hosts over HTTPS with a certificate (or a Secret managed elsewhere). */
  public addTls(options: IngressTlsOptions): ResolvedIngressTls {
    checkProps(this, 'IngressTlsOptions', options);
    const field = `tls(${options.certificate?.secretName ?? options.secretName ?? ''}).hosts`;
    const problems: Problem[] = [];
    if ((options.certificate === undefined) === (options.secretName === undefined)) {
      problems.push({ field: 'tls', message: 'needs exactly one of certificate and secretName.', value: { secretName: options.secretName, certificate: options.certificate?.secretName }, fix: 'give the certificate from lib/tls, or the name of a Secret managed elsewhere.' });
    }
    if (options.hosts.length === 0) {
      problems.push({ field, message: 'is empty.', allowed: 'at least one host', fix: 'list the hosts this certificate serves.' });
    }
    options.hosts.forEach((host, i) => {
      const problem = hostProblem(`${field}[${i}]`, host);
      if (problem) problems.push(problem);
    });
    const certificate = options.certificate;
    if (certificate) problems.push(...this.certificateProblems(field, options.hosts, certificate));
    throwIfProblems(this, problems);
    const tls: ResolvedIngressTls = {
      hosts: [...options.hosts],
      secretName: certificate?.secretName ?? options.secretName!,
      ...(certificate ? { certificate } : {}),
      external: certificate === undefined || isManagedOutside(certificate),
    };
    throwIfProblems(this, [...this.topLevelProblems(), ...this.routeIndex.tlsProblems(tls)]);
    this.tlsList.push(tls);
    changed(this);
    const externalSecrets = this.routeIndex.addTls(tls);
    if (externalSecrets !== undefined) this.ingress.metadata.addAnnotation(EXTERNAL_SECRETS_ANNOTATION, externalSecrets);
    return tls;
  }

  /**
   * What `addTls` refuses in a certificate for these hosts: hosts it does not
   * cover, and a certificate in another namespace. Public so that a construct
   * adding a rule and its TLS block together can check before the rule.
   */
  public certificateProblems(field: string, hosts: readonly string[], certificate: ITlsCertificateRef): Problem[] {
    const problems = uncoveredHostProblems(field, hosts, certificate);
    if (certificate.namespace !== undefined && certificate.namespace !== this.namespace) {
      problems.push({ field: 'tls.certificate', message: `is in namespace "${certificate.namespace}"; an Ingress can only use Secrets in its own namespace ("${this.namespace}").`, value: certificate.secretName, fix: 'create the certificate in the Ingress\'s namespace.' });
    }
    return problems;
  }

  /** Sets where requests that match no rule go (once). */
  public setDefaultBackend(backend: IngressBackend): void {
    if (this.defaultBackendRef) {
      throw new NetkitError(this, { field: 'defaultBackend', message: 'is already set.', value: backend.toString(), allowed: 'one default backend', fix: `keep only one default backend (the current one is ${this.defaultBackendRef}).` });
    }
    const portProblem = backend.portProblem('defaultBackend.port');
    throwIfProblems(this, [...this.backendNamespaceProblems('defaultBackend', backend), ...(portProblem ? [portProblem] : [])]);
    this.defaultBackendRef = backend;
    changed(this);
    this.throwOnInvalidManifest(() => { this.defaultBackendRef = undefined; });
  }

  /** The Ingress as the API server will see it (before JSON patches on `ingress`). A new object on every call. */
  public toManifest(): IIngress {
    return this.manifestWith(this.renderRoutes());
  }

  /**
   * `toManifest()` with `spec.rules` and `spec.tls` rendered once per change
   * and shared between calls, for the synth's own readers (the written spec,
   * the checks across Ingresses), which do not modify it: with thousands of
   * routes, rendering them for each showed in the synth time.
   */
  private sharedManifest(): IIngress {
    const cached = this.renderedRoutes;
    // Both lists only grow, so their lengths tell whether the rendering is current.
    if (cached?.ruleCount === this.ruleList.length && cached.tlsCount === this.tlsList.length) return this.manifestWith(cached);
    this.renderedRoutes = { ...this.renderRoutes(), ruleCount: this.ruleList.length, tlsCount: this.tlsList.length };
    return this.manifestWith(this.renderedRoutes);
  }

  /** `spec.rules`, one entry per host in first-seen order, and `spec.tls`. */
  private renderRoutes(): Routes {
    const byHost = new Map<string, IIngressRule>();
    for (const rule of this.ruleList) {
      const key = rule.host ?? '';
      let entry = byHost.get(key);
      if (!entry) {
        entry = rule.host !== undefined ? { host: rule.host, http: { paths: [] } } : { http: { paths: [] } };
        byHost.set(key, entry);
      }
      entry.http!.paths.push({ path: rule.path, pathType: rule.pathType, backend: rule.backend.toJson() });
    }
    return { rules: [...byHost.values()], tls: renderTls(this.tlsList) };
  }

  private manifestWith(routes: Routes): IIngress {
    const head = this.manifestWithoutRoutes();
    return {
      ...head,
      spec: {
        ...head.spec,
        ...(routes.tls.length > 0 ? { tls: routes.tls } : {}),
        ...(routes.rules.length > 0 ? { rules: routes.rules } : {}),
      },
    };
  }

  /** The manifest without `spec.rules` and `spec.tls`. */
  private manifestWithoutRoutes(): IIngress {
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: this.name, namespace: this.namespace, labels: { ...this.labels },
        annotations: this.currentAnnotations(),
      },
      spec: {
        ingressClassName: this.ingressClassName,
        ...(this.defaultBackendRef ? { defaultBackend: this.defaultBackendRef.toJson() } : {}),
      },
    };
  }

  /**
   * The annotations as they will be written, including any added through
   * `ingress.metadata` since. Read from cdk8s' metadata object rather than
   * `metadata.toJson()`, which resolves the whole metadata: this runs for
   * every rule added, thousands of times in a large WildcardIngress.
   */
  private currentAnnotations(): Record<string, string> {
    // Before the ApiObject exists (checks in the constructor) the props' annotations are all there are.
    if (!this.ingress) return this.annotations;
    const live = (this.ingress.metadata as unknown as { annotations?: Record<string, unknown> }).annotations;
    const plain = live !== null && typeof live === 'object' && Object.values(live).every((v) => typeof v === 'string');
    return (plain ? { ...live } as Record<string, string> : this.ingress.metadata.toJson().annotations) ?? this.annotations;
  }

  private eagerProblems(): Problem[] {
    // I2 (rules or default backend) is checked at synth: rules may still be added.
    return ingressProblems(this.toManifest()).filter((p) => p.field !== 'spec');
  }

  /**
   * What the API server would refuse in the whole manifest, at synth. Each
   * rule and TLS block was checked as it was added (with this name and class,
   * which do not change), so what is left to check is the top level, whose
   * annotations may have changed through `ingress.metadata` since, and
   * "neither rules nor a default backend", which had to wait for the last rule.
   */
  private synthProblems(): Problem[] {
    return this.ruleList.length === 0 ? ingressProblems(this.manifestWithoutRoutes()) : this.topLevelProblems();
  }

  /** `eagerProblems()` of everything but the rules and TLS blocks. */
  private topLevelProblems(): Problem[] {
    return ingressProblems(this.manifestWithoutRoutes()).filter((p) => p.field !== 'spec');
  }

  private throwOnInvalidManifest(undo: () => void): void {
    const problems = this.eagerProblems();
    if (problems.length > 0) {
      undo();
      throw new NetkitError(this, problems);
    }
  }

  private backendNamespaceProblems(field: string, backend: IngressBackend): Problem[] {
    if (backend.namespace === undefined || backend.namespace === this.namespace) return [];
    return [{
      field, message: `Service "${backend.serviceName}" is in namespace "${backend.namespace}"; an Ingress can only route to Services in its own namespace ("${this.namespace}").`,
      value: backend.toString(), fix: `create the Ingress in namespace "${backend.namespace}", or an ExternalName Service in "${this.namespace}" that points at the other one.`,
    }];
  }
}

/** An Ingress's `spec.rules` and `spec.tls`. */
interface Routes {
  readonly rules: IIngressRule[];
  readonly tls: IIngressTLS[];
}

/** Routes as rendered from this many rules and TLS blocks. */
interface RenderedRoutes extends Routes {
  readonly ruleCount: number;
  readonly tlsCount: number;
}

/**
 * Per app, the route conflicts of every HttpIngress, computed in one pass and
 * reused until an HttpIngress of that app changes: each Ingress's synth-time
 * check then costs no more than its own routes, however many Ingresses the
 * app has (a chart-per-app monorepo has thousands).
 */
interface ConflictState {
  generation: number;
  computedAt?: number;
  byIngress?: Map<IConstruct, Problem[]>;
}
const conflictStates = new WeakMap<IConstruct, ConflictState>();

function conflictState(scope: IConstruct): ConflictState {
  const root = scope.node.root;
  let state = conflictStates.get(root);
  if (!state) {
    state = { generation: 0 };
    conflictStates.set(root, state);
  }
  return state;
}

/** Records that an HttpIngress was added or changed, so the app's conflicts are recomputed. */
function changed(ingress: IConstruct): void {
  conflictState(ingress).generation++;
}

/** The routes of `ingress` that an earlier HttpIngress of the same class already serves. */
function appConflicts(ingress: IConstruct): Problem[] {
  const state = conflictState(ingress);
  if (state.computedAt !== state.generation || !state.byIngress) {
    const all = ingress.node.root.node.findAll().filter(isHttpIngressConstruct);
    // The shared rendering of this copy of the library's HttpIngress; toManifest() of one from another copy.
    const problems = ingressConflictProblemsInOrder(all.map((i) => (i instanceof HttpIngress ? i['sharedManifest']() : i.toManifest())));
    state.byIngress = new Map(all.map((i, k) => [i as IConstruct, problems[k]]));
    state.computedAt = state.generation;
  }
  return state.byIngress.get(ingress) ?? [];
}
