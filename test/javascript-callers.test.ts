import { Chart } from 'cdk8s';
import {
  ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, ImageMirror, QdrantCluster, QdrantClusterProps, QdrantOperator, QdrantOperatorProps, SecretSource,
} from '../src';
import { configErrorOf } from './support/errors';
import { clusterProps, privateCloudOperator, regionProps } from './support/stacks';
import { testApp } from './support/synth';
import { sealedCiphertext } from './support/sealed';

// JavaScript callers (and `as any`) can pass any shape; each must end in the library's
// error naming the prop, never in a TypeError from deep inside.
const region = (props: unknown) => new HybridRegion(testApp(), 'r', props as HybridRegionProps);
const validRegion = regionProps();
const cluster = (props: unknown, crdChartVersion?: string) => privateCloudOperator(testApp(), { crdChartVersion }, 'o').addCluster('c', props as QdrantClusterProps);
const operator = (props: Partial<QdrantOperatorProps>) => privateCloudOperator(testApp(), props, 'o');
/** A cluster of an operator installed out of band, in a chart of its own. */
const standalone = (existingOperator: unknown) => new QdrantCluster(new Chart(testApp(), 'clusters'), 'db', {
  ...validCluster, namespace: 'q', existingOperator,
} as QdrantClusterProps);
const cyclic = () => {
  const x: any = { a: 1 };
  x.self = x;
  return x;
};
const PLAIN = 'expected plain JSON-like values: strings, numbers, booleans, null, lists and plain objects, without cycles';
const validCluster = clusterProps();

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
  ['an Argo CD outputPath that is a number', () => region({ ...validRegion, delivery: new ArgoCdDelivery({ outputPath: 5 } as any) }), /\[r\] delivery.outputPath: got 5; expected a path/],
  ['Argo CD props that are a string', () => region({ ...validRegion, delivery: new ArgoCdDelivery('argocd' as any) }), /\[r\] delivery: got "argocd"; expected ArgoCdDeliveryProps/],
  ['a mirror without props', () => region({ ...validRegion, mirror: new ImageMirror(undefined as any) }), /\[r\] mirror.containerRegistry: got nothing; expected a registry host/],
  ['a plain object as the mirror', () => region({ ...validRegion, mirror: { containerRegistry: 'r.example.com' } }), /\[r\] mirror: got .*; expected an ImageMirror/],
  ['a registry secret that is a string', () => region({ ...validRegion, registryCredentials: 'hunter2' }), /\[r\] registryCredentials: got "<redacted>"; expected a SecretSource with the credentials/],
  ['addCluster without an id', () => operator({}).addCluster(undefined as any, validCluster as QdrantClusterProps), /\[o\] id: got nothing; expected a non-empty construct id/],
  ['an External Secrets property that is a number', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', refs: { 'access-key': { key: 'k', property: 5 } } } as any) }),
    /cloudAccessKey.refs.access-key.property: got 5; expected a non-empty string/],
  ['External Secrets refs that are a list', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', refs: [] } as any) }),
    /cloudAccessKey.refs: got \[\]; expected a map/],
  ['an agent chart version with a "v"', () => region({ ...validRegion, agentChartVersion: 'v1.33.0' }), /agentChartVersion: got "v1.33.0"; expected the chart version without "v", such as "1.33.0"/],
  ['a misspelt region prop', () => region({ ...validRegion, agentChartVerison: '1.34.0' }), /\[r\] agentChartVerison: got "<set>"; unknown key; did you mean "agentChartVersion"\?; expected one of "environmentId", /],
  ['a misspelt operator prop', () => operator({ createNamespaces: false } as any), /\[o\] createNamespaces: got "<set>"; unknown key; did you mean "createNamespace"\?; expected one of .*"createNamespace"/],
  ['operator without props', () => new QdrantOperator(testApp(), 'o', undefined as any), /\[o\] props: got nothing; expected QdrantOperatorProps/],
  ['a misspelt component prop', () => operator({ clusterManager: { replicas: 2 } } as any), /\[o\] clusterManager.replicas: got "<set>"; unknown key; expected one of "replicaCount", /],
  ['a misspelt Flux delivery prop', () => region({ ...validRegion, delivery: new FluxDelivery({ intervall: '5m' } as any) }), /\[r\] delivery.intervall: got "<set>"; unknown key; did you mean "interval"\?; expected one of "interval", /],
  ['a misspelt Argo CD delivery prop', () => region({ ...validRegion, delivery: new ArgoCdDelivery({ namespace: 'argocd' } as any) }), /\[r\] delivery.namespace: got "<set>"; unknown key; expected one of "argoCdNamespace", /],
  ['a misspelt mirror prop', () => region({ ...validRegion, mirror: new ImageMirror({ containerRegistry: 'r.example.com/q', chartRepository: 'oci://r.example.com/c', anonymousPull: true, caCertificate: 'x' } as any) }),
    /\[r\] mirror.caCertificate: got "<set>"; unknown key; did you mean "caCertificates"\?; expected one of .*"caCertificates"/],
  ['service annotations that are null (found by the fuzzer, seed 916550499)', () => cluster({ ...validCluster, service: { annotations: null } }),
    /\[o\/c\] service.annotations: got null; expected a map of strings/],
  ['an existing operator whose delivery is a string', () => standalone({ watchedNamespaces: ['q'], delivery: 'flux' }),
    /\[clusters\/db\] existingOperator.delivery: got "flux"; expected new FluxDelivery\(\) or new ArgoCdDelivery\(\)/],
  ['an existing operator that is a string', () => standalone('flux'), /\[clusters\/db\] existingOperator: got "flux"; expected an object \{ watchedNamespaces, delivery \}/],
  ['an existing operator watching a string', () => standalone({ watchedNamespaces: 'q', delivery: new FluxDelivery() }),
    /existingOperator.watchedNamespaces: got "q"; expected "all" or a list/],
  ['a misspelt existing operator key', () => standalone({ watchedNamespaces: 'all', delivery: new FluxDelivery(), namespaces: ['q'] }),
    /existingOperator.namespaces: got \["<set>"\]; unknown key; expected one of "watchedNamespaces", "delivery"/],
  ['an env var that is null', () => cluster({ ...validCluster, statefulSet: { extraEnv: [null] } }), /\[o\/c\] statefulSet.extraEnv\[0\]: got null; expected an object/],
  ['an env var whose valueFrom is null', () => cluster({ ...validCluster, statefulSet: { extraEnv: [{ name: 'A', valueFrom: null }] } }),
    /\[o\/c\] statefulSet.extraEnv\[0\]: got .*; expected the fields of this Kubernetes type/],
  ['an env var that is a string', () => cluster({ ...validCluster, statefulSet: { extraEnv: ['A=1'] } }), /\[o\/c\] statefulSet.extraEnv\[0\]: got "A=1"; expected an object/],
  ['a cycle in agentValues', () => region({ ...validRegion, agentValues: { a: cyclic() } }), new RegExp(`\\[r\\] agentValues.a.self: got "<cycle>"; ${PLAIN}`)],
  ['a cycle in extraValues', () => operator({ extraValues: { operator: { x: cyclic() } } }), /\[o\] extraValues.operator.x.self: got "<cycle>"; expected plain JSON-like values/],
  ['a cycle through a list in extraSettings', () => {
    const list: unknown[] = [];
    list.push({ back: list });
    return operator({ extraSettings: { l: list } });
  }, /\[o\] extraSettings.l\[0\].back: got "<cycle>"/],
  ['a Date in agentValues', () => region({ ...validRegion, agentValues: { config: { when: new Date(0) } } }), /\[r\] agentValues.config.when: got "<Date instance>"; expected plain JSON-like values/],
  ['a function in agentValues', () => region({ ...validRegion, agentValues: { hook: () => 1 } }), /\[r\] agentValues.hook: got "<function>"; expected plain JSON-like values/],
  ['a Symbol in agentValues', () => region({ ...validRegion, agentValues: { tags: ['a', Symbol('x')] } }), /\[r\] agentValues.tags\[1\]: got "<symbol>"; expected plain JSON-like values/],
  ['a bigint in extraValues', () => operator({ extraValues: { replicas: BigInt(5) } }), /\[o\] extraValues.replicas: got "<bigint>"; expected plain JSON-like values/],
  ['a Map in extraValues', () => operator({ extraValues: { labels: new Map([['a', 'b']]) } }), /\[o\] extraValues.labels: got "<Map instance>"; expected plain JSON-like values/],
  ['NaN in agentValues', () => region({ ...validRegion, agentValues: { ratio: NaN } }), /\[r\] agentValues.ratio: got "NaN"; .*numbers must be finite/],
  ['values nested deeper than any chart', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    return region({ ...validRegion, agentValues: deep });
  }, /\[r\] agentValues(\.d)+: got "<nested>"; expected plain JSON-like values.*, nested at most 64 levels deep/],
  ['a "<<" key in agentValues', () => region({ ...validRegion, agentValues: { podLabels: { '<<': 'x' } } }),
    /\[r\] agentValues.podLabels.<<: got "<set>"; a key other than "<<": kustomize .* reads it as a YAML merge key/],
  ['a "<<" key in a list in extraValues', () => operator({ extraValues: { items: [{ '<<': { a: 1 } }] } }), /\[o\] extraValues.items\[0\].<<: got "<set>"; a key other than "<<"/],
  ['an Argo CD output repository that is a string', () => operator({ delivery: new ArgoCdDelivery({ gitRepository: 'https://git.example.com/x.git' } as any) }),
    /\[o\] delivery.gitRepository: got "https:\/\/git.example.com\/x.git"; expected an object \{ url, revision\? \}/],
  ['an Argo CD output repository without a url', () => operator({ delivery: new ArgoCdDelivery({ gitRepository: { revision: 'main' } } as any) }),
    /\[o\] delivery.gitRepository.url: got nothing; expected the URL Argo CD clones the output repository from/],
  ['an Argo CD output repository url that is a number', () => operator({ delivery: new ArgoCdDelivery({ gitRepository: { url: 5 } } as any) }),
    /\[o\] delivery.gitRepository.url: got 5; expected the URL/],
  ['a misspelt Argo CD output repository key', () => operator({ delivery: new ArgoCdDelivery({ gitRepository: { url: 'https://git.example.com/x.git', branch: 'main' } } as any) }),
    /\[o\] delivery.gitRepository.branch: got "<set>"; unknown key; expected one of "url", "revision"/],
  ['a misspelt External Secrets prop (storeKnd)', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', storeKnd: 'SecretStore', refs: { 'access-key': { key: 'k' } } } as any) }),
    /\[r\] cloudAccessKey.storeKnd: got "<set>"; unknown key; did you mean "storeKind"\?/],
  ['a misspelt External Secrets ref prop (propery)', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', refs: { 'access-key': { key: 'k', propery: 'p' } } } as any) }),
    /\[r\] cloudAccessKey.refs.access-key.propery: got "<set>"; unknown key; did you mean "property"\?/],
  ['a misspelt Sealed Secrets prop', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromSealedSecret({ encryptedData: { 'access-key': sealedCiphertext('access-key') }, scop: 'strict' } as any) }),
    /\[r\] cloudAccessKey.scop: got "<set>"; unknown key; did you mean "scope"\?/],
  ['a line separator in Helm values', () => region({ ...validRegion, agentValues: { note: 'a\u2028b' } }), /\[r\] agentValues.note: got "<set>"; expected text without U\+0085, U\+2028, U\+2029 or unpaired surrogates/],
  ['an unpaired surrogate in Helm values', () => region({ ...validRegion, agentValues: { note: 'x\ud800y' } }), /agentValues.note: got "<set>"; expected text without/],
  ['a __proto__ key in Helm values', () => region({ ...validRegion, agentValues: JSON.parse('{"__proto__":{"a":"b"}}') }), /agentValues.__proto__: got "<set>"; .*would be dropped/],
  ['a constructor key in Helm values', () => operator({ extraValues: { operator: { constructor: { a: 'b' } } } }), /\[o\] extraValues.operator.constructor: got "<set>"; .*would be dropped/],
  ['a prototype key in an annotation map', () => cluster({ ...validCluster, statefulSet: { annotations: { prototype: 'x' } } }), /\[o\/c\] statefulSet.annotations.prototype: got "<set>"/],
  ['an object without a prototype in Helm values', () => operator({ extraValues: { operator: Object.assign(Object.create(null), { a: 1 }) } }),
    /\[o\] extraValues.operator: got "<object without a prototype>"; expected plain JSON-like values/],
  ['a class instance in an extra volume', () => cluster({ ...validCluster, storage: { additionalVolumes: [{ name: 'v', emptyDir: new Map() }] } }, 'v1.28.0'),
    /\[o\/c\] storage.additionalVolumes\[0\].emptyDir: got "<Map instance>"; expected plain JSON-like values/],
  ['External Secrets source without refs', () => region({ ...validRegion, cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v' } as any) }), /cloudAccessKey.refs.access-key: got nothing/],
];

test.each(cases)('%s', (_name, fn, message) => {
  expect(configErrorOf(fn).message).toMatch(message);
});
