import { Construct } from 'constructs';

/**
 * What backups and exposure helpers need to know about a cluster: a narrow reference
 * instead of the QdrantCluster class, so those rooms do not import it back.
 */
export interface ClusterIdentity {
  /** Cluster id. */
  readonly clusterId: string;
  /** Kubernetes name, `qdrant-<id>`. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Labels every object of the cluster carries. */
  readonly labels: Readonly<Record<string, string>>;
  /** The operator-made Service. */
  readonly serviceName: string;
  /** Whether the cluster has an API key. */
  readonly hasApiKey: boolean;
  /** Whether the database serves TLS on its ports (`tls` set). */
  readonly hasTls: boolean;
}

/** A cluster as a construct scope (objects are created under it) with its identity. */
export type ClusterReference = Construct & ClusterIdentity;
