// Helpers of the Gateway API rules' boundary tests (gw-rules.boundaries, gw-parts.boundaries): findings of one
// rule as text, and the valid app of gateway-rule-cases.ts with its listeners and routes replaced.
import { Finding, PolicyContext, policyObjectsOf, PolicyOptions, RULES, runRules } from '../../lib';
import { NS } from './builders';
import { gateway, route, validGatewayApp } from './gateway-rule-cases';

export const GROUP = 'gateway.networking.k8s.io';
/** The findings of one rule, run alone as checkPolicies runs it (the other rules cost most of the time, and a mutation run repeats these tests for each mutant). */
const findings = (objects: any[], rule: string, options: PolicyOptions = {}): Finding[] =>
  runRules(new PolicyContext(policyObjectsOf(objects), options), RULES.filter((r) => r.id === rule), options);
export const run = (objects: any[], rule: string, options?: PolicyOptions) => findings(objects, rule, options)
  .map((f) => `${f.severity} ${f.kind} ${f.name}: ${f.message}`);
export const fixes = (objects: any[], rule: string, options?: PolicyOptions) => findings(objects, rule, options).map((f) => f.fix);
export const without = (objects: any[], kind: string) => objects.filter((o) => o.kind !== kind);
export const http = (extra: any = {}) => ({ name: 'http', port: 80, protocol: 'HTTP', ...extra });
export const https = (extra: any = {}) => ({ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls' }] }, ...extra });
/** The valid app with these listeners and these routes instead of its own. */
export const app = (listeners: any[], ...routes: any[]) => [...without(without(validGatewayApp(), 'Gateway'), 'HTTPRoute'), gateway(listeners), ...routes];
export const parent = (ref: any, spec: any = {}, name = 'r', ns = NS) => route(name, { parentRefs: [ref], ...spec }, ns);
