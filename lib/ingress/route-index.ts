import type { IIngressRule } from 'kubernetes-models/networking.k8s.io/v1/IngressRule';
import { Problem } from '../core/errors';
import { routeKey } from './conflicts';
import { ResolvedIngressTls } from './ingress-tls';
import { ingressPathProblems, ingressRuleProblems, ingressTlsHostProblem, ingressTlsSecretNameProblem } from './ingress-validation';
import type { ResolvedIngressRule } from './http-ingress';

/**
 * What an Ingress already routes, indexed so that adding a rule or a TLS block
 * checks only what it changes: checking the whole manifest on every add made
 * 5,000 routes take minutes. Every entry passed its checks when it was added,
 * so after an add only the added rule's host entry (at its index in
 * `spec.rules`) or the TLS block's new hosts (in their Secret's `spec.tls`
 * entry) can fail: these functions give exactly the problems a check of the
 * whole manifest would give for them, with the same field paths.
 */
export class IngressRouteIndex {
  private readonly routeKeys = new Set<string>();
  /** Rules by host ('' for none) with the host's index in `spec.rules`. */
  private readonly rulesByHost = new Map<string, { readonly index: number; readonly rules: ResolvedIngressRule[] }>();
  /** TLS hosts by Secret with the Secret's index in `spec.tls`. */
  private readonly tlsHostsBySecret = new Map<string, { readonly index: number; readonly hosts: Set<string> }>();
  private readonly externalSecrets = new Set<string>();

  /** Whether the host and path are already routed (ingress-nginx's route identity). */
  public hasRoute(rule: ResolvedIngressRule): boolean {
    return this.routeKeys.has(routeKey(rule));
  }

  /**
   * The problems of `spec.rules[i]` once `rule` joins its host's entry. When
   * the host has an entry already, its host and earlier paths passed: only
   * the new path is checked, so many paths under one host stay linear.
   */
  public ruleProblems(rule: ResolvedIngressRule): Problem[] {
    const sameHost = this.rulesByHost.get(rule.host ?? '');
    const field = `spec.rules[${sameHost?.index ?? this.rulesByHost.size}]`;
    const path = { path: rule.path, pathType: rule.pathType, backend: rule.backend.toJson() };
    if (sameHost) return ingressPathProblems(`${field}.http.paths[${sameHost.rules.length}]`, path);
    // Key by key (lib/core/own-keys.ts says why: one per route).
    const entry: IIngressRule = rule.host !== undefined ? { host: rule.host, http: { paths: [path] } } : { http: { paths: [path] } };
    return ingressRuleProblems(field, entry);
  }

  /** The problems of the hosts `tls` adds to its Secret's `spec.tls` entry (and of the Secret name, for a new entry). */
  public tlsProblems(tls: ResolvedIngressTls): Problem[] {
    const sameSecret = this.tlsHostsBySecret.get(tls.secretName);
    const index = sameSecret?.index ?? this.tlsHostsBySecret.size;
    const problems: Problem[] = [];
    const added = new Set<string>();
    for (const host of tls.hosts) {
      if (sameSecret?.hosts.has(host) || added.has(host)) continue;
      const problem = ingressTlsHostProblem(`spec.tls[${index}].hosts[${(sameSecret?.hosts.size ?? 0) + added.size}]`, host);
      if (problem) problems.push(problem);
      added.add(host);
    }
    const secretProblem = sameSecret ? undefined : ingressTlsSecretNameProblem(`spec.tls[${index}].secretName`, tls.secretName);
    return secretProblem ? [...problems, secretProblem] : problems;
  }

  /** Records an accepted rule. */
  public addRule(rule: ResolvedIngressRule): void {
    this.routeKeys.add(routeKey(rule));
    const hostKey = rule.host ?? '';
    const sameHost = this.rulesByHost.get(hostKey);
    if (sameHost) sameHost.rules.push(rule);
    else this.rulesByHost.set(hostKey, { index: this.rulesByHost.size, rules: [rule] });
  }

  /**
   * Records an accepted TLS block; returns the `netkit.io/external-secrets`
   * value when the block adds an external Secret, else undefined.
   */
  public addTls(tls: ResolvedIngressTls): string | undefined {
    const sameSecret = this.tlsHostsBySecret.get(tls.secretName);
    if (sameSecret) for (const host of tls.hosts) sameSecret.hosts.add(host);
    else this.tlsHostsBySecret.set(tls.secretName, { index: this.tlsHostsBySecret.size, hosts: new Set(tls.hosts) });
    if (!tls.external || this.externalSecrets.has(tls.secretName)) return undefined;
    this.externalSecrets.add(tls.secretName);
    return [...this.externalSecrets].join(',');
  }
}
