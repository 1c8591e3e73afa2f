import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hybridFleetApp } from '../examples/hybrid-fleet';
import { readmeNameProblems } from './support/readme-names';
import { schemaErrors } from './support/schemas';

// The fleet of issue 22 (examples/hybrid-fleet.ts): three Hybrid regions on three Kubernetes
// clusters through one central Argo CD, External Secrets, a mirror with a private CA, two
// declared clusters with TLS, an API key, an Ingress and daily snapshots, monitoring on,
// and a Flux Private Cloud site. It must synthesise without a warning, and every scrape
// must be able to succeed: each database is scraped once, the way it serves.

const CORP_CA = fs.readFileSync(path.join(__dirname, '..', 'examples', 'assets', 'corp-ca.pem'), 'utf8');

/** Whether a PodMonitor selector selects pods with these labels (matchLabels and the NotIn / In expressions the library writes). */
function selects(selector: any, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e: any) =>
    (e.operator === 'NotIn' ? !e.values.includes(labels[e.key]) : e.operator === 'In' ? e.values.includes(labels[e.key]) : false));
  return byLabel && byExpression;
}

describe('the fleet of issue 22', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-fleet-'));
  const app = hybridFleetApp({ outdir: path.join(dir, 'dist') });
  const printed: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => { printed.push(String(chunk)); return true; });
  try {
    app.synth();
  } finally {
    stderr.mockRestore();
  }
  const folders = app.render();
  const objects = folders.flatMap((f) => f.objects);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('synthesises without a single warning, every object valid, every README naming only what exists', () => {
    // The plan, and on a first synth the line that there was nothing to compare with, are all it prints.
    expect(printed.filter((l) => !l.startsWith('cdk8s-qdrant plan: ') && !l.includes('THE GUARDS HAD NOTHING TO COMPARE WITH'))).toEqual([]);
    expect(folders.flatMap((f) => f.warnings)).toEqual([]);
    expect(schemaErrors(objects)).toEqual([]);
    expect(readmeNameProblems(folders, fs.readFileSync(path.join(dir, 'dist', 'README.md'), 'utf8'))).toEqual([]);
    expect(folders.map((f) => f.folder)).toEqual([
      'ap-1', 'ap-1-clusters', 'ap-1-prerequisites', 'argocd-bootstrap', 'eu-1', 'eu-1-clusters', 'eu-1-prerequisites',
      'flux-onprem', 'onprem', 'us-1', 'us-1-clusters', 'us-1-prerequisites',
    ]);
  });

  test('every declared cluster is scraped by exactly one PodMonitor, over HTTPS with its CA, with its own API key, and Prometheus is admitted', () => {
    const declared = folders.flatMap((f) => f.objects.filter((o) => o.kind === 'QdrantCluster').map((c) => ({ folder: f, cluster: c })));
    expect(declared).toHaveLength(2);
    for (const { folder, cluster } of declared) {
      // Pods of a cluster carry app: qdrant and its cluster-id; the region's monitors are in the same folder (its Kubernetes cluster).
      const labels = { 'app': 'qdrant', 'cluster-id': cluster.spec.id };
      const monitors = folder.objects.filter((o) => o.kind === 'PodMonitor' && o.metadata.namespace === cluster.metadata.namespace && selects(o.spec.selector, labels));
      expect(monitors.map((m) => m.metadata.name)).toEqual([`${cluster.metadata.name}-metrics`]);
      const [endpoint] = monitors[0].spec.podMetricsEndpoints;
      const config = cluster.spec.config;
      expect(config.service.enable_tls).toBe(true);
      expect(endpoint).toMatchObject({
        portNumber: 6333, scheme: 'https',
        tlsConfig: { ca: { secret: config.tls.caCert.secretKeyRef }, serverName: `${cluster.metadata.name}.${cluster.metadata.namespace}.svc` },
        authorization: { type: 'Bearer', credentials: config.service.api_key.secretKeyRef },
      });
      const admitted = folder.objects.filter((o) => o.kind === 'NetworkPolicy' && selects(o.spec.podSelector, labels)
        && o.spec.ingress.some((i: any) => i.from.some((p: any) => p.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring')));
      expect(admitted.length).toBeGreaterThan(0);
    }
  });

  test('each Ingress talks HTTPS to its TLS cluster, and its certificate is a Secret to provide', () => {
    const ingresses = folders.flatMap((f) => f.objects.filter((o) => o.kind === 'Ingress').map((i) => ({ folder: f, ingress: i })));
    expect(ingresses).toHaveLength(2);
    for (const { folder, ingress } of ingresses) {
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']).toBe('HTTPS');
      const secretName = ingress.spec.tls[0].secretName;
      expect(folder.files['README.md']).toContain(`- \`qdrant/${secretName}\` (kubernetes.io/tls, keys \`tls.crt\`, \`tls.key\`): certificate of Ingress ${ingress.metadata.name}`);
      // Its own name: never the cluster's certificate Secret, which it would overwrite.
      expect(secretName).not.toBe('search-tls');
    }
  });

  test('the mirror\'s private CA reaches every region\'s environment.json, Argo CD and Flux', () => {
    for (const region of ['eu-1', 'us-1', 'ap-1']) {
      const folder = folders.find((f) => f.folder === region)!;
      expect(JSON.parse(folder.files['environment.json']).configuration.ca_certificates).toBe(CORP_CA);
      expect(folder.files['argocd-tls-certs-cm.yaml']).toContain('harbor.corp.example');
    }
    expect(folders.find((f) => f.folder === 'onprem')!.objects.find((o) => o.kind === 'OCIRepository').spec.certSecretRef).toEqual({ name: 'qdrant-registry-ca' });
  });
});
