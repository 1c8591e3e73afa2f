import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { ConfigProblem, pathOf } from '../core/errors';
import { NamedRule, withRuleId } from '../core/policy';
import { appliedPath } from '../delivery/delivery-objects';
import { lastSegment } from './readme/fleet-readme';
import { placementOf } from '../stack/placement';

/** A chart and the objects rendered from it. */
type RenderedChart = readonly [Chart, readonly any[]];

/** A check across the stacks of one app, in the style of the guard rules: an id, one line of why, and what it finds. */
export interface FleetCheck {
  readonly id: string;
  /** One line: what it refuses, and why. */
  readonly reason: string;
  /**
   * `claims` run first; `objects` only when no claim failed (a namespace claimed twice
   * also duplicates its objects, and the claim says why).
   */
  readonly phase: 'claims' | 'objects';
  find(rendered: readonly RenderedChart[]): ConfigProblem[];
}

/** The fleet checks, in the order their findings are reported. Each problem ends in `[fleet <id>]`. */
export const FLEET_CHECKS: readonly FleetCheck[] = [
  {
    id: 'namespace-claimed-twice', phase: 'claims',
    reason: 'two stacks in one namespace of one Kubernetes cluster would install the agent or operator twice and fight over its Secrets',
    find: (rendered) => namespaceClaimProblems(rendered.map(([chart]) => chart)),
  },
  {
    id: 'cluster-id-twice', phase: 'claims',
    reason: 'a Qdrant cluster id names one database across the fleet; two clusters with one id are a copy-paste slip',
    find: clusterIdProblems,
  },
  {
    id: 'bootstrap-path', phase: 'claims',
    reason: 'the Kustomizations and root Applications the library writes must name folders this app writes, under one Git path',
    find: bootstrapPathProblems,
  },
  {
    id: 'output-repository', phase: 'claims',
    reason: 'the Argo CD Applications that apply this app\'s folders must read them from the one repository the output is committed to',
    find: outputRepositoryProblems,
  },
  {
    id: 'object-applied-twice', phase: 'objects',
    reason: 'two objects that apply one object, or write one Secret (as a Secret, SealedSecret or ExternalSecret), in one Kubernetes cluster fight over it; whichever applies last wins',
    find: duplicateObjectProblems,
  },
];

/** The problems of every fleet check of one phase, each tagged with its check's id. */
export function fleetProblems(rendered: readonly RenderedChart[], phase: FleetCheck['phase']): ConfigProblem[] {
  return FLEET_CHECKS.filter((c) => c.phase === phase)
    .flatMap((c) => c.find(rendered).map((p) => ({ ...p, allowed: `${p.allowed} [fleet ${c.id}]` })));
}

/** The Git path of the output directory a folder path lies in: `./dist/pc/` -> `dist`. */
function outputBaseOf(folderPath: string): string {
  return folderPath.replace(/^\.\//, '').replace(/\/+$/, '').split('/').slice(0, -1).join('/');
}

/**
 * Two stacks claiming one namespace on one Kubernetes cluster would install the agent
 * or operator twice into it and fight over its Secrets; their folders differ, so the
 * folder check does not see it. The cluster is the GitOps tool's identity of it.
 */
function namespaceClaimProblems(charts: readonly Chart[]): ConfigProblem[] {
  const claims = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const chart of charts) {
    const p = placementOf(chart);
    if (!p?.stack || p.stack !== chart) continue;
    const key = `${p.clusterKey} ${p.namespace}`;
    const first = claims.get(key);
    if (first === undefined) claims.set(key, pathOf(chart));
    else problems.push({ constructPath: pathOf(chart), prop: 'namespace', value: p.namespace, allowed: `a namespace no other stack on Kubernetes cluster "${p.cluster}" (${p.tool.displayName}) claims; ${first} already installs into it` });
  }
  return problems;
}

/**
 * A Qdrant cluster id names one database (its QdrantCluster is `qdrant-<id>`, Qdrant
 * Cloud knows it by that id): two clusters with one id anywhere in the fleet, even on
 * different Kubernetes clusters or in different namespaces, are a copy-paste slip.
 */
