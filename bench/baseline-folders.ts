import * as fs from 'fs';
import * as path from 'path';
import { qdrantHealthCheckExprs } from '../src/health/flux-health';
import { clusterId, CLUSTERS_PER_STACK, stackNamespace } from './fleet-ids';

/**
 * The benchmark workload's output folders spelled out by hand, for the baselines that
 * write it without the library. `npm run bench` checks that they give the library's
 * bytes, so a change of the library's output shows up there as a failed check.
 */

/** One output folder: its manifest objects and README notes. */
export interface Folder {
  readonly name: string;
  readonly objects: any[];
  readonly notes: string[];
}

// Fresh objects each time: the yaml package writes anchors for an object it meets twice.
const PULL_SECRET = 'qdrant-registry-creds';
const ociLayer = () => ({ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' });
const helmAction = () => ({ crds: 'CreateReplace', remediation: { retries: 3 } });
const pullSecrets = () => [{ name: PULL_SECRET }];
/** Objects whose deletion loses data are never pruned. */
const protectedMetadata = (name: string, namespace?: string) => ({ annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' }, name, ...(namespace ? { namespace } : {}) });

function externalSecret(name: string, namespace: string, data: { key: string; secretKey: string }[], template: any): any {
  return {
    apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace },
    spec: {
      data: data.map((d) => ({ remoteRef: { key: d.key }, secretKey: d.secretKey })),
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
      target: { creationPolicy: 'Owner', name, template },
    },
  };
}

function chartRelease(name: string, namespace: string, tag: string, chart: string, extra: any): any[] {
  const metadata = () => (extra.installsCrds ? protectedMetadata(name, namespace) : { name, namespace });
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata: metadata(),
      spec: { interval: '10m', layerSelector: ociLayer(), ref: { tag }, secretRef: { name: PULL_SECRET }, url: `oci://registry.cloud.qdrant.io/qdrant-charts/${chart}` },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: metadata(),
      spec: { chartRef: { kind: 'OCIRepository', name }, ...extra.dependsOn, install: helmAction(), interval: '10m', releaseName: name, upgrade: helmAction(), values: extra.values },
    },
  ];
}

function operatorFolder(ns: string): Folder {
  const dockerConfig = '{"auths":{"registry.cloud.qdrant.io":{"username":{{ (index . "username") | toJson }},"password":{{ (index . "password") | toJson }},'
    + '"auth":"{{ printf "%s:%s" (index . "username") (index . "password") | b64enc }}"}}}';
  return {
    name: ns,
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: protectedMetadata(ns) },
      externalSecret(PULL_SECRET, ns, [{ key: 'registry', secretKey: 'password' }, { key: 'registry', secretKey: 'username' }],
        { data: { '.dockerconfigjson': dockerConfig }, engineVersion: 'v2', type: 'kubernetes.io/dockerconfigjson' }),
      ...chartRelease('qdrant-private-cloud-crds', ns, 'v1.23.0', 'qdrant-kubernetes-api', { values: {}, installsCrds: true }),
      ...chartRelease('qdrant-private-cloud', ns, '1.9.6', 'qdrant-private-cloud', {
        dependsOn: { dependsOn: [{ name: 'qdrant-private-cloud-crds', namespace: ns }] },
        values: {
          'operator': { imagePullSecrets: pullSecrets(), settings: { features: { clusterManagement: { qdrant: { image: { pullSecretName: PULL_SECRET } } } } } },
          'qdrant-cluster-exporter': { imagePullSecrets: pullSecrets() },
          'qdrant-cluster-manager': { imagePullSecrets: pullSecrets() },
        },
      }),
    ],
    notes: [
      `Qdrant Private Cloud 1.9.6 (CRDs v1.23.0) in namespace \`${ns}\`; watches \`${ns}\`.`,
      `Flux: HelmRelease \`qdrant-private-cloud\` depends on \`qdrant-private-cloud-crds\`; clusters live in \`${ns}-clusters\`, applied after this folder is ready (point Flux at \`${ns}-entry\`: Kustomizations \`${ns}-stack\` and \`${ns}-clusters\`).`,
      `Flux health: the Kustomization that applies \`${ns}-clusters\` waits (\`wait: true\`, timeout 15m) until its QdrantCluster, QdrantClusterSnapshot, QdrantClusterScheduledSnapshot, QdrantClusterRestore objects are healthy by their \`status.phase\` (\`healthCheckExprs\` in CEL, qdrant-facts.md §13): a failed phase fails it, a cluster suspended on purpose counts as ready.`,
    ],
  };
}

