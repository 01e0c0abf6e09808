import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { NetkitChart } from '../core/chart';
import { throwIfProblems } from '../core/errors';
import { recommendedLabels } from '../core/labels';
import { namespaceProblems } from '../core/metadata-validation';
import { fieldProblems } from '../core/validation/field-rules';
import { addWarning } from '../core/warnings';
import { ITlsCertificateRef } from './certificate-ref';
import { writeLocalFile } from '../core/local-files';
import { localSecretFile, secretFileContent, TlsSecretOutput, tlsSecretManifest } from './secret-output';
import { tlsSecretProblems } from './tls-secret-validation';

/**
 * The suffix of the chart that holds Secrets written with
 * `TlsSecretOutput.manifestWithPrivateKey()`: `dev` → `dev-private-keys.k8s.yaml`.
 */
export const PRIVATE_KEYS_CHART_SUFFIX = '-private-keys';

/** Props every certificate source shares. */
export interface TlsCertificateProps {
  /**
   * The Secret's name, what an Ingress puts in `tls[].secretName`.
   * @default - the construct id
   */
  readonly secretName?: string;
  /**
   * The Secret's namespace; an Ingress can only use a Secret in its own namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** Where a Secret built from a local key went (the sources that hold a key expose these fields). */
export interface DeliveredTlsSecret {
  /** The Secret manifest, private key included. */
  readonly manifest: ISecret;
  /** The Secret object in the chart, only with `TlsSecretOutput.manifestWithPrivateKey()`. */
  readonly apiObject?: ApiObject;
  /** The git-ignored file the Secret was written to, only with `TlsSecretOutput.localFile()`. */
  readonly file?: string;
}

/**
 * A `kubernetes.io/tls` Secret an Ingress can serve, whatever its source:
 * {@link PemFileTlsCertificate}, {@link SelfSignedTlsCertificate},
 * {@link CertManagerTlsCertificate} or {@link ExistingTlsSecret}.
 */
export abstract class TlsCertificate extends Construct implements ITlsCertificateRef {
  public readonly secretName: string;
  public readonly namespace?: string;
  public abstract readonly dnsNames?: readonly string[];
  /** Whether the Secret is missing from the synthesized manifests (see {@link ITlsCertificateRef.managedOutside}). */
  public abstract readonly managedOutside: boolean;

  protected constructor(scope: Construct, id: string, props: TlsCertificateProps) {
    super(scope, id);
    this.secretName = props.secretName ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    // The Secret (or the cert-manager Certificate writing it) lives there: the API server refuses a namespace that is not a DNS label.
    throwIfProblems(this, [
      ...fieldProblems('Secret.metadata.name', this.secretName, { field: 'secretName' }),
      ...namespaceProblems('namespace', props.namespace),
    ]);
  }

  /** The Secret's labels. */
  protected get labels(): Record<string, string> {
    return recommendedLabels({ name: this.secretName, instance: this.secretName, component: 'tls' });
  }

  /** Builds the Secret from a certificate and key, checks it, and sends it where `output` says. */
  protected deliverSecret(certificatePem: string, privateKeyPem: string, output: TlsSecretOutput): DeliveredTlsSecret {
    const manifest = tlsSecretManifest({
      name: this.secretName, namespace: this.namespace, labels: this.labels, certificatePem, privateKeyPem,
    });
    throwIfProblems(this, tlsSecretProblems(manifest));
    switch (output.kind) {
      case 'local-file': {
        // In a NetkitApp the file is written with the manifests, only if the synth succeeds.
        const file = writeLocalFile(this, output.directory!, localSecretFile('', this.namespace, this.secretName), (shown) => secretFileContent(shown, manifest));
        return { manifest, file };
      }
      case 'manifest-with-private-key': {
        // Never into the chart's own file, which is committed for GitOps: a chart of its own,
        // `<chart>-private-keys`, whose file name says what it holds and is easy to git-ignore.
        const chart = Chart.of(this);
        const id = `${chart.node.id}${PRIVATE_KEYS_CHART_SUFFIX}`;
        const root = this.node.root as Construct;
        let keys = root.node.tryFindChild(id) as NetkitChart | undefined;
        if (!keys) {
          keys = new NetkitChart(root, id, { namespace: chart.namespace, createNamespace: false });
          keys.addDependency(chart);
        }
        addWarning(this, `the private key of Secret "${this.secretName}" is written to the manifest of chart "${id}" (manifestWithPrivateKey); keep that file out of git (e.g. "dist/*${PRIVATE_KEYS_CHART_SUFFIX}.k8s.yaml" in .gitignore).`);
        return { manifest, apiObject: new ApiObject(keys, this.secretName, manifest) };
      }
      case 'none':
        return { manifest };
    }
  }
}
