import { K8S_VERSIONS, schemaErrors } from '../support/schemas';
import { crdVersionOf } from './support/crds';
import { describeObject, useShowcaseOutput } from './support/output';

/*
 * The output's built-in kinds (Namespace, Secret, ConfigMap, NetworkPolicy, Service,
 * Ingress, StorageClass, ...) against every Kubernetes version in ../shared, not only the
 * 1.28 of cdk8s-plus-28: a field removed or renamed later would fail on newer clusters.
 */
describe('built-in kinds of the showcase against each Kubernetes version', () => {
  const showcase = useShowcaseOutput();
  // kustomization.yaml files are kustomize's, built by `kubectl kustomize` in the examples test.
  const builtIn = () => showcase().objects.filter((o) => !crdVersionOf(o.object) && o.object.apiVersion !== 'kustomize.config.k8s.io/v1beta1');

  test('the showcase has built-in kinds of several sorts, side files included', () => {
    const kinds = new Set(builtIn().map((o) => o.object.kind));
    expect(kinds.size).toBeGreaterThan(4);
    expect(builtIn().some((o) => o.file.endsWith('argocd-cm-health.yaml'))).toBe(true);
  });

  test.each(K8S_VERSIONS.map((v) => [v]))('Kubernetes %s', (version) => {
    const problems = builtIn().flatMap((o) => schemaErrors([o.object], version).map((e) => `${describeObject(o)}: ${e}`));
    expect(problems).toEqual([]);
  });

  test('mutation: a field Kubernetes does not know fails on each version', () => {
    const namespace = structuredClone(builtIn().find((o) => o.object.kind === 'Namespace')!.object);
    namespace.spec = { finalizers: ['kubernetes'], ownerTeam: 'search' };
    for (const version of K8S_VERSIONS) expect(schemaErrors([namespace], version)).toContainEqual(expect.stringContaining('(ownerTeam)'));
  });
});
