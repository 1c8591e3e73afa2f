import * as path from 'path';
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { APPLICATION_HEALTH_LUA, qdrantHealthLua } from '../../src/health/argocd-health';
import { FluxHealthCheckExpr, qdrantHealthCheckExpr } from '../../src/health/flux-health';
import { QDRANT_HEALTH, QdrantHealth } from '../../src/health/qdrant-health';
import { crdVersionOf } from './support/crds';
import { runHealthLua } from './support/lua';
import { useShowcaseOutput } from './support/output';
import { command, toolsAvailable } from './support/tools';

/** Every QdrantCluster phase qdrant-facts.md §13 lists ("QdrantCluster health"); the CRD has no enum for it. */
const FACTS_CLUSTER_PHASES = [
  'Creating', 'FailedToCreate', 'Updating', 'FailedToUpdate', 'Scaling', 'Upgrading', 'Suspending', 'Suspended',
  'FailedToSuspend', 'Resuming', 'FailedToResume', 'Healthy', 'NotReady', 'RecoveryMode', 'ManualMaintenance',
];

/** What the issue and the facts expect for the cluster phases, class by class. */
const EXPECTED_CLUSTER: Record<QdrantHealth, string[]> = {
  Healthy: ['Healthy'],
  Progressing: ['Creating', 'Updating', 'Scaling', 'Upgrading', 'Resuming', 'Suspending'],
  Degraded: ['FailedToCreate', 'FailedToUpdate', 'FailedToSuspend', 'FailedToResume', 'NotReady', 'RecoveryMode'],
  Suspended: ['Suspended', 'ManualMaintenance'],
};

const object = (kind: string, status?: Record<string, unknown>) => ({ apiVersion: 'qdrant.io/v1', kind, metadata: { name: 'x', namespace: 'qdrant' }, spec: {}, ...(status ? { status } : {}) });

describe('the phase table covers every phase its sources name', () => {
  test('QdrantCluster: the 15 phases of qdrant-facts.md §13, each in the class the facts give', () => {
    const cluster = QDRANT_HEALTH.find((k) => k.kind === 'QdrantCluster')!;
    expect(Object.keys(cluster.phases).sort()).toEqual([...FACTS_CLUSTER_PHASES].sort());
    for (const [health, phases] of Object.entries(EXPECTED_CLUSTER)) phases.forEach((p) => expect([p, cluster.phases[p]]).toEqual([p, health]));
  });

  test.each(QDRANT_HEALTH.filter((k) => k.kind !== 'QdrantCluster').map((k) => [k.kind, k] as const))('%s: exactly the status.phase enum of its CRD', (kind, k) => {
    const crd = crdVersionOf({ apiVersion: 'qdrant.io/v1', kind })!;
    expect(Object.keys(k.phases).sort()).toEqual([...crd.schema.properties.status.properties.phase.enum].sort());
  });
});

const describeIfLua = toolsAvailable('Argo CD health scripts', [command('lua5.1', 'apt-get install lua5.1', ['-v'])]) ? describe : describe.skip;

describeIfLua('Argo CD health in Lua, run by lua5.1', () => {
  test.each(QDRANT_HEALTH.map((k) => [k.kind, k] as const))('%s: every phase, no status, an unknown phase', (kind, k) => {
    // GIVEN the kind's script and one object per phase, plus the states before and beyond the table
    const phases = Object.keys(k.phases);
    const samples = [...phases.map((phase) => object(kind, { phase, reason: 'from the operator' })), object(kind), object(kind, {}), object(kind, { phase: 'Teleporting' })];
    // WHEN Argo CD's interpreter runs it
    const results = runHealthLua(qdrantHealthLua(k), samples);
    // THEN each phase gets its class and says what the operator said; the rest wait or are unknown
    expect(results.slice(0, phases.length)).toEqual(phases.map((p) => ({ status: k.phases[p], message: `phase ${p}: from the operator` })));
    expect(results.slice(phases.length).map((r) => r.status)).toEqual(['Progressing', 'Progressing', 'Unknown']);
  });

  test('a phase without a reason says only the phase', () => {
    const cluster = QDRANT_HEALTH.find((k) => k.kind === 'QdrantCluster')!;
    expect(runHealthLua(qdrantHealthLua(cluster), [object('QdrantCluster', { phase: 'Healthy' })])).toEqual([{ status: 'Healthy', message: 'phase Healthy' }]);
  });

  test('child Application: its reported health, progressing until it has one', () => {
    const app = (health?: unknown) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', status: health ? { health } : {} });
    expect(runHealthLua(APPLICATION_HEALTH_LUA, [
      app({ status: 'Healthy' }), app({ status: 'Degraded', message: 'QdrantCluster failed' }), app({ status: 'Suspended' }), app(), { kind: 'Application' },
    ])).toEqual([
      { status: 'Healthy', message: '' },
      { status: 'Degraded', message: 'QdrantCluster failed' },
      { status: 'Suspended', message: '' },
      { status: 'Progressing', message: 'waiting for the Application to report its health' },
      { status: 'Progressing', message: 'waiting for the Application to report its health' },
    ]);
  });
});

