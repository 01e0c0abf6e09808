import { Testing } from 'cdk8s';
import { IngressNginx, IngressNginxProps, NetkitChart, NginxGatewayFabric, NginxGatewayFabricProps } from '../../lib';
import { errorOf } from '../helpers/errors';

// Boundaries of the add-on prop checks (lib/addons/*/validation.ts), found by a mutation run:
// each refusal names the construct path, the prop, the bad value, what is allowed and the fix.

function ingressNginx(props: IngressNginxProps, id = 'ingress-nginx'): void {
  new IngressNginx(new NetkitChart(Testing.app(), 'cluster'), id, { acknowledgeRetirement: true, ...props });
}

describe('IngressNginx config keys are checked as the API server checks ConfigMap keys (IsConfigMapKey)', () => {
  test.each(['.', '..', '..data'])('%j is refused: "." and keys starting with ".." are reserved', (key) => {
    const e = errorOf(() => ingressNginx({ config: { [key]: 'x' } }));
    expect(e.problems).toEqual([expect.objectContaining({ field: `config["${key}"]`, value: key })]);
    expect(e.message).toContain(`[cluster/ingress-nginx] config["${key}"]: is not a valid ConfigMap key. Got: "${key}". `
      + 'Allowed: letters, digits, "-", "_" and ".", at most 253 characters, not "." or "..", not starting with "..". '
      + 'Fix: use the option name from the ingress-nginx ConfigMap documentation, e.g. "proxy-body-size".');
  });

  test('".x", "a..b" and a key of exactly 253 characters are accepted; 254 are refused', () => {
    expect(() => ingressNginx({ config: { '.x': '1', 'a..b': '2', ['k'.repeat(253)]: '3' } })).not.toThrow();
    expect(errorOf(() => ingressNginx({ config: { ['k'.repeat(254)]: '3' } })).problems.map((p) => p.field)).toEqual([`config["${'k'.repeat(254)}"]`]);
  });
});

describe('IngressNginx controllerValue is checked as IngressClass spec.controller (IsDomainPrefixedPath, at most 250)', () => {
  test.each(['k8s.io/ingress nginx', 'k8s.io/ingress"nginx', 'k8s.io/ingress#nginx'])('%j, whose path has a character outside RFC 3986, is refused', (value) => {
    const e = errorOf(() => ingressNginx({ controllerValue: value }));
    expect(e.problems).toEqual([expect.objectContaining({ field: 'controllerValue', value })]);
    expect(e.message).toContain(`[cluster/ingress-nginx] controllerValue: is not a domain-prefixed path, as IngressClass spec.controller must be. Got: ${JSON.stringify(value)}. `
      + 'Allowed: a domain, "/", then a path, at most 250 characters (k8s.io/ingress-nginx). Fix: use a value such as "k8s.io/ingress-nginx-internal".');
  });

  test.each(['/ingress-nginx', 'k8s.io/', 'K8s.io/ingress-nginx', ''])('%j (no domain, no path, an invalid domain, empty) is refused', (value) => {
    expect(errorOf(() => ingressNginx({ controllerValue: value })).problems.map((p) => [p.field, p.value])).toEqual([['controllerValue', value]]);
  });

  test('exactly 250 characters are accepted, 251 refused', () => {
    const at = (n: number) => `k8s.io/${'c'.repeat(n - 'k8s.io/'.length)}`;
    expect(() => ingressNginx({ controllerValue: at(250) })).not.toThrow();
    expect(errorOf(() => ingressNginx({ controllerValue: at(251) })).problems.map((p) => p.field)).toEqual(['controllerValue']);
  });
});

/** The one problem `props` gives, with the construct path the message starts with. */
function onlyProblem(build: () => void, path: string) {
  const e = errorOf(build);
  expect(e.message.startsWith(`[${path}] `)).toBe(true);
  expect(e.problems).toHaveLength(1);
  return e.problems[0];
}

