import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

export const podResources: Rule = {
  id: 'pod-resources',
  severity: 'info',
  severityReason: 'Advice: the API server and the scheduler accept containers without requests or limits.',
  description: 'Every container requests CPU and memory and has a memory limit, so the scheduler can place it and a leak cannot starve its node.',
  fix: 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory (WebApp sets defaults).',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const { owner, container, path } of allContainers(context)) {
      const r = container.resources ?? {};
      // The list of what is missing is made only for a container that misses something (most have all three).
      if (r.requests?.cpu !== undefined && r.requests?.memory !== undefined && r.limits?.memory !== undefined) continue;
      const missing = [
        r.requests?.cpu === undefined ? 'requests.cpu' : undefined,
        r.requests?.memory === undefined ? 'requests.memory' : undefined,
        r.limits?.memory === undefined ? 'limits.memory' : undefined,
      ].filter((x) => x !== undefined);
      out.push({ object: owner, message: `${path}.resources is missing ${missing.join(', ')}.` });
    }
    return out;
  },
};
