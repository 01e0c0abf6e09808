import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { formatProblem, throwIfProblems } from '../core/errors';
import { errorsOf, warningsOf } from '../core/validation/field-rules';
import { addWarning } from '../core/warnings';
import { lazyApiObject, objectMeta } from './api-object';
import { GATEWAY_API_GROUP, REFERENCE_GRANT_API_VERSION, ReferenceGrantManifest } from './types';
import { referenceGrantProblems } from './validation/reference-grant-validation';
import { checkProps } from '../core/props';

/** Who may refer: every object of a kind in a namespace. */
export interface ReferenceGrantFrom {
  /** @default 'gateway.networking.k8s.io' */
  readonly group?: string;
  /**
   * `HTTPRoute`, `Gateway` …, spelt as the API spells it: kinds are case-sensitive, so a kind the group
   * lacks (`httproute`) is refused; in another group, a lowercase kind is warned about.
   */
  readonly kind: string;
  readonly namespace: string;
}

/** What may be referred to, in the grant's namespace: one object by name, or every object of the kind. */
export interface ReferenceGrantTo {
  /** @default '' (the core group: Service, Secret) */
  readonly group?: string;
  /**
   * `Service`, `Secret` …, spelt as the API spells it: kinds are case-sensitive, so a kind the group
   * lacks (`service`) is refused; in another group, a lowercase kind is warned about.
   */
  readonly kind: string;
  /** @default - every object of the kind */
  readonly name?: string;
}

export interface ReferenceGrantProps {
  /** `metadata.name`. @default - the construct id */
  readonly name?: string;
  /** The namespace of the objects referred to; the grant must live there. @default - the chart's namespace, else "default" */
  readonly namespace?: string;
  /** @default - none yet (add with `addFrom`; at least one is needed) */
  readonly from?: ReferenceGrantFrom[];
  /** @default - none yet (add with `addTo`; at least one is needed) */
  readonly to?: ReferenceGrantTo[];
}

/**
 * A ReferenceGrant (`gateway.networking.k8s.io/v1beta1`, served by every CRD
 * bundle and still the storage version in v1.6.1): lets objects of a kind in
 * other namespaces refer to objects here. The Gateway and HttpRoute
 * constructs write one automatically for each cross-namespace reference
 * (see {@link grantReference}); use this class for references they do not make.
 */
export class ReferenceGrant extends Construct {
  public readonly apiObject: ApiObject;
  public readonly name: string;
  public readonly namespace: string;
  private readonly fromList: Required<ReferenceGrantFrom>[] = [];
  private readonly toList: ReferenceGrantTo[] = [];

  constructor(scope: Construct, id: string, props: ReferenceGrantProps = {}) {
    super(scope, id);
    checkProps(this, 'ReferenceGrantProps', props);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.apiObject = lazyApiObject(this, REFERENCE_GRANT_API_VERSION, 'ReferenceGrant', objectMeta(this.name, this.namespace), () => this.toManifest().spec);
    // Warnings (a custom kind very likely misspelt) were printed when the entry was added.
    this.node.addValidation({ validate: () => errorsOf(referenceGrantProblems(this.toManifest())).map(formatProblem) });
    for (const from of props.from ?? []) this.addFrom(from);
    for (const to of props.to ?? []) this.addTo(to);
  }

  /** Whether this grant already lets `from` refer to `to`. */
  public allows(from: ReferenceGrantFrom, to: ReferenceGrantTo): boolean {
    const f = { group: GATEWAY_API_GROUP, ...from };
    return this.fromList.some((x) => x.group === f.group && x.kind === f.kind && x.namespace === f.namespace)
      && this.toList.some((x) => (x.group ?? '') === (to.group ?? '') && x.kind === to.kind && (x.name === undefined || x.name === to.name));
  }

  /** The number of `to` entries (at most 16). */
  public get toCount(): number {
    return this.toList.length;
  }

