/**
 * The two cookies of installing and administering, both HttpOnly, SameSite=Lax
 * (sent on the top-level navigation back from Intercom, never on a cross-site
 * POST) and Secure when the app is served over https:
 * - `handoff_settings` (path /settings): the signed settings session;
 * - `handoff_oauth` (path /oauth): the nonce that binds an OAuth `state` to the browser that started it.
 */
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'handoff_settings';
export const OAUTH_NONCE_COOKIE = 'handoff_oauth';

export interface CookieOptions {
  path: string;
  maxAgeMs: number;
  secure: boolean;
}

/** Reads one cookie from the Cookie header (first occurrence wins; values are not URL-decoded: ours are base64url). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setCookie(res: Response, name: string, value: string, options: CookieOptions): void {
  const attributes = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeMs / 1000))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ];
  res.append('Set-Cookie', attributes.join('; '));
}

export function clearCookie(res: Response, name: string, options: Omit<CookieOptions, 'maxAgeMs'>): void {
  setCookie(res, name, '', { ...options, maxAgeMs: 0 });
}
