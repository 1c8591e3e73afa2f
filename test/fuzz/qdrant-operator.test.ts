import { QdrantOperator, QdrantOperatorProps } from '../../src';
import { checkBuild, fuzz, propsArbitrary, RUNS } from './fuzz';
import { app, deliveries, mirrors, operatorBase, registrySources } from './sources';

const operatorAlternatives = {
  namespace: ['q', 'ns-0o17'],
  delivery: deliveries(),
  registryCredentials: registrySources(),
  mirror: mirrors(),
  createNamespace: [false],
  'operator.replicaCount': [2],
  'operator.nodeSelector': [{ 'node-role': 'qdrant' }],
  'operator.tolerations': [[{ operator: 'Exists' }]],
  'operator.podAnnotations': [{ 'example.com/owner': 'team a' }],
  'operator.imagePullPolicy': ['Always'],
  'operator.watchNamespaces': [['a', 'b']],
  'settings.logLevel': ['DEBUG'],
  extraSettings: [{ features: { something: true } }],
  extraValues: [{ podLabels: { team: 'a' } }],
};

test(`QdrantOperator: ${RUNS} generated prop sets end in the library error or in schema-valid output`, () => {
  fuzz('QdrantOperator', propsArbitrary(operatorBase, operatorAlternatives), ({ props }, tally) => {
    checkBuild(tally, 'o', () => new QdrantOperator(app(), 'o', props as unknown as QdrantOperatorProps));
  });
}, 120_000);
