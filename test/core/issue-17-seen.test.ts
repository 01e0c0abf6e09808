// Each example of issue 17's "Seen" list, tried as a user would, with the message it gets now:
// the construct path, the field, the value, what is allowed and the fix. A message that loses any
// of these fails here; so does a mistake accepted again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Duration, Testing } from 'cdk8s';
import {
  checkPolicies, ClusterAddonChart, ExposedService, HttpIngress, IngressBackend, IngressNginx, NetkitApp, NetkitChart, Probe, WebApp, WebAppProps, WildcardIngress,
} from '../../lib';
import { collectWarnings } from '../../lib/core/warnings';
import { errorOf } from '../helpers/errors';

const chart = () => new NetkitChart(new App(), 'shop', { namespace: 'shop', createNamespace: false });
const IMAGE_RULE = '[registry[:port]/]repository[:tag][@digest]: repository path components in lowercase letters, digits and single ".", "_", "__" or "-" separators; '
  + 'a tag of at most 128 letters, digits, "_", "." and "-" not starting with "." or "-"; a digest such as sha256:<64 hex digits>';

function webApp(props: Partial<WebAppProps>): NetkitChart {
  const c = chart();
  new WebApp(c, 'web', { port: 8080, image: 'nginx:1.27.3', ...props });
  return c;
}
const refusedWebApp = (props: Partial<WebAppProps>) => errorOf(() => webApp(props)).message;
const webAppWarnings = (props: Partial<WebAppProps>) => collectWarnings(webApp(props)).map((w) => `[${w.path}] ${w.message}`);

