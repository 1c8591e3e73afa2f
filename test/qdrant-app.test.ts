import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { QdrantApp, QdrantConfigError } from '../src';
import { configErrorOf } from './support/errors';
import { hybridRegion, regionProps } from './support/stacks';
import { tmp } from './support/tmp';

function tempOutdir(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-app-')), 'dist');
  fs.mkdirSync(path.join(dir, 'previous'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'previous', 'manifests.k8s.yaml'), 'kept: true\n');
  return dir;
}

describe('QdrantApp', () => {
  test('replaces the output directory with one folder per chart', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = new QdrantApp({ outdir });
    hybridRegion(app, {}, 'region-a');
    // WHEN
    app.synth();
    // THEN
    expect(fs.readdirSync(outdir).sort()).toEqual(['README.md', 'qdrant-state.json', 'region-a']);
    expect(fs.readdirSync(path.join(outdir, 'region-a')).sort()).toEqual(['README.md', 'environment.json', 'kustomization.yaml', 'manifests.k8s.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'region-a', 'kustomization.yaml'), 'utf8')).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - manifests.k8s.yaml\n');
  });

  test('a failing deferred validation writes nothing', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = new QdrantApp({ outdir });
    hybridRegion(app, {}, 'region-a');
    new Chart(app, 'other').node.addValidation({ validate: () => ['something is wrong'] });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(QdrantConfigError);
    expect(fs.readFileSync(path.join(outdir, 'previous', 'manifests.k8s.yaml'), 'utf8')).toBe('kept: true\n');
    expect(fs.readdirSync(path.dirname(outdir))).toEqual(['dist']);
  });

  test('a chart id that is not a folder name is refused', () => {
    expect(() => hybridRegion(new QdrantApp({ outdir: tempOutdir() }), {}, 'Region A'))
      .toThrow(/\[Region A\] id \(output folder name\): got "Region A"; expected a DNS-1123 label/);
  });

  test('a program with bad input exits 1 with the library error and leaves dist untouched', () => {
    // GIVEN a program like examples/main.ts, with a bad namespace
    const outdir = tempOutdir();
    const program = path.join(path.dirname(outdir), 'bad.ts');
    fs.writeFileSync(program, `
      import { FluxDelivery, HybridRegion, QdrantApp, QdrantConfigError, SecretSource } from ${JSON.stringify(path.resolve(__dirname, '..', 'src'))};
      try {
        const app = new QdrantApp({ outdir: ${JSON.stringify(outdir)} });
        new HybridRegion(app, 'region-a', { ...${JSON.stringify({ ...regionProps(), delivery: undefined, registryCredentials: undefined, cloudAccessKey: undefined })},
          namespace: 'Bad_Namespace', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing() });
        app.synth();
      } catch (e) {
        if (!(e instanceof QdrantConfigError)) throw e;
        console.error(e.message);
        process.exit(1);
      }`);
    // WHEN
    const run = spawnSync(path.resolve(__dirname, '..', 'node_modules', '.bin', 'tsx'), [program], { encoding: 'utf8' });
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[region-a] namespace: got "Bad_Namespace"; expected a DNS-1123 label');
    expect(fs.readdirSync(outdir)).toEqual(['previous']);
  });
});

describe('QdrantApp props from JavaScript callers', () => {
  test.each<[string, unknown, string, RegExp]>([
    ['null props', null, 'props', /expected QdrantAppProps/],
    ['a string as props', 'dist', 'props', /expected QdrantAppProps/],
    ['a number as outdir', { outdir: 42 }, 'outdir', /expected a non-empty path/],
    ['an empty outdir', { outdir: '' }, 'outdir', /expected a non-empty path/],
    ['a NUL byte in outdir', { outdir: 'di\u0000st' }, 'outdir', /without NUL bytes/],
    ['an object as previousOutput', { previousOutput: {} }, 'previousOutput', /expected a non-empty path/],
    ['a string as mirror', { mirror: 'harbor.corp/qdrant' }, 'mirror', /expected an ImageMirror/],
    ['a typo (previousOuput)', { previousOuput: '../main/dist' }, 'previousOuput', /unknown key; did you mean "previousOutput"\?; expected one of "outdir", "mirror", "allowedChanges", "baseRef", "previousOutput", "planFile"/],
  ])('%s is refused when the app is created', (_what, props, prop, allowed) => {
    // GIVEN props a TypeScript caller could not write
    // WHEN the app is created THEN the library error names the app, the prop and what is allowed
    const error = configErrorOf(() => new QdrantApp(props as any));
    expect(error.constructPath).toBe('<app>');
    expect(error.prop).toBe(prop);
    expect(error.allowed).toMatch(allowed);
  });

  test('a typo in previousOutput is refused before the comparison could be dropped silently', () => {
    // GIVEN an output and a previous output to compare with, named with a typo
    const dir = tmp('qdrant-props-');
    // WHEN the app is created THEN it is refused and nothing is written
    const error = configErrorOf(() => new QdrantApp({ outdir: path.join(dir, 'dist'), previousOuput: dir } as any));
    expect(error.message).toMatch(/\[<app>\] previousOuput: got "<set>"; unknown key/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
