/**
 * One section's form: the values it shows (from the settings, or as the admin
 * typed them when a save failed) and the errors next to each field. A
 * submission is applied to a copy of the current settings, only through the
 * section's own fields, then checked by the settings schema; every problem is
 * reported on the field it belongs to.
 */
import { type WorkspaceSettings, workspaceSettingsSchema } from '../../domain/settings';
import { type FormValue, formatValue, getPath, parseValue, setPath } from './field-codec';
import type { SectionDef } from './sections';

export interface FormState {
  values: Record<string, FormValue>;
  errors: Record<string, string>;
  /** Problems no single field owns (shown at the top of the section). */
  sectionErrors: string[];
}

export type Submission = Record<string, FormValue | undefined>;

export type ApplyResult = { ok: true; settings: WorkspaceSettings; changed: boolean } | { ok: false; state: FormState };

export function formStateFrom(section: SectionDef, settings: WorkspaceSettings): FormState {
  const values: Record<string, FormValue> = {};
  for (const field of section.fields) values[field.name] = formatValue(field.kind, getPath(settings, field.name));
  return { values, errors: {}, sectionErrors: [] };
}

export function applySubmission(section: SectionDef, current: WorkspaceSettings, body: Submission): ApplyResult {
  const draft = structuredClone(current) as unknown as Record<string, unknown>;
  const state: FormState = { values: {}, errors: {}, sectionErrors: [] };
  for (const field of section.fields) {
    const raw = body[field.name];
    state.values[field.name] = field.kind === 'multi' ? (raw === undefined ? [] : ([] as string[]).concat(raw)) : String(raw ?? '');
    const parsed = parseValue(field.kind, raw);
    if (parsed.ok) setPath(draft, field.name, parsed.value);
    else state.errors[field.name] = parsed.message;
  }
  if (Object.keys(state.errors).length > 0) return { ok: false, state };
  const checked = workspaceSettingsSchema.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const owner = ownerField(section, issue.path.map(String));
      const message = readableIssue(issue);
      if (owner) state.errors[owner] ??= message;
      else state.sectionErrors.push(message);
    }
    return { ok: false, state };
  }
  return { ok: true, settings: checked.data, changed: JSON.stringify(checked.data) !== JSON.stringify(current) };
}

/** The section field whose path is the longest prefix of the issue's path. */
function ownerField(section: SectionDef, path: string[]): string | null {
  const joined = path.join('.');
  let best: string | null = null;
  for (const { name } of section.fields) {
    if ((joined === name || joined.startsWith(`${name}.`)) && (!best || name.length > best.length)) best = name;
  }
  return best;
}

interface IssueLike {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  origin?: string;
}

/** zod's defaults are written for developers; the common ones are reworded for the person at the form. */
export function readableIssue(issue: IssueLike): string {
  const { code, origin, inclusive } = issue;
  if (code === 'too_small' && origin === 'number') return `Must be ${inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
  if (code === 'too_big' && origin === 'number') return `Must be ${inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
  if (code === 'too_small' && origin === 'string') return 'Required';
  if (code === 'too_big' && origin === 'string') return `At most ${String(issue.maximum)} characters`;
  if (code === 'too_big' && origin === 'array') return `At most ${String(issue.maximum)} entries`;
  if (code === 'invalid_value') return 'Choose one of the options';
  if (code === 'invalid_type') return 'Enter a valid value';
  return issue.message;
}
