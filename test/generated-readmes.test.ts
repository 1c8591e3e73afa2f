import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArgoCdDelivery, Delivery, FluxDelivery, QdrantApp, SecretSource } from '../src';
import { showcaseApp } from '../examples/showcase';
import { readmeNameProblems } from './support/readme-names';
import { clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';

// A generated README is what a user follows: every folder, file and object it names in
// backticks must be in the output (a Flux fleet's entry folder is `flux-<cluster>`, not
// `<chart>-entry`), and the fleet README links only to folders that exist.

const CLUSTER = '3f6d0a52-8c1e-4b7a-9d2f-61e0c5b4a387';
const GIT = { url: 'https://git.example.com/platform/gitops.git', revision: 'main' };

/** Every way a stack's folders are laid out: one Flux, a Flux fleet, Argo CD in its own cluster or sending elsewhere. */
const SHAPES: Record<string, (project: string) => Delivery> = {
  'Flux, one cluster': () => new FluxDelivery(),
  'Flux, fleet cluster onprem': () => new FluxDelivery({ cluster: 'onprem' }),
  'Argo CD, own cluster': (project) => new ArgoCdDelivery({ project }),
  'Argo CD, own cluster, bootstrap': (project) => new ArgoCdDelivery({ project, gitRepository: GIT }),
  'Argo CD, remote destination': (project) => new ArgoCdDelivery({ project, destinationName: 'us-east', gitRepository: GIT }),
};

/** An operator and a region, each with and without declared clusters, delivered one way. */
function appOf(delivery: (project: string) => Delivery, withClusters: boolean): QdrantApp {
  const app = new QdrantApp({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-readmes-')) });
  const monitoring = { prometheusNamespace: 'monitoring' };
  const operator = privateCloudOperator(app, { namespace: 'qdrant-pc', delivery: delivery('private-cloud'), monitoring }, 'private-cloud');
  const region = hybridRegion(app, { environmentId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', namespace: 'qdrant-hybrid', delivery: delivery('hybrid'), monitoring }, 'region');
  if (withClusters) {
    const props = { customerId: 'search', apiKey: SecretSource.existing() };
    operator.addCluster('search', clusterProps({ ...props, id: CLUSTER })).addScheduledSnapshot('daily', { name: 'search-daily', schedule: '0 2 * * *', retention: '72h' });
    region.addCluster('hybrid-search', clusterProps(props), { agentOwnsClustersAcknowledged: true });
  }
  return app;
}

/** Synthesises quietly (warnings are asserted elsewhere) and returns the fleet README. */
function synthFleetReadme(app: QdrantApp): string {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    app.synth();
  } finally {
    stderr.mockRestore();
  }
  return fs.readFileSync(path.join(app.outdir, 'README.md'), 'utf8');
}

describe('generated READMEs name only what the output contains', () => {
  test.each(Object.keys(SHAPES).flatMap((shape) => [[shape, true], [shape, false]] as const))('%s, clusters declared: %s', (shape, withClusters) => {
    // GIVEN an operator and a region delivered that way
    const app = appOf(SHAPES[shape], withClusters);

    // WHEN it is synthesised
    const fleet = synthFleetReadme(app);

    // THEN every name in every README is in the output
    expect(readmeNameProblems(app.render(), fleet)).toEqual([]);
  });

  test('every folder of the showcase', () => {
    const app = showcaseApp({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-readmes-')) });
    const fleet = synthFleetReadme(app);
    expect(readmeNameProblems(app.render(), fleet)).toEqual([]);
  });

  test('a Flux fleet stack names its cluster\'s folder flux-<cluster>, with its Kustomizations', () => {
    // GIVEN the operator of a Flux fleet with a declared cluster
    const folders = appOf(SHAPES['Flux, fleet cluster onprem'], true).render();

    // THEN its README points at flux-onprem, where both Kustomizations are
    const readme = folders.find((f) => f.folder === 'private-cloud')!.files['README.md'];
    expect(readme).toContain('Flux: Kustomization `qdrant-pc-stack` applies this folder, then `qdrant-pc-clusters` applies `private-cloud-clusters` once it is ready; ' +
      'both are in `flux-onprem`, the folder to point the Flux of Kubernetes cluster **onprem** at.');
    expect(readme).not.toContain('private-cloud-entry');
    const entry = folders.find((f) => f.folder === 'flux-onprem')!;
    expect(entry.objects.map((o) => `${o.kind} ${o.metadata.name}`)).toEqual(expect.arrayContaining(['Kustomization qdrant-pc-stack', 'Kustomization qdrant-pc-clusters']));
  });

  test('the checker catches a README naming a folder that is not written', () => {
    // GIVEN a rendered output whose README names the old single-cluster entry folder
    const folders = appOf(SHAPES['Flux, fleet cluster onprem'], true).render();
    const early = folders.map((f) => (f.folder === 'private-cloud'
      ? { ...f, files: { ...f.files, 'README.md': f.files['README.md'].replace('## Picture', '- point Flux at `private-cloud-entry`\n\n## Picture') } } : f));
    // THEN it is reported
    expect(readmeNameProblems(early)).toEqual(['private-cloud/README.md: names private-cloud-entry, which is no folder of the output']);
  });

  test('the object table has an Argo CD wave column only where Argo CD applies the folder; one node is "1 Qdrant node"', () => {
    // GIVEN the same stacks under Flux and under Argo CD, each with one single-node cluster
    const flux = appOf(SHAPES['Flux, one cluster'], true);
    const argo = appOf(SHAPES['Argo CD, own cluster'], true);
    const readmeOf = (app: QdrantApp, folder: string) => app.render().find((f) => f.folder === folder)!.files['README.md'];
    // THEN
    expect(readmeOf(flux, 'private-cloud')).toContain('| Kind | Namespace | Name |\n');
    expect(readmeOf(flux, 'private-cloud')).not.toContain('Argo CD wave');
    expect(readmeOf(argo, 'private-cloud')).toContain('| Kind | Namespace | Name | Argo CD wave |\n');
    expect(readmeOf(argo, 'private-cloud')).toMatch(/\| HelmRelease|\| Application \| argocd \| [a-z-]+ \| 2 \|/);
    expect(synthFleetReadme(flux)).toContain('Qdrant clusters<br/>1 Qdrant node, 1 CPU');
  });
});
