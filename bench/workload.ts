import { FluxDelivery, QdrantApp, QdrantOperator, SecretSource } from '../src';
import { clusterId, CLUSTERS_PER_STACK, stackNamespace } from './fleet-ids';

/** The storage of every cluster, and of the changed ones after their growth (the guards let volumes grow). */
const STORAGE = '100Gi';
const GROWN_STORAGE = '150Gi';

/**
 * The workload of the benchmark: `clusters` Qdrant clusters in clusters/10 Private
 * Cloud stacks delivered by Flux, registry credentials from External Secrets, each
 * cluster with an ESO-backed API key and one scheduled snapshot. `grown`: the first
 * cluster of every stack (a tenth of the clusters, in every folder) has grown its storage,
 * a change the guards allow without an allowance.
 */
export function workloadApp(outdir: string, clusters: number, grown = false): QdrantApp {
  const app = new QdrantApp({ outdir });
  for (let s = 0; s < clusters / CLUSTERS_PER_STACK; s++) {
    const op = new QdrantOperator(app, stackNamespace(s), {
      namespace: stackNamespace(s), chartVersion: '1.9.6', delivery: new FluxDelivery(),
      registryCredentials: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'registry' }, password: { key: 'registry' } } }),
    });
    for (let c = 0; c < CLUSTERS_PER_STACK; c++) {
      const cluster = op.addCluster(`c${c}`, {
        id: clusterId(s, c), customerId: 'bench', version: 'v1.16.3', size: 3,
        resources: { cpu: '2', memory: '8Gi', storage: grown && c === 0 ? GROWN_STORAGE : STORAGE },
        apiKey: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'api-key': { key: `db/${s}/${c}` } } }),
      });
      cluster.addScheduledSnapshot('nightly', { name: `nightly-${c}`, schedule: '0 2 * * *', retention: '72h' });
    }
  }
  return app;
}
