import { Problem } from '../../core/errors';
import { unsupportedAnnotation } from './unsupported-annotations';

/** ingress-nginx's annotation prefix. */
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

/** A RequestRedirect from permanent-redirect or temporal-redirect, as the filter's fields. */
export interface AnnotatedRedirect {
  readonly scheme?: 'http' | 'https';
  readonly hostname?: string;
  readonly port?: number;
  readonly path: string;
  readonly statusCode: number;
}

/** What the converted ingress-nginx annotations of one Ingress ask for. */
export interface NginxSettings {
  /** ssl-redirect as written; undefined when absent (ingress-nginx's default: redirect hosts that have TLS). */
  readonly sslRedirect?: boolean;
  readonly forceSslRedirect: boolean;
  readonly useRegex: boolean;
  readonly rewriteTarget?: string;
  readonly redirect?: AnnotatedRedirect;
  readonly appRoot?: string;
  /** Request headers to set (upstream-vhost sets Host, x-forwarded-prefix sets X-Forwarded-Prefix). */
  readonly setHeaders: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly canary?: { readonly weight?: number; readonly weightTotal: number; readonly header?: string; readonly headerValue?: string };
  /** The CORS filter's `cors` field, when enable-cors is true. */
  readonly cors?: Record<string, unknown>;
}

/** ingress-nginx reads booleans with Go's strconv.ParseBool. */
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

// ingress-nginx's defaults for the cors-* annotations (docs: annotations.md, "Enable CORS").
const CORS_DEFAULTS = {
  origin: '*',
  methods: 'GET, PUT, POST, DELETE, PATCH, OPTIONS',
  headers: 'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization',
  maxAge: 1728000,
};

/** The annotations this converter reads; every other ingress-nginx annotation is reported as not converted. */
const CONVERTED = new Set([
  'ssl-redirect', 'force-ssl-redirect', 'use-regex', 'rewrite-target', 'permanent-redirect', 'permanent-redirect-code',
  'temporal-redirect', 'temporal-redirect-code', 'app-root', 'upstream-vhost', 'x-forwarded-prefix', 'backend-protocol',
  'canary', 'canary-weight', 'canary-weight-total', 'canary-by-header', 'canary-by-header-value',
  'enable-cors', 'cors-allow-origin', 'cors-allow-methods', 'cors-allow-headers', 'cors-expose-headers', 'cors-allow-credentials', 'cors-max-age',
]);

/** Annotations of other tools that say something about how to migrate. */
const OTHER_ANNOTATIONS: Record<string, { reason: string; fix: string }> = {
  'cert-manager.io/': {
    reason: "is read by cert-manager's Ingress support; it is not copied to the Gateway",
    fix: 'enable Gateway API support in cert-manager and put the annotation on the Gateway (certificates are issued per listener hostname)',
  },
  'external-dns.alpha.kubernetes.io/': {
    reason: 'is read by external-dns from Ingresses; it is not copied',
    fix: 'add gateway-httproute to external-dns --source and put the annotation on the HTTPRoute',
  },
};

/** What each backend protocol needs instead of an HTTPRoute to plain HTTP. */
const BACKEND_PROTOCOLS: Record<string, string> = {
  HTTPS: 'TLS to the backend needs a BackendTLSPolicy',
  GRPC: 'gRPC needs a GRPCRoute',
  GRPCS: 'gRPC over TLS needs a GRPCRoute and a BackendTLSPolicy',
};

const field = (key: string) => `metadata.annotations["${key}"]`;

/**
 * Reads the ingress-nginx annotations of one Ingress: what the converter
 * writes, and a problem for each annotation (or value) it cannot convert.
 */
