import { evaluateCelRules } from './support/cel';
import { CrdVersion } from './support/crds';
import { schemaNodes, withDefaults } from './support/structural';

/** A small CRD: a defaulted mode under `spec.tuning`, and a rule that needs the default. */
const crd: CrdVersion = {
  apiVersion: 'example.io/v1',
  kind: 'Example',
  schema: {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          tuning: {
            type: 'object',
            properties: { mode: { type: 'string', default: 'fast' }, level: { type: 'integer' }, ratio: { type: 'number' } },
            'x-kubernetes-validations': [
              { rule: "self.mode == 'fast' || self.level < 3", message: 'slow modes need a low level' },
              // CEL has no int + double: these hold only if integer and number values get their own CEL types.
              { rule: '!has(self.level) || self.level + 1 <= 10', message: 'level at most 9' },
              { rule: '!has(self.ratio) || self.ratio + 0.5 < 2.0', message: 'ratio below 1.5' },
            ],
          },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};

describe('structural schema handling behind the CEL check', () => {
  test('defaults fill a missing property of a present object, never an absent parent', () => {
    expect(withDefaults(crd.schema, { spec: { tuning: {} } })).toEqual({ spec: { tuning: { mode: 'fast' } } });
    expect(withDefaults(crd.schema, { spec: {} })).toEqual({ spec: {} });
    expect(withDefaults(crd.schema, { spec: { tuning: { mode: null } } })).toEqual({ spec: { tuning: { mode: 'fast' } } });
  });

  test('a rule runs only where its value is present, and sees the defaults', () => {
    // WHEN tuning is absent THEN its rule is not evaluated
    expect(evaluateCelRules(crd, { spec: {} })).toEqual([]);
    // WHEN tuning is present without mode THEN the default makes the rule hold
    expect(evaluateCelRules(crd, { spec: { tuning: { level: 5 } } }).map((o) => o.failure)).toEqual([undefined, undefined, undefined]);
    // WHEN a slow mode has a high level THEN the rule fails at that value
    expect(evaluateCelRules(crd, { spec: { tuning: { mode: 'slow', level: 5 } } }).filter((o) => o.failure)).toEqual([
      expect.objectContaining({ valuePath: '.spec.tuning', failure: 'slow modes need a low level' }),
    ]);
  });

  test('integer fields reach CEL as int and number fields as double, as the schema types say', () => {
    expect(evaluateCelRules(crd, { spec: { tuning: { level: 2, ratio: 1 } } }).map((o) => o.failure)).toEqual([undefined, undefined, undefined]);
    expect(evaluateCelRules(crd, { spec: { tuning: { level: 12, ratio: 1.5 } } }).map((o) => o.failure)).toEqual([undefined, 'level at most 9', 'ratio below 1.5']);
  });

  test('map values get the additionalProperties schema', () => {
    expect([...schemaNodes(crd.schema, { spec: { labels: { a: 'x' } } })].map((n) => `${n.valuePath || '(root)'} ${n.schemaPath || '(root)'} ${n.schema.type}`))
      .toEqual(['(root) (root) object', '.spec .spec object', '.spec.labels .spec.labels object', '.spec.labels.a .spec.labels{} string']);
  });
});
