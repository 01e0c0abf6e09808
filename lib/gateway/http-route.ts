import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { formatProblem, NetkitError, Problem, throwIfProblems } from '../core/errors';
import { Gateway, IGateway } from './gateway';
import { HttpRouteRuleOptions, renderRule, ruleBackends, ruleOptionProblems } from './http-route-rules';
import { lazyApiObject, objectMeta } from './api-object';
import { grantReference, ReferenceGrant } from './reference-grant';
import { GATEWAY_API_V1, HttpRouteManifest, HttpRouteRule, ParentReference } from './types';
import { httpRouteProblems } from './validation/http-route-validation';
import { checkProps } from '../core/props';
import { compactNodes } from '../core/compact-node';
import { isSealedRouteProps } from './sealed-route';

/** A Gateway (or one of its listeners) a route attaches to. */
export interface HttpRouteParent {
  readonly gateway: IGateway;
  /**
   * The listener's name. Needed to keep a route off some listeners: an HTTP → HTTPS redirect route
   * attached to every listener would redirect HTTPS requests too, in a loop.
   * @default - every listener that admits the route
   */
  readonly sectionName?: string;
  /** Only listeners on this port. @default - any port */
  readonly port?: number;
}

export interface HttpRouteProps {
  /** `metadata.name`. @default - the construct id */
  readonly name?: string;
  /** @default - the chart's namespace, else "default" */
  readonly namespace?: string;
  /** The Gateways (listeners) serving the route. @default - none yet (add with `addParent`) */
  readonly parents?: HttpRouteParent[];
  /**
   * The hosts the route answers for (`shop.example.com`, `*.example.com`), intersected with each
   * listener's hostname.
   * @default - every host the listener accepts
   */
  readonly hostnames?: string[];
  /** @default - none yet (add with `addRule`; at least one is needed) */
  readonly rules?: HttpRouteRuleOptions[];
  /** @default - none */
  readonly annotations?: Record<string, string>;
  /** @default - none */
  readonly labels?: Record<string, string>;
}

export interface HttpsRedirectRouteProps {
  /** `metadata.name`. @default - the construct id */
  readonly name?: string;
  /** @default - the chart's namespace, else "default" */
  readonly namespace?: string;
  /** The HTTP listener (give sectionName or port, so the redirect stays off the HTTPS listener). */
  readonly parent: HttpRouteParent;
  /** @default - every host the listener accepts */
  readonly hostnames?: string[];
  /** 301 is core (every implementation); 308 keeps the method, as ingress-nginx does, but is extended. @default 301 */
  readonly statusCode?: 301 | 302 | 303 | 307 | 308;
}

/**
 * A Gateway API HTTPRoute: host names, rules with path, header, query and
 * method matches, backends by reference with weights (canary, blue-green),
 * and filters (redirect, URL rewrite, header changes, mirroring). Checked
 * against every rule of the HTTPRoute CRD as it is built; a backend in
 * another namespace gets a ReferenceGrant there, and only then.
 */
export class HttpRoute extends Construct {
  /** A route whose one rule redirects every request on an HTTP listener to HTTPS. */
  public static httpsRedirect(scope: Construct, id: string, props: HttpsRedirectRouteProps): HttpRoute {
    checkProps(`${scope.node.path}/${id}`, 'HttpsRedirectRouteProps', props);
    if (props.parent.sectionName === undefined && props.parent.port === undefined) {
      throw new NetkitError(`${scope.node.path}/${id}`, {
        field: 'parent', message: 'names neither a listener (sectionName) nor a port, so the redirect would attach to the HTTPS listener too and loop.',
        fix: 'set parent.sectionName to the HTTP listener\'s name (e.g. "http"), or parent.port to 80.',
      });
    }
    return new HttpRoute(scope, id, {
      name: props.name, namespace: props.namespace, parents: [props.parent], hostnames: props.hostnames,
      rules: [{ redirect: { scheme: 'https', statusCode: props.statusCode ?? 301 } }],
    });
  }

