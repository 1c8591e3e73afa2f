import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { markQdrantApp } from '../core/app-scope';
import { ConfigProblem, fail, pathOf, QdrantConfigError } from '../core/errors';
import { addWarning } from '../core/notices';
import { dns1123Label, Rule } from '../core/rules';
import { checkKnownObject, propKeys } from '../core/shape';
import { checkOptional } from '../core/validate';
import { byCodePoint } from '../core/values';
import { ImageMirror } from '../mirror/image-mirror';
import { IMirrorDefault } from '../mirror/registry-target';
import { AllowedChange, checkAllowedChanges } from './allow';
import { GuardAnnotation, checkAgainstPrevious } from './guards';
import { GuardedFolder, keyOf, serializeState, stateOf } from './guard-state';
import { FLEET_README, outputDirProblems, writeOutput } from './output-writer';
import {
  bootstrapPathProblems, clusterIdProblems, duplicateObjectProblems, namespaceClaimProblems, outputPathWarning, outputRepositoryProblems, unbootstrappedStacks,
} from './fleet-checks';
import { fleetReadme } from './fleet-readme';
import { Draft, draftOf, serialize, serializeOneByOne } from './folder-draft';
import { linkToRestore, restoreLink } from './output-link';
import { previousState, stateFileOf } from './previous-state';
import { RenderedFolder } from './rendered-folder';
import { renderCharts } from './render-charts';

export interface QdrantAppProps {
  /** Output directory. @default - $CDK8S_OUTDIR, else 'dist' */
  readonly outdir?: string;
  /** Image mirror for every chart that sets none. @default - none: Qdrant's registry */
  readonly mirror?: ImageMirror;
  /** Changes the guards would refuse, allowed one by one with a reason (see `Allow`). @default - none */
  readonly allowedChanges?: readonly AllowedChange[];
  /**
   * A previous output directory (or its guard state file) to compare with, e.g. a
   * checkout of the main branch in CI. It must exist.
   * @default - the guard state file beside the output directory (`<outdir>.qdrant-state.json`)
   */
  readonly previousOutput?: string;
}

const APP_PROP_KEYS = propKeys<QdrantAppProps>({ outdir: true, mirror: true, allowedChanges: true, previousOutput: true });

/** A path prop: a non-empty string without a NUL byte (JavaScript callers can pass anything). */
const pathText: Rule<string> = (v) =>
  (typeof v === 'string' && v.trim() !== '' && !v.includes('\u0000') ? undefined : 'expected a non-empty path (a string without NUL bytes)');

/** The props as JavaScript callers may pass them: an object of known keys with values of the right type. */
function checkAppProps(app: QdrantApp, props: unknown): void {
  checkKnownObject(app, 'props', props, 'QdrantAppProps (an object) or nothing', APP_PROP_KEYS, '');
  const p = props as Record<string, unknown>;
  checkOptional(app, 'outdir', p.outdir as string | undefined, pathText);
  checkOptional(app, 'previousOutput', p.previousOutput as string | undefined, pathText);
  if (p.mirror !== undefined && !(p.mirror instanceof ImageMirror)) fail(app, 'mirror', p.mirror, 'expected an ImageMirror');
}

/**
 * The cdk8s App of this library. `synth()` writes one folder per chart:
 * `manifests.k8s.yaml`, a `kustomization.yaml` listing it, the chart's side files
 * (environment.json, mirror.yaml) and a README.md with a Mermaid picture of the folder;
 * beside the folders, a fleet `README.md` with totals. Everything is rendered in memory
 * first and swapped into place at the end, so a bad input never leaves a partial or
 * changed output directory.
 */
export class QdrantApp extends App implements IMirrorDefault {
  /** The app-wide image mirror. */
  public readonly mirror?: ImageMirror;
  private readonly allowedChanges: readonly AllowedChange[];
  private readonly previousOutput?: string;

  constructor(props: QdrantAppProps = {}) {
    super({ outdir: typeof props?.outdir === 'string' ? props.outdir : undefined });
    markQdrantApp(this);
    checkAppProps(this, props);
    this.mirror = props.mirror;
    this.allowedChanges = props.allowedChanges ?? [];
    this.previousOutput = props.previousOutput;
  }

  /** Renders every chart without writing anything. Throws QdrantConfigError on bad input. */
  public render(): RenderedFolder[] {
    return this.renderObjects().map(serialize);
  }

