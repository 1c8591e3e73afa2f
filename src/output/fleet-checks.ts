import { Chart } from 'cdk8s';
import { ConfigProblem, pathOf } from '../core/errors';
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
