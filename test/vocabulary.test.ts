import * as fs from 'fs';
import * as path from 'path';
import { ArgoCdDelivery, HybridRegion, QdrantOperator, SecretSource } from '../src';
import { DATABASE_LOG_LEVELS, IMAGE_PULL_POLICIES, LOG_LEVELS, ociUrl, withoutOciScheme } from '../src/core/vocabulary';
import { configErrorOf } from './support/errors';
import { testApp } from './support/synth';

// Words several props share (log levels, image pull policies, the oci:// scheme) are
// listed once, in src/core/vocabulary.ts; every prop that takes one checks it by that list.
const SRC = path.resolve(__dirname, '..', 'src');
const VOCABULARY = path.join('core', 'vocabulary.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Code lines of src/ outside the vocabulary, comments dropped (they may show `oci://registry.example.com/...`). */
function codeLines(): { readonly where: string; readonly code: string }[] {
  return sourceFiles(SRC).filter((file) => path.relative(SRC, file) !== VOCABULARY).flatMap((file) =>
    fs.readFileSync(file, 'utf8').split('\n').map((line, i) => ({ where: `${path.relative(SRC, file)}:${i + 1}`, code: line.replace(/\/\*.*?(\*\/|$)|^\s*\*.*|\/\/.*/g, '') })));
}

const quoted = (word: string) => new RegExp(`['"\`]${word}['"\`]`);

test('no list of log levels or pull policies and no oci:// scheme is written outside the vocabulary', () => {
  // GIVEN the code of every source file but the vocabulary
  const found = codeLines().filter(({ code }) =>
    // WHEN searched for a pull policy, two log levels side by side (a default such as 'INFO' alone is a value), or the scheme
    IMAGE_PULL_POLICIES.some((p) => quoted(p).test(code))
    || DATABASE_LOG_LEVELS.filter((l) => quoted(l).test(code)).length > 1
    || /oci:/.test(code)).map(({ where, code }) => `${where}: ${code.trim()}`);
  // THEN there is none
  expect(found).toEqual([]);
});

const ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';
const operator = (props: object) => new QdrantOperator(testApp(), 'pc', {
  namespace: 'qdrant', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(), ...props,
});
const cluster = (props: object) => operator({}).addCluster('db', { id: ID, customerId: 'acme', version: 'v1.16.3', size: 1, resources: { cpu: '1', memory: '1Gi', storage: '2Gi' }, ...props });
const region = (props: object) => new HybridRegion(testApp(), 'region', {
  environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8', namespace: 'qdrant',
  agentChartVersion: '1.33.0', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(), ...props,
});

const listed = (values: readonly string[]) => `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

/** Each prop that takes a shared word, how to set it, and the list it must accept. */
const USES: readonly [string, (v: string) => unknown, readonly string[]][] = [
  ['logLevel', (v) => region({ logLevel: v }), LOG_LEVELS],
  ['settings.logLevel', (v) => operator({ settings: { logLevel: v } }), LOG_LEVELS],
  ['settings.features.clusterManagement.qdrant.logLevel', (v) => operator({ settings: { features: { clusterManagement: { qdrant: { logLevel: v } } } } }), LOG_LEVELS],
  ['operatorSettings.logLevel', (v) => region({ operatorSettings: { logLevel: v } }), LOG_LEVELS],
  ['config.logLevel', (v) => cluster({ config: { logLevel: v } }), DATABASE_LOG_LEVELS],
  ['image.pullPolicy', (v) => cluster({ image: { pullPolicy: v } }), IMAGE_PULL_POLICIES],
  ['settings.features.clusterManagement.qdrant.image.pullPolicy', (v) => operator({ settings: { features: { clusterManagement: { qdrant: { image: { pullPolicy: v } } } } } }), IMAGE_PULL_POLICIES],
  ['operator.imagePullPolicy', (v) => operator({ operator: { imagePullPolicy: v } }), IMAGE_PULL_POLICIES],
  ['clusterManager.imagePullPolicy', (v) => operator({ clusterManager: { imagePullPolicy: v } }), IMAGE_PULL_POLICIES],
];

test.each(USES)('%s accepts every word of its list and refuses others by that list', (prop, build, values) => {
  // GIVEN each word of the list  WHEN set  THEN it is accepted
  for (const v of values) expect(() => build(v)).not.toThrow();
  // GIVEN a word in the wrong case  WHEN set  THEN the error names the prop and the whole list
  const error = configErrorOf(() => build(values[0].toLowerCase()));
  expect(error.message).toContain(`${prop}: got ${JSON.stringify(values[0].toLowerCase())}; ${listed(values)}`);
});

describe('the oci:// scheme', () => {
  test.each([
    ['oci://registry.example.com:5000/qdrant-charts', 'registry.example.com:5000/qdrant-charts'],
    ['oci://registry.example.com', 'registry.example.com'],
    ['registry.example.com/qdrant', 'registry.example.com/qdrant'],
  ])('withoutOciScheme(%s) is %s', (repository, hostPath) => {
    expect(withoutOciScheme(repository)).toBe(hostPath);
  });

  test.each([
    ['a host and path', true, 'oci://registry.example.com/qdrant-charts'],
    ['a host with port and a nested path', true, 'oci://registry.example.com:5000/a/b'],
    ['a trailing "/"', false, 'oci://registry.example.com/qdrant-charts/'],
    ['another scheme', false, 'https://registry.example.com/qdrant-charts'],
    ['no scheme', false, 'registry.example.com/qdrant-charts'],
    ['the scheme alone', false, 'oci://'],
    ['more than 2048 characters', false, `oci://registry.example.com/${'a'.repeat(2048)}`],
  ])('ociUrl given %s: accepted is %s', (_what, ok, url) => {
    expect(ociUrl(url) === undefined).toBe(ok);
  });
});
