import { hasFieldProblems } from '../../lib/core/validation/field-rules';
import { backendProblems, ingressPathProblems, ingressProblems, ingressRuleProblems } from '../../lib/ingress/ingress-validation';
import { podSecurityViolations } from '../../lib/isolation';
import { serviceProblems } from '../../lib/service/service-validation';
import { rollingUpdateRejections, rolloutProblems } from '../../lib/workload/rollout';

// The problem functions write a field path only when they report a problem, from
// the indexes of the entry: these hold those paths at indexes other than 0.
const fields = (problems: ReadonlyArray<{ field: string }>) => problems.map((p) => p.field);
const okPath = { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } };

describe('field paths written only for a problem', () => {
  test('hasFieldProblems answers as fieldProblems does, without a field', () => {
    expect(hasFieldProblems('Service.spec.ports[].port', 80)).toBe(false);
    expect(hasFieldProblems('Service.spec.ports[].port', 0)).toBe(true);
    expect(hasFieldProblems('HTTPIngressPath.path', 'x', { field: '', siblings: { pathType: 'Prefix' } })).toBe(true);
    expect(hasFieldProblems('HTTPIngressPath.path', 'x', { field: '', siblings: { pathType: 'ImplementationSpecific' } })).toBe(true);
    expect(hasFieldProblems('HTTPIngressPath.path', '/x', { field: '', siblings: { pathType: 'Prefix' } })).toBe(false);
  });

  test('an Ingress: rule, path, backend and TLS entries past the first', () => {
    const ingress = {
      metadata: { name: 'web' },
      spec: {
        rules: [
          { host: 'a.example.com', http: { paths: [okPath] } },
          {
            host: 'B_bad', http: {
              paths: [okPath, { path: 'x', pathType: 'Exact', backend: { service: { name: 'Web', port: { number: 0 } } } },
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'a-very-long-port-name' } } } }],
            },
          },
          { http: { paths: [] } },
        ],
        tls: [{ hosts: ['a.example.com'], secretName: 'ok' }, { hosts: ['a.example.com', 'x..y'], secretName: 'Bad_Secret' }],
      },
    };
    expect(fields(ingressProblems(ingress as any))).toEqual([
      'spec.rules[1].host',
      'spec.rules[1].http.paths[1].path',
      'spec.rules[1].http.paths[1].backend.service.name',
      'spec.rules[1].http.paths[1].backend.service.port.number',
      'spec.rules[1].http.paths[2].backend.service.port.name',
      'spec.rules[2].http.paths',
      'spec.tls[1].hosts[1]',
      'spec.tls[1].secretName',
    ]);
    // The value of a bad backend Service name is the name as written.
    expect(ingressProblems(ingress as any)[2].value).toBe('Web');
  });

  test("the entry functions report under the caller's field", () => {
    expect(fields(ingressRuleProblems('rules[3]', { host: 'a.example.com', http: { paths: [okPath, { pathType: 'Nope', path: '/', backend: {} }] } } as any)))
      .toEqual(['rules[3].http.paths[1].pathType', 'rules[3].http.paths[1].backend']);
    expect(fields(ingressPathProblems('p', { path: '/', pathType: 'Prefix', backend: { resource: { kind: '', name: 'n' } } } as any))).toEqual(['p.backend.resource.kind']);
    expect(fields(backendProblems('spec.defaultBackend', { service: { name: 'web', port: {} } } as any))).toEqual(['spec.defaultBackend.service.port']);
  });

  test('a Service: ports past the first, duplicates, and a one-port Service', () => {
    const service = {
      metadata: { name: 'web' },
      spec: { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'a', port: 80, protocol: 'tcp', nodePort: 30080 }, { name: 'c', port: 0 }] },
    };
    expect(serviceProblems(service as any).map((p) => `${p.field}: ${p.message}`)).toEqual([
      'spec.ports[1].name: is used by another port of this Service.',
      'spec.ports[1].protocol: is not a supported protocol: protocols are uppercase, so "tcp" must be written "TCP".',
      'spec.ports[2].port: is not a valid port number.',
    ]);
    expect(fields(serviceProblems({ metadata: { name: 'web' }, spec: { ports: [{ port: 80, protocol: 'tcp' }] } } as any))).toEqual(['spec.ports[0].protocol']);
  });

  test('Pod Security: containers and ports past the first, in each list', () => {
    const spec = {
      initContainers: [{ name: 'i' }, { name: 'j', securityContext: { privileged: true } }],
      containers: [{ name: 'a' }, { name: 'b', ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 81 }], securityContext: { procMount: 'Unmasked', appArmorProfile: { type: 'Unconfined' } } }],
    };
    expect(fields(podSecurityViolations(spec, 'baseline'))).toEqual([
      'initContainers[1].securityContext.privileged',
      'containers[1].ports[1].hostPort',
      'containers[1].securityContext.appArmorProfile.type',
      'containers[1].securityContext.procMount',
    ]);
  });

  test('rollingUpdate: an explicitly undefined count is read as written, not defaulted', () => {
    const spec = { strategy: { rollingUpdate: { maxSurge: undefined, maxUnavailable: 0 } } };
    expect(fields(rollingUpdateRejections(spec))).toEqual(['spec.strategy.rollingUpdate.maxSurge']);
    expect(rolloutProblems(spec, 2)).toEqual([]);
    expect(rolloutProblems({ strategy: { rollingUpdate: { maxUnavailable: '100%' } } }, 2)[0].value).toBe('100%');
  });
});
