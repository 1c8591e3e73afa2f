/**
 * `npm run bench`: synthesis speed and memory. Prints figures; asserts nothing (timing
 * goals belong here, not in tests).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { FluxDelivery, ArgoCdDelivery, HybridRegion, QdrantApp, QdrantOperator, SecretSource } from '../src';
import { showcaseApp } from '../examples/showcase';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, fn: () => void): number[] {
  return Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; });
}

/** `regions` Hybrid regions and `operators` Private Cloud stacks with `clustersEach` clusters. */
function fleet(outdir: string, regions: number, operators: number, clustersEach: number): QdrantApp {
  const app = new QdrantApp({ outdir });
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  for (let i = 0; i < regions; i++) {
    new HybridRegion(app, `region-${i}`, {
      environmentId: `${hex(i, 8)}-0000-4000-8000-000000000000`, accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
      namespace: `qdrant-${i}`, agentChartVersion: '1.33.0', delivery: i % 2 ? new FluxDelivery() : new ArgoCdDelivery({ namePrefix: `r${i}-` }),
      registryCredentials: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { password: { key: `r/${i}` } } }),
      cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'access-key': { key: `r/${i}` } } }),
    });
  }
  for (let i = 0; i < operators; i++) {
    const op = new QdrantOperator(app, `pc-${i}`, {
      namespace: `pc-${i}`, chartVersion: '1.9.6', delivery: i % 2 ? new FluxDelivery() : new ArgoCdDelivery({ namePrefix: `pc${i}-` }),
      registryCredentials: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'r' }, password: { key: 'r' } } }),
    });
    for (let c = 0; c < clustersEach; c++) {
      const cluster = op.addCluster(`c${c}`, {
        id: `${hex(i, 8)}-${hex(c, 4)}-4000-8000-000000000000`, customerId: 'bench', version: 'v1.16.3', size: 3,
        resources: { cpu: '2', memory: '8Gi', storage: '100Gi' },
        apiKey: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'api-key': { key: `db/${i}/${c}` } } }),
      });
      cluster.addScheduledSnapshot('nightly', { name: `nightly-${c}`, schedule: '0 2 * * *', retention: '72h' });
    }
  }
  return app;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-bench-'));
try {
  const showcase = time(15, () => showcaseApp({ outdir: path.join(tmp, 'showcase') }).synth());
  const big = fleet(path.join(tmp, 'fleet'), 50, 20, 5);
  const before = process.memoryUsage();
  const render = time(1, () => big.render());
  const folders = big.render();
  const objects = folders.reduce((n, f) => n + f.objects.length, 0);
  const fleetSynth = time(3, () => fleet(path.join(tmp, 'fleet'), 50, 20, 5).synth());
  const after = process.memoryUsage();
  console.log(`showcase synth (construct + render + write), median of 15: ${median(showcase).toFixed(1)} ms`);
  console.log(`fleet: 50 regions + 20 operators x 5 clusters = ${folders.length} folders, ${objects} objects`);
  console.log(`fleet render only: ${render[0].toFixed(0)} ms; fleet construct + synth, median of 3: ${median(fleetSynth).toFixed(0)} ms`);
  console.log(`heap used: ${(before.heapUsed / 2 ** 20).toFixed(0)} MiB before the fleet synths, ${(after.heapUsed / 2 ** 20).toFixed(0)} MiB after; RSS ${(after.rss / 2 ** 20).toFixed(0)} MiB`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
