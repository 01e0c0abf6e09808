import { IConstruct } from 'constructs';
import { NetkitError } from '../core/errors';
import { isCidr } from '../core/net';
import { DNS1123_LABEL_RULE, isDns1123Label } from '../core/names';
import { Protocol } from '../core/protocol';

/** Pods with known labels in a known namespace: a WebApp, or anything implementing it. */
export interface IPodPeer extends IConstruct {
  /** The pod labels a NetworkPolicy selects them by. */
  readonly selector: Readonly<Record<string, string>>;
  /** The namespace of the pods. */
  readonly namespace?: string;
}

/** One port of an allow rule. */
export interface IsolationPort {
  /** The port number the pods listen on (the container port, not a Service port). */
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: Protocol;
}

/**
 * Where traffic may come from or go to, other than pods of this app:
 * a whole namespace, pods by label, or addresses outside the cluster.
 */
export class NetworkPeer {
  /** Every pod of a namespace (matched by its `kubernetes.io/metadata.name` label, which the API server sets). */
  public static namespace(name: string): NetworkPeer {
    checkNamespaceName('NetworkPeer.namespace()', name);
    return new NetworkPeer(`ns-${name}`, `namespace ${name}`, { namespace: name });
  }

  /**
   * Pods with these labels in a namespace: pods made outside this app (a Prometheus, a
   * job runner). Named in policy names after the first label value: `allow-web-from-prometheus-monitoring`.
   */
  public static pods(namespace: string, podLabels: Record<string, string>): NetworkPeer {
    checkNamespaceName('NetworkPeer.pods()', namespace);
    const first = Object.values(podLabels)[0];
    if (first === undefined) {
      throw new NetkitError('NetworkPeer.pods()', {
        field: 'podLabels', message: 'is empty, which selects every pod of the namespace.', value: podLabels,
        fix: 'give the pods\' labels, or use NetworkPeer.namespace() for the whole namespace.',
      });
    }
    return new NetworkPeer(`${first}-${namespace}`, `pods ${selectorText(podLabels)} in namespace ${namespace}`, { namespace, podLabels: { ...podLabels } });
  }

  /**
   * Addresses outside the cluster, as a CIDR (`203.0.113.0/24`), less the `except` CIDRs.
   * The only way to name a destination outside the cluster: a NetworkPolicy matches
   * addresses, never DNS names (an ExternalName Service's target included).
   */
  public static ipBlock(cidr: string, except: readonly string[] = []): NetworkPeer {
    for (const [field, value] of [['cidr', cidr], ...except.map((e, i) => [`except[${i}]`, e])] as const) {
      if (!isCidr(value)) {
        throw new NetkitError('NetworkPeer.ipBlock()', {
          field, message: 'is not a CIDR.', value, allowed: 'an IPv4 or IPv6 network such as "203.0.113.0/24" or "2001:db8::/32"',
          fix: 'give the network the destination\'s addresses are in; a single address is "<ip>/32".',
        });
      }
    }
    return new NetworkPeer(`cidr-${cidr.replace(/[^0-9a-f]+/gi, '-').replace(/-+$/, '')}`, `addresses ${[cidr, ...except.map((e) => `except ${e}`)].join(' ')}`,
      undefined, { cidr, ...(except.length > 0 ? { except: [...except] } : {}) });
  }

  private constructor(
    /** What policy names call it: `ns-monitoring`, `cidr-203-0-113-0-24`. */
    public readonly key: string,
    /** What the allows annotation calls it. */
    public readonly description: string,
    /** The namespace and, optionally, pod labels it matches. */
    public readonly pods?: { readonly namespace: string; readonly podLabels?: Readonly<Record<string, string>> },
    /** The addresses it matches. */
    public readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] },
  ) {}
}

function checkNamespaceName(scope: string, name: string): void {
  if (isDns1123Label(name)) return;
  throw new NetkitError(scope, {
    field: 'namespace', message: 'is not a valid Namespace name.', value: name, allowed: DNS1123_LABEL_RULE, fix: 'give the namespace\'s name, e.g. "monitoring".',
  });
}

/** `a=b,c=d`: a label selector as kubectl writes it. */
export function selectorText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}
