import { crdVersionOf } from './support/crds';
import { runGoHelper } from './support/go-helper';
import { OutputObject, describeObject, useShowcaseOutput } from './support/output';
import { withDefaults } from './support/structural';
import { GO_TOOLS, toolsAvailable } from './support/tools';

/**
 * kube-openapi's validator (the one apiextensions-apiserver runs on custom resources),
 * on each object after defaulting, with the CRD's openAPIV3Schema converted as the API
 * server converts it. Returns `object: message` per error.
 */
function apiServerErrors(objects: readonly OutputObject[]): string[] {
  const crds = objects.map((o) => crdVersionOf(o.object)!);
  const schemas = Object.fromEntries(crds.map((c) => [`${c.apiVersion}/${c.kind}`, c.schema]));
  const answers = runGoHelper<string[][]>('validate', {
    schemas,
    objects: objects.map((o, i) => ({ schema: `${crds[i].apiVersion}/${crds[i].kind}`, object: withDefaults(crds[i].schema, o.object) })),
  });
  return answers.flatMap((errors, i) => errors.map((e) => `${describeObject(objects[i])}: ${e}`));
}

const describeIfGo = toolsAvailable('kube-openapi validation of custom resources', GO_TOOLS) ? describe : describe.skip;

describeIfGo("custom resources pass kube-openapi's validator against their CRD", () => {
  const showcase = useShowcaseOutput();
  const customResources = () => showcase().objects.filter((o) => crdVersionOf(o.object));

  test('every custom resource of every example is valid', () => {
    expect(customResources().length).toBeGreaterThan(0);
    expect(apiServerErrors(customResources())).toEqual([]);
  }, 300_000);

  test('mutation: a copy of an output custom resource without a required spec field fails', () => {
    // GIVEN the first custom resource whose CRD requires spec fields, with one removed
    const original = customResources().find((o) => crdVersionOf(o.object)!.schema.properties?.spec?.required?.length)!;
    expect(original).toBeDefined();
    const field = crdVersionOf(original.object)!.schema.properties.spec.required[0];
    const broken = structuredClone(original.object);
    delete broken.spec[field];
    // WHEN both are validated
    const errors = apiServerErrors([original, { ...original, object: broken }]);
    // THEN only the copy fails, naming the field
    expect(errors).toEqual([expect.stringContaining(`spec.${field} in body is required`)]);
  }, 300_000);

  test('mutation: a copy with a wrongly typed value fails', () => {
    // GIVEN a custom resource whose spec is replaced by a string
    const broken = { ...customResources()[0], object: { ...customResources()[0].object, spec: 'not an object' } };
    // THEN the validator names the type error
    expect(apiServerErrors([broken])).toEqual([expect.stringContaining('spec in body must be of type object')]);
  }, 300_000);
});
