import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { SNAPSHOT_METRICS_FILE } from '../../src/monitoring/snapshot-metrics';
import { crdVersionOf } from './support/crds';
import { useShowcaseOutput } from './support/output';

/*
 * kube-state-metrics reads the custom-resource-state side file into its Go types
 * (kubernetes/kube-state-metrics pkg/customresourcestate/config.go and
 * config_metrics_types.go). No binary is packaged for Debian, so the file is checked
 * against a schema written from those types (closed: a misspelt key is an error here,
 * where KSM would drop it silently), and every path it reads against the CRD it watches.
 */
const stringList = { type: 'array', items: { type: 'string' } };
const labelsFromPath = { type: 'object', additionalProperties: stringList };
const commonLabels = { type: 'object', additionalProperties: { type: 'string' } };
const meta = { labelsFromPath, path: stringList };
const KSM_CONFIG_SCHEMA = {
  type: 'object',
  required: ['spec'],
  additionalProperties: false,
  properties: {
    // Not read by KSM (its examples carry it); allowed with its one value.
    kind: { const: 'CustomResourceStateMetrics' },
    spec: {
      type: 'object', additionalProperties: false, required: ['resources'],
      properties: {
        resources: {
          type: 'array', minItems: 1,
          items: {
            type: 'object', additionalProperties: false, required: ['groupVersionKind', 'metrics'],
            properties: {
              commonLabels, labelsFromPath, metricNamePrefix: { type: 'string' }, resourcePlural: { type: 'string' }, errorLogV: { type: 'integer' },
              groupVersionKind: {
                type: 'object', additionalProperties: false, required: ['group', 'version', 'kind'],
                properties: { group: { type: 'string' }, version: { type: 'string' }, kind: { type: 'string' } },
              },
              metrics: {
                type: 'array', minItems: 1,
                items: {
                  type: 'object', additionalProperties: false, required: ['name', 'each'],
                  properties: {
                    name: { type: 'string', pattern: '^[a-zA-Z_:][a-zA-Z0-9_:]*$' }, help: { type: 'string' }, commonLabels, labelsFromPath, errorLogV: { type: 'integer' },
                    each: {
                      type: 'object', additionalProperties: false, required: ['type'],
                      properties: {
                        type: { enum: ['Gauge', 'StateSet', 'Info', 'gauge', 'stateset', 'info'] },
                        gauge: {
                          type: 'object', additionalProperties: false,
                          properties: { ...meta, labelFromKey: { type: 'string' }, valueFrom: stringList, valueType: { enum: ['', 'duration', 'quantity'] }, nilIsZero: { type: 'boolean' } },
                        },
                        stateSet: {
                          type: 'object', additionalProperties: false, required: ['list', 'labelName'],
                          properties: { ...meta, list: stringList, labelName: { type: 'string' }, valueFrom: stringList },
                        },
                        info: { type: 'object', additionalProperties: false, properties: { ...meta, labelFromKey: { type: 'string' } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(KSM_CONFIG_SCHEMA);
const matchesSchema = (config: unknown): boolean => validate(config);

/** The schema node of the CRD at `fieldPath` (object properties only), or undefined when the CRD has no such field. */
function crdField(schema: any, fieldPath: readonly string[]): any {
  return fieldPath.reduce((node, key) => (key === 'metadata' && node === schema ? { type: 'object', properties: { name: {}, namespace: {} } } : node?.properties?.[key]), schema);
}

/** Problems of one configuration: schema errors, then paths its CRD does not have. */
function ksmProblems(config: any): string[] {
  if (!matchesSchema(config)) return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}${(e.params as any)?.additionalProperty ? ` (${(e.params as any).additionalProperty})` : ''}`);
  return config.spec.resources.flatMap((r: any) => {
    const gvk = r.groupVersionKind;
    const crd = crdVersionOf({ apiVersion: `${gvk.group}/${gvk.version}`, kind: gvk.kind });
    if (!crd) return [`${gvk.kind}: no CRD in ../shared`];
    const paths: string[][] = [
      ...Object.values<string[]>(r.labelsFromPath ?? {}),
      ...r.metrics.flatMap((m: any) => [m.each.gauge?.path, m.each.stateSet?.path, m.each.info?.path].filter(Boolean)),
    ];
    const missing = paths.filter((p) => !crdField(crd.schema, p)).map((p) => `${gvk.kind}: no field ${p.join('.')}`);
    // A StateSet lists exactly the values the CRD allows.
    const states = r.metrics.filter((m: any) => m.each.stateSet).flatMap((m: any) => {
      const allowed = crdField(crd.schema, m.each.stateSet.path)?.enum;
      return allowed && [...allowed].sort().join() !== [...m.each.stateSet.list].sort().join() ? [`${gvk.kind} ${m.name}: list ${m.each.stateSet.list} is not the CRD's ${allowed}`] : [];
    });
    return [...missing, ...states];
  });
}

describe(`${SNAPSHOT_METRICS_FILE}, as kube-state-metrics reads it`, () => {
  const showcase = useShowcaseOutput();
  const configs = () => showcase().files.filter((f) => path.basename(f) === SNAPSHOT_METRICS_FILE)
    .map((f) => ({ file: f, config: parse(fs.readFileSync(path.join(showcase().dir, f), 'utf8')) }));

  test('every copy in the showcase matches KSM\'s configuration types and reads only fields its CRD has', () => {
    expect(configs().length).toBeGreaterThan(0);
    expect(configs().flatMap(({ file, config }) => ksmProblems(config).map((p) => `${file}: ${p}`))).toEqual([]);
  });

  test.each<[string, (c: any) => void, RegExp]>([
    ['a misspelt key', (c) => { c.spec.resources[0].metrics[0].each.stateset = c.spec.resources[0].metrics[0].each.stateSet; }, /additional properties \(stateset\)/],
    ['a path the CRD does not have', (c) => { c.spec.resources[0].metrics[1].each.gauge.path = ['spec', 'creationTimestamp']; }, /no field spec.creationTimestamp/],
    ['a state the CRD does not allow', (c) => { c.spec.resources[0].metrics[0].each.stateSet.list.push('Pending'); }, /is not the CRD's/],
  ])('mutation: %s is caught', (_case, mutate, message) => {
    const copy = structuredClone(configs()[0].config);
    mutate(copy);
    expect(ksmProblems(copy)).toContainEqual(expect.stringMatching(message));
  });
});
