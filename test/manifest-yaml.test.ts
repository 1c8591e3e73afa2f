import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Yaml } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { ArgoCdDelivery, QdrantApp, QdrantCluster } from '../src';
import { manifestYaml } from '../src/output/manifest-yaml';
import { showcaseApp } from '../examples/showcase';
import { clusterProps, hybridRegion } from './support/stacks';

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

/** A seeded pseudo-random generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random JSON-like data built from the characters and words YAML treats specially. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const pieces = ['a', 'Z', '0', '9', '-', '.', ':', ' ', '#', '"', "'", '\\', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', '~', '\t', '\n', 'é', 'yes', 'no', 'null', '0x', '1e', '<<', '---'];
  const text = () => Array.from({ length: Math.floor(next() * 5) }, () => pick(pieces)).join('');
  const kind = depth > 2 ? 0 : Math.floor(next() * 4);
  if (kind === 1) return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  if (kind === 2) return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [text(), randomValue(next, depth + 1)]));
  return pick<() => unknown>([text, text, text, () => Math.floor(next() * 2000) - 1000, () => next() < 0.5])();
}

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

  test.each(TRICKY_STRINGS.map((s) => [JSON.stringify(s), s]))('writes the string %s as cdk8s does (quoting YAML 1.2 numbers), as value, key and item', (_, s) => {
    // GIVEN the string as a value, a key, a sequence item and inside a sequence item's map
    const doc = { kind: 'X', value: s, [s]: 'v', items: [s, { [s]: s, after: s }], nested: { deeper: { value: s } } };

    // WHEN written THEN the bytes are cdk8s's, except that a string YAML 1.2 reads as a
    // number (0o17 is 15 there, a plain string in YAML 1.1) is double-quoted wherever it is
    const written = manifestYaml([doc]);
    if (s === '0o17') {
      expect(written.replace(/"0o17"/g, '0o17')).toBe(cdk8sYaml([doc]));
      expect(parse(written, { version: '1.2' })).toEqual(doc);
    } else {
      expect(written).toBe(cdk8sYaml([doc]));
    }
  });

  test.each(['0o1_7', '0O17', '0X1F', '+0o17', '-0b1', '0B101', '0x_1f', '089', '1_0e3'])('double-quotes %s, which go-yaml (kubectl kustomize) reads as a number, as value, key and item', (s) => {
    // GIVEN a string that YAML 1.1 and 1.2 read as a string, but go-yaml, which drops "_" and takes
    // Go's integer prefixes in either case, reads as a number
    const doc = { kind: 'X', value: s, [s]: 'v', items: [s, { [s]: s }] };
    // WHEN written THEN it is double-quoted wherever it is, and the rest is cdk8s's bytes
    const written = manifestYaml([doc]);
    expect(written.replaceAll(`"${s}"`, s)).toBe(cdk8sYaml([doc]).replaceAll(`"${s}"`, s));
    expect(written.match(new RegExp(`"${s.replace(/[+]/g, '\\+')}"`, 'g'))).toHaveLength(5);
    expect(parse(written, { version: '1.1' })).toEqual(doc);
    expect(parse(written, { version: '1.2' })).toEqual(doc);
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

  test('writes 3,000 random documents as cdk8s does', () => {
    // GIVEN random maps of strings, numbers, booleans, lists and maps (seeded, so a failure reproduces)
    const next = random(12);
    const docs = Array.from({ length: 3000 }, () => ({ kind: 'Random', spec: randomValue(next, 0), [String(next())]: randomValue(next, 1) }));

    // WHEN each is written THEN every one has cdk8s's bytes
    const differing = docs.filter((d) => manifestYaml([d]) !== cdk8sYaml([d]));
    expect(differing).toEqual([]);
  });
});


describe('strings stay strings through kubectl kustomize', () => {
  test('a DNS label that YAML 1.2 reads as a number (0o17) is quoted, so kubectl kustomize keeps it a string', () => {
    // GIVEN a cluster whose namespace and customer id are valid DNS labels that look like octal numbers
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-yaml-')), 'dist');
    const app = new QdrantApp({ outdir });
    const chart = new Chart(app, 'clusters');
    new QdrantCluster(chart, 'db', clusterProps({
      customerId: '0o17', namespace: '0o17', existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() },
    }));
    // WHEN synthesised and built by kustomize (YAML 1.2)
    app.synth();
    const built = parse(execFileSync('kubectl', ['kustomize', path.join(outdir, 'clusters')], { encoding: 'utf8' }), { version: '1.2' });
    // THEN both are still the string "0o17"
    expect(built.metadata.namespace).toBe('0o17');
    expect(built.metadata.labels['customer-id']).toBe('0o17');
  });

  test('strings go-yaml reads as numbers, and "<<" as a value, stay strings through kubectl kustomize, as keys, values and items', () => {
    // GIVEN Helm values with strings only go-yaml reads as numbers (it drops "_" and takes Go's integer
    // prefixes in either case) as keys, values and list items, and "<<" as a value and an item
    // (as a key, kustomize reads "<<" as a merge key even quoted: the escape hatches refuse it)
    const tricky = ['0o1_7', '0O17', '0X1F', '+0o17', '0B101'];
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-yaml-')), 'dist');
    const app = new QdrantApp({ outdir });
    hybridRegion(app, {
      agentValues: { podLabels: { ...Object.fromEntries(tricky.map((t) => [t, t])), merge: '<<' }, extraArgs: [...tricky, '<<'] },
    });
    // WHEN synthesised and built by kustomize (go-yaml)
    app.synth();
    const built = parseAllDocuments(execFileSync('kubectl', ['kustomize', path.join(outdir, 'r')], { encoding: 'utf8' }), { version: '1.2' });
    // THEN every one is still the same string, key and value
    const values = built.map((d) => d.toJS()).find((o: any) => o.kind === 'HelmRelease').spec.values;
    expect(values.podLabels).toEqual({ ...Object.fromEntries(tricky.map((t) => [t, t])), merge: '<<' });
    expect(values.extraArgs).toEqual([...tricky, '<<']);
  });
});
