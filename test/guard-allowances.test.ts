import * as fs from 'fs';
import * as path from 'path';
import { Allow, AllowedChange } from '../src';
import { checkAllowedChanges } from '../src/output/guards/allow';
import { ALLOWANCES, GUARD_RULES } from '../src/output/guards/guard-rules';
import { ClusterRecord, EMPTY_STATE, GuardState, ObjectRef, RegionRecord } from '../src/output/guards/guard-state';
import { ALLOWED_CHANGE_ANNOTATION_PREFIX, checkAgainstPrevious } from '../src/output/guards/guards';

// The guard rule owns its allowance (its GuardedChange and the name of its Allow factory);
// these tests hold Allow, the run-time check and the messages to those names.

const ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';
const ENV = '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f';

/** The static methods of Allow: its factories. */
const factories = Object.getOwnPropertyNames(Allow).filter((k) => typeof (Allow as any)[k] === 'function').sort();
const allowFactory = (name: string) => (Allow as any)[name] as (target: string, reason: string) => AllowedChange;

const cluster = (extra: Partial<ClusterRecord> = {}): ClusterRecord => ({
  kind: 'QdrantCluster', namespace: 'qdrant', name: `qdrant-${ID}`, folder: 'ops', id: ID, version: 'v1.16.3', storage: '10Gi', claims: {}, ...extra,
});
const anchor: ObjectRef = { kind: 'HelmRelease', namespace: 'qdrant', name: 'qdrant-cloud-agent' };
const region = (namespace = 'qdrant'): RegionRecord => ({ environmentId: ENV, namespace, folder: 'region', anchor });
const state = (s: Partial<GuardState>): GuardState => ({ ...EMPTY_STATE, ...s });

/** For each guard rule that takes an allowance: a previous and a next state it refuses, and the target it names. */
const REFUSED: Record<string, { readonly previous: GuardState; readonly next: GuardState; readonly target: string }> = {
  'cluster-deleted': { previous: state({ clusters: [cluster()] }), next: EMPTY_STATE, target: ID },
  'storage-shrink': { previous: state({ clusters: [cluster()] }), next: state({ clusters: [cluster({ storage: '5Gi' })] }), target: ID },
  'version-skip': { previous: state({ clusters: [cluster()] }), next: state({ clusters: [cluster({ version: 'v1.15.0' })] }), target: ID },
  'region-removed': { previous: state({ regions: [region()] }), next: EMPTY_STATE, target: ENV },
  'region-namespace-changed': { previous: state({ regions: [region()] }), next: state({ regions: [region('vectors')] }), target: ENV },
  'operator-removed': { previous: state({ operators: [{ namespace: 'qdrant', folder: 'ops' }] }), next: EMPTY_STATE, target: 'qdrant' },
  'namespace-removed': { previous: state({ namespaces: [{ kind: 'Namespace', name: 'qdrant', folder: 'ops' }] }), next: EMPTY_STATE, target: 'qdrant' },
  'restore-into-live-cluster': {
    previous: state({ clusters: [cluster()] }),
    next: state({
      clusters: [cluster()],
      restores: [{
        kind: 'QdrantClusterRestore', namespace: 'qdrant', name: 'back', folder: 'ops', clusterId: ID, destination: ` qdrant/qdrant-${ID}`,
        intoExistingCluster: true, snapshot: ' qdrant/old',
      }],
    }),
    target: ID,
  },
  'multi-az-changed': { previous: state({ clusters: [cluster()] }), next: state({ clusters: [cluster({ multiAZ: true })] }), target: ID },
};

