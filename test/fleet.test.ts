import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArgoCdDelivery, CLOUD_SECRET_NAME, Delivery, FluxDelivery, ImageMirror, QdrantApp, SecretSource } from '../src';
import { FLEET_CHECKS } from '../src/output/fleet-checks';
import { configErrorOf } from './support/errors';
import { clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';
import { findObject, testApp } from './support/synth';

// One registry credential for the whole fleet: Argo CD keys repository Secrets by URL in its own namespace, whatever the destination.
const registryCredentials = SecretSource.existing();
const region = (app: QdrantApp, id: string, namespace: string, delivery: Delivery) => hybridRegion(app, { namespace, delivery, registryCredentials }, id);
const operator = (app: QdrantApp, id: string, namespace: string, delivery: Delivery) => privateCloudOperator(app, { namespace, delivery }, id);
const GIT = { url: 'https://git.example.com/platform/gitops.git', revision: 'main' };
const folder = (app: QdrantApp, name: string) => app.render().find((f) => f.folder === name);

describe('fleets: many stacks on many Kubernetes clusters', () => {
  test('stacks naming one Flux cluster share its bootstrap folder, with each stack and its clusters in order', () => {
    // GIVEN a region and an operator with a cluster on Flux cluster "eu", and a region on "us"
    const app = testApp();
    region(app, 'region-eu', 'qdrant-hybrid', new FluxDelivery({ cluster: 'eu' }));
    const pc = operator(app, 'pc-eu', 'qdrant', new FluxDelivery({ cluster: 'eu' }));
    pc.addCluster('docs', clusterProps());
    region(app, 'region-us', 'qdrant-hybrid', new FluxDelivery({ cluster: 'us' }));
    // WHEN
    const folders = app.render().map((f) => f.folder);
    const eu = folder(app, 'flux-eu')!.objects;
    // THEN one bootstrap per Kubernetes cluster and no per-stack entry folders
    expect(folders).toEqual(['flux-eu', 'flux-us', 'pc-eu', 'pc-eu-clusters', 'region-eu', 'region-us']);
    expect(eu.map((o) => `${o.metadata.name} ${o.spec.path} ${JSON.stringify(o.spec.dependsOn ?? [])}`)).toEqual([
      'qdrant-hybrid-stack ./dist/region-eu []',
      'qdrant-stack ./dist/pc-eu []',
      'qdrant-clusters ./dist/pc-eu-clusters [{"name":"qdrant-stack"}]',
    ]);
    expect(findObject(folder(app, 'flux-us')!.objects, 'Kustomization', 'qdrant-hybrid-stack').spec.path).toBe('./dist/region-us');
  });

  test('two stacks claiming one namespace on one Kubernetes cluster: the library error names the cluster', () => {
    // GIVEN two Flux stacks in namespace qdrant on cluster "eu"
    const app = testApp();
    region(app, 'region-a', 'qdrant', new FluxDelivery({ cluster: 'eu' }));
    operator(app, 'pc-a', 'qdrant', new FluxDelivery({ cluster: 'eu' }));
    // WHEN / THEN
    const err = configErrorOf(() => app.render());
    expect(err.problems).toEqual([expect.objectContaining({ constructPath: 'pc-a', prop: 'namespace', value: 'qdrant' })]);
    expect(err.message).toContain('Kubernetes cluster "eu" (Flux)');
    expect(err.message).toContain('region-a already installs into it [fleet namespace-claimed-twice]');
  });

  test('two stacks whose Argo CD Applications have one name: refused, naming the prefix to change', () => {
    // GIVEN two operators in different namespaces of one Argo CD, with one name prefix
    const app = testApp();
    operator(app, 'pc-1', 'ns1', new ArgoCdDelivery({ namePrefix: 'p-', project: 'pa' }));
    operator(app, 'pc-2', 'ns2', new ArgoCdDelivery({ namePrefix: 'p-', project: 'pb' }));
    // WHEN / THEN the second operator's Applications would overwrite the first's
    const err = configErrorOf(() => app.render());
    expect(err.problems.map((p) => `${p.constructPath} ${p.value}`)).toEqual(['pc-2 Application argocd/p-qdrant-private-cloud-crds', 'pc-2 Application argocd/p-qdrant-private-cloud']);
    expect(err.message).toMatch(/folder pc-1 applies it too. Give each stack its own delivery.namePrefix \[fleet object-applied-twice\]/);
  });

  test('a Secret written twice in one namespace, as two kinds, is refused like two Secrets of one name', () => {
    // GIVEN a region whose mirror pull secret, an ExternalSecret, takes the name of its Qdrant Cloud access key Secret, a plain Secret
    const pullSecret = SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'm', property: 'u' }, password: { key: 'm', property: 'p' } } });
    const app = new QdrantApp({ outdir: '/nonexistent', mirror: new ImageMirror({
      containerRegistry: 'harbor.example.com/qdrant', chartRepository: 'oci://harbor.example.com/qdrant-charts', pullSecret, pullSecretName: CLOUD_SECRET_NAME,
    }) });
    hybridRegion(app, { registryCredentials: undefined, cloudAccessKey: SecretSource.plaintextCommittedToGit({ 'access-key': 'not-a-real-key' }) });
    // WHEN / THEN the second writer of Secret qdrant/qdrant-cloud-creds is named, with both kinds
    const err = configErrorOf(() => app.render());
    expect(err.problems.map((p) => p.value)).toEqual([expect.stringMatching(new RegExp(`^(Secret|ExternalSecret) qdrant/${CLOUD_SECRET_NAME}$`))]);
    expect(err.message).toMatch(new RegExp(`a Secret no other object writes in Kubernetes cluster ".*"; folder r writes Secret qdrant/${CLOUD_SECRET_NAME} too\\. .*\\[fleet object-applied-twice\\]`));
  });

  test('one StorageClass emitted by two stacks on one Kubernetes cluster: refused; declared once and referenced, it passes', () => {
    // GIVEN two Flux stacks on cluster "eu", each emitting StorageClass qdrant-gp3
    const storageClass = { name: 'qdrant-gp3', provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' } };
    const withStorage = (second: object) => {
      const app = testApp();
      privateCloudOperator(app, { namespace: 'ns1', delivery: new FluxDelivery({ cluster: 'eu' }), registryCredentials, storage: { storageClass } }, 'pc-1');
      privateCloudOperator(app, { namespace: 'ns2', delivery: new FluxDelivery({ cluster: 'eu' }), registryCredentials, storage: { storageClass: { ...storageClass, ...second } } }, 'pc-2');
      return app;
    };
    // WHEN / THEN
    expect(configErrorOf(() => withStorage({}).render()).message)
      .toMatch(/\[pc-2\] objects: got "StorageClass qdrant-gp3"; an object no other folder applies to Kubernetes cluster "eu"; folder pc-1 applies it too. A class is cluster-wide: declare it in one stack and with existing: true/);
    expect(() => withStorage({ existing: true }).render()).not.toThrow();
  });

  test('two Argo CD stacks reading the output from two repositories: refused, naming the output repository', () => {
    // GIVEN two stacks whose root Applications read different repositories
    const app = testApp();
    operator(app, 'pc-a', 'ns-a', new ArgoCdDelivery({ project: 'pa', gitRepository: GIT }));
    operator(app, 'pc-b', 'ns-b', new ArgoCdDelivery({ project: 'pb', gitRepository: { url: 'https://git.example.com/other.git' } }));
    // WHEN / THEN
    expect(configErrorOf(() => app.render()).message)
      .toMatch(/\[pc-b\] delivery.gitRepository.url: got "https:\/\/git.example.com\/other.git"; the repository the whole output is committed to, "https:\/\/git.example.com\/platform\/gitops.git".* \[fleet output-repository\]/);
  });

  test('an Argo CD stack left out of argocd-bootstrap while others are in it warns in its README', () => {
    // GIVEN one stack with a bootstrap root and one without
    const app = testApp();
    operator(app, 'pc-a', 'ns-a', new ArgoCdDelivery({ project: 'pa', gitRepository: GIT }));
    operator(app, 'pc-b', 'ns-b', new ArgoCdDelivery({ project: 'pb' }));
    // WHEN rendered twice (render, then synth do both)
    app.render();
    const readme = folder(app, 'pc-b')!.files['README.md'];
    // THEN the stack left out says how it is applied, once
    expect(readme.match(/not in argocd-bootstrap/g)).toHaveLength(1);
    expect(readme).toMatch(/not in argocd-bootstrap .*\[rule stack-not-in-bootstrap\]/);
    expect(readme).toContain('apply its folder pc-b with an Application of your own, or give the delivery gitRepository');
    expect(folder(app, 'pc-a')!.files['README.md']).not.toContain('not in argocd-bootstrap');
  });

  test('Argo CD knows its own cluster as in-cluster and as the default server', () => {
    // GIVEN the same namespace on Argo CD's own cluster, named two ways, and on a remote cluster
    const clash = testApp();
    region(clash, 'region-a', 'qdrant', new ArgoCdDelivery({ namePrefix: 'a-', destinationName: 'in-cluster' }));
    region(clash, 'region-b', 'qdrant', new ArgoCdDelivery({ namePrefix: 'b-' }));
    const apart = testApp();
    region(apart, 'region-a', 'qdrant', new ArgoCdDelivery({ namePrefix: 'a-', destinationName: 'us-east', gitRepository: GIT }));
    region(apart, 'region-b', 'qdrant', new ArgoCdDelivery({ namePrefix: 'b-', destinationName: 'us-west', gitRepository: GIT }));
    // WHEN / THEN
    expect(configErrorOf(() => clash.render()).message).toContain('Kubernetes cluster "in-cluster" (Argo CD)');
    const app = findObject(folder(apart, 'region-b')!.objects, 'Application', 'b-qdrant-cloud-agent');
    expect(app.spec.destination).toEqual({ name: 'us-west', namespace: 'qdrant' });
  });

  test('the same namespace on two Kubernetes clusters is fine', () => {
    // GIVEN
    const app = testApp();
    region(app, 'region-eu', 'qdrant', new FluxDelivery({ cluster: 'eu' }));
    region(app, 'region-us', 'qdrant', new FluxDelivery({ cluster: 'us' }));
    // WHEN / THEN
    expect(app.render().map((f) => f.folder)).toEqual(['flux-eu', 'flux-us', 'region-eu', 'region-us']);
  });

  test('a stack folder named like a cluster bootstrap is a folder clash, whichever comes first', () => {
    for (const stackFirst of [true, false]) {
      // GIVEN
      const app = testApp();
      if (stackFirst) region(app, 'flux-eu', 'qdrant-a', new FluxDelivery());
      region(app, 'region-eu', 'qdrant-b', new FluxDelivery({ cluster: 'eu' }));
      if (!stackFirst) region(app, 'flux-eu', 'qdrant-a', new FluxDelivery());
      // WHEN / THEN
      expect(configErrorOf(() => app.render()).problems).toEqual([expect.objectContaining({ prop: 'id', value: 'flux-eu' })]);
    }
  });

  test('bad cluster identities are refused', () => {
    // GIVEN / WHEN / THEN
    expect(configErrorOf(() => region(testApp(), 'r', 'qdrant', new FluxDelivery({ cluster: 'EU_1' }))).problems)
      .toEqual([expect.objectContaining({ prop: 'delivery.cluster', value: 'EU_1' })]);
    expect(configErrorOf(() => region(testApp(), 'r', 'qdrant', new ArgoCdDelivery({ destinationName: 'us', destinationServer: 'https://us.example:6443' }))).problems)
      .toEqual([expect.objectContaining({ prop: 'delivery.destinationName', value: 'us', allowed: 'either destinationName or destinationServer, not both' })]);
  });

  test('two Qdrant clusters with one id anywhere in the fleet: the library error', () => {
    // GIVEN the same cluster id on two operators on different Kubernetes clusters
    const app = testApp();
    const cluster = clusterProps();
    operator(app, 'pc-eu', 'qdrant', new FluxDelivery({ cluster: 'eu' })).addCluster('a', cluster);
    operator(app, 'pc-us', 'qdrant', new FluxDelivery({ cluster: 'us' })).addCluster('b', cluster);
    // WHEN / THEN
    const err = configErrorOf(() => app.render());
    expect(err.problems).toEqual([expect.objectContaining({ constructPath: 'pc-us/pc-us-clusters', prop: 'id (Qdrant cluster id)', value: cluster.id })]);
    expect(err.message).toContain('pc-eu/pc-eu-clusters (qdrant/qdrant-a7d8d973-0cc5-42de-8d7b-c29d14d24840) has it [fleet cluster-id-twice]');
  });

  test('a central Argo CD gets one root Application per stack in argocd-bootstrap, applying the stack folder', () => {
    // GIVEN two Argo CD stacks with the output repository, on two destination clusters
    const app = testApp();
    const gitRepository = { url: 'https://git.example.com/platform/gitops.git', revision: 'main' };
    region(app, 'region-us-east', 'qdrant', new ArgoCdDelivery({ namePrefix: 'us-east-', destinationName: 'us-east', gitRepository }));
    region(app, 'region-us-west', 'qdrant', new ArgoCdDelivery({ namePrefix: 'us-west-', destinationName: 'us-west', gitRepository, outputPath: './dist/' }));
    // WHEN
    const roots = folder(app, 'argocd-bootstrap')!.objects;
    // THEN each root lives in Argo CD's own cluster and namespace and applies its stack's folder
    expect(roots.map((o) => [o.metadata.name, o.spec.source.path, o.spec.destination])).toEqual([
      ['us-east-stack', 'dist/region-us-east', { server: 'https://kubernetes.default.svc', namespace: 'argocd' }],
      ['us-west-stack', 'dist/region-us-west', { server: 'https://kubernetes.default.svc', namespace: 'argocd' }],
    ]);
    expect(roots[0].spec.source).toEqual(expect.objectContaining({ repoURL: gitRepository.url, targetRevision: 'main' }));
  });

  test('two stacks whose root Applications would share a name: the library error', () => {
    // GIVEN two regions with one name prefix in one Argo CD
    const app = testApp();
    const gitRepository = { url: 'https://git.example.com/platform/gitops.git' };
    region(app, 'region-a', 'qdrant-a', new ArgoCdDelivery({ namePrefix: 'us-', destinationName: 'us-east', gitRepository }));
    // WHEN / THEN
    expect(configErrorOf(() => region(app, 'region-b', 'qdrant-b', new ArgoCdDelivery({ namePrefix: 'us-', destinationName: 'us-west', gitRepository }))).problems)
      .toEqual([expect.objectContaining({ constructPath: 'region-b', prop: 'delivery.namePrefix', value: 'us-' })]);
  });

  test('a remote Argo CD destination gets its Namespace, Secrets and clusters through Applications of their own, in wave order', () => {
    // GIVEN an operator with a cluster on us-east, managed by a central Argo CD
    const app = testApp();
    const pc = operator(app, 'pc-us', 'qdrant', new ArgoCdDelivery({ namePrefix: 'us-east-', destinationName: 'us-east', gitRepository: GIT }));
    pc.addCluster('docs', clusterProps());
    // WHEN
    const stack = folder(app, 'pc-us')!.objects;
    // THEN the stack folder (applied in Argo CD's own cluster) holds only Applications and repository Secrets, in waves
    expect(app.render().map((f) => f.folder)).toEqual(['argocd-bootstrap', 'pc-us', 'pc-us-clusters', 'pc-us-prerequisites']);
    const apps = stack.filter((o) => o.kind === 'Application');
    expect(apps.map((o) => [o.metadata.name, o.metadata.annotations['argocd.argoproj.io/sync-wave'], o.spec.destination.name, o.spec.source.path ?? o.spec.source.chart])).toEqual([
      ['us-east-prerequisites', '0', 'us-east', 'dist/pc-us-prerequisites'],
      ['us-east-qdrant-private-cloud-crds', '1', 'us-east', 'qdrant-kubernetes-api'],
      ['us-east-qdrant-private-cloud', '2', 'us-east', 'qdrant-private-cloud'],
      ['us-east-clusters', '3', 'us-east', 'dist/pc-us-clusters'],
    ]);
    expect(stack.every((o) => o.metadata.namespace === 'argocd')).toBe(true);
    // AND the Applications holding the namespace and the clusters are never pruned
    for (const o of [apps[0], apps[3]]) expect(o.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Prune=false,Delete=false');
    expect(folder(app, 'pc-us-prerequisites')!.objects.map((o) => o.kind)).toEqual(['Namespace']);
    expect(folder(app, 'pc-us-clusters')!.objects.map((o) => o.kind)).toEqual(['QdrantCluster']);
  });

  test('a remote Argo CD destination without the output repository: the library error', () => {
    // GIVEN / WHEN / THEN
    expect(configErrorOf(() => operator(testApp(), 'pc-us', 'qdrant', new ArgoCdDelivery({ destinationName: 'us-east' }))).problems)
      .toEqual([expect.objectContaining({ constructPath: 'pc-us', prop: 'delivery.gitRepository' })]);
  });

  test('a bootstrap pointing at a folder nothing writes: one stack with another output path is the library error', () => {
    // GIVEN two stacks on one Flux cluster, one of them with another outputPath
    const app = testApp();
    region(app, 'region-a', 'qdrant-a', new FluxDelivery({ cluster: 'eu' }));
    region(app, 'region-b', 'qdrant-b', new FluxDelivery({ cluster: 'eu', outputPath: './clusters/prod' }));
    // WHEN / THEN
    const err = configErrorOf(() => app.render());
    expect(err.problems).toEqual([expect.objectContaining({ constructPath: 'region-b', prop: 'delivery.outputPath', value: './clusters/prod/region-b' })]);
    expect(err.message).toContain('under the output\'s Git path "dist"');
    expect(err.message).toContain('[fleet bootstrap-path]');
  });

  test('every fleet check has a one-line reason and an id that a refusal above names', () => {
    const source = fs.readFileSync(__filename, 'utf8');
    for (const check of FLEET_CHECKS) {
      expect(check.reason.length).toBeGreaterThan(20);
      // Each refusal test names its check as `[fleet <id>]` (escaped in a regular expression).
      expect(source).toMatch(new RegExp(`\\\\?\\[fleet ${check.id}\\\\?\\]`));
    }
  });
});

