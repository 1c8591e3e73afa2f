/**
 * One measured step of the benchmark workload, in a process of its own so that its
 * peak RSS is its own: `run-one.ts <mode> <clusters> <outdir>`. Modes: `library` (a
 * synth), `changed` (a synth of the workload with a tenth of its clusters' storage grown),
 * `manifests` (the pass the synth makes over each folder before the guards, and again
 * when writing: its manifest text and their blob ids, timed after a render), and the baselines `cdk8s`
 * and `yaml`. Prints one JSON line: seconds (module loading and anything before the timed
 * step excluded), peak RSS in MB, and the object count where the runner knows it.
 */
import { performance } from 'perf_hooks';

/** The timed step. */
type Runner = (outdir: string) => number | void;

// Loaded on demand: a baseline's process never loads the library. Building the objects is part of a synth's time.
const runners: Record<string, (clusters: number) => Promise<Runner>> = {
  library: async (clusters) => {
    const { workloadApp } = await import('./workload');
    return (outdir) => workloadApp(outdir, clusters).synth();
  },
  changed: async (clusters) => {
    const { workloadApp } = await import('./workload');
    return (outdir) => workloadApp(outdir, clusters, true).synth();
  },
  manifests: async (clusters) => {
    const { workloadApp } = await import('./workload');
    const { renderCharts } = await import('../src/output/render-charts');
    const { manifestFilesOf } = await import('../src/output/folder-draft');
    const { manifestBlobIds } = await import('../src/output/recorded-folders');
    // Rendered, not yet serialised: the pass runs as cold as the synth's first one does.
    const charts = [...renderCharts(workloadApp('unused', clusters))];
    return () => charts.forEach(([, objects]) => manifestBlobIds(manifestFilesOf(objects)));
  },
  cdk8s: async (clusters) => {
    const { writeWithCdk8s } = await import('./cdk8s-baseline');
    return (outdir) => writeWithCdk8s(outdir, clusters);
  },
  yaml: async (clusters) => {
    const { writeWithYaml } = await import('./yaml-baseline');
    return (outdir) => writeWithYaml(outdir, clusters);
  },
};

async function main(): Promise<void> {
  const [mode, clusters, outdir] = process.argv.slice(2);
  const load = runners[mode];
  if (!load || !(Number(clusters) > 0) || !outdir) throw new Error(`usage: run-one.ts <${Object.keys(runners).join('|')}> <clusters> <outdir>`);
  const run = await load(Number(clusters));
  const start = performance.now();
  const objects = run(outdir);
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024, objects }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
