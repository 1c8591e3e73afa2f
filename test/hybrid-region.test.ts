import { createHash } from 'crypto';
import { ArgoCdDelivery, HybridRegionProps, SecretSource } from '../src';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { ACCOUNT_ID as ACCOUNT, ENVIRONMENT_ID as ENV, hybridRegion } from './support/stacks';
import { findObject, ids, objectsOf, testApp } from './support/synth';
import { sealedCiphertext } from './support/sealed';

const ACCESS_KEY = '3f1c2b9a-1111-4222-8333-944455556666|s3cr3t';

function region(overrides: Partial<HybridRegionProps> = {}, id = 'region-a') {
  const chart = hybridRegion(testApp(), overrides, id);
  return { chart, objects: objectsOf(chart) };
}

describe('HybridRegion with Flux', () => {
  test('emits exactly what the generated install command creates', () => {
    // GIVEN
    const { objects } = region({
      registryCredentials: SecretSource.plaintextCommittedToGit({ password: 'pw' }),
      cloudAccessKey: SecretSource.plaintextCommittedToGit({ 'access-key': ACCESS_KEY }),
    });
    // THEN
    expect(ids(objects)).toEqual([
      'Namespace//qdrant',
      'Secret/qdrant/qdrant-registry-creds',
      'Secret/qdrant/qdrant-cloud-creds',
      'OCIRepository/qdrant/qdrant-cloud-agent',
      'HelmRelease/qdrant/qdrant-cloud-agent',
    ]);
    const registry = findObject(objects, 'Secret', 'qdrant-registry-creds');
    expect(registry.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(registry.stringData['.dockerconfigjson']).auths['registry.cloud.qdrant.io'].username).toBe(`robot$private-region-${ENV}`);
    const cloud = findObject(objects, 'Secret', 'qdrant-cloud-creds');
    expect(cloud).toMatchObject({ type: 'Opaque', stringData: { 'access-key': ACCESS_KEY } });

    const release = findObject(objects, 'HelmRelease', 'qdrant-cloud-agent');
    expect(release.spec.releaseName).toBe('qdrant-cloud-agent');
    expect(release.spec.chartRef).toEqual({ kind: 'OCIRepository', name: 'qdrant-cloud-agent' });
    expect(release.spec.values).toEqual({
      config: {
        serverURL: 'https://cloud.qdrant.io',
        grpcServerURL: 'grpc.cloud.qdrant.io',
        hybridCloud: { id: ENV, accountId: ACCOUNT },
        logLevel: 'INFO',
      },
      image: { repository: 'registry.cloud.qdrant.io/qdrant/qdrant-cloud-agent' },
      imagePullSecrets: [{ name: 'qdrant-registry-creds' }],
      podAnnotations: { accessKeyHash: createHash('sha256').update(ACCESS_KEY).digest('hex') },
    });
    const source = findObject(objects, 'OCIRepository', 'qdrant-cloud-agent');
    expect(source.spec).toMatchObject({
      url: 'oci://registry.cloud.qdrant.io/qdrant-charts/qdrant-cloud-agent',
      ref: { tag: '1.33.0' },
      secretRef: { name: 'qdrant-registry-creds' },
    });
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('leaves the access key hash out when the key is external, and takes a given one', () => {
    // GIVEN regions with an access key from out of band, without and with accessKeyHash
    // WHEN / THEN the first agent gets no podAnnotations, the second the given hash
    expect(findObject(region().objects, 'HelmRelease', 'qdrant-cloud-agent').spec.values.podAnnotations).toBeUndefined();
    const hash = 'a'.repeat(64);
    expect(findObject(region({ accessKeyHash: hash }).objects, 'HelmRelease', 'qdrant-cloud-agent').spec.values.podAnnotations)
      .toEqual({ accessKeyHash: hash });
  });

  test('merges escape-hatch values under the typed ones', () => {
    // GIVEN agentValues that set the agent's resources
    // WHEN the region is rendered
    const values = findObject(region({ agentValues: { resources: { limits: { memory: '512Mi' } } } }).objects, 'HelmRelease', 'qdrant-cloud-agent').spec.values;
    // THEN the values hold them beside the typed logLevel
    expect(values.resources).toEqual({ limits: { memory: '512Mi' } });
    expect(values.config.logLevel).toBe('INFO');
  });

  test('a renamed construct id renames no Kubernetes object', () => {
    // GIVEN the same region under two construct ids
    const names = (id: string) => region({}, id).objects.map((o) => `${o.kind}/${o.metadata.name}`);
    // WHEN / THEN both render the same Kubernetes object names
    expect(names('region-b')).toEqual(names('region-a'));
  });

  test('can leave the namespace to someone else', () => {
    // GIVEN a region with createNamespace false
    // WHEN / THEN it emits no Namespace
    expect(ids(region({ createNamespace: false }).objects)).not.toContain('Namespace//qdrant');
  });
});

describe('HybridRegion access key rotation', () => {
  test('without accessKeyHash the folder README says a rotated key needs a restart; with it, nothing', () => {
    // GIVEN a region whose key comes from out of band, without and with its hash
    const without = region().chart.readmeNotes().join('\n');
    const withHash = region({ accessKeyHash: 'a'.repeat(64) }).chart.readmeNotes().join('\n');
    // THEN only the first says how to roll the agent on rotation
    expect(without).toContain('`accessKeyHash` is not set: after rotating the key, the agent keeps the old one until its pod restarts');
    expect(withHash).not.toContain('accessKeyHash` is not set');
  });
});

describe('HybridRegion with Argo CD', () => {
  test('orders namespace and secrets before the agent with sync waves', () => {
    // GIVEN
    const { objects } = region({
      delivery: new ArgoCdDelivery(),
      registryCredentials: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { password: { key: 'r', property: 'p' } } }),
      cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'access-key': { key: 'r', property: 'a' } } }),
    });
    // THEN
    const wave = (kind: string, name: string) => Number(findObject(objects, kind, name).metadata.annotations['argocd.argoproj.io/sync-wave']);
    const app = findObject(objects, 'Application', 'qdrant-qdrant-cloud-agent');
    expect(wave('Namespace', 'qdrant')).toBeLessThan(wave('Application', 'qdrant-qdrant-cloud-agent'));
    expect(wave('ExternalSecret', 'qdrant-registry-creds')).toBeLessThan(wave('Application', 'qdrant-qdrant-cloud-agent'));
    expect(wave('ExternalSecret', 'qdrant-cloud-creds')).toBeLessThan(wave('Application', 'qdrant-qdrant-cloud-agent'));
    expect(app.metadata.namespace).toBe('argocd');
    expect(app.spec.source).toMatchObject({
      repoURL: 'registry.cloud.qdrant.io/qdrant-charts', chart: 'qdrant-cloud-agent', targetRevision: '1.33.0',
      helm: { releaseName: 'qdrant-cloud-agent' },
    });
    expect(app.spec.source.helm.valuesObject.config.hybridCloud).toEqual({ id: ENV, accountId: ACCOUNT });
    expect(app.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'qdrant' });

    const repo = findObject(objects, 'ExternalSecret', 'qdrant-repo-registry-cloud-qdrant-io-qdrant-charts', 'argocd');
    expect(repo.metadata.labels).toEqual({ 'argocd.argoproj.io/secret-type': 'repository' });
    expect(repo.spec.target.template.data).toMatchObject({ type: 'helm', enableOCI: 'true', url: 'registry.cloud.qdrant.io/qdrant-charts' });
    expect(wave('ExternalSecret', 'qdrant-repo-registry-cloud-qdrant-io-qdrant-charts')).toBeLessThan(wave('Application', 'qdrant-qdrant-cloud-agent'));
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('asks for separately sealed repository credentials', () => {
    // GIVEN registry credentials sealed as one Secret
    const sealed = SecretSource.fromSealedSecret({ encryptedData: { '.dockerconfigjson': sealedCiphertext('pull') } });
    // WHEN / THEN an Argo CD region without separate repository credentials is refused, naming the Secret to seal
    expect(() => region({ delivery: new ArgoCdDelivery(), registryCredentials: sealed }))
      .toThrow(/\[region-a\] delivery.repositoryCredentials: got nothing; .*sealed for Secret argocd\/qdrant-repo-registry-cloud-qdrant-io-qdrant-charts/);
    // WHEN the repository credentials are sealed separately
    const { objects } = region({
      delivery: new ArgoCdDelivery({ repositoryCredentials: SecretSource.fromSealedSecret({ encryptedData: { username: sealedCiphertext('user'), password: sealedCiphertext('password') } }) }),
      registryCredentials: sealed,
    });
    // THEN the repository SealedSecret is an OCI Helm repository and the objects pass the schemas
    expect(findObject(objects, 'SealedSecret', 'qdrant-repo-registry-cloud-qdrant-io-qdrant-charts').spec.template.data)
      .toMatchObject({ enableOCI: 'true', type: 'helm' });
    expect(schemaErrors(objects)).toEqual([]);
  });
});

