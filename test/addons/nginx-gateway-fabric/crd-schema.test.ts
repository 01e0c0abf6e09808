import Ajv from 'ajv';
import { ngfCrdManifestsForTest } from './crd-helpers';
import { find, synthInstall } from './helpers';

/**
 * The install's NginxGateway and NginxProxy checked against the vendored v2.6.7
 * CRD schemas: types, enums, ranges and required fields with ajv, and every
 * field written declared by the schema (the API server would prune an unknown
 * one silently, so a misspelt option would be lost without an error).
 */
// Formats (int32, date-time…) are left to the API server; the schema's x-kubernetes-* keywords are ignored.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });

function schemaOf(kind: string): any {
  const crd = ngfCrdManifestsForTest().find((c) => c.spec.names.kind === kind);
  return crd.spec.versions.find((v: any) => v.storage).schema.openAPIV3Schema;
}

/** Paths in `value` that `schema` does not declare. */
function undeclared(value: any, schema: any, path = ''): string[] {
  if (value === null || typeof value !== 'object' || schema['x-kubernetes-preserve-unknown-fields']) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => undeclared(item, schema.items ?? {}, `${path}[${i}]`));
  if (schema.additionalProperties) return Object.entries(value).flatMap(([k, v]) => undeclared(v, schema.additionalProperties, `${path}.${k}`));
  return Object.entries(value).flatMap(([k, v]) => {
    if (path === '' && ['apiVersion', 'kind', 'metadata'].includes(k)) return [];
    const property = schema.properties?.[k];
    return property ? undeclared(v, property, `${path}.${k}`) : [`${path}.${k}`];
  });
}

function problems(manifest: any): string[] {
  const schema = schemaOf(manifest.kind);
  const validate = ajv.compile(schema);
  const errors = validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  return [...errors, ...undeclared(manifest, schema).map((p) => `${p} is not in the CRD schema`)];
}

describe.each([
  ['defaults', {}],
  ['tutorial node ports', { nodePorts: { http: 30080, https: 30443 }, externalTrafficPolicy: 'Cluster' as const }],
  ['load balancer with options', { exposure: 'LoadBalancer' as const, loadBalancerSourceRanges: ['10.0.0.0/8'], loadBalancerClass: 'example.com/vip', replicas: 2, logLevel: 'debug' as const }],
])('the custom resources (%s) match the v2.6.7 CRD schemas', (_name, props) => {
  const { objects } = synthInstall(props);
  test('NginxProxy', () => expect(problems(find(objects, 'NginxProxy', 'nginx-gateway-proxy-config'))).toEqual([]));
  test('NginxGateway', () => expect(problems(find(objects, 'NginxGateway', 'nginx-gateway-config'))).toEqual([]));
});

test('the check finds a misspelt field, a wrong type and a bad enum value', () => {
  const proxy = JSON.parse(JSON.stringify(find(synthInstall().objects, 'NginxProxy', 'nginx-gateway-proxy-config')));
  proxy.spec.kubernetes.service.nodeports = [];
  proxy.spec.kubernetes.deployment.replicas = 'two';
  proxy.spec.kubernetes.service.type = 'HostNetwork';
  expect(problems(proxy)).toEqual(expect.arrayContaining([
    '/spec/kubernetes/deployment/replicas must be integer',
    '/spec/kubernetes/service/type must be equal to one of the allowed values',
    '.spec.kubernetes.service.nodeports is not in the CRD schema',
  ]));
});
