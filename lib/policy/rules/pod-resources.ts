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
      const missing = [
        r.requests?.cpu === undefined ? 'requests.cpu' : undefined,
        r.requests?.memory === undefined ? 'requests.memory' : undefined,
        r.limits?.memory === undefined ? 'limits.memory' : undefined,
      ].filter((x) => x !== undefined);
      if (missing.length > 0) out.push({ object: owner, message: `${path}.resources is missing ${missing.join(', ')}.` });
    }
    return out;
  },
};