describe('HybridRegion environment.json', () => {
  test('uses the Cloud API / Terraform field names', () => {
    // GIVEN a region with a log level and every environment field
    const { chart } = region({
      logLevel: 'DEBUG',
      environment: {
        httpProxyUrl: 'http://proxy.corp:3128',
        httpsProxyUrl: 'http://proxy.corp:3128',
        noProxy: ['.svc', '10.0.0.0/8'],
        databaseStorageClass: 'fast',
        nodeSelector: { pool: 'system' },
        tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
        controlPlaneLabels: { team: 'search' },
      },
    });
    // WHEN / THEN environment.json holds them under the Cloud API / Terraform names and enum values
    expect(JSON.parse(chart.sideFiles()['environment.json'])).toEqual({
      configuration: {
        namespace: 'qdrant',
        http_proxy_url: 'http://proxy.corp:3128',
        https_proxy_url: 'http://proxy.corp:3128',
        no_proxy_configs: ['.svc', '10.0.0.0/8'],
        database_storage_class: 'fast',
        log_level: 'HYBRID_CLOUD_ENVIRONMENT_CONFIGURATION_LOG_LEVEL_DEBUG',
        node_selector: [{ key: 'pool', value: 'system' }],
        tolerations: [{ key: 'dedicated', operator: 'TOLERATION_OPERATOR_EXISTS', effect: 'TOLERATION_EFFECT_NO_EXECUTE', toleration_seconds: 30 }],
        control_plane_labels: [{ key: 'team', value: 'search' }],
      },
    });
  });
});

