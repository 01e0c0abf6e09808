/**
 * Why an ingress-nginx annotation has no conversion, by annotation family.
 * The first matching entry wins; every other `nginx.ingress.kubernetes.io/`
 * annotation gets the generic reason.
 */
interface UnsupportedFamily {
  readonly matches: (name: string) => boolean;
  readonly reason: string;
  readonly fix: string;
}

const IMPLEMENTATION_POLICY = "use your Gateway implementation's policy resource for it (NGINX Gateway Fabric, Envoy Gateway and others have one)";

const FAMILIES: readonly UnsupportedFamily[] = [
  {
    matches: (n) => n.endsWith('-snippet'),
    reason: 'injects raw NGINX configuration, which Gateway API has no equivalent for',
    fix: 're-express it with HTTPRoute filters (header modifiers, redirects, rewrites) or an implementation extension such as NGINX Gateway Fabric\'s SnippetsFilter',
  },
  {
    matches: (n) => n.startsWith('auth-') || n === 'enable-global-auth' || n === 'satisfy',
    reason: 'authentication is not in the Gateway API standard channel (the ExternalAuth filter is experimental)',
    fix: `${IMPLEMENTATION_POLICY}, or put an authenticating proxy in front of the Service`,
  },
  {
    matches: (n) => n.startsWith('limit-') || n.startsWith('global-rate-limit'),
    reason: 'rate and connection limits are not part of Gateway API',
    fix: IMPLEMENTATION_POLICY,
  },
  {
    matches: (n) => /^(whitelist|allowlist|denylist)-source-range$/.test(n),
    reason: 'client IP allow and deny lists are not part of Gateway API',
    fix: `${IMPLEMENTATION_POLICY}, or a NetworkPolicy in front of the Gateway's pods`,
  },
  {
    matches: (n) => n === 'affinity' || n === 'affinity-mode' || n === 'affinity-canary-behavior' || n.startsWith('session-cookie-'),
    reason: 'session affinity (sessionPersistence) is only in the experimental channel',
    fix: `${IMPLEMENTATION_POLICY}, or make the backend stateless`,
  },
  {
    matches: (n) => /^proxy-(connect|send|read)-timeout$/.test(n),
    reason: "nginx's per-phase timeouts have no equivalent; HTTPRoute has only rules[].timeouts.request and backendRequest, for the whole request",
    fix: 'set rules[].timeouts.request on the route if a whole-request limit is what you need',
  },
  {
    matches: (n) => n === 'proxy-body-size' || n === 'client-body-buffer-size' || n.startsWith('proxy-buffer') || n === 'proxy-max-temp-file-size' || n === 'proxy-request-buffering',
    reason: 'request body and buffering limits are not part of Gateway API',
    fix: `${IMPLEMENTATION_POLICY} (NGINX Gateway Fabric: ClientSettingsPolicy)`,
  },
  {
    matches: (n) => n === 'ssl-passthrough',
    reason: 'TLS passthrough needs a TLS listener in Passthrough mode and a TLSRoute, which this converter does not write',
    fix: 'add a listener {protocol: TLS, tls: {mode: Passthrough}} and a TLSRoute to the Service by hand',
  },
  {
    matches: (n) => n.startsWith('proxy-ssl-') || n === 'secure-verify-ca-secret',
    reason: 'TLS to the backend is a BackendTLSPolicy, which this converter does not write',
    fix: 'write a BackendTLSPolicy targeting the Service (validation.hostname and caCertificateRefs)',
  },
  {
    matches: (n) => n === 'canary-by-cookie' || n === 'canary-by-header-pattern',
    reason: 'HTTPRoute matches headers by exact value (regular expressions are implementation-specific) and cannot match cookies',
    fix: 'route the canary by an exact header value (canary-by-header with canary-by-header-value) or by weight',
  },
  {
    matches: (n) => n === 'custom-http-errors' || n === 'default-backend',
    reason: 'Gateway API has no custom error pages or per-route fallback backend',
    fix: IMPLEMENTATION_POLICY,
  },
  {
    matches: (n) => n.startsWith('modsecurity') || n === 'enable-modsecurity' || n === 'enable-owasp-core-rules',
    reason: 'a web application firewall is not part of Gateway API',
    fix: IMPLEMENTATION_POLICY,
  },
];

/** Why the annotation (name without the `nginx.ingress.kubernetes.io/` prefix) is not converted, and what to do instead. */
export function unsupportedAnnotation(name: string): { reason: string; fix: string } {
  const family = FAMILIES.find((f) => f.matches(name));
  if (family) return { reason: family.reason, fix: family.fix };
  return { reason: 'has no equivalent in the Gateway API standard channel that this converter writes', fix: 'check whether your Gateway implementation offers it as a policy or filter resource' };
}
