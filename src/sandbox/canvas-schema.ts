/**
 * Intercom's official Canvas Kit response schemas, compiled once for the simulator. The sandbox runs outside the
 * tests, so it keeps its own validator over the same fixture (test/fixtures/canvas-kit/schema.json, extracted
 * unchanged from Intercom's OpenAPI description by scripts/extract-canvas-schema.ts).
 *
 * Two adaptations, the same ones the test helper documents: refs are rewritten from
 * `#/components/schemas/<name>` to `#/$defs/<name>` under one `$id`, and the list item `oneOf`
 * (`list_item_with_image` | `list_item_without_image`, where an item with an image matches both) is checked as
 * `anyOf`, so a list item with an image is not rejected for matching the spec twice.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

export type CanvasKind = 'initialize' | 'submit';

const FIXTURE = path.join('test', 'fixtures', 'canvas-kit', 'schema.json');
const SCHEMA_ID = 'https://handoff.invalid/sandbox/canvas-kit-2.11.json';

/** The project root, found by walking up from this file (works from src/ under tsx and from a jest run). */
function fixturePath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, FIXTURE);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`Canvas Kit schema fixture not found (${FIXTURE}); the simulator needs the source tree`);
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string' ? child.replace('#/components/schemas/', '#/$defs/') : rewriteRefs(child),
    ]),
  );
}

/** The schema definition each component `type` must match (the `component` oneOf pins one type per branch). */
const COMPONENT_DEFS: Readonly<Record<string, string>> = {
  text: 'text_component',
  image: 'image_component',
  spacer: 'spacer_component',
  divider: 'divider_component',
  'data-table': 'data_table_component',
  button: 'button_component',
  input: 'input_component',
  textarea: 'text_area_component',
  dropdown: 'dropdown_component',
  'single-select': 'single_select_component',
  checkbox: 'checkbox_component',
  list: 'list_component',
};
const ACTION_TYPES = new Set(['submit', 'url', 'sheet']);
const COMPONENTS_PATH = '/canvas/content/components';

/**
 * One Ajv holding the fixture's schemas under `SCHEMA_ID`, with the list-item patch described above unless
 * `patchListItems` is false (tests use the unpatched form to show the spec's ambiguity). The tests' helper
 * (test/support/canvas-schema.ts) builds on this too, so the simulator and the tests judge canvases alike.
 */
export function canvasKitSchemaAjv(patchListItems = true): { ajv: Ajv; ref: (definition: string) => string } {
  const doc = JSON.parse(readFileSync(fixturePath(), 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const schemas = rewriteRefs(doc.components.schemas) as Record<string, Record<string, unknown>>;
  if (patchListItems) {
    const items = (schemas.list_component as { properties: { items: { items: Record<string, unknown> } } }).properties.items.items;
    if (!Array.isArray(items.oneOf)) throw new Error('list_component items no longer use oneOf: revisit the list-item patch');
    items.anyOf = items.oneOf;
    delete items.oneOf;
  }
  // strict mode: an unknown keyword in the fixture would otherwise be ignored silently.
  const instance = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  instance.addSchema({ $id: SCHEMA_ID, $defs: schemas });
  return { ajv: instance, ref: (definition) => `${SCHEMA_ID}#/$defs/${definition}` };
}

let shared: ReturnType<typeof canvasKitSchemaAjv> | undefined;

function validator(definition: string): ValidateFunction {
  shared ??= canvasKitSchemaAjv();
  const ref = shared.ref(definition);
  return shared.ajv.getSchema(ref) ?? shared.ajv.compile({ $ref: ref });
}

/**
 * Readable schema violations; empty when `body` is a valid response of that kind. The `component` oneOf makes
 * Ajv report every branch it tried, so a failing canvas is re-checked piece by piece: the envelope with no
 * components, then each component against the one definition its `type` selects.
 */
export function canvasSchemaProblems(body: unknown, kind: CanvasKind): string[] {
  const root = kind === 'initialize' ? 'initialize_response' : 'submit_response';
  if (validator(root)(body)) return [];
  const components = componentsOf(body);
  const problems: string[] = [];
  if (components === null) return readable(validator(root), body, '');
  const envelope = withComponents(body, []);
  if (!validator(root)(envelope)) problems.push(...readable(validator(root), envelope, ''));
  components.forEach((component, index) => {
    const at = `${COMPONENTS_PATH}/${index}`;
    const type = (component as { type?: unknown } | null)?.type;
    const definition = typeof type === 'string' ? COMPONENT_DEFS[type] : undefined;
    if (!definition) {
      problems.push(`${at} ${JSON.stringify(type ?? null)} is not a Canvas Kit component (${Object.keys(COMPONENT_DEFS).join(', ')})`);
      return;
    }
    if (!validator(definition)(component)) problems.push(...readable(validator(definition), component, at));
  });
  return problems.length > 12 ? [...problems.slice(0, 12), `… and ${problems.length - 12} more`] : problems;
}

function componentsOf(body: unknown): unknown[] | null {
  const components = (body as { canvas?: { content?: { components?: unknown } } } | null)?.canvas?.content?.components;
  return Array.isArray(components) ? components : null;
}

function withComponents(body: unknown, components: unknown[]): unknown {
  const b = body as { canvas: { content: Record<string, unknown> } };
  return { ...b, canvas: { ...b.canvas, content: { ...b.canvas.content, components } } };
}

/** Errors as lines, without the noise of oneOf branches that were never meant to match. */
function readable(validate: ValidateFunction, value: unknown, prefix: string): string[] {
  const lines = (validate.errors ?? [])
    .filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf' && !isOtherBranchType(error, value))
    .map((error) => `${prefix}${error.instancePath || (prefix ? '' : '/')} ${error.message ?? error.keyword}${describeParams(error)}`);
  return [...new Set(lines)];
}

/** "type must be one of [url]" for an action whose type is a valid other action is a sibling branch talking. */
function isOtherBranchType(error: ErrorObject, value: unknown): boolean {
  if (error.keyword !== 'enum' || !error.instancePath.endsWith('/type')) return false;
  const actual = error.instancePath
    .slice(1)
    .split('/')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
  return typeof actual === 'string' && ACTION_TYPES.has(actual);
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return `: ${JSON.stringify(params.allowedValues)}`;
  if (error.keyword === 'additionalProperties') return `: ${String(params.additionalProperty)}`;
  return '';
}
