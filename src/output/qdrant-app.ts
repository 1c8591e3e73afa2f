import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ConfigProblem, pathOf, QdrantConfigError } from '../core/errors';
import { noticesOf } from '../core/notices';
import { byCodePoint } from '../core/values';
import { ImageMirror } from '../mirror/image-mirror';
import { IMirrorDefault } from '../mirror/registry-target';
import { AllowedChange, checkAgainstPrevious } from './guards';
import { manifestYaml } from './manifest-yaml';
import { renderCharts } from './render-charts';
import { isSideFileProvider, ISideFileProvider } from './side-files';

export interface QdrantAppProps {
  /** Output directory. @default - $CDK8S_OUTDIR, else 'dist' */
  readonly outdir?: string;
  /** Image mirror for every chart that sets none. @default - none: Qdrant's registry */
  readonly mirror?: ImageMirror;
  /** Changes the guards would refuse, allowed one by one with a reason (see `Allow`). @default - none */
  readonly allowedChanges?: readonly AllowedChange[];
  /** Output to compare with; the guards refuse data-losing changes against it. @default - the output directory as it is before synth */
  readonly previousOutput?: string;
}

/** One rendered output folder. */
export interface RenderedFolder {
  /** Folder name under the output directory (the chart id). */
  readonly folder: string;
  /** File name to content. */
  readonly files: Record<string, string>;
  /** The objects of the folder's manifest file. */
  readonly objects: readonly any[];
  /** Warnings of the chart's constructs. */
  readonly warnings: readonly string[];
}

const MANIFEST_FILE = 'manifests.k8s.yaml';

/**
 * The cdk8s App of this library. `synth()` writes one folder per chart:
 * `manifests.k8s.yaml`, a `kustomization.yaml` listing it, the chart's side files
 * (environment.json, mirror.yaml) and a README.md. Everything is rendered in memory
 * first and swapped into place at the end, so a bad input never leaves a partial or
 * changed output directory.
 */
export class QdrantApp extends App implements IMirrorDefault {
  /** The app-wide image mirror. */
  public readonly mirror?: ImageMirror;
  private readonly allowedChanges: readonly AllowedChange[];
  private readonly previousOutput?: string;

  constructor(props: QdrantAppProps = {}) {
    super({ outdir: props.outdir });
    this.mirror = props.mirror;
    this.allowedChanges = props.allowedChanges ?? [];
    this.previousOutput = props.previousOutput;
  }

  /** Renders every chart without writing anything. Throws QdrantConfigError on bad input. */
  public render(): RenderedFolder[] {
    const problems = collectProblems(this);
    if (problems.length) throw new QdrantConfigError(problems);
    const folders = [...renderCharts(this)].map(([chart, objects]) => renderChart(chart, objects));
    const seen = new Set<string>();
    for (const f of folders) {
      if (seen.has(f.folder)) {
        throw new QdrantConfigError([{ constructPath: f.folder, prop: 'id', value: f.folder, allowed: 'chart ids name output folders and must be unique' }]);
      }
      seen.add(f.folder);
    }
    return folders.sort((a, b) => byCodePoint(a.folder, b.folder));
  }

  /**
   * Renders, checks the result against the previous output (guards), then replaces
   * the output directory in one step.
   */
  public synth(): void {
    const folders = this.render();
    this.checkAllowances();
    const guard = checkAgainstPrevious(this.previousOutput ?? this.outdir, folders, this.allowedChanges);
    if (guard.problems.length) throw new QdrantConfigError(guard.problems);
    writeFolders(this.outdir, folders);
    const warnings = [
      ...folders.flatMap((f) => f.warnings),
      ...guard.unusedAllowances.map((a) => `allowedChanges: ${a.change} of "${a.target}" matched no change; remove it`),
    ];
    for (const w of warnings) process.stderr.write(`cdk8s-qdrant warning: ${w}\n`);
  }

  private checkAllowances(): void {
    this.allowedChanges.forEach((a, i) => {
      if (!a || typeof a.reason !== 'string' || a.reason.trim() === '' || a.reason.includes('<reason>')) {
        throw new QdrantConfigError([{ constructPath: '<app>', prop: `allowedChanges[${i}].reason`, value: a?.reason, allowed: 'say why this change is intended' }]);
      }
    });
  }
}

function renderChart(chart: Chart, objects: any[]): RenderedFolder {
  const folder = chart.node.id;
  const files: Record<string, string> = {};
  const resources: string[] = [];
  if (objects.length) {
    files[MANIFEST_FILE] = manifestYaml(objects);
    resources.push(MANIFEST_FILE);
  }
  files['kustomization.yaml'] = manifestYaml([{
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  }]);
  const provider: ISideFileProvider | undefined = isSideFileProvider(chart) ? chart : undefined;
  for (const [name, content] of Object.entries(provider?.sideFiles() ?? {})) files[name] = content;
  const warnings = noticesOf(chart, 'warning');
  files['README.md'] = readme(folder, objects, provider?.readmeNotes() ?? [], warnings, noticesOf(chart, 'secret'));
  return { folder, files, objects, warnings };
}

function readme(folder: string, objects: readonly any[], notes: readonly string[], warnings: readonly string[], secrets: readonly string[]): string {
  const rows = objects.map((o) => `| ${o.kind} | ${o.metadata?.namespace ?? ''} | ${o.metadata?.name} | ${o.metadata?.annotations?.['argocd.argoproj.io/sync-wave'] ?? ''} |`);
  return [
    `# ${folder}`,
    '',
    'Generated by cdk8s-qdrant; do not edit. Change the TypeScript and synthesise again.',
    '',
    ...notes.map((n) => `- ${n}`),
    ...warnings.map((w) => `- **Warning:** ${w}`),
    ...(secrets.length ? ['', '## Secrets to provide', '', ...secrets.map((x) => `- ${x}`)] : []),
    '',
    '| Kind | Namespace | Name | Argo CD wave |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Every deferred validation of every construct, as problems. */
function collectProblems(app: App): ConfigProblem[] {
  return app.node.findAll().flatMap((c: IConstruct) =>
    c.node.validate().map((message) => ({ constructPath: pathOf(c), prop: '(validation)', value: undefined, allowed: message })));
}

/** Writes into a sibling temporary directory, then swaps it with the old output. */
function writeFolders(outdir: string, folders: readonly RenderedFolder[]): void {
  const target = path.resolve(outdir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of folders) {
      const dir = path.join(staging, f.folder);
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, content] of Object.entries(f.files)) fs.writeFileSync(path.join(dir, name), content);
    }
    fs.mkdirSync(staging, { recursive: true });
    if (fs.existsSync(target)) fs.renameSync(target, previous);
    fs.renameSync(staging, target);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(previous, { recursive: true, force: true });
  }
}
