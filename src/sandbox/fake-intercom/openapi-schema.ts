/**
 * Turns OpenAPI 3.0 schema objects into JSON Schema that Ajv evaluates the way the spec means them:
 *  - `nullable: true` becomes a `null` type (or an `anyOf` with null when there is no `type`, e.g. beside a `$ref`);
 *    Ajv's own `nullable` support refuses the latter shape, and the spec uses it.
 *  - local `$ref`s (`#/components/schemas/x`) point into one registered document, so any operation's schema can be
 *    compiled on its own.
 * `oneOf`/`anyOf`/`allOf` pass through untouched: the spec's unions are disjoint on `message_type`/`type` enums or
 * required fields, so JSON Schema's strict `oneOf` gives the right answer for the bodies the app sends.
 */
export const SPEC_SCHEMA_ID = 'https://fake-intercom.local/openapi-2.16-subset.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out[key] = `${SPEC_SCHEMA_ID}${value}`;
    } else if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // A properties map's keys are field names, not keywords: convert each value, keep every key.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return node['nullable'] === true ? allowNull(out) : out;
}

function allowNull(schema: { [key: string]: Json }): Json {
  if (typeof schema['type'] === 'string') {
    const nullable: { [key: string]: Json } = { ...schema, type: [schema['type'], 'null'] };
    if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) nullable['enum'] = [...schema['enum'], null];
    return nullable;
  }
  return { anyOf: [schema, { type: 'null' }] };
}
