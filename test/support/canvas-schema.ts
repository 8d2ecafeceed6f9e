/**
 * Validates response bodies against Intercom's official Canvas Kit schemas (the fixture in
 * test/fixtures/canvas-kit, extracted by scripts/extract-canvas-schema.ts). Tests read only the fixture.
 *
 * Two adaptations, made in src/sandbox/canvas-schema.ts (which the simulator uses too) and nowhere else:
 * - The fixture is an OpenAPI document whose refs point at `#/components/schemas/<name>`; the schemas are
 *   registered under one `$id` with their refs rewritten to `#/$defs/<name>`. Ajv 8 understands OpenAPI 3.0's
 *   `nullable` natively (the response subset does not use it today).
 * - `list_component.items.items` is a `oneOf` of `list_item_with_image` and `list_item_without_image`. The
 *   second declares `image` optional, so every item *with* an image matches both branches and `oneOf` rejects a
 *   canvas the spec means to allow. That one `oneOf` is checked as `anyOf`. The `component` and
 *   `action_component` oneOfs stay strict: each branch pins a distinct `type` enum, so exactly one can match.
 *   test/canvases/schema-check.test.ts shows the ambiguity with the unpatched schema.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { canvasKitSchemaAjv } from '../../src/sandbox/canvas-schema';

export type CanvasKind = 'initialize' | 'submit';

const ROOT: Record<CanvasKind, string> = { initialize: 'initialize_response', submit: 'submit_response' };

/** The fixture is loaded and patched in one place (src/sandbox/canvas-schema.ts); here only the two roots compile. */
function compile(patchListItems: boolean): Record<CanvasKind, ValidateFunction> {
  const { ajv, ref } = canvasKitSchemaAjv(patchListItems);
  return { initialize: ajv.compile({ $ref: ref(ROOT.initialize) }), submit: ajv.compile({ $ref: ref(ROOT.submit) }) };
}

let validators: Record<CanvasKind, ValidateFunction> | undefined;
let unpatched: Record<CanvasKind, ValidateFunction> | undefined;

function format(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** Schema violations as readable lines; empty when the body is a valid response of that kind. */
export function canvasSchemaErrors(body: unknown, kind: CanvasKind): string[] {
  validators ??= compile(true);
  const validate = validators[kind];
  return validate(body) ? [] : format(validate.errors);
}

/** The same check against the schema exactly as Intercom publishes it (list item `oneOf` included). */
export function canvasSchemaErrorsUnpatched(body: unknown, kind: CanvasKind): string[] {
  unpatched ??= compile(false);
  const validate = unpatched[kind];
  return validate(body) ? [] : format(validate.errors);
}

export function assertValidCanvasResponse(body: unknown, kind: CanvasKind): void {
  const errors = canvasSchemaErrors(body, kind);
  if (errors.length > 0) throw new Error(`not a valid Canvas Kit ${kind} response:\n  ${errors.join('\n  ')}`);
}