  public addFrom(from: ReferenceGrantFrom): void {
    checkProps(this, 'ReferenceGrantFrom', from);
    const entry = { group: from.group ?? GATEWAY_API_GROUP, kind: from.kind, namespace: from.namespace };
    if (this.fromList.some((x) => x.group === entry.group && x.kind === entry.kind && x.namespace === entry.namespace)) return;
    this.fromList.push(entry);
    this.checkPartial(`spec.from[${this.fromList.length - 1}]`);
  }

  public addTo(to: ReferenceGrantTo): void {
    checkProps(this, 'ReferenceGrantTo', to);
    const entry = { group: to.group ?? '', kind: to.kind, ...(to.name !== undefined ? { name: to.name } : {}) };
    if (this.toList.some((x) => x.group === entry.group && x.kind === entry.kind && x.name === entry.name)) return;
    this.toList.push(entry);
    this.checkPartial(`spec.to[${this.toList.length - 1}]`);
  }

  /** The ReferenceGrant as written (before JSON patches). */
  public toManifest(): ReferenceGrantManifest {
    return {
      apiVersion: REFERENCE_GRANT_API_VERSION,
      kind: 'ReferenceGrant',
      metadata: { name: this.name, namespace: this.namespace },
      spec: { from: this.fromList.map((f) => ({ ...f })), to: this.toList.map((t) => ({ group: t.group ?? '', kind: t.kind, ...(t.name !== undefined ? { name: t.name } : {}) })) },
    };
  }

  // While being built one of the lists may still be empty; everything else must already hold.
  // `added` is the entry just added: only its warnings are new.
  private checkPartial(added: string): void {
    const problems = referenceGrantProblems(this.toManifest())
      .filter((p) => !((p.field === 'spec.from' || p.field === 'spec.to') && p.value === 0));
    throwIfProblems(this, errorsOf(problems));
    for (const warning of warningsOf(problems)) if (warning.field.startsWith(`${added}.`)) addWarning(this, formatProblem(warning));
  }
}

/** A reference from one Gateway API object to an object in another namespace. */
export interface CrossNamespaceReference {
  /** The referring kind (`HTTPRoute`, `Gateway`) and its namespace. */
  readonly from: { readonly kind: string; readonly namespace: string };
  /** The object referred to. */
  readonly to: { readonly group: string; readonly kind: string; readonly name: string; readonly namespace: string };
  /**
   * The construct of the object referred to, when there is one: the grant is
   * then written in its chart, next to it, so it is applied with its namespace.
   * @default - the referrer's chart
   */
  readonly targetScope?: IConstruct;
}

const MAX_TO = 16;

/**
 * The ReferenceGrant that allows a cross-namespace reference, made or
 * extended as needed: one grant per (target namespace, referring kind,
 * referring namespace), named `allow-<kind>s-from-<namespace>` (another with
 * `-2`, `-3` … past 16 objects), listing each object referred to by name, so
 * nothing else in the namespace is opened up. Returns undefined (and writes
 * nothing) when both are in one namespace.
 */
export function grantReference(referrer: IConstruct, reference: CrossNamespaceReference): ReferenceGrant | undefined {
  const { from, to } = reference;
  if (from.namespace === to.namespace) return undefined;
  const chart = Chart.of(reference.targetScope ?? referrer);
  const registryId = `ReferenceGrants-${to.namespace}`;
  const registry = (chart.node.tryFindChild(registryId) as Construct | undefined) ?? new Construct(chart, registryId);
  const base = `allow-${from.kind.toLowerCase()}s-from-${from.namespace}`;
  const fromEntry = { kind: from.kind, namespace: from.namespace };
  const toEntry = { group: to.group, kind: to.kind, name: to.name };
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    const existing = registry.node.tryFindChild(name) as ReferenceGrant | undefined;
    if (existing?.allows(fromEntry, toEntry)) return existing;
    if (existing && existing.toCount >= MAX_TO) continue;
    const grant = existing ?? new ReferenceGrant(registry, name, { namespace: to.namespace, from: [fromEntry] });
    grant.addTo(toEntry);
    return grant;
  }
}