export function readNginxAnnotations(annotations: Record<string, unknown> | undefined): { settings: NginxSettings; notConverted: Problem[] } {
  const notConverted: Problem[] = [];
  const nginx = new Map<string, string>();
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (typeof value !== 'string') continue;
    if (key.startsWith(NGINX_ANNOTATION_PREFIX)) {
      const name = key.slice(NGINX_ANNOTATION_PREFIX.length);
      if (CONVERTED.has(name)) nginx.set(name, value);
      else {
        const { reason, fix } = unsupportedAnnotation(name);
        notConverted.push({ field: field(key), message: `not converted: ${reason}.`, value, fix: `${fix}.` });
      }
      continue;
    }
    const other = Object.keys(OTHER_ANNOTATIONS).find((prefix) => key.startsWith(prefix));
    if (other) notConverted.push({ field: field(key), message: `not converted: ${OTHER_ANNOTATIONS[other].reason}.`, value, fix: `${OTHER_ANNOTATIONS[other].fix}.` });
  }
  const bool = (name: string): boolean | undefined => {
    const value = nginx.get(name);
    if (value === undefined) return undefined;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    notConverted.push({ field: field(NGINX_ANNOTATION_PREFIX + name), message: 'is not a boolean; ingress-nginx ignores it, and so does the conversion.', value, fix: 'write "true" or "false".' });
    return undefined;
  };
  const settings: {
    -readonly [K in keyof NginxSettings]: NginxSettings[K]
  } = { forceSslRedirect: bool('force-ssl-redirect') === true, useRegex: bool('use-regex') === true, setHeaders: [] };
  settings.sslRedirect = bool('ssl-redirect');
  settings.rewriteTarget = nginx.get('rewrite-target');
  settings.appRoot = nginx.get('app-root');
  if (settings.appRoot !== undefined && !settings.appRoot.startsWith('/')) {
    notConverted.push({ field: field(`${NGINX_ANNOTATION_PREFIX}app-root`), message: 'not converted: ingress-nginx only accepts a path here.', value: settings.appRoot, fix: 'write the path, e.g. "/app1".' });
    settings.appRoot = undefined;
  }
  settings.redirect = readRedirect(nginx, notConverted);
  const vhost = nginx.get('upstream-vhost');
  if (vhost) settings.setHeaders = [{ name: 'Host', value: vhost }];
  const prefix = nginx.get('x-forwarded-prefix');
  if (prefix) settings.setHeaders = [...settings.setHeaders, { name: 'X-Forwarded-Prefix', value: prefix }];
  const protocol = nginx.get('backend-protocol')?.toUpperCase();
  if (protocol !== undefined && protocol !== 'HTTP' && protocol !== 'AUTO_HTTP') {
    notConverted.push({
      field: field(`${NGINX_ANNOTATION_PREFIX}backend-protocol`),
      message: `not converted: the route forwards plain HTTP; ${BACKEND_PROTOCOLS[protocol] ?? 'Gateway API has no equivalent of this protocol'}.`,
      value: nginx.get('backend-protocol'),
      fix: 'write the GRPCRoute or BackendTLSPolicy by hand, or keep this Ingress until your implementation supports the protocol.',
    });
  }
  if (bool('canary') === true) {
    const weight = integer(nginx, 'canary-weight', notConverted);
    const total = integer(nginx, 'canary-weight-total', notConverted) ?? 100;
    settings.canary = { weight, weightTotal: total, header: nginx.get('canary-by-header'), headerValue: nginx.get('canary-by-header-value') };
  }
  if (bool('enable-cors') === true) settings.cors = corsFilter(nginx, bool('cors-allow-credentials'));
  return { settings, notConverted };
}

function integer(nginx: Map<string, string>, name: string, problems: Problem[]): number | undefined {
  const value = nginx.get(name);
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  problems.push({ field: field(NGINX_ANNOTATION_PREFIX + name), message: 'not converted: not a whole number.', value, fix: 'write a whole number.' });
  return undefined;
}

/** permanent-redirect / temporal-redirect (temporal wins, as in ingress-nginx) with their codes. */
function readRedirect(nginx: Map<string, string>, problems: Problem[]): AnnotatedRedirect | undefined {
  const temporal = nginx.get('temporal-redirect');
  const name = temporal !== undefined ? 'temporal-redirect' : 'permanent-redirect';
  const target = temporal ?? nginx.get('permanent-redirect');
  if (target === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    problems.push({ field: field(NGINX_ANNOTATION_PREFIX + name), message: 'not converted: not an absolute URL.', value: target, fix: 'write the full URL, e.g. "https://www.example.com/new".' });
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    problems.push({ field: field(NGINX_ANNOTATION_PREFIX + name), message: 'not converted: a RequestRedirect sets scheme (http or https), hostname, port and path only, not a query or fragment.', value: target, fix: 'redirect to a URL without query or fragment.' });
    return undefined;
  }
  const codeName = `${name}-code`;
  const code = integer(nginx, codeName, problems) ?? (temporal !== undefined ? 302 : 301);
  if (![301, 302, 303, 307, 308].includes(code)) {
    problems.push({ field: field(NGINX_ANNOTATION_PREFIX + codeName), message: 'not converted: RequestRedirect accepts 301, 302, 303, 307 and 308.', value: String(code), fix: 'use one of those codes.' });
    return undefined;
  }
  return {
    scheme: url.protocol === 'https:' ? 'https' : 'http',
    hostname: url.hostname.toLowerCase(),
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname || '/',
    statusCode: code,
  };
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

/** The standard CORS filter (Gateway API ≥ v1.5) from enable-cors and the cors-* annotations, with ingress-nginx's defaults. */
function corsFilter(nginx: Map<string, string>, credentials: boolean | undefined): Record<string, unknown> {
  const expose = list(nginx.get('cors-expose-headers') ?? '');
  const maxAge = Number(nginx.get('cors-max-age') ?? CORS_DEFAULTS.maxAge);
  return {
    allowOrigins: list(nginx.get('cors-allow-origin') ?? CORS_DEFAULTS.origin),
    allowMethods: list(nginx.get('cors-allow-methods') ?? CORS_DEFAULTS.methods).map((m) => m.toUpperCase()),
    allowHeaders: list(nginx.get('cors-allow-headers') ?? CORS_DEFAULTS.headers),
    ...(expose.length > 0 ? { exposeHeaders: expose } : {}),
    allowCredentials: credentials ?? true,
    ...(Number.isInteger(maxAge) && maxAge >= 1 ? { maxAge } : {}),
  };
}
