/**
 * The openAPIV3Schemas of the newest vendored Gateway API release's CRDs, by
 * kind and version, from gateway-api-schemas.generated.json
 * (scripts/gen-gateway-api-schemas.ts writes it from the bundle; a test
 * compares the two). The same schemas as `gatewayApiSchema(kind, version,
 * release)` reads from the bundle, without their descriptions, which no check
 * reads: decoding the whole bundle cost every check with a Gateway API object
 * about 15 ms.
 */
interface GeneratedSchemas {
  readonly release: string;
  /** `Kind/version` → its schema, or the `Kind/version` of an identical one. */
  readonly schemas: Readonly<Record<string, unknown>>;
}

let generated: GeneratedSchemas | undefined;

/** The release the schemas are of (`v1.6.1`). */
export function gatewayApiSchemasRelease(): string {
  return loaded().release;
}

/** The openAPIV3Schema of a kind at an apiVersion (`v1`) in that release, or undefined when it serves none. Shared: never change it. */
export function gatewayApiSchemaOf(kind: string, apiVersion: string): any | undefined {
  // The last answer, kept: a check asks for every Gateway API object, and thousands of routes in a row ask the same.
  // Stryker disable next-line ConditionalExpression: equivalent when made false, the answer is looked up again (only slower)
  if (kind === last.kind && apiVersion === last.apiVersion) return last.schema;
  const { schemas } = loaded();
  const key = `${kind}/${apiVersion}`;
  // Own keys only: a kind named like an Object.prototype member has no schema.
  const found = Object.prototype.hasOwnProperty.call(schemas, key) ? schemas[key] : undefined;
  const schema = typeof found === 'string' ? schemas[found] : found;
  // Stryker disable next-line ObjectLiteral: equivalent, an empty record matches no kind: the next answer is looked up again (only slower)
  last = { kind, apiVersion, schema };
  return schema;
}

let last: { readonly kind?: string; readonly apiVersion?: string; readonly schema?: unknown } = {};

function loaded(): GeneratedSchemas {
  // Read on the first Gateway API object checked, not when the library loads.
  generated ??= require('./gateway-api-schemas.generated.json') as typeof import('./gateway-api-schemas.generated.json');
  return generated!;
}
