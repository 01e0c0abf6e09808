import { Testing } from 'cdk8s';
import { IngressNginx, IngressNginxProps, NetkitChart } from '../../../lib';
import { errorOf } from '../../helpers/errors';

function build(props: IngressNginxProps, id = 'ingress-nginx'): void {
  new IngressNginx(new NetkitChart(Testing.app(), 'cluster'), id, { acknowledgeRetirement: true, ...props });
}

describe('IngressNginx rejects bad props with the construct path, value, rule and fix', () => {
  test('a node port outside the range (checked by serviceProblems)', () => {
    const e = errorOf(() => build({ nodePorts: { http: 80, https: 30443 } }));
    expect(e.message).toBe('[cluster/ingress-nginx] service.spec.ports[0].nodePort: is outside the node port range. Got: 80. Allowed: 30000-32767. '
      + 'Fix: pick a port in 30000-32767, leave it unset so the cluster allocates one, or set nodePortRange to the API server\'s --service-node-port-range.');
  });

  test('nodePortRange widens what is accepted', () => {
    expect(() => build({ nodePorts: { http: 20080 }, nodePortRange: { min: 20000, max: 22767 } })).not.toThrow();
  });

  test('the same node port twice', () => {
    expect(errorOf(() => build({ nodePorts: { http: 30080, https: 30080 } })).message).toMatch(/service\.spec\.ports\[1\]\.nodePort: 30080\/TCP is used by two ports/);
  });

  test('node ports with HostNetwork exposure', () => {
    expect(errorOf(() => build({ exposure: 'HostNetwork', nodePorts: { http: 30080 } })).message)
      .toMatch(/service\.spec\.ports\[0\]\.nodePort: may not be used when type is ClusterIP/);
  });

  test('load balancer options on a NodePort Service', () => {
    const e = errorOf(() => build({ loadBalancerSourceRanges: ['10.0.0.0/8'], loadBalancerClass: 'example.com/vip' }));
    expect(e.problems.map((p) => p.field)).toEqual(['service.spec.loadBalancerSourceRanges', 'service.spec.loadBalancerClass']);
    expect(e.message).toMatch(/may only be set on a LoadBalancer Service/);
  });

  test('a source range that is not a CIDR', () => {
    expect(errorOf(() => build({ exposure: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.1'] })).message)
      .toMatch(/service\.spec\.loadBalancerSourceRanges\[0\]: is not a CIDR\. Got: "10\.0\.0\.1"/);
  });

  test('replicas with HostNetwork, and replicas below 1', () => {
    expect(errorOf(() => build({ exposure: 'HostNetwork', replicas: 2 })).message).toMatch(/replicas: does not apply with exposure "HostNetwork".*Fix: drop replicas/);
    expect(errorOf(() => build({ replicas: 0 })).message).toMatch(/replicas: is not a whole number of pods of at least 1\. Got: 0/);
  });

  test('a name too long for the admission Service', () => {
    const e = errorOf(() => build({}, 'a-very-long-ingress-controller-install-name'));
    expect(e.message).toMatch(/^\[cluster\/a-very-long-ingress-controller-install-name\] name: is not usable as the base of the object names.*at most 42 characters/);
  });

  test('bad namespace, class name, controller value, config key and watch namespace', () => {
    const e = errorOf(() => build({
      namespace: 'Ingress', ingressClassName: 'Nginx', controllerValue: 'nginx', config: { 'bad key': 'x' }, watchNamespace: 'a_b',
    }));
    expect(e.problems.map((p) => p.field)).toEqual(['namespace', 'ingressClassName', 'controllerValue', 'config["bad key"]', 'watchNamespace']);
    expect(e.message).toMatch(/controllerValue: is not a domain-prefixed path, as IngressClass spec.controller must be\. Got: "nginx"/);
  });

  test('a bad default certificate reference', () => {
    const e = errorOf(() => build({ defaultCertificate: { secretName: 'Wild_Card', namespace: 'Certs' } }));
    expect(e.problems.map((p) => p.field)).toEqual(['defaultCertificate.secretName', 'defaultCertificate.namespace']);
  });

  test('a metrics port nginx already uses', () => {
    expect(errorOf(() => build({ metrics: { port: 443 } })).message).toMatch(/metrics\.port: is not a free port number\. Got: 443\. Allowed: 1-65535 except 80, 443 and 8443/);
  });

  test('extraArgs that the construct writes itself, or that are not flag names', () => {
    const e = errorOf(() => build({ extraArgs: { 'default-ssl-certificate': 'a/b', '--v': '2' } }));
    expect(e.message).toMatch(/extraArgs\["default-ssl-certificate"\]: is a flag this construct writes itself.*Fix: use the `defaultCertificate` prop instead\./);
    expect(e.message).toMatch(/extraArgs\["--v"\]: is not a flag name/);
  });

  test('webhook options without the webhook', () => {
    const e = errorOf(() => build({ admissionWebhook: false, webhookFailurePolicy: 'Ignore', certgenImage: { repository: 'dyrnq/kube-webhook-certgen' } }));
    expect(e.problems.map((p) => p.field)).toEqual(['webhookFailurePolicy', 'certgenImage']);
    expect(e.message).toMatch(/webhookFailurePolicy: is set but admissionWebhook is false/);
  });

  test('resources: a negative quantity, and a limit below the upstream request (the field rules table)', () => {
    expect(errorOf(() => build({ resources: { limits: { cpu: '-1' } } })).message).toBe('[cluster/ingress-nginx] resources.limits.cpu: is negative; the API server rejects a negative quantity. '
      + 'Got: "-1". Allowed: a number with an optional suffix: m for millicores (250m), Ki/Mi/Gi for bytes (128Mi), or k/M/G; 0 or more. Fix: use a positive amount such as "500m", or leave it unset for the default.');
    expect(errorOf(() => build({ resources: { limits: { memory: '64Mi' } } })).message).toMatch(/resources\.requests\.memory: is above the limit 64Mi; the API server rejects that\. Got: "90Mi"\. Allowed: at most 64Mi\. Fix: lower the request or raise the limit\./);
    expect(() => build({ resources: { requests: { memory: '64Mi' }, limits: { memory: '64Mi' } } })).not.toThrow();
  });

  test('bad image parts', () => {
    const e = errorOf(() => build({
      imageRegistry: 'https://docker.io',
      controllerImage: { repository: 'Dyrnq/Controller', tag: ':v1', digest: 'sha256:abc' },
    }));
    expect(e.problems.map((p) => p.field)).toEqual(['imageRegistry', 'controllerImage.repository', 'controllerImage.tag', 'controllerImage.digest']);
    expect(e.message).toMatch(/controllerImage\.digest: is not valid in an image reference\. Got: "sha256:abc"\. Allowed: sha256: followed by 64 lowercase hex digits/);
  });

  test('a second Namespace when the chart declares the same one', () => {
    const chart = new NetkitChart(Testing.app(), 'ingress', { namespace: 'ingress-nginx' });
    expect(errorOf(() => new IngressNginx(chart, 'ingress-nginx', { acknowledgeRetirement: true })).message)
      .toBe('[ingress/ingress-nginx] createNamespace: would declare Namespace "ingress-nginx" a second time: chart ingress declares it already. Got: true. '
        + 'Fix: set createNamespace: false, or put the install in a chart without a namespace.');
    expect(() => new IngressNginx(chart, 'again', { acknowledgeRetirement: true, createNamespace: false })).not.toThrow();
  });

  test('skipPolicy without a reason or with a bad rule id', () => {
    const install = new IngressNginx(new NetkitChart(Testing.app(), 'cluster'), 'ingress-nginx', { acknowledgeRetirement: true });
    expect(errorOf(() => install.skipPolicy(install.service, 'svc-type-nodeport', ' ')).message).toMatch(/reason: is empty for rule svc-type-nodeport/);
    expect(errorOf(() => install.skipPolicy(install.service, 'Bad Rule', 'why')).message).toMatch(/ruleId: is not a policy rule id\. Got: "Bad Rule"/);
  });
});

describe('IngressNginx checks other installs in the app at synth', () => {
  test('the same name, IngressClass and controller class twice', () => {
    const app = Testing.app();
    new IngressNginx(new NetkitChart(app, 'a'), 'ingress-nginx', { acknowledgeRetirement: true });
    const b = new NetkitChart(app, 'b');
    new IngressNginx(b, 'ingress-nginx', { acknowledgeRetirement: true, namespace: 'other', createNamespace: true });
    expect(() => Testing.synth(b)).toThrow(/\[b\/ingress-nginx\] name "ingress-nginx" is also used by a\/ingress-nginx\. Fix: give each install its own `name`/);
    // The path once: cdk8s prefixes the construct's path, the message itself does not repeat it.
    expect(() => Testing.synth(b)).not.toThrow(/\[b\/ingress-nginx\] \[b\/ingress-nginx\]/);
    expect(() => Testing.synth(b)).toThrow(/ingressClassName "nginx" is also used by a\/ingress-nginx/);
    expect(() => Testing.synth(b)).toThrow(/controllerValue "k8s\.io\/ingress-nginx" is also used by a\/ingress-nginx/);
  });

  test('two installs with their own name, namespace, class and controller class synthesize', () => {
    const app = Testing.app();
    const chart = new NetkitChart(app, 'cluster');
    new IngressNginx(chart, 'ingress-nginx', { acknowledgeRetirement: true });
    new IngressNginx(chart, 'internal', {
      acknowledgeRetirement: true, namespace: 'ingress-internal', ingressClassName: 'nginx-internal', controllerValue: 'k8s.io/ingress-nginx-internal',
    });
    const names = Testing.synth(chart).filter((o: any) => o.kind === 'IngressClass').map((o: any) => o.metadata.name);
    expect(names).toEqual(['nginx', 'nginx-internal']);
  });
});
