import { ArgoCdDelivery, FluxDelivery, OperatorSettings, PRIVATE_CLOUD_RELEASES, QdrantOperatorProps, SecretSource } from '../src';
import { noticesOf } from '../src/core/notices';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { privateCloudOperator } from './support/stacks';
import { findObject, ids, objectsOf, testApp } from './support/synth';

const creds = () => SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'r', property: 'u' }, password: { key: 'r', property: 'p' } } });

function operator(overrides: Partial<QdrantOperatorProps> = {}) {
  const chart = privateCloudOperator(testApp(), { namespace: 'qdrant-private-cloud', delivery: new FluxDelivery(), registryCredentials: creds(), ...overrides });
  return { chart, objects: objectsOf(chart) };
}

const valuesOf = (objects: any[]) => findObject(objects, 'HelmRelease', 'qdrant-private-cloud').spec.values;

describe('QdrantOperator releases', () => {
  test('Flux: CRD chart first, operator depends on it, versions from the compatibility table', () => {
    // GIVEN an operator delivered by Flux with default props
    // WHEN it is rendered
    const { objects } = operator();
    // THEN the objects come in order, the CRD chart at its table version, and the operator release depends on it
    expect(ids(objects)).toEqual([
      'Namespace//qdrant-private-cloud',
      'ExternalSecret/qdrant-private-cloud/qdrant-registry-creds',
      'OCIRepository/qdrant-private-cloud/qdrant-private-cloud-crds',
      'HelmRelease/qdrant-private-cloud/qdrant-private-cloud-crds',
      'OCIRepository/qdrant-private-cloud/qdrant-private-cloud',
      'HelmRelease/qdrant-private-cloud/qdrant-private-cloud',
    ]);
    expect(findObject(objects, 'OCIRepository', 'qdrant-private-cloud-crds').spec).toMatchObject({
      url: 'oci://registry.cloud.qdrant.io/qdrant-charts/qdrant-kubernetes-api', ref: { tag: 'v1.23.0' },
    });
    expect(findObject(objects, 'OCIRepository', 'qdrant-private-cloud').spec.ref).toEqual({ tag: '1.9.6' });
    expect(findObject(objects, 'HelmRelease', 'qdrant-private-cloud').spec.dependsOn).toEqual([{ name: 'qdrant-private-cloud-crds', namespace: 'qdrant-private-cloud' }]);
    expect(findObject(objects, 'HelmRelease', 'qdrant-private-cloud-crds').spec.releaseName).toBe('qdrant-private-cloud-crds');
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('Argo CD: waves order secrets, CRDs, operator; the CRD app is never pruned and applies server-side', () => {
    // GIVEN an operator delivered by Argo CD
    // WHEN it is rendered
    const { objects } = operator({ delivery: new ArgoCdDelivery() });
    // THEN the pull secret's wave precedes the CRD app's, which precedes the operator's; the CRD app never prunes
    const wave = (o: any) => Number(o.metadata.annotations['argocd.argoproj.io/sync-wave']);
    const crds = findObject(objects, 'Application', 'qdrant-private-cloud-qdrant-private-cloud-crds');
    const op = findObject(objects, 'Application', 'qdrant-private-cloud-qdrant-private-cloud');
    expect(wave(findObject(objects, 'ExternalSecret', 'qdrant-registry-creds'))).toBeLessThan(wave(crds));
    expect(wave(crds)).toBeLessThan(wave(op));
    expect(crds.spec.syncPolicy).toEqual({
      automated: { prune: false, selfHeal: true }, syncOptions: ['CreateNamespace=false', 'ServerSideApply=true'],
      retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } },
    });
    expect(crds.spec.source).toMatchObject({ chart: 'qdrant-kubernetes-api', targetRevision: 'v1.23.0' });
    expect(op.spec.source.helm.releaseName).toBe('qdrant-private-cloud');
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('every release of the table resolves its CRD chart', () => {
    // GIVEN each release of the compatibility table
    // WHEN / THEN an operator of its chart version picks the release's CRD chart version
    for (const r of PRIVATE_CLOUD_RELEASES) {
      expect(operator({ chartVersion: r.chartVersion }).chart.crdChartVersion).toBe(r.crdChartVersion);
    }
  });
});

describe('QdrantOperator values', () => {
  test('pull secrets on operator, cluster-manager, exporter and the database image', () => {
    // GIVEN an operator with registry credentials
    // WHEN it is rendered
    const values = valuesOf(operator().objects);
    // THEN the operator, cluster-manager, exporter and database image all use the pull secret
    expect(values.operator.imagePullSecrets).toEqual([{ name: 'qdrant-registry-creds' }]);
    expect(values['qdrant-cluster-manager'].imagePullSecrets).toEqual([{ name: 'qdrant-registry-creds' }]);
    expect(values['qdrant-cluster-exporter'].imagePullSecrets).toEqual([{ name: 'qdrant-registry-creds' }]);
    expect(values.operator.settings.features.clusterManagement.qdrant.image.pullSecretName).toBe('qdrant-registry-creds');
  });

  test('the settings tree maps key by key to the documented wire names', () => {
    // GIVEN a value for every key of the typed settings tree
    const settings: OperatorSettings = {
      appEnvironment: 'kubernetes',
      logLevel: 'DEBUG',
      metrics: { port: 9290 },
      healthz: { port: 8285 },
      controller: { forceResyncPeriod: '10h', qps: 200, burst: 500, disableOperatorVersionCheck: true },
      features: {
        clusterManagement: {
          enable: true,
          storageClass: { database: 'fast', snapshot: 'slow' },
          qdrant: {
            image: { repository: 'registry.cloud.qdrant.io/qdrant/qdrant', pullPolicy: 'IfNotPresent', pullSecretName: 'other-creds' },
            storage: { performance: { optimizerCpuBudget: -1, asyncScorer: true } },
            logLevel: 'WARN',
            securityContext: { enabled: true, user: 1000, fsUser: 2000, group: 3000 },
            networkPolicies: {
              enable: true,
              ingress: [{ ports: [{ port: 6333 }, { port: 6334 }] }],
              egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
            },
          },
          scheduling: {
            topologySpreadConstraints: [{ topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' }],
            podDisruptionBudget: { maxUnavailable: 1 },
          },
          clusterManager: {
            enable: true, endpointAddress: 'http://qdrant-cluster-manager', invocationInterval: '10s', timeout: '30s',
            manageRulesOverrides: { dryRun: true, maxTransfers: 2, maxTransfersPerCollection: 1 },
          },
          ingress: { enable: false, provider: 'KubernetesIngress', kubernetesIngress: { ingressClassName: 'nginx' } },
          telemetryTimeout: '3s',
          maxConcurrentReconciles: 20,
          volumeExpansionMode: 'Offline',
        },
        backupManagement: {
          enable: true,
          snapshots: { enable: true, volumeSnapshotClass: 'csi-snapclass', retainUnsuccessful: '72h', maxConcurrentReconciles: 1 },
          scheduledSnapshots: { enable: true, removeCronJobs: true, maxConcurrentReconciles: 1 },
          restores: { enable: true, maxConcurrentReconciles: 1 },
        },
      },
    };
    // WHEN / THEN the rendered settings hold each key under its documented wire name, with defaults filled in
    expect(valuesOf(operator({ settings }).objects).operator.settings).toEqual({
      appEnvironment: 'kubernetes',
      logLevel: 'DEBUG',
      metrics: { port: 9290 },
      healthz: { port: 8285 },
      controller: { forceResyncPeriod: '10h', qps: 200, burst: 500, disableOperatorVersionCheck: true },
      features: {
        clusterManagement: {
          enable: true,
          storageClass: { database: 'fast', snapshot: 'slow' },
          qdrant: {
            image: { repository: 'registry.cloud.qdrant.io/qdrant/qdrant', pullPolicy: 'IfNotPresent', pullSecretName: 'other-creds' },
            storage: { performance: { optimizerCpuBudget: -1, asyncScorer: true } },
            logLevel: 'WARN',
            securityContext: { enabled: true, user: 1000, fsUser: 2000, group: 3000 },
            networkPolicies: {
              enable: true,
              ingress: [{ ports: [{ port: 6333, protocol: 'TCP' }, { port: 6334, protocol: 'TCP' }] }],
              egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
            },
          },
          scheduling: {
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' }],
            podDisruptionBudget: { maxUnavailable: 1 },
          },
          clusterManager: {
            enable: true, endpointAddress: 'http://qdrant-cluster-manager', invocationInterval: '10s', timeout: '30s',
            manageRulesOverrides: { dry_run: true, max_transfers: 2, max_transfers_per_collection: 1 },
          },
          ingress: { enable: false, provider: 'KubernetesIngress', kubernetesIngress: { ingressClassName: 'nginx' } },
          telemetryTimeout: '3s',
          maxConcurrentReconciles: 20,
          volumeExpansionMode: 'Offline',
        },
        backupManagement: {
          enable: true,
          snapshots: { enable: true, volumeSnapshotClass: 'csi-snapclass', retainUnsuccessful: '72h', maxConcurrentReconciles: 1 },
          scheduledSnapshots: { enable: true, removeCronJobs: true, maxConcurrentReconciles: 1 },
          restores: { enable: true, maxConcurrentReconciles: 1 },
        },
      },
    });
  });

  test('operator block: watch scope, RBAC, resources, scheduling', () => {
    // GIVEN an operator block with a wider watch, labels, resources and scheduling, and two cluster-manager replicas
    // WHEN it is rendered
    const { chart, objects } = operator({
      operator: {
        watchOnlyReleaseNamespace: false, watchNamespaces: ['team-a', 'team-b'], serviceMonitor: true,
        customLabels: { team: 'search' }, podAnnotations: { 'example.com/a': 'b' },
        resources: { limits: { cpu: '1', memory: '1Gi' } },
        nodeSelector: { pool: 'system' }, tolerations: [{ key: 'dedicated', value: 'qdrant', effect: 'NoSchedule' }],
        imagePullPolicy: 'Always',
      },
      clusterManager: { replicaCount: 2, podAnnotations: { 'example.com/x': 'y' } },
    });
    // THEN the chart values carry each, and the operator reports the namespaces it watches
    expect(valuesOf(objects)['qdrant-cluster-manager']).toMatchObject({ replicaCount: 2, podAnnotations: { 'example.com/x': 'y' } });
    expect(valuesOf(objects).operator).toMatchObject({
      watch: { onlyReleaseNamespace: false, namespaces: ['team-a', 'team-b'] },
      serviceMonitor: { enabled: true },
      customLabels: { team: 'search' },
      image: { pullPolicy: 'Always' },
      resources: { limits: { cpu: '1', memory: '1Gi' } },
      nodeSelector: { pool: 'system' },
      tolerations: [{ key: 'dedicated', value: 'qdrant', effect: 'NoSchedule' }],
    });
    expect(chart.watchedNamespaces).toEqual(['team-a', 'team-b']);
    expect(chart.watches('team-a')).toBe(true);
    expect(chart.watches('qdrant-private-cloud')).toBe(false);
  });

  test('watch scope defaults to the release namespace; cluster-wide needs limitRbac false', () => {
    // GIVEN an operator with the default watch scope
    // WHEN / THEN it watches only its release namespace
    expect(operator().chart.watchedNamespaces).toEqual(['qdrant-private-cloud']);
    // GIVEN one with a cluster-wide watch and limitRbac false
    const all = operator({ operator: { watchOnlyReleaseNamespace: false, limitRbac: false } }).chart;
    // THEN it watches every namespace
    expect(all.watchedNamespaces).toBe('all');
    expect(all.watches('anything')).toBe(true);
  });

  test('escape hatches pass values through with a visible warning', () => {
    // GIVEN settings and chart values the library does not type
    // WHEN the operator is rendered
    const { chart, objects } = operator({ extraSettings: { futureFeature: { enable: true } }, extraValues: { global: { x: 1 } } });
    // THEN they pass through unchanged and each escape hatch warns, naming its keys
    expect(valuesOf(objects).operator.settings.futureFeature).toEqual({ enable: true });
    expect(valuesOf(objects).global).toEqual({ x: 1 });
    expect(noticesOf(chart, 'warning')).toEqual([
      '[pc] extraSettings passes keys the library does not check: futureFeature [rule unchecked-extra-settings]',
      '[pc] extraValues passes chart values the library does not check: global [rule unchecked-extra-values]',
    ]);
  });

  test('an unknown version warns and needs an explicit CRD chart', () => {
    // GIVEN a chart version missing from the compatibility table
    // WHEN / THEN without crdChartVersion the operator is refused
    expect(() => operator({ chartVersion: '1.10.0' })).toThrow(/\[pc\] crdChartVersion: got nothing; Private Cloud 1.10.0 is not in the library's compatibility table/);
    // Releases after 1.9.6 exist, but no source gives their components (qdrant-facts.md §13): never guessed, and the error says so.
    expect(() => operator({ chartVersion: '1.9.7' })).toThrow(/crdChartVersion: got nothing; Private Cloud 1.9.7 exists, but its component versions are not sourced \(a review comment on qdrant\/landing_page PR #2386 names qdrant-kubernetes-api v1.34.0, which the merged table does not confirm; qdrant-facts.md §13\), so the library does not guess them; set crdChartVersion/);
    expect(() => operator({ chartVersion: '1.9.15' })).toThrow(/Private Cloud 1.9.15 exists, but its component versions are not sourced \(no component table was found/);
    expect(() => operator({ chartVersion: '1.9.15', crdChartVersion: 'v1.37.6' })).not.toThrow();
    // WHEN a CRD chart version is given
    const { chart } = operator({ chartVersion: '1.10.0', crdChartVersion: 'v1.30.0' });
    // THEN the operator is made, with a warning to check the pair
    expect(noticesOf(chart, 'warning')).toEqual(['[pc] Private Cloud 1.10.0 is not in the compatibility table; check that qdrant-kubernetes-api v1.30.0 matches it [rule release-not-in-compatibility-table]']);
  });

  test('a CRD chart newer than the release ships with warns', () => {
    // GIVEN Private Cloud 1.9.6 with a later qdrant-kubernetes-api than its own
    const { chart } = operator({ chartVersion: '1.9.6', crdChartVersion: 'v1.37.6' });
    // THEN the operator is made, with a warning naming both versions and the rule
    expect(noticesOf(chart, 'warning')).toEqual([
      expect.stringMatching(/^\[pc\] crdChartVersion v1.37.6 is newer than v1\.\d+\.\d+, the version Private Cloud 1.9.6 ships with \[rule crd-chart-newer-than-release\]$/),
    ]);
  });
});

describe('QdrantOperator bad input', () => {
  const cases: Array<[string, Partial<QdrantOperatorProps>, RegExp]> = [
    ['incompatible chart pair', { crdChartVersion: 'v1.16.3' }, /crdChartVersion: got "v1.16.3"; Private Cloud 1.9.6 needs qdrant-kubernetes-api v1.23.0 or later/],
    ['malformed chart version', { chartVersion: 'latest' }, /chartVersion: got "latest"; expected a qdrant-private-cloud chart version in semver form without "v"/],
    ['chart version with a "v"', { chartVersion: 'v1.9.6' }, /chartVersion: got "v1.9.6"; expected the chart version without "v", such as "1.9.6" \(qdrant-private-cloud tags have none\)/],
    ['malformed duration', { settings: { controller: { forceResyncPeriod: '10 hours' } } }, /settings.controller.forceResyncPeriod: got "10 hours"; expected a duration/],
    ['port out of range', { settings: { metrics: { port: 70000 } } }, /settings.metrics.port: got 70000; expected an integer from 1 to 65535/],
    ['enum value', { settings: { features: { clusterManagement: { volumeExpansionMode: 'online' as any } } } }, /volumeExpansionMode: got "online"; expected one of "Online", "Offline"/],
    ['boolean as string', { settings: { features: { backupManagement: { enable: 'yes' as any } } } }, /backupManagement.enable: got "yes"; expected true or false/],
    ['unknown settings key through an untyped caller', { settings: { features: { clusterManagment: {} } } as any }, /settings.features.clusterManagment: got \{\}; unknown key; did you mean "clusterManagement"\?; expected one of "clusterManagement", "backupManagement"/],
    ['network policy opening the P2P port', { settings: { features: { clusterManagement: { qdrant: { networkPolicies: { ingress: [{ ports: [{ port: 6335 }] }] } } } } } }, /ingress\[0\].ports\[0\].port: got 6335; port 6335 is Qdrant's internal peer-to-peer port/],
    ['PDB with both fields', { settings: { features: { clusterManagement: { scheduling: { podDisruptionBudget: { maxUnavailable: 1, minAvailable: 1 } } } } } }, /podDisruptionBudget: .*set maxUnavailable or minAvailable, not both/],
    ['request above limit', { operator: { resources: { requests: { cpu: '2' }, limits: { cpu: '500m' } } } }, /operator.resources.requests.cpu: got "2"; a request may not exceed its limit \(500m\)/],
    ['image pull policy', { clusterExporter: { imagePullPolicy: 'always' as any } }, /clusterExporter.imagePullPolicy: got "always"; expected one of "Always", "IfNotPresent", "Never"/],
    ['watch namespaces ignored', { operator: { watchNamespaces: ['a'] } }, /operator.watchNamespaces: got \["a"\]; takes effect only with watchOnlyReleaseNamespace: false/],
    ['cluster-wide watch with limited RBAC', { operator: { watchOnlyReleaseNamespace: false } }, /operator.limitRbac: got nothing; a cluster-wide watch .* needs limitRbac: false/],
    ['escape hatch overriding a typed setting', { settings: { logLevel: 'INFO' }, extraSettings: { logLevel: 'DEBUG' } }, /extraSettings.logLevel: got "<set>"; "logLevel" is set from a typed prop/],
    ['escape hatch overriding the pull secrets', { extraValues: { operator: { imagePullSecrets: [] } } }, /extraValues.operator.imagePullSecrets: got "<set>"; "operator.imagePullSecrets" is set from a typed prop/],
    ['Flux retries', { delivery: new FluxDelivery({ retries: -1 }) }, /\[pc\] delivery.retries: got -1; expected an integer from 0 to 100/],
    ['Flux interval', { delivery: new FluxDelivery({ interval: '5 minutes' }) }, /delivery.interval: got "5 minutes"; expected a duration/],
    ['Argo CD namespace', { delivery: new ArgoCdDelivery({ argoCdNamespace: 'Argo' }) }, /delivery.argoCdNamespace: got "Argo"; expected a DNS-1123 label/],
    ['cluster-manager URL that is not a URL', { settings: { features: { clusterManagement: { clusterManager: { endpointAddress: 'qdrant-cluster-manager' } } } } }, /endpointAddress: got "qdrant-cluster-manager"; expected an http/],
  ];

  test.each(cases)('%s', (_name, overrides, message) => {
    // GIVEN the row's operator props
    // WHEN / THEN creating the operator is refused with the row's message
    expect(configErrorOf(() => operator(overrides)).message).toMatch(message);
  });
});
