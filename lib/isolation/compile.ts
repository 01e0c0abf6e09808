/**
 * NetworkPolicy manifests compiled once into predicates (selectors) and
 * parsed blocks (CIDRs), and the API server's defaulting of policyTypes.
 */
import { parseCidr, ParsedCidr } from './cidr';
import { NetworkPolicyPortSpec } from './ports';
import { compileLabelSelector, LabelPredicate } from './selectors';

/** `namespace/name` of a policy, as verdicts and messages name it. */
export function policyId(policy: any): string {
  return `${policy?.metadata?.namespace || 'default'}/${policy?.metadata?.name ?? ''}`;
}

/** Which directions a policy isolates, with the API server's defaulting of `policyTypes`. */
export function policyTypesOf(policy: any): { readonly ingress: boolean; readonly egress: boolean } {
  const declared = policy?.spec?.policyTypes;
  if (Array.isArray(declared) && declared.length > 0) {
    return { ingress: declared.includes('Ingress'), egress: declared.includes('Egress') };
  }
  const egressRules = policy?.spec?.egress;
  return { ingress: true, egress: Array.isArray(egressRules) && egressRules.length > 0 };
}

export interface CompiledPeer {
  readonly ipBlock?: { readonly cidr?: ParsedCidr; readonly except: readonly ParsedCidr[] };
  readonly pods?: LabelPredicate;
  readonly namespaces?: LabelPredicate;
}

export interface CompiledRule {
  /** undefined: every peer. */
  readonly peers?: readonly CompiledPeer[];
  readonly ports?: readonly NetworkPolicyPortSpec[];
}

export interface CompiledPolicy {
  /** Input order, so verdicts list policies in the order they were given. */
  readonly order: number;
  readonly id: string;
  readonly namespace: string;
  readonly manifest: any;
  readonly selects: LabelPredicate;
  readonly ingress?: readonly CompiledRule[];
  readonly egress?: readonly CompiledRule[];
}


export function compilePolicy(policy: any, order: number): CompiledPolicy {
  const spec = policy.spec ?? {};
  const types = policyTypesOf(policy);
  return {
    order,
    id: policyId(policy),
    namespace: policy.metadata?.namespace || 'default',
    manifest: policy,
    // podSelector is required; read a missing one as the empty selector ("every pod") the way `{}` reads.
    selects: compileLabelSelector(spec.podSelector),
    ingress: types.ingress ? compileRules(spec.ingress, 'from') : undefined,
    egress: types.egress ? compileRules(spec.egress, 'to') : undefined,
  };
}

function compileRules(rules: unknown, peersField: 'from' | 'to'): CompiledRule[] {
  if (!Array.isArray(rules)) return [];
  return rules.map((rule: any) => {
    const peers = rule?.[peersField];
    return {
      peers: Array.isArray(peers) && peers.length > 0 ? peers.map(compilePeer) : undefined,
      ports: Array.isArray(rule?.ports) ? rule.ports : undefined,
    };
  });
}

function compilePeer(peer: any): CompiledPeer {
  if (peer?.ipBlock) {
    const except = Array.isArray(peer.ipBlock.except) ? peer.ipBlock.except : [];
    return { ipBlock: { cidr: parseCidr(peer.ipBlock.cidr), except: except.map(parseCidr).filter((c: ParsedCidr | undefined): c is ParsedCidr => c !== undefined) } };
  }
  return {
    pods: peer?.podSelector ? compileLabelSelector(peer.podSelector) : undefined,
    namespaces: peer?.namespaceSelector ? compileLabelSelector(peer.namespaceSelector) : undefined,
  };
}
