import { HybridRegion, HybridRegionProps, QdrantApp, SecretSource } from '../../src';
import { checkBuild, fuzz, propsArbitrary, RUNS } from './fuzz';
import { deliveries, mirrors, registrySources } from './sources';

const base = (): Record<string, unknown> => ({
  environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8', namespace: 'qdrant',
  agentChartVersion: '1.33.0', delivery: deliveries()[0], registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
  environment: { httpProxyUrl: 'http://proxy.example.com:3128', tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'qdrant', effect: 'NoSchedule' }] },
});

const alternatives = {
  namespace: ['q', 'region-0o17'],
  agentChartVersion: ['1.34.2'],
  delivery: deliveries(),
  registryCredentials: registrySources(),
  cloudAccessKey: [SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'access-key': { key: 'qdrant/region', property: 'key' } } })],
  registryUsername: ['robot$team', 'user@example.com'],
  logLevel: ['DEBUG', 'ERROR'],
  serverUrl: ['https://cloud.example.com'],
  grpcServerUrl: ['grpc.example.com'],
  accessKeyHash: ['a'.repeat(64)],
  agentValues: [{ resources: { limits: { cpu: '1' } } }, { tolerations: [{ key: 'dedicated', operator: 'Exists' }] }],
  mirror: mirrors(),
  createNamespace: [false],
  'environment.httpsProxyUrl': ['https://proxy.example.com'],
  'environment.noProxy': [['.svc', '10.0.0.0/8']],
  'environment.databaseStorageClass': ['fast'],
  'environment.nodeSelector': [{ 'node-role': 'qdrant' }],
  'environment.tolerations': [[{ operator: 'Exists' }]],
  operatorSettings: [{ logLevel: 'DEBUG' }],
};

test(`HybridRegion: ${RUNS} generated prop sets end in the library error or in schema-valid output`, () => {
  fuzz('HybridRegion', propsArbitrary(base, alternatives), ({ props }, tally) => {
    // Sources bind once per region: give each run fresh ones.
    const fresh = { ...props, registryCredentials: props.registryCredentials === alternatives.registryCredentials[1] ? registrySources()[1] : props.registryCredentials };
    checkBuild(tally, 'r', () => new HybridRegion(new QdrantApp({ outdir: '/nonexistent/never-written' }), 'r', fresh as unknown as HybridRegionProps));
  });
  // THEN both kinds were tried in numbers
}, 120_000);
