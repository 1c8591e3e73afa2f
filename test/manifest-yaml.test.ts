import { Yaml } from 'cdk8s';
import { manifestYaml } from '../src/output/manifest-yaml';
import { showcaseApp } from '../examples/showcase';

/** Strings at the edges of YAML 1.1's plain scalars: keywords, numbers, indicators, quotes, escapes. */
const TRICKY_STRINGS = [
  '', 'v1', 'ConfigMap', 'apiVersion', 'kustomize.toolkit.fluxcd.io/prune', 'a', 'b-', 'x_1', '_x', 'Ey', 'y', 'Y', 'n', 'yes', 'No', 'ON', 'off', 'true', 'False', 'null', 'Null', '~', '<<', '=',
  '0', '-1', '+1', '12', '0755', '0o17', '0x1f', '0b101', '1_000', '1:30', '190:20:30.15', '1.', '.5', '1.5', '1e3', '-1.5e-3', '.inf', '-.Inf', '.nan',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43', '8Gi', '100m', '0 2 * * *', '00000000-0000-4000-8000-000000000000',
  '-', '- a', '-a', '?', '? x', '?x', ':', ':a', 'a:b', 'a: b', 'a:', 'a #b', 'a#b', '#x', ' lead', 'trail ', '\ttab', 'tab\tin',
  '@x', '`x', '%x', '!x', '&x', '*x', '|x', '>x', ',x', 'x,', '[x', 'x]', '{x', 'x}', '"x', "'x", '---', '---x', '...', '...x',
  'a"b', "a'b", 'a"b\'c', 'back\\slash', 'back\\"slash', "it's", 'new\nline', 'trailing\n', 'bell\u0007', 'del\u007f', 'nbsp\u00a0x',
  'é', '日本語', 'emoji \u{1F600}', 'lone \uD800', 'line\u2028sep', '{{ index . "api-key" }}', '{"auths":{}}', 'oci://registry.example.com/x',
];
const TRICKY_NUMBERS = [0, -0, 1, -7, 42, 1.5, -0.25, 1e21, 2 ** 53, 1e-7];

function cdk8sYaml(docs: unknown[]): string {
  return Yaml.stringify(...docs);
}

describe('manifestYaml', () => {
  test('writes every showcase object as cdk8s does', () => {
    // GIVEN every object of the showcase app
    const objects = showcaseApp({ outdir: '/nonexistent/never-written' }).render().flatMap((f) => [...f.objects]);
    expect(objects.length).toBeGreaterThan(20);

    // WHEN written as one manifest THEN the bytes are cdk8s's
    expect(manifestYaml(objects)).toBe(cdk8sYaml(objects));
  });

  test.each(TRICKY_STRINGS.map((s) => [JSON.stringify(s), s]))('writes the string %s as cdk8s does, as value, key and item', (_, s) => {
    // GIVEN the string as a value, a key, a sequence item and inside a sequence item's map
    const doc = { kind: 'X', value: s, [s]: 'v', items: [s, { [s]: s, after: s }], nested: { deeper: { value: s } } };

    // WHEN written THEN the bytes are cdk8s's
    expect(manifestYaml([doc])).toBe(cdk8sYaml([doc]));
  });

  test('writes numbers, booleans, empty and nested collections, shared and missing values as cdk8s does', () => {
    // GIVEN documents with every shape plain JSON data can take, and some it cannot
    const shared = { a: 1 };
    const sharedEmpty: unknown[] = [];
    const docs = [
      { numbers: TRICKY_NUMBERS, asValues: Object.fromEntries(TRICKY_NUMBERS.map((n, i) => [`n${i}`, n])) },
      { flags: [true, false], on: true, off: false },
      { emptyMap: {}, emptyList: [], listOfEmpties: [{}, []], listInList: [[1, 2], []], mapInList: [{ a: { b: [{ c: 'd' }] } }] },
      { once: shared, twice: shared, emptyOnce: sharedEmpty, emptyTwice: sharedEmpty },
      { missing: undefined, nothing: null, list: [null, undefined] },
      { date: new Date(0), longKey: { ['k'.repeat(1100)]: 'v' } },
      {}, [1, 2], 'scalar', undefined,
    ];

    // WHEN written one by one and together THEN the bytes are cdk8s's
    for (const d of docs) expect(manifestYaml([d])).toBe(cdk8sYaml([d]));
    expect(manifestYaml(docs)).toBe(cdk8sYaml(docs));
  });
});