function clusterIdProblems(rendered: readonly RenderedChart[]): ConfigProblem[] {
  const first = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const [chart, objects] of rendered) {
    for (const o of objects.filter((x) => x.kind === 'QdrantCluster')) {
      const where = `${pathOf(chart)} (${o.metadata.namespace}/${o.metadata.name})`;
      const seen = first.get(o.spec.id);
      if (seen === undefined) first.set(o.spec.id, where);
      else problems.push({ constructPath: pathOf(chart), prop: 'id (Qdrant cluster id)', value: o.spec.id, allowed: `an id no other cluster of the fleet has; ${seen} has it` });
    }
  }
  return problems;
}

/**
 * Two folders applying one object (kind, namespace, name) to one Kubernetes cluster
 * would fight over it: Flux refuses the second owner, Argo CD flips between them, and
 * whichever applies last wins (a second operator install, a StorageClass with other
 * parameters). The cluster is where the folder's objects are applied.
 */
function duplicateObjectProblems(rendered: readonly RenderedChart[]): ConfigProblem[] {
  const first = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const [chart, objects] of rendered) {
    const placement = placementOf(chart);
    if (!placement) continue; // a chart of the user's own: not ours to judge
    for (const o of objects) {
      const ns = o.metadata?.namespace ? `${o.metadata.namespace}/` : '';
      const id = `${o.kind} ${ns}${o.metadata?.name}`;
      const secret = writtenSecret(o);
      const key = `${placement.appliedTo.key} ${secret !== undefined ? `Secret ${ns}${secret}` : `${String(o.apiVersion).split('/')[0]} ${id}`}`;
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, chart.node.id);
        continue;
      }
      problems.push({
        constructPath: pathOf(placement.stack ?? chart), prop: 'objects', value: id,
        allowed: secret !== undefined
          ? `a Secret no other object writes in Kubernetes cluster "${placement.appliedTo.label}"; folder ${seen} writes Secret ${ns}${secret} too. ${remedyFor(o.kind)}`
          : `an object no other folder applies to Kubernetes cluster "${placement.appliedTo.label}"; folder ${seen} applies it too. ${remedyFor(o.kind)}`,
      });
    }
  }
  return problems;
}

/** The name of the Secret an object writes: a Secret's own, or the one a SealedSecret's or ExternalSecret's controller writes. */
function writtenSecret(o: any): string | undefined {
  switch (o.kind) {
    case 'Secret': return o.apiVersion === 'v1' ? o.metadata?.name : undefined;
    case 'SealedSecret': return o.spec?.template?.metadata?.name ?? o.metadata?.name;
    case 'ExternalSecret': return o.spec?.target?.name ?? o.metadata?.name;
    default: return undefined;
  }
}

function remedyFor(kind: string): string {
  if (kind === 'StorageClass' || kind === 'VolumeSnapshotClass') {
    return 'A class is cluster-wide: declare it in one stack and with existing: true (same name) in the others';
  }
  if (kind === 'Application') return 'Give each stack its own delivery.namePrefix';
  return 'Give each stack its own namespace or names';
}

/**
 * Every folder of one app is written to one output directory, so the Kustomizations and
 * root Applications the library writes must all name folders of this app under one
 * Git path. A different `outputPath` on one stack would point its bootstrap at a folder
 * nothing writes; the first path seen is taken as the output's.
 */
function bootstrapPathProblems(rendered: readonly RenderedChart[]): ConfigProblem[] {
  const folders = new Set(rendered.map(([chart]) => chart.node.id));
  let outputBase: string | undefined;
  const problems: ConfigProblem[] = [];
  for (const [chart, objects] of rendered) {
    if (!placementOf(chart)) continue; // a chart of the user's own: its paths may point anywhere
    for (const o of objects) {
      const p = appliedPath(o);
      if (p === undefined) continue;
      outputBase ??= outputBaseOf(p);
      if (folders.has(lastSegment(p)) && outputBaseOf(p) === outputBase) continue;
      // Blame the stack whose folder is named (its delivery set the path), else the folder holding the object.
      const target = rendered.find(([c]) => c.node.id === lastSegment(p))?.[0];
      const owner = (target && placementOf(target)?.stack) ?? chart;
      problems.push({
        constructPath: pathOf(owner), prop: 'delivery.outputPath', value: p,
        allowed: `a path to a folder this app writes, under the output's Git path "${outputBase}" (${o.kind} ${o.metadata.name} points elsewhere)`,
      });
    }
  }
  return problems;
}

