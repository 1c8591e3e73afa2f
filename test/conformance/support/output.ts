import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { QdrantApp, QdrantAppProps } from '../../../src';
import { hybridFleetApp } from '../../../examples/hybrid-fleet';
import { showcaseApp } from '../../../examples/showcase';

/** One object of the output, with the file it was read from. */
export interface OutputObject {
  readonly file: string;
  readonly object: any;
}

/** The showcase app's output (every bundled example) as written to disk. */
export interface SynthesizedOutput {
  readonly dir: string;
  /** Relative paths of every written file. */
  readonly files: readonly string[];
  /** Every object of every YAML file, in file order. */
  readonly objects: readonly OutputObject[];
  readonly cleanup: () => void;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');

/**
 * Examples that are apps of their own (an app-wide mirror, namespaces the showcase's
 * stacks also claim), synthesised beside the showcase, each into its own output directory.
 */
const SEPARATE_APPS: Record<string, (props: QdrantAppProps) => QdrantApp> = { 'hybrid-fleet': hybridFleetApp };

/** Example modules neither the showcase imports nor are separate apps: their output would go unchecked. */
function examplesMissingFromShowcase(): string[] {
  const showcase = fs.readFileSync(path.join(EXAMPLES_DIR, 'showcase.ts'), 'utf8');
  return fs.readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.ts') && !['main.ts', 'showcase.ts'].includes(f))
    .filter((f) => !(f.replace(/\.ts$/, '') in SEPARATE_APPS))
    .filter((f) => !showcase.includes(`from './${f.replace(/\.ts$/, '')}'`));
}

/** Synthesizes the showcase (every example) and the separate apps into a fresh temporary folder and reads them back. */
function synthesizeShowcase(): SynthesizedOutput {
  const missing = examplesMissingFromShowcase();
  if (missing.length) throw new Error(`examples/showcase.ts does not include ${missing.join(', ')}; the conformance checks would not see their output`);
  // The app may keep state beside its output folder: keep every output inside one temporary folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-conformance-'));
  const apps: Record<string, (props: QdrantAppProps) => QdrantApp> = { 'dist': showcaseApp, ...Object.fromEntries(Object.entries(SEPARATE_APPS).map(([n, a]) => [`dist-${n}`, a])) };
  for (const [outdir, app] of Object.entries(apps)) app({ outdir: path.join(dir, outdir) }).synth();
  const files = Object.keys(apps).flatMap((outdir) => listFiles(path.join(dir, outdir)).map((f) => path.join(outdir, f)));
  const objects = files.filter((f) => /\.ya?ml$/.test(f)).flatMap((file) =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))
      .map((d) => d.toJS())
      .filter((object) => object?.apiVersion && object?.kind)
      .map((object) => ({ file, object })));
  return { dir, files, objects, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The showcase output for the tests of the calling describe block: synthesized before
 * them (so a skipped block writes nothing) and removed after them.
 */
export function useShowcaseOutput(): () => SynthesizedOutput {
  let output: SynthesizedOutput | undefined;
  beforeAll(() => {
    output = synthesizeShowcase();
  });
  afterAll(() => output?.cleanup());
  return () => output!;
}

/** `file: Kind namespace/name`, to name an object in a failure message. */
export function describeObject({ file, object }: OutputObject): string {
  return `${file}: ${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
}
