import { GATEWAY_API_VERSIONS, isGatewayApiVersion } from '../addons/gateway-api/bundles';
import { checkPolicies } from '../policy/engine';
import { formatReport } from '../policy/report';
import { RULES } from '../policy/rules';
import { unknownRuleIdProblem } from '../policy/rule-ids';
import { isIncompleteLoad, loadManifests, ManifestLoad, ManifestReadError } from '../core/manifest-files';
import { DataPlanePods } from '../policy/types';
import { CliCommand, EXIT_UNREADABLE } from './main';
import { describeProblem, formatProblem } from '../core/errors';
import { supportedKubernetesVersionProblem } from '../core/kubernetes-version';

const USAGE = [
  'Usage: cdk8s-netkit check [--format text|json] [--strict] [--info] [options] <files or folders>…',
  '  --info                         list info findings (advice, "cannot judge"); by default only counted',
  '  --external-namespace NAME      a namespace that exists outside these files (repeatable)',
  '  --external-ingress-class NAME  an IngressClass installed outside these files (repeatable)',
  '  --external-secret [NS/]NAME    a TLS Secret managed outside these files (repeatable)',
  '  --external-gateway [NS/]NAME   a Gateway managed outside these files (repeatable)',
  '  --disable RULE                 do not run a rule (repeatable)',
  '  --data-plane-pods NS:K=V[,K=V] the ingress controller / Gateway data plane pods when not in these files (repeatable)',
  '  --kubernetes-version 1.N       the target Kubernetes release, 1.31 to 1.36 (default 1.35)',
  '  --gateway-api-version vX.Y.Z   the Gateway API CRD bundle on the cluster (default: the CRDs in these files, else v1.5.1)',
  '',
].join('\n');

/** Repeatable options with a value, and the policy option each fills. */
const LIST_OPTIONS: Record<string, 'externalNamespaces' | 'externalIngressClasses' | 'externalSecrets' | 'externalGateways' | 'disabledRules'> = {
  '--external-namespace': 'externalNamespaces',
  '--external-ingress-class': 'externalIngressClasses',
  '--external-secret': 'externalSecrets',
  '--external-gateway': 'externalGateways',
  '--disable': 'disabledRules',
};

/**
 * `check`: runs every policy rule over Kubernetes YAML files; info findings
 * are counted, and listed with --info. A file that cannot be read is
 * reported and the others are checked; templates and YAML that is not a
 * Kubernetes object are skipped with a note. Exit codes: 0 no error finding,
 * 1 warnings with --strict, 2 any error finding (or bad usage), 3 a file
 * that cannot be read (and no error finding elsewhere), or no Kubernetes
 * object at all.
 */
