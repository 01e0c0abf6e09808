import { readFileSync } from 'node:fs';
import { GATEWAY_API_VERSIONS, gatewayApiCrd, gatewayApiSchema } from '../../../lib';
import { SERVED_VERSIONS } from '../../../lib/addons/gateway-api/served.generated';
import { SERVED_FILE, servedTableText } from '../../../scripts/gen-gateway-api-served';

describe('the generated table of served Gateway API kinds and versions', () => {
  test('is what scripts/gen-gateway-api-served.ts writes from the vendored bundles (rerun it after vendoring)', () => {
    expect(readFileSync(SERVED_FILE, 'utf8')).toBe(servedTableText());
  });

  test.each(GATEWAY_API_VERSIONS)('%s: each listed version has a schema in the bundle, each unlisted one does not', (release) => {
    for (const kind of ['HTTPRoute', 'Gateway', 'GatewayClass', 'ReferenceGrant', 'TCPRoute', 'UDPRoute']) {
      const served = SERVED_VERSIONS[release][kind];
      expect(served !== undefined).toBe(gatewayApiCrd(kind, release) !== undefined);
      for (const version of ['v1', 'v1beta1', 'v1alpha2']) {
        expect(served?.includes(version) ?? false).toBe(gatewayApiSchema(kind, version, release) !== undefined);
      }
    }
  });
});
