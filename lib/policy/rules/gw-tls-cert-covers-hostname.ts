import { certificateCoversHost } from '../../tls/host-coverage';
import { PolicyContext } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { acceptingListeners, certificateRefs, gatewayParentRefs, hostnamesIntersect, isExternalGatewaySecret, list } from './gateway-parts';
import { resolveTlsSecret } from './tls-resolution';

/** The DNS names the certificates of a listener cover, with where they come from; undefined when any of them is not known at synth. */
function listenerCertificates(context: PolicyContext, gateway: PolicyObject, listener: any): { names: readonly string[]; sources: string } | undefined {
  const refs = certificateRefs(gateway).filter((c) => c.listener === listener);
  if (refs.length === 0) return undefined;
  const names: string[] = [];
  const sources: string[] = [];
  for (const { ref, namespace } of refs) {
    if (isExternalGatewaySecret(gateway, namespace, ref.name, context.options.externalSecrets)) return undefined;
    const resolved = resolveTlsSecret(context, namespace, ref.name);
    if (!resolved?.dnsNames) return undefined;
    names.push(...resolved.dnsNames);
    sources.push(describeObject(resolved.source));
  }
  return { names, sources: sources.join(', ') };
}

const covers = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ') || 'no DNS names';

export const gwTlsCertCoversHostname: Rule = {
  id: 'gw-tls-cert-covers-hostname',
  severity: 'error',
  severityReason: 'HTTPS cannot work as written: clients reject a certificate that does not cover the host they asked for.',
  crossObject: true,
  description: "When the certificate behind an HTTPS listener is known at synth (PEM in the Secret, or a cert-manager Certificate), it covers the listener's hostname and the hostnames of the routes it serves (a *. certificate covers one label, though a *. listener accepts deeper names).",
  fix: 'Add the name to the certificate (SAN or dnsNames), use a certificate that covers it, or serve the name from a listener with a matching certificate.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // Listener → its certificates; null when they are not known at synth.
    const known = new Map<any, ReturnType<typeof listenerCertificates> | null>();
    const certificatesOf = (gateway: PolicyObject, listener: any) => {
      let certs = known.get(listener);
      // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
      if (certs === undefined) known.set(listener, (certs = listenerCertificates(context, gateway, listener) ?? null));
      return certs;
    };
    // Whether a listener has certificates known at synth: without one, no route can be served with a certificate to judge.
    // Stryker disable next-line BooleanLiteral: equivalent, starting true only turns the shortcut below off (only slower)
    let anyKnown = false;
    for (const gateway of context.ofKind('Gateway')) {
      list(gateway.manifest.spec?.listeners).forEach((listener: any, i: number) => {
        const certs = certificatesOf(gateway, listener);
        // Stryker disable next-line ConditionalExpression: equivalent, always true only turns the shortcut below off (only slower)
        if (certs) anyKnown = true;
        // Stryker disable next-line OptionalChaining: equivalent, a null listener has no certificateRefs, so `!certs` returns first.
        if (!certs || typeof listener?.hostname !== 'string' || certificateCoversHost(certs.names, listener.hostname)) return;
        out.push({ object: gateway, message: `spec.listeners[${i}].hostname "${listener.hostname}" is not covered by the certificate of ${certs.sources} (it covers ${covers(certs.names)}); browsers reject the connection.` });
      });
    }
    // Every listener a route attaches to is a listener of these Gateways, asked above: no route to read (the common case).
    // Stryker disable next-line ConditionalExpression: equivalent, without the shortcut the routes' listeners have no certificates to judge
    if (!anyKnown) return out;
    // Indexed loops and no closure per parentRef: this runs over every route of every synth.
    const parents = gatewayParentRefs(context);
    for (let p = 0; p < parents.length; p++) {
      const route = parents[p].route;
      // Stryker disable next-line OptionalChaining: equivalent, a route with parentRefs has a spec
      const hostnames = route.manifest.spec?.hostnames;
      if (!Array.isArray(hostnames) || hostnames.length === 0) continue;
      const gateway = parents[p].gateway;
      // Stryker disable next-line ConditionalExpression: equivalent, a parent without Gateway selects no listener.
      if (!gateway) continue;
      const accepting = acceptingListeners(context, route, parents[p]);
      for (let a = 0; a < accepting.length; a++) {
        const listener = accepting[a].listener;
        const certs = certificatesOf(gateway, listener);
        if (!certs) continue;
        // Stryker disable next-line EqualityOperator: equivalent, one past the end reads undefined, which is not a string and is skipped
        for (let h = 0; h < hostnames.length; h++) {
          const host = hostnames[h];
          // Holes and hostnames that are not strings are the schema's to report, as the filter of strings skipped them.
          if (typeof host !== 'string') continue;
          // A wildcard route hostname under a concrete listener serves the listener's name, checked above.
          // Stryker disable next-line StringLiteral: equivalent, under a concrete listener only its own name (skipped before) or a wildcard intersects it
          if (!hostnamesIntersect(listener.hostname, host) || host === listener.hostname || (host.startsWith('*.') && listener.hostname && !listener.hostname.startsWith('*.'))) continue;
          if (certificateCoversHost(certs.names, host)) continue;
          out.push({ object: route, message: `spec.hostnames[${h}] "${host}" is served by listener "${listener.name}" of ${describeObject(gateway)} with the certificate of ${certs.sources}, which does not cover it (it covers ${covers(certs.names)}); browsers reject the connection.` });
        }
      }
    }
    return out;
  },
};
