/**
 * The traffic map: every way into the workloads, as data. Built only from
 * synthesized objects (or manifests read from files), so it can never
 * disagree with what is applied.
 */

/** The pods a Service sends traffic to: one workload and how many pods it runs. */
export interface TrafficPods {
  /** `Deployment`, `StatefulSet`, `DaemonSet`, `ReplicaSet` or `Pod`. */
  readonly kind: string;
  readonly name: string;
  /** The number of pods (the fewest, when an autoscaler owns the count); undefined for a DaemonSet (one per eligible node). */
  readonly replicas?: number;
  /** The most pods, when a HorizontalPodAutoscaler owns the count. */
  readonly maxReplicas?: number;
  /** The HorizontalPodAutoscaler that owns the count, if any. */
  readonly autoscaler?: string;
  /** `3 pods`, `1 pod`, `one per node`, `3 to 10 pods, HPA web`. */
  readonly text: string;
}

/** One Service port: `port → targetPort/protocol`. */
export interface TrafficPort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol: string;
  readonly nodePort?: number;
  /** `80 → 8080/TCP`, or `http 80 → 8080/TCP` for a named port. */
  readonly text: string;
}

/** How a Service is reached from outside the cluster or what it points at. */
export interface TrafficExternalAccess {
  /** `<any-node-ip>:30003` per node port (NodePort and LoadBalancer). */
  readonly nodePorts: readonly string[];
  /** For a LoadBalancer: `<load-balancer-ip>:80` per port (`spec.loadBalancerIP` when set). */
  readonly loadBalancer?: readonly string[];
  /** For a LoadBalancer: the only client CIDRs let in, when restricted. */
  readonly loadBalancerSourceRanges?: readonly string[];
  /** For a LoadBalancer or NodePort: `Cluster` (default) or `Local` (keeps the client's source IP). */
  readonly externalTrafficPolicy?: string;
  /** For an ExternalName Service: `CNAME www.baidu.com`. */
  readonly cname?: string;
  /** For a selector-less Service: the addresses of its EndpointSlices (`192.0.2.10:80`). */
  readonly endpoints?: readonly string[];
  /** `externalIPs` the Service also answers on (`203.0.113.7:80`). */
  readonly externalIPs?: readonly string[];
}

/** One Service: one way in. */
export interface TrafficService {
  readonly name: string;
  readonly namespace: string;
  /** `ClusterIP`, `Headless`, `NodePort`, `LoadBalancer` or `ExternalName`. */
  readonly type: string;
  /** `svc`, `svc.ns`, `svc.ns.svc.cluster.local`. */
  readonly dnsNames: readonly string[];
  /** The fixed virtual IP, `allocated by the cluster`, `None (headless: A records per pod)`, or `none (CNAME)`. */
  readonly clusterIP: string;
  readonly ports: readonly TrafficPort[];
  readonly external: TrafficExternalAccess;
  /** The pod labels selected; undefined for a selector-less Service. */
  readonly selector?: Readonly<Record<string, string>>;
  /** The workloads in these manifests whose pods the selector matches, sorted by kind and name. */
  readonly pods: readonly TrafficPods[];
  /** For a headless Service: the per-pod DNS names (`<pod>.svc.ns.svc.cluster.local`). */
  readonly podDnsNames?: readonly string[];
  /** The admission webhook configurations (`ValidatingWebhookConfiguration ingress-nginx-admission`) through which the API server calls this Service. */
  readonly calledByApiServer?: readonly string[];
}

/** The certificate that serves an HTTPS URL. */
export interface TrafficCertificate {
  /** The TLS Secret named by the Ingress. */
  readonly secretName: string;
  /**
   * Where the Secret comes from: `in these manifests`, `cert-manager Certificate <name>`,
   * `managed outside these manifests`, or `not in these manifests`.
   */
  readonly source: string;
}

/** One URL an Ingress serves. */
export interface TrafficIngressUrl {
  /** `https://web01.cluster.example.com/`. A rule without host gives `http://<any-host>/`. */
  readonly url: string;
  readonly namespace: string;
  /** The Ingress object. */
  readonly ingress: string;
  /** The host, or undefined for a rule that matches any host. */
  readonly host?: string;
  readonly path: string;
  /** `Prefix`, `Exact` or `ImplementationSpecific`. */
  readonly pathType: string;
  /** `nginx`; the cluster's default IngressClass when the Ingress names none; `(cluster default)` when the manifests hold no default class. */
  readonly ingressClass: string;
  /** The Service that receives the traffic, and its port: `web:80` / `web:http`. */
  readonly backend: string;
  readonly backendService?: string;
  /** Whether this is the Ingress's default backend rather than a rule. */
  readonly defaultBackend: boolean;
  /** The certificate serving HTTPS; undefined for plain HTTP. */
  readonly certificate?: TrafficCertificate;
}

/** An ingress controller found in the manifests, and the Services in front of it. */
export interface TrafficIngressController {
  /** The IngressClass it serves. */
  readonly ingressClass: string;
  /** The `spec.controller` of the IngressClass (`k8s.io/ingress-nginx`). */
  readonly controller: string;
  /** The controller workload, when it is in these manifests. */
  readonly workload?: TrafficPods & { readonly namespace: string };
  /** The Services (`ns/name`) whose pods are the controller: how clients reach it. */
  readonly services: readonly string[];
}

