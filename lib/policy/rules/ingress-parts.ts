import { externalSecretNames } from '../../core/annotations';
import { PolicyObject } from '../types';

/** The `rule` index of spec.defaultBackend in an {@link IngressBackend}. */
const DEFAULT_BACKEND = -1;

/**
 * One backend of an Ingress, and the field path that holds it, written when
 * first read: most backends of a large app have no finding, and this runs
 * for every route of every synth.
 */
export class IngressBackend {
  private written: string | undefined;

  /** `rule` and `path` index spec.rules[rule].http.paths[path]; rule {@link DEFAULT_BACKEND} is spec.defaultBackend. */
  constructor(readonly backend: any, private readonly rule: number, private readonly path: number) {}

  /** `spec.rules[0].http.paths[1].backend`, or `spec.defaultBackend`. */
  get field(): string {
    // Stryker disable next-line LogicalOperator: equivalent, writing the path again gives the same text (only slower)
    return (this.written ??= this.rule === DEFAULT_BACKEND ? 'spec.defaultBackend' : `spec.rules[${this.rule}].http.paths[${this.path}].backend`);
  }
}

/** Every backend of an Ingress, defaultBackend first, then the rules' paths in order. */
export function ingressBackends(ingress: any): IngressBackend[] {
  const out: IngressBackend[] = [];
  const spec = ingress.spec ?? {};
  if (spec.defaultBackend) out.push(new IngressBackend(spec.defaultBackend, DEFAULT_BACKEND, 0));
  const rules = spec.rules;
  if (!Array.isArray(rules)) return out;
  // Indexed loops without a closure per rule: see IngressBackend. A hole in a list reads as undefined and is skipped,
  // as forEach skipped it.
  // Stryker disable next-line EqualityOperator: equivalent, rules[length] is undefined, which has no paths.
  for (let r = 0; r < rules.length; r++) {
    const paths = rules[r]?.http?.paths;
    if (!Array.isArray(paths)) continue;
    // Stryker disable next-line EqualityOperator: equivalent, paths[length] is undefined, which has no backend.
    for (let p = 0; p < paths.length; p++) {
      const backend = paths[p]?.backend;
      if (backend) out.push(new IngressBackend(backend, r, p));
    }
  }
  return out;
}

/** The TLS entries of an Ingress that name a Secret. */
export function ingressTlsEntries(ingress: any): Array<{ secretName: string; hosts: string[]; field: string }> {
  const tls = ingress.spec?.tls;
  if (!Array.isArray(tls)) return [];
  return tls.flatMap((entry: any, i: number) => typeof entry?.secretName === 'string' && entry.secretName
    ? [{ secretName: entry.secretName, hosts: Array.isArray(entry.hosts) ? entry.hosts : [], field: `spec.tls[${i}]` }]
    : []);
}

/** Whether a TLS Secret name is declared as managed outside the manifests, on the Ingress or in the options. */
// Stryker disable next-line ArrayDeclaration: equivalent, a made-up default name has a space, which no Secret name can hold.
export function isExternalSecret(ingress: PolicyObject, secretName: string, external: readonly string[] = []): boolean {
  if (externalSecretNames(ingress.manifest.metadata?.annotations).includes(secretName)) return true;
  return external.includes(secretName) || external.includes(`${ingress.namespace}/${secretName}`);
}