describe('issue 17, Seen: refused at construct time with path, field, value, allowed and fix', () => {
  test.each<[string, Partial<WebAppProps>, string, Partial<WebAppProps>]>([
    ['an uppercase image repository', { image: 'Nginx:1.27' },
      `[shop/web] image: has an uppercase repository name "Nginx"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName. Got: "Nginx:1.27". Allowed: ${IMAGE_RULE}. Fix: use "nginx:1.27".`,
      { image: 'nginx:1.27' }],
    ['an env var name with "="', { env: { 'A=B': 'x' } },
      '[shop/web] env: contains "=", which ends a name in the environment; the API server rejects it. Got: "A=B". Allowed: printable ASCII characters other than "=" (Kubernetes 1.32 and later). Fix: drop the "=": "A_B".',
      { env: { A_B: 'x' } }],
    ['a negative quantity', { resources: { limits: { cpu: '-1' } } },
      '[shop/web] resources.limits.cpu: is negative; the API server rejects a negative quantity. Got: "-1". Allowed: a number with an optional suffix: m for millicores (250m), Ki/Mi/Gi for bytes (128Mi), or k/M/G; 0 or more. Fix: use a positive amount such as "500m", or leave it unset for the default.',
      { resources: { limits: { cpu: '1' } } }],
    ['a negative failureThreshold', { readiness: Probe.tcp({ failureThreshold: -1 }) },
      '[shop/web] readiness.failureThreshold: is negative; the API server rejects it. Got: -1. Allowed: 1 or more. Fix: use 1 or more, or leave it unset for the default 3.',
      { readiness: Probe.tcp({ failureThreshold: 1 }) }],
    ['a probe period of 0', { readiness: Probe.tcp({ period: Duration.seconds(0) }) },
      '[shop/web] readiness.period: is 0, which the API server silently replaces by its default 10: the probe would not do what was written. Got: 0. Allowed: 1 or more. Fix: use 1 or more, or leave it unset for the default 10.',
      { readiness: Probe.tcp({ period: Duration.seconds(1) }) }],
    ['runAsUser -1', { runAsUser: -1 },
      '[shop/web] runAsUser: is not a valid user ID; the API server rejects it. Got: -1. Allowed: 0-2147483647. Fix: use the numeric user ID the image runs as, e.g. 101 for nginx-unprivileged, or leave runAsUser unset.',
      { runAsUser: 0 }],
  ])('%s', (_, bad, message, good) => {
    expect(refusedWebApp(bad)).toBe(message);
    expect(webAppWarnings(good)).toEqual([]);
  });

  test('protocol "tcp" on a Service port names the protocol and its uppercase spelling', () => {
    const service = (protocol: any) => ExposedService.clusterIp(chart(), 'svc', { selector: { app: 'x' }, ports: [{ port: 80, protocol }] });
    expect(errorOf(() => service('tcp')).message).toBe('[shop/svc] ports[0].protocol: is not a supported protocol: protocols are uppercase, so "tcp" must be written "TCP". Got: "tcp". Allowed: TCP, UDP, SCTP (uppercase). Fix: write protocol: \'TCP\'.');
    expect(service('TCP').ports[0].protocol).toBe('TCP');
  });

  test('sessionAffinityTimeout 0 gets the "at least 1 second" fix, not "at most one day"', () => {
    const service = (seconds: number) => ExposedService.clusterIp(chart(), 'svc', { selector: { app: 'x' }, ports: [{ port: 80 }], sessionAffinity: 'ClientIP', sessionAffinityTimeout: Duration.seconds(seconds) });
    expect(errorOf(() => service(0)).message).toBe('[shop/svc] spec.sessionAffinityConfig.clientIP.timeoutSeconds: must be greater than 0 seconds. Got: 0. Allowed: 1-86400 seconds (default 10800). Fix: use at least 1 second, or leave it unset for the default 10800 (3 hours).');
    expect(() => service(1)).not.toThrow();
  });

  test('an Ingress backend naming a port the Service lacks is reported at the Ingress, with the rule', () => {
    const c = chart();
    const api = ExposedService.clusterIp(c, 'api', { selector: { app: 'api' }, ports: [{ port: 8080, name: 'http' }] });
    expect(errorOf(() => new HttpIngress(c, 'shop-ing', { rules: [{ host: 'shop.example.com', backend: IngressBackend.fromService(api, 81) }] })).message)
      .toBe('[shop/shop-ing] rule(shop.example.com/).backend.port: Service "api" (shop/api) has no such port. Got: 81. Allowed: http (8080). Fix: use one of the Service\'s ports, or add port 81 to the Service.');
    new HttpIngress(c, 'ok', { rules: [{ host: 'shop.example.com', backend: IngressBackend.fromService(api, 8080) }] });
  });

  test('a WildcardIngress host outside the domain says so, without a made-up name in the fix', () => {
    const c = chart();
    const svc = ExposedService.clusterIp(c, 'svc', { selector: { app: 'x' }, ports: [{ port: 80 }] });
    const wildcard = (host: string) => new WildcardIngress(c, `apps-${host.replace(/\./g, '-')}`, { domain: 'cluster.example.com', certificate: { secretName: 'w', dnsNames: ['*.cluster.example.com'] }, routes: [{ host, service: svc, port: 80 }] });
    const message = errorOf(() => wildcard('web01.other.com')).message;
    expect(message).toBe('[shop/apps-web01-other-com] route.host: is outside *.cluster.example.com: it does not end in .cluster.example.com, and read as a name under the domain it is more than one label down, '
      + 'which a *.cluster.example.com certificate does not cover. Got: "web01.other.com". Allowed: <name> or <name>.cluster.example.com, or a name the certificate lists (*.cluster.example.com). '
      + 'Fix: use a single label such as "web01" (published as web01.cluster.example.com); a host of another domain needs its own HttpIngress or Gateway listener and certificate; a nested name needs a certificate that lists it.');
    expect(message).not.toContain('web01.other.com.cluster.example.com');
    expect(wildcard('web01').routes[0].host).toBe('web01.cluster.example.com');
  });
});

