import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { PLAINTEXT_ANNOTATION } from '../src';
import { showcaseApp } from '../examples/showcase';
import { schemaErrors } from './support/schemas';

/** Every file under a directory, relative path to content. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
  });
  walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe('the showcase app (npm run synth)', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-showcase-'));
  const outdir = path.join(workdir, 'dist');
  showcaseApp({ outdir }).synth();
  const tree = readTree(outdir);
  const folders = [...new Set(Object.keys(tree).filter((f) => f.includes(path.sep)).map((f) => f.split(path.sep)[0]))];
  const objects = Object.entries(tree)
    .filter(([f]) => f.endsWith('.k8s.yaml'))
    .flatMap(([, content]) => parseAllDocuments(content).map((d) => d.toJS()));

  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

  test('writes one folder per example with manifests, kustomization.yaml, side files and README', () => {
    expect(folders.length).toBeGreaterThanOrEqual(2);
    for (const folder of folders) {
      expect(Object.keys(tree)).toEqual(expect.arrayContaining([`${folder}/kustomization.yaml`, `${folder}/README.md`]));
    }
    expect(tree['hybrid-region-flux/environment.json']).toBeDefined();
  });

  test('every emitted object validates strictly against ../shared schemas', () => {
    expect(objects.length).toBeGreaterThan(5);
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('every folder builds with kubectl kustomize', () => {
    for (const folder of folders) {
      const built = execFileSync('kubectl', ['kustomize', path.join(outdir, folder)], { encoding: 'utf8' });
      const manifest = tree[`${folder}/manifests.k8s.yaml`] ?? '';
      expect(parseAllDocuments(built).filter((d) => d.contents !== null).length).toBe(parseAllDocuments(manifest).filter((d) => d.contents !== null).length);
    }
  });

  test('two synths give identical bytes', () => {
    const again = path.join(workdir, 'again');
    showcaseApp({ outdir: again }).synth();
    expect(readTree(again)).toEqual(tree);
  });

  test('no credential in clear text without the marked opt-in', () => {
    for (const o of objects.filter((x) => x.kind === 'Secret' && (x.data || x.stringData))) {
      const isCaOnly = Object.keys({ ...o.data, ...o.stringData }).every((k) => k === 'ca.crt');
      if (!isCaOnly) expect(o.metadata.annotations?.[PLAINTEXT_ANNOTATION]).toBeDefined();
    }
    const plaintext = objects.filter((o) => o.metadata?.annotations?.[PLAINTEXT_ANNOTATION]);
    expect(plaintext.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([]);
  });

  test("the Flux Private Cloud example reproduces Qdrant's documented minimal cluster", () => {
    const [cluster] = parseAllDocuments(tree['private-cloud-flux-clusters/manifests.k8s.yaml']).map((d) => d.toJS());
    const documented = parse(`
      apiVersion: qdrant.io/v1
      kind: QdrantCluster
      metadata:
        name: qdrant-a7d8d973-0cc5-42de-8d7b-c29d14d24840
        labels: {cluster-id: "a7d8d973-0cc5-42de-8d7b-c29d14d24840", customer-id: "acme-industries"}
      spec:
        id: "a7d8d973-0cc5-42de-8d7b-c29d14d24840"
        version: "v1.11.3"
        size: 1
        resources: {cpu: 100m, memory: "1Gi", storage: "2Gi"}`);
    const { namespace, annotations, ...metadata } = cluster.metadata;
    expect({ ...cluster, metadata }).toEqual(documented);
    expect([namespace, annotations]).toEqual(['qdrant', { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' }]);
  });

  test('output snapshot', () => {
    expect(tree).toMatchSnapshot();
  });
});
