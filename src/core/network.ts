import { IConstruct } from 'constructs';
import { fail } from './errors';
import { cidr, labelValue, oneOf, port, qualifiedName } from './rules';
import { check, checkEach, checkOptional, checkStringMap } from './validate';

/** Qdrant's ports: REST, gRPC, and the internal peer-to-peer port that must never be exposed. */
export const QDRANT_HTTP_PORT = 6333;
export const QDRANT_GRPC_PORT = 6334;
export const QDRANT_P2P_PORT = 6335;

/** Label selector by exact labels. */
export interface LabelSelector {
  /** Labels that must all match. */
  readonly matchLabels: Record<string, string>;
}

/** One peer of a NetworkPolicy rule; set exactly one way of selecting. */
export interface NetworkPolicyPeer {
  /** Pods in namespaces with these labels. @default - no namespace selection */
  readonly namespaceSelector?: LabelSelector;
  /** Pods with these labels (with namespaceSelector: in those namespaces; else in the policy's namespace). @default - no pod selection */
  readonly podSelector?: LabelSelector;
  /** An IP range. @default - no IP range */
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

/** A port of a NetworkPolicy rule. */
export interface NetworkPolicyPort {
  /** Port number. */
  readonly port: number;
  /** Protocol. @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** An ingress or egress NetworkPolicy rule. */
export interface NetworkPolicyRule {
  /** Peers allowed (`from` for ingress, `to` for egress). @default - all peers */
  readonly peers?: readonly NetworkPolicyPeer[];
  /** Ports allowed. @default - all ports */
  readonly ports?: readonly NetworkPolicyPort[];
}

function peerToKube(scope: IConstruct, prop: string, p: NetworkPolicyPeer) {
  const set = ['namespaceSelector', 'podSelector', 'ipBlock'].filter((k) => (p as any)[k] !== undefined);
  if (set.length === 0) fail(scope, prop, p, 'expected namespaceSelector, podSelector (or both) or ipBlock');
  if (p.ipBlock && set.length > 1) fail(scope, prop, set, 'ipBlock cannot be combined with selectors');
  checkStringMap(scope, `${prop}.namespaceSelector.matchLabels`, p.namespaceSelector?.matchLabels, qualifiedName, labelValue);
  checkStringMap(scope, `${prop}.podSelector.matchLabels`, p.podSelector?.matchLabels, qualifiedName, labelValue);
  if (p.ipBlock) {
    check(scope, `${prop}.ipBlock.cidr`, p.ipBlock.cidr, cidr);
    checkEach(scope, `${prop}.ipBlock.except`, p.ipBlock.except, cidr);
  }
  return {
    namespaceSelector: p.namespaceSelector ? { matchLabels: { ...p.namespaceSelector.matchLabels } } : undefined,
    podSelector: p.podSelector ? { matchLabels: { ...p.podSelector.matchLabels } } : undefined,
    ipBlock: p.ipBlock ? { cidr: p.ipBlock.cidr, except: p.ipBlock.except ? [...p.ipBlock.except] : undefined } : undefined,
  };
}

/**
 * Checks rules and returns their Kubernetes form. Ingress rules that would open the
 * peer-to-peer port 6335 (or every port) to other peers are refused: that port is not
 * protected by API keys.
 */
export function networkRulesToKube(scope: IConstruct, prop: string, rules: readonly NetworkPolicyRule[], direction: 'ingress' | 'egress') {
  if (!Array.isArray(rules)) fail(scope, prop, rules, 'expected a list of rules');
  return (rules as readonly NetworkPolicyRule[]).map((r: NetworkPolicyRule, i: number) => {
    const p = `${prop}[${i}]`;
    for (const key of Object.keys(r)) if (key !== 'peers' && key !== 'ports') fail(scope, `${p}.${key}`, (r as any)[key], 'unknown key; expected "peers" or "ports"');
    (r.ports ?? []).forEach((pt, j) => {
      check(scope, `${p}.ports[${j}].port`, pt.port, port);
      checkOptional(scope, `${p}.ports[${j}].protocol`, pt.protocol, oneOf(['TCP', 'UDP', 'SCTP']));
      if (direction === 'ingress' && pt.port === QDRANT_P2P_PORT) {
        fail(scope, `${p}.ports[${j}].port`, pt.port, 'port 6335 is Qdrant\'s internal peer-to-peer port; it has no API-key protection and must not be opened');
      }
    });
    if (direction === 'ingress' && (r.ports ?? []).length === 0) {
      fail(scope, `${p}.ports`, r.ports, 'name the ports (6333 REST, 6334 gRPC); a rule without ports would also open the peer-to-peer port 6335');
    }
    const peers = (r.peers ?? []).map((peer, j) => peerToKube(scope, `${p}.peers[${j}]`, peer));
    return {
      [direction === 'ingress' ? 'from' : 'to']: peers.length ? peers : undefined,
      ports: r.ports?.map((pt) => ({ port: pt.port, protocol: pt.protocol ?? 'TCP' })),
    };
  });
}
