import { Construct } from 'constructs';
import { ArgoCdDelivery, QdrantOperator, SecretSource } from '../src';

/**
 * Qdrant Private Cloud delivered by Argo CD, with registry credentials sealed by
 * Sealed Secrets. Argo CD needs its own sealed copy: sealed values decrypt only for
 * the Secret name and namespace they were sealed for.
 */
export function privateCloudArgoCd(scope: Construct): QdrantOperator {
  return new QdrantOperator(scope, 'private-cloud-argocd', {
    namespace: 'qdrant-private-cloud',
    chartVersion: '1.9.6',
    delivery: new ArgoCdDelivery({
      namePrefix: 'dc1-',
      // kubeseal --namespace argocd --name dc1-repo-registry-cloud-qdrant-io-qdrant-charts
      repositoryCredentials: SecretSource.fromSealedSecret({
        encryptedData: {
          username: 'AgBu2Ls6mV9K1f0QmQ3Xo0k8p4lWv7bJ9cE2rT5yH1uI3oP6aS8dF0gH2jK4lZ7xC9vB1nM3q==',
          password: 'AgCk7Hq1Zx3Lw5Er9Ty2Ui4Op6As8Df0Gh1Jk3Lz5Xc7Vb9Nm2Qw4Er6Ty8Ui0Op2As4Df6Gh==',
        },
      }),
    }),
    // kubeseal --namespace qdrant-private-cloud --name qdrant-registry-creds
    registryCredentials: SecretSource.fromSealedSecret({
      encryptedData: {
        '.dockerconfigjson': 'AgAr8Wk2Mq4Ns6Pt8Rv0Tx2Vz4Xb6Zd8Bf0Dh2Fj4Hl6Jn8Lp0Nr2Pt4Rv6Tx8Vz0Xb2Zd4Bf6Dh8Fj==',
      },
    }),
    operator: {
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      watchOnlyReleaseNamespace: false,
      watchNamespaces: ['qdrant-private-cloud', 'search-prod'],
    },
    settings: {
      logLevel: 'INFO',
      features: {
        clusterManagement: {
          storageClass: { database: 'premium-rwo', snapshot: 'standard-rwo' },
          volumeExpansionMode: 'Online',
          scheduling: { podDisruptionBudget: { maxUnavailable: 1 } },
        },
        backupManagement: { snapshots: { volumeSnapshotClass: 'csi-gce-pd-snapclass', retainUnsuccessful: '72h' } },
      },
    },
  });
}
