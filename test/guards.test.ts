import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import {
  ALLOWED_CHANGE_ANNOTATION_PREFIX, Allow, AllowedChange, ArgoCdDelivery, FluxDelivery, QdrantApp,
} from '../src';
import { GUARD_RULES } from '../src/output/guards/guard-rules';
import { configErrorOf } from './support/errors';
import { CLUSTER_ID as ID, ENVIRONMENT_ID as ENV, clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';

const OTHER_ENV = '1c0a5f3b-6d2e-4f9c-8b7a-4e3d2c1b0a9f';
const OTHER_ID = '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819';

type Tool = 'flux' | 'argocd';

/** What the test app declares; every field has the bootstrapped value as default. */
interface Shape {
  readonly storage?: string;
  readonly claim?: string | null;
  readonly version?: string;
  readonly withCluster?: boolean;
  readonly withOperator?: boolean;
  readonly withRegion?: boolean;
  readonly regionNamespace?: string;
  readonly environmentId?: string;
  readonly createNamespace?: boolean;
  readonly operatorId?: string;
  readonly regionId?: string;
  readonly snapshot?: boolean;
  readonly restore?: { readonly from: string; readonly newCluster?: string };
  /** A second cluster, `OTHER_ID`, beside the first. */
  readonly otherCluster?: boolean;
  /** The second cluster's version. @default 'v1.16.3' */
  readonly otherVersion?: string;
  /** The first cluster's `multiAz` (needs the CRDs of v1.34.0). @default - not set */
  readonly multiAz?: boolean;
}

/** Each stack in its own Argo CD project: their repository credentials differ for one chart URL. */
const delivery = (tool: Tool, project: string) => (tool === 'flux' ? new FluxDelivery() : new ArgoCdDelivery({ project }));

/** Synthesises an operator stack with one cluster and a Hybrid region into `outdir`. */
function synth(tool: Tool, outdir: string, shape: Shape = {}, allowedChanges: AllowedChange[] = [], previousOutput?: string): void {
  const app = new QdrantApp({ outdir, allowedChanges, previousOutput });
  if (shape.withOperator ?? true) {
    const op = privateCloudOperator(app, {
      delivery: delivery(tool, 'qdrant-pc'),
      // Additional volume claim templates need the CRD of v1.28.0.
      crdChartVersion: shape.claim ? 'v1.28.0' : shape.multiAz !== undefined ? 'v1.34.0' : undefined,
    }, shape.operatorId ?? 'pc');
    if (shape.withCluster ?? true) {
      const claim = shape.claim;
      const db = op.addCluster('db', clusterProps({
        version: shape.version ?? 'v1.16.3', multiAz: shape.multiAz,
        resources: { cpu: '1', memory: '1Gi', storage: shape.storage ?? '10Gi' },
        storage: !claim ? undefined : {
          // The claim's size as YAML users write it: a plain string where the L1 type wants a Quantity.
          additionalVolumeClaimTemplates: [{ metadata: { name: 'wal' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: claim } } } }],
        },
      }));
      if (shape.snapshot) db.addSnapshot('snap', { name: 'snap-new' });
      if (shape.otherCluster) op.addCluster('other', clusterProps({ id: OTHER_ID, version: shape.otherVersion ?? 'v1.16.3', resources: { cpu: '1', memory: '1Gi', storage: '10Gi' } }));
      if (shape.restore) db.addRestore('restore', { name: 'restore-1', snapshotName: shape.restore.from, newClusterName: shape.restore.newCluster });
    }
  }
  if (shape.withRegion ?? true) {
    hybridRegion(app, {
      environmentId: shape.environmentId ?? ENV, namespace: shape.regionNamespace ?? 'qdrant-hybrid',
      createNamespace: shape.createNamespace, delivery: delivery(tool, 'qdrant-hybrid'),
    }, shape.regionId ?? 'region');
  }
  app.synth();
}

/** Every file of the output directory (its memory included) and what lies beside it, for "nothing was written" assertions. */
function snapshotOf(outdir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files[path.relative(outdir, p)] = fs.readFileSync(p, 'utf8');
  });
  if (fs.existsSync(outdir)) walk(outdir);
  files['<beside>'] = fs.readdirSync(path.dirname(outdir)).sort().join(', ');
  return files;
}

