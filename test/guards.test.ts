import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Allow, AllowedChange, ArgoCdDelivery, FluxDelivery, HybridRegion, QdrantApp, QdrantOperator, SecretSource } from '../src';
import { configErrorOf } from './support/errors';

const ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';

interface Shape { readonly storage?: string; readonly version?: string; readonly withCluster?: boolean; readonly namespace?: string }

/** Synthesises an operator with one cluster and a region into `outdir`. */
function synth(outdir: string, shape: Shape = {}, allowedChanges: AllowedChange[] = []): void {
  const app = new QdrantApp({ outdir, allowedChanges });
  const op = new QdrantOperator(app, 'pc', { namespace: 'qdrant', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing() });
  if (shape.withCluster ?? true) {
    op.addCluster('db', {
      id: ID, customerId: 'acme', version: shape.version ?? 'v1.16.3', size: 1,
      resources: { cpu: '1', memory: '1Gi', storage: shape.storage ?? '10Gi' },
    });
  }
  new HybridRegion(app, 'region', {
    environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8', namespace: shape.namespace ?? 'qdrant-hybrid',
    agentChartVersion: '1.33.0', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
  });
  app.synth();
}

function bootstrapped(): { outdir: string; manifest: () => string } {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-guards-')), 'dist');
  synth(outdir);
  const file = path.join(outdir, 'pc', 'manifests.k8s.yaml');
  return { outdir, manifest: () => fs.readFileSync(file, 'utf8') };
}

describe('guards against the previous output', () => {
  test('a storage shrink is refused and nothing is written', () => {
    // GIVEN
    const { outdir, manifest } = bootstrapped();
    const before = manifest();
    // WHEN / THEN
    expect(configErrorOf(() => synth(outdir, { storage: '5Gi' })).message).toMatch(
      new RegExp(`\\[dist/pc\\] QdrantCluster qdrant/qdrant-${ID} spec.resources.storage: got "5Gi"; storage can only grow \\(it was 10Gi\\); if this is intended, add Allow.storageShrink\\('${ID}', '<reason>'\\)`));
    expect(manifest()).toBe(before);
  });

  test('growth passes; an allowed shrink passes', () => {
    const { outdir, manifest } = bootstrapped();
    synth(outdir, { storage: '20Gi' });
    expect(manifest()).toContain('storage: 20Gi');
    synth(outdir, { storage: '15Gi' }, [Allow.storageShrink(ID, 'volume recreated from a snapshot')]);
    expect(manifest()).toContain('storage: 15Gi');
  });

  test('a deleted cluster is refused unless allowed', () => {
    const { outdir, manifest } = bootstrapped();
    expect(configErrorOf(() => synth(outdir, { withCluster: false })).message)
      .toMatch(/QdrantCluster qdrant\/qdrant-a7d8d973-0cc5-42de-8d7b-c29d14d24840: got "deleted"; a cluster left the output; deleting it deletes its data/);
    synth(outdir, { withCluster: false }, [Allow.clusterDeletion(ID, 'replaced by the eu-west cluster')]);
    expect(manifest()).not.toContain('QdrantCluster');
  });

  test.each([
    ['v1.16.5', true], ['v1.17.0', true], ['v1.18.0', false], ['v1.16.2', false], ['v2.0.0', false],
  ])('upgrade v1.16.3 -> %s allowed: %s', (version, ok) => {
    const { outdir } = bootstrapped();
    if (ok) expect(() => synth(outdir, { version })).not.toThrow();
    else expect(configErrorOf(() => synth(outdir, { version })).message).toMatch(/spec.version: .*upgrades go one minor version at a time and never down \(it was v1.16.3\)/);
  });

  test('a region namespace change is refused unless allowed', () => {
    const { outdir } = bootstrapped();
    expect(configErrorOf(() => synth(outdir, { namespace: 'qdrant-new' })).message)
      .toMatch(/\[dist\/region\] namespace: got "qdrant-new"; the namespace of a bootstrapped environment cannot change \(it was "qdrant-hybrid"\)/);
    expect(() => synth(outdir, { namespace: 'qdrant-new' }, [Allow.namespaceChange('region', 'new environment for the migration')])).not.toThrow();
  });

  test('an allowance needs a reason', () => {
    const { outdir } = bootstrapped();
    expect(configErrorOf(() => synth(outdir, {}, [Allow.clusterDeletion(ID, ' ')])).message).toMatch(/allowedChanges\[0\].reason: got " "; say why this change is intended/);
  });

  test('previousOutput compares with another checkout, e.g. the main branch', () => {
    const { outdir } = bootstrapped();
    const elsewhere = path.join(path.dirname(outdir), 'pr');
    const app = new QdrantApp({ outdir: elsewhere, previousOutput: outdir });
    new QdrantOperator(app, 'pc', { namespace: 'qdrant', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing() });
    expect(configErrorOf(() => app.synth()).message).toMatch(/a cluster left the output/);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });
});
