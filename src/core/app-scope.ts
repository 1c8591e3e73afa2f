import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { pathOf, QdrantConfigError } from './errors';
import { Records } from './records';

/**
 * What every construct of the library may ask of its app: the records of what is
 * app-wide (the default mirror, Argo CD repository claims, bootstrap folders, sealed
 * bindings). QdrantApp implements it; the modules that keep a record declare its key.
 */
export interface IQdrantAppContext extends IConstruct {
  /** The app-wide records. @internal */
  readonly _appRecords: Records;
}

/**
 * Brands the QdrantApp. A registered symbol, so that two copies of the library (the
 * sources and the built package) recognise each other's apps.
 */
const QDRANT_APP = Symbol.for('cdk8s-qdrant.QdrantApp');

/** Brands `app` as the library's app (QdrantApp's constructor). */
export function markQdrantApp(app: IQdrantAppContext): void {
  Object.defineProperty(app, QDRANT_APP, { value: true });
}

/** The QdrantApp `scope` belongs to, or none: the one lookup of the app, by its brand. */
export function qdrantAppOf(scope: IConstruct): IQdrantAppContext | undefined {
  const root = scope.node.root as Partial<Record<typeof QDRANT_APP, boolean>> & IQdrantAppContext;
  return root[QDRANT_APP] === true ? root : undefined;
}

/** The app-wide records of the QdrantApp `scope` belongs to; refuses a scope outside one. */
export function appRecords(scope: IConstruct): Records {
  const app = qdrantAppOf(scope);
  if (app) return app._appRecords;
  throw outsideApp(scope, pathOf(scope), 'construct of cdk8s-qdrant');
}

/**
 * Refuses a construct `id` of this library outside a QdrantApp, before it joins the tree
 * (so a refused construct leaves nothing behind), and returns `scope`: a plain cdk8s App
 * would write the manifests without the guards, the folder checks, the side files and READMEs.
 */
export function inQdrantApp(scope: IConstruct, id: string, what: string): IConstruct {
  if (qdrantAppOf(scope)) return scope;
  throw outsideApp(scope, childPath(scope, id), what);
}

/** The error for a construct at `constructPath` outside a QdrantApp. */
function outsideApp(scope: IConstruct, constructPath: string, what: string): QdrantConfigError {
  const root = scope.node.root;
  return new QdrantConfigError([{
    constructPath, prop: 'scope', value: root.constructor?.name ?? typeof root,
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
