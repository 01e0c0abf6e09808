/**
 * Whether a certificate name covers a host, as TLS clients match them
 * (RFC 6125): exact match, or a `*.` wildcard that stands for exactly one
 * whole leftmost label, so `*.example.com` covers `a.example.com` but neither
 * `example.com` nor `a.b.example.com`. Case-insensitive.
 */
export function nameCoversHost(certName: string, host: string): boolean {
  const name = certName.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (name === h) return true;
  if (!name.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === name.slice(2) && !h.startsWith('*');
}

/** Whether any of the certificate's names covers the host. */
export function certificateCoversHost(certNames: readonly string[], host: string): boolean {
  return certNames.some((name) => nameCoversHost(name, host));
}
