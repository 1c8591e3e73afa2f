import { Construct } from 'constructs';
import { FluxDelivery, QdrantOperator, SecretSource } from '../src';

/**
 * Qdrant Private Cloud delivered by Flux, with the registry credentials in a secret
 * store read by External Secrets. The operator watches its own namespace only.
 */
export function privateCloudFlux(scope: Construct): QdrantOperator {
  return new QdrantOperator(scope, 'private-cloud-flux', {
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
}
