import { EXTERNAL_SECRETS_ANNOTATION } from '../../core/annotations';
import { Problem } from '../../core/errors';
import { defaultListenerName } from '../gateway';
import { GATEWAY_API_GROUP, GATEWAY_API_V1, REFERENCE_GRANT_API_VERSION } from '../types';
/** The listener every Gateway gets for plain HTTP: port 80, every hostname. */
export const HTTP_LISTENER = 'http';
/** Gateway `spec.listeners` holds at most 64 (CRD maxItems). */
export const MAX_LISTENERS = 64;
/** ReferenceGrant `spec.to` holds at most 16 (CRD maxItems). */
const MAX_GRANT_TARGETS = 16;
const MAX_NAME = 253;

/** A Kubernetes-name-safe form of a host: `*.example.com` → `wildcard-example-com`, none → `all-hosts`. */
export function hostSlug(host: string | undefined): string {
  if (!host) return 'all-hosts';
  return host.replace(/^\*\./, 'wildcard.').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3` … : the first not in `taken` (which it joins), cut to a valid length. */
export function uniqueName(base: string, taken: Set<string>): string {
  const cut = (s: string, room: number) => s.slice(0, room).replace(/[-.]+$/, '');
  let name = cut(base, MAX_NAME);
  for (let n = 2; taken.has(name); n++) name = `${cut(base, MAX_NAME - String(n).length - 1)}-${n}`;
  taken.add(name);
  return name;
}

interface HttpsListener {
  readonly name: string;
  readonly hostname: string;
  readonly secretNamespace: string;
  readonly secretName: string;
  /** The Ingress whose tls entry made it, as `namespace/name`. */
  readonly from: string;
}

/**
 * One Gateway being built: an HTTP listener for every host, an HTTPS
 * listener per TLS hostname. Listener names are the Gateway construct's
 * (`https-wildcard-example-com` for `*.example.com`, so it stays apart from
 * `https-example-com`, unlike ingress2gateway's), with a counter when two
 * still collide.
 */
export class GatewayPlan {
  private readonly https = new Map<string, HttpsListener>();
  private readonly listenerNames = new Set<string>([HTTP_LISTENER]);
  private readonly routeNamespaces = new Set<string>();
  private readonly externalSecrets = new Set<string>();

  constructor(public readonly namespace: string, public readonly name: string, private readonly gatewayClassName: string) {}

  /** Admits routes from the namespace (the listeners' allowedRoutes). */
  public admit(routeNamespace: string): void {
    this.routeNamespaces.add(routeNamespace);
  }

  /**
   * The HTTPS listener for a TLS hostname, added on first use. The first
   * Secret named for a hostname wins, as on ingress-nginx; a later different
   * one is returned as `changed`. Undefined with a problem once the Gateway
   * has its 64 listeners.
   */
  public httpsListener(hostname: string, secretNamespace: string, secretName: string, from: string, external: boolean):
  { name?: string; problem?: Problem; changed?: Problem } {
    const existing = this.https.get(hostname);
    if (existing) {
      if (existing.secretNamespace === secretNamespace && existing.secretName === secretName) return { name: existing.name };
      return {
        name: existing.name,
        changed: {
          field: 'spec.tls',
          message: `host "${hostname}" is already served by listener ${existing.name} of Gateway ${this.namespace}/${this.name} with Secret ${existing.secretNamespace}/${existing.secretName} (from Ingress ${existing.from}); Secret ${secretNamespace}/${secretName} is not used.`,
          value: secretName,
          fix: 'use one certificate per host; ingress-nginx also served only one of them.',
        },
      };
    }
    if (this.listenerNames.size >= MAX_LISTENERS) {
      return {
        problem: {
          field: 'spec.tls',
          message: `not converted: Gateway ${this.namespace}/${this.name} already has ${MAX_LISTENERS} listeners, the most a Gateway may have, so host "${hostname}" gets no HTTPS listener.`,
          value: hostname,
          fix: 'serve these hosts with a wildcard certificate (one listener "*.<domain>"), or split the Ingresses across ingress classes so they get several Gateways.',
        },
      };
    }
    const listener = { name: uniqueName(defaultListenerName('HTTPS', hostname), this.listenerNames), hostname, secretNamespace, secretName, from };
    this.https.set(hostname, listener);
    if (external) this.externalSecrets.add(secretNamespace === this.namespace ? secretName : `${secretNamespace}/${secretName}`);
    return { name: listener.name };
  }

  /** `{name, namespace?}` for a parentRef from a route in `routeNamespace`. */
  public parentRef(routeNamespace: string, sectionName: string): Record<string, string> {
    return { name: this.name, ...(routeNamespace !== this.namespace ? { namespace: this.namespace } : {}), sectionName };
  }

  public toManifest(): any {
    const others = [...this.routeNamespaces].filter((ns) => ns !== this.namespace).sort();
    const allowedRoutes = others.length === 0
      ? { namespaces: { from: 'Same' } }
      : { namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...this.routeNamespaces].sort() }] } } };
    const annotations = this.externalSecrets.size > 0 ? { annotations: { [EXTERNAL_SECRETS_ANNOTATION]: [...this.externalSecrets].sort().join(',') } } : {};
    return {
      apiVersion: GATEWAY_API_V1,
      kind: 'Gateway',
      metadata: { name: this.name, namespace: this.namespace, ...annotations },
      spec: {
        gatewayClassName: this.gatewayClassName,
        listeners: [
          { name: HTTP_LISTENER, port: 80, protocol: 'HTTP', allowedRoutes },
          ...[...this.https.values()].map((l) => ({
            name: l.name,
            hostname: l.hostname,
            port: 443,
            protocol: 'HTTPS',
            tls: {
              mode: 'Terminate',
              certificateRefs: [{ group: '', kind: 'Secret', name: l.secretName, ...(l.secretNamespace !== this.namespace ? { namespace: l.secretNamespace } : {}) }],
            },
            allowedRoutes,
          })),
        ],
      },
    };
  }

  /** The Secrets of other namespaces its listeners read, as [namespace, name]. */
  public foreignSecrets(): Array<[string, string]> {
    return [...this.https.values()].filter((l) => l.secretNamespace !== this.namespace).map((l) => [l.secretNamespace, l.secretName]);
  }
}

/**
 * The ReferenceGrants that let the Gateways read TLS Secrets of other
 * namespaces, named as the ReferenceGrant constructs name theirs: one per
 * (Secret namespace, Gateway namespace), `allow-gateways-from-<namespace>`
 * (`-2` … past 16 Secrets), each Secret listed by name.
 */
export function secretGrants(gateways: readonly GatewayPlan[]): any[] {
  const byTarget = new Map<string, Set<string>>();
  for (const g of gateways) {
    for (const [namespace, name] of g.foreignSecrets()) {
      const key = JSON.stringify([namespace, g.namespace]);
      if (!byTarget.has(key)) byTarget.set(key, new Set());
      byTarget.get(key)!.add(name);
    }
  }
  const out: any[] = [];
  for (const key of [...byTarget.keys()].sort()) {
    const [namespace, from] = JSON.parse(key) as [string, string];
    const names = [...byTarget.get(key)!].sort();
    for (let i = 0; i < names.length; i += MAX_GRANT_TARGETS) {
      const n = i / MAX_GRANT_TARGETS + 1;
      out.push({
        apiVersion: REFERENCE_GRANT_API_VERSION,
        kind: 'ReferenceGrant',
        metadata: { name: `allow-gateways-from-${from}${n > 1 ? `-${n}` : ''}`, namespace },
        spec: {
          from: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: from }],
          to: names.slice(i, i + MAX_GRANT_TARGETS).map((name) => ({ group: '', kind: 'Secret', name })),
        },
      });
    }
  }
  return out;
}
