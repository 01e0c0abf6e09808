import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

/** Capabilities a web workload may add: binding ports below 1024 (what ingress-nginx adds). */
export const ALLOWED_ADDED_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE'];

/** No capabilities added: one list for every container without any. */
const NO_CAPABILITIES: readonly unknown[] = Object.freeze([]);

/** Whether a capability may be added (named with or without `CAP_`). */
const isAllowed = (capability: unknown): boolean => typeof capability === 'string' && ALLOWED_ADDED_CAPABILITIES.includes(capability.replace(/^CAP_/, ''));

/** Whether every capability of the list may be added (a hole is skipped, as `filter` skips it). */
// Stryker disable all: equivalent, this only decides whether the list is filtered (an answer "not all allowed" only costs the filter, which finds the same).
function allAllowed(added: readonly unknown[]): boolean {
  for (let i = 0; i < added.length; i++) if (i in added && !isAllowed(added[i])) return false;
  return true;
}
// Stryker restore all

export const secCaps: Rule = {
  id: 'sec-caps',
  severity: 'info',
  severityReason: 'Advice: adding capabilities is hardening to review, not a defect; the pods run as written.',
  description: `Containers add no Linux capability other than ${ALLOWED_ADDED_CAPABILITIES.join(', ')}.`,
  fix: 'Remove the capability from securityContext.capabilities.add, or record why with netkit.io/skip-sec-caps.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // An indexed loop, and the list filtered only when it holds a capability not allowed: runs for every container of every synth, mostly before V8 optimizes it.
    const containers = allContainers(context);
    for (let c = 0; c < containers.length; c++) {
      const added: readonly unknown[] = containers[c].container.securityContext?.capabilities?.add ?? NO_CAPABILITIES;
      // Nothing added (nearly every container) or only what is allowed: nothing to filter. Anything else is filtered as it was (an `add` that is no list throws, as it did).
      // Stryker disable next-line ConditionalExpression: equivalent when false, the filter below finds the same (nothing); forced true, sec-rules.boundaries.test.ts fails (every finding hidden).
      if (Array.isArray(added) && allAllowed(added)) continue;
      // A list that gets here holds a capability not allowed, so `extra` is never empty.
      const extra = added.filter((capability) => !isAllowed(capability));
      out.push({ object: containers[c].owner, message: `${containers[c].path}.securityContext.capabilities.add grants ${extra.map((cap) => JSON.stringify(cap)).join(', ')}.` });
    }
    return out;
  },
};
