import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

// The README's TypeScript blocks are what users copy: each is type-checked against the
// library and run. The first block is a whole program; the others are fragments that
// build on each other (`app`, `operator`), run after a small prelude.
const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const blocks = [...fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

const PRELUDE = `import { Allow, ArgoCdDelivery, FluxDelivery, HybridRegion, ImageMirror, QdrantApp, QdrantOperator, SecretSource, StorageProps } from '${SRC}';
const app = new QdrantApp();
const corpCaPem = ${JSON.stringify(fs.readFileSync(path.join(ROOT, 'examples', 'assets', 'corp-ca.pem'), 'utf8'))};
`;

/** The README's blocks as programs: the whole first one, then the fragments after the prelude. */
function programs(dir: string): string[] {
  const [first, ...fragments] = blocks;
  const files = {
    'readme-quickstart.ts': first.replace(/from 'cdk8s-qdrant'/g, `from '${SRC}'`),
    'readme-fragments.ts': `${PRELUDE}${fragments.join('\n')}\nexport const rendered = app.render();\nvoid [Allow, ArgoCdDelivery, FluxDelivery, HybridRegion, ImageMirror, QdrantOperator, SecretSource];\n`,
  };
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}

describe('the README code blocks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-readme-'));
  const files = programs(dir);

  test('there are blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  test('type-check against the library', () => {
    const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
    const program = ts.createProgram(files, { ...options, noEmit: true, noUnusedLocals: false });
    const problems = ts.getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
      .map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);

  test('run, and the quickstart writes its output folder', () => {
    const outdir = path.join(dir, 'dist');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.CDK8S_OUTDIR = outdir;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- running the README's programs
        for (const file of files) require(file);
      });
    } finally {
      delete process.env.CDK8S_OUTDIR;
      stderr.mockRestore();
    }
    expect(fs.readdirSync(path.join(outdir, 'eu-west')).sort()).toEqual(['README.md', 'environment.json', 'kustomization.yaml', 'manifests.k8s.yaml']);
  });
});
