import { App, Chart, Testing } from 'cdk8s';
import { validatorFor } from '../../lib/policy/schema/openapi-validators';

/** The NetworkPolicies a chart writes, by name. */
export function policies(chart: Chart): Record<string, any> {
  const out: Record<string, any> = {};
  for (const o of Testing.synth(chart)) if (o.kind === 'NetworkPolicy') out[o.metadata.name] = o;
  return out;
}

/** Every NetworkPolicy of the charts, checked against the API server's OpenAPI schema (kubernetes-models). */
export function schemaErrors(...charts: Chart[]): unknown[] {
  const validate = validatorFor('networking.k8s.io/v1', 'NetworkPolicy');
  if (!validate) throw new Error('no NetworkPolicy validator');
  const errors: unknown[] = [];
  for (const chart of charts) {
    for (const o of Testing.synth(chart)) {
      if (o.kind !== 'NetworkPolicy') continue;
      if (!validate(o)) errors.push({ name: o.metadata.name, errors: (validate as any).errors });
    }
  }
  return errors;
}

export function app(): App {
  return Testing.app();
}
