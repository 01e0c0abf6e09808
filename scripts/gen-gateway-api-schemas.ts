// Writes lib/policy/schema/gateway-api-schemas.generated.json: the
// openAPIV3Schema of each served version of each CRD of the newest vendored
// Gateway API bundle (what gw-spec-valid checks objects against), without the
// schemas' descriptions. Decoding the whole bundle (brotli, then 720 KB of
// JSON) to read them cost every synth with a Gateway API object about 15 ms;
// this file is about 95 KB of JSON.
// Run after scripts/vendor-gateway-api-crds.ts (it runs this itself);
// test/policy/gateway-api-schemas.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayApiObjects } from '../lib/addons/gateway-api/bundles';
import { NEWEST_GATEWAY_API_VERSION } from '../lib/policy/rules/gateway-schemas';

/** The keys of a structural schema node whose values are schema nodes, or lists or maps of them. */
const NODE = ['items', 'additionalProperties', 'not'];
const NODE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const NODE_MAPS = ['properties', 'patternProperties'];

/** A schema node without its `description`s (a property *named* description stays: it is a key of `properties`). */
export function withoutDescriptions(node: any): any {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description') continue;
    if (NODE.includes(key)) out[key] = withoutDescriptions(value);
    else if (NODE_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(withoutDescriptions);
    else if (NODE_MAPS.includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, withoutDescriptions(child)]));
    } else out[key] = value;
  }
  return out;
}

/**
 * The file's text: `{ release, schemas }`, where `schemas` maps `Kind/version`
 * to its schema, or to the `Kind/version` key of an identical one listed before.
 */
export function gatewayApiSchemasText(): string {
  const schemas: Record<string, unknown> = {};
  const seen = new Map<string, string>();
  for (const crd of gatewayApiObjects(NEWEST_GATEWAY_API_VERSION).filter((o) => o.kind === 'CustomResourceDefinition')) {
    for (const version of crd.spec.versions) {
      const schema = version.served ? version.schema?.openAPIV3Schema : undefined;
      if (!schema) continue;
      const key = `${crd.spec.names.kind}/${version.name}`;
      const text = JSON.stringify(withoutDescriptions(schema));
      const same = seen.get(text);
      if (same) schemas[key] = same;
      else {
        seen.set(text, key);
        schemas[key] = JSON.parse(text);
      }
    }
  }
  return `${JSON.stringify({ release: NEWEST_GATEWAY_API_VERSION, schemas })}\n`;
}

export const GATEWAY_API_SCHEMAS_FILE = join(__dirname, '..', 'lib', 'policy', 'schema', 'gateway-api-schemas.generated.json');

if (require.main === module) {
  writeFileSync(GATEWAY_API_SCHEMAS_FILE, gatewayApiSchemasText());
  console.log(`wrote ${GATEWAY_API_SCHEMAS_FILE}`);
}