/** One Service a route rule sends traffic to. */
export interface TrafficRouteBackend {
  readonly service: string;
  readonly namespace: string;
  /** The Service port; undefined when the backendRef names none (the API rejects that for Services). */
  readonly port?: number;
  /** The backendRef weight (default 1); traffic splits in proportion to it. */
  readonly weight: number;
}

/** One URL a Gateway API HTTPRoute serves through one Gateway listener. */
export interface TrafficGatewayUrl {
  /** `https://web01.cluster.example.com/`; a port other than the scheme's default is written (`http://a.example.com:8080/`). */
  readonly url: string;
  /** The HTTPRoute's namespace. */
  readonly namespace: string;
  readonly route: string;
  /** The parent Gateway, `namespace/name`. */
  readonly gateway: string;
  /** The listener's name (its `sectionName`). */
  readonly listener: string;
  readonly gatewayClass: string;
  /** The host (route and listener hostnames intersected), or undefined when both allow any host. */
  readonly host?: string;
  readonly path: string;
  /** `PathPrefix`, `Exact` or `RegularExpression`. */
  readonly pathType: string;
  /** Method, header and query conditions of the match (`GET, header x-env=canary`), when there are any. */
  readonly conditions?: string;
  /** `web:80`, `blue:80 (90%), green:80 (10%)`, or `redirect https://…` for a RequestRedirect rule. */
  readonly backend: string;
  readonly backends: readonly TrafficRouteBackend[];
  /** The RequestRedirect target (`https://<same host>:443/`, status 301), when the rule redirects. */
  readonly redirect?: string;
  /** The certificate serving HTTPS; undefined for plain HTTP. */
  readonly certificate?: TrafficCertificate;
}

/** One listener of a Gateway. */
export interface TrafficListener {
  readonly name: string;
  readonly protocol: string;
  readonly port: number;
  readonly hostname?: string;
}

/** A Gateway, and how clients reach it. */
export interface TrafficGateway {
  readonly name: string;
  readonly namespace: string;
  readonly gatewayClass: string;
  /** The GatewayClass `spec.controllerName`, or `unknown` when the class is not in the manifests. */
  readonly controller: string;
  readonly listeners: readonly TrafficListener[];
  /**
   * The Service the controller provisions for the Gateway, when the manifests
   * say how: NGINX Gateway Fabric names it `<gateway>-<class>` and shapes it
   * from the NginxProxy of the class (and of the Gateway).
   */
  readonly service?: {
    readonly name: string;
    readonly type: string;
    /** `<any-node-ip>:30080 → 80` per listener port (NodePort and LoadBalancer), `<load-balancer-ip>:80` (LoadBalancer). */
    readonly entries: readonly string[];
    readonly externalTrafficPolicy?: string;
  };
}

/**
 * One declared path into pods as NetworkPolicies judge it (only in a map of
 * manifests that hold NetworkPolicies).
 */
export interface TrafficIsolationEdge {
  /** What declares the path: `Ingress shop/web`, `HTTPRoute shop/web`, `NodePort Service shop/web-np`. */
  readonly via: string;
  /** Who sends: `the ingress controller (Deployment ingress-nginx/ingress-nginx-controller)`, `every client outside the cluster`. */
  readonly source: string;
  readonly serviceNamespace: string;
  readonly service: string;
  /** The destination workload: kind and name, in the Service's namespace. */
  readonly podsKind: string;
  readonly podsName: string;
  /** The pod port: `8080/TCP`. */
  readonly port: string;
  /** `allowed`, `blocked`, or `unknown` when the sending pods are not in the manifests. */
  readonly verdict: 'allowed' | 'blocked' | 'unknown';
  /** `allowed by NetworkPolicy shop/allow-ingress-controller`, `not isolated`, or why it is blocked. */
  readonly reason: string;
}

/** A namespace with NetworkPolicies: what is isolated, and what its policies let through. */
export interface TrafficIsolatedNamespace {
  readonly namespace: string;
  /** `ingress and egress of every pod (default-deny)`, `ingress of every pod`, or `ingress of some pods` when no policy selects them all. */
  readonly isolated: string;
  /** Each policy of the namespace: its name and the path it allows (its `netkit.io/allows` annotation), or what it denies. */
  readonly policies: readonly { readonly name: string; readonly says?: string }[];
}

/** Everything a reader needs to know about how traffic gets in. */
export interface TrafficMap {
  readonly services: readonly TrafficService[];
  readonly ingressUrls: readonly TrafficIngressUrl[];
  readonly ingressControllers: readonly TrafficIngressController[];
  readonly gateways: readonly TrafficGateway[];
  readonly gatewayUrls: readonly TrafficGatewayUrl[];
  /**
   * Every declared path judged against the NetworkPolicies; absent when the
   * manifests hold none (so maps of apps without isolation do not change).
   */
  readonly isolation?: readonly TrafficIsolationEdge[];
  /**
   * The namespaces that have NetworkPolicies: in one isolated for every pod,
   * whatever the listed policies do not let through is blocked. Absent when
   * the manifests hold no NetworkPolicy.
   */
  readonly isolatedNamespaces?: readonly TrafficIsolatedNamespace[];
}
