/**
 * Checks the fake's own answers against the response schemas of the 2.16 subset, so the fake cannot drift from
 * the shapes Intercom documents. Open schemas: Intercom adds fields freely, so extra fields are fine; wrong types
 * and missing required fields are not. Used by the fake's tests; cheap enough for a sandbox self-check too.
 */
import { compileSpecSchema, describeErrors, subset } from './spec-ajv';

/** Problems with `body` as the answer `status` of `operationKey` (e.g. `get /tickets/{ticket_id}`); [] if fine. */
export function checkResponse(operationKey: string, status: number, body: unknown): string[] {
  const [method, template] = operationKey.split(' ') as [string, string];
  const operation = subset.paths[template]?.[method];
  if (!operation) return [`${operationKey} is not in the spec subset`];
  const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
  if (schema === undefined) return [`${operationKey} documents no JSON answer for HTTP ${status}`];
  const validate = compileSpecSchema(`${operationKey} response ${status}`, schema, { purpose: 'response' });
  return validate(body) ? [] : [`${operationKey} → ${status} ${describeErrors(validate.errors)}`];
}
