import { EXTERNAL_SECRETS_ANNOTATION } from '../../core/annotations';
import { TLS_SECRET_TYPE } from '../../tls/tls-secret-validation';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { certificateRefs, isExternalGatewaySecret } from './gateway-parts';
import { hasTlsSecretSources, resolveTlsSecret } from './tls-resolution';

export const gwTlsSecretExists: Rule = {
  id: 'gw-tls-secret-exists',
  severity: 'error',
  severityReason: 'HTTPS cannot work: a listener whose certificate Secret is missing is not programmed (InvalidCertificateRef); info when the input holds no Secret source in that namespace to judge by.',
  crossObject: true,
  description: `Each Gateway listener certificateRef names a kubernetes.io/tls Secret or a cert-manager Certificate's secretName, or one declared external (Gateway annotation ${EXTERNAL_SECRETS_ANNOTATION}, "name" or "namespace/name", or option externalSecrets); else InvalidCertificateRef.`,
  fix: `Add the TLS Secret (or Certificate) to the manifests, fix the name, or list it in the Gateway annotation ${EXTERNAL_SECRETS_ANNOTATION}.`,
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const gateway of context.ofKind('Gateway')) {
      for (const { ref, field, namespace } of certificateRefs(gateway)) {
        if (isExternalGatewaySecret(gateway, namespace, ref.name, context.options.externalSecrets)) continue;
        const resolved = resolveTlsSecret(context, namespace, ref.name);
        if (!resolved && !hasTlsSecretSources(context, namespace)) {
          out.push({
            object: gateway, severity: 'info',
            message: `cannot judge ${field}.name "${ref.name}": these manifests hold no Secret (nor Certificate, SealedSecret, ExternalSecret) in namespace "${namespace}"; Secrets are usually kept out of git.`,
            fix: `Declare it external (Gateway annotation ${EXTERNAL_SECRETS_ANNOTATION}, or --external-secret) to say where it comes from.`,
          });
        } else if (!resolved) {
          out.push({ object: gateway, message: `${field}.name "${ref.name}" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${namespace}", and is not declared external; the listener has no certificate (InvalidCertificateRef).` });
        } else if (resolved.source.kind === 'Secret' && resolved.source.manifest.type !== TLS_SECRET_TYPE) {
          out.push({ object: gateway, message: `${field}.name "${ref.name}" names ${describeObject(resolved.source)} of type ${JSON.stringify(resolved.source.manifest.type ?? 'Opaque')}, not kubernetes.io/tls (InvalidCertificateRef).` });
        }
      }
    }
    return out;
  },
};
