import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EXTERNAL_SECRETS_ANNOTATION } from '../core/annotations';
import { formatProblem, NetkitError, Problem, throwIfProblems } from '../core/errors';
import { ITlsCertificateRef } from '../tls/certificate-ref';
import { isManagedOutside, uncoveredHostProblems } from '../ingress/ingress-tls';
import { lazyApiObject, objectMeta } from './api-object';
import { grantReference, ReferenceGrant } from './reference-grant';
import { FromNamespaces, GATEWAY_API_V1, GatewayManifest, LabelSelector, Listener } from './types';
import { gatewayProblems } from './validation/gateway-validation';
import { checkProps } from '../core/props';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../core/names';

/** NGINX Gateway Fabric's GatewayClass, the controller this library installs and documents. */
export const DEFAULT_GATEWAY_CLASS = 'nginx';

/** Which namespaces' routes may attach to a listener: the Gateway's own, all, or those whose labels match. */
export type AllowedNamespaces = 'Same' | 'All' | { readonly selector: LabelSelector };

/** A Gateway a route can attach to: one made here, or one that exists already ({@link Gateway.fromName}). */
export interface IGateway {
  readonly name: string;
  readonly namespace: string;
  /** The listeners, when known (undefined for a Gateway made elsewhere, whose listeners are not checked). */
  readonly listeners?: readonly Listener[];
}

export interface GatewayListenerOptions {
  /** `HTTP`, or `HTTPS` (TLS terminated at the Gateway with `certificate`). */
  readonly protocol: 'HTTP' | 'HTTPS';
  /**
   * The listener name, which routes use as `sectionName`.
   * @default - "http" or "https"; with a hostname, "<protocol>-<hostname>" with "*" as "wildcard" and dots as "-"
   */
  readonly name?: string;
  /** @default - 80 for HTTP, 443 for HTTPS */
  readonly port?: number;
  /**
   * The host names served: exact (`shop.example.com`) or a wildcard (`*.example.com`, which matches
   * any number of labels under example.com but not example.com itself).
   * @default - every host
   */
  readonly hostname?: string;
  /**
   * The certificate an HTTPS listener presents, from any of lib/tls's sources (PEM files, self-signed,
   * cert-manager, an existing Secret). Required for HTTPS, not allowed for HTTP. A certificate in another
   * namespace gets a ReferenceGrant there.
   * @default - none (HTTP)
   */
  readonly certificate?: ITlsCertificateRef;
  /**
   * Which namespaces' routes may attach.
   * @default 'Same' - only routes in the Gateway's namespace (the API's default)
   */
  readonly allowedNamespaces?: AllowedNamespaces;
}

export interface GatewayProps {
  /** `metadata.name`. @default - the construct id */
  readonly name?: string;
  /** @default - the chart's namespace, else "default" */
  readonly namespace?: string;
  /**
   * The GatewayClass (not the controller name): `nginx` for NGINX Gateway Fabric's default install.
   * @default 'nginx'
   */
  readonly gatewayClassName?: string;
  /** @default - none yet (add with `addListener`; at least one is needed) */
  readonly listeners?: GatewayListenerOptions[];
  /** @default - none */
  readonly annotations?: Record<string, string>;
  /** @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * A Gateway API Gateway: the entry point a controller (NGINX Gateway Fabric,
 * Envoy Gateway …) programs, with HTTP and HTTPS listeners. Each listener is
 * checked against every rule of the Gateway CRD when added (names, limits,
 * hostname syntax, unique port/protocol/hostname, HTTPS with a certificate);
 * a certificate whose DNS names are known must cover the listener's hostname.
 */
export class Gateway extends Construct implements IGateway {
  /** A Gateway defined outside this app, for routes to attach to (its listeners are not checked). */
  public static fromName(name: string, namespace: string): IGateway {
    return { name, namespace };
  }

