import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { appSourceFile, generatedHeader } from '../../lib/app/publish';
import { appHost, appImage, appName, CONTAINER_PORT, GATEWAY_CHART, INGRESS_CHART, INGRESS_CLASS, INGRESS_NAME, ingressRule, Layout, NAMESPACE, REPLICAS, Routing, SERVICE_PORT, TLS_SECRET } from '../workload';
import { gatewayRoutingObjects } from './gateway-objects';

// The floor: the objects `ours` writes, byte for byte, as plain JavaScript
// objects (keys already in cdk8s' sorted order) serialized with the same `yaml`
// package and options as cdk8s' Yaml.save (cdk8s 2.70 lib/yaml.js).
const YAML_OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;
/** The line NetkitApp puts first in every manifest file (read once, as NetkitApp does per synth). */
const HEADER = generatedHeader(appSourceFile());

export function saveYaml(file: string, docs: readonly unknown[]): void {
  writeFileSync(file, HEADER + docs.map((d) => YAML.stringify(d, YAML_OPTIONS)).join('---\n'), { encoding: 'utf8' });
}

/**
 * `saveYaml` as NetkitApp has cdk8s serialize (the same bytes): each file's
 * documents serialized smallest first and joined in their order, with the
 * YAML library's tag scan skipped (lib/app/yaml-serialization.ts explains
 * both). A floor that does what NetkitApp does, to compare with.
 */
export function saveYamlAsNetkit(file: string, docs: readonly unknown[]): void {
  const parts = new Array<string>(docs.length);
  const order = docs.map((doc, index) => ({ index, weight: countValues(doc) })).sort((a, b) => a.weight - b.weight || a.index - b.index);
  for (const { index } of order) parts[index] = YAML.stringify(docs[index], YAML_OPTIONS);
  writeFileSync(file, HEADER + parts.join('---\n'), { encoding: 'utf8' });
}

/** Runs `work` with Directives#toString answering '' where it can only print nothing: the default tag handle alone, no %YAML. */
function skippingTagScan(work: () => void): void {
  const prototype = Object.getPrototypeOf(new YAML.Document(null).directives);
  const stock = prototype.toString;
  prototype.toString = function (this: { yaml: { explicit?: boolean }; tags: Record<string, string> }, doc?: unknown) {
    const tags = Object.entries(this.tags);
    const defaultOnly = tags.length === 1 && tags[0][0] === '!!' && tags[0][1] === 'tag:yaml.org,2002:';
    return this.yaml.explicit === false && defaultOnly ? '' : stock.call(this, doc);
  };
  try {
    work();
  } finally {
    prototype.toString = stock;
  }
}

function countValues(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  let count = 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) count += countValues(item);
  return count;
}

export function namespaceObject() {
  return {
    apiVersion: 'v1', kind: 'Namespace',
    metadata: {
      labels: {
        'app.kubernetes.io/managed-by': 'cdk8s-netkit',
        // Pod Security Admission at the level the WebApps' default profile meets, pinned (docs/isolation.md).
        'pod-security.kubernetes.io/audit': 'baseline', 'pod-security.kubernetes.io/audit-version': 'v1.35',
        'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.35',
        'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/warn-version': 'v1.35',
      },
      name: NAMESPACE,
    },
  };
}

