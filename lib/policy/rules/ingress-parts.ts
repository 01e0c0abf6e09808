import { externalSecretNames } from '../../core/annotations';
import { PolicyObject } from '../types';

/** Every backend of an Ingress with the field path that holds it. */
export function ingressBackends(ingress: any): Array<{ backend: any; field: string }> {
  const out: Array<{ backend: any; field: string }> = [];
  const spec = ingress.spec ?? {};
  if (spec.defaultBackend) out.push({ backend: spec.defaultBackend, field: 'spec.defaultBackend' });
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up item in place of a missing list is a string, which has no http paths.
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: any, r: number) => {
    // Stryker disable next-line ArrayDeclaration: equivalent, a made-up item in place of a missing list is a string, which has no backend.
    (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((path: any, p: number) => {
      if (path?.backend) out.push({ backend: path.backend, field: `spec.rules[${r}].http.paths[${p}].backend` });
    });
  });
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