  /** The HTTPRoute object. */
  public readonly apiObject: ApiObject;
  public readonly name: string;
  public readonly namespace: string;
  public readonly hostnames: readonly string[];
  /** The ReferenceGrants written for backends in other namespaces. */
  public readonly referenceGrants: ReferenceGrant[] = [];
  private parentList: ParentReference[] = [];
  private ruleList: HttpRouteRuleOptions[] = [];
  private readonly labels?: Record<string, string>;
  private readonly annotations?: Record<string, string>;
  /**
   * True while the manifest is the one last checked and nothing it is made
   * from can change unseen: props sealed by the construct that made them
   * (sealed-route.ts), then only addParent (which checks the whole route).
   * The synth-time check would then run on the same manifest again (a
   * WildcardGateway makes a route per app: thousands of checks).
   */
  private checkedAndSealed = false;

  constructor(scope: Construct, id: string, props: HttpRouteProps = {}) {
    super(scope, id);
    checkProps(this, 'HttpRouteProps', props);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.hostnames = [...(props.hostnames ?? [])];
    this.labels = props.labels;
    this.annotations = props.annotations;
    const parents = props.parents ?? [];
    const rules = props.rules ?? [];
    const addedAtOnce = this.addedAtOnce(parents, rules);
    if (!addedAtOnce) throwIfProblems(this, this.problems());
    this.apiObject = lazyApiObject(this, GATEWAY_API_V1, 'HTTPRoute', objectMeta(this.name, this.namespace, this.labels, this.annotations), () => this.toManifest().spec);
    this.node.addValidation({ validate: () => this.synthProblems().map(formatProblem) });
    if (addedAtOnce) {
      this.checkedAndSealed = isSealedRouteProps(props);
      for (const rule of rules) this.grantBackends(rule);
    } else {
      for (const parent of parents) this.addParent(parent);
      for (const rule of rules) this.addRule(rule);
    }
    compactNodes(this);
  }

  /** The parentRefs, as written. */
  public get parentRefs(): readonly ParentReference[] {
    return this.parentList.map((p) => ({ ...p }));
  }

  /** The rules, as given. */
  public get rules(): readonly HttpRouteRuleOptions[] {
    return [...this.ruleList];
  }

  /** Attaches the route to a Gateway, or one of its listeners (which must exist when the Gateway is defined here). */
  public addParent(parent: HttpRouteParent): ParentReference {
    const ref = this.parentRef(parent);
    this.change(() => this.parentList.push(ref), () => this.parentList.pop());
    return { ...ref };
  }

  /** The parentRef for `parent`, after the checks that need only the parent; throws when one fails. */
  private parentRef(parent: HttpRouteParent): ParentReference {
    checkProps(this, 'HttpRouteParent', parent);
    const gateway = parent.gateway;
    if (gateway instanceof Gateway) {
      if (parent.sectionName !== undefined) {
        // Reported here, not by the Gateway: the route is what names the missing listener.
        const missing = gateway.listenerProblem('parent.sectionName', parent.sectionName);
        if (missing) throw new NetkitError(this, missing);
        const listener = parent.port === undefined ? undefined : gateway.listener(parent.sectionName);
        if (listener !== undefined && listener.port !== parent.port) {
          throw new NetkitError(this, { field: 'parent.port', message: `does not match listener "${listener.name}" (port ${listener.port}).`, value: parent.port, fix: 'drop the port, or name a listener on it.' });
        }
      } else if (parent.port !== undefined && !gateway.listeners.some((l) => l.port === parent.port)) {
        throw new NetkitError(this, { field: 'parent.port', message: `Gateway "${gateway.name}" has no listener on this port.`, value: parent.port, allowed: [...new Set(gateway.listeners.map((l) => l.port))].join(', ') || 'none', fix: 'use the port of one of its listeners.' });
      }
    }
    return {
      name: gateway.name,
      ...(gateway.namespace !== this.namespace ? { namespace: gateway.namespace } : {}),
      ...(parent.sectionName !== undefined ? { sectionName: parent.sectionName } : {}),
      ...(parent.port !== undefined ? { port: parent.port } : {}),
    };
  }

  /** Adds a rule; throws a NetkitError naming the field when the HTTPRoute CRD would refuse it. */
  public addRule(rule: HttpRouteRuleOptions): void {
    this.checkRule(rule);
    // The caller keeps the rule and may change it: from now on the synth checks the route again.
    this.checkedAndSealed = false;
    this.change(() => this.ruleList.push(rule), () => this.ruleList.pop());
    this.grantBackends(rule);
  }

