import { Construct } from 'constructs';
import { ArgoCdDelivery, QdrantOperator, SecretSource } from '../src';

/** The Git repository the fleet's central Argo CD reads the output from. */
export const GITOPS_REPOSITORY = { url: 'https://git.example.com/platform/gitops.git', revision: 'main' };

/**
 * The chart registry credential of the US stacks in the central Argo CD, one Secret for
 * the project: Argo CD keys repositories by URL and project, not by destination.
 * kubeseal --namespace argocd --name dc1-repo-registry-cloud-qdrant-io-qdrant-charts
 */
const DC1_REPOSITORY_CREDENTIALS = SecretSource.fromSealedSecret({
  encryptedData: {
    username: 'AgBu2Ls6mV9K1f0QmQ3Xo0k8p4lWv7bJ9cE2rT5yH1uI3oP6aS8dF0gH2jK4lZ7xC9vB1nM3q==',
    password: 'AgCk7Hq1Zx3Lw5Er9Ty2Ui4Op6As8Df0Gh1Jk3Lz5Xc7Vb9Nm2Qw4Er6Ty8Ui0Op2As4Df6Gh==',
  },
});

/**
 * Qdrant Private Cloud (the US data centre) delivered by Argo CD, with registry credentials sealed by
 * Sealed Secrets. Argo CD needs its own sealed copy: sealed values decrypt only for
 * the Secret name and namespace they were sealed for.
 */
export function privateCloudArgoCd(scope: Construct): QdrantOperator {
  const operator = new QdrantOperator(scope, 'private-cloud-argocd', {
    namespace: 'qdrant-private-cloud',
    chartVersion: '1.9.6',
    delivery: new ArgoCdDelivery({
      namePrefix: 'dc1-',
      // The fleet's central Argo CD: the library writes its root Applications to dist/argocd-bootstrap.
      gitRepository: GITOPS_REPOSITORY,
      // The US cluster, registered in that Argo CD: the namespace, secrets and Qdrant clusters reach it
      // through Applications of their own (folders private-cloud-argocd-prerequisites and -clusters).
      destinationName: 'us-east',
      // Its own Argo CD project, so its repository credential does not collide with a region's for the same URL.
      project: 'qdrant-dc1',
      repositoryCredentials: DC1_REPOSITORY_CREDENTIALS,
      // The central Argo CD's own argocd-cm lives in this repository: the library writes it, health checks included.
      manageArgoCdConfigMap: true,
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
  productionCluster(operator);
  return operator;
}

/**
 * The second US Kubernetes cluster of the same central Argo CD and project: a small
 * staging cluster in the operator's own namespace (its pull secret is already there).
 */
export function privateCloudArgoCdWest(scope: Construct): QdrantOperator {
  const operator = new QdrantOperator(scope, 'private-cloud-argocd-west', {
    namespace: 'qdrant-private-cloud',
    chartVersion: '1.9.6',
    delivery: new ArgoCdDelivery({
      namePrefix: 'dc1-west-',
      gitRepository: GITOPS_REPOSITORY,
      destinationName: 'us-west',
      project: 'qdrant-dc1',
      repositoryCredentials: DC1_REPOSITORY_CREDENTIALS,
      // The central Argo CD's own argocd-cm lives in this repository: the library writes it, health checks included.
      manageArgoCdConfigMap: true,
    }),
    // kubeseal --namespace qdrant-private-cloud --name qdrant-registry-creds (with us-west's Sealed Secrets key)
    registryCredentials: SecretSource.fromSealedSecret({
      encryptedData: {
        '.dockerconfigjson': 'AgBw3Xn5Ok7Ql9Sm1Uo3Wq5Ys7Au9Cw1Ey3Ga5Ic7Ke9Mg1Oi3Qk5Sm7Uo9Wq1Ys3Au5Cw7Ey9Ga1Ic==',
      },
    }),
    settings: { features: { clusterManagement: { storageClass: { database: 'premium-rwo', snapshot: 'standard-rwo' } } } },
  });
  const staging = operator.addCluster('search-staging', {
    id: '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819',
    customerId: 'search-team',
    version: 'v1.16.3',
    size: 1,
    resources: { cpu: '2', memory: '8Gi', storage: '50Gi' },
  });
  // A snapshot before the next upgrade, and last week's snapshot restored into a new cluster for a data check.
  staging.addSnapshot('before-upgrade', { name: 'qdrant-search-staging-before-upgrade', retention: '168h' });
  staging.addRestore('last-week', {
    name: 'qdrant-search-staging-last-week',
    snapshotName: 'qdrant-search-staging-2026-11-26',
    newClusterName: 'qdrant-search-staging-last-week',
  });
  return operator;
}

/**
 * A production cluster: 3 nodes spread over zones, every collection replicated
 * twice, API keys from the secret store, TLS from cert-manager, a LoadBalancer open
 * only to the office and VPN ranges, nightly snapshots kept for 72 hours.
 */
function productionCluster(operator: QdrantOperator): void {
  const vault = (property: string) => SecretSource.fromExternalSecret({
    storeName: 'vault-backend',
    refs: { [property]: { key: 'search-prod/qdrant', property } },
  });
  const cluster = operator.addCluster('search-prod', {
    id: '3f6d0a52-8c1e-4b7a-9d2f-61e0c5b4a387',
    customerId: 'search-team',
    namespace: 'search-prod',
    version: 'v1.16.3',
    size: 3,
    resources: { cpu: '4', memory: '16Gi', storage: '200Gi', requests: { cpu: '3' } },
    apiKey: vault('api-key'),
    readOnlyApiKey: vault('read-only-api-key'),
    // Issued by cert-manager into search-prod/search-prod-qdrant-tls.
    tls: { certificate: SecretSource.existing('search-prod-qdrant-tls') },
    // The database image needs the pull secret in search-prod too, sealed for it.
    registryCredentials: SecretSource.fromSealedSecret({
      encryptedData: { '.dockerconfigjson': 'AgDq3Lm5No7Pq9Rs1Tu3Vw5Xy7Za9Bc1De3Fg5Hi7Jk9Lm1No3Pq5Rs7Tu9Vw1Xy3Za5Bc7De9Fg==' },
    }),
    config: { collection: { replicationFactor: 2, writeConsistencyFactor: 1 } },
    topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }],
    podDisruptionBudget: { maxUnavailable: 1 },
    storageClassNames: { db: 'premium-rwo', snapshots: 'standard-rwo' },
  });
  cluster.exposeWithService('lb', {
    name: 'qdrant-search-prod-lb',
    type: 'LoadBalancer',
    annotations: { 'networking.gke.io/load-balancer-type': 'Internal' },
    loadBalancerSourceRanges: ['10.20.0.0/16', '192.168.100.0/24'],
  });
  cluster.allowFromNamespaces('from-api', { name: 'qdrant-search-prod-from-api', namespaces: ['search-api'] });
  cluster.addScheduledSnapshot('nightly', { name: 'qdrant-search-prod-nightly', schedule: '0 2 * * *', retention: '72h' });
}