describe('the Git path the bootstrap reads against the output directory', () => {
  const synthInto = (outdir: string, outputPath?: string) => {
    const app = new QdrantApp({ outdir });
    operator(app, 'pc', 'qdrant', new FluxDelivery({ cluster: 'eu', outputPath }));
    const lines: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((l) => { lines.push(String(l)); return true; });
    try {
      app.synth();
    } finally {
      stderr.mockRestore();
    }
    return lines.filter((l) => l.includes('read the output from'));
  };
  const tmpDir = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-paths-')), name);

  test('an output written to another directory than the Kustomizations read warns, naming both', () => {
    // GIVEN the default outputPath ./dist, WHEN the output is written to out/ THEN one warning names both
    const outdir = tmpDir('out');
    const warnings = synthInto(outdir);
    expect(warnings).toEqual([expect.stringContaining(`read the output from "dist/" in Git, but it is written to ${outdir}; set delivery.outputPath`)]);
    expect(warnings[0].trimEnd()).toMatch(/\[rule output-path-elsewhere\]$/);
  });

  test('matching paths do not warn', () => {
    expect(synthInto(tmpDir('dist'))).toEqual([]);
    expect(synthInto(path.join(tmpDir('clusters'), 'prod'), './clusters/prod')).toEqual([]);
  });
});
