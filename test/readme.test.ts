import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { QdrantApp } from '../src';
import { sealedCiphertext } from './support/sealed';

// The README's TypeScript blocks are what users copy: each is type-checked against the
// library and run. The first block is a whole program; the others are fragments that
// build on each other (`app`, `operator`), run after a small prelude.
const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const blocks = [...fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

// Every app the fragments make is recorded (\`new QdrantApp(\` becomes \`new RecordedApp(\`), so
// that each is rendered and its warnings asserted, not only the prelude's \`app\`.
const PRELUDE = `import { Allow, ArgoCdDelivery, FluxDelivery, HybridRegion, ImageMirror, QdrantApp, QdrantAppProps, QdrantOperator, SecretSource, StorageProps } from '${SRC}';
export const apps: QdrantApp[] = [];
class RecordedApp extends QdrantApp {
  constructor(props?: QdrantAppProps) { super(props); apps.push(this); }
}
const app = new RecordedApp();
const corpCaPem = ${JSON.stringify(fs.readFileSync(path.join(ROOT, 'examples', 'assets', 'corp-ca.pem'), 'utf8'))};
const sealedHarborPull = ${JSON.stringify(sealedCiphertext('harbor-pull', 180))};
`;

/** The README's blocks as programs: the whole first one, then the fragments after the prelude. */
function programs(dir: string): string[] {
  const [first, ...fragments] = blocks;
  const files = {
    'readme-quickstart.ts': first.replace(/from 'cdk8s-qdrant'/g, `from '${SRC}'`),
    'readme-fragments.ts': `${PRELUDE}${fragments.join('\n').replace(/new QdrantApp\(/g, 'new RecordedApp(')}\nvoid [Allow, ArgoCdDelivery, FluxDelivery, HybridRegion, ImageMirror, QdrantOperator, SecretSource];\n`,
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

  test('run as written without a warning, and the quickstart writes its output folder', () => {
    // GIVEN the README's programs
    const outdir = path.join(dir, 'dist');
    const printed: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => { printed.push(String(chunk)); return true; });
    process.env.CDK8S_OUTDIR = outdir;
    let warnings: string[] = [];
    try {
      // WHEN they run, and every app the fragments made is rendered
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- running the README's programs
        for (const file of files) require(file);
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the fragments' apps
        const { apps } = require(files[1]) as { apps: QdrantApp[] };
        expect(apps.length).toBeGreaterThanOrEqual(2);
        warnings = apps.flatMap((a) => a.render()).flatMap((f) => f.warnings);
      });
    } finally {
      delete process.env.CDK8S_OUTDIR;
      stderr.mockRestore();
    }
    // THEN nothing warns, and the quickstart wrote its region
    expect(warnings).toEqual([]);
    expect(printed.filter((l) => l.startsWith('cdk8s-qdrant warning:')).filter((l) => !l.includes('GUARDS HAD NOTHING TO COMPARE WITH'))).toEqual([]);
    expect(fs.readdirSync(path.join(outdir, 'eu-west')).sort()).toEqual(['README.md', 'environment.json', 'kustomization.yaml', 'manifests.k8s.yaml']);
  });

  test('the quickstart catches a construction error too: one line of QdrantConfigError, exit 1, nothing written', () => {
    // GIVEN the quickstart with a namespace that is refused while HybridRegion is created (not in synth)
    const broken = path.join(dir, 'readme-quickstart-broken.ts');
    fs.writeFileSync(broken, fs.readFileSync(files[0], 'utf8').replace("namespace: 'qdrant',", "namespace: 'Qdrant_EU',"));
    const outdir = path.join(dir, 'dist-broken');
    // WHEN it runs as a program
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-ts.js'), broken], { env: { ...process.env, CDK8S_OUTDIR: outdir }, encoding: 'utf8' });
    // THEN the entry point printed the library's message, not an uncaught exception
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^\[eu-west\] namespace: got "Qdrant_EU"/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(outdir)).toBe(false);
  }, 60_000);
});
