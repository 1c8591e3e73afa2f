import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { fail, pathOf } from './errors';

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
 * Refuses a construct of this library outside a QdrantApp: a plain cdk8s App would
 * write its manifests without the guards, the folder checks, the side files and READMEs.
 */
export function requireQdrantApp(scope: IConstruct, what: string): void {
  const root = scope.node.root;
  if ((root as any)[QDRANT_APP] === true) return;
  fail(scope, 'scope', root.constructor?.name ?? typeof root,
    `a ${what} belongs in a QdrantApp (new QdrantApp() instead of new App()): only QdrantApp.synth() refuses data-losing changes ` +
    '(the guards), checks the output folders and writes the side files and READMEs; a plain cdk8s App would write the manifests without any of that');
}

/** Refuses a construct that needs a chart above it, with the library's error instead of cdk8s's. */
export function requireChart(scope: IConstruct, what: string, how: string): void {
  if (scope.node.scopes.some((c) => Chart.isChart(c))) return;
  fail(scope, 'scope', pathOf(scope.node.scope ?? scope), `a ${what} belongs in a chart: ${how}`);
}
