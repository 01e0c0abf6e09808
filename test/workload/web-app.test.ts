import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { NetkitError, Probe, WebApp } from '../../lib';
import { find, newChart, synth } from '../helpers/objects';

function deploymentOf(build: (chart: ReturnType<typeof newChart>) => void, name = 'web') {
  const chart = newChart();
  build(chart);
  return find(synth(chart), 'Deployment', name);
}
const containerOf = (d: any) => d.spec.template.spec.containers[0];

describe('WebApp defaults', () => {
  const d = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.17.2', port: 80 }));
  const c = containerOf(d);

  test('name, namespace and 2 replicas', () => {
    expect(d.metadata).toMatchObject({ name: 'web', namespace: 'test' });
    expect(d.spec.replicas).toBe(2);
  });

  test('selects on app.kubernetes.io/name + instance only, never a construct path or hash', () => {
    expect(d.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web' } });
    expect(JSON.stringify(d)).not.toContain('cdk8s.io/metadata.addr');
  });

  test('recommended labels on the Deployment and pods, version from the image tag', () => {
    const labels = {
      'app.kubernetes.io/name': 'web',
      'app.kubernetes.io/instance': 'web',
      'app.kubernetes.io/version': '1.17.2',
      'app.kubernetes.io/managed-by': 'cdk8s-netkit',
    };
    expect(d.metadata.labels).toEqual(labels);
    expect(d.spec.template.metadata.labels).toEqual(labels);
  });

  test('port 80 named http over TCP, TCP probes on it', () => {
    expect(c.ports).toEqual([{ containerPort: 80, name: 'http', protocol: 'TCP' }]);
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 'http' }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 });
    expect(c.livenessProbe).toEqual({ tcpSocket: { port: 'http' }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 });
  });

  test('requests and limits', () => {
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
  });

  test('baseline security that still runs nginx:1.17.2 (root, port 80, writable root filesystem)', () => {
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['NET_RAW'] }, privileged: false, readOnlyRootFilesystem: false });
    expect(d.spec.template.spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext.runAsNonRoot).toBeUndefined();
    expect(d.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
  });

  test('replicas are spread over nodes softly', () => {
    expect(d.spec.template.spec.topologySpreadConstraints).toEqual([{
      maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: d.spec.selector.matchLabels },
    }]);
  });

  test('no ports: no probes and no ports field', () => {
    const worker = containerOf(deploymentOf((chart) => new WebApp(chart, 'web', { image: 'busybox:1.36', replicas: 1 })));
    expect(worker.ports).toBeUndefined();
    expect(worker.readinessProbe).toBeUndefined();
    expect(worker.livenessProbe).toBeUndefined();
  });

  test('one replica is not spread', () => {
    const one = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.17.2', replicas: 1 }));
    expect(one.spec.template.spec.topologySpreadConstraints).toBeUndefined();
  });
});

describe('WebApp options reach the YAML', () => {
  const d = deploymentOf((chart) => new WebApp(chart, 'id', {
    image: 'registry.example.com/team/app:2.1.0@sha256:' + 'a'.repeat(64),
    name: 'web',
    appName: 'shop',
    namespace: 'shop-ns',
    version: 'v2',
    component: 'frontend',
    partOf: 'store',
    replicas: 4,
    ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'metrics' }, { port: 5353, name: 'dns', protocol: 'UDP' }],
    env: { MODE: 'prod', POD_IP: { fieldRef: { fieldPath: 'status.podIP' } } },
    command: ['/app'],
    args: ['--port=8080'],
    resources: { requests: { cpu: '250m' }, limits: { memory: '1Gi' } },
    readiness: Probe.http('/ready', { port: 'http', period: Duration.seconds(5), timeout: Duration.seconds(2), failureThreshold: 6, initialDelay: Duration.seconds(3), scheme: 'HTTPS' }),
    liveness: Probe.exec(['cat', '/tmp/alive']),
    labels: { team: 'blue' },
    annotations: { 'example.com/owner': 'blue' },
    podAnnotations: { 'prometheus.io/scrape': 'true' },
    hostname: 'web-0',
    subdomain: 'web-headless',
    imagePullPolicy: 'Always',
    spreadAcrossNodes: false,
    serviceAccountName: 'shop',
  }));
  const c = containerOf(d);
  const pod = d.spec.template.spec;

  test('names and labels', () => {
    expect(d.metadata.name).toBe('web');
    expect(d.metadata.namespace).toBe('shop-ns');
    expect(d.metadata.annotations).toEqual({ 'example.com/owner': 'blue' });
    expect(d.spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/instance': 'web' });
    expect(d.spec.template.metadata.labels).toEqual({
      'team': 'blue',
      'app.kubernetes.io/name': 'shop',
      'app.kubernetes.io/instance': 'web',
      'app.kubernetes.io/version': 'v2',
      'app.kubernetes.io/component': 'frontend',
      'app.kubernetes.io/part-of': 'store',
      'app.kubernetes.io/managed-by': 'cdk8s-netkit',
    });
  });

  test('replicas, image, command, args, env, pull policy, service account', () => {
    expect(d.spec.replicas).toBe(4);
    expect(c.image).toBe('registry.example.com/team/app:2.1.0@sha256:' + 'a'.repeat(64));
    expect(c.command).toEqual(['/app']);
    expect(c.args).toEqual(['--port=8080']);
    expect(c.env).toEqual([{ name: 'MODE', value: 'prod' }, { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }]);
    expect(c.imagePullPolicy).toBe('Always');
    expect(pod.serviceAccountName).toBe('shop');
  });

  test('named ports with protocols', () => {
    expect(c.ports).toEqual([
      { containerPort: 8080, name: 'http', protocol: 'TCP' },
      { containerPort: 9090, name: 'metrics', protocol: 'TCP' },
      { containerPort: 5353, name: 'dns', protocol: 'UDP' },
    ]);
  });

  test('resources merge with the defaults', () => {
    expect(c.resources).toEqual({ requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '500m', memory: '1Gi' } });
  });

  test('probes', () => {
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 'http', scheme: 'HTTPS' }, initialDelaySeconds: 3, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 6 });
    expect(c.livenessProbe).toEqual({ exec: { command: ['cat', '/tmp/alive'] }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 });
  });

  test('hostname and subdomain, no spreading', () => {
    expect(pod.hostname).toBe('web-0');
    expect(pod.subdomain).toBe('web-headless');
    expect(pod.topologySpreadConstraints).toBeUndefined();
  });

  test('probes can be switched off', () => {
    const off = containerOf(deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.17.2', port: 80, readiness: false, liveness: false })));
    expect(off.readinessProbe).toBeUndefined();
    expect(off.livenessProbe).toBeUndefined();
  });

  test('a TCP probe on an explicit port number', () => {
    const probe = containerOf(deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.17.2', port: 80, readiness: Probe.tcp({ port: 80 }) }))).readinessProbe;
    expect(probe.tcpSocket).toEqual({ port: 80 });
  });
});