export function deploymentObject(i: number) {
  const name = appName(i);
  const selector = () => ({ 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': name });
  const labels = () => ({
    'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': 'cdk8s-netkit',
    'app.kubernetes.io/name': name, 'app.kubernetes.io/version': '1.0.0',
  });
  const probe = (initialDelaySeconds: number) => ({
    failureThreshold: 3, initialDelaySeconds, periodSeconds: 10, tcpSocket: { port: 'http' }, timeoutSeconds: 1,
  });
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { labels: labels(), name, namespace: NAMESPACE },
    spec: {
      minReadySeconds: 10,
      replicas: REPLICAS,
      selector: { matchLabels: selector() },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: labels() },
        spec: {
          automountServiceAccountToken: false,
          containers: [{
            image: appImage(i),
            imagePullPolicy: 'IfNotPresent',
            lifecycle: { preStop: { sleep: { seconds: 10 } } },
            livenessProbe: probe(15),
            name,
            ports: [{ containerPort: CONTAINER_PORT, name: 'http', protocol: 'TCP' }],
            readinessProbe: probe(0),
            resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
            securityContext: {
              allowPrivilegeEscalation: false, capabilities: { drop: ['NET_RAW'] }, privileged: false, readOnlyRootFilesystem: false,
            },
          }],
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          terminationGracePeriodSeconds: 40,
          topologySpreadConstraints: [{
            labelSelector: { matchLabels: selector() }, maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway',
          }],
        },
      },
    },
  };
}

export function podDisruptionBudgetObject(i: number) {
  const name = appName(i);
  return {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
    metadata: {
      labels: {
        'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': 'cdk8s-netkit',
        'app.kubernetes.io/name': name, 'app.kubernetes.io/version': '1.0.0',
      },
      name, namespace: NAMESPACE,
    },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': name } },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}

export function serviceObject(i: number) {
  const name = appName(i);
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      labels: { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': 'cdk8s-netkit', 'app.kubernetes.io/name': name },
      name, namespace: NAMESPACE,
    },
    spec: {
      ports: [{ port: SERVICE_PORT, protocol: 'TCP', targetPort: CONTAINER_PORT }],
      selector: { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': name },
      type: 'ClusterIP',
    },
  };
}

export function ingressObject(n: number) {
  const rules = [];
  const hosts = [];
  for (let i = 0; i < n; i++) {
    rules.push(ingressRule(i));
    hosts.push(appHost(i));
  }
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: {
      annotations: { 'netkit.io/external-secrets': TLS_SECRET, 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
      labels: {
        'app.kubernetes.io/component': 'ingress', 'app.kubernetes.io/instance': INGRESS_NAME,
        'app.kubernetes.io/managed-by': 'cdk8s-netkit', 'app.kubernetes.io/name': INGRESS_NAME,
      },
      name: INGRESS_NAME, namespace: NAMESPACE,
    },
    spec: { ingressClassName: INGRESS_CLASS, rules, tls: [{ hosts, secretName: TLS_SECRET }] },
  };
}

/** Every object of the workload, file by file, as `ours` (or `ours-gateway`) lays them out. */
export function floorFiles(n: number, layout: Layout, routing: Routing = 'ingress'): Map<string, unknown[]> {
  const files = new Map<string, unknown[]>();
  const routingDocs = () => (routing === 'ingress' ? [ingressObject(n)] : gatewayRoutingObjects(n));
  if (layout === 'one-chart') {
    const docs: unknown[] = [namespaceObject(), ...routingDocs()];
    for (let i = 0; i < n; i++) docs.push(deploymentObject(i), podDisruptionBudgetObject(i), serviceObject(i));
    files.set(`${NAMESPACE}.k8s.yaml`, docs);
    return files;
  }
  for (let i = 0; i < n; i++) files.set(`${appName(i)}.k8s.yaml`, [deploymentObject(i), podDisruptionBudgetObject(i), serviceObject(i)]);
  files.set(`${routing === 'ingress' ? INGRESS_CHART : GATEWAY_CHART}.k8s.yaml`, [namespaceObject(), ...routingDocs()]);
  return files;
}

export function runFloor(n: number, layout: Layout, outdir: string, asNetkit = false, routing: Routing = 'ingress'): void {
  mkdirSync(outdir, { recursive: true });
  const write = () => {
    for (const [file, docs] of floorFiles(n, layout, routing)) (asNetkit ? saveYamlAsNetkit : saveYaml)(join(outdir, file), docs);
  };
  if (asNetkit) skippingTagScan(write);
  else write();
}
