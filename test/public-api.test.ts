import * as fs from 'fs';
import * as path from 'path';
import * as api from '../src';

// The public API is curated in src/index.ts: this pins its runtime names, so adding or
// dropping one is a visible, deliberate change (types are checked by the compiler).
const VALUES = [
  'ALLOWED_CHANGE_ANNOTATION_PREFIX', 'AGENT_RELEASE_NAME', 'Allow', 'ArgoCdDelivery', 'CLOUD_SECRET_KEY', 'CLOUD_SECRET_NAME', 'CRD_CHART', 'CRD_RELEASE_NAME', 'DATABASE_LOG_LEVELS', 'DEFAULT_SNAPSHOT_CLASS', 'Delivery',
  'DeliveryStage', 'FLUX_PRUNE_ANNOTATION', 'FluxDelivery', 'HybridRegion', 'IMAGE_PULL_POLICIES', 'ImageMirror', 'LOG_LEVELS', 'OPERATOR_LOG_LEVELS',
  'PLAINTEXT_ANNOTATION', 'PRIVATE_CLOUD_CHART', 'PRIVATE_CLOUD_RELEASES', 'PRIVATE_CLOUD_RELEASE_NAME', 'QDRANT_CHART_REPOSITORY',
  'QDRANT_GRPC_PORT', 'QDRANT_HTTP_PORT', 'QDRANT_IMAGE_PREFIX', 'QDRANT_P2P_PORT', 'QDRANT_REGISTRY', 'QdrantApp', 'QdrantCluster',
  'QdrantConfigError', 'QdrantOperator', 'QdrantOutputError', 'REGISTRY_SECRET_NAME', 'SYNC_OPTIONS_ANNOTATION', 'SYNC_WAVE_ANNOTATION', 'SecretSource',
];

test('the package exports the curated names and no internal helper', () => {
  expect(Object.keys(api).filter((k) => (api as Record<string, unknown>)[k] !== undefined).sort()).toEqual([...VALUES].sort());
  for (const internal of ['fail', 'convertShape', 'checkTolerations', 'CLUSTER_SPEC', 'CLUSTER_RULES', 'OPERATOR_SETTINGS_SHAPE', 'compareVersions']) {
    expect(api).not.toHaveProperty(internal);
  }
});

test('src/index.ts names every export (no export *)', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', 'src', 'index.ts'), 'utf8')).not.toMatch(/export \*/);
});

test("QdrantCluster's public constructor takes scope, id and props only", () => {
  expect(api.QdrantCluster.length).toBe(3);
});