export const checkCommand: CliCommand = {
  summary: 'check Kubernetes YAML against the policy rules (exit 2 on errors, 1 on warnings with --strict, 3 on unreadable input or no objects)',
  run: (args, io) => {
    let format = 'text';
    let strict = false;
    let listInfos = false;
    const paths: string[] = [];
    const lists: Record<string, string[]> = { externalNamespaces: [], externalIngressClasses: [], externalSecrets: [], externalGateways: [], disabledRules: [] };
    let kubernetesVersion: string | undefined;
    let gatewayApiVersion: string | undefined;
    const dataPlanePods: DataPlanePods[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--strict') strict = true;
      else if (arg === '--info') listInfos = true;
      else if (LIST_OPTIONS[arg] !== undefined || arg === '--kubernetes-version' || arg === '--gateway-api-version' || arg === '--data-plane-pods') {
        const value = args[++i];
        if (value === undefined || value.startsWith('-')) {
          io.err(`cdk8s-netkit check: ${arg} needs a value.\n${USAGE}`);
          return 2;
        }
        if (arg === '--kubernetes-version') kubernetesVersion = value;
        else if (arg === '--gateway-api-version') gatewayApiVersion = value;
        else if (arg === '--data-plane-pods') {
          const pods = parseDataPlanePods(value);
          if (!pods) {
            io.err(`cdk8s-netkit check: --data-plane-pods ${value} is not NAMESPACE:KEY=VALUE[,KEY=VALUE…], e.g. ingress-nginx:app.kubernetes.io/name=ingress-nginx.\n`);
            return 2;
          }
          dataPlanePods.push(pods);
        }
        else lists[LIST_OPTIONS[arg]].push(value);
      }
      else if (arg === '--format') format = args[++i] ?? '';
      else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
      else if (arg === '--help' || arg === '-h') {
        io.out(USAGE);
        return 0;
      } else if (arg.startsWith('-')) {
        io.err(`cdk8s-netkit check: unknown option "${arg}".\n${USAGE}`);
        return 2;
      } else paths.push(arg);
    }
    if (format !== 'text' && format !== 'json') {
      io.err(`cdk8s-netkit check: --format must be text or json, got "${format}".\n${USAGE}`);
      return 2;
    }
    // One message for a rule id that names no rule, wherever ids are named (lib/policy/rule-ids.ts).
    const unknownRule = lists.disabledRules.find((id) => !RULES.some((r) => r.id === id));
    if (unknownRule !== undefined) {
      const problem = unknownRuleIdProblem('--disable', unknownRule, RULES.map((r) => r.id));
      io.err(`cdk8s-netkit check: ${formatProblem(problem)}\n`);
      return 2;
    }
    const versionProblem = kubernetesVersion === undefined ? undefined : supportedKubernetesVersionProblem('--kubernetes-version', kubernetesVersion);
    if (versionProblem) {
      io.err(`cdk8s-netkit check: ${describeProblem(versionProblem)} Fix: ${versionProblem.fix}\n`);
      return 2;
    }
    if (gatewayApiVersion !== undefined && !isGatewayApiVersion(gatewayApiVersion)) {
      io.err(`cdk8s-netkit check: --gateway-api-version ${gatewayApiVersion} is not a bundle this package carries (${GATEWAY_API_VERSIONS.join(', ')}).\n`);
      return 2;
    }
    if (paths.length === 0) {
      io.err(`cdk8s-netkit check: no files or folders given.\n${USAGE}`);
      return 2;
    }
    let load: ManifestLoad;
    try {
      load = loadManifests(paths);
    } catch (e) {
      if (!(e instanceof ManifestReadError)) throw e;
      io.err(`cdk8s-netkit check: cannot read ${e.message}\n`);
      return EXIT_UNREADABLE;
    }
    // One unreadable or templated file does not hide the findings of the others; each is said once.
    for (const bad of load.unreadable) io.err(`cdk8s-netkit check: cannot read ${bad.message}\n`);
    for (const { file, reason } of load.skipped) io.err(`cdk8s-netkit check: skipped ${file}: ${reason}.\n`);
    const manifests = load.manifests;
    if (manifests.length === 0) {
      // A wrong folder in a pipeline must not pass silently.
      io.err(`cdk8s-netkit check: no Kubernetes objects found in ${paths.join(', ')}.\n`);
      return EXIT_UNREADABLE;
    }
    let findings;
    try {
      const incompleteInput = isIncompleteLoad(load);
      findings = checkPolicies(manifests, { ...lists, ...(incompleteInput ? { incompleteInput } : {}), ...(kubernetesVersion ? { kubernetesVersion } : {}), ...(gatewayApiVersion ? { gatewayApiVersion } : {}), ...(dataPlanePods.length > 0 ? { dataPlanePods } : {}) });
    } catch (e) {
      io.err(`cdk8s-netkit check: cannot check these manifests: ${(e as Error).message}\n`);
      return EXIT_UNREADABLE;
    }
    if (format === 'json') {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity]++;
      const list = findings.filter((f) => listInfos || f.severity !== 'info').map((f) => ({
        rule: f.rule, severity: f.severity, kind: f.kind, namespace: f.namespace ?? null, name: f.name,
        ...(f.file !== undefined ? { file: f.file, line: f.line } : {}), message: f.message, fix: f.fix,
      }));
      io.out(`${JSON.stringify({ findings: list, counts }, null, 2)}\n`);
    } else {
      io.out(formatReport(findings, { listInfos }));
    }
    if (findings.some((f) => f.severity === 'error')) return 2;
    if (load.unreadable.length > 0) return EXIT_UNREADABLE;
    if (strict && findings.some((f) => f.severity === 'warning')) return 1;
    return 0;
  },
};

/** `ingress-nginx:app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller` → namespace and labels. */
function parseDataPlanePods(value: string): DataPlanePods | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const labels: Record<string, string> = {};
  for (const pair of value.slice(colon + 1).split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { namespace: value.slice(0, colon), labels };
}
