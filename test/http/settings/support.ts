/**
 * Drives the settings page as a browser without JavaScript would: sign in
 * through Intercom OAuth (where the sidebar's link leads), keep the session cookie, read a section's form (every
 * control's current value, exactly what submitting it would send), change some
 * fields and post it back.
 */
import type request from 'supertest';
import { fieldId } from '../../../src/http/settings/controls';
import { type InstallHarness, type InstallHarnessOptions, oauthTrip, setCookie, useInstallHarness } from '../../services/install/harness';

/**
 * Signs `adminId` in as the sidebar's Settings link does outside the sandbox: through Intercom OAuth, with the
 * fake's authorize page approving as that admin (and giving them `role`, when one is named).
 */
export async function signIn(h: InstallHarness, adminId: string, options: { role?: { id: string; name: string } } = {}): Promise<string> {
  const workspace = h.fake.state.workspaces.get(h.demo.workspaceId)!;
  workspace.meAdminId = adminId;
  if (options.role) workspace.admins.get(adminId)!.role = options.role;
  const trip = await oauthTrip(h, '/settings/login');
  expect(trip.callback?.status).toBe(303);
  const cookie = trip.callback && setCookie(trip.callback, 'handoff_settings');
  if (!cookie) throw new Error(`admin ${adminId} could not sign in`);
  return cookie.value;
}

/**
 * For each test of the file: Handoff installed as a private app (or as `options` say) with the demo agent, its
 * installer and so a settings admin, signed in to the settings page.
 */
export function useSignedInSettings(
  onStarted: (h: InstallHarness, session: string) => void,
  options: InstallHarnessOptions | (() => InstallHarnessOptions) = { mode: 'private' },
): void {
  useInstallHarness(async (started) => {
    onStarted(started, await signIn(started, started.demo.admins.agent));
  }, options);
}

export function getPage(h: InstallHarness, session: string | null, path = '/settings'): Promise<request.Response> {
  const req = h.http().get(path);
  return session ? req.set('Cookie', `handoff_settings=${session}`) : req;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`' };
const decodeEntities = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#96);/g, (e) => ENTITIES[e]!);
const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : null;
};

export type FormBody = Record<string, string | string[]>;

/** The fields a browser would submit for the form posting to /settings/<section>. */
export function readForm(html: string, section: string): FormBody {
  const start = html.indexOf(`action="/settings/${section}"`);
  if (start === -1) throw new Error(`no form for ${section}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const body: FormBody = {};
  const add = (name: string, value: string) => {
    const existing = body[name];
    body[name] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  };
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name) continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    add(name, attr(tag, 'value') ?? '');
  }
  for (const [, open, inner] of form.matchAll(/<textarea\b([^>]*)>([^<]*)<\/textarea>/g)) add(attr(open!, 'name')!, decodeEntities(inner!));
  for (const [, open, options] of form.matchAll(/<select\b([^>]*)>(.*?)<\/select>/gs)) {
    const selected = /<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!);
    add(attr(open!, 'name')!, decodeEntities(selected?.[1] ?? ''));
  }
  return body;
}

export function encodeForm(body: FormBody): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) for (const v of ([] as string[]).concat(value)) params.append(name, v);
  return params.toString();
}

export function postForm(h: InstallHarness, session: string | null, section: string, body: FormBody): Promise<request.Response> {
  const req = h.http().post(`/settings/${section}`).set('Content-Type', 'application/x-www-form-urlencoded');
  return (session ? req.set('Cookie', `handoff_settings=${session}`) : req).send(encodeForm(body));
}

/** Loads the page, takes the section's form as shown, applies `changes`, and submits it. */
export async function editSection(h: InstallHarness, session: string, section: string, changes: FormBody): Promise<request.Response> {
  const page = await getPage(h, session);
  expect(page.status).toBe(200);
  return postForm(h, session, section, { ...readForm(page.text, section), ...changes });
}

/** The error message shown next to a field, or null when it has none. */
export function fieldError(html: string, name: string): string | null {
  const match = new RegExp(`id="${fieldId(name)}-error"><span class="visually-hidden">Error: </span>([^<]*)</p>`).exec(html);
  return match ? decodeEntities(match[1]!) : null;
}

/** The opening tag of a field's control (input, select, textarea or fieldset). */
export function controlTag(html: string, name: string): string | null {
  return new RegExp(`<(?:input|select|textarea|fieldset)\\b[^>]*id="${fieldId(name)}"[^>]*>`).exec(html)?.[0] ?? null;
}