describe('IngressNginx: each refusal in full, and the values just inside each bound', () => {
  const problem = (props: IngressNginxProps, id = 'ingress-nginx') => onlyProblem(() => ingressNginx(props, id), `cluster/${id}`);

  test('a name of 42 characters (the admission Service stays within 63) is accepted; 43 and a leading digit are refused', () => {
    expect(() => ingressNginx({}, 'n'.repeat(42))).not.toThrow();
    for (const id of ['n'.repeat(43), '1ngress']) {
      expect(problem({}, id)).toEqual({
        field: 'name', message: 'is not usable as the base of the object names (the longest is "<name>-controller-admission", a Service name).', value: id,
        allowed: 'lowercase letters, digits and "-", starting with a letter, ending with a letter or digit, at most 63 characters, and at most 42 characters',
        fix: 'pass a short name such as "ingress-nginx", or rename the construct.',
      });
    }
  });

  test.each([
    [{ namespace: 'Ingress' }, { field: 'namespace', message: 'is not a valid Namespace name.', value: 'Ingress', fix: 'use a name such as "ingress-nginx".' }],
    [{ provider: 'aws' as never }, { field: 'provider', message: 'is not a provider.', value: 'aws', allowed: 'baremetal, cloud', fix: 'use "baremetal" or "cloud".' }],
    [{ exposure: 'ClusterIP' as never }, { field: 'exposure', message: 'is not an exposure.', value: 'ClusterIP', allowed: 'NodePort, LoadBalancer, HostNetwork', fix: 'use one of the allowed values.' }],
    [{ replicas: 1.5 }, { field: 'replicas', message: 'is not a whole number of pods of at least 1.', value: 1.5, allowed: '1, 2, 3…', fix: 'give the number of controller pods.' }],
    [{ exposure: 'HostNetwork' as const, replicas: 1 }, {
      field: 'replicas', message: 'does not apply with exposure "HostNetwork", which runs one pod per matching node (a DaemonSet).', value: 1, allowed: undefined,
      fix: 'drop replicas and choose the nodes with nodeSelector, or use exposure "NodePort" or "LoadBalancer".',
    }],
    [{ ingressClassName: 'Nginx' }, { field: 'ingressClassName', message: 'is not a valid IngressClass name.', value: 'Nginx', fix: 'use a name such as "nginx" or "nginx-internal".' }],
    [{ watchNamespace: 'a_b' }, { field: 'watchNamespace', message: 'is not a valid Namespace name.', value: 'a_b', fix: 'give the namespace whose Ingresses the controller serves.' }],
    [{ defaultCertificate: { secretName: 'Wild' } }, { field: 'defaultCertificate.secretName', message: 'is not a valid Secret name.', value: 'Wild', fix: 'give the name of the kubernetes.io/tls Secret.' }],
    [{ defaultCertificate: { secretName: 'wild', namespace: 'C' } }, { field: 'defaultCertificate.namespace', message: 'is not a valid Namespace name.', value: 'C', fix: 'give the namespace of the Secret.' }],
    [{ extraArgs: { '-v': '2' } }, {
      field: 'extraArgs["-v"]', message: 'is not a flag name.', value: '-v', allowed: 'lowercase letters, digits and "-", without the leading "--"',
      fix: 'write the flag without dashes in front, e.g. "enable-ssl-passthrough".',
    }],
    [{ extraArgs: { 'watch-namespace': 'a' } }, { field: 'extraArgs["watch-namespace"]', message: 'is a flag this construct writes itself.', value: 'watch-namespace', allowed: undefined, fix: 'use the `watchNamespace` prop instead.' }],
    [{ webhookFailurePolicy: 'fail' as never }, { field: 'webhookFailurePolicy', message: 'is not a failure policy.', value: 'fail', allowed: 'Fail, Ignore', fix: 'use "Fail" or "Ignore".' }],
    [{ admissionWebhook: false, webhookFailurePolicy: 'Fail' as const }, {
      field: 'webhookFailurePolicy', message: 'is set but admissionWebhook is false, so there is no webhook.', value: 'Fail', allowed: undefined, fix: 'drop webhookFailurePolicy, or turn the webhook on.',
    }],
    [{ admissionWebhook: false, certgenImage: { tag: 'v1' } }, {
      field: 'certgenImage', message: 'is set but admissionWebhook is false, so no Job uses it.', value: { tag: 'v1' }, allowed: undefined, fix: 'drop certgenImage, or turn the webhook on.',
    }],
  ])('%j', (props, expected) => {
    expect(problem(props as IngressNginxProps)).toMatchObject(expected);
  });

  test.each([
    [{ nodeSelector: { 'a b': 'x' } }, 'nodeSelector', 'a b'], [{ serviceAnnotations: { 'a b': 'x' } }, 'serviceAnnotations', 'a b'],
    [{ certgenImage: { tag: ':v1' } }, 'certgenImage.tag', ':v1'],
  ])('the shared checks name the prop: %j', (props, field, value) => {
    expect(problem(props as IngressNginxProps)).toMatchObject({ field, value, allowed: expect.any(String), fix: expect.any(String) });
  });

  test.each([0, 65536, 80, 443, 8443, 1.5])('metrics.port %p is refused', (port) => {
    expect(problem({ metrics: { port } })).toEqual({
      field: 'metrics.port', message: 'is not a free port number.', value: port, allowed: '1-65535 except 80, 443 and 8443 (used by nginx and the webhook)',
      fix: 'leave it unset (10254) or pick another port.',
    });
  });

  test('the values just inside each bound are accepted', () => {
    for (const props of [
      { metrics: { port: 1 } }, { metrics: { port: 65535 } }, { metrics: { port: 8080 } }, { replicas: 1 }, { provider: 'baremetal' }, { provider: 'cloud' },
      { exposure: 'NodePort' }, { exposure: 'LoadBalancer' }, { exposure: 'HostNetwork' }, { webhookFailurePolicy: 'Ignore' }, { webhookFailurePolicy: 'Fail' },
      { admissionWebhook: true, webhookFailurePolicy: 'Fail', certgenImage: { tag: 'v1' } }, { extraArgs: { 'enable-ssl-passthrough': 'true', v: '2', '2fa': 'x' } },
      { controllerValue: 'k8s.io/a' }, { watchNamespace: 'apps' }, { defaultCertificate: { secretName: 'wild.tls', namespace: 'certs' } },
    ] as IngressNginxProps[]) {
      expect(() => ingressNginx(props)).not.toThrow();
    }
  });
});