  /** The Gateway object. */
  public readonly apiObject: ApiObject;
  public readonly name: string;
  public readonly namespace: string;
  public readonly gatewayClassName: string;
  /** The ReferenceGrants written for certificates in other namespaces. */
  public readonly referenceGrants: ReferenceGrant[] = [];
  private readonly listenerList: Listener[] = [];
  private readonly externalSecrets: string[] = [];
  private readonly annotations?: Record<string, string>;
  private readonly labels?: Record<string, string>;

  constructor(scope: Construct, id: string, props: GatewayProps = {}) {
    super(scope, id);
    checkProps(this, 'GatewayProps', props);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.gatewayClassName = props.gatewayClassName ?? DEFAULT_GATEWAY_CLASS;
    this.annotations = props.annotations;
    this.labels = props.labels;
    // A GatewayClass is a Kubernetes object: a class name that is not an object name matches none, so no controller programs the Gateway.
    const classProblems = this.gatewayClassName === '' || isDns1123Subdomain(this.gatewayClassName) ? [] : [{
      field: 'gatewayClassName', message: 'is not a valid GatewayClass name, so no GatewayClass can match it.', value: this.gatewayClassName,
      allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the name of a GatewayClass (`kubectl get gatewayclass`), e.g. "nginx".',
    }];
    throwIfProblems(this, [...classProblems, ...this.problems().filter((p) => p.field !== 'spec.listeners' && !(classProblems.length > 0 && p.field === 'spec.gatewayClassName'))]);
    this.apiObject = lazyApiObject(this, GATEWAY_API_V1, 'Gateway', objectMeta(this.name, this.namespace, this.labels, this.annotations), () => this.toManifest().spec);
    this.node.addValidation({ validate: () => this.problems().map(formatProblem) });
    for (const listener of props.listeners ?? []) this.addListener(listener);
  }

  /** The listeners, in order, as written. */
  public get listeners(): readonly Listener[] {
    return this.listenerList.map((l) => ({ ...l }));
  }

  /** The listener with this name, or an error naming the listeners there are. */
  public listener(name: string): Listener {
    const problem = this.listenerProblem('listener', name);
    if (problem) throw new NetkitError(this, problem);
    return { ...this.listenerList.find((l) => l.name === name)! };
  }

  /** The problem of naming a listener this Gateway lacks, reported under `field` of whoever named it (a route's parent.sectionName). */
  public listenerProblem(field: string, name: string): Problem | undefined {
    if (this.listenerList.some((l) => l.name === name)) return undefined;
    return {
      field, message: `Gateway "${this.name}" has no such listener.`, value: name,
      allowed: this.listenerList.map((l) => l.name).join(', ') || 'none', fix: 'use the name of one of its listeners, or add the listener.',
    };
  }