describeIfLua('the health files of the showcase, run as Argo CD runs them', () => {
  const showcase = useShowcaseOutput();

  test('every argocd-cm health key (side files and the managed argocd-cm) runs in lua5.1 and judges its kind', () => {
    // GIVEN every argocd-cm the output carries
    const configMaps = showcase().objects.filter((o) => o.object.kind === 'ConfigMap' && o.object.metadata.name === 'argocd-cm');
    expect(configMaps.map((o) => o.file)).toEqual(expect.arrayContaining([expect.stringMatching(/argocd-cm-health\.yaml$/), expect.stringMatching(/manifests\.k8s\.yaml$/)]));
    for (const { object } of configMaps) {
      const keys = Object.keys(object.data).filter((k) => k.startsWith('resource.customizations.health.'));
      expect(keys.sort()).toEqual([...QDRANT_HEALTH.map((k) => `resource.customizations.health.qdrant.io_${k.kind}`), 'resource.customizations.health.argoproj.io_Application'].sort());
      // WHEN each script runs on a healthy and a failing object of its kind / THEN it tells them apart
      for (const k of QDRANT_HEALTH) {
        const failing = Object.keys(k.phases).find((p) => k.phases[p] !== 'Healthy')!;
        const healthy = Object.keys(k.phases).find((p) => k.phases[p] === 'Healthy')!;
        const results = runHealthLua(object.data[`resource.customizations.health.qdrant.io_${k.kind}`], [object_(k.kind, healthy), object_(k.kind, failing)]);
        expect(results.map((r) => r.status)).toEqual(['Healthy', k.phases[failing]]);
      }
    }
  });
});

const object_ = (kind: string, phase: string) => object(kind, { phase });

/** Flux's evaluation (fluxcd/pkg runtime/cel StatusEvaluator): inProgress, failed, current, else in progress; an error is an error. */
function fluxStatus(expr: FluxHealthCheckExpr, obj: Record<string, unknown>): string {
  const env = celEnv();
  const order: [string | undefined, string][] = [[expr.inProgress, 'InProgress'], [expr.failed, 'Failed'], [expr.current, 'Current']];
  for (const [source, status] of order) {
    if (source === undefined) continue;
    const result = plan(env, parse(source))(toCelInput(obj));
    if (isCelError(result)) return `error: ${result.message}`;
    if (result === true) return status;
  }
  return 'InProgress';
}

/** Objects as CEL maps; the object's top-level fields are the variables (Flux parses without declarations). */
function toCelInput(obj: Record<string, unknown>): Record<string, any> {
  const conv = (v: unknown): any => (Array.isArray(v) ? v.map(conv) : v !== null && typeof v === 'object' ? new Map(Object.entries(v).map(([k, x]) => [k, conv(x)])) : v);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, conv(v)]));
}

const FLUX_OF: Record<QdrantHealth, string> = { Healthy: 'Current', Suspended: 'Current', Progressing: 'InProgress', Degraded: 'Failed' };

describe('Flux health in CEL, evaluated by @bufbuild/cel in Flux\'s order', () => {
  const showcaseFlux = useShowcaseOutput();
  test.each(QDRANT_HEALTH.map((k) => [k.kind, k] as const))('%s: every phase, an empty status, an unknown phase', (kind, k) => {
    // GIVEN the kind's expressions
    const expr = qdrantHealthCheckExpr(k);
    expect(expr).toMatchObject({ apiVersion: 'qdrant.io/v1', kind });
    // WHEN Flux evaluates them on each phase / THEN healthy and paused are current, failures failed, the rest in progress
    for (const [phase, health] of Object.entries(k.phases)) expect([phase, fluxStatus(expr, object(kind, { phase }))]).toEqual([phase, FLUX_OF[health]]);
    expect(fluxStatus(expr, object(kind, {}))).toBe('InProgress');
    // Before the operator writes a status: never current nor failed (cel-go may call the missing variable an error, which Flux polls again).
    expect(fluxStatus(expr, object(kind))).not.toMatch(/^(Current|Failed)$/);
    expect(fluxStatus(expr, object(kind, { phase: 'Teleporting' }))).toBe('InProgress');
  });

  test('every Flux Kustomization of the showcase that applies Qdrant objects waits for them with parseable expressions', () => {
    // GIVEN the Kustomizations of the showcase whose folder holds qdrant.io objects
    const kustomizations = showcaseFlux().objects.filter((o) => o.object.kind === 'Kustomization' && o.object.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/'));
    const folderOf = (k: any) => k.spec.path.split('/').pop();
    const withQdrant = new Set(showcaseFlux().objects.filter((o) => o.object.apiVersion === 'qdrant.io/v1').map((o) => path.dirname(o.file).split('/').pop()));
    const applyingQdrant = kustomizations.filter((k) => withQdrant.has(folderOf(k.object)));
    expect(applyingQdrant.length).toBeGreaterThan(0);
    for (const { object: k } of applyingQdrant) {
      // THEN each waits, with a timeout, and has a check for every qdrant.io kind that parses
      expect(k.spec).toMatchObject({ wait: true, timeout: expect.any(String) });
      expect(k.spec.healthCheckExprs.map((e: any) => e.kind).sort()).toEqual(QDRANT_HEALTH.map((x) => x.kind).sort());
      for (const e of k.spec.healthCheckExprs) for (const source of [e.current, e.inProgress, e.failed].filter(Boolean)) expect(() => parse(source)).not.toThrow();
    }
  });

  test('mutation: an expression with a syntax error does not parse', () => {
    const expr = qdrantHealthCheckExpr(QDRANT_HEALTH[0]);
    expect(() => parse(`${expr.current} &&`)).toThrow();
  });
});
