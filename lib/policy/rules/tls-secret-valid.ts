import { TLS_SECRET_TYPE, tlsSecretProblems } from '../../tls/tls-secret-validation';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const tlsSecretValid: Rule = {
  id: 'tls-secret-valid',
  severity: 'error',
  severityReason: 'The API server rejects a kubernetes.io/tls Secret without both keys, and no controller can serve a certificate or key that does not parse.',
  description: `Every ${TLS_SECRET_TYPE} Secret has tls.crt and tls.key that parse as a PEM certificate and an unencrypted PEM key, valid data keys, and at most 1 MiB.`,
  fix: 'Put the PEM certificate chain in tls.crt and the unencrypted PEM private key in tls.key (what `kubectl create secret tls` does).',
  check: (context) => context.ofKind('Secret')
    .filter((o) => o.manifest.type === TLS_SECRET_TYPE)
    .flatMap((o) => problemViolations(o, tlsSecretProblems(o.manifest))),
};
