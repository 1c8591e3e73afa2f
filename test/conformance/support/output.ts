import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
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

/** Synthesizes the showcase into a fresh temporary folder and reads it back. */
export function synthesizeShowcase(): SynthesizedOutput {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-conformance-'));
  showcaseApp({ outdir: dir }).synth();
  const files = listFiles(dir);
  const objects = files.filter((f) => /\.ya?ml$/.test(f)).flatMap((file) =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))
      .map((d) => d.toJS())
      .filter((object) => object?.apiVersion && object?.kind)
      .map((object) => ({ file, object })));
  return { dir, files, objects, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `file: Kind namespace/name`, to name an object in a failure message. */
export function describeObject({ file, object }: OutputObject): string {
  return `${file}: ${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
}