describe('issue 17, Seen: accepted with a warning', () => {
  test('a relative writablePaths entry', () => {
    expect(webAppWarnings({ writablePaths: ['tmp/cache'] })).toEqual([
      '[shop/web] writablePaths[0]: is a relative path; the container runtime mounts it at "/tmp/cache", not relative to the working directory. Got: "tmp/cache". Allowed: an absolute path such as "/tmp/cache". Fix: write "/tmp/cache" if that is the directory meant.',
    ]);
    expect(webAppWarnings({ writablePaths: ['/tmp/cache'] })).toEqual([]);
  });

  test('env names 1ABC and A-B, which shells cannot read', () => {
    const shell = 'is accepted by the API server, but a shell cannot read it as $NAME (only letters, digits and "_", not starting with a digit); only programs that read the environment directly see it.';
    expect(webAppWarnings({ env: { '1ABC': 'x', 'A-B': 'y' } })).toEqual([
      `[shop/web] env: ${shell} Got: "1ABC". Allowed: letters, digits and "_", not starting with a digit. Fix: rename it, e.g. "_1ABC", unless only the program itself reads it.`,
      `[shop/web] env: ${shell} Got: "A-B". Allowed: letters, digits and "_", not starting with a digit. Fix: rename it, e.g. "A_B", unless only the program itself reads it.`,
    ]);
    expect(webAppWarnings({ env: { ABC_1: 'x' } })).toEqual([]);
  });

  test('a TLS host that no rule routes is a warning of ing-spec-valid', () => {
    const findings = (tlsHost: string) => {
      const c = chart();
      const svc = ExposedService.clusterIp(c, 'svc', { selector: { app: 'x' }, ports: [{ port: 80 }] });
      const ing = new HttpIngress(c, 'ing', { rules: [{ host: 'a.example.com', backend: IngressBackend.fromService(svc, 80) }] });
      ing.addTls({ hosts: [tlsHost], secretName: 'tls' });
      return checkPolicies(c).filter((f) => f.rule === 'ing-spec-valid');
    };
    expect(findings('b.example.com')).toEqual([expect.objectContaining({
      severity: 'warning', kind: 'Ingress', name: 'ing', constructPath: 'shop/ing/Ingress',
      message: 'spec.tls[0].hosts[0]: is a TLS host that no rule of this Ingress routes, so its requests find no backend. Got: "b.example.com". Allowed: a.example.com.',
      fix: 'add a rule for b.example.com, or remove it from the TLS hosts.',
    })]);
    expect(findings('a.example.com')).toEqual([]);
  });
});

describe('issue 17, Seen: synth messages without empty or doubled path prefixes', () => {
  const outdirs: string[] = [];
  let stderr: jest.SpyInstance;
  beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
  afterEach(() => {
    stderr.mockRestore();
    for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  // cdk8s throws a plain Error listing every construct's validation messages.
  const synthError = (app: NetkitApp): string => {
    try {
      app.synth();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('synth passed');
  };
  const netkitApp = () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-seen-'));
    outdirs.push(outdir);
    return new NetkitApp({ outdir });
  };

  test('a policy error at synth starts with the construct path of the object, never "[]"', () => {
    const app = netkitApp();
    const c = new NetkitChart(app, 'shop', { namespace: 'shop' });
    new WebApp(c, 'web', { image: 'nginx:1.27.3', port: 8080 });
    new ApiObject(c, 'typo', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'typo' }, spec: { selector: { 'app.kubernetes.io/name': 'wbe' }, ports: [{ port: 80, targetPort: 8080 }] } });
    const message = synthError(app);
    expect(message).not.toContain('[]');
    expect(message).toMatch(/^Validation failed with the following errors:\n {2}\[shop\/typo\] ERROR \[svc-selector-matches-pod\] Service shop\/typo: spec\.selector \{"app\.kubernetes\.io\/name":"wbe"\} matches no pod template/);
  });

  test('two IngressNginx installs with one name print each path once per line', () => {
    const app = netkitApp();
    const cluster = new ClusterAddonChart(app, 'cluster');
    new IngressNginx(cluster, 'ingress-nginx', { acknowledgeRetirement: true });
    new IngressNginx(cluster, 'ingress-nginx2', { acknowledgeRetirement: true, name: 'ingress-nginx' });
    const message = synthError(app);
    expect(message).toContain('[cluster/ingress-nginx] name "ingress-nginx" is also used by cluster/ingress-nginx2. Fix: give each install its own `name`: the ClusterRoles, bindings and webhook are named after it.');
    expect(message).toContain('[cluster/ingress-nginx2] name "ingress-nginx" is also used by cluster/ingress-nginx.');
    expect(message).not.toMatch(/(\[[^\]]+\]) \1/);
    const single = new ClusterAddonChart(new App(), 'cluster');
    new IngressNginx(single, 'ingress-nginx', { acknowledgeRetirement: true });
    expect(Testing.synth(single).length).toBeGreaterThan(0);
  });
});
