import { Chart } from 'cdk8s';
import { ConfigProblem, pathOf } from '../core/errors';
import { appliedPath, lastSegment } from './fleet-readme';
import { placementOf } from './placement';

/**
 * Two stacks claiming one namespace on one Kubernetes cluster would install the agent
 * or operator twice into it and fight over its Secrets; their folders differ, so the
 * folder check does not see it. The cluster is the GitOps tool's identity of it.
 */
export function namespaceClaimProblems(charts: readonly Chart[]): ConfigProblem[] {
  const claims = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const chart of charts) {
    const p = placementOf(chart);
    if (!p?.stack || p.stack !== chart) continue;
    const key = `${p.clusterKey} ${p.namespace}`;
    const first = claims.get(key);
    if (first === undefined) claims.set(key, pathOf(chart));
    else problems.push({ constructPath: pathOf(chart), prop: 'namespace', value: p.namespace, allowed: `a namespace no other stack on Kubernetes cluster "${p.cluster}" (${p.tool === 'flux' ? 'Flux' : 'Argo CD'}) claims; ${first} already installs into it` });
  }
  return problems;
}

/**
 * A Qdrant cluster id names one database (its QdrantCluster is `qdrant-<id>`, Qdrant
 * Cloud knows it by that id): two clusters with one id anywhere in the fleet, even on
 * different Kubernetes clusters or in different namespaces, are a copy-paste slip.
 */
export function clusterIdProblems(rendered: readonly (readonly [Chart, readonly any[]])[]): ConfigProblem[] {
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
 * Every folder of one app is written to one output directory, so the Kustomizations and
 * root Applications the library writes must all name folders of this app under one
 * Git path. A different `outputPath` on one stack would point its bootstrap at a folder
 * nothing writes; the first path seen is taken as the output's.
 */
export function bootstrapPathProblems(rendered: readonly (readonly [Chart, readonly any[]])[]): ConfigProblem[] {
  const folders = new Set(rendered.map(([chart]) => chart.node.id));
  const base = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '').split('/').slice(0, -1).join('/');
  let outputBase: string | undefined;
  const problems: ConfigProblem[] = [];
  for (const [chart, objects] of rendered) {
    if (!placementOf(chart)) continue; // a chart of the user's own: its paths may point anywhere
    for (const o of objects) {
      const p = appliedPath(o);
      if (p === undefined) continue;
      outputBase ??= base(p);
      if (folders.has(lastSegment(p)) && base(p) === outputBase) continue;
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