  /**
   * Renders, checks the result against the previous state (guards), then replaces the
   * output directory in one step and writes the new guard state beside it.
   */
  public synth(): void {
    const relink = linkToRestore(this.outdir);
    const outdirProblems = outputDirProblems(this.outdir, relink);
    if (outdirProblems.length) throw new QdrantConfigError(outdirProblems);
    checkAllowedChanges(this.allowedChanges);
    const drafts = this.renderObjects();
    const underCli = process.env.CDK8S_OUTDIR !== undefined && path.resolve(process.env.CDK8S_OUTDIR) === path.resolve(this.outdir);
    const clusters = new Map(drafts.map((d) => [d.folder, d.placement?.clusterKey]));
    const previous = previousState({ outdir: this.outdir, previousOutput: this.previousOutput, underCli, clusterOf: (f) => clusters.get(f) });
    const next = stateOf(drafts.map(guardedFolder));
    const outputName = path.basename(path.resolve(this.outdir));
    const guard = checkAgainstPrevious(previous.state, next, this.allowedChanges, outputName);
    previous.warnings.forEach(warn);
    if (guard.problems.length) {
      if (underCli) warn(`the cdk8s CLI emptied ${this.outdir} before the app ran and nothing new was written; \`git checkout -- ${this.outdir}\` restores the previous output`);
      throw new QdrantConfigError(guard.problems);
    }
    annotate(drafts, guard.annotations);
    const warnings = drafts.flatMap((d) => d.warnings);
    const rootFiles = { [FLEET_README]: fleetReadme(drafts) };
    // Before writing: the writer lets go of each folder's objects once it is serialised.
    const pathWarnings = [outputPathWarning(this.outdir, drafts)].filter((w): w is string => w !== undefined);
    if (relink !== undefined) restoreLink(this.outdir, relink);
    const outputLink = fs.lstatSync(this.outdir, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.readlinkSync(this.outdir) : undefined;
    writeOutput(this.outdir, serializeOneByOne(drafts), { path: stateFileOf(this.outdir), content: serializeState(next, outputName, outputLink) }, rootFiles);
    [
      ...guard.allowedChanges,
      ...warnings,
      ...pathWarnings,
      ...guard.unusedAllowances.map((a) => `allowedChanges: ${a.change} of "${a.target}" matched no change; remove it`),
    ].forEach(warn);
  }

  /** Every chart's objects and side files; checks folder names before anything else. */
  private renderObjects(): Draft[] {
    const problems = collectProblems(this);
    if (problems.length) throw new QdrantConfigError(problems);
    const rendered = [...renderCharts(this)];
    const folderNames = rendered.flatMap(([chart]) => folderProblems(chart));
    if (folderNames.length) throw new QdrantConfigError(folderNames);
    const claims = [
      ...namespaceClaimProblems(rendered.map(([chart]) => chart)), ...clusterIdProblems(rendered), ...bootstrapPathProblems(rendered),
      ...outputRepositoryProblems(rendered),
    ];
    if (claims.length) throw new QdrantConfigError(claims);
    // After the claims: a namespace claimed twice also duplicates its objects, and the claim says why.
    const duplicates = duplicateObjectProblems(rendered);
    if (duplicates.length) throw new QdrantConfigError(duplicates);
    for (const stack of unbootstrappedStacks(rendered)) {
      addWarning(stack, 'not in argocd-bootstrap (its ArgoCdDelivery has no gitRepository) while other Argo CD stacks are: ' +
        `apply its folder ${stack.node.id} with an Application of your own, or give the delivery gitRepository`);
    }
    const drafts = rendered.map(([chart, objects]) => draftOf(chart, objects));
    const seen = new Set<string>();
    for (const d of drafts) {
      if (seen.has(d.folder)) {
        throw new QdrantConfigError([{ constructPath: d.folder, prop: 'id', value: d.folder, allowed: 'chart ids name output folders and must be unique' }]);
      }
      seen.add(d.folder);
    }
    return drafts.sort((a, b) => byCodePoint(a.folder, b.folder));
  }
}

/** Writes each allowed change's reason onto the object it changed, so the pull request shows it. */
function annotate(drafts: readonly Draft[], annotations: readonly GuardAnnotation[]): void {
  if (!annotations.length) return;
  const objects = new Map(drafts.flatMap((d) => d.objects.map((o) => [
    `${o.kind}:${keyOf({ cluster: d.placement?.clusterKey, namespace: o.metadata?.namespace, name: o.metadata?.name })}`, o,
  ])));
  for (const a of annotations) {
    const o = objects.get(`${a.object.kind}:${keyOf(a.object)}`);
    if (o) o.metadata.annotations = { ...o.metadata.annotations, [a.key]: a.value };
  }
}

/** A draft as the guards read it: its objects keyed by the Kubernetes cluster they are applied to. */
function guardedFolder(d: Draft): GuardedFolder {
  return { folder: d.folder, cluster: d.placement?.clusterKey, objects: d.objects };
}

/**
 * A chart id names its output folder: a DNS-1123 label, so that nothing is written
 * outside the output directory (no `.`, `..`, `/`, NUL) and Argo CD or Flux paths stay valid.
 */
function folderProblems(chart: Chart): ConfigProblem[] {
  const why = dns1123Label(chart.node.id);
  return why ? [{ constructPath: pathOf(chart), prop: 'id (output folder name)', value: chart.node.id, allowed: why }] : [];
}

function warn(message: string): void {
  process.stderr.write(`cdk8s-qdrant warning: ${message}\n`);
}

/** Every deferred validation of every construct, as problems. */
function collectProblems(app: App): ConfigProblem[] {
  return app.node.findAll().flatMap((c: IConstruct) =>
    c.node.validate().map((message) => ({ constructPath: pathOf(c), prop: '(validation)', value: undefined, allowed: message })));
}
