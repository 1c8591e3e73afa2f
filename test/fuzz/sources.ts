import { ArgoCdDelivery, FluxDelivery, ImageMirror, QdrantApp, SecretSource } from '../../src';

/** Valid alternatives shared by the fuzz tests: fresh objects per call (a sealed source binds once). */
export const deliveries = () => [new FluxDelivery(), new ArgoCdDelivery(), new FluxDelivery({ interval: '5m', outputPath: './clusters/prod' }), new ArgoCdDelivery({ project: 'qdrant', namePrefix: 'x-' })];

export const registrySources = () => [
  SecretSource.existing(),
  SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'r', property: 'u' }, password: { key: 'r', property: 'p', version: '2' } } }),
  SecretSource.fromExternalSecret({ storeName: 'vault', storeKind: 'SecretStore', refs: { password: { key: 'registry/password' } }, refreshInterval: '10m' }),
];

export const mirrors = () => [new ImageMirror({
  containerRegistry: 'registry.example.com/qdrant', chartRepository: 'oci://registry.example.com/charts',
  pullSecret: SecretSource.existing(),
})];

/** A fresh app per run: a failed construct leaves half its children behind. */
export const app = () => new QdrantApp({ outdir: '/nonexistent/never-written' });

/** A valid QdrantOperator, the host of the fuzzed clusters. */
export const operatorBase = (): Record<string, unknown> => ({
  namespace: 'qdrant-private-cloud', chartVersion: '1.9.6', delivery: deliveries()[0], registryCredentials: SecretSource.existing(),
  settings: { logLevel: 'INFO' }, operator: { replicaCount: 1 },
});
