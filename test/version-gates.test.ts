import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ArgoCdDelivery, QdrantOperator, SecretSource } from '../src';
import { CLUSTER_SPEC } from '../src/cluster/cluster-spec';
import { bool, leaf, list, object, Shape } from '../src/core/shape';
import { OPERATOR_SETTINGS_SHAPE } from '../src/operator/operator-settings';
import { configErrorOf } from './support/errors';
import { testApp } from './support/synth';

// A version gate lives on its table entry (`crdSince`, `qdrantSince`); the API docs show
// it through the prop's JSDoc, written as "(CRD >= vX.Y.Z)" or "(Qdrant >= vX.Y.Z)". The
// compiler reads the JSDoc here, so a comment that names no gate, another version or a
// gate no entry has fails instead of misleading the reader.
const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/** The tables with version gates, and the interface each describes. */
const TABLES: readonly [string, Shape, string, string][] = [
  ['CLUSTER_SPEC', CLUSTER_SPEC, 'src/cluster/cluster-props.ts', 'QdrantClusterProps'],
  ['OPERATOR_SETTINGS_SHAPE', OPERATOR_SETTINGS_SHAPE, 'src/operator/operator-settings.ts', 'OperatorSettings'],
];

const GATE_IN_DOC = /\b(CRD|Qdrant)\s*(?:>=|≥)\s*(v?\d+(?:\.\d+)*)/g;

/** The gates a declaration's JSDoc names, as `CRD >= v1.2.3`. */
function documentedGates(declaration: ts.Node): string[] {
  const text = ts.getJSDocCommentsAndTags(declaration).map((doc) => doc.getText()).join('\n');
  return [...text.matchAll(GATE_IN_DOC)].map((m) => `${m[1]} >= ${m[2]}`).sort();
}

/** The gates a table entry has, in the form the JSDoc writes them. */
function entryGates(shape: Shape): string[] {
  const { crdSince, qdrantSince } = shape.options;
  return [crdSince && `CRD >= ${crdSince}`, qdrantSince && `Qdrant >= ${qdrantSince}`].filter((g): g is string => !!g).sort();
}

interface GateReport {
  /** Entries whose JSDoc disagrees with the table, one line each. */
  readonly mismatches: string[];
  /** Every prop declaration the table reaches. */
  readonly reached: Set<ts.Node>;
  /** Gates the walk found on entries (counted while walking). */
  gates: number;
}

/**
 * Walks `shape` and the type it describes side by side (objects by key, lists by their
 * item) and compares each entry's gates with its prop's JSDoc. Custom entries convert
 * values themselves and are not entered.
 */
function compareGates(checker: ts.TypeChecker, type: ts.Type, shape: Shape, where: string, report: GateReport): void {
  if (shape.kind === 'list') {
    const item = checker.getTypeArguments(type as ts.TypeReference)[0];
    if (item) compareGates(checker, checker.getNonNullableType(item), shape.item!, `${where}[]`, report);
    return;
  }
  if (shape.kind !== 'object') return;
  for (const [key, entry] of Object.entries(shape.fields!)) {
    const at = where ? `${where}.${key}` : key;
    const property = checker.getPropertyOfType(type, key);
    const declaration = property?.valueDeclaration ?? property?.declarations?.[0];
    if (!property || !declaration) {
      report.mismatches.push(`${at}: the table has an entry, the type has no such prop`);
      continue;
    }
    report.reached.add(declaration);
    const expected = entryGates(entry);
    report.gates += expected.length;
    const documented = documentedGates(declaration);
    if (expected.join(', ') !== documented.join(', ')) {
      report.mismatches.push(`${at}: the table gates it at [${expected.join(', ')}], its JSDoc says [${documented.join(', ')}]`);
    }
    compareGates(checker, checker.getNonNullableType(checker.getTypeOfSymbol(property)), entry, at, report);
  }
}

