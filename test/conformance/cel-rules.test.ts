import { CelOutcome, celRulesOf, evaluateCelRules, ruleId } from './support/cel';
import { crdVersionOf, servedCrdVersions } from './support/crds';
import { describeObject, useShowcaseOutput } from './support/output';
import { NEGATIVE_CONTROLS, NegativeControl } from './cel-negative-controls';

/** Why each broken rule failed, as `rule at value path: message`. */
const failures = (outcomes: readonly CelOutcome[]) =>
  outcomes.filter((o) => o.failure).map((o) => `${ruleId(o.rule)} at ${o.valuePath}: ${o.failure}`);

function controlObject(control: NegativeControl, kind: string): any {
  const crd = [...servedCrdVersions().values()].find((c) => c.kind === kind)!;
  return { apiVersion: crd.apiVersion, kind, metadata: { name: 'negative-control', namespace: 'ns' }, spec: control.spec };
}

describe('CEL validation rules of the CRDs (x-kubernetes-validations), evaluated as the API server does', () => {
  const showcase = useShowcaseOutput();
  const customResources = () => showcase().objects.filter((o) => crdVersionOf(o.object));

  test('every custom resource of every example passes every rule of its CRD', () => {
    // GIVEN the showcase output
    expect(customResources().length).toBeGreaterThan(0);
    // WHEN every rule is evaluated where it sits
    const outcomes = customResources().map((o) => ({ id: describeObject(o), outcomes: evaluateCelRules(crdVersionOf(o.object)!, o.object) }));
    // THEN none fails, and the rules were reached at all
    expect(outcomes.flatMap(({ id, outcomes: os }) => failures(os).map((f) => `${id}: ${f}`))).toEqual([]);
    expect(outcomes.flatMap((o) => o.outcomes).length).toBeGreaterThan(0);
  });

  test.each(NEGATIVE_CONTROLS.flatMap((c) => c.kinds.map((kind) => [`${kind}: ${c.name}`, c, kind] as const)))(
    'negative control %s breaks exactly its rule', (_name, control, kind) => {
      // GIVEN a hand-made object that is wrong in one place
      const object = controlObject(control, kind);
      // WHEN the rules run on it
      const broken = evaluateCelRules(crdVersionOf(object)!, object).filter((o) => o.failure).map((o) => ruleId(o.rule));
      // THEN exactly the named rule fails
      expect(broken).toEqual([`${kind} ${control.at}: ${control.rule}`]);
    });

  test('every rule of every CRD is broken by some negative control, so none goes unreached', () => {
    const rules = [...servedCrdVersions().values()].flatMap(celRulesOf).map(ruleId);
    const controlled = new Set(NEGATIVE_CONTROLS.flatMap((c) => c.kinds.map((kind) => `${kind} ${c.at}: ${c.rule}`)));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => !controlled.has(r))).toEqual([]);
  });

  test('mutation: a broken copy of an output HelmRelease (neither chart nor chartRef) fails', () => {
    // GIVEN a HelmRelease of the output, with its chart source removed
    const release = customResources().find((o) => o.object.kind === 'HelmRelease');
    expect(release).toBeDefined();
    const broken = structuredClone(release!.object);
    delete broken.spec.chart;
    delete broken.spec.chartRef;
    // WHEN / THEN the copy fails the rule the original passes
    expect(failures(evaluateCelRules(crdVersionOf(broken)!, broken))).toEqual([expect.stringContaining('either chart or chartRef must be set')]);
    expect(failures(evaluateCelRules(crdVersionOf(release!.object)!, release!.object))).toEqual([]);
  });
});
