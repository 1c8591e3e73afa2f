import { Construct } from 'constructs';
import { FluxDelivery, QdrantOperator, SecretSource } from '../src';

/**
 * Qdrant Private Cloud delivered by Flux, with the registry credentials in a secret
 * store read by External Secrets. The operator watches its own namespace only.
 */
export function privateCloudFlux(scope: Construct): QdrantOperator {
  const operator = new QdrantOperator(scope, 'private-cloud-flux', {
    namespace: 'qdrant',
    chartVersion: '1.9.6',
    delivery: new FluxDelivery({ interval: '5m' }),
    registryCredentials: SecretSource.fromExternalSecret({
      storeName: 'vault-backend',
      refs: {
        username: { key: 'platform/qdrant-registry', property: 'username' },
        password: { key: 'platform/qdrant-registry', property: 'password' },
      },
    }),
    settings: {
      features: {
        clusterManagement: {
          storageClass: { database: 'gp3', snapshot: 'gp3' },
          qdrant: {
            networkPolicies: {
              ingress: [{
                peers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'search-api' } } }],
                ports: [{ port: 6333 }, { port: 6334 }],
              }],
            },
          },
        },
        backupManagement: { snapshots: { volumeSnapshotClass: 'ebs-snapclass' } },
      },
    },
  });

  // Qdrant's documented minimal cluster, field for field. Flux applies it from the
  // folder private-cloud-flux-clusters once the operator release is ready.
  operator.addCluster('docs-minimal', {
    id: 'a7d8d973-0cc5-42de-8d7b-c29d14d24840',
    customerId: 'acme-industries',
    version: 'v1.11.3',
    size: 1,
    resources: { cpu: '100m', memory: '1Gi', storage: '2Gi' },
  });
  return operator;
}