function clusterObjects(ns: string, s: number, c: number): any[] {
  const id = clusterId(s, c);
  const name = `qdrant-${id}`;
  const metadata = () => ({ annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' }, labels: { 'cluster-id': id, 'customer-id': 'bench' } });
  return [
    externalSecret(`${name}-api-key`, ns, [{ key: `db/${s}/${c}`, secretKey: 'api-key' }],
      { data: { 'api-key': '{{ index . "api-key" }}' }, engineVersion: 'v2', type: 'Opaque' }),
    {
      apiVersion: 'qdrant.io/v1', kind: 'QdrantCluster', metadata: { ...metadata(), name, namespace: ns },
      spec: {
        config: { service: { api_key: { secretKeyRef: { key: 'api-key', name: `${name}-api-key` } } } },
        id, resources: { cpu: '2', memory: '8Gi', storage: '100Gi' }, size: 3, version: 'v1.16.3',
      },
    },
    {
      apiVersion: 'qdrant.io/v1', kind: 'QdrantClusterScheduledSnapshot', metadata: { ...metadata(), name: `nightly-${c}`, namespace: ns },
      spec: { 'cluster-id': id, 'retention': '72h', 'schedule': '0 2 * * *', 'scheduleShortId': id.slice(0, 8) },
    },
  ];
}

/** Named after the stack's namespace; `folder` is the chart id's folder. */
function fluxKustomization(name: string, folder: string, dependsOn?: string): any {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name, namespace: 'flux-system' },
    spec: {
      ...(dependsOn ? { dependsOn: [{ name: dependsOn }] } : {}),
      // The clusters' Kustomization (the one that depends on the stack) waits for the Qdrant objects' phases.
      ...(dependsOn ? { healthCheckExprs: qdrantHealthCheckExprs() } : {}),
      interval: '10m', path: `./dist/${folder}`, prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' }, timeout: '15m', wait: true,
    },
  };
}

/** The three folders of stack `s`, as the library writes them. */
function stackFolders(s: number): Folder[] {
  const ns = stackNamespace(s);
  const clusters: any[] = [];
  for (let c = 0; c < CLUSTERS_PER_STACK; c++) clusters.push(...clusterObjects(ns, s, c));
  return [
    operatorFolder(ns),
    { name: `${ns}-clusters`, objects: clusters, notes: [] },
    { name: `${ns}-entry`, objects: [fluxKustomization(`${ns}-stack`, ns), fluxKustomization(`${ns}-clusters`, `${ns}-clusters`, `${ns}-stack`)], notes: [] },
  ];
}

function readme(f: Folder): string {
  return [
    `# ${f.name}`, '', 'Generated by cdk8s-qdrant; do not edit. Change the TypeScript and synthesise again.', '',
    ...f.notes.map((n) => `- ${n}`), '',
    '| Kind | Namespace | Name | Argo CD wave |', '| --- | --- | --- | --- |',
    ...f.objects.map((o) => `| ${o.kind} | ${o.metadata.namespace ?? ''} | ${o.metadata.name} |  |`), '',
  ].join('\n');
}

/** Every folder of the workload with `clusters` clusters, stack by stack. */
export function* workloadFolders(clusters: number): Generator<Folder> {
  for (let s = 0; s < clusters / CLUSTERS_PER_STACK; s++) yield* stackFolders(s);
}

/** kustomization.yaml and README.md of a folder, written with `toYaml`. */
export function writeSideFiles(dir: string, f: Folder, toYaml: (doc: any) => string): void {
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['manifests.k8s.yaml'] }));
  fs.writeFileSync(path.join(dir, 'README.md'), readme(f));
}
