/**
 * Checks each request the fake receives against the 2.16 OpenAPI subset (openapi-subset.json): the operation
 * exists, the headers the app must always send, path and query parameters, and the JSON body.
 *
 * Deliberately stricter than the spec in three places, each a mistake Intercom would not forgive:
 *  - `Intercom-Version` is required (the spec marks it optional; without it the app's Developer Hub version
 *    applies, so a missing header silently changes every response type) and must be 2.16, the version faked here.
 *  - Unknown top-level body fields are rejected (`unevaluatedProperties: false`): Intercom ignores or rejects them,
 *    and they are how version drift shows up (`state` instead of `ticket_state_id`, nested `assignment` on update).
 *  - Unknown query parameters are rejected.
 * Where the spec's examples contradict its schemas (numbers sent for `ticket_state_id`, `assignee_id`,
 * `ticket_type_id`), the schema wins: the examples are not part of the subset at all.
 */
import type { ValidateFunction } from 'ajv/dist/2019';
import { compileSpecSchema, describeErrors, type Json, type SpecOperation as Operation, subset } from './spec-ajv';

export interface IncomingCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Raw body text, '' when there was none. */
  rawBody: string;
}

export interface SpecCheck {
  /** `post /tickets/{ticket_id}/reply`, or null when no operation matches. */
  operationKey: string | null;
  params: Record<string, string>;
  /** Parsed JSON body (undefined when absent or unparseable). */
  body: unknown;
  problems: string[];
}

const paths = subset.paths;
const templates = Object.keys(paths)
  .map((template) => ({ template, regex: templateRegex(template), literal: !template.includes('{') }))
  // Literal paths first, so `/tickets/search` is not read as `/tickets/{ticket_id}`.
  .sort((a, b) => Number(b.literal) - Number(a.literal));

function templateRegex(template: string): RegExp {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^{}]+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${pattern}$`);
}

/** The path patterns built from the spec's templates, for the ReDoS check (test/reliability/redos.test.ts). */
export function builtPatterns(): RegExp[] {
  return templates.map(({ regex }) => regex);
}

/** Checks one request; compiled schemas are cached in spec-ajv.ts, so this is cheap after the first call. */
export function checkAgainstSpec(call: IncomingCall): SpecCheck {
  const problems: string[] = [];
  const method = call.method.toLowerCase();
  const matches = templates.flatMap(({ template, regex }) => {
    const match = regex.exec(call.path);
    return match ? [{ template, params: decodeParams(match.groups ?? {}) }] : [];
  });
  const hit = matches.find(({ template }) => paths[template]![method] !== undefined);
  if (!hit) {
    const why = matches.length > 0 ? `${call.method} is not an operation of ${matches[0]!.template}` : `${call.path} is not a path`;
    return { operationKey: null, params: {}, body: undefined, problems: [`${why} in the 2.16 spec subset`] };
  }
  const operationKey = `${method} ${hit.template}`;
  const operation = paths[hit.template]![method]!;
  checkHeaders(call.headers, problems);
  checkParameters(operation, hit.params, call.query, problems, (name, schema) =>
    compileSpecSchema(`${operationKey} param ${name}`, schema),
  );
  const body = checkBody(operationKey, operation, call, problems);
  return { operationKey, params: hit.params, body, problems };
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decode(value)]));
}

function header(headers: IncomingCall['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkHeaders(headers: IncomingCall['headers'], problems: string[]): void {
  const version = header(headers, 'intercom-version');
  if (version === undefined) problems.push('missing Intercom-Version header');
  else if (version !== '2.16') problems.push(`Intercom-Version is ${JSON.stringify(version)}; the fake implements 2.16 only`);
  if (!/^Bearer \S+$/.test(header(headers, 'authorization') ?? '')) problems.push('missing or malformed Authorization: Bearer header');
}

function checkParameters(
  operation: Operation,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  problems: string[],
  compile: (name: string, schema: Json) => ValidateFunction,
): void {
  const declared = operation.parameters ?? [];
  for (const parameter of declared) {
    if (parameter.in === 'header') continue;
    const raw = parameter.in === 'path' ? pathParams[parameter.name] : (query.get(parameter.name) ?? undefined);
    if (raw === undefined) {
      if (parameter.required) problems.push(`missing required ${parameter.in} parameter ${parameter.name}`);
      continue;
    }
    const validate = compile(`${parameter.in}:${parameter.name}`, parameter.schema);
    if (!validate(coerce(raw, parameter.schema))) {
      problems.push(`${parameter.in} parameter ${parameter.name}=${JSON.stringify(raw)} ${describeErrors(validate.errors)}`);
    }
  }
  const known = new Set(declared.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name));
  for (const name of new Set(query.keys())) if (!known.has(name)) problems.push(`unknown query parameter ${name}`);
}

/** Path and query values arrive as text; read them as the type the spec declares before validating. */
function coerce(raw: string, schema: Json): unknown {
  const type = schema !== null && typeof schema === 'object' && !Array.isArray(schema) ? schema['type'] : undefined;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function checkBody(operationKey: string, operation: Operation, call: IncomingCall, problems: string[]): unknown {
  const hasBody = call.rawBody.trim() !== '';
  const jsonSchema = operation.requestBody?.content['application/json']?.schema;
  if (jsonSchema === undefined) {
    if (hasBody) problems.push(`${operationKey} takes no request body`);
    return undefined;
  }
  if (!hasBody) {
    if (operation.requestBody?.required) problems.push('missing required JSON body');
    return undefined;
  }
  if (!/^application\/json\b/i.test(header(call.headers, 'content-type') ?? ''))
    problems.push('body sent without Content-Type: application/json');
  let body: unknown;
  try {
    body = JSON.parse(call.rawBody);
  } catch {
    problems.push('body is not valid JSON');
    return undefined;
  }
  const validate = compileSpecSchema(`${operationKey} body`, jsonSchema, { closed: true });
  if (!validate(body)) problems.push(`body ${describeErrors(validate.errors)}`);
  return body;
}
