import { GITOPS_REPOSITORY } from './private-cloud-argocd';
import { Construct } from 'constructs';
import { ArgoCdDelivery, HybridRegion, SecretSource } from '../src';

/**
 * A region delivered by Argo CD, with both credentials in Vault (or any store ESO
 * reads) and the Cloud-side settings a corporate network needs.
 */
export function hybridRegionArgoCdEso(scope: Construct): HybridRegion {
  const vault = { storeName: 'vault-backend', storeKind: 'ClusterSecretStore' as const };
  return new HybridRegion(scope, 'hybrid-region-argocd', {
    environmentId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
    namespace: 'qdrant-eu-west',
    agentChartVersion: '1.33.0',
    logLevel: 'WARN',
    // Its own Argo CD project: the repository credential (this region's robot account) is scoped to it.
    delivery: new ArgoCdDelivery({ namePrefix: 'eu-west-', project: 'qdrant-eu-west', gitRepository: GITOPS_REPOSITORY }),
    registryCredentials: SecretSource.fromExternalSecret({
      ...vault,
      refs: { password: { key: 'qdrant/eu-west', property: 'registry-password' } },
    }),
    cloudAccessKey: SecretSource.fromExternalSecret({
      ...vault,
      refs: { 'access-key': { key: 'qdrant/eu-west', property: 'access-key' } },
    }),
    environment: {
      databaseStorageClass: 'gp3-encrypted',
      snapshotStorageClass: 'gp3-encrypted',
      volumeSnapshotClass: 'ebs-snapclass',
      nodeSelector: { 'node-role.example.com/qdrant-control': 'true' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'qdrant', effect: 'NoSchedule' }],
    },
  });
}