describe('each GuardedChange is written once, on its guard rule', () => {
  test('each allowance names its own change and its own Allow factory, and Allow has no other factory', () => {
    // GIVEN the allowances of the guard rules
    const changes = ALLOWANCES.map((a) => a.change);
    const names = ALLOWANCES.map((a) => a.factory);
    // THEN no change and no factory is taken by two rules
    expect(new Set(changes).size).toBe(changes.length);
    expect(new Set(names).size).toBe(names.length);
    // AND Allow's factories are exactly the ones the rules name
    expect(factories).toEqual([...names].sort());
    // AND the rules that take no allowance are the two that are never allowed
    expect(GUARD_RULES.filter((r) => !r.allowance).map((r) => r.id)).toEqual(['restore-of-new-snapshot', 'restore-minor-window']);
    // AND each rule that takes one has a refused change below
    expect(Object.keys(REFUSED).sort()).toEqual(GUARD_RULES.filter((r) => r.allowance).map((r) => r.id).sort());
  });

  test.each(ALLOWANCES.map((a) => [a.factory, a.change]))('Allow.%s makes a "%s" allowance that the app accepts', (factory, change) => {
    // WHEN the factory is called
    const made = allowFactory(factory)('us/qdrant', 'moving the data');
    // THEN it makes the change its guard rule names, with the target and the reason as given, and the app's check accepts it
    expect(made).toEqual({ change, target: 'us/qdrant', reason: 'moving the data' });
    expect(checkAllowedChanges([made])).toEqual([made]);
  });

  test.each(GUARD_RULES.filter((r) => r.allowance).map((r) => [r.id, r.allowance!.factory, r.allowance!.change]))(
    'guard %s asks for Allow.%s and, once allowed, records it as "%s"', (id, factory, change) => {
      // GIVEN a change the rule refuses
      const { previous, next, target } = REFUSED[id];
      // WHEN it is checked without an allowance
      const refused = checkAgainstPrevious(previous, next, [], 'dist');
      // THEN the rule refuses it and names its own factory as the remedy
      expect(refused.problems.map((p) => p.allowed)).toEqual([expect.stringContaining(`add Allow.${factory}('${target}', '<reason>') to the QdrantApp's allowedChanges [guard ${id}]`)]);
      // WHEN it is checked with the allowance the factory makes
      const allowed = checkAgainstPrevious(previous, next, [allowFactory(factory)(target, 'intended')], 'dist');
      // THEN nothing is refused, the log line names the factory, and the object that remains (if one does) carries an annotation named by the change
      expect(allowed.problems).toEqual([]);
      expect(allowed.unusedAllowances).toEqual([]);
      expect(allowed.allowedChanges).toEqual([expect.stringContaining(`: allowed by Allow.${factory} [guard ${id}] (intended)`)]);
      const remains = !id.endsWith('-removed') && id !== 'cluster-deleted';
      expect(allowed.annotations.map((a) => [a.key, a.value])).toEqual(remains ? [[`${ALLOWED_CHANGE_ANNOTATION_PREFIX}${change}`, 'intended']] : []);
    });

  test('an allowance of another change does not allow it', () => {
    // GIVEN a deleted cluster, WHEN only its storage shrink is allowed
    const { previous, next } = REFUSED['cluster-deleted'];
    const outcome = checkAgainstPrevious(previous, next, [Allow.storageShrink(ID, 'intended')], 'dist');
    // THEN the deletion is refused and the allowance is reported as unused
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.unusedAllowances).toEqual([{ change: 'shrink-storage', target: ID, reason: 'intended' }]);
  });
});

describe('the README\'s guard table', () => {
  test('has one row per guard rule, in rule order, naming its Allow factory or "never"', () => {
    // GIVEN the rows of the table under the README's "Guards" heading
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Guards'), readme.indexOf('\n## ', readme.indexOf('\n## Guards') + 1));
    const rows = section.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split(' | '));
    // THEN they name the guard rules, in the order the rules report
    expect(rows.map(([id]) => id.replace(/^\| `|`$/g, ''))).toEqual(GUARD_RULES.map((r) => r.id));
    // AND each row's last column is the rule's Allow factory, or "never" for a rule that takes no allowance
    for (const [i, rule] of GUARD_RULES.entries()) {
      expect(rows[i][2]).toMatch(rule.allowance ? new RegExp(`^\`Allow\\.${rule.allowance.factory}\\(`) : /^never/);
    }
  });
});
