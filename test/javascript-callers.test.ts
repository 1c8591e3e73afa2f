import { ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, ImageMirror, QdrantClusterProps, QdrantOperator, SecretSource } from '../src';
import { configErrorOf } from './support/errors';
import { testApp } from './support/synth';

// JavaScript callers (and `as any`) can pass any shape; each must end in the library's
// error naming the prop, never in a TypeError from deep inside.
const region = (props: unknown) => new HybridRegion(testApp(), 'r', props as HybridRegionProps);
const validRegion: HybridRegionProps = {
  environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8', namespace: 'q',
  agentChartVersion: '1.33.0', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
};
const cluster = (props: unknown) => new QdrantOperator(testApp(), 'o', {
  namespace: 'q', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(),
}).addCluster('c', props as QdrantClusterProps);
const validCluster = { id: 'a7d8d973-0cc5-42de-8d7b-c29d14d24840', customerId: 'x', version: 'v1.16.0', size: 1, resources: { cpu: '1', memory: '1Gi', storage: '1Gi' } };

const cases: Array<[string, () => unknown, RegExp]> = [
  ['region without props', () => region(undefined), /\[r\] props: got nothing; expected HybridRegionProps/],
  ['tolerations that are not a list', () => region({ ...validRegion, environment: { tolerations: 'x' } }), /\[r\] environment.tolerations: got "x"; expected a list/],
  ['unknown environment setting', () => region({ ...validRegion, environment: { httpProxy: 'http://p:3128' } }), /\[r\] environment.httpProxy: got "<set>"; unknown key; expected one of "httpProxyUrl"/],
  ['node selector that is a list', () => region({ ...validRegion, environment: { nodeSelector: ['a'] } }), /environment.nodeSelector: got \["a"\]; expected a map of labels/],
  ['cluster without props', () => cluster(undefined), /\[o\/c\] props: got nothing; expected QdrantClusterProps/],
  ['cluster resources as a string', () => cluster({ ...validCluster, resources: 'big' }), /\[o\/c\] resources: got "big"; expected cpu, memory and storage per node/],
  ['readClusters as a string', () => cluster({ ...validCluster, readClusters: 'abc' }), /readClusters: got "abc"; expected a list/],
  ['snapshot without options', () => cluster(validCluster).addScheduledSnapshot('s', undefined as any), /addScheduledSnapshot\(s\): got nothing; expected options/],
  ['a toleration that is null', () => region({ ...validRegion, environment: { tolerations: [null] } }), /\[r\] environment.tolerations\[0\]: got null; expected a toleration/],
  ['a pause that is null', () => cluster({ ...validCluster, pauses: [null] }), /\[o\/c\] pauses\[0\]: got null; expected an object/],
  ['a cluster toleration that is null', () => cluster({ ...validCluster, tolerations: [null] }), /\[o\/c\] tolerations\[0\]: got null; expected a toleration/],
  ['registryUsername as a number', () => region({ ...validRegion, registryUsername: 42 }), /\[r\] registryUsername: got 42; expected a non-empty user name/],
  ['grpcServerUrl as an object', () => region({ ...validRegion, grpcServerUrl: {} }), /\[r\] grpcServerUrl: got \{\}; expected a host name/],
  ['a Flux outputPath that is a number', () => region({ ...validRegion, delivery: new FluxDelivery({ outputPath: 42 } as any) }), /\[r\] delivery.outputPath: got 42; expected a path/],
  ['Argo CD props that are a string', () => region({ ...validRegion, delivery: new ArgoCdDelivery('argocd' as any) }), /\[r\] delivery: got "argocd"; expected ArgoCdDeliveryProps/],
  ['a mirror without props', () => region({ ...validRegion, mirror: new ImageMirror(undefined as any) }), /\[r\] mirror.containerRegistry: got nothing; expected a registry host/],
  ['a plain object as the mirror', () => region({ ...validRegion, mirror: { containerRegistry: 'r.example.com' } }), /\[r\] mirror: got .*; expected an ImageMirror/],
  ['a registry secret that is a string', () => region({ ...validRegion, registryCredentials: 'hunter2' }), /\[r\] registryCredentials: got "<redacted>"; expected a SecretSource with the credentials/],
  ['addCluster without an id', () => new QdrantOperator(testApp(), 'o', {
    namespace: 'q', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(),
  }).addCluster(undefined as any, validCluster as QdrantClusterProps), /\[o\] id: got nothing; expected a non-empty construct id/],
  ['an External Secrets property that is a number', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', refs: { 'access-key': { key: 'k', property: 5 } } } as any) }),
    /cloudAccessKey.refs.access-key.property: got 5; expected a non-empty string/],
  ['External Secrets refs that are a list', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', refs: [] } as any) }),
    /cloudAccessKey.refs: got \[\]; expected a map/],
  ['an agent chart version with a "v"', () => region({ ...validRegion, agentChartVersion: 'v1.33.0' }), /agentChartVersion: got "v1.33.0"; expected the chart version without "v", such as "1.33.0"/],
  ['a misspelt region prop', () => region({ ...validRegion, agentChartVerison: '1.34.0' }), /\[r\] agentChartVerison: got "<set>"; unknown key; expected one of "environmentId", /],
  ['a misspelt operator prop', () => new QdrantOperator(testApp(), 'o', {
    namespace: 'q', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(), createNamespaces: false,
  } as any), /\[o\] createNamespaces: got "<set>"; unknown key; expected one of .*"createNamespace"/],
  ['operator without props', () => new QdrantOperator(testApp(), 'o', undefined as any), /\[o\] props: got nothing; expected QdrantOperatorProps/],
  ['a misspelt component prop', () => new QdrantOperator(testApp(), 'o', {
    namespace: 'q', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(), clusterManager: { replicas: 2 },
  } as any), /\[o\] clusterManager.replicas: got "<set>"; unknown key; expected one of "replicaCount", /],
  ['a misspelt Flux delivery prop', () => region({ ...validRegion, delivery: new FluxDelivery({ intervall: '5m' } as any) }), /\[r\] delivery.intervall: got "<set>"; unknown key; expected one of "interval", /],
  ['a misspelt Argo CD delivery prop', () => region({ ...validRegion, delivery: new ArgoCdDelivery({ namespace: 'argocd' } as any) }), /\[r\] delivery.namespace: got "<set>"; unknown key; expected one of "argoCdNamespace", /],
  ['a misspelt mirror prop', () => region({ ...validRegion, mirror: new ImageMirror({ containerRegistry: 'r.example.com/q', chartRepository: 'oci://r.example.com/c', anonymousPull: true, caCertificate: 'x' } as any) }),
    /\[r\] mirror.caCertificate: got "<set>"; unknown key; expected one of .*"caCertificates"/],
  ['service annotations that are null (found by the fuzzer, seed 916550499)', () => cluster({ ...validCluster, service: { annotations: null } }),
    /\[o\/c\] service.annotations: got null; expected a map of strings/],
  ['External Secrets source without refs', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v' } as any) }), /cloudAccessKey.refs.access-key: got nothing/],
];

test.each(cases)('%s', (_name, fn, message) => {
  expect(configErrorOf(fn).message).toMatch(message);
});
