import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkPolicies } from '../policy/engine';
import { formatReport } from '../policy/report';
import { RULES } from '../policy/rules';
import { formatMigrationReport } from '../gateway/migrate/report';
import { migrateIngresses } from '../gateway/migrate/migrate';
import { MigrateOptions, RedirectStatusCode, REDIRECT_STATUS_CODES } from '../gateway/migrate/types';
import { CliCommand, CliIo, readManifestsForCommand } from './main';

const USAGE = [
  'Usage: cdk8s-netkit migrate [--gateway-class NAME] [--gateway-namespace NS] [--redirect-code CODE] [--out DIR] <files or folders>…',
  '  --gateway-class NAME      the GatewayClass of the Gateways (default: nginx, NGINX Gateway Fabric\'s)',
  '  --gateway-namespace NS    one shared Gateway per ingress class in NS (default: one per namespace, beside the Ingresses)',
  '  --redirect-code CODE      status of the HTTP -> HTTPS redirect: 301 (default, Core), 302, 303, 307 or 308',
  '  --out DIR                 write <namespace>.gateway-api.yaml files to DIR and the report to stdout',
  '                            (default: the YAML to stdout, the report to stderr)',
  'The Gateway API checks then run over the written objects and the rest of the input (Services, Secrets).',
  'Exit codes: 0 everything converted, 1 some parts not converted or a check failed (see the report), 2 bad usage, 3 unreadable input.',
  '',
].join('\n');

/**
 * The Gateway API rules run over the written objects and the rest of the
 * input (Services, Secrets, Namespaces): what ingress2gateway never checks,
 * such as a Secret that is not kubernetes.io/tls or does not cover the
 * listener hostname. Rules about Services or Secrets run only when the input
 * has some, so migrating bare Ingresses reports no false "missing" findings.
 */
function checkWritten(input: readonly any[], written: readonly any[]): { text: string; errors: boolean } {
  const rest = input.filter((o) => o?.kind !== 'Ingress');
  const has = (...kinds: string[]) => rest.some((o) => kinds.includes(o?.kind));
  const skipped = [
    ...(has('Service') ? [] : [{ lacking: 'Services', rules: ['gw-backend-exists'] }]),
    ...(has('Secret', 'Certificate') ? [] : [{ lacking: 'Secrets', rules: ['gw-tls-secret-exists', 'gw-tls-cert-covers-hostname'] }]),
  ];
  const skippedIds = skipped.flatMap((s) => s.rules);
  const disabledRules = RULES.map((r) => r.id).filter((id) => !id.startsWith('gw-') || skippedIds.includes(id));
  const findings = checkPolicies([...rest, ...written], { disabledRules, externalNamespaces: [...new Set(written.map((o) => o.metadata.namespace as string))] });
  const notRun = skipped.map((s) => `${s.rules.join(' and ')} not run: no ${s.lacking} in the input`).join('; ');
  return { text: `Checks of the written objects with the rest of the input${notRun ? ` (${notRun})` : ''}:\n${formatReport(findings)}`, errors: findings.some((f) => f.severity === 'error') };
}

/** The written objects as one multi-document YAML text. */
function toYaml(objects: readonly any[]): string {
  return objects.map((o) => stringify(o, { aliasDuplicateObjects: false, lineWidth: 0 })).join('---\n');
}

/**
 * `cdk8s-netkit migrate`: Ingresses (and their ingress-nginx annotations) to
 * Gateway API YAML, with a report per Ingress of what was not converted.
 */
export function runMigrate(args: readonly string[], io: CliIo): number {
  const paths: string[] = [];
  let out: string | undefined;
  const options: { -readonly [K in keyof MigrateOptions]: MigrateOptions[K] } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (['--gateway-class', '--gateway-namespace', '--redirect-code', '--out'].includes(arg)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('-')) {
        io.err(`cdk8s-netkit migrate: ${arg} needs a value.\n${USAGE}`);
        return 2;
      }
      if (arg === '--gateway-class') options.gatewayClassName = value;
      else if (arg === '--gateway-namespace') options.gatewayNamespace = value;
      else if (arg === '--out') out = value;
      else {
        const code = Number(value);
        if (!(REDIRECT_STATUS_CODES as readonly number[]).includes(code)) {
          io.err(`cdk8s-netkit migrate: --redirect-code must be one of ${REDIRECT_STATUS_CODES.join(', ')}, got ${JSON.stringify(value)}.\n`);
          return 2;
        }
        options.redirectStatusCode = code as RedirectStatusCode;
      }
    } else if (arg.startsWith('-')) {
      io.err(`cdk8s-netkit migrate: unknown option ${JSON.stringify(arg)}.\n${USAGE}`);
      return 2;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    io.err(`cdk8s-netkit migrate: give at least one file or folder with Ingresses.\n${USAGE}`);
    return 2;
  }
  const manifests = readManifestsForCommand('migrate', paths, io);
  if (typeof manifests === 'number') return manifests;
  const result = migrateIngresses(manifests, options);
  if (result.ingresses.length === 0) {
    io.err('cdk8s-netkit migrate: no Ingress in these files; nothing to convert.\n');
    return 0;
  }
  const checks = checkWritten(manifests.map((m) => m.manifest), result.objects);
  const report = formatMigrationReport(result) + checks.text;
  if (out === undefined) {
    io.out(toYaml(result.objects));
    io.err(report);
  } else {
    const byNamespace = new Map<string, any[]>();
    for (const o of result.objects) {
      const ns: string = o.metadata.namespace;
      if (!byNamespace.has(ns)) byNamespace.set(ns, []);
      byNamespace.get(ns)!.push(o);
    }
    mkdirSync(out, { recursive: true });
    for (const [ns, objects] of [...byNamespace].sort(([a], [b]) => a.localeCompare(b))) {
      const file = join(out, `${ns}.gateway-api.yaml`);
      writeFileSync(file, toYaml(objects));
      io.out(`wrote ${file} (${objects.length} object(s))\n`);
    }
    io.out(report);
  }
  return checks.errors || result.ingresses.some((i) => i.notConverted.length > 0) ? 1 : 0;
}

export const migrateCommand: CliCommand = {
  summary: 'convert Ingresses and their ingress-nginx annotations to Gateway API YAML, reporting what does not convert',
  run: runMigrate,
};
