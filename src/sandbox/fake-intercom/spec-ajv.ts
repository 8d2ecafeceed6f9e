/**
 * The OpenAPI subset and one Ajv instance with its component schemas registered, shared by request validation
 * (spec-validator.ts) and response checks (spec-responses.ts). Built once per process: compiling takes longer
 * than most tests, and the subset never changes at runtime.
 */
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { SPEC_SCHEMA_ID, toJsonSchema } from './openapi-schema';
import subsetJson from './openapi-subset.json';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Json;
}

export interface SpecOperation {
  parameters?: SpecParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

// Imported (not read from disk) so a build copies the file along; typed loosely, since only this shape is read.
export const subset = subsetJson as unknown as { paths: Record<string, Record<string, SpecOperation>>; components: { schemas: Json } };

type Purpose = 'request' | 'response';
const instances = new Map<Purpose, Ajv2019>();
const compiled = new Map<string, ValidateFunction>();

/**
 * Requests are checked with formats (an `attachment_urls` entry must be an absolute URI); responses without,
 * because Intercom's own answers break them (contact `tags.url` is a relative path like `/contacts/1/tags`) and
 * the fake sends what Intercom sends.
 */
function instance(purpose: Purpose): Ajv2019 {
  let ajv = instances.get(purpose);
  if (ajv) return ajv;
  ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: purpose === 'request' });
  addFormats(ajv);
  // `timestamp` is the spec's own format name for unix seconds; the integer type already checks it.
  ajv.addFormat('timestamp', true);
  ajv.addSchema(toJsonSchema({ $id: SPEC_SCHEMA_ID, components: { schemas: subset.components.schemas } }) as object);
  instances.set(purpose, ajv);
  return ajv;
}

/**
 * Compiles (once per key) an OpenAPI schema. `closed` adds `unevaluatedProperties: false` at the root, which
 * rejects fields no branch of the schema (allOf/oneOf/$ref included) declares.
 */
export function compileSpecSchema(key: string, schema: Json, options: { closed?: boolean; purpose?: Purpose } = {}): ValidateFunction {
  const purpose = options.purpose ?? 'request';
  const cacheKey = `${purpose} ${key}`;
  let validate = compiled.get(cacheKey);
  if (!validate) {
    const converted = toJsonSchema(schema) as { [key: string]: Json };
    validate = instance(purpose).compile(options.closed ? { ...converted, unevaluatedProperties: false } : converted);
    compiled.set(cacheKey, validate);
  }
  return validate;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  const lines = (errors ?? []).map((error) => {
    const extra = error.keyword === 'unevaluatedProperties' ? ` (${String(error.params['unevaluatedProperty'])})` : '';
    return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${extra}`;
  });
  return `does not match the spec: ${[...new Set(lines)].slice(0, 8).join('; ')}`;
}
