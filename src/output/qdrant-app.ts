import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { markQdrantApp, qdrantAppOf } from '../core/app-scope';
import { ConfigProblem, fail, pathOf, QdrantConfigError } from '../core/errors';
import { dns1123Label, Rule } from '../core/rules';
import { Records } from '../core/records';
import { checkKnownObject, propKeys } from '../core/shape';
import { checkOptional } from '../core/validate';
import { byCodePoint } from '../core/values';
import { ImageMirror } from '../mirror/image-mirror';
import { DEFAULT_MIRROR, IMirrorDefault } from '../mirror/registry-target';
import { AllowedChange, checkAllowedChanges } from './guards/allow';
import { GuardAnnotation, GuardOutcome, checkAgainstPrevious } from './guards/guards';
import { GuardedFolder, GuardState, keyOf, mergeStates, stateOf } from './guards/guard-state';
import { warnRule } from '../core/policy';
import { FLEET_WARNINGS, fleetProblems, outputPathWarning, unbootstrappedStacks } from './fleet-checks';
import { fleetReadme } from './readme/fleet-readme';
import { Draft, draftOf, manifestFilesOf, serialize, serializeOneByOne } from './folder-draft';
import { BASE_REF_ENV, Baseline, loadBaseline } from './memory/baseline';
import { linkToRestore, restoreLink } from './memory/output-link';
import { FLEET_README, MEMORY_FILE } from './writer/output-layout';
import { databaseChanges } from './plan/database-changes';
import { FolderChanges, Plan } from './plan/plan';
import { nothingToCompareLine, planMarkdown } from './plan/plan-report';
import { checkPlanFile, PLAN_FILE_ENV, writePlanFiles } from './plan/plan-file';
import { RenderedFolder } from './rendered-folder';
import { renderCharts } from './render-charts';
import { removeLegacyStateFile } from './memory/legacy-state-file';
import { manifestBlobIds, recordedFolders } from './recorded-folders';
import { outputDirProblems, recoverLeftovers, writeOutput } from './writer/output-writer';

export interface QdrantAppProps {
  /** Output directory. @default - $CDK8S_OUTDIR, else 'dist' */
  readonly outdir?: string;
  /** Image mirror for every chart that sets none. @default - none: Qdrant's registry */
  readonly mirror?: ImageMirror;
  /** Changes the guards would refuse, allowed one by one with a reason (see `Allow`). @default - none */
  readonly allowedChanges?: readonly AllowedChange[];
  /**
   * The git ref whose committed output the guards compare with, when the output directory
   * lies in a git work tree: the branch Argo CD or Flux syncs (a pull-request check sets
   * `origin/main`). The ref must exist.
   * @default - $QDRANT_BASE_REF, else HEAD
   */
  readonly baseRef?: string;
  /**
   * A previous output directory to compare with instead of git or the output on disk, e.g.
   * a checkout of the main branch's output. It must exist and hold manifests.
   * @default - the output committed at `baseRef`, else the output directory on disk
   */
  readonly previousOutput?: string;
  /**
   * A Markdown file (`.md`) to write the plan to, for a pull-request comment; the JSON plan
   * goes beside it (`.json`). It must lie outside the output directory, so git sees no churn.
   * @default - $QDRANT_PLAN_FILE, else none: the plan is only printed
   */
  readonly planFile?: string;
}

const APP_PROP_KEYS = propKeys<QdrantAppProps>({ outdir: true, mirror: true, allowedChanges: true, baseRef: true, previousOutput: true, planFile: true });

/** A path prop: a non-empty string without a NUL byte (JavaScript callers can pass anything). */
const pathText: Rule<string> = (v) =>
  (typeof v === 'string' && v.trim() !== '' && !v.includes('\u0000') ? undefined : 'expected a non-empty path (a string without NUL bytes)');

/** A git ref as `git rev-parse` takes it, never an option. */
const gitRef: Rule<string> = (v) =>
  (typeof v === 'string' && !v.includes('\u0000') && /^[^\s-]\S*$/.test(v) ? undefined : 'expected a git ref such as HEAD, main or origin/main (no spaces, not starting with "-")');

/** The props as JavaScript callers may pass them: an object of known keys with values of the right type. */
function checkAppProps(app: QdrantApp, props: unknown): void {
  checkKnownObject(app, 'props', props, 'QdrantAppProps (an object) or nothing', APP_PROP_KEYS, '');
  const p = props as Record<string, unknown>;
  checkOptional(app, 'outdir', p.outdir as string | undefined, pathText);
  checkOptional(app, 'previousOutput', p.previousOutput as string | undefined, pathText);
  checkOptional(app, 'planFile', p.planFile as string | undefined, pathText);
  checkOptional(app, 'baseRef', p.baseRef as string | undefined, gitRef);
  if (p.mirror !== undefined && !(p.mirror instanceof ImageMirror)) fail(app, 'mirror', p.mirror, 'expected an ImageMirror');
}

