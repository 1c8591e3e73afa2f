import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * Every chart of the app, in construct tree order, with its manifest objects, each
 * list in the order `chart.toJson()` gives. cdk8s 2.70's `toJson()` reruns the
 * app-wide dependency pass for every chart it renders (charts x app size); this runs
 * it once, as `App.synth()` does. The charts are not sorted by their dependencies
 * (`App.charts` builds a graph of the whole app for that): the output folders are
 * sorted by name anyway. Validation stays with the caller, which validates every
 * construct before rendering.
 */
export function renderCharts(app: App): Map<Chart, any[]> {
  const all = app.node.findAll();
  resolveDependencies(all);
  const rendered = new Map<Chart, any[]>();
  for (const chart of all) {
    if (chart instanceof Chart) rendered.set(chart, chartObjects(chart).map((o) => o.toJson()));
  }
  return rendered;
}

/**
 * The dependency pass of cdk8s, in its order (the order of each node's dependency
 * set decides the order of the objects): a chart depends on the charts nested in
 * it and on the charts its constructs depend on; then every dependency between two
 * constructs, these chart ones included, makes each API object under the source
 * depend on each API object under the target, both taken within their own chart.
 */
function resolveDependencies(all: readonly IConstruct[]): void {
  const subtree = memo((c: IConstruct) => c.node.findAll().filter((x) => x instanceof ApiObject && Chart.of(x) === Chart.of(c)));
  for (const parent of all) {
    if (!(parent instanceof Chart)) continue;
    for (const child of parent.node.children) if (child instanceof Chart) parent.node.addDependency(child);
  }
  for (const [source, target] of dependencies(all)) {
    if (Chart.of(source) !== Chart.of(target)) Chart.of(source).node.addDependency(Chart.of(target));
  }
  for (const [source, target] of dependencies(all)) {
    const targets = subtree(target);
    for (const s of subtree(source)) for (const t of targets) if (s !== t) s.node.addDependency(t);
  }
}

function dependencies(constructs: readonly IConstruct[]): [IConstruct, IConstruct][] {
  return constructs.flatMap((c) => c.node.dependencies.map((d): [IConstruct, IConstruct] => [c, d]));
}

/**
 * The chart's own API objects (not those of nested charts), dependencies first: the
 * order of cdk8s's `DependencyGraph(chart.node).topology()`, a depth-first post-order
 * from the constructs nothing in the chart depends on, in tree order. Unlike cdk8s it
 * visits each construct once and finds cycles while sorting instead of searching the
 * graph on every edge.
 */
function chartObjects(chart: Chart): ApiObject[] {
  const constructs = chart.node.findAll();
  const inChart = new Set<IConstruct>(constructs);
  const edges = new Map<IConstruct, Set<IConstruct>>();
  const depended = new Set<IConstruct>();
  for (const source of constructs) {
    for (const target of source.node.dependencies) {
      if (!inChart.has(target)) continue; // cdk8s's graph stays within the chart too
      if (!edges.has(source)) edges.set(source, new Set());
      edges.get(source)!.add(target);
      depended.add(target);
    }
  }
  const order: IConstruct[] = [];
  const done = new Set<IConstruct>();
  const path: IConstruct[] = [];
  const visit = (c: IConstruct): void => {
    if (done.has(c)) return;
    if (path.includes(c)) throw new Error(`Dependency cycle detected: ${[...path.slice(path.indexOf(c)), c].map((x) => x.node.path).join(' => ')}`);
    path.push(c);
    for (const target of edges.get(c) ?? []) visit(target);
    path.pop();
    done.add(c);
    order.push(c);
  };
  for (const c of constructs) if (!depended.has(c)) visit(c);
  if (done.size < constructs.length) constructs.forEach(visit); // only a cycle is unreachable from the roots
  return order.filter((x): x is ApiObject => x instanceof ApiObject && Chart.of(x) === chart);
}

function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, fn(k));
    return cache.get(k)!;
  };
}
