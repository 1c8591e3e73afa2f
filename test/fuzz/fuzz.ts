import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { Chart } from 'cdk8s';
import { QdrantApp, QdrantConfigError } from '../../src';
import { PLANTED_ACCESS_KEY, PLANTED_SECRET } from '../support/markers';
import { readmeNameProblems } from '../support/readme-names';
import { schemaErrors } from '../support/schemas';

/**
 * Property-based tests of the public constructs: props are a valid base with a few
 * mutations (a valid alternative, a hostile value, a deletion, an unknown key), so
 * both valid and invalid prop sets are generated. The oracle: invalid input raises
 * QdrantConfigError naming a construct path and a prop path; valid input yields
 * objects that pass the strict schemas; nothing else is thrown, and no planted secret
 * shows up in a message, a warning or the output. FUZZ_SEED replays a run.
 */

/** A secret under a credential name (`password: ...`): never printed, though only its name tells it is one. */
export const NAMED_SECRET = 'n4med-s3cret-Wv2';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
export const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Values a hurried or hostile caller could pass anywhere. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, 0, 42, -1, 1.5, Number.NaN, true, false, {}, [], [null], [42], '', ' ', '0o17', 'x'.repeat(300),
    '{{ index . "password" }}', 'a\u0000b', 'line\nbreak', '../../etc', 'UPPER', 'v1.0.0', '1.0.0', '*',
    PLANTED_ACCESS_KEY, `http://user:${PLANTED_SECRET}@proxy:3128`, `https://u:${PLANTED_SECRET}@example.com`,
    { password: NAMED_SECRET }, { config: { accessKey: PLANTED_ACCESS_KEY } }, [PLANTED_ACCESS_KEY],
    [{ name: 'API_KEY', value: NAMED_SECRET }], { token: NAMED_SECRET },
    `user:${PLANTED_SECRET}@proxy:3128`, `robot:${PLANTED_SECRET}@harbor.corp:8443/qdrant`, `https://git:${PLANTED_SECRET}@git.example.com/x.git`,
    { env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: NAMED_SECRET }] }, new Date(0), () => 1, { '<<': 'x' },
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom<unknown>(1, 'x', null, PLANTED_ACCESS_KEY), { maxKeys: 3 }),
);

/** Per prop path, values that are valid there. */
export type Alternatives = Record<string, readonly unknown[]>;

interface Mutation { readonly path: string; readonly kind: 'valid' | 'hostile' | 'delete' | 'unknown'; readonly pick: number; readonly hostile: unknown }

function pathsOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [`${prefix}${k}`, ...pathsOf(v, `${prefix}${k}.`)]);
}

function setPath(root: Record<string, unknown>, path: string, value: unknown, remove: boolean): void {
  const keys = path.split('.');
  let at: any = root;
  for (const k of keys.slice(0, -1)) {
    if (at[k] === null || typeof at[k] !== 'object' || Object.getPrototypeOf(at[k]) !== Object.prototype) at[k] = {};
    else at[k] = { ...at[k] };
    at = at[k];
  }
  if (remove) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
}

/** Prop sets: `base()` with up to three mutations. `base` is a function so that each run gets fresh SecretSources. */
export function propsArbitrary(base: () => Record<string, unknown>, alternatives: Alternatives): fc.Arbitrary<{ props: Record<string, unknown>; mutations: Mutation[] }> {
  const paths = [...new Set([...pathsOf(base()), ...Object.keys(alternatives)])];
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    path: fc.constantFrom(...paths),
    kind: fc.constantFrom<Mutation['kind']>('valid', 'valid', 'hostile', 'hostile', 'delete', 'unknown'),
    pick: fc.nat(),
    hostile: hostileValue,
  });
  return fc.array(mutation, { maxLength: 3 }).map((mutations) => {
    const props = { ...base() };
    for (const m of mutations) {
      const options = alternatives[m.path];
      if (m.kind === 'valid' && options?.length) setPath(props, m.path, options[m.pick % options.length], false);
      else if (m.kind === 'delete') setPath(props, m.path, undefined, true);
      else if (m.kind === 'unknown') setPath(props, `${m.path}Typo`, m.hostile, false);
      else if (m.kind === 'hostile') setPath(props, m.path, m.hostile, false);
    }
    return { props, mutations };
  });
}

/** What the oracle saw over a run: both valid and invalid sets must be tried; the first valid chart is built with kustomize. */
export interface Tally { valid: number; invalid: number; sample?: Chart }

/** Secrets planted in the output: the credential-shaped ones must never get there. */
function outputLeaks(text: string): boolean {
  return text.includes(PLANTED_SECRET);
}

