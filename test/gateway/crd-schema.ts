// ajv and ajv-formats come with kubernetes-models (@kubernetes-models/validate depends on both).
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { GATEWAY_API_VERSIONS, GatewayApiVersion, gatewayApiCrd } from '../../lib';

// useDefaults: the API server applies the schema's defaults before it validates (an address without type is an IPAddress).
const ajv = new Ajv({ strict: false, allErrors: true, useDefaults: true, formats: { int32: true, int64: true } });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/**
 * The errors the openAPIV3Schema of the vendored CRD reports for a Gateway API
 * object (the structural part of what the API server checks; CEL rules are
 * the per-object validation functions' job). Throws when the bundle has no
 * such kind or served version, so a typo in a test cannot pass.
 */
export function crdSchemaErrors(manifest: any, version: GatewayApiVersion): string[] {
  const [group, apiVersion] = String(manifest.apiVersion).split('/');
  const key = `${version}/${group}/${apiVersion}/${manifest.kind}`;
  let validate = compiled.get(key);
  if (!validate) {
    const crd = gatewayApiCrd(manifest.kind, version);
    const served = crd?.spec.versions.find((v: any) => v.name === apiVersion && v.served);
    if (!crd || crd.spec.group !== group || !served) throw new Error(`no served ${manifest.apiVersion} ${manifest.kind} in the ${version} bundle`);
    validate = ajv.compile(closed(served.schema.openAPIV3Schema));
    compiled.set(key, validate);
  }
  // Twice: ajv evaluates oneOf before it fills the defaults of the properties around it, so the first pass only defaults.
  const defaulted = JSON.parse(JSON.stringify(manifest)); // not structuredClone: it keeps shared objects shared, and defaults would leak between them
  validate(defaulted);
  return validate(defaulted) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The Gateway API objects among synthesized manifests. */
export function gatewayApiObjects(manifests: any[]): any[] {
  return manifests.filter((m) => String(m.apiVersion).startsWith('gateway.networking.k8s.io/'));
}

export { GATEWAY_API_VERSIONS };

/**
 * The schema with `additionalProperties: false` wherever it lists properties
 * (and does not preserve unknown fields), as strict field validation (kubectl's
 * default) rejects unknown fields. `metadata` stays open: the API server checks it itself.
 */
function closed(schema: any, path = ''): any {
  if (!schema || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => closed(s, path));
  const out: any = {};
  for (const [key, value] of Object.entries(schema)) {
    // oneOf/anyOf/allOf/not branches only add value checks to the structural schema around them: never closed.
    if (['oneOf', 'anyOf', 'allOf', 'not'].includes(key)) out[key] = value;
    else if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, k === 'metadata' && path === '' ? v : closed(v, `${path}.${k}`)]));
    else out[key] = closed(value, path);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}