/**
 * The cdk8s App of this library. `synth()` writes one folder per chart:
 * `manifests.k8s.yaml`, a `kustomization.yaml` listing it, the chart's side files
 * (environment.json, mirror.yaml) and a README.md with a Mermaid picture of the folder;
 * beside the folders, a fleet `README.md` with totals and the guards' memory
 * (`qdrant-state.json`). Everything is rendered in memory and checked against the previous
 * output first, then staged and swapped into place in one step, so a bad input never
 * leaves a partial or changed output directory. Each synth prints a plan of what it changes.
 */
export class QdrantApp extends App implements IMirrorDefault {
  /**
   * The QdrantApp `scope` belongs to (like aws-cdk's `Stack.of`). Throws
   * QdrantConfigError for a scope outside a QdrantApp.
   */
  public static of(scope: IConstruct): QdrantApp {
    const app = qdrantAppOf(scope);
    if (!app) fail(scope, 'scope', scope.node.root.constructor?.name, 'a construct of a QdrantApp (new QdrantApp() instead of new App())');
    return app as QdrantApp;
  }

  /** The app-wide image mirror. */
  public readonly mirror?: ImageMirror;
  /** The app-wide records (IQdrantAppContext, which markQdrantApp checks). @internal */
  public readonly _appRecords = new Records();
  private readonly allowedChanges: readonly AllowedChange[];
  private readonly baseRef?: string;
  private readonly previousOutput?: string;
  private readonly planFile?: string;

  constructor(props: QdrantAppProps = {}) {
    super({ outdir: typeof props?.outdir === 'string' ? props.outdir : undefined });
    markQdrantApp(this);
    checkAppProps(this, props);
    this.mirror = props.mirror;
    this._appRecords.put(DEFAULT_MIRROR, props.mirror);
    this.allowedChanges = props.allowedChanges ?? [];
    this.baseRef = props.baseRef ?? (process.env[BASE_REF_ENV] || undefined);
    this.previousOutput = props.previousOutput;
    this.planFile = props.planFile ?? (process.env[PLAN_FILE_ENV] || undefined);
  }

  /** Renders every chart without writing anything. Throws QdrantConfigError on bad input. */
  public render(): RenderedFolder[] {
    return this.renderObjects().map(serialize);
  }

  /**
   * Renders, checks the result against the previous output (the guards), replaces the
   * output directory in one step, then prints the plan (and writes it to `planFile`).
   * Throws QdrantConfigError on bad input or a refused change, QdrantOutputError when the
   * file system fails; either way the previous output stays as it was.
   */
  public synth(): void {
    this.prepareOutput();
    const drafts = this.renderObjects();
    const checked = this.checkAgainstBaseline(drafts);
    const plan = this.writeDrafts(drafts, checked);
    this.report(plan, checked.guard);
  }

  /** Before anything is rendered: what a killed synth left, the output directory, the allowances and the plan file. */
  private prepareOutput(): void {
    recoverLeftovers(this.outdir).forEach((n) => report(`notice: ${n}`));
    const relink = linkToRestore(this.outdir);
    const outdirProblems = outputDirProblems(this.outdir, relink);
    if (outdirProblems.length) throw new QdrantConfigError(outdirProblems);
    // Before the guards read the previous output through it: the link is what git holds.
    if (relink !== undefined) report(`notice: ${restoreLink(this.outdir, relink)}`);
    checkAllowedChanges(this.allowedChanges);
    if (this.planFile !== undefined) checkPlanFile(this.planFile, this.outdir);
  }

