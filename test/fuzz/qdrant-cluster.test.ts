import { Chart } from 'cdk8s';
import { QdrantClusterProps, QdrantOperator, QdrantOperatorProps, SecretSource } from '../../src';
import { checkBuild, fuzz, propsArbitrary, RUNS } from './fuzz';
import { app, operatorBase } from './sources';

const clusterBase = (): Record<string, unknown> => ({
  id: 'a7d8d973-0cc5-42de-8d7b-c29d14d24840', customerId: 'customer-1', version: 'v1.16.0', size: 3,
  resources: { cpu: '2', memory: '8Gi', storage: '100Gi' }, config: { collection: { replicationFactor: 2 } },
  service: { type: 'ClusterIP' },
});
const clusterAlternatives = {
  customerId: ['0o17', 'x'],
  version: ['v1.15.5'],
  size: [1, 5],
  'resources.requests': [{ cpu: '1', memory: '4Gi' }],
  apiKey: [SecretSource.existing()],
  readOnlyApiKey: [SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'api-key': { key: 'db/ro' } } })],
  'config.logLevel': ['DEBUG'],
  'config.service': [{ maxRequestSizeMb: 64 }],
  'service.type': ['LoadBalancer', 'NodePort'],
  'service.annotations': [{ 'example.com/lb': 'internal' }],
  tolerations: [[{ key: 'dedicated', operator: 'Equal', value: 'qdrant', effect: 'NoSchedule' }]],
  nodeSelector: [{ pool: 'db' }],
  statefulSet: [{ podLabels: { team: 'a' }, extraEnv: [{ name: 'QDRANT__LOG_LEVEL', value: 'DEBUG' }] },
    { extraEnv: [{ name: 'MEMORY_MB', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }] }],
  storageClassNames: [{ db: 'fast' }],
  pauses: [[{ owner: 'ops', reason: 'maintenance' }]],
  suspend: [true],
  servicePerNode: [false],
  rebalanceStrategy: ['by_count'],
};

test(`QdrantCluster: ${RUNS} generated prop sets end in the library error or in schema-valid output`, () => {
  fuzz('QdrantCluster', propsArbitrary(clusterBase, clusterAlternatives), ({ props }, tally) => {
    const operator = new QdrantOperator(app(), 'o', operatorBase() as unknown as QdrantOperatorProps);
    checkBuild(tally, 'o', () => Chart.of(operator.addCluster('c', props as unknown as QdrantClusterProps)));
  });
}, 120_000);