describe('HybridRegion advanced operator settings', () => {
  test('the typed operator settings become advanced_operator_settings', () => {
    // GIVEN a region with typed operator settings
    const { chart } = region({ operatorSettings: { features: { clusterManagement: { volumeExpansionMode: 'Offline' } } } });
    // WHEN / THEN environment.json holds them as advanced_operator_settings
    expect(JSON.parse(chart.sideFiles()['environment.json']).configuration.advanced_operator_settings).toEqual({
      settings: { features: { clusterManagement: { volumeExpansionMode: 'Offline' } } },
    });
  });

  test('are checked like QdrantOperator settings', () => {
    // GIVEN operator settings with a qps of 0
    // WHEN / THEN creating the region is refused as a QdrantOperator would be
    expect(configErrorOf(() => region({ operatorSettings: { controller: { qps: 0 } } })).message)
      .toMatch(/\[region-a\] operatorSettings.controller.qps: got 0; expected an integer from 1 to 1000000/);
  });
});

describe('HybridRegion bad input', () => {
  const cases: Array<[string, Partial<HybridRegionProps>, RegExp]> = [
    ['malformed environment id', { environmentId: 'not-a-uuid' }, /\[region-a\] environmentId: got "not-a-uuid"; expected a lowercase UUID/],
    ['malformed account id', { accountId: '7C6B5A49-3827-4615-9504-A3B2C1D0E9F8' }, /accountId: got "7C6B5A49.*expected a lowercase UUID/],
    ['namespace that is not a DNS-1123 label', { namespace: 'Qdrant_NS' }, /namespace: got "Qdrant_NS"; expected a DNS-1123 label/],
    ['unknown log level', { logLevel: 'TRACE' as any }, /logLevel: got "TRACE"; expected one of "DEBUG", "INFO", "WARN", "ERROR"/],
    ['empty chart version', { agentChartVersion: '' }, /agentChartVersion: got ""; expected a qdrant-cloud-agent chart version in semver form without "v"/],
    ['malformed chart version', { agentChartVersion: '1.33' }, /agentChartVersion: got "1.33"; expected a qdrant-cloud-agent chart version/],
    ['proxy that is not a URL', { environment: { httpProxyUrl: 'proxy.corp:3128' } }, /environment.httpProxyUrl: got "proxy.corp:3128"; expected an http:\/\/ or https:\/\/ URL/],
    ['CA that is not PEM', { environment: { caCertificates: 'MIIB...' } }, /environment.caCertificates: got "MIIB..."; expected one or more PEM certificates/],
    ['toleration with a value and Exists', { environment: { tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] } }, /environment.tolerations\[0\].value: got "v"; operator "Exists" takes no value/],
    ['tolerationSeconds without NoExecute', { environment: { tolerations: [{ key: 'k', value: 'v', tolerationSeconds: 5 }] } }, /tolerationSeconds applies only to effect "NoExecute"/],
    ['plaintext secret without the opt-in', { cloudAccessKey: { 'access-key': 'x' } as any }, /cloudAccessKey: got "<redacted>"; expected a SecretSource .*, not a plain object/],
    ['typed key set again through the escape hatch', { agentValues: { config: { logLevel: 'DEBUG' } } }, /agentValues.config.logLevel: got "<set>"; "config.logLevel" is set from a typed prop/],
    ['access key hash that is not SHA-256 hex', { accessKeyHash: 'abc' }, /accessKeyHash: got "<redacted>"; expected 64 lowercase hex digits/],
    ['grpc URL with a scheme', { grpcServerUrl: 'https://grpc.cloud.qdrant.io' }, /grpcServerUrl: got "https:\/\/grpc.cloud.qdrant.io"; expected a host name/],
  ];

  test.each(cases)('%s', (_name, overrides, message) => {
    // GIVEN the row's region props
    // WHEN / THEN creating the region is refused with the row's message
    expect(configErrorOf(() => region(overrides)).message).toMatch(message);
  });

  test('a given access key hash that contradicts the plaintext key', () => {
    // GIVEN a plaintext access key and an accessKeyHash that is not its hash
    // WHEN / THEN creating the region is refused: leave the hash unset
    expect(() => region({ accessKeyHash: 'b'.repeat(64), cloudAccessKey: SecretSource.plaintextCommittedToGit({ 'access-key': ACCESS_KEY }) }))
      .toThrow(/accessKeyHash: got "b{64}"; leave it unset/);
  });

  test('the error carries construct, prop, value and what is allowed', () => {
    // GIVEN a namespace that is not a DNS-1123 label
    // WHEN the region is created
    const err = configErrorOf(() => region({ namespace: 'Bad' }));
    // THEN the error names the construct, the prop and the value, and says what is allowed
    expect([err.constructPath, err.prop, err.value]).toEqual(['region-a', 'namespace', 'Bad']);
    expect(err.allowed).toMatch(/DNS-1123 label/);
  });
});
