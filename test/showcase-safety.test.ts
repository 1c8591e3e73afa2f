import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { showcaseApp } from '../examples/showcase';

/** Synthesises the showcase (of the given module instance); returns each folder's objects. */
function synthShowcase(app = showcaseApp): Map<string, any[]> {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-showcase-safety-')), 'dist');
  app({ outdir }).synth();
  const folders = fs.readdirSync(outdir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return new Map(folders.sort().map((folder) => {
    const file = path.join(outdir, folder, 'manifests.k8s.yaml');
    return [folder, fs.existsSync(file) ? parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()) : []];
  }));
}

const identity = (o: any) => `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

describe('the showcase never loses data through GitOps', () => {
  test('renaming every construct id renames folders only: the set of Kubernetes object identities is unchanged', () => {
    // GIVEN the showcase as written
    const original = synthShowcase();
    // WHEN every construct id gets a suffix: a fresh module registry in which every
    // Construct (charts, the library's constructs, cdk8s objects) is created with `<id>-x`
    let renamed = new Map<string, any[]>();
    jest.isolateModules(() => {
      jest.doMock('constructs', () => {
        const actual = jest.requireActual('constructs');
        class RenamedConstruct extends actual.Construct {
          constructor(scope: any, id: string) {
            super(scope, scope ? `${id}-x` : id);
          }
        }
        return { ...actual, Construct: RenamedConstruct };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module instance under the mock
      renamed = synthShowcase(require('../examples/showcase').showcaseApp);
    });
    // THEN folders moved, but no object was renamed (under GitOps pruning, a rename is a delete)
    expect([...renamed.keys()].length).toBe(original.size);
    for (const folder of renamed.keys()) expect(folder).toMatch(/-x/);
    const ids = (m: Map<string, any[]>) => [...m.values()].flat().map(identity).sort();
    expect(ids(renamed)).toEqual(ids(original));
  });

  test('every object whose pruning deletes data carries its delivery\'s protection', () => {
    // GIVEN the showcase output
    const folders = synthShowcase();
    const all = [...folders.values()].flat();
    const crdReleases = all.filter((o) => o.spec?.releaseName === 'qdrant-private-cloud-crds' || o.spec?.source?.helm?.releaseName === 'qdrant-private-cloud-crds');
    const crdSources = all.filter((o) => o.kind === 'OCIRepository' && crdReleases.some((r) => r.spec?.chartRef?.name === o.metadata.name && r.metadata.namespace === o.metadata.namespace));
    const dataKinds = new Set(['Namespace', 'QdrantCluster', 'QdrantClusterSnapshot', 'QdrantClusterScheduledSnapshot', 'QdrantClusterRestore']);
    const mustBeProtected = new Set([...all.filter((o) => dataKinds.has(o.kind)), ...crdReleases, ...crdSources]);
    // The showcase has each kind of data-holding object under each delivery.
    const kinds = [...mustBeProtected].map((o) => o.kind);
    expect(new Set(kinds)).toEqual(new Set(['Namespace', 'QdrantCluster', 'QdrantClusterSnapshot', 'QdrantClusterScheduledSnapshot', 'QdrantClusterRestore', 'HelmRelease', 'OCIRepository', 'Application']));

    // WHEN each is looked up with the delivery of its folder
    const unprotected: string[] = [];
    for (const [folder, objects] of folders) {
      const argo = objects.some((o) => o.metadata?.annotations?.['argocd.argoproj.io/sync-wave'] !== undefined);
      for (const o of objects.filter((x) => mustBeProtected.has(x))) {
        const annotations = o.metadata.annotations ?? {};
        const ok = argo
          ? ['Prune=false', 'Delete=false'].every((opt) => (annotations['argocd.argoproj.io/sync-options'] ?? '').split(',').includes(opt))
          : annotations['kustomize.toolkit.fluxcd.io/prune'] === 'disabled';
        if (!ok) unprotected.push(`${folder}: ${identity(o)}`);
      }
    }
    // THEN none is left unprotected
    expect(unprotected).toEqual([]);
  });
});
