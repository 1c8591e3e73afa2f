/**
 * The parts of the API server's handling of structural schemas that decide what a CEL
 * rule sees: defaulting, and the schema node that applies to each present value.
 */

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schema of a property of an object node, if the schema says anything about it. */
export function propertySchema(schema: any, key: string): any {
  return schema?.properties?.[key] ?? (isObject(schema?.additionalProperties) ? schema.additionalProperties : undefined);
}

/**
 * A copy of `value` with schema defaults applied as the API server does on create:
 * top-down, a property's default fills a missing (or non-nullable null) property of an
 * object that is present; nothing is invented for absent parents.
 */
export function withDefaults(schema: any, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => withDefaults(schema?.items, v));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, sub] of Object.entries<any>(schema?.properties ?? {})) {
    const missing = out[key] === undefined || (out[key] === null && !sub.nullable);
    if (missing && sub.default !== undefined) out[key] = structuredClone(sub.default);
  }
  for (const key of Object.keys(out)) out[key] = withDefaults(propertySchema(schema, key), out[key]);
  return out;
}

/** One present value with the schema node that applies to it. */
export interface SchemaNode {
  readonly schema: any;
  readonly value: unknown;
  /** Where the value is, e.g. `.spec.helmReleases[0].object.spec`. */
  readonly valuePath: string;
  /** Where the schema node is, e.g. `.spec.helmReleases[].object.spec`. */
  readonly schemaPath: string;
}

/** Every present value that has a schema node, parents before children. */
export function* schemaNodes(schema: any, value: unknown, valuePath = '', schemaPath = ''): Generator<SchemaNode> {
  if (schema === undefined || value === undefined) return;
  yield { schema, value, valuePath, schemaPath };
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* schemaNodes(schema.items, v, `${valuePath}[${i}]`, `${schemaPath}[]`);
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const known = schema.properties?.[key] !== undefined;
      yield* schemaNodes(propertySchema(schema, key), v, `${valuePath}.${key}`, known ? `${schemaPath}.${key}` : `${schemaPath}{}`);
    }
  }
}

/** Every schema node, whether or not a value reaches it (to list what could be checked). */
export function* allSchemaNodes(schema: any, schemaPath = ''): Generator<{ schema: any; schemaPath: string }> {
  if (!isObject(schema)) return;
  yield { schema, schemaPath };
  for (const [key, sub] of Object.entries<any>(schema.properties ?? {})) yield* allSchemaNodes(sub, `${schemaPath}.${key}`);
  yield* allSchemaNodes(schema.items, `${schemaPath}[]`);
  if (isObject(schema.additionalProperties)) yield* allSchemaNodes(schema.additionalProperties, `${schemaPath}{}`);
}