describe('NginxGatewayFabric: each refusal in full, and the values just inside each bound', () => {
  const ngf = (props: NginxGatewayFabricProps) => new NginxGatewayFabric(new NetkitChart(Testing.app(), 'cluster'), 'ngf', props);
  const problem = (props: NginxGatewayFabricProps) => onlyProblem(() => ngf(props), 'cluster/ngf');

  test('a name of 47 characters (the leader-election lease stays within 63) is accepted; 48 and a leading digit are refused', () => {
    expect(() => ngf({ name: 'n'.repeat(47) })).not.toThrow();
    for (const name of ['n'.repeat(48), '1ngf']) {
      expect(problem({ name })).toEqual({
        field: 'name', message: 'is not usable as the base of the object names (the control-plane Service is "<name>", the leader-election lease "<name>-leader-election").', value: name,
        allowed: 'lowercase letters, digits and "-", starting with a letter, ending with a letter or digit, at most 63 characters, and at most 47 characters',
        fix: 'pass a short name such as "nginx-gateway", or rename the construct.',
      });
    }
  });

  const controllerNameProblem = (value: string) => ({
    field: 'controllerName', message: 'is not a controller name NGF accepts: "gateway.nginx.org/" followed by a path.', value,
    allowed: '"gateway.nginx.org/<path>", at most 253 characters', fix: 'use a value such as "gateway.nginx.org/nginx-gateway-controller-internal".',
  });

  test.each(['gateway.nginx.org/a b', 'gateway.nginx.org', 'example.com/gateway.nginx.org/x', `gateway.nginx.org/${'c'.repeat(236)}`])('controllerName %j is refused', (value) => {
    expect(problem({ controllerName: value })).toEqual(controllerNameProblem(value));
  });

  test.each([
    [{ namespace: 'Gateway' }, { field: 'namespace', message: 'is not a valid Namespace name.', value: 'Gateway', fix: 'use a name such as "nginx-gateway".' }],
    [{ gatewayClassName: 'Nginx' }, { field: 'gatewayClassName', message: 'is not a valid GatewayClass name.', value: 'Nginx', fix: 'use a name such as "nginx" or "nginx-internal".' }],
    [{ exposure: 'HostNetwork' }, { field: 'exposure', message: 'is not an exposure.', value: 'HostNetwork', allowed: 'NodePort, LoadBalancer', fix: 'use "NodePort" or "LoadBalancer".' }],
    [{ externalTrafficPolicy: 'local' }, { field: 'externalTrafficPolicy', message: 'is not a traffic policy.', value: 'local', allowed: 'Cluster, Local', fix: 'use "Cluster" or "Local".' }],
    [{ logLevel: 'warn' }, { field: 'logLevel', message: 'is not a log level NginxGateway accepts.', value: 'warn', allowed: 'info, debug, error', fix: 'use "info", "debug" or "error".' }],
    [{ replicas: 0 }, { field: 'replicas', message: 'is not a whole number of pods of at least 1.', value: 0, allowed: '1, 2, 3…', fix: 'give the number of nginx pods per Gateway.' }],
    [{ controllerReplicas: 0.5 }, { field: 'controllerReplicas', message: 'is not a whole number of pods of at least 1.', value: 0.5, allowed: '1, 2, 3…', fix: 'give the number of control-plane pods.' }],
  ])('%j', (props, expected) => {
    expect(problem(props as NginxGatewayFabricProps)).toEqual({ allowed: expect.any(String), ...expected });
  });

  test('nodePortRange widens the node ports the provisioned Service may pin', () => {
    expect(() => ngf({ nodePorts: { http: 20080, https: 22767 }, nodePortRange: { min: 20000, max: 22767 } })).not.toThrow();
    expect(problem({ nodePorts: { https: 22768 }, nodePortRange: { min: 20000, max: 22767 } })).toMatchObject({ field: 'nodePorts.https', value: 22768, allowed: '20000-22767' });
  });

  test('the values just inside each bound are accepted', () => {
    for (const props of [
      { controllerName: `gateway.nginx.org/${'c'.repeat(235)}` }, { controllerName: "gateway.nginx.org/a/b-c._~%!$&'()*+,;=:" }, { replicas: 1, controllerReplicas: 1 },
      { exposure: 'NodePort' }, { exposure: 'LoadBalancer' }, { externalTrafficPolicy: 'Cluster' }, { externalTrafficPolicy: 'Local' },
      { logLevel: 'info' }, { logLevel: 'debug' }, { logLevel: 'error' }, { gatewayClassName: 'nginx.internal' }, { namespace: 'gw' },
    ] as NginxGatewayFabricProps[]) {
      expect(() => ngf(props)).not.toThrow();
    }
  });
});
