import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { PolicyRule, Violation, withRuleId } from '../core/policy';
import { quantityValue } from '../core/resources';
import { compareVersions } from '../core/versions';
import { ClusterHost, hostWatches } from './cluster-host';
import { QdrantClusterProps } from './cluster-props';

/** What the cluster rules look at: the props (already checked against the table), who runs the cluster, its namespace. */
export interface ClusterRuleInput {
  readonly props: QdrantClusterProps;
  readonly host: ClusterHost;
  readonly namespace: string;
}

const EXPOSE_NEEDS_API_KEY = 'expose-needs-api-key';
const exposureMessage = 'exposing a cluster through NodePort, LoadBalancer or Ingress needs an API key: set apiKey';

/**
 * Qdrant's cross-field and domain rules for one QdrantCluster: the library's policy,
 * one named rule each, in the order they are applied. Field-level rules (formats,
 * ranges, version gates) live in the table, cluster-spec.ts.
 */
export const CLUSTER_RULES: readonly PolicyRule<ClusterRuleInput>[] = [
  {
    id: 'namespace-watched',
    doc: 'An operator reconciles only the namespaces it watches (qdrant-facts.md §8 rule 23).',
    check: ({ host, namespace }) => (hostWatches(host, namespace) ? undefined : {
      prop: 'namespace', value: namespace,
      allowed: `no operator watches it: ${host.description} watches ${(host.watchedNamespaces as string[]).map((n) => `"${n}"`).join(', ')}`,
    }),
  },
  {
    id: 'requests-within-limits',
    doc: 'Requests default to the limits and may not exceed them (qdrant-facts.md §8 rule 11).',
    check: ({ props: { resources: r } }) => (['cpu', 'memory'] as const)
      .filter((k) => r.requests?.[k] !== undefined && quantityValue(r.requests[k]!) > quantityValue(r[k]))
      .map((k): Violation => ({ prop: `resources.requests.${k}`, value: r.requests![k], allowed: `a request may not exceed its limit (${r[k]})` }))[0],
  },
  {
    id: 'size-within-crd',
    doc: 'size is 1..100, but 1..30 with CRDs before v1.19.0 (qdrant-facts.md §8 rule 11).',
    check: ({ props, host }) => (props.size > 30 && host.crdChartVersion !== 'unknown' && compareVersions(host.crdChartVersion, 'v1.19.0') < 0 ? {
      prop: 'size', value: props.size,
      allowed: `at most 30 nodes with qdrant-kubernetes-api before v1.19.0; ${host.description} installs ${host.crdChartVersion}`,
    } : undefined),
  },
  {
    id: 'replication-within-size',
    doc: 'Each replica of a shard needs its own node, so the replication factor is at most size (qdrant-facts.md §12, production checklist).',
    check: ({ props }) => {
      const factor = props.config?.collection?.replicationFactor;
      return factor !== undefined && factor > props.size
        ? { prop: 'config.collection.replicationFactor', value: factor, allowed: `at most size (${props.size}): each replica needs its own node` }
        : undefined;
    },
  },
  {
    id: EXPOSE_NEEDS_API_KEY,
    doc: 'A NodePort or LoadBalancer Service or an Ingress needs an API key (qdrant-facts.md §8 rule 16).',
    check: ({ props }) => {
      if (props.apiKey !== undefined) return undefined;
      const type = props.service?.type ?? 'ClusterIP';
      if (type !== 'ClusterIP') return { prop: 'service.type', value: type, allowed: exposureMessage };
      return props.ingress ? { prop: 'ingress', value: `host ${props.ingress.host}`, allowed: exposureMessage } : undefined;
    },
  },
  {
    id: 'source-ranges-need-load-balancer',
    doc: 'loadBalancerSourceRanges restrict a LoadBalancer Service and nothing else (qdrant-facts.md §8 rule 18).',
    check: ({ props: { service } }) => (service?.loadBalancerSourceRanges && (service.type ?? 'ClusterIP') !== 'LoadBalancer' ? {
      prop: 'service.loadBalancerSourceRanges', value: service.loadBalancerSourceRanges, allowed: 'applies only to service.type "LoadBalancer"',
    } : undefined),
  },
  {
    id: 'reserved-pod-labels',
    doc: 'app, cluster-id and customer-id are the operator\'s pod labels and select the cluster\'s pods (qdrant-facts.md §7.1, §8 rule 22).',
    check: ({ props }) => ['app', 'cluster-id', 'customer-id']
      .filter((label) => props.statefulSet?.podLabels?.[label] !== undefined)
      .map((label): Violation => ({
        prop: `statefulSet.podLabels.${label}`, value: props.statefulSet!.podLabels![label],
        allowed: 'is set by the operator and selects the cluster\'s pods; choose another label',
      }))[0],
  },
  {
    id: 'storage-tuning-pair',
    doc: 'iops and throughput are set together or not at all (qdrant-facts.md §8 rule 5).',
    check: ({ props: { storage: s } }) => (s && (s.iops === undefined) !== (s.throughput === undefined) ? {
      prop: s.iops === undefined ? 'storage.iops' : 'storage.throughput', value: undefined, allowed: 'set iops and throughput together, or neither',
    } : undefined),
  },
  {
    id: 'attributes-class-excludes-tuning',
    doc: 'A VolumeAttributesClass excludes iops and throughput (qdrant-facts.md §8 rule 5).',
    check: ({ props: { storage: s } }) => (s?.volumeAttributesClassName !== undefined && s.iops !== undefined ? {
      prop: 'storage.volumeAttributesClassName', value: s.volumeAttributesClassName, allowed: 'a VolumeAttributesClass excludes iops and throughput',
    } : undefined),
  },
  {
    id: 'cluster-manager-features',
    doc: 'rebalanceStrategy, readClusters and writeCluster need the cluster-manager (qdrant-facts.md §8 rule 14).',
    check: ({ props: p, host }) => {
      const used = ([['rebalanceStrategy', p.rebalanceStrategy], ['readClusters', p.readClusters], ['writeCluster', p.writeCluster]] as const)
        .filter(([, v]) => v !== undefined);
      const enabled = p.clusterManager ?? (host.clusterManagerEnabled === 'unknown' ? true : host.clusterManagerEnabled);
      if (!used.length || enabled) return undefined;
      const [prop, value] = used[0];
      return {
        prop, value,
        allowed: p.clusterManager === false
          ? 'needs the cluster-manager; remove clusterManager: false'
          : `needs the cluster-manager, which ${host.description} has switched off; set clusterManager: true or enable it in the operator settings`,
      };
    },
  },
];

/**
 * Whether a Service's annotations ask the cloud load balancer to terminate TLS (AWS
 * `aws-load-balancer-ssl-cert`, DigitalOcean `do-loadbalancer-certificate-id`, OCI
 * `oci-load-balancer-ssl-ports`, ...): then the key does not cross the network in clear text.
 */
export function serviceTerminatesTls(annotations: Readonly<Record<string, string>> | undefined): boolean {
  return Object.keys(annotations ?? {}).some((k) => /ssl-cert|certificate-id|ssl-ports|tls-cert/i.test(k));
}

/** The expose-needs-api-key rule for the exposure helpers, which add Services and Ingresses after the cluster. */
export function checkExposureHasApiKey(scope: IConstruct, prop: string, exposure: string, hasApiKey: boolean): void {
  if (!hasApiKey) fail(scope, prop, exposure, withRuleId(exposureMessage, EXPOSE_NEEDS_API_KEY));
}
