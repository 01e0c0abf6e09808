import type { Problem } from '../errors';
import { parseQuantity, QUANTITY_RULE } from '../quantity';
import type { FieldRule } from './field-rules';

/** A quantity as YAML may hold it: `250m`, `1`, or the number 1. */
function quantityValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? parseQuantity(value) : undefined;
}

const NON_NEGATIVE_QUANTITY = `${QUANTITY_RULE}; 0 or more`;

/**
 * The resource kinds whose request and limit the API server compares
 * (ValidateResourceRequirements): all that `Container.resources` reads.
 */
const COMPARED_RESOURCE_KINDS: readonly string[] = ['cpu', 'memory', 'ephemeral-storage'];

export const quantityRules = {
  'Container.resources.*': {
    source: 'core validation ValidateResourceQuantityValue / ValidateNonnegativeQuantity',
    allowed: NON_NEGATIVE_QUANTITY,
    check: (value, { field }) => {
      const parsed = quantityValue(value);
      const cpu = field.endsWith('cpu');
      if (parsed === undefined) {
        return [{ field, message: 'is not a Kubernetes quantity.', value, allowed: QUANTITY_RULE, fix: cpu ? 'write e.g. "250m" or "1".' : 'write e.g. "256Mi" or "1Gi".' }];
      }
      if (parsed < 0) {
        return [{ field, message: 'is negative; the API server rejects a negative quantity.', value, allowed: NON_NEGATIVE_QUANTITY, fix: cpu ? 'use a positive amount such as "500m", or leave it unset for the default.' : 'use a positive amount such as "256Mi", or leave it unset for the default.' }];
      }
      return [];
    },
  },
  'Container.resources': {
    source: 'core validation ValidateResourceRequirements (a request above its limit is rejected)',
    allowed: 'each request at most its limit',
    check: (value, { field }) => {
      const resources = (value ?? {}) as { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
      const problems: Problem[] = [];
      for (const kind of COMPARED_RESOURCE_KINDS) {
        const request = resources.requests?.[kind];
        const limit = resources.limits?.[kind];
        const r = quantityValue(request);
        const l = quantityValue(limit);
        if (r === undefined || l === undefined || r < 0 || l < 0 || r <= l) continue;
        problems.push({
          field: `${field}.requests.${kind}`, message: `is above the limit ${String(limit)}; the API server rejects that.`, value: request,
          allowed: `at most ${String(limit)}`, fix: 'lower the request or raise the limit.',
        });
      }
      return problems;
    },
  },
} satisfies Record<string, FieldRule>;

/** Requests and limits as props give them: `{ requests: { cpu: '250m' }, limits: { memory: '256Mi' } }`. */
export interface ResourceQuantityProps {
  readonly requests?: object;
  readonly limits?: object;
}

/**
 * Each quantity of a resources prop (`field.requests.cpu` …), then each
 * request against its limit, after defaults when `resolved` is given.
 */
export function resourcesPropProblems(field: string, resources: ResourceQuantityProps | undefined, resolved?: ResourceQuantityProps): Problem[] {
  const problems: Problem[] = [];
  for (const side of ['requests', 'limits'] as const) {
    for (const [kind, value] of Object.entries(resources?.[side] ?? {}) as Array<[string, unknown]>) {
      if (value !== undefined) problems.push(...quantityRules['Container.resources.*'].check(value, { field: `${field}.${side}.${kind}` }));
    }
  }
  if (problems.length > 0) return problems;
  return quantityRules['Container.resources'].check(resolved ?? resources, { field });
}
