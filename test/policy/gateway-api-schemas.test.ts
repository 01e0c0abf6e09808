import { readFileSync } from 'node:fs';
import { gatewayApiCrd, gatewayApiSchema } from '../../lib';
import { SERVED_VERSIONS } from '../../lib/addons/gateway-api/served.generated';
import { gatewayApiSchemaOf, gatewayApiSchemasRelease } from '../../lib/policy/schema/gateway-api-schemas';
import { NEWEST_GATEWAY_API_VERSION } from '../../lib/policy/rules/gateway-schemas';
import { GATEWAY_API_SCHEMAS_FILE, gatewayApiSchemasText, withoutDescriptions } from '../../scripts/gen-gateway-api-schemas';

describe('the generated Gateway API schemas gw-spec-valid checks against', () => {
  test('are what scripts/gen-gateway-api-schemas.ts writes from the newest vendored bundle (rerun it after vendoring)', () => {
    expect(readFileSync(GATEWAY_API_SCHEMAS_FILE, 'utf8')).toBe(gatewayApiSchemasText());
    expect(gatewayApiSchemasRelease()).toBe(NEWEST_GATEWAY_API_VERSION);
  });

  test('each kind and version has the bundle\'s schema without its descriptions; unserved ones have none', () => {
    const kinds = [...Object.keys(SERVED_VERSIONS[NEWEST_GATEWAY_API_VERSION]), 'Service', 'toString', '__proto__'];
    let compared = 0;
    for (const kind of kinds) {
      for (const version of ['v1', 'v1beta1', 'v1alpha2', 'v1alpha3']) {
        const fromBundle = gatewayApiSchema(kind, version, NEWEST_GATEWAY_API_VERSION);
        expect([kind, version, gatewayApiSchemaOf(kind, version)]).toEqual([kind, version, fromBundle && withoutDescriptions(fromBundle)]);
        if (fromBundle) compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(13);
    expect(gatewayApiCrd('HTTPRoute', NEWEST_GATEWAY_API_VERSION)).toBeDefined();
    // The other way round, kinds changing at one version (gatewayApiSchemaOf keeps its last answer): each still gets its own.
    for (const version of ['v1', 'v1beta1']) {
      for (const kind of kinds) {
        const fromBundle = gatewayApiSchema(kind, version, NEWEST_GATEWAY_API_VERSION);
        expect([kind, version, gatewayApiSchemaOf(kind, version)]).toEqual([kind, version, fromBundle && withoutDescriptions(fromBundle)]);
      }
    }
  });

  test('only descriptions go: a property named "description" stays, with its own schema', () => {
    const schema = {
      description: 'a kind', type: 'object',
      properties: { description: { description: 'the text', type: 'string', maxLength: 10 }, list: { type: 'array', items: { description: 'x', type: 'string' } } },
      additionalProperties: { description: 'y', type: 'integer' },
      anyOf: [{ description: 'z', required: ['description'] }],
      'x-kubernetes-validations': [{ rule: 'self.a == 1', message: 'description stays in a rule' }],
    };
    expect(withoutDescriptions(schema)).toEqual({
      type: 'object',
      properties: { description: { type: 'string', maxLength: 10 }, list: { type: 'array', items: { type: 'string' } } },
      additionalProperties: { type: 'integer' },
      anyOf: [{ required: ['description'] }],
      'x-kubernetes-validations': [{ rule: 'self.a == 1', message: 'description stays in a rule' }],
    });
  });
});
