import { Rule, RuleViolation } from '../types';
import { list } from './gateway-parts';

/**
 * What a listener needs from the port: HTTP reads plain HTTP, HTTPS and TLS
 * share TLS with SNI (they may share a port), TCP the whole port, UDP its own
 * transport. Two listeners on one port conflict when these differ, UDP aside.
 */
// A Map: a protocol the CRD accepts, such as "constructor", must not find Object.prototype's functions.
const PORT_USE = new Map<unknown, string>([['HTTP', 'plain HTTP'], ['HTTPS', 'TLS'], ['TLS', 'TLS'], ['TCP', 'raw TCP'], ['UDP', 'UDP']]);

export const gwListenersDistinct: Rule = {
  id: 'gw-listeners-distinct',
  severity: 'error',
  severityReason: 'Traffic cannot flow: conflicted listeners are not programmed, so nothing is served on them.',
  description: 'Listeners of a Gateway that share a port agree on what the port carries (HTTP alone, HTTPS and TLS together, TCP alone); otherwise they are Conflicted (ProtocolConflict) and none of them is programmed.',
  fix: 'Move one of the listeners to another port (80 for HTTP, 443 for HTTPS).',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const gateway of context.ofKind('Gateway')) {
      const first = new Map<number, { name: string; protocol: string; use: string }>();
      list(gateway.manifest.spec?.listeners).forEach((listener: any, i: number) => {
        const use = PORT_USE.get(listener?.protocol);
        if (!use || typeof listener.port !== 'number') return;
        // Stryker disable next-line EqualityOperator: equivalent, only the sign of UDP against the rest matters, not which side is negative.
        const key = use === 'UDP' ? -listener.port : listener.port;
        const other = first.get(key);
        if (!other) {
          first.set(key, { name: listener.name, protocol: listener.protocol, use });
          return;
        }
        if (other.use === use) return;
        out.push({ object: gateway, message: `spec.listeners[${i}] ("${listener.name}", ${listener.protocol}) shares port ${listener.port} with listener "${other.name}" (${other.protocol}): one port carries either ${other.use} or ${use}, so both listeners are Conflicted (ProtocolConflict) and the Gateway is not fully programmed.` });
      });
    }
    return out;
  },
};