describe('WebApp resources', () => {
  test('a request above a default limit lifts that limit (the API server rejects request > limit)', () => {
    const c = containerOf(deploymentOf((chart) => new WebApp(chart, 'web', { image: 'app:1', resources: { requests: { cpu: '2', memory: '1Gi' } } })));
    expect(c.resources).toEqual({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } });
  });

  test('a request below the default limit keeps it', () => {
    const c = containerOf(deploymentOf((chart) => new WebApp(chart, 'web', { image: 'app:1', resources: { requests: { cpu: '200m' } } })));
    expect(c.resources.limits).toEqual({ cpu: '500m', memory: '256Mi' });
  });
});

describe('WebApp security profiles', () => {
  test('restricted: non-root, no capabilities but NET_BIND_SERVICE for port 80, read-only root with a writable /tmp', () => {
    const d = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginxinc/nginx-unprivileged:1.27', port: 80, securityProfile: 'restricted' }));
    const c = containerOf(d);
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    });
    expect(d.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.volumeMounts).toEqual([{ name: 'writable-0', mountPath: '/tmp' }]);
    expect(d.spec.template.spec.volumes).toEqual([{ name: 'writable-0', emptyDir: {} }]);
  });

  test('restricted above port 1024 drops every capability', () => {
    const c = containerOf(deploymentOf((chart) => new WebApp(chart, 'web', { image: 'app:1', port: 8080, securityProfile: 'restricted' })));
    expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'] });
  });

  test('user, group, fsGroup, writable paths and overrides', () => {
    const d = deploymentOf((chart) => new WebApp(chart, 'web', {
      image: 'app:1', port: 8080, securityProfile: 'restricted', runAsUser: 101, runAsGroup: 101, fsGroup: 2000,
      writablePaths: ['/var/cache/nginx', '/var/run'], containerSecurityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
    }));
    expect(d.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 101, runAsGroup: 101, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(containerOf(d).volumeMounts).toEqual([{ name: 'writable-0', mountPath: '/var/cache/nginx' }, { name: 'writable-1', mountPath: '/var/run' }]);
    expect(containerOf(d).securityContext.seccompProfile).toEqual({ type: 'Localhost', localhostProfile: 'p.json' });
  });

  test('baseline with a read-only root filesystem gets a writable /tmp', () => {
    const d = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'app:1', port: 8080, readOnlyRootFilesystem: true }));
    expect(containerOf(d).securityContext.readOnlyRootFilesystem).toBe(true);
    expect(containerOf(d).volumeMounts).toEqual([{ name: 'writable-0', mountPath: '/tmp' }]);
  });
});