  /** Adds a listener; throws a NetkitError naming the field when the Gateway CRD or the spec would refuse it. */
  public addListener(options: GatewayListenerOptions): Listener {
    checkProps(this, 'GatewayListenerOptions', options);
    const { protocol, certificate, hostname } = options;
    const name = options.name ?? defaultListenerName(protocol, hostname);
    const field = `listener(${name})`;
    const problems: Problem[] = [];
    // The CRD accepts any protocol name ("http" too), but this construct writes HTTP and HTTPS listeners only, and no implementation serves a lowercase one.
    if (protocol !== 'HTTP' && protocol !== 'HTTPS') {
      const given: unknown = protocol;
      const upper = typeof given === 'string' ? given.toUpperCase() : undefined;
      problems.push({
        field: `${field}.protocol`, message: 'is not a protocol this Gateway writes listeners for.', value: protocol, allowed: 'HTTP, HTTPS (uppercase)',
        fix: upper === 'HTTP' || upper === 'HTTPS' ? `write protocol: '${upper}'.` : "use 'HTTP', or 'HTTPS' with a certificate.",
      });
    }
    if (protocol === 'HTTP' && certificate) {
      problems.push({ field: `${field}.certificate`, message: 'is set on an HTTP listener.', fix: 'use protocol HTTPS to terminate TLS, or drop the certificate.' });
    }
    if (protocol === 'HTTPS' && !certificate) {
      problems.push({ field: `${field}.certificate`, message: 'is required for an HTTPS listener.', fix: 'give a certificate from lib/tls (SelfSignedTlsCertificate, PemFileTlsCertificate, CertManagerTlsCertificate, ExistingTlsSecret).' });
    }
    if (certificate && hostname) problems.push(...uncoveredHostProblems(`${field}.hostname`, [hostname], certificate).map((p) => ({ ...p, field: `${field}.hostname` })));
    throwIfProblems(this, problems);
    const crossNamespace = certificate?.namespace !== undefined && certificate.namespace !== this.namespace;
    const listener: Listener = {
      name,
      ...(hostname !== undefined ? { hostname } : {}),
      port: options.port ?? (protocol === 'HTTPS' ? 443 : 80),
      protocol,
      ...(certificate ? {
        tls: {
          mode: 'Terminate' as const,
          certificateRefs: [{ group: '', kind: 'Secret', name: certificate.secretName, ...(crossNamespace ? { namespace: certificate.namespace } : {}) }],
        },
      } : {}),
      allowedRoutes: { namespaces: renderAllowedNamespaces(options.allowedNamespaces ?? 'Same') },
    };
    this.listenerList.push(listener);
    const after = this.problems();
    if (after.length > 0) {
      this.listenerList.pop();
      // Named as the user wrote them: allowedRoutes.namespaces is the allowedNamespaces option.
      throw new NetkitError(this, after.map((p) => ({ ...p, field: p.field.replace(/^spec\.listeners\[\d+\]/, field).replace('.allowedRoutes.namespaces.', '.allowedNamespaces.') })));
    }
    if (certificate && crossNamespace) {
      const grant = grantReference(this, {
        from: { kind: 'Gateway', namespace: this.namespace },
        to: { group: '', kind: 'Secret', name: certificate.secretName, namespace: certificate.namespace! },
        targetScope: Construct.isConstruct(certificate) ? certificate : undefined,
      });
      if (grant && !this.referenceGrants.includes(grant)) this.referenceGrants.push(grant);
    }
    if (certificate && isManagedOutside(certificate)) this.addExternalSecret(crossNamespace ? `${certificate.namespace}/${certificate.secretName}` : certificate.secretName);
    return { ...listener };
  }

  /** The Gateway as written (before JSON patches on `apiObject`). */
  public toManifest(): GatewayManifest {
    return {
      apiVersion: GATEWAY_API_V1,
      kind: 'Gateway',
      metadata: objectMeta(this.name, this.namespace, this.labels, this.annotations),
      spec: { gatewayClassName: this.gatewayClassName, listeners: this.listenerList.map((l) => ({ ...l })) },
    };
  }

  private problems(): Problem[] {
    return gatewayProblems(this.toManifest());
  }

  private addExternalSecret(name: string): void {
    if (this.externalSecrets.includes(name)) return;
    this.externalSecrets.push(name);
    this.apiObject.metadata.addAnnotation(EXTERNAL_SECRETS_ANNOTATION, this.externalSecrets.join(','));
  }
}

/** `http`, `https`, or `https-wildcard-example-com` for `*.example.com`. */
export function defaultListenerName(protocol: string, hostname?: string): string {
  const base = protocol.toLowerCase();
  return hostname ? `${base}-${hostname.replace(/^\*\./, 'wildcard.').replace(/\./g, '-')}` : base;
}

function renderAllowedNamespaces(allowed: AllowedNamespaces): { from: FromNamespaces; selector?: LabelSelector } {
  return typeof allowed === 'string' ? { from: allowed } : { from: 'Selector', selector: allowed.selector };
}
