import { WEBHOOK_CERT_DIR, WEBHOOK_PORT } from './upstream';

/** What decides the controller's command line. */
export interface ControllerArgsOptions {
  /** The object name base (`ingress-nginx`). */
  readonly name: string;
  readonly ingressClassName: string;
  readonly controllerValue: string;
  readonly publishService: boolean;
  readonly watchNamespace?: string;
  readonly hostNetwork: boolean;
  readonly admissionWebhook: boolean;
  readonly metrics: boolean;
  /** `--key=value` flags appended sorted by key. */
  readonly extraArgs: Record<string, string>;
}

/**
 * The controller's arguments, in the order of the chart's
 * templates/_params.tpl (chart 4.15.1), so the default output matches the
 * upstream manifest line for line.
 */
export function controllerArgs(o: ControllerArgsOptions): string[] {
  const args = ['/nginx-ingress-controller'];
  if (o.publishService) args.push(`--publish-service=$(POD_NAMESPACE)/${o.name}-controller`);
  args.push(
    `--election-id=${o.name}-leader`,
    `--controller-class=${o.controllerValue}`,
    `--ingress-class=${o.ingressClassName}`,
    `--configmap=$(POD_NAMESPACE)/${o.name}-controller`,
  );
  if (o.watchNamespace !== undefined) args.push(`--watch-namespace=${o.watchNamespace}`);
  // With the host network there is no Service address to publish; the nodes' own addresses are the entry points.
  if (o.hostNetwork) args.push('--report-node-internal-ip-address=true');
  if (o.admissionWebhook) {
    args.push(
      `--validating-webhook=:${WEBHOOK_PORT}`,
      `--validating-webhook-certificate=${WEBHOOK_CERT_DIR}cert`,
      `--validating-webhook-key=${WEBHOOK_CERT_DIR}key`,
    );
  }
  if (o.metrics) args.push('--enable-metrics=true');
  for (const key of Object.keys(o.extraArgs).sort()) args.push(`--${key}=${o.extraArgs[key]}`);
  return args;
}