describe('WebApp selectors are stable', () => {
  test('moving the construct to another scope keeps name, labels and selector', () => {
    const a = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.17.2', port: 80 }));
    const b = deploymentOf((chart) => new WebApp(new Construct(new Construct(chart, 'team'), 'frontend'), 'web', { image: 'nginx:1.17.2', port: 80 }));
    expect(b.metadata.name).toBe(a.metadata.name);
    expect(b.spec.selector).toEqual(a.spec.selector);
    expect(b.spec.template.metadata.labels).toEqual(a.spec.template.metadata.labels);
  });

  test('a new image version changes the version label but never the selector', () => {
    const a = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.17.2', port: 80 }));
    const b = deploymentOf((chart) => new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 80 }));
    expect(b.spec.selector).toEqual(a.spec.selector);
    expect(b.metadata.labels['app.kubernetes.io/version']).toBe('1.27.3');
  });

  test('no version label for untagged, latest or digest-only images', () => {
    for (const image of ['nginx', 'nginx:latest', 'nginx@sha256:' + 'b'.repeat(64), 'localhost:5000/nginx']) {
      const d = deploymentOf((chart) => new WebApp(chart, 'web', { image }));
      expect(d.metadata.labels['app.kubernetes.io/version']).toBeUndefined();
    }
  });
});

describe('WebApp errors name the construct, the value and the fix', () => {
  const build = (props: any, id = 'web') => () => new WebApp(newChart(), id, { image: 'nginx:1.17.2', ...props });
  const cases: Array<[string, any, RegExp, string?]> = [
    ['invalid name', { name: 'Web_App' }, /\[test\/web\] name: is not a valid Deployment name\. Got: "Web_App"\. Allowed: dot-separated DNS labels.*Fix: /],
    ['name too long for a label value', { name: 'web.' + 'a'.repeat(60) }, /name: is used as the app\.kubernetes\.io\/instance label and is too long/],
    ['port and ports', { port: 80, ports: [{ port: 81 }] }, /port: and `ports` are both set\. Fix: give either `port`/],
    ['port out of range', { port: 70000 }, /\] port: is not a valid port number\. Got: 70000\. Allowed: an integer from 1 to 65535/],
    ['bad port name', { ports: [{ port: 80, name: 'HTTP_PORT' }] }, /ports\[0\]\.name: is not a valid port name\. Got: "HTTP_PORT"\. Allowed: at most 15 lowercase/],
    ['duplicate port name', { ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] }, /ports\[1\]\.name: is used by another port of the same container/],
    ['duplicate port number', { ports: [{ port: 80 }, { port: 80 }] }, /ports\[1\]\.port: 80\/TCP is declared twice/],
    ['bad protocol', { ports: [{ port: 80, protocol: 'HTTP' }] }, /ports\[0\]\.protocol: is not a supported protocol\. Got: "HTTP"\. Allowed: TCP, UDP, SCTP/],
    ['negative replicas', { replicas: -1 }, /replicas: must be a whole number of pods\. Got: -1/],
    ['bad label value', { appName: 'my app' }, /appName: is used as a label value and is not a valid one\. Got: "my app"/],
    ['bad hostname', { hostname: 'Web.0' }, /hostname: is not a valid DNS label\. Got: "Web\.0"/],
    ['bad image', { image: 'nginx 1.17' }, /image: is not an image reference: it contains whitespace\. Got: "nginx 1\.17"\. Allowed: \[registry\[:port\]\/\]repository\[:tag\]\[@digest\].*Fix: write the tag after a ":"/],
    ['probe on an undeclared port', { port: 80, readiness: Probe.http('/', { port: 8080 }) }, /readiness\.port: is not a port of the container\. Got: 8080\. Allowed: http=80\/TCP/],
    ['probe without any port', { liveness: Probe.tcp() }, /liveness: probes a port, but the WebApp declares none/],
    ['bad label value', { labels: { app: 'nginx pod' } }, /labels\["app"\]: is not a valid label value\. Got: "nginx pod"/],
    ['bad label key', { labels: { 'bad key!': 'x' } }, /labels: has a key that is not a valid label key\. Got: "bad key!"/],
    ['a recommended label set by hand', { labels: { 'app.kubernetes.io/name': 'other' } }, /labels: sets a recommended label the WebApp writes itself\. Got: "app\.kubernetes\.io\/name".*appName/],
    ['bad annotation key', { annotations: { 'bad key': 'x' } }, /annotations: has a key that is not a valid annotation key\. Got: "bad key"/],
    ['bad pod annotation key', { podAnnotations: { '/x': 'y' } }, /podAnnotations: has a key that is not a valid annotation key/],
    ['bad namespace', { namespace: 'Bad_NS' }, /namespace: is not a valid Namespace name\. Got: "Bad_NS"/],
    ['bad quantity', { resources: { requests: { cpu: 'lots' } } }, /resources\.requests\.cpu: is not a Kubernetes quantity\. Got: "lots"/],
    ['request above its limit', { resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } }, /resources\.requests\.memory: is above the limit 512Mi/],
    ['sub-second probe timing', { port: 80, readiness: Probe.http('/', { period: Duration.millis(500) }) }, /readiness\.period: is not a whole number of seconds, which is all a probe can express\. Got: 0\.5\. Allowed: 1 or more\. Fix: use Duration\.seconds\(n\) with a whole n\./],
  ];
  test.each(cases)('%s', (_label, props, message) => {
    expect(build(props)).toThrow(NetkitError);
    expect(build(props)).toThrow(message);
  });

  test('several problems are reported together', () => {
    expect(build({ name: 'Bad', replicas: -2 })).toThrow(/\n {2}- name: .*\n {2}- replicas: /);
  });
});
