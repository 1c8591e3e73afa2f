import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { pathOf, QdrantConfigError } from './errors';

/**
 * Marks the QdrantApp. A registered symbol, so that two copies of the library (the
 * sources and the built package) recognise each other's apps.
 */
const QDRANT_APP = Symbol.for('cdk8s-qdrant.QdrantApp');

/** Marks `app` as the library's app (QdrantApp's constructor). */
export function markQdrantApp(app: IConstruct): void {
  Object.defineProperty(app, QDRANT_APP, { value: true });
}

/**
 * Refuses a construct `id` of this library outside a QdrantApp, before it joins the tree
 * (so a refused construct leaves nothing behind), and returns `scope`: a plain cdk8s App
 * would write the manifests without the guards, the folder checks, the side files and READMEs.
 */
export function inQdrantApp(scope: IConstruct, id: string, what: string): IConstruct {
  const root = scope.node.root;
  if ((root as any)[QDRANT_APP] === true) return scope;
  throw new QdrantConfigError([{
    constructPath: childPath(scope, id), prop: 'scope', value: root.constructor?.name ?? typeof root,
    allowed: `a ${what} belongs in a QdrantApp (new QdrantApp() instead of new App()): only QdrantApp.synth() refuses data-losing changes ` +
      '(the guards), checks the output folders and writes the side files and READMEs; a plain cdk8s App would write the manifests without any of that',
  }]);
}

/** Refuses a construct `id` that needs a chart above it, before it joins the tree, with the library's error instead of cdk8s's; returns `scope`. */
export function inChart(scope: IConstruct, id: string, what: string, how: string): IConstruct {
  if (scope.node.scopes.some((c) => Chart.isChart(c))) return scope;
  throw new QdrantConfigError([{ constructPath: childPath(scope, id), prop: 'scope', value: pathOf(scope), allowed: `a ${what} belongs in a chart: ${how}` }]);
}

/** The construct path `id` would have under `scope`. */
function childPath(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}
