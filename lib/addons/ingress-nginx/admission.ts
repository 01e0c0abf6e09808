import type { IValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IService } from 'kubernetes-models/v1/Service';
import { installLabels } from './labels';
import { CERTGEN_SECURITY_CONTEXT, INGRESS_NGINX_VERSION } from './upstream';

/** What the admission objects need to know about the install. */
export interface AdmissionOptions {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Record<string, string>;
  readonly certgenImage: string;
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly nodeSelector: Record<string, string>;
  readonly versionedJobNames: boolean;
}

/** `v1-15-1`: the version as a name suffix. */
export const VERSION_SUFFIX = `v${INGRESS_NGINX_VERSION.replace(/\./g, '-')}`;

/** The Service the API server calls the webhook through (port 443 → the pod's `webhook` port). */
export function admissionServiceManifest(o: AdmissionOptions): IService {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: `${o.name}-controller-admission`, namespace: o.namespace, labels: installLabels(o.name, 'controller') },
    spec: {
      ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }],
      selector: { ...o.selector },
      type: 'ClusterIP',
    },
  };
}

/** The name of the create or patch Job. */
export function admissionJobName(o: Pick<AdmissionOptions, 'name' | 'versionedJobNames'>, step: 'create' | 'patch'): string {
  return `${o.name}-admission-${step}${o.versionedJobNames ? `-${VERSION_SUFFIX}` : ''}`;
}

function jobManifest(o: AdmissionOptions, step: 'create' | 'patch', args: string[]): IJob {
  const name = admissionJobName(o, step);
  const labels = installLabels(o.name, 'admission-webhook');
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: o.namespace, labels },
    spec: {
      template: {
        metadata: { labels, name },
        spec: {
          automountServiceAccountToken: true,
          containers: [{
            args,
            env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            image: o.certgenImage,
            imagePullPolicy: 'IfNotPresent',
            name: step,
            securityContext: CERTGEN_SECURITY_CONTEXT,
          }],
          nodeSelector: { ...o.nodeSelector },
          restartPolicy: 'OnFailure',
          serviceAccountName: `${o.name}-admission`,
        },
      },
      // Upstream: a finished Job is deleted at once, so re-applying the same file creates it again instead of failing on its immutable template.
      ttlSecondsAfterFinished: 0,
    },
  };
}

/** The two kube-webhook-certgen Jobs: create the certificate Secret, then patch its CA into the webhook. */
export function admissionJobManifests(o: AdmissionOptions): [IJob, IJob] {
  const service = `${o.name}-controller-admission`;
  return [
    jobManifest(o, 'create', [
      'create',
      `--host=${service},${service}.$(POD_NAMESPACE).svc`,
      '--namespace=$(POD_NAMESPACE)',
      `--secret-name=${o.name}-admission`,
    ]),
    jobManifest(o, 'patch', [
      'patch',
      `--webhook-name=${o.name}-admission`,
      '--namespace=$(POD_NAMESPACE)',
      '--patch-mutating=false',
      `--secret-name=${o.name}-admission`,
      // The patch Job rewrites failurePolicy on the webhook, so it must agree with the manifest.
      `--patch-failure-policy=${o.failurePolicy}`,
    ]),
  ];
}

/** The webhook that validates Ingresses; its caBundle is filled in by the patch Job. */
export function validatingWebhookManifest(o: AdmissionOptions): IValidatingWebhookConfiguration {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration',
    metadata: { name: `${o.name}-admission`, labels: installLabels(o.name, 'admission-webhook') },
    webhooks: [{
      admissionReviewVersions: ['v1'],
      clientConfig: { service: { name: `${o.name}-controller-admission`, namespace: o.namespace, path: '/networking/v1/ingresses', port: 443 } },
      failurePolicy: o.failurePolicy,
      matchPolicy: 'Equivalent',
      name: 'validate.nginx.ingress.kubernetes.io',
      rules: [{ apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['ingresses'] }],
      sideEffects: 'None',
    }],
  };
}