  /** The checks that need only the rule (and its index); throws when one fails. */
  private checkRule(rule: HttpRouteRuleOptions): void {
    checkProps(this, 'HttpRouteRuleOptions', rule);
    throwIfProblems(this, ruleOptionProblems(`rules[${this.ruleList.length}]`, rule));
  }

  /** ReferenceGrants for the rule's backends in other namespaces. */
  private grantBackends(rule: HttpRouteRuleOptions): void {
    for (const backend of ruleBackends(rule)) {
      // The route's own namespace needs no grant (grantReference would say so, after building the reference).
      if (backend.namespace === undefined || backend.namespace === this.namespace) continue;
      const grant = grantReference(this, {
        from: { kind: 'HTTPRoute', namespace: this.namespace },
        to: { group: '', kind: 'Service', name: backend.serviceName, namespace: backend.namespace },
        targetScope: backend.service,
      });
      if (grant && !this.referenceGrants.includes(grant)) this.referenceGrants.push(grant);
    }
  }

  /** The HTTPRoute as written (before JSON patches on `apiObject`). */
  public toManifest(): HttpRouteManifest {
    return {
      apiVersion: GATEWAY_API_V1,
      kind: 'HTTPRoute',
      metadata: objectMeta(this.name, this.namespace, this.labels, this.annotations),
      spec: this.renderSpec(),
    };
  }

  /** The spec, its keys assigned in the written order (rendered for every route at construction and at synth: no object spreads). */
  private renderSpec(): HttpRouteManifest['spec'] {
    const spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: HttpRouteRule[] } = {};
    if (this.parentList.length > 0) spec.parentRefs = this.parentList.map((p) => ({ ...p }));
    if (this.hostnames.length > 0) spec.hostnames = [...this.hostnames];
    if (this.ruleList.length > 0) spec.rules = this.ruleList.map((r) => renderRule(r, this.namespace));
    return spec;
  }

  /**
   * Adds the parents and rules given to the constructor with one check of the
   * whole route, instead of one per parent and rule as addParent and addRule
   * do (a WildcardGateway makes a route per app: thousands of checks). Each
   * CRD rule that fails on a route with some of the parents and rules fails
   * with all of them too (limits, duplicates, per-item checks), so a route
   * that passes here passes every step. When anything fails, nothing is kept
   * and false is returned: the caller adds them step by step, which throws
   * the error it always threw.
   */
  private addedAtOnce(parents: readonly HttpRouteParent[], rules: readonly HttpRouteRuleOptions[]): boolean {
    try {
      for (const parent of parents) this.parentList.push(this.parentRef(parent));
      for (const rule of rules) {
        this.checkRule(rule);
        this.ruleList.push(rule);
      }
      if (this.problems().length === 0) {
        // Exact-size copies: a list grown by push keeps room for 17 items, and a WildcardGateway keeps thousands of routes.
        this.parentList = this.parentList.slice();
        this.ruleList = this.ruleList.slice();
        return true;
      }
    } catch {
      // The step that threw throws again below, or an earlier one does.
    }
    this.parentList.length = 0;
    this.ruleList.length = 0;
    return false;
  }

  /** Applies a change, and undoes it when the manifest no longer passes, so a refused change leaves no trace. */
  private change(apply: () => void, undo: () => void): void {
    apply();
    const problems = this.problems();
    if (problems.length > 0) {
      undo();
      throw new NetkitError(this, problems);
    }
  }

  private problems(): Problem[] {
    return httpRouteProblems(this.toManifest());
  }

  private synthProblems(): Problem[] {
    const problems = this.checkedAndSealed ? [] : this.problems();
    if (this.parentList.length === 0) problems.push({ field: 'parents', message: 'is empty: the route is attached to no Gateway and serves nothing.', fix: 'add a parent Gateway (props.parents or addParent).' });
    if (this.ruleList.length === 0) problems.push({ field: 'rules', message: 'is empty.', fix: 'add a rule with a backend (props.rules or addRule).' });
    return problems;
  }
}
