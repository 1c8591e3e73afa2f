/**
 * One measured synth of the benchmark workload, in a process of its own so that its
 * peak RSS is its own: `run-one.ts <library|cdk8s|yaml> <clusters> <outdir>`. Prints one
 * JSON line: seconds (building the objects and writing the output; module loading
 * excluded), peak RSS in MB, and the object count where the runner knows it.
 */
import { performance } from 'perf_hooks';

type Runner = (outdir: string, clusters: number) => number | void;

// Loaded on demand: a baseline's process never loads the library.
const runners: Record<string, () => Promise<Runner>> = {
  library: async () => {
    const { workloadApp } = await import('./workload');
    return (outdir, clusters) => workloadApp(outdir, clusters).synth();
  },
  cdk8s: async () => (await import('./cdk8s-baseline')).writeWithCdk8s,
  yaml: async () => (await import('./yaml-baseline')).writeWithYaml,
};

async function main(): Promise<void> {
  const [mode, clusters, outdir] = process.argv.slice(2);
  const load = runners[mode];
  if (!load || !(Number(clusters) > 0) || !outdir) throw new Error(`usage: run-one.ts <${Object.keys(runners).join('|')}> <clusters> <outdir>`);
  const run = await load();
  const start = performance.now();
  const objects = run(outdir, Number(clusters));
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024, objects }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
