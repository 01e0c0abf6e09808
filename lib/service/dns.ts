/** The cluster DNS domain almost every cluster uses (kubelet --cluster-domain). */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** The DNS names a client in the cluster can use for a Service, shortest first. */
export interface ServiceDnsNames {
  /** `<svc>`: from a pod in the same namespace. */
  readonly short: string;
  /** `<svc>.<ns>`: from any namespace. */
  readonly namespaced: string;
  /** `<svc>.<ns>.svc.<cluster-domain>`: the fully qualified name. */
  readonly fqdn: string;
}

export function serviceDnsNames(service: string, namespace: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): ServiceDnsNames {
  return {
    short: service,
    namespaced: `${service}.${namespace}`,
    fqdn: `${service}.${namespace}.svc.${clusterDomain}`,
  };
}

/** `<host>.<subdomain>.<ns>.svc.<cluster-domain>`: one pod behind a headless Service. */
export function podDnsName(hostname: string, headlessService: string, namespace: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
  return `${hostname}.${headlessService}.${namespace}.svc.${clusterDomain}`;
}

/**
 * The variables the kubelet injects into pods started after a Service exists
 * (the Docker-links convention): `<SVC>_SERVICE_HOST`, `<SVC>_SERVICE_PORT`,
 * and `<SVC>_SERVICE_PORT_<PORT-NAME>` per named port.
 */
export interface ServiceEnvVarNames {
  readonly host: string;
  readonly port: string;
  /** Port name → variable name, for named ports. */
  readonly namedPorts: Readonly<Record<string, string>>;
}

/** Upper case with every "-" (and any other character not allowed in a variable) as "_". */
function toEnvName(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

export function serviceEnvVarNames(service: string, portNames: readonly string[] = []): ServiceEnvVarNames {
  const prefix = `${toEnvName(service)}_SERVICE`;
  const namedPorts: Record<string, string> = {};
  for (const name of portNames) namedPorts[name] = `${prefix}_PORT_${toEnvName(name)}`;
  return { host: `${prefix}_HOST`, port: `${prefix}_PORT`, namedPorts };
}
