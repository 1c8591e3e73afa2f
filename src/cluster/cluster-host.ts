import { ImageMirror } from '../mirror/image-mirror';
import { MirrorManifest } from '../mirror/mirror-manifest';
import { Delivery } from '../delivery/delivery';
import { SecretSource } from '../secrets/secret-source';

/**
 * What a QdrantCluster needs to know about whoever runs it: a QdrantOperator of this
 * app, an operator installed out of band, or a Hybrid Cloud region's agent.
 */
export interface ClusterHost {
  /** For errors, e.g. `QdrantOperator "private-cloud"`. */
  readonly description: string;
  /** Namespace clusters go to when they name none. @default - none: the cluster must name one */
  readonly defaultNamespace?: string;
  /** Delivery of the folder the cluster's objects go to. */
  readonly delivery: Delivery;
  /** Namespaces reconciled, or 'all'. */
  readonly watchedNamespaces: readonly string[] | 'all';
  /** Installed qdrant-kubernetes-api version; 'unknown' switches the CRD version gates off. */
  readonly crdChartVersion: string | 'unknown';
  /** Whether the operator's cluster-manager integration is on; 'unknown' lets cluster-manager features through. */
  readonly clusterManagerEnabled: boolean | 'unknown';
  /** Registry pull credentials the database image needs in each cluster namespace. @default - none */
  readonly registry?: { readonly secretName: string; readonly source: SecretSource; readonly namespace: string; readonly server: string; readonly defaultUsername?: string };
  /** The image mirror, when images come from one. @default - none */
  readonly mirror?: ImageMirror;
  /** Where the cluster records its database image for mirror.yaml. @default - none */
  readonly manifest?: MirrorManifest;
  /** Name of the operator's database image in the mirror. @default 'qdrant' */
  readonly databaseImageName?: string;
}

export function hostWatches(host: ClusterHost, namespace: string): boolean {
  return host.watchedNamespaces === 'all' || host.watchedNamespaces.includes(namespace);
}