/**
 * Runs `build` on the generated props. A QdrantConfigError must name a construct path
 * under `pathPrefix` and a prop, and print no planted secret; a success must yield
 * schema-valid objects with no planted secret in them or in any notice (in the output
 * it may be, when `plaintextOptIn`: that is the opt-in's purpose).
 */
export function checkBuild(tally: Tally, pathPrefix: string, build: () => Chart, plaintextOptIn = false): void {
  let chart: Chart | undefined;
  let error: unknown;
  try {
    chart = build();
  } catch (e) {
    error = e;
  }
  if (chart === undefined) {
    checkError(error, pathPrefix);
    tally.invalid++;
    return;
  }
  const objects = chart.toJson();
  const notices = chart.node.findAll().flatMap((c) => c.node.metadata.map((m) => String(m.data)));
  const side = typeof (chart as any).sideFiles === 'function' ? Object.values<string>((chart as any).sideFiles()) : [];
  const text = [JSON.stringify(objects), ...notices, ...side].join('\n');
  if (!plaintextOptIn && outputLeaks(text)) throw new Error(`a planted secret reached the output: ${text.slice(0, 2000)}`);
  if (notices.some((n) => n.includes(NAMED_SECRET))) throw new Error('a planted secret in a notice');
  const nullAt = nullPath(objects);
  if (nullAt !== undefined) throw new Error(`a null in the output at ${nullAt}`);
  const problems = schemaErrors(objects);
  if (problems.length) throw new Error(`schema errors: ${problems.join('; ')}`);
  const readmeProblems = readmeNameProblems((chart.node.root as QdrantApp).render());
  if (readmeProblems.length) throw new Error(`a README names what the output lacks: ${readmeProblems.join('; ')}`);
  tally.valid++;
  tally.sample ??= chart;
}

/** Where the first null is in emitted objects (a value the L1 serialisers could not read), or undefined. */
function nullPath(value: unknown, at = ''): string | undefined {
  if (value === null) return at || '<root>';
  if (typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value as object)) {
    const found = nullPath(v, `${at}/${k}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkError(e: unknown, pathPrefix: string): void {
  if (!(e instanceof QdrantConfigError)) throw new Error(`not the library error: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
  const shown = [e.message, JSON.stringify(e.problems)].join('\n');
  if (shown.includes(PLANTED_SECRET) || shown.includes(NAMED_SECRET)) throw new Error(`a planted secret in the error: ${e.message}`, { cause: e });
  for (const p of e.problems) {
    if (!p.constructPath.startsWith(pathPrefix) || !p.prop) throw new Error(`error without construct path ${pathPrefix} or prop: ${e.message}`, { cause: e });
  }
}

/**
 * Runs the property (a failure names its seed: FUZZ_SEED replays it), then
 * checks that valid and invalid sets were both tried in numbers, and builds the first
 * valid chart's rendered folder with `kubectl kustomize`: it must read back the same
 * objects (YAML 1.2 keeps every string a string).
 */
export function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T, tally: Tally) => void, minShare = 0.05): void {
  const tally: Tally = { valid: 0, invalid: 0 };
  try {
    fc.assert(fc.property(arbitrary, (value) => check(value, tally)), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    expect(tally.valid).toBeGreaterThan(RUNS * minShare);
    expect(tally.invalid).toBeGreaterThan(RUNS * minShare);
    if (KUBECTL_PRESENT) expect(kustomizeProblems(tally.sample!)).toEqual([]);
  } catch (e) {
    // The seed is shown with the failure (a passing run prints nothing): the replay command is the first line.
    (e as Error).message = `fuzz ${name}: seed ${SEED}, ${RUNS} runs (replay: FUZZ_SEED=${SEED} npx jest test/fuzz)\n${(e as Error).message}`;
    throw e;
  }
}

const KUBECTL_PRESENT = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!KUBECTL_PRESENT) process.stderr.write('SKIPPED kustomize build of fuzz samples: kubectl not found\n');

function kustomizeProblems(chart: Chart): string[] {
  const app = chart.node.root as QdrantApp;
  const folder = app.render().find((f) => f.folder === chart.node.id)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-kustomize-'));
  try {
    for (const [file, text] of Object.entries(folder.files)) fs.writeFileSync(path.join(dir, file), text);
    const built = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
    if (built.status !== 0) return [`kubectl kustomize failed: ${built.stderr}`];
    const read = parseAllDocuments(built.stdout).map((d) => d.toJS());
    const key = (o: any) => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
    const expected = new Map(chart.toJson().map((o: any) => [key(o), o]));
    return read.filter((o) => !isDeepStrictEqual(o, expected.get(key(o)))).map((o) => `${key(o)} reads back differently after kustomize`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
