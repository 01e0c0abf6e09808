// The Gateway API objects (standard channel, v1) as TypeScript types: the
// fields our constructs write and our checks read. Field docs are upstream's
// (apis/v1/*.go, v1.6.1), shortened.

/** The API group of every Gateway API kind. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
/** apiVersion of Gateway, GatewayClass and HTTPRoute. */
export const GATEWAY_API_V1 = `${GATEWAY_API_GROUP}/v1`;
/**
 * apiVersion of ReferenceGrant: v1beta1 is served by every CRD bundle since
 * v0.6 and is still the storage version in v1.6.1 (v1 is served only since v1.5).
 */
export const REFERENCE_GRANT_API_VERSION = `${GATEWAY_API_GROUP}/v1beta1`;

export interface ObjectMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** A reference to a Secret (or another kind) holding a certificate. */
export interface SecretObjectReference {
  readonly group?: string;
  readonly kind?: string;
  readonly name: string;
  readonly namespace?: string;
}

export type TlsMode = 'Terminate' | 'Passthrough';

export interface GatewayTlsConfig {
  readonly mode?: TlsMode;
  readonly certificateRefs?: SecretObjectReference[];
  readonly options?: Record<string, string>;
}

export type FromNamespaces = 'All' | 'Selector' | 'Same';

export interface LabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface AllowedRoutes {
  readonly namespaces?: { from?: FromNamespaces; selector?: LabelSelector };
  readonly kinds?: { group?: string; kind: string }[];
}

export interface Listener {
  readonly name: string;
  readonly hostname?: string;
  readonly port: number;
  readonly protocol: string;
  readonly tls?: GatewayTlsConfig;
  readonly allowedRoutes?: AllowedRoutes;
}

export interface GatewayManifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly spec?: {
    readonly gatewayClassName: string;
    readonly listeners: Listener[];
    readonly addresses?: { type?: string; value?: string }[];
    readonly infrastructure?: { labels?: Record<string, string>; annotations?: Record<string, string>; parametersRef?: { group: string; kind: string; name: string } };
    readonly [field: string]: unknown;
  };
}

export interface ParentReference {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';
export type ValueMatchType = 'Exact' | 'RegularExpression';
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';

export interface HttpRouteMatch {
  readonly path?: { type?: PathMatchType; value?: string };
  readonly headers?: { type?: ValueMatchType; name: string; value: string }[];
  readonly queryParams?: { type?: ValueMatchType; name: string; value: string }[];
  readonly method?: HttpMethod;
}

export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

export interface HeaderModifier {
  readonly set?: HttpHeader[];
  readonly add?: HttpHeader[];
  readonly remove?: string[];
}

export interface HttpPathModifier {
  readonly type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  readonly replaceFullPath?: string;
  readonly replacePrefixMatch?: string;
}

export interface BackendObjectReference {
  readonly group?: string;
  readonly kind?: string;
  readonly name: string;
  readonly namespace?: string;
  readonly port?: number;
}

export interface HttpRouteFilter {
  readonly type: 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestMirror' | 'RequestRedirect' | 'URLRewrite' | 'ExtensionRef' | 'CORS';
  readonly requestHeaderModifier?: HeaderModifier;
  readonly responseHeaderModifier?: HeaderModifier;
  readonly requestMirror?: { backendRef: BackendObjectReference; percent?: number; fraction?: { numerator: number; denominator?: number } };
  readonly requestRedirect?: { scheme?: 'http' | 'https'; hostname?: string; path?: HttpPathModifier; port?: number; statusCode?: 301 | 302 | 303 | 307 | 308 };
  readonly urlRewrite?: { hostname?: string; path?: HttpPathModifier };
  readonly extensionRef?: { group: string; kind: string; name: string };
  readonly cors?: Record<string, unknown>;
}

export interface HttpBackendRef extends BackendObjectReference {
  readonly weight?: number;
  readonly filters?: HttpRouteFilter[];
}

export interface HttpRouteRule {
  readonly name?: string;
  readonly matches?: HttpRouteMatch[];
  readonly filters?: HttpRouteFilter[];
  readonly backendRefs?: HttpBackendRef[];
  readonly timeouts?: { request?: string; backendRequest?: string };
}

export interface HttpRouteManifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly spec?: {
    readonly parentRefs?: ParentReference[];
    readonly hostnames?: string[];
    readonly rules?: HttpRouteRule[];
  };
}

export interface ReferenceGrantManifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly spec?: {
    readonly from: { group: string; kind: string; namespace: string }[];
    readonly to: { group: string; kind: string; name?: string }[];
  };
}