/** Props whose JSDoc names a gate although no table entry reaches them. */
function strayGates(sources: readonly ts.SourceFile[], reached: Set<ts.Node>): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && !reached.has(node)) {
      const gates = documentedGates(node);
      if (gates.length) {
        const file = node.getSourceFile();
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${path.relative(ROOT, file.fileName)}:${line} ${node.name.getText()}: its JSDoc names [${gates.join(', ')}], no table entry has that gate`);
      }
    }
    ts.forEachChild(node, visit);
  };
  sources.forEach(visit);
  return found;
}

function interfaceType(program: ts.Program, file: string, name: string): ts.Type {
  const source = program.getSourceFile(file)!;
  const declaration = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
  const checker = program.getTypeChecker();
  return checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name)!);
}

function emptyReport(): GateReport {
  return { mismatches: [], reached: new Set(), gates: 0 };
}

describe('version gates in the API docs', () => {
  test('GIVEN every table with gates WHEN its entries are compared with their JSDoc THEN each names exactly its entry\'s gates', () => {
    // GIVEN the library's sources as the compiler sees them
    const options = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT).options;
    // Node and Jest typings are left out: no props type needs them, and the walk is faster without.
    const program = ts.createProgram([path.join(SRC, 'index.ts')], { ...options, types: [], noEmit: true });
    const checker = program.getTypeChecker();
    const report = emptyReport();
    // WHEN each table is walked beside its interface
    for (const [table, shape, file, name] of TABLES) compareGates(checker, interfaceType(program, path.join(ROOT, file), name), shape, table, report);
    const stray = strayGates(program.getSourceFiles().filter((s) => s.fileName.startsWith(SRC)), report.reached);
    // THEN the JSDoc agrees with the table, and no other prop claims a gate
    expect(report.mismatches).toEqual([]);
    expect(stray).toEqual([]);
    // AND the walk met every gate written in src/ (none hides in a table this test does not walk or behind a custom entry)
    const written = fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== path.join('core', 'shape.ts'))
      .reduce((n, f) => n + (fs.readFileSync(path.join(SRC, f), 'utf8').match(/\b(crd|qdrant)Since:/g) ?? []).length, 0);
    expect(report.gates).toBe(written);
  }, 60_000);

  describe('the comparison itself', () => {
    const FIXTURE = 'fixture.ts';
    const SOURCE = `
      export interface Example {
        /** Documented as in the table (CRD >= v1.2.0). */
        readonly right?: boolean;
        /** Another version than the table (CRD >= v1.3.0). */
        readonly otherVersion?: boolean;
        /** No version, although the table has one. */
        readonly undocumented?: boolean;
        /** A gate the entry does not have (Qdrant >= v1.1.0). */
        readonly stray?: boolean;
        /** Items reached through a list. */
        readonly items?: readonly Item[];
      }
      export interface Item {
        /** Both gates (CRD >= v1.4.0, Qdrant >= v1.5.0). */
        readonly both?: boolean;
      }
      export interface Elsewhere {
        /** No table describes this interface (Qdrant >= v1.0.0). */
        readonly orphan?: boolean;
      }`;
    const table = object({
      right: leaf(bool, { crdSince: 'v1.2.0' }),
      otherVersion: leaf(bool, { crdSince: 'v1.2.0' }),
      undocumented: leaf(bool, { qdrantSince: 'v1.2.0' }),
      stray: leaf(bool),
      items: list(object({ both: leaf(bool, { crdSince: 'v1.4.0', qdrantSince: 'v1.5.0' }) } as never)),
    } as never) as Shape;

    function fixtureProgram(): ts.Program {
      const options: ts.CompilerOptions = { lib: ['lib.es5.d.ts'], types: [], noEmit: true };
      const host = ts.createCompilerHost(options);
      const file = ts.createSourceFile(FIXTURE, SOURCE, ts.ScriptTarget.ES2022, true);
      return ts.createProgram([FIXTURE], options, { ...host, getSourceFile: (name, ...rest) => (name === FIXTURE ? file : host.getSourceFile(name, ...rest)) });
    }

    test('GIVEN JSDoc that disagrees with its table WHEN compared THEN each disagreement is named, and only those', () => {
      // GIVEN an interface with right, wrong, missing and stray gates, and its table
      const program = fixtureProgram();
      const report = emptyReport();
      // WHEN compared
      compareGates(program.getTypeChecker(), interfaceType(program, FIXTURE, 'Example'), table, 'EXAMPLE', report);
      // THEN the other version and the missing one are mismatches; the stray gates are found beside them
      expect(report.mismatches).toEqual([
        'EXAMPLE.otherVersion: the table gates it at [CRD >= v1.2.0], its JSDoc says [CRD >= v1.3.0]',
        'EXAMPLE.undocumented: the table gates it at [Qdrant >= v1.2.0], its JSDoc says []',
        'EXAMPLE.stray: the table gates it at [], its JSDoc says [Qdrant >= v1.1.0]',
      ]);
      expect(strayGates([program.getSourceFile(FIXTURE)!], report.reached)).toEqual([
        expect.stringMatching(/orphan: its JSDoc names \[Qdrant >= v1.0.0\], no table entry has that gate$/),
      ]);
      expect(report.gates).toBe(5);
    });
  });

  // Fields whose first CRD version qdrant-facts.md §7.1 gives later than their parent's.
  const cluster = (chartVersion: string, crdChartVersion: string | undefined, props: object) => new QdrantOperator(testApp(), 'pc', {
    namespace: 'qdrant', chartVersion, crdChartVersion, delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(),
  }).addCluster('db', { id: 'a7d8d973-0cc5-42de-8d7b-c29d14d24840', customerId: 'acme', version: 'v1.16.3', size: 1, resources: { cpu: '1', memory: '1Gi', storage: '2Gi' }, ...props });

  const traefik = { apiKey: SecretSource.existing('key'), ingress: { host: 'db.example.com', traefik: { entryPoints: ['websecure'] } } };
  test.each<[string, string, string, string, object, string, object?]>([
    ['gpu.parallelIndexes', '1.6.1', 'v1.14.2', 'v1.14.3', { gpu: { gpuType: 'nvidia', parallelIndexes: 2 } }, '2'],
    ['ingress.traefik.entryPoints', '1.6.4', 'v1.15.5', 'v1.16.3', traefik, '["websecure"]'],
    // iops and throughput go together, and iops has the same gate: alone, throughput meets its own.
    ['storage.throughput', '1.8.0', 'v1.17.2', 'v1.21.0', { storage: { throughput: 125 } }, '125', { storage: { iops: 3000, throughput: 125 } }],
  ])('GIVEN %s and Private Cloud %s, whose CRD %s predates the field WHEN the cluster is added THEN the entry refuses it; with CRD %s it passes',
    (prop, release, installed, gate, props, shown, accepted = props) => {
      expect(configErrorOf(() => cluster(release, undefined, props)).message)
        .toContain(`${prop}: got ${shown}; needs qdrant-kubernetes-api ${gate} or later; QdrantOperator "pc" installs ${installed}`);
      expect(() => cluster(release, gate, accepted)).not.toThrow();
    });
});