  /** The guards: the new output against what GitOps deploys. Throws when they refuse; annotates allowed changes. */
  private checkAgainstBaseline(drafts: Draft[]): Checked {
    // Each folder as written before any allowance annotates it: a previous folder with the same bytes needs no reading.
    const nextFolders = new Map(drafts.map((d) => [d.folder, {
      cluster: d.placement?.clusterKey, manifests: manifestBlobIds(manifestFilesOf(d.objects)), state: stateOf([guardedFolder(d)]),
    }]));
    const next = mergeStates([...nextFolders.values()].map((f) => f.state));
    const baseline = loadBaseline({
      outdir: this.outdir, previousOutput: this.previousOutput, baseRef: this.baseRef, next: nextFolders,
    });
    const guard = checkAgainstPrevious(baseline.state, next, this.allowedChanges, path.basename(path.resolve(this.outdir)));
    if (guard.problems.length) {
      report(`notice: the guards compared with ${baseline.source ?? 'nothing'}`);
      baseline.notes.forEach((n) => report(`notice: ${n}`));
      if (underCli(this.outdir)) report(`warning: the cdk8s CLI emptied ${this.outdir} before the app ran and nothing new was written; \`git checkout -- ${this.outdir}\` restores the previous output`);
      throw new QdrantConfigError(guard.problems);
    }
    annotate(drafts, guard.annotations);
    return { baseline, next, guard };
  }

  /** Writes the output in one step (the memory with it) and returns the plan of what changed. */
  private writeDrafts(drafts: Draft[], { baseline, next, guard }: Checked): Plan {
    const warnings = [...drafts.flatMap((d) => d.warnings), ...[outputPathWarning(this.outdir, drafts)].filter((w): w is string => w !== undefined)];
    const rootFiles = { [FLEET_README]: fleetReadme(drafts) };
    const changes = new FolderChanges(baseline, drafts.map((d) => d.folder));
    const folders = recordedFolders(serializeOneByOne(drafts), changes);
    writeOutput(this.outdir, folders, () => ({ ...rootFiles, [MEMORY_FILE]: folders.memoryFile() }));
    removeLegacyStateFile(this.outdir).forEach((n) => report(`notice: ${n}`));
    const written = changes.result();
    return {
      output: this.outdir,
      written: { folders: folders.count(), objects: written.objects, warnings: warnings.length },
      baseline: baseline.source, nothingToCompare: baseline.nothing, notes: baseline.notes,
      folders: written.folders, databases: databaseChanges(baseline.state, next, guard.used),
      allowances: { used: guard.allowedChanges, unmatched: guard.unusedAllowances.map((a) => `${a.change} of "${a.target}"`) },
      warnings,
    };
  }

  /** Prints the plan (and writes the plan file), then the allowed changes and warnings. */
  private report(plan: Plan, guard: GuardOutcome): void {
    const loud = nothingToCompareLine(plan);
    if (loud) report(`warning: ${loud}`);
    report(`plan: ${planMarkdown(plan, { warnings: false, heading: false })}`.trimEnd());
    if (this.planFile !== undefined) writePlanFiles(this.planFile, plan);
    [
      ...guard.allowedChanges,
      ...plan.warnings,
      ...guard.unusedAllowances.map((a) => `allowedChanges: ${a.change} of "${a.target}" matched no change; remove it`),
    ].forEach((w) => report(`warning: ${w}`));
  }

  /** Every chart's objects and side files; checks folder names before anything else. */
  private renderObjects(): Draft[] {
    const problems = collectProblems(this);
    if (problems.length) throw new QdrantConfigError(problems);
    const rendered = [...renderCharts(this)];
    const folderNames = rendered.flatMap(([chart]) => folderProblems(chart));
    if (folderNames.length) throw new QdrantConfigError(folderNames);
    for (const phase of ['claims', 'objects'] as const) {
      const problems = fleetProblems(rendered, phase);
      if (problems.length) throw new QdrantConfigError(problems);
    }
    for (const stack of unbootstrappedStacks(rendered)) {
      warnRule(stack, FLEET_WARNINGS.stackNotBootstrapped, 'not in argocd-bootstrap (its ArgoCdDelivery has no gitRepository) while other Argo CD stacks are: ' +
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

/** What the guards compared, and their verdict. */
interface Checked {
  readonly baseline: Baseline;
  readonly next: GuardState;
  readonly guard: GuardOutcome;
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

/** One line for the user, on stderr (stdout stays free for the program's own output). */
function report(line: string): void {
  process.stderr.write(`cdk8s-qdrant ${line}\n`);
}

/** Whether the cdk8s CLI runs the app: it empties the output directory first. */
function underCli(outdir: string): boolean {
  return process.env.CDK8S_OUTDIR !== undefined && path.resolve(process.env.CDK8S_OUTDIR) === path.resolve(outdir);
}

/** Every deferred validation of every construct, as problems. */
function collectProblems(app: App): ConfigProblem[] {
  return app.node.findAll().flatMap((c: IConstruct) =>
    c.node.validate().map((message) => ({ constructPath: pathOf(c), prop: '(validation)', value: undefined, allowed: message })));
}
