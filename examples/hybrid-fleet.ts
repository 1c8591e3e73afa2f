import * as fs from 'fs';
import * as path from 'path';
import {
  ArgoCdDelivery, ExternalSecretSourceProps, FluxDelivery, HybridRegion, ImageMirror, QdrantApp, QdrantAppProps, QdrantClusterProps, QdrantOperator, SecretSource,
} from '../src';

/** The corporate CA that signed the mirror's certificate (a public certificate, not a secret). */
const CORP_CA = fs.readFileSync(path.join(__dirname, 'assets', 'corp-ca.pem'), 'utf8');

const GIT = { url: 'https://git.example.com/platform/gitops.git', revision: 'main' };
const ACCOUNT = '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8';
const MONITORING = { prometheusNamespace: 'monitoring', selectorLabels: { release: 'kube-prometheus-stack' } };

/** A value in Vault, read by External Secrets through the ClusterSecretStore `vault-backend`. */
const vault = (refs: ExternalSecretSourceProps['refs']) => SecretSource.fromExternalSecret({ storeName: 'vault-backend', refs });

/** The three regions, each on a Kubernetes cluster of its own registered in the central Argo CD. */
const REGIONS = [
  { id: 'eu-1', environmentId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', cluster: { id: '11111111-2222-4333-8444-555555555555', host: 'search.eu-1.example.com' } },
  { id: 'us-1', environmentId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', cluster: { id: '66666666-7777-4888-9999-aaaaaaaaaaaa', host: 'search.us-1.example.com' } },
  { id: 'ap-1', environmentId: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f' },
] as const;

/**
 * The fleet of issue 22, written from the README alone: three Hybrid regions on three
 * Kubernetes clusters through one central Argo CD, credentials from External Secrets,
 * images and charts from a mirror with a private CA, two clusters declared in code with
 * TLS, an API key, an Ingress and daily snapshots, monitoring on, and a Private Cloud
 * site on premises delivered by Flux.
 */
export function hybridFleetApp(props: QdrantAppProps = {}): QdrantApp {
  const mirror = new ImageMirror({
    containerRegistry: 'harbor.corp.example:8443/qdrant',
    chartRepository: 'oci://harbor.corp.example:8443/qdrant-charts',
    pullSecret: vault({ username: { key: 'harbor/robot-qdrant', property: 'username' }, password: { key: 'harbor/robot-qdrant', property: 'password' } }),
    caCertificates: CORP_CA,
  });
  const app = new QdrantApp({ ...props, mirror });
  for (const r of REGIONS) {
    const region = new HybridRegion(app, r.id, {
      environmentId: r.environmentId,
      accountId: ACCOUNT,
      namespace: 'qdrant',
      agentChartVersion: '1.33.0',
      // One central Argo CD: the region's Applications live there and install into the region's cluster.
      delivery: new ArgoCdDelivery({ destinationName: r.id, namePrefix: `${r.id}-`, gitRepository: GIT }),
      cloudAccessKey: vault({ 'access-key': { key: `qdrant/${r.id}`, property: 'access-key' } }),
      environment: { databaseStorageClass: 'csi-block', snapshotStorageClass: 'csi-block', volumeSnapshotClass: 'csi-snapclass' },
      monitoring: { ...MONITORING, databaseApiKey: { secretName: 'qdrant-console-api-key' } },
    });
    if (!('cluster' in r)) continue;
    const db = region.addCluster('search', {
      id: r.cluster.id, customerId: 'search', version: 'v1.16.3', size: 3,
      resources: { cpu: '4', memory: '16Gi', storage: '200Gi' },
      config: { collection: { replicationFactor: 2 } },     // production: every shard on two nodes
      apiKey: vault({ 'api-key': { key: `qdrant/${r.id}/search`, property: 'api-key' } }),
      // cert-manager's Secret holds tls.crt, tls.key and ca.crt.
      tls: { certificate: SecretSource.existing('search-tls'), ca: SecretSource.existing('search-tls') },
    } satisfies QdrantClusterProps, { agentOwnsClustersAcknowledged: true });
    db.addScheduledSnapshot('daily', { name: 'search-daily', schedule: '0 2 * * *', retention: '168h' });
    db.exposeWithIngress('public', {
      name: 'search', host: r.cluster.host, ingressClassName: 'nginx',
      tlsCertificate: vault({ 'tls.crt': { key: `certs/${r.cluster.host}`, property: 'crt' }, 'tls.key': { key: `certs/${r.cluster.host}`, property: 'key' } }),
    });
  }
  // The Private Cloud site on premises: its Flux syncs dist/flux-onprem.
  new QdrantOperator(app, 'onprem', {
    namespace: 'qdrant-onprem', chartVersion: '1.9.6', delivery: new FluxDelivery({ cluster: 'onprem' }),
    storage: {
      storageClass: { name: 'vsphere-csi', provisioner: 'csi.vsphere.vmware.com', existing: true },
      volumeSnapshotClass: { name: 'vsphere-csi-snapclass', driver: 'csi.vsphere.vmware.com', existing: true },
    },
    monitoring: MONITORING,
  });
  return app;
}
