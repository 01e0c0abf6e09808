import { checkPolicies } from '../policy/engine';
import { formatReport } from '../policy/report';
import { RULES } from '../policy/rules';
import { closest } from '../policy/suggest';
import { CliCommand, EXIT_UNREADABLE, readManifestsForCommand } from './main';

const USAGE = [
  'Usage: cdk8s-netkit check [--format text|json] [--strict] [options] <files or folders>…',
  '  --external-namespace NAME      a namespace that exists outside these files (repeatable)',
  '  --external-ingress-class NAME  an IngressClass installed outside these files (repeatable)',
  '  --external-secret [NS/]NAME    a TLS Secret managed outside these files (repeatable)',
  '  --disable RULE                 do not run a rule (repeatable)',
  '  --kubernetes-version 1.N       the target Kubernetes release',
  '',
].join('\n');

/** Repeatable options with a value, and the policy option each fills. */
const LIST_OPTIONS: Record<string, 'externalNamespaces' | 'externalIngressClasses' | 'externalSecrets' | 'disabledRules'> = {
  '--external-namespace': 'externalNamespaces',
  '--external-ingress-class': 'externalIngressClasses',
  '--external-secret': 'externalSecrets',
  '--disable': 'disabledRules',
};

/**
 * `check`: runs every policy rule over Kubernetes YAML files. Exit codes:
 * 0 no error finding, 1 warnings with --strict, 2 any error finding (or bad
 * usage), 3 unreadable input.
 */
export const checkCommand: CliCommand = {
  summary: 'check Kubernetes YAML against the policy rules (exit 2 on errors, 1 on warnings with --strict, 3 on unreadable input)',
  run: (args, io) => {
    let format = 'text';
    let strict = false;
    const paths: string[] = [];
    const lists: Record<string, string[]> = { externalNamespaces: [], externalIngressClasses: [], externalSecrets: [], disabledRules: [] };
    let kubernetesVersion: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--strict') strict = true;
      else if (LIST_OPTIONS[arg] !== undefined || arg === '--kubernetes-version') {
        const value = args[++i];
        if (value === undefined || value.startsWith('-')) {
          io.err(`cdk8s-netkit check: ${arg} needs a value.\n${USAGE}`);
          return 2;
        }
        if (arg === '--kubernetes-version') kubernetesVersion = value;
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
    const unknownRules = lists.disabledRules.filter((id) => !RULES.some((r) => r.id === id));
    if (unknownRules.length > 0) {
      const near = closest(unknownRules[0], RULES.map((r) => r.id));
      io.err(`cdk8s-netkit check: --disable ${unknownRules[0]} is not a rule${near ? ` (did you mean ${near}?)` : ''}; docs/policy.md lists them.\n`);
      return 2;
    }
    if (kubernetesVersion !== undefined && !/^1\.\d+$/.test(kubernetesVersion)) {
      io.err(`cdk8s-netkit check: --kubernetes-version ${kubernetesVersion} is not a release; write it as 1.N, e.g. 1.33.\n`);
      return 2;
    }
    if (paths.length === 0) {
      io.err(`cdk8s-netkit check: no files or folders given.\n${USAGE}`);
      return 2;
    }
    const manifests = readManifestsForCommand('check', paths, io);
    if (typeof manifests === 'number') return manifests;
    let findings;
    try {
      findings = checkPolicies(manifests, { ...lists, ...(kubernetesVersion ? { kubernetesVersion } : {}) });
    } catch (e) {
      io.err(`cdk8s-netkit check: cannot check these manifests: ${(e as Error).message}\n`);
      return EXIT_UNREADABLE;
    }
    if (format === 'json') {
      const list = findings.map((f) => ({
        rule: f.rule, severity: f.severity, kind: f.kind, namespace: f.namespace ?? null, name: f.name,
        ...(f.file !== undefined ? { file: f.file, line: f.line } : {}), message: f.message, fix: f.fix,
      }));
      io.out(`${JSON.stringify({ findings: list }, null, 2)}\n`);
    } else {
      io.out(formatReport(findings));
    }
    if (findings.some((f) => f.severity === 'error')) return 2;
    if (strict && findings.some((f) => f.severity === 'warning')) return 1;
    return 0;
  },
};
