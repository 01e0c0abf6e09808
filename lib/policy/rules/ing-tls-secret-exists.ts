import { EXTERNAL_SECRETS_ANNOTATION } from '../../core/annotations';
import { TLS_SECRET_TYPE } from '../../tls/tls-secret-validation';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { ingressTlsEntries, isExternalSecret } from './ingress-parts';
import { resolveTlsSecret } from './tls-resolution';

export const ingTlsSecretExists: Rule = {
  id: 'ing-tls-secret-exists',
  severity: 'error',
  severityReason: 'HTTPS cannot work: without the Secret the controller serves its default, untrusted certificate (info when the input holds no Secret source in that namespace to judge by).',
  crossObject: true,
  description: `Each Ingress tls[].secretName is a kubernetes.io/tls Secret or a cert-manager Certificate's secretName in the same namespace, or is declared external (annotation ${EXTERNAL_SECRETS_ANNOTATION} or option externalSecrets).`,
  fix: `Add the TLS Secret (or Certificate) to the app, fix the name, or list it in the Ingress annotation ${EXTERNAL_SECRETS_ANNOTATION}.`,
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const ingress of context.ofKind('Ingress')) {
      for (const { secretName, field } of ingressTlsEntries(ingress.manifest)) {
        if (isExternalSecret(ingress, secretName, context.options.externalSecrets)) continue;
        const resolved = resolveTlsSecret(context, ingress.namespace, secretName);
        if (!resolved) {
          out.push({ object: ingress, message: `${field}.secretName "${secretName}" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${ingress.namespace}", and is not declared external.` });
        } else if (resolved.source.kind === 'Secret' && resolved.source.manifest.type !== TLS_SECRET_TYPE) {
          out.push({ object: ingress, message: `${field}.secretName "${secretName}" names ${describeObject(resolved.source)} of type ${JSON.stringify(resolved.source.manifest.type ?? 'Opaque')}, not kubernetes.io/tls.` });
        }
      }
    }
    return out;
  },
};
