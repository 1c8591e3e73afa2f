import { Construct } from 'constructs';
import { ArgoCdDelivery, QdrantOperator, SecretSource } from '../src';
import { GITOPS_REPOSITORY } from './private-cloud-argocd';

/**
 * Private Cloud on its own storage, watched by Prometheus: the StorageClass and
 * VolumeSnapshotClass are emitted before anything else, the operator and the cluster are
 * scraped by kube-prometheus-stack, and the alert pack fires at 75 % disk and on failed
 * or overdue scheduled snapshots.
 */
export function monitoredPrivateCloud(scope: Construct): QdrantOperator {
  const operator = new QdrantOperator(scope, 'monitored-private-cloud', {
    namespace: 'qdrant-monitored',
    chartVersion: '1.9.6',
    delivery: new ArgoCdDelivery({ gitRepository: GITOPS_REPOSITORY }),
    registryCredentials: SecretSource.existing(),
    storage: {
      storageClass: { name: 'qdrant-gp3', provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', encrypted: 'true' } },
      volumeSnapshotClass: { driver: 'ebs.csi.aws.com' },
    },
    monitoring: {
      prometheusNamespace: 'monitoring',
      selectorLabels: { release: 'kube-prometheus-stack' },
      thresholds: { diskUsagePercent: 75 },
      snapshotAlerts: {},
    },
  });
  operator.addCluster('orders', {
    id: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    customerId: 'acme-industries',
    version: 'v1.16.3',
    size: 3,
    resources: { cpu: '2', memory: '8Gi', storage: '100Gi' },
    apiKey: SecretSource.existing('orders-api-key'),
  });
  return operator;
}
