import { EXTERNAL_SECRETS_ANNOTATION } from '../../core/annotations';
import { TLS_SECRET_TYPE } from '../../tls/tls-secret-validation';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { ingressTlsEntries, isExternalSecret } from './ingress-parts';
import { hasTlsSecretSources, resolveTlsSecret } from './tls-resolution';

/** Ingress annotations that make cert-manager write the TLS Secrets of its tls entries (ingress-shim). */
const CERT_MANAGER_SHIM_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'];

export const ingTlsSecretExists: Rule = {
  id: 'ing-tls-secret-exists',
  severity: 'error',
  severityReason: 'HTTPS cannot work: without the Secret the controller serves its default, untrusted certificate (info when the input holds no Secret source in that namespace to judge by).',
  crossObject: true,
  description: `Each Ingress tls[].secretName is a kubernetes.io/tls Secret in the same namespace, or one a cert-manager Certificate (or issuer annotation), SealedSecret or ExternalSecret writes, or is declared external (annotation ${EXTERNAL_SECRETS_ANNOTATION} or option externalSecrets).`,
  fix: `Add the TLS Secret (or Certificate) to the app, fix the name, or list it in the Ingress annotation ${EXTERNAL_SECRETS_ANNOTATION}.`,
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const ingress of context.ofKind('Ingress')) {
      // cert-manager's ingress-shim creates the Secrets of an Ingress annotated with an issuer.
      const annotations = ingress.manifest.metadata?.annotations ?? {};
      const certManagerShim = CERT_MANAGER_SHIM_ANNOTATIONS.some((key) => typeof annotations[key] === 'string' && annotations[key] !== '');
      for (const { secretName, field } of ingressTlsEntries(ingress.manifest)) {
        if (isExternalSecret(ingress, secretName, context.options.externalSecrets) || certManagerShim) continue;
        const resolved = resolveTlsSecret(context, ingress.namespace, secretName);
        if (!resolved && !hasTlsSecretSources(context, ingress.namespace)) {
          out.push({
            object: ingress, severity: 'info',
            message: `cannot judge ${field}.secretName "${secretName}": these manifests hold no Secret (nor Certificate, SealedSecret, ExternalSecret) in namespace "${ingress.namespace}"; Secrets are usually kept out of git.`,
            fix: `Declare it external (annotation ${EXTERNAL_SECRETS_ANNOTATION}, or --external-secret) to say where it comes from.`,
          });
        } else if (!resolved) {
          out.push({ object: ingress, message: `${field}.secretName "${secretName}" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${ingress.namespace}", and is not declared external.` });
        } else if (resolved.source.kind === 'Secret' && resolved.source.manifest.type !== TLS_SECRET_TYPE) {
          out.push({ object: ingress, message: `${field}.secretName "${secretName}" names ${describeObject(resolved.source)} of type ${JSON.stringify(resolved.source.manifest.type ?? 'Opaque')}, not kubernetes.io/tls.` });
        }
      }
    }
    return out;
  },
};
