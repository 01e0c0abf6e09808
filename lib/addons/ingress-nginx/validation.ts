import { Problem } from '../../core/errors';
import { hasFieldProblems, resourcesPropProblems } from '../../core/validation';
import { annotationProblems, labelProblems } from '../../core/metadata-validation';
import { CONFIG_MAP_KEY_RULE, DNS1035_RULE, DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isConfigMapKey, isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../../core/names';
import { isPortNumber } from '../../core/net';
import { imageProblems, registryProblems } from '../common/image';
import { IngressNginxProps } from './props';
import { DEFAULT_REQUESTS, WEBHOOK_PORT } from './upstream';

/** `<name>-controller-admission` is a Service name: DNS-1035, at most 63 characters. */
export const MAX_NAME_LENGTH = 63 - '-controller-admission'.length;

const FLAG = /^[a-z0-9][a-z0-9-]*$/;

/** Flags the construct writes from its own props; giving them again in extraArgs would repeat them. */
export const MANAGED_FLAGS: Readonly<Record<string, string>> = {
  'publish-service': 'publishService',
  'election-id': 'name',
  'controller-class': 'controllerValue',
  'ingress-class': 'ingressClassName',
  'configmap': 'config',
  'watch-namespace': 'watchNamespace',
  'report-node-internal-ip-address': 'exposure: "HostNetwork"',
  'validating-webhook': 'admissionWebhook',
  'validating-webhook-certificate': 'admissionWebhook',
  'validating-webhook-key': 'admissionWebhook',
  'enable-metrics': 'metrics',
  'healthz-port': 'metrics.port',
  'default-ssl-certificate': 'defaultCertificate',
};

/**
 * Props that are wrong on their own or together, before any manifest exists.
 * The Service is checked separately by `serviceProblems` on the built manifest.
 */
export function ingressNginxPropProblems(name: string, props: IngressNginxProps): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string) =>
    problems.push({ field, message, value, allowed, fix });

  if (!isDns1035Label(name) || name.length > MAX_NAME_LENGTH) {
    add('name', `is not usable as the base of the object names (the longest is "<name>-controller-admission", a Service name).`, name,
      `${DNS1035_RULE}, and at most ${MAX_NAME_LENGTH} characters`, 'pass a short name such as "ingress-nginx", or rename the construct.');
  }
  if (props.namespace !== undefined && !isDns1123Label(props.namespace)) {
    add('namespace', 'is not a valid Namespace name.', props.namespace, DNS1123_LABEL_RULE, 'use a name such as "ingress-nginx".');
  }
  if (props.provider !== undefined && !['baremetal', 'cloud'].includes(props.provider)) {
    add('provider', 'is not a provider.', props.provider, 'baremetal, cloud', 'use "baremetal" or "cloud".');
  }
  if (props.exposure !== undefined && !['NodePort', 'LoadBalancer', 'HostNetwork'].includes(props.exposure)) {
    add('exposure', 'is not an exposure.', props.exposure, 'NodePort, LoadBalancer, HostNetwork', 'use one of the allowed values.');
  }
  if (props.replicas !== undefined) {
    if (!Number.isInteger(props.replicas) || props.replicas < 1) {
      add('replicas', 'is not a whole number of pods of at least 1.', props.replicas, '1, 2, 3…', 'give the number of controller pods.');
    } else if (props.exposure === 'HostNetwork') {
      add('replicas', 'does not apply with exposure "HostNetwork", which runs one pod per matching node (a DaemonSet).', props.replicas, undefined, 'drop replicas and choose the nodes with nodeSelector, or use exposure "NodePort" or "LoadBalancer".');
    }
  }
  if (props.ingressClassName !== undefined && !isDns1123Subdomain(props.ingressClassName)) {
    add('ingressClassName', 'is not a valid IngressClass name.', props.ingressClassName, DNS1123_SUBDOMAIN_RULE, 'use a name such as "nginx" or "nginx-internal".');
  }
  // The IngressClass row of the field table decides (domain, "/", RFC 3986 path, at most 250); the words name the prop.
  if (props.controllerValue !== undefined && hasFieldProblems('IngressClass.spec.controller', props.controllerValue)) {
    add('controllerValue', 'is not a domain-prefixed path, as IngressClass spec.controller must be.', props.controllerValue, 'a domain, "/", then a path, at most 250 characters (k8s.io/ingress-nginx)', 'use a value such as "k8s.io/ingress-nginx-internal".');
  }
  for (const key of Object.keys(props.config ?? {})) {
    if (!isConfigMapKey(key)) {
      add(`config["${key}"]`, 'is not a valid ConfigMap key.', key, CONFIG_MAP_KEY_RULE, 'use the option name from the ingress-nginx ConfigMap documentation, e.g. "proxy-body-size".');
    }
  }
  if (props.watchNamespace !== undefined && !isDns1123Label(props.watchNamespace)) {
    add('watchNamespace', 'is not a valid Namespace name.', props.watchNamespace, DNS1123_LABEL_RULE, 'give the namespace whose Ingresses the controller serves.');
  }
  const cert = props.defaultCertificate;
  if (cert !== undefined) {
    if (!isDns1123Subdomain(cert.secretName)) add('defaultCertificate.secretName', 'is not a valid Secret name.', cert.secretName, DNS1123_SUBDOMAIN_RULE, 'give the name of the kubernetes.io/tls Secret.');
    if (cert.namespace !== undefined && !isDns1123Label(cert.namespace)) add('defaultCertificate.namespace', 'is not a valid Namespace name.', cert.namespace, DNS1123_LABEL_RULE, 'give the namespace of the Secret.');
  }
  const metricsPort = props.metrics?.port;
  if (metricsPort !== undefined && (!isPortNumber(metricsPort) || [80, 443, WEBHOOK_PORT].includes(metricsPort))) {
    add('metrics.port', 'is not a free port number.', metricsPort, `1-65535 except 80, 443 and ${WEBHOOK_PORT} (used by nginx and the webhook)`, 'leave it unset (10254) or pick another port.');
  }
  for (const key of Object.keys(props.extraArgs ?? {})) {
    if (MANAGED_FLAGS[key] !== undefined) {
      add(`extraArgs["${key}"]`, 'is a flag this construct writes itself.', key, undefined, `use the \`${MANAGED_FLAGS[key]}\` prop instead.`);
    } else if (!FLAG.test(key)) {
      add(`extraArgs["${key}"]`, 'is not a flag name.', key, 'lowercase letters, digits and "-", without the leading "--"', 'write the flag without dashes in front, e.g. "enable-ssl-passthrough".');
    }
  }
  if (props.admissionWebhook === false && props.webhookFailurePolicy !== undefined) {
    add('webhookFailurePolicy', 'is set but admissionWebhook is false, so there is no webhook.', props.webhookFailurePolicy, undefined, 'drop webhookFailurePolicy, or turn the webhook on.');
  }
  if (props.webhookFailurePolicy !== undefined && !['Fail', 'Ignore'].includes(props.webhookFailurePolicy)) {
    add('webhookFailurePolicy', 'is not a failure policy.', props.webhookFailurePolicy, 'Fail, Ignore', 'use "Fail" or "Ignore".');
  }
  if (props.admissionWebhook === false && props.certgenImage !== undefined) {
    add('certgenImage', 'is set but admissionWebhook is false, so no Job uses it.', props.certgenImage, undefined, 'drop certgenImage, or turn the webhook on.');
  }
  // The upstream requests apply when none are given, so a limit below them is a request above its limit.
  problems.push(...resourcesPropProblems('resources', props.resources, { requests: props.resources?.requests ?? DEFAULT_REQUESTS, limits: props.resources?.limits }));
  // The API server validates a nodeSelector as labels (ValidateLabels) and annotation keys as qualified names.
  problems.push(...labelProblems('nodeSelector', props.nodeSelector), ...annotationProblems('serviceAnnotations', props.serviceAnnotations));
  problems.push(...registryProblems('imageRegistry', props.imageRegistry));
  problems.push(...imageProblems('controllerImage', props.controllerImage));
  problems.push(...imageProblems('certgenImage', props.certgenImage));
  return problems;
}
