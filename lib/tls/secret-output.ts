import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { stringify } from 'yaml';

/** Where the git-ignored local files of this library live, relative to the project root. */
export const LOCAL_STATE_DIRECTORY = '.netkit';
/** Default folder for Secrets kept out of the committed manifests. */
export const DEFAULT_LOCAL_SECRETS_DIRECTORY = join(LOCAL_STATE_DIRECTORY, 'secrets');

/** How a TLS Secret whose private key this library holds is delivered to the cluster. */
export type TlsSecretOutputKind = 'local-file' | 'none' | 'manifest-with-private-key';

/**
 * Where the Secret of a certificate with a local private key (PEM files,
 * self-signed) goes. `dist/` is committed for GitOps, so by default the key
 * never enters the chart: the Secret is written to a git-ignored local file
 * you apply yourself.
 */
export class TlsSecretOutput {
  /**
   * The default: the Secret manifest is written to
   * `<directory>/<namespace>/<secretName>.yaml` (mode 0600), outside the
   * chart output, and applied with `kubectl apply -f .netkit/secrets/`.
   * @param directory the folder, relative to the working directory; keep it git-ignored
   */
  public static localFile(directory: string = DEFAULT_LOCAL_SECRETS_DIRECTORY): TlsSecretOutput {
    return new TlsSecretOutput('local-file', directory);
  }

  /** No Secret is written anywhere: you create it (`kubectl create secret tls`, Sealed Secrets…). */
  public static none(): TlsSecretOutput {
    return new TlsSecretOutput('none');
  }

  /**
   * Opt-in: the Secret, private key included, becomes a manifest, in a chart
   * of its own named `<chart>-private-keys` (so its file,
   * `dist/<chart>-private-keys.k8s.yaml`, says what it holds and one
   * .gitignore line keeps it out of git), never in the chart's own file. For
   * pipelines that apply dist/ without committing it, or throw-away keys.
   */
  public static manifestWithPrivateKey(): TlsSecretOutput {
    return new TlsSecretOutput('manifest-with-private-key');
  }

  private constructor(
    /** Which delivery. */
    public readonly kind: TlsSecretOutputKind,
    /** The folder for `local-file`. */
    public readonly directory?: string,
  ) {}
}

/** The `kubernetes.io/tls` Secret for a PEM certificate (chain) and key, as `kubectl create secret tls` makes it. */
export function tlsSecretManifest(options: {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Record<string, string>;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}): ISecret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: options.name,
      ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
      labels: options.labels,
    },
    type: 'kubernetes.io/tls',
    data: {
      'tls.crt': Buffer.from(options.certificatePem, 'utf8').toString('base64'),
      'tls.key': Buffer.from(options.privateKeyPem, 'utf8').toString('base64'),
    },
  };
}

/** The file `localFile` output writes a Secret to. */
export function localSecretFile(directory: string, namespace: string | undefined, name: string): string {
  return join(directory, namespace ?? 'default', `${name}.yaml`);
}

/**
 * Writes a file readable only by its owner, atomically, so parallel runs
 * (jest workers, two synths) never see half a key.
 */
export function writePrivateFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}

/** Writes a Secret manifest to a local file as YAML. */
export function writeSecretFile(file: string, secret: ISecret): void {
  writePrivateFile(file, `# Contains a private key: do not commit. Apply with: kubectl apply -f ${file}\n${stringify(secret)}`);
}
