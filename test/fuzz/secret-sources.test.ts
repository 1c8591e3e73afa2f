import fc from 'fast-check';
import { HybridRegion, SecretSource } from '../../src';
import { checkBuild, fuzz, hostileValue, propsArbitrary, RUNS } from './fuzz';
import { app, deliveries } from './sources';
import { sealedCiphertext } from '../support/sealed';
import { hybridRegion } from '../support/stacks';

// Each SecretSource factory, fed generated props, bound as a region's access key
// (Opaque) and, for the External Secrets and plaintext sources, as its registry
// credentials (a docker config with a literal default user name).

const region = (cloudAccessKey: SecretSource, registryCredentials: SecretSource = SecretSource.existing()) =>
  hybridRegion(app(), { namespace: 'q', delivery: deliveries()[1], registryCredentials, cloudAccessKey });

function run(name: string, arbitrary: fc.Arbitrary<{ props: Record<string, unknown> }>, build: (props: any) => HybridRegion, plaintextOptIn = false) {
  test(`SecretSource.${name}: ${RUNS} generated prop sets end in the library error or in schema-valid output`, () => {
    fuzz(`SecretSource.${name}`, arbitrary, ({ props }, tally) => checkBuild(tally, 'r', () => build(props), plaintextOptIn));
  }, 120_000);
}

run('existing', fc.record({ props: fc.record({ name: fc.oneof(fc.constantFrom(undefined, 'qdrant-cloud-creds', 'other-name'), hostileValue) }) }),
  (p) => region(SecretSource.existing(p.name)));

run('fromExternalSecret', propsArbitrary(() => ({ storeName: 'vault', refs: { 'access-key': { key: 'qdrant/region', property: 'key' } } }), {
  storeKind: ['SecretStore', 'ClusterSecretStore'],
  refreshInterval: ['5m'],
  'refs.access-key.version': ['3'],
  'refs.username': [{ key: 'registry', property: 'user' }],
  'refs.password': [{ key: 'registry', property: 'password' }],
}), (p) => region(SecretSource.fromExternalSecret(p), SecretSource.fromExternalSecret({ ...p, refs: { password: { key: 'r' }, ...(p?.refs?.username ? { username: p.refs.username } : {}) } })));

run('fromSealedSecret', propsArbitrary(() => ({ encryptedData: { 'access-key': sealedCiphertext('access-key') } }), {
  scope: ['namespace-wide', 'cluster-wide'],
  'encryptedData.access-key': [sealedCiphertext('another access key')],
}), (p) => region(SecretSource.fromSealedSecret(p)));

run('plaintextCommittedToGit', propsArbitrary(() => ({ 'access-key': '3f1c2b9a-1111-4222-8333-944455556666|demo' }), {
  'access-key': ['another-demo-key'],
  username: ['robot'],
}), (p) => region(SecretSource.plaintextCommittedToGit(p), SecretSource.plaintextCommittedToGit({ password: 'demo', ...(p?.username !== undefined ? { username: p.username } : {}) })), true);
