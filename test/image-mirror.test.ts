import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import {
  ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, ImageMirror, ImageMirrorProps, QdrantApp, SecretSource,
} from '../src';
import { RenderedFolder } from '../src';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { clusterProps, privateCloudOperator, regionProps } from './support/stacks';

const CA = fs.readFileSync(path.join(__dirname, '..', 'examples', 'assets', 'corp-ca.pem'), 'utf8');
const mirrorCreds = () => SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'm', property: 'u' }, password: { key: 'm', property: 'p' } } });
const mirrorProps = (overrides: Partial<ImageMirrorProps> = {}): ImageMirrorProps => ({
  containerRegistry: 'registry.corp.example:5000/qdrant',
  chartRepository: 'oci://registry.corp.example:5000/qdrant-charts',
  pullSecret: mirrorCreds(),
  caCertificates: CA,
  ...overrides,
});
/** A region on Argo CD behind a mirror: nothing pulls from registry.cloud.qdrant.io, so it has no registry credentials. */
const mirroredRegionProps = (overrides: Partial<HybridRegionProps> = {}): HybridRegionProps =>
  regionProps({ delivery: new ArgoCdDelivery(), registryCredentials: undefined, ...overrides });

/** Every image repository and chart the objects reference. */
function references(objects: readonly any[]) {
  const images = new Set<string>();
  const charts = new Set<string>();
  const walk = (v: any, key?: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') {
      if (key === 'image' && typeof v.repository === 'string') images.add(v.repository);
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  for (const o of objects) {
    walk(o);
    if (o.kind === 'OCIRepository') charts.add(`${o.spec.url}:${o.spec.ref.tag}`);
    if (o.kind === 'Application') charts.add(`oci://${o.spec.source.repoURL}/${o.spec.source.chart}:${o.spec.source.targetRevision}`);
  }
  return { images, charts };
}

function mirroredApp() {
  const app = new QdrantApp({ outdir: '/nonexistent', mirror: new ImageMirror(mirrorProps()) });
  new HybridRegion(app, 'region', mirroredRegionProps());
  const operator = privateCloudOperator(app, {
    namespace: 'qdrant-system', delivery: new FluxDelivery(), registryCredentials: undefined,
    operator: { watchOnlyReleaseNamespace: false, watchNamespaces: ['qdrant-system', 'team-a'] },
  });
  operator.addCluster('a', clusterProps({ version: 'v1.16.3' }));
  operator.addCluster('b', clusterProps({ id: 'b7d8d973-0cc5-42de-8d7b-c29d14d24840', version: 'v1.17.0', namespace: 'team-a', image: { repository: 'registry.cloud.qdrant.io/qdrant/qdrant' } }));
  return app;
}

describe('ImageMirror', () => {
  const folders = mirroredApp().render();
  const byName = (n: string) => folders.find((f) => f.folder === n)!;
  const stacks: Array<[string, RenderedFolder[]]> = [
    ['region', [byName('region')]],
    ['pc', [byName('pc'), byName('pc-clusters'), byName('pc-entry')]],
  ];

  test.each(stacks)('%s: every image and chart points at the mirror and mirror.yaml lists exactly those', (name, stack) => {
    // GIVEN the rendered app with a mirror: a Hybrid region and an operator stack with two clusters
    // WHEN the images and charts of the row's stack are collected and its mirror lists parsed
    const { images, charts } = references(stack.flatMap((f) => f.objects));
    const mirrorYaml = parse(byName(name).files['mirror.yaml'])['registry.cloud.qdrant.io'].images as Record<string, string[]>;
    const chartList = parse(byName(name).files['mirror-charts.yaml']).charts as any[];

    // THEN every reference points at the mirror, the lists name exactly those, and the objects pass the schemas
    expect(images.size).toBeGreaterThan(0);
    for (const image of images) expect(image.startsWith('registry.corp.example:5000/qdrant/')).toBe(true);
    const listedImages = Object.keys(mirrorYaml).map((k) => `registry.corp.example:5000/qdrant/${k.replace(/^qdrant\//, '')}`);
    expect([...images].sort()).toEqual(listedImages.sort());

    for (const chart of charts) expect(chart.startsWith('oci://registry.corp.example:5000/qdrant-charts/')).toBe(true);
    expect([...charts].sort()).toEqual(chartList.map((c) => `${c.destination}:${c.version}`).sort());
    expect(chartList.every((c) => c.source.startsWith('oci://registry.cloud.qdrant.io/qdrant-charts/'))).toBe(true);
    expect(schemaErrors(stack.flatMap((f) => f.objects))).toEqual([]);
  });

  test('mirror.yaml pins what the output knows and marks what follows a chart', () => {
    // GIVEN the rendered app with a mirror
    // WHEN the stacks' mirror.yaml files are read
    const pc = parse(byName('pc').files['mirror.yaml'])['registry.cloud.qdrant.io'].images;
    // THEN pc pins each image's tags, the agent's tag follows its chart, and the copy commands are given
    expect(pc).toEqual({
      'qdrant/operator': ['2.15.0'],
      'qdrant/cluster-manager': ['v0.3.17'],
      'qdrant/qdrant-cluster-exporter': ['1.7.6'],
      'qdrant/qdrant': ['v1.16.3', 'v1.17.0'],
    });
    expect(byName('region').files['mirror.yaml']).toContain('qdrant/qdrant-cloud-agent: []  # tag follows the appVersion of chart qdrant-cloud-agent 1.33.0');
    expect(byName('pc').files['mirror.yaml']).toContain('skopeo sync --all --preserve-digests --src yaml --dest docker mirror.yaml registry.corp.example:5000/qdrant');
    expect(byName('pc').files['mirror.yaml']).toContain('oras cp registry.cloud.qdrant.io/qdrant-charts/qdrant-private-cloud:1.9.6 registry.corp.example:5000/qdrant-charts/qdrant-private-cloud:1.9.6');
  });

  test('pull secrets wherever something pulls, with the mirror host and CA', () => {
    // GIVEN the rendered app with a mirror
    // WHEN the region's objects and files are read
    const region = byName('region').objects;
    const regionPull = region.find((o) => o.kind === 'ExternalSecret' && o.metadata.name === 'qdrant-registry-creds');
    // THEN the region's pull secret, Argo CD repository, CA and environment.json name the mirror
    expect(regionPull.spec.target.template.data['.dockerconfigjson']).toContain('"registry.corp.example:5000"');
    const repo = region.find((o) => o.kind === 'ExternalSecret' && o.metadata.namespace === 'argocd');
    expect(repo.spec.target.template.data).toMatchObject({ url: 'registry.corp.example:5000/qdrant-charts', enableOCI: 'true' });
    expect(byName('region').files['argocd-tls-certs-cm.yaml']).toContain('registry.corp.example: |');
    expect(JSON.parse(byName('region').files['environment.json']).configuration).toMatchObject({
      container_registry_url: 'registry.corp.example:5000/qdrant',
      chart_repository_url: 'oci://registry.corp.example:5000/qdrant-charts',
      registry_secret_name: 'qdrant-registry-creds',
    });

    // AND the operator's chart source, CA Secret, team-a pull secret and database image use it too
    const pc = byName('pc').objects;
    const source = pc.find((o) => o.kind === 'OCIRepository');
    expect(source.spec.secretRef).toEqual({ name: 'qdrant-registry-creds' });
    expect(source.spec.certSecretRef).toEqual({ name: 'qdrant-registry-ca' });
    expect(pc.find((o) => o.kind === 'Secret' && o.metadata.name === 'qdrant-registry-ca').stringData['ca.crt']).toBe(CA);
    const teamPull = byName('pc-clusters').objects.find((o) => o.kind === 'ExternalSecret' && o.metadata.namespace === 'team-a');
    expect(teamPull.metadata.name).toBe('qdrant-registry-creds');
    const values = pc.find((o) => o.kind === 'HelmRelease' && o.metadata.name === 'qdrant-private-cloud').spec.values;
    expect(values.operator.settings.features.clusterManagement.qdrant.image).toEqual({
      repository: 'registry.corp.example:5000/qdrant/qdrant', pullSecretName: 'qdrant-registry-creds',
    });
  });

  test('the mirror\'s CA reaches environment.json, after the environment\'s own CA', () => {
    // GIVEN a Hybrid region whose mirror has a private CA, once without an environment CA, once with another one
    const proxyCa = fs.readFileSync(path.join(__dirname, 'fixtures', 'proxy-ca.pem'), 'utf8');
    const caOf = (environment: HybridRegionProps['environment']) => {
      const region = new HybridRegion(new QdrantApp({ outdir: '/nonexistent' }), 'r', mirroredRegionProps({ mirror: new ImageMirror(mirrorProps()), environment }));
      return JSON.parse(region.sideFiles()['environment.json']).configuration.ca_certificates;
    };
    // THEN the agent-installed operator trusts the mirror: its CA is in ca_certificates
    expect(caOf(undefined)).toBe(CA);
    expect(caOf({ caCertificates: proxyCa })).toBe(`${proxyCa.trimEnd()}\n${CA.trimEnd()}\n`);
    // AND a CA given in both places is listed once, as the environment gives it
    expect(caOf({ caCertificates: CA })).toBe(CA);
  });

  test('a cluster declared in a mirrored Hybrid region pins its database image in mirror.yaml', () => {
    // GIVEN a Hybrid region with a mirror
    const region = new HybridRegion(new QdrantApp({ outdir: '/nonexistent' }), 'r', mirroredRegionProps({ mirror: new ImageMirror(mirrorProps()) }));
    // WHEN a cluster with the Qdrant image is declared in it
    region.addCluster('db', clusterProps({ version: 'v1.16.3', image: { repository: 'qdrant/qdrant' } }), { agentOwnsClustersAcknowledged: true });
    // THEN mirror.yaml pins its version and the cluster pulls from the mirror
    expect(parse(region.sideFiles()['mirror.yaml'])['registry.cloud.qdrant.io'].images['qdrant/qdrant']).toEqual(['v1.16.3']);
    expect(region.toJson().find((o: any) => o.kind === 'QdrantCluster').spec.image).toEqual({ repository: 'registry.corp.example:5000/qdrant/qdrant' });
  });

  test('an anonymous mirror makes no pull secret', () => {
    // GIVEN a Flux region with a mirror that allows anonymous pulls and has no CA
    const app = new QdrantApp({ outdir: '/nonexistent' });
    const region = new HybridRegion(app, 'r', mirroredRegionProps({ delivery: new FluxDelivery(), mirror: new ImageMirror(mirrorProps({ pullSecret: undefined, anonymousPull: true, caCertificates: undefined })) }));
    // WHEN it is rendered
    const objects = region.toJson();
    // THEN no ExternalSecret is made, and neither the chart source nor the agent uses a pull secret
    expect(objects.map((o: any) => o.kind)).not.toContain('ExternalSecret');
    expect(objects.find((o: any) => o.kind === 'OCIRepository').spec.secretRef).toBeUndefined();
    expect(objects.find((o: any) => o.kind === 'HelmRelease').spec.values.imagePullSecrets).toBeUndefined();
  });
});

describe('ImageMirror bad input', () => {
  const build = (mirror: Partial<ImageMirrorProps>, region: Partial<HybridRegionProps> = {}) =>
    new HybridRegion(new QdrantApp({ outdir: '/nonexistent' }), 'r', mirroredRegionProps({ mirror: new ImageMirror(mirrorProps(mirror)), ...region }));
  const cases: Array<[string, Partial<ImageMirrorProps>, RegExp, Partial<HybridRegionProps>?]> = [
    ['registry URL with a scheme', { containerRegistry: 'https://registry.corp.example/qdrant' }, /\[r\] mirror.containerRegistry: got "https:\/\/registry.corp.example\/qdrant"; expected a registry host and optional path without a scheme/],
    ['chart URL without oci://', { chartRepository: 'https://registry.corp.example/qdrant-charts' }, /mirror.chartRepository: got "https:\/\/registry.corp.example\/qdrant-charts"; expected an OCI repository URL/],
    ['mirror without a pull secret', { pullSecret: undefined }, /mirror.pullSecret: got nothing; a mirror needs pull credentials/],
    ['CA that is not PEM', { caCertificates: 'not a certificate' }, /mirror.caCertificates: got "not a certificate"; expected one or more PEM certificates/],
    ['Qdrant registry credentials next to a mirror', {}, /registryCredentials: got "<redacted>"; with an image mirror nothing pulls from registry.cloud.qdrant.io/, { registryCredentials: SecretSource.existing() }],
  ];
  // A rest parameter: jest would take a fourth named parameter for a done callback.
  test.each(cases)('%s', (...row) => {
    // GIVEN the row's mirror and region props
    const [, mirror, message, region] = row;
    // WHEN / THEN creating the region is refused with the row's message
    expect(configErrorOf(() => build(mirror, region)).message).toMatch(message);
  });

  test('a cluster image outside the mirror', () => {
    // GIVEN an operator in an app with a mirror
    const op = privateCloudOperator(new QdrantApp({ outdir: '/nonexistent', mirror: new ImageMirror(mirrorProps()) }), {
      delivery: new FluxDelivery(), registryCredentials: undefined,
    });
    // WHEN / THEN a cluster whose image is outside the mirror is refused, naming the mirror
    expect(() => op.addCluster('c', clusterProps({ image: { repository: 'ghcr.io/someone/qdrant' } }))).toThrow(/\[pc\/pc-clusters\/c\] image.repository: got "ghcr.io\/someone\/qdrant"; with an image mirror every image must come from "registry.corp.example:5000\/qdrant"/);
  });
});
