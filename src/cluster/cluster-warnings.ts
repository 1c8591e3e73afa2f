import { IConstruct } from 'constructs';
import { NamedRule, PolicyRule, warnRule } from '../core/policy';
import { ClusterIdentity } from './cluster-reference';
import { LATEST_PATCHES, newerThanPatchTable } from '../core/upgrade-path';
import type { ClusterRuleInput } from './cluster-rules';

/** Where Qdrant keeps snapshots inside a pod. */
const SNAPSHOTS_PATH = '/qdrant/snapshots';

/** Qdrant's default replication factor of new collections. */
const DEFAULT_REPLICATION = 1;

/**
 * Qdrant's advice for a production cluster and what the library cannot vouch for: named
 * rules, like the cluster rules, whose findings are warnings (a test or staging cluster
 * may be small on purpose). Each finding names the prop, its value and the advice.
 */
export const CLUSTER_WARNINGS: readonly PolicyRule<ClusterRuleInput>[] = [
  {
    id: 'production-node-count',
    doc: 'Production clusters have at least 3 nodes for zero-downtime upgrades (qdrant-facts.md §12 production checklist, §13 zones).',
    check: ({ props }) => (props.size < 3 ? {
      prop: 'size', value: props.size,
      allowed: 'fewer than 3 nodes: an upgrade or a node restart takes data offline; production needs at least 3 nodes',
    } : undefined),
  },
  {
    id: 'production-replication',
    doc: 'Collections need a replication factor of at least 2 to stay readable and writable while a node restarts (qdrant-facts.md §12, §13).',
    check: ({ props }) => {
      const factor = props.config?.collection?.replicationFactor ?? DEFAULT_REPLICATION;
      return props.size >= 2 && factor < 2 ? {
        prop: 'config.collection.replicationFactor', value: factor,
        allowed: 'below 2: reads and writes fail while a node restarts (an upgrade restarts every node); production needs at least 2',
      } : undefined;
    },
  },
  {
    id: 'multi-az-replication',
    doc: 'A Multi AZ cluster needs a replication factor of at least 3 (qdrant-facts.md §13, zones).',
    check: ({ props }) => {
      const factor = props.config?.collection?.replicationFactor ?? DEFAULT_REPLICATION;
      return props.multiAz && factor < 3 ? {
        prop: 'config.collection.replicationFactor', value: factor,
        allowed: 'below 3 with multiAz: replication alone does not spread replicas over zones; Qdrant advises 3 for Multi AZ',
      } : undefined;
    },
  },
  {
    id: 'snapshots-on-empty-dir',
    doc: 'A snapshot volume on emptyDir is lost when the pod restarts (qdrant-facts.md §13).',
    check: ({ props }) => {
      const emptyDirs = new Set((props.storage?.additionalVolumes ?? []).filter((v) => v.emptyDir !== undefined).map((v) => v.name));
      const mount = (props.storage?.additionalVolumeMounts ?? []).find((m) => m.mountPath.replace(/\/+$/, '') === SNAPSHOTS_PATH && emptyDirs.has(m.name));
      return mount ? {
        prop: 'storage.additionalVolumeMounts', value: `${mount.name} at ${mount.mountPath}`,
        allowed: 'an emptyDir volume at the snapshot path loses every snapshot when the pod restarts; keep snapshots on the snapshot volume claim',
      } : undefined;
    },
  },
  {
    id: 'version-beyond-patch-table',
    doc: 'The upgrade path is checked against the latest patch of each minor from Qdrant\'s release tags; a newer version is taken on trust (qdrant-facts.md §13).',
    check: ({ props }) => (typeof props.version === 'string' && newerThanPatchTable(props.version) ? {
      prop: 'version', value: props.version,
      allowed: `newer than the latest-patch table (${LATEST_PATCHES.source}, ${LATEST_PATCHES.asOf}); the upgrade path to and from it is not checked`,
    } : undefined),
  },
];

/** Warning rules whose findings the exposure, restore and monitoring helpers word themselves. */
export const CLUSTER_SITE_WARNINGS = {
  apiKeyInClearText: {
    id: 'api-key-in-clear-text',
    doc: 'An exposure outside the Kubernetes cluster without TLS sends the API key (an HTTP header) in clear text.',
  },
  ingressBackendProtocol: {
    id: 'ingress-backend-https-unknown',
    doc: 'A TLS cluster behind an Ingress needs the controller to talk HTTPS to it; the library knows the annotation for nginx and haproxy only.',
  },
  restoreReplays: {
    id: 'restore-replays-on-recreate',
    doc: 'A QdrantClusterRestore in git restores again whenever the object is re-created; remove it once the restore has completed (qdrant-facts.md §8).',
  },
} as const satisfies Record<string, NamedRule>;

/**
 * Warns when an exposure outside the Kubernetes cluster carries the API key over plain
 * HTTP: Qdrant takes the key in a header, so anyone on the path can read it.
 * `tlsAtEdge`: the exposure terminates TLS itself (an Ingress with a certificate, a cloud
 * load balancer with one); `otherFix`: how else this exposure could get TLS.
 */
export function warnKeyInClearText(cluster: ClusterIdentity & IConstruct, exposure: string, tlsAtEdge: boolean, otherFix?: string): void {
  if (!cluster.hasApiKey || cluster.hasTls || tlsAtEdge) return;
  warnRule(cluster, CLUSTER_SITE_WARNINGS.apiKeyInClearText, `${exposure} sends the API key in clear text from outside the cluster; ` +
    `set tls on the cluster (a certificate SecretSource)${otherFix ? ` ${otherFix}` : ''}`);
}
