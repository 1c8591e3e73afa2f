import { FluxDelivery, ImageMirror, QdrantApp, QdrantOperator, SecretSource } from '../src';
import { noticesOf } from '../src/core/notices';
import { configErrorOf } from './support/errors';
import { clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';
import { testApp } from './support/synth';
import { sealedCiphertext } from './support/sealed';

// Mistakes that are not errors but deserve a line on the console and in the README.

const cluster = clusterProps();
const operator = () => privateCloudOperator(testApp(), { namespace: 'q', delivery: new FluxDelivery() }, 'o');

/** Every notice recorded on the stack or a construct under it, nested charts included. */
const warningsUnder = (op: QdrantOperator) => op.node.findAll().flatMap((c) => c.node.metadata.map((m) => String(m.data)));

describe('warnings', () => {
  test.each(['LoadBalancer', 'NodePort'] as const)('a %s Service with an API key but without TLS warns', (type) => {
    // GIVEN a cluster exposed outside the Kubernetes cluster, with an API key and no TLS
    const op = operator();
    op.addCluster('c', { ...cluster, apiKey: SecretSource.existing('api-key'), service: { type } });
    // THEN the warning names the exposure and the fix
    expect(warningsUnder(op)).toContainEqual(expect.stringMatching(new RegExp(`service.type "${type}" sends the API key in clear text .*; set tls.* \\[rule api-key-in-clear-text\\]$`)));
  });

  test('the same exposure with TLS does not warn', () => {
    const op = operator();
    op.addCluster('c', { ...cluster, apiKey: SecretSource.existing('api-key'), service: { type: 'LoadBalancer' }, tls: { certificate: SecretSource.existing('tls') } });
    expect(warningsUnder(op).filter((m) => m.includes('clear text'))).toEqual([]);
  });

  test('an exposure helper outside the Kubernetes cluster without TLS warns, naming the helper', () => {
    // GIVEN a cluster with an API key and no TLS, exposed by the helpers
    const op = operator();
    const db = op.addCluster('c', { ...cluster, apiKey: SecretSource.existing('api-key') });
    db.exposeWithService('lb', { name: 'db-lb', type: 'LoadBalancer' });
    db.exposeWithService('internal', { name: 'db-internal', type: 'ClusterIP' });
    db.exposeWithIngress('plain', { name: 'db-plain', host: 'db.example.com' });
    db.exposeWithIngress('secure', { name: 'db-secure', host: 'secure.example.com', tlsSecretName: 'db-cert' });
    // THEN the LoadBalancer and the Ingress without a certificate warn; ClusterIP and the TLS Ingress do not
    const clearText = warningsUnder(op).filter((m) => m.includes('clear text'));
    expect(clearText).toEqual([
      expect.stringMatching(/exposeWithService\(lb\) type "LoadBalancer" sends the API key in clear text .*; set tls on the cluster/),
      expect.stringMatching(/exposeWithIngress\(plain\) host db.example.com sends the API key in clear text .* or tlsCertificate on the Ingress/),
    ]);
  });

  test('a LoadBalancer whose annotations make the cloud load balancer terminate TLS does not warn, from either path', () => {
    const op = operator();
    const tlsAtLoadBalancer = { 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' };
    op.addCluster('typed', { ...cluster, id: '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819', apiKey: SecretSource.existing('api-key'), service: { type: 'LoadBalancer', annotations: tlsAtLoadBalancer } });
    const db = op.addCluster('c', { ...cluster, apiKey: SecretSource.existing('api-key') });
    db.exposeWithService('lb', { name: 'db-lb', type: 'LoadBalancer', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' } });
    expect(warningsUnder(op).filter((m) => m.includes('clear text'))).toEqual([]);
  });

  test('an exposure helper on a cluster with TLS does not warn', () => {
    const op = operator();
    const db = op.addCluster('c', { ...cluster, apiKey: SecretSource.existing('api-key'), tls: { certificate: SecretSource.existing('tls') } });
    db.exposeWithService('lb', { name: 'db-lb', type: 'NodePort' });
    db.exposeWithIngress('plain', { name: 'db-plain', host: 'db.example.com' });
    expect(warningsUnder(op).filter((m) => m.includes('clear text'))).toEqual([]);
  });

  test('two different database StorageClasses for one region warn', () => {
    // GIVEN the environment and the operator settings naming different classes
    const region = hybridRegion(testApp(), {
      namespace: 'q', environment: { databaseStorageClass: 'fast' },
      operatorSettings: { features: { clusterManagement: { storageClass: { database: 'slow' } } } },
    });
    // THEN one warning names both props and both values
    expect(noticesOf(region, 'warning')).toEqual([expect.stringMatching(
      /environment.databaseStorageClass "fast" differs from operatorSettings.features.clusterManagement.storageClass.database "slow"; set one of them.*\[rule storage-class-set-twice\]$/)]);
  });

  test('an app-wide sealed mirror pull secret in a second namespace names the working answer', () => {
    // GIVEN one sealed mirror pull secret for the whole app, and two stacks in two namespaces
    const app = new QdrantApp({
      outdir: '/nonexistent/never-written',
      mirror: new ImageMirror({
        containerRegistry: 'registry.example.com/qdrant', chartRepository: 'oci://registry.example.com/charts',
        pullSecret: SecretSource.fromSealedSecret({ encryptedData: { '.dockerconfigjson': sealedCiphertext('pull') } }),
      }),
    });
    hybridRegion(app, { registryCredentials: undefined, namespace: 'a' }, 'a');
    // WHEN the second stack binds it, THEN the error says where the per-namespace secret goes
    const error = configErrorOf(() => hybridRegion(app, { registryCredentials: undefined, namespace: 'b' }, 'b'));
    expect(error.prop).toBe('mirror.pullSecret');
    expect(error.message).toMatch(/its own SecretSource.fromSealedSecret, in a mirror of its own: this stack's mirror prop, new ImageMirror/);
  });
});

describe('production shape (qdrant-facts.md §12, §13): warnings, never errors', () => {
  const ruleWarnings = (op: QdrantOperator) => warningsUnder(op).filter((m) => /\[rule (production-|multi-az-|snapshots-on-|version-beyond-)/.test(m));
  const shaped = (props: Record<string, unknown>) => {
    const op = privateCloudOperator(testApp(), { namespace: 'q', crdChartVersion: 'v1.34.0', delivery: new FluxDelivery() }, 'o');
    op.addCluster('c', { ...cluster, ...props });
    return ruleWarnings(op);
  };

  test('the production shape passes without a word', () => {
    // GIVEN 3 nodes, replication 2 / THEN no shape warning
    expect(shaped({ size: 3, config: { collection: { replicationFactor: 2 } } })).toEqual([]);
    // AND Multi AZ with replication 3
    expect(shaped({ size: 3, multiAz: true, config: { collection: { replicationFactor: 3 } } })).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['fewer than 3 nodes', { size: 1 }, /size 1: fewer than 3 nodes: .*production needs at least 3 nodes \[rule production-node-count\]/],
    ['replication below 2 (Qdrant\'s default 1)', { size: 3 }, /config.collection.replicationFactor 1: below 2: reads and writes fail while a node restarts.*\[rule production-replication\]/],
    ['Multi AZ with replication below 3', { size: 3, multiAz: true, config: { collection: { replicationFactor: 2 } } }, /replicationFactor 2: below 3 with multiAz.*\[rule multi-az-replication\]/],
    ['a snapshot volume on emptyDir', {
      size: 3, config: { collection: { replicationFactor: 2 } },
      storage: { additionalVolumes: [{ name: 'snaps', emptyDir: {} }], additionalVolumeMounts: [{ name: 'snaps', mountPath: '/qdrant/snapshots' }] },
    }, /storage.additionalVolumeMounts "snaps at \/qdrant\/snapshots": an emptyDir volume at the snapshot path loses every snapshot.*\[rule snapshots-on-empty-dir\]/],
    ['a version newer than the latest-patch table', { size: 3, config: { collection: { replicationFactor: 2 } }, version: 'v1.20.0' },
      /version "v1.20.0": newer than the latest-patch table \(qdrant\/qdrant release tags \(v1.Y.Z\), 2026-08-04\); the upgrade path to and from it is not checked \[rule version-beyond-patch-table\]/],
  ])('%s warns, naming the prop, the value and the advice', (_case, props, message) => {
    expect(shaped(props)).toEqual([expect.stringMatching(message)]);
  });

  test.each(['v1.18.0', 'v1.18.3', 'v1.19.0', 'v1.20.0'])('Qdrant %s is accepted', (version) => {
    expect(() => shaped({ size: 3, config: { collection: { replicationFactor: 2 } }, version })).not.toThrow();
  });
});
