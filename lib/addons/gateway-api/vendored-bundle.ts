import { brotliDecompressSync } from 'node:zlib';

/**
 * One Gateway API standard-channel release bundle, vendored by
 * scripts/vendor-gateway-api-crds.ts (see there for how it is rebuilt from the
 * upstream tag and checked against its sha256).
 */
export interface VendoredBundle {
  /** The release tag, e.g. `v1.6.1`. */
  readonly version: string;
  /** The commit the tag points to in kubernetes-sigs/gateway-api. */
  readonly commit: string;
  /** sha256 of `standard-install.yaml` as upstream's build script writes it. */
  readonly sha256: string;
  /** Size of `standard-install.yaml` in bytes. */
  readonly bytes: number;
  /** The bundle's documents as a JSON array: brotli, then base64. */
  readonly objects: string;
  /** The exact bytes of `standard-install.yaml`: brotli, then base64. */
  readonly yaml: string;
}

/** Decodes one of a bundle's brotli + base64 fields. */
export function decodeBundleField(field: string): Buffer {
  return brotliDecompressSync(Buffer.from(field, 'base64'));
}

/** The bundle's documents, in upstream's order. A fresh copy on every call, so callers may change it. */
export function bundleObjects(bundle: VendoredBundle): any[] {
  return JSON.parse(decodeBundleField(bundle.objects).toString('utf8'));
}