/**
 * The Argo CD Applications that apply folders of this app read them from one Git
 * repository: the output is written to one place. A second URL would point a root
 * Application at a repository this output never reaches.
 */
function outputRepositoryProblems(rendered: readonly RenderedChart[]): ConfigProblem[] {
  let first: { url: string; where: string } | undefined;
  const problems: ConfigProblem[] = [];
  for (const [chart, objects] of rendered) {
    const placement = placementOf(chart);
    if (!placement) continue;
    for (const o of objects.filter((x) => x.kind === 'Application' && appliedPath(x) !== undefined)) {
      const url = o.spec.source.repoURL;
      const owner = pathOf(rendered.find(([c]) => c.node.id === lastSegment(appliedPath(o)!))?.[0] ?? chart);
      first ??= { url, where: owner };
      if (url === first.url) continue;
      problems.push({
        constructPath: owner, prop: 'delivery.gitRepository.url', value: url,
        allowed: `the repository the whole output is committed to, "${first.url}" (as ${first.where} says): one app writes one output directory`,
      });
    }
  }
  return problems;
}

/** The fleet's warning rules: findings across folders that may be intended, so warnings. */
export const FLEET_WARNINGS = {
  stackNotBootstrapped: {
    id: 'stack-not-in-bootstrap',
    doc: 'An Argo CD stack left out of argocd-bootstrap while others are in it needs an Application made by hand.',
  },
  outputPathElsewhere: {
    id: 'output-path-elsewhere',
    doc: 'The Git path the Kustomizations and Applications read (delivery.outputPath) should be where the output is written.',
  },
} as const satisfies Record<string, NamedRule>;

/**
 * Argo CD stacks left out of `argocd-bootstrap` while others are in it: each needs an
 * Application of its own made by hand, which the README's "one object by hand" does not
 * cover. Not an error (a stack may be applied by an existing app of apps), so a warning.
 */
export function unbootstrappedStacks(rendered: readonly RenderedChart[]): Chart[] {
  const applied = new Set(rendered.flatMap(([, objects]) => objects.map(appliedPath).filter((p) => p !== undefined).map((p) => lastSegment(p!))));
  const stacks = rendered.map(([chart]) => chart).filter((chart) => {
    const p = placementOf(chart);
    return p?.tool.bootstrapOptional === true && p.stack === chart;
  });
  const rooted = stacks.filter((chart) => applied.has(chart.node.id));
  return rooted.length ? stacks.filter((chart) => !applied.has(chart.node.id)) : [];
}

/**
 * The Git path the library's Kustomizations and Applications read the output from
 * (`delivery.outputPath`, default `dist`) should be where the output is written: a
 * warning, since the output may be copied into the repository by other means.
 */
export function outputPathWarning(outdir: string, folders: readonly { readonly placement?: unknown; readonly objects: readonly any[] }[]): string | undefined {
  const bases = new Set(folders.filter((f) => f.placement).flatMap((f) => f.objects.map(appliedPath))
    .filter((p): p is string => p !== undefined)
    .map(outputBaseOf));
  const written = [path.resolve(outdir), fs.existsSync(outdir) ? fs.realpathSync(outdir) : path.resolve(outdir)];
  const elsewhere = [...bases].filter((base) => base !== '' && !written.some((w) => w === `/${base}` || w.endsWith(`${path.sep}${base}`)));
  if (!elsewhere.length) return undefined;
  return withRuleId(`the Flux Kustomizations and Argo CD Applications read the output from "${elsewhere[0]}/" in Git, but it is written to ${path.resolve(outdir)}; ` +
    'set delivery.outputPath to the output directory\'s path in the repository (or write the output there)', FLEET_WARNINGS.outputPathElsewhere.id);
}