function freshOutdir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-guards-')), 'dist');
}

function bootstrapped(tool: Tool, shape: Shape = {}): string {
  const outdir = freshOutdir();
  synth(tool, outdir, shape);
  return outdir;
}

function objectsIn(outdir: string): any[] {
  return fs.readdirSync(outdir).flatMap((folder) => {
    const file = path.join(outdir, folder, 'manifests.k8s.yaml');
    return fs.existsSync(file) ? parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()) : [];
  });
}

function objectNamed(outdir: string, kind: string, name: string): any {
  const found = objectsIn(outdir).filter((o) => o.kind === kind && o.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

interface GuardCase {
  readonly guard: string;
  /** The state before the change. @default - the default shape */
  readonly before?: Shape;
  readonly after: Shape;
  readonly allow: AllowedChange[];
  /** Text the refusal must contain. */
  readonly message: RegExp;
  /** The object that carries the reason once allowed. @default - none remains */
  readonly annotated?: { readonly kind: string; readonly name: string };
}

const REASON = 'planned in CHANGE-1234';
const agentObjectName = (tool: Tool) => (tool === 'flux' ? 'qdrant-cloud-agent' : 'qdrant-hybrid-new-qdrant-cloud-agent');

const cases = (tool: Tool): GuardCase[] => [
  {
    guard: 'cluster-deleted', after: { withCluster: false }, allow: [Allow.clusterDeletion(ID, REASON)],
    message: new RegExp(`QdrantCluster qdrant/qdrant-${ID}: got "deleted"; a cluster left the output; deleting it deletes its data; if this is intended, add Allow.clusterDeletion\\('${ID}', '<reason>'\\)`),
  },
  {
    guard: 'storage-shrink', after: { storage: '5Gi' }, allow: [Allow.storageShrink(ID, REASON)],
    message: new RegExp(`\\[dist/pc(-clusters)?\\] QdrantCluster qdrant/qdrant-${ID} spec.resources.storage: got "5Gi"; storage can only grow \\(it was 10Gi\\); if this is intended, add Allow.storageShrink\\('${ID}', '<reason>'\\)`),
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    guard: 'storage-shrink', before: { claim: '5Gi' }, after: { claim: '1Gi' }, allow: [Allow.storageShrink(ID, REASON)],
    message: /spec.storage.additionalVolumeClaimTemplates\[wal\]: got "1Gi"; volume claims can only grow \(it was 5Gi\)/,
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    guard: 'storage-shrink', before: { claim: '5Gi' }, after: { claim: null }, allow: [Allow.storageShrink(ID, REASON)],
    message: /spec.storage.additionalVolumeClaimTemplates\[wal\]: got "removed"; volume claims can only grow/,
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    guard: 'version-skip', after: { version: 'v1.18.0' }, allow: [Allow.versionSkip(ID, REASON)],
    message: /spec.version: got "v1.18.0"; upgrades go through the latest patch of each minor version \(it was v1.16.3\); take the path v1.16.3 -> v1.17.1 -> v1.18.0, one version per change/,
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    // A minor step from a patch that is not its minor's latest (qdrant-facts.md §13): the exact path is named.
    guard: 'version-skip', before: { version: 'v1.15.2' }, after: { version: 'v1.16.3' }, allow: [Allow.versionSkip(ID, REASON)],
    message: /spec.version: got "v1.16.3"; .*take the path v1.15.2 -> v1.15.5 -> v1.16.3, one version per change/,
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    guard: 'version-skip', after: { version: 'v1.16.2' }, allow: [Allow.versionSkip(ID, REASON)],
    message: /spec.version: got "v1.16.2"; Qdrant never downgrades \(v1.16.3 -> v1.16.2\) \(it was v1.16.3\)/,
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    // Multi AZ is chosen at creation only (qdrant-facts.md §13).
    guard: 'multi-az-changed', before: { multiAz: false }, after: { multiAz: true }, allow: [Allow.multiAzChange(ID, REASON)],
    message: new RegExp(`QdrantCluster qdrant/qdrant-${ID} spec.multiAZ: got true; Multi AZ is chosen at creation only \\(it was false\\); if this is intended, add Allow.multiAzChange\\('${ID}', '<reason>'\\)`),
    annotated: { kind: 'QdrantCluster', name: `qdrant-${ID}` },
  },
  {
    // The construct id and the namespace change in one commit: identity is the environment id, not the folder.
    guard: 'region-namespace-changed', after: { regionId: 'region-eu', regionNamespace: 'qdrant-hybrid-new' },
    allow: [Allow.namespaceChange(ENV, REASON), Allow.namespaceRemoval('qdrant-hybrid', REASON)],
    message: new RegExp(`\\[dist/region-eu\\] HybridRegion environment ${ENV} namespace: got "qdrant-hybrid-new"; the namespace of a bootstrapped environment cannot change \\(it was "qdrant-hybrid"\\); if this is intended, add Allow.namespaceChange\\('${ENV}', '<reason>'\\)`),
    annotated: { kind: tool === 'flux' ? 'HelmRelease' : 'Application', name: agentObjectName(tool) },
  },
  {
    guard: 'region-removed', after: { withRegion: false },
    allow: [Allow.regionRemoval(ENV, REASON), Allow.namespaceRemoval('qdrant-hybrid', REASON)],
    message: new RegExp(`HybridRegion environment ${ENV}: got "removed"; the region \\(namespace "qdrant-hybrid"\\) left the output.*Allow.regionRemoval\\('${ENV}', '<reason>'\\)`),
  },
  {
    guard: 'region-removed', after: { environmentId: OTHER_ENV }, allow: [Allow.regionRemoval(ENV, REASON)],
    message: new RegExp(`HybridRegion environment ${ENV}: got "${OTHER_ENV}"; the region's environment id changed`),
  },
  {
    guard: 'operator-removed', after: { withOperator: false },
    allow: [Allow.operatorRemoval('qdrant', REASON), Allow.namespaceRemoval('qdrant', REASON), Allow.clusterDeletion(ID, REASON)],
    message: /QdrantOperator in namespace qdrant: got "removed"; the operator stack left the output.*Allow.operatorRemoval\('qdrant', '<reason>'\)/,
  },
  {
    guard: 'namespace-removed', after: { createNamespace: false }, allow: [Allow.namespaceRemoval('qdrant-hybrid', REASON)],
    message: /Namespace qdrant-hybrid: got "removed"; a Namespace the library created left the output; deleting it deletes every cluster and volume in it; if this is intended, add Allow.namespaceRemoval\('qdrant-hybrid', '<reason>'\)/,
  },
  {
    guard: 'restore-into-live-cluster', after: { restore: { from: 'snap-of-yesterday' } }, allow: [Allow.restoreIntoLiveCluster(ID, REASON)],
    message: new RegExp(`QdrantClusterRestore qdrant/restore-1: got "into qdrant/qdrant-${ID}"; a restore into an existing cluster overwrites its data; if this is intended, add Allow.restoreIntoLiveCluster\\('${ID}', '<reason>'\\)`),
    annotated: { kind: 'QdrantClusterRestore', name: 'restore-1' },
  },
];

test('every guard rule is tested here through a real synth: a case below for each rule an Allow permits, a refusal for each other', () => {
  // GIVEN the cases of this file, THEN they cover each rule an Allow permits
  expect([...new Set(cases('flux').map((c) => c.guard))].sort()).toEqual(GUARD_RULES.filter((r) => r.allowance).map((r) => r.id).sort());
  // AND each rule that is never allowed has a test expecting its refusal (backslashes dropped: the tests write regular expressions)
  const source = fs.readFileSync(__filename, 'utf8').replace(/\\/g, '');
  expect(GUARD_RULES.filter((r) => !r.allowance && !source.includes(`this is never allowed [guard ${r.id}]`)).map((r) => r.id)).toEqual([]);
});

describe.each<Tool>(['flux', 'argocd'])('guards under %s', (tool) => {
  test.each(cases(tool).map((c) => [`${c.guard} (${JSON.stringify(c.after)})`, c] as const))('%s: refused with nothing written, then written when allowed with its reason', (_guard, c) => {
    // GIVEN a bootstrapped output
    const outdir = bootstrapped(tool, c.before);
    const before = snapshotOf(outdir);
    // WHEN the change is synthesised without an allowance
    const error = configErrorOf(() => synth(tool, outdir, c.after));
    // THEN it is refused, named by its guard, and nothing changed on disk
    expect(error.message).toMatch(c.message);
    expect(error.message).toContain(`[guard ${c.guard}]`);
    expect(snapshotOf(outdir)).toEqual(before);
    // WHEN it is allowed with a reason
    synth(tool, outdir, c.after, c.allow);
    // THEN it is written, and the reason shows on the object that remains
    expect(snapshotOf(outdir)).not.toEqual(before);
    if (c.annotated) {
      const allowedKeys = Object.entries(objectNamed(outdir, c.annotated.kind, c.annotated.name).metadata.annotations ?? {})
        .filter(([k]) => k.startsWith(ALLOWED_CHANGE_ANNOTATION_PREFIX));
      expect(allowedKeys).toContainEqual([expect.stringMatching(/^cdk8s-qdrant\.io\/allowed-/), REASON]);
    }
  });

  test('renaming every construct id moves folders but passes every guard', () => {
    const outdir = bootstrapped(tool);
    synth(tool, outdir, { operatorId: 'pc-eu', regionId: 'region-eu' });
    expect(fs.readdirSync(outdir).sort()).toEqual(tool === 'flux'
      ? ['README.md', 'pc-eu', 'pc-eu-clusters', 'pc-eu-entry', 'qdrant-state.json', 'region-eu'] : ['README.md', 'pc-eu', 'qdrant-state.json', 'region-eu']);
  });

  test('a restore reading a snapshot created in the same change is never allowed; landing the snapshot first works', () => {
    const outdir = bootstrapped(tool);
    const both = { snapshot: true, restore: { from: 'snap-new', newCluster: 'qdrant-copy' } };
    expect(configErrorOf(() => synth(tool, outdir, both, [Allow.restoreIntoLiveCluster(ID, REASON)])).message)
      .toMatch(/QdrantClusterRestore qdrant\/restore-1 spec.source: got "qdrant\/snap-new"; the restore reads snapshot qdrant\/snap-new, which this change creates.*make it two changes: land this change without the restore, then add the restore in a second change.*this is never allowed \[guard restore-of-new-snapshot\]/);
    synth(tool, outdir, { snapshot: true });
    expect(() => synth(tool, outdir, both)).not.toThrow();
    // A restore kept in git runs again when its object is re-created: the folder README says so.
    const readme = fs.readFileSync(path.join(outdir, tool === 'flux' ? 'pc-clusters' : 'pc', 'README.md'), 'utf8');
    expect(readme).toMatch(/\*\*Warning:\*\* .*QdrantClusterRestore restore-1 restores snap-new again whenever the object is re-created.*\[rule restore-replays-on-recreate\]/);
  });

  test('a restore whose new cluster name is a live cluster restores into that cluster', () => {
    // GIVEN two landed clusters and a snapshot of the first
    const outdir = bootstrapped(tool, { snapshot: true, otherCluster: true });
    // WHEN a restore "creates" a new cluster under the second cluster's name
    const restore = { snapshot: true, otherCluster: true, restore: { from: 'snap-new', newCluster: `qdrant-${OTHER_ID}` } };
    const message = configErrorOf(() => synth(tool, outdir, restore)).message;
    // THEN it needs the live-cluster allowance, named by the id of the cluster it overwrites
    expect(message).toMatch(new RegExp(`got "into qdrant/qdrant-${OTHER_ID}"; a restore into an existing cluster overwrites its data; .*Allow.restoreIntoLiveCluster\\('${OTHER_ID}'`));
    expect(() => synth(tool, outdir, restore, [Allow.restoreIntoLiveCluster(OTHER_ID, REASON)])).not.toThrow();
  });

  test('a restore two minors above its snapshot is never allowed; one minor above passes (qdrant-facts.md §13)', () => {
    // GIVEN a landed snapshot of a v1.15.5 cluster, beside a second cluster at v1.17.1
    const outdir = bootstrapped(tool, { version: 'v1.15.5', snapshot: true, otherCluster: true, otherVersion: 'v1.17.1' });
    // WHEN it is restored into the second cluster (its overwrite allowed)
    const intoOther = { version: 'v1.15.5', snapshot: true, otherCluster: true, otherVersion: 'v1.17.1', restore: { from: 'snap-new', newCluster: `qdrant-${OTHER_ID}` } };
    const message = configErrorOf(() => synth(tool, outdir, intoOther, [Allow.restoreIntoLiveCluster(OTHER_ID, REASON)])).message;
    // THEN the restore window refuses it, with the way to take instead
    expect(message).toMatch(/QdrantClusterRestore qdrant\/restore-1: got "qdrant\/snap-new onto v1.17.1"; the snapshot was taken at v1.15.5 or earlier, and restores only on v1.15.x or v1.16.x; restore it into a cluster at that version \(a new one\), then upgrade.*this is never allowed \[guard restore-minor-window\]/);
    // AND into a cluster one minor above, it passes
    const outdir2 = bootstrapped(tool, { version: 'v1.15.5', snapshot: true, otherCluster: true, otherVersion: 'v1.16.3' });
    expect(() => synth(tool, outdir2, { ...intoOther, otherVersion: 'v1.16.3' }, [Allow.restoreIntoLiveCluster(OTHER_ID, REASON)])).not.toThrow();
  });

  test('editing a landed restore is judged as a new restore', () => {
    // GIVEN a restore into a new cluster that has landed
    const outdir = bootstrapped(tool, { snapshot: true });
    synth(tool, outdir, { snapshot: true, restore: { from: 'snap-new', newCluster: 'qdrant-copy' } });
    // WHEN its new cluster name is dropped (it now restores into the live cluster) / THEN it is refused like a new one
    expect(configErrorOf(() => synth(tool, outdir, { snapshot: true, restore: { from: 'snap-new' } })).message).toContain('[guard restore-into-live-cluster]');
  });

  test('pointing a landed restore at a snapshot created in the same change is refused', () => {
    // GIVEN a landed restore of an older snapshot into a new cluster
    const outdir = bootstrapped(tool);
    synth(tool, outdir, { restore: { from: 'snap-of-yesterday', newCluster: 'qdrant-copy' } });
    // WHEN it is switched to a snapshot this change creates / THEN the ordering guard refuses it
    const retargeted = { snapshot: true, restore: { from: 'snap-new', newCluster: 'qdrant-copy' } };
    expect(configErrorOf(() => synth(tool, outdir, retargeted)).message).toContain('[guard restore-of-new-snapshot]');
  });
});

describe('guards: previous state', () => {
  test('growth and an allowed upgrade path pass; an allowance that matched nothing is reported', () => {
    const outdir = bootstrapped('argocd');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      synth('argocd', outdir, { storage: '20Gi', version: 'v1.17.0' }, [Allow.clusterDeletion(ID, REASON)]);
      expect(stderr.mock.calls.map(([m]) => String(m))).toContainEqual(expect.stringContaining(`allowedChanges: delete-cluster of "${ID}" matched no change; remove it`));
    } finally {
      stderr.mockRestore();
    }
    expect(objectNamed(outdir, 'QdrantCluster', `qdrant-${ID}`).spec.resources.storage).toBe('20Gi');
  });

  test.each([
    ['v1.16.5', true], ['v1.17.0', true], ['v1.18.0', false], ['v1.16.2', false], ['v2.0.0', false],
  ])('upgrade v1.16.3 -> %s allowed: %s', (version, ok) => {
    const outdir = bootstrapped('flux');
    if (ok) expect(() => synth('flux', outdir, { version })).not.toThrow();
    else expect(configErrorOf(() => synth('flux', outdir, { version })).message).toMatch(/spec.version: .*(latest patch of each minor|never downgrades|across major versions).*\(it was v1.16.3\)/);
  });

  test('an allowed cluster deletion is logged with its guard and says the object stays until deleted by hand', () => {
    // GIVEN a landed cluster
    const outdir = bootstrapped('flux');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // WHEN its deletion is allowed
      synth('flux', outdir, { withCluster: false }, [Allow.clusterDeletion(ID, 'replaced by eu-2')]);
      // THEN the log names the allowance and the guard, and what is left to do
      expect(stderr.mock.calls.map(([l]) => String(l)).join('')).toContain(
        `QdrantCluster qdrant/qdrant-${ID}: allowed by Allow.clusterDeletion [guard cluster-deleted] (replaced by eu-2); the QdrantCluster stays in the Kubernetes cluster (it is never pruned): delete it with kubectl when you mean to`);
    } finally {
      stderr.mockRestore();
    }
  });

  test('an allowance needs a reason', () => {
    const outdir = bootstrapped('flux');
    expect(configErrorOf(() => synth('flux', outdir, {}, [Allow.clusterDeletion(ID, ' ')])).message).toMatch(/allowedChanges\[0\].reason: got " "; say why this change is intended/);
  });

  test.each([
    ['a string', 'x', /\[<app>\] allowedChanges: got "x"; expected a list of Allow.\* allowances/],
    ['an object', {}, /allowedChanges: got \{\}; expected a list/],
    ['a hand-made entry', [{ change: 'drop-everything', target: 'x', reason: 'y' }], /allowedChanges\[0\]: got .*; expected an allowance made by Allow.\*/],
    ['an entry without a target', [{ change: 'delete-cluster', reason: 'y' }], /allowedChanges\[0\].target: got nothing; expected the cluster id/],
  ])('allowedChanges as %s from a JavaScript caller is the library error', (_what, allowedChanges, message) => {
    const outdir = bootstrapped('flux');
    expect(configErrorOf(() => new QdrantApp({ outdir, allowedChanges: allowedChanges as any }).synth()).message).toMatch(message);
  });

  test('an output without its memory file is read from its manifests, with a note', () => {
    // GIVEN a bootstrapped output whose memory file is gone
    const outdir = bootstrapped('flux');
    fs.rmSync(path.join(outdir, 'qdrant-state.json'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // WHEN a cluster is deleted / THEN the manifests still refuse it, and the note says where the guards looked
      expect(configErrorOf(() => synth('flux', outdir, { withCluster: false })).message).toMatch(/\[guard cluster-deleted\]/);
      expect(stderr.mock.calls.map(([m]) => String(m))).toContainEqual(expect.stringContaining('has no qdrant-state.json: the Kubernetes cluster of each folder is taken from the new output'));
    } finally {
      stderr.mockRestore();
    }
  });

  test('under the cdk8s CLI with no state at all, the synth says loudly that the guards compared nothing', () => {
    const outdir = freshOutdir();
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.CDK8S_OUTDIR = outdir;
    try {
      synth('flux', outdir);
      expect(stderr.mock.calls.map(([m]) => String(m))).toContainEqual(expect.stringContaining('GUARDS HAD NOTHING TO COMPARE WITH'));
    } finally {
      delete process.env.CDK8S_OUTDIR;
      stderr.mockRestore();
    }
  });

  test('previousOutput compares with another checkout, e.g. the main branch', () => {
    const main = bootstrapped('argocd');
    const pr = path.join(path.dirname(main), 'pr');
    expect(configErrorOf(() => synth('argocd', pr, { withCluster: false }, [], main)).message).toMatch(/a cluster left the output/);
    expect(fs.existsSync(pr)).toBe(false);
    synth('argocd', pr, {}, [], main);
    expect(fs.existsSync(path.join(pr, 'pc', 'manifests.k8s.yaml'))).toBe(true);
  });

  test('a previousOutput that does not exist is an error, not "no previous output"', () => {
    const outdir = freshOutdir();
    expect(configErrorOf(() => synth('flux', outdir, {}, [], '/nonexistent/main/dist')).message)
      .toMatch(/\[<app>\] previousOutput: got "\/nonexistent\/main\/dist"; an existing previous output directory/);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test.each<Tool>(['flux', 'argocd'])('without a memory file, renaming construct ids still passes under %s (folders read from manifests get the only Kubernetes cluster)', (tool) => {
    // GIVEN a bootstrapped output whose memory file is gone
    const outdir = bootstrapped(tool);
    fs.rmSync(path.join(outdir, 'qdrant-state.json'));
    // WHEN every construct id is renamed (same namespaces, same environment id) / THEN no guard fires
    expect(() => synth(tool, outdir, { operatorId: 'pc-eu', regionId: 'region-eu' })).not.toThrow();
  });

  test('a memory file that is not one is set aside: the manifests are compared with', () => {
    // GIVEN a bootstrapped output whose memory was overwritten by hand
    const outdir = bootstrapped('flux');
    fs.writeFileSync(path.join(outdir, 'qdrant-state.json'), '{"clusters": "edited by hand"}');
    // WHEN a cluster is deleted / THEN the manifests still refuse it
    expect(configErrorOf(() => synth('flux', outdir, { withCluster: false })).message).toMatch(/\[guard cluster-deleted\]/);
  });
});

describe('guards in a fleet', () => {
  /** Operators in namespace `qdrant` on each of the given Flux clusters. */
  function fleet(outdir: string, clusters: string[], allowedChanges: AllowedChange[] = []): void {
    const app = new QdrantApp({ outdir, allowedChanges });
    for (const cluster of clusters) {
      privateCloudOperator(app, { delivery: new FluxDelivery({ cluster }) }, `pc-${cluster}`);
    }
    app.synth();
  }

  test('the same namespace on another Kubernetes cluster does not hide a removal: identity includes the cluster', () => {
    // GIVEN one namespace name on two Kubernetes clusters
    const outdir = freshOutdir();
    fleet(outdir, ['eu', 'us']);
    // WHEN the US stack leaves the output / THEN its namespace and operator count as removed, though EU keeps both names
    const message = configErrorOf(() => fleet(outdir, ['eu'])).message;
    expect(message).toContain('[guard operator-removed]');
    expect(message).toContain('[guard namespace-removed]');
    fleet(outdir, ['eu'], [Allow.operatorRemoval('qdrant', REASON), Allow.namespaceRemoval('qdrant', REASON)]);
  });

  test('one bare allowance cannot cover the same namespace on two Kubernetes clusters; each names its cluster', () => {
    // GIVEN namespace qdrant on two Kubernetes clusters
    const outdir = freshOutdir();
    fleet(outdir, ['eu', 'us']);
    // WHEN both stacks leave the output under one bare allowance per change
    const bare = [Allow.operatorRemoval('qdrant', REASON), Allow.namespaceRemoval('qdrant', REASON)];
    const message = configErrorOf(() => fleet(outdir, [], bare)).message;
    // THEN each removal is refused, naming its Kubernetes cluster and the allowance that names it
    expect(message).toMatch(/QdrantOperator in namespace qdrant on Kubernetes cluster us: got "removed"; .*"qdrant" changes on Kubernetes clusters eu and us, so an allowance names its cluster: .*Allow.operatorRemoval\('us\/qdrant', '<reason>'\)/);
    expect(message).toMatch(/Namespace qdrant on Kubernetes cluster eu: .*Allow.namespaceRemoval\('eu\/qdrant', '<reason>'\)/);
    // AND allowances that name the clusters pass, and the log names each cluster
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      fleet(outdir, [], ['eu', 'us'].flatMap((c) => [Allow.operatorRemoval(`${c}/qdrant`, REASON), Allow.namespaceRemoval(`${c}/qdrant`, REASON)]));
      expect(stderr.mock.calls.map(([line]) => String(line)).filter((l) => l.startsWith('cdk8s-qdrant warning:') && l.includes('Allow.operatorRemoval')).sort()).toEqual([
        expect.stringContaining('QdrantOperator in namespace qdrant on Kubernetes cluster eu: allowed by Allow.operatorRemoval [guard operator-removed]'),
        expect.stringContaining('QdrantOperator in namespace qdrant on Kubernetes cluster us: allowed by Allow.operatorRemoval [guard operator-removed]'),
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
