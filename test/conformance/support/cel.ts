import { CelInput, celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { CrdVersion } from './crds';
import { allSchemaNodes, propertySchema, schemaNodes, withDefaults } from './structural';

/** One `x-kubernetes-validations` rule of a CRD, where it sits in the schema. */
export interface CelRule {
  readonly apiVersion: string;
  readonly kind: string;
  readonly schemaPath: string;
  readonly rule: string;
  readonly message: string;
}

/** One evaluation of a rule on a value that was present. */
export interface CelOutcome {
  readonly rule: CelRule;
  readonly valuePath: string;
  /** Undefined when the rule held; otherwise the message or the evaluation error. */
  readonly failure?: string;
}

const env = celEnv({ funcs: strings });
const programs = new Map<string, ReturnType<typeof plan>>();

function program(rule: string): ReturnType<typeof plan> {
  if (!programs.has(rule)) programs.set(rule, plan(env, parse(rule)));
  return programs.get(rule)!;
}

/** Transition rules (oldSelf) run only on update; a create never evaluates them. */
const isTransitionRule = (rule: string) => /\boldSelf\b/.test(rule);

function rulesAt(crd: CrdVersion, schema: any, schemaPath: string): CelRule[] {
  return (schema['x-kubernetes-validations'] ?? [])
    .filter((r: any) => !isTransitionRule(r.rule))
    .map((r: any) => ({ apiVersion: crd.apiVersion, kind: crd.kind, schemaPath, rule: r.rule, message: r.message ?? r.messageExpression ?? `failed rule: ${r.rule}` }));
}

/** Every rule of a CRD version that a create can evaluate. */
export function celRulesOf(crd: CrdVersion): CelRule[] {
  return [...allSchemaNodes(crd.schema)].flatMap(({ schema, schemaPath }) => rulesAt(crd, schema, schemaPath));
}

/**
 * A JSON value as the API server hands it to CEL: objects as maps, integers as CEL int
 * (bigint) unless the schema says `number`.
 */
function toCel(schema: any, value: unknown): CelInput {
  if (Array.isArray(value)) return value.map((v) => toCel(schema?.items, v));
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value).map(([k, v]) => [k, toCel(propertySchema(schema, k), v)]));
  }
  if (typeof value === 'number' && schema?.type !== 'number' && Number.isInteger(value)) return BigInt(value);
  return value as CelInput;
}

/**
 * Evaluates every rule of the object's CRD as the API server does on create: after
 * defaulting, at the schema node where the rule sits, with `self` bound to the value
 * there, and only where that value is present.
 */
export function evaluateCelRules(crd: CrdVersion, object: unknown): CelOutcome[] {
  const defaulted = withDefaults(crd.schema, object);
  return [...schemaNodes(crd.schema, defaulted)].flatMap(({ schema, value, valuePath, schemaPath }) =>
    rulesAt(crd, schema, schemaPath).map((rule) => {
      const result = program(rule.rule)({ self: toCel(schema, value) });
      if (isCelError(result)) return { rule, valuePath, failure: `${rule.message} (evaluation error: ${result.message})` };
      return result === true ? { rule, valuePath } : { rule, valuePath, failure: rule.message };
    }));
}

/** `Kind schemaPath: rule`, the identity of a rule in messages and coverage lists. */
export const ruleId = (r: CelRule) => `${r.kind} ${r.schemaPath}: ${r.rule}`;
