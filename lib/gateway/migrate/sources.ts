// The migration's working state: each Ingress with its parsed annotations and report, and the
// routes planned per host, shared by the conversion (migrate.ts) and the canary merge (canary.ts).
import { Problem } from '../../core/errors';
import { ingressClassOf } from '../../ingress/conflicts';
import { NginxSettings, readNginxAnnotations } from './annotations';
import { GatewayPlan } from './gateway-plan';
import { RouteEntry } from './route-packing';
import { MigrationInput } from './types';

/** What the migration builds up per Ingress. */
export interface Source {
  readonly manifest: any;
  readonly namespace: string;
  readonly name: string;
  readonly ingressClass: string;
  readonly settings: NginxSettings;
  /** The IngressMigration being filled in. */
  readonly report: { readonly namespace: string; readonly name: string; readonly file?: string; readonly line?: number; wrote: string[]; notConverted: Problem[]; changed: Problem[] };
}

/** A route entry, with the canary Ingresses merged into it (for their reports). */
export interface Entry extends RouteEntry {
  canaries?: Source[];
}

/** The routes to write for one host of one Ingress. */
export interface HostPlan {
  readonly source: Source;
  readonly host?: string;
  readonly gateway: GatewayPlan;
  readonly entries: Entry[];
  readonly parentRefs: Array<Record<string, string>>;
  /** The HTTP listener's parentRef when HTTP requests are redirected to HTTPS. */
  readonly redirectFrom?: Record<string, string>;
  readonly routeBase: string;
}

export function toSource(item: MigrationInput): Source {
  const m = item.manifest;
  const namespace: string = m.metadata?.namespace || 'default';
  const name: string = m.metadata?.name ?? '';
  const { settings, notConverted } = readNginxAnnotations(m.metadata?.annotations);
  return {
    manifest: m, namespace, name, ingressClass: ingressClassOf(m), settings,
    report: { namespace, name, ...(item.file !== undefined ? { file: item.file, line: item.line } : {}), wrote: [], notConverted, changed: [] },
  };
}

export const rulesOf = (ingress: any): any[] => (Array.isArray(ingress.spec?.rules) ? ingress.spec.rules : []);

/** Identifies a path across Ingresses, for canaries: class, namespace, host and the converted match. */
export function matchKey(source: Source, host: string | undefined, match: Record<string, unknown>): string {
  return JSON.stringify([source.ingressClass, source.namespace, host ?? '', match.path]);
}

