/**
 * The signed tokens of installing and administering, each with its own purpose
 * (and so its own derived key) and lifetime:
 * - OAuth `state`: 10 minutes, bound to a nonce the browser also holds in a cookie;
 * - the sidebar's settings link, minted in the sandbox only (elsewhere the
 *   sidebar leads to OAuth sign-in): 15 minutes and one use (a canvas can sit
 *   open for hours; an expired or used link says to press Refresh in the sidebar);
 * - the settings session cookie: 4 hours, then sign in again.
 * Keys come from the token encryption keys (current first), so a key rotation
 * keeps tokens minted just before it valid.
 */
import { z } from 'zod';
import { createCsrf, type Csrf } from '../../security/csrf';
import { createSignedTokens, type SignedTokens } from '../../security/signed-token';

export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const SETTINGS_LINK_TTL_MS = 15 * 60_000;
export const SETTINGS_SESSION_TTL_MS = 4 * 3_600_000;

const id = z.string().min(1).max(128);
// `viewer`: may read the reports only (src/services/install/admin-access.ts); the settings pages refuse it.
const basis = z.enum(['installer', 'listed', 'role', 'viewer']);

export const oauthStateSchema = z.object({ n: z.string().min(16).max(64), i: z.enum(['install', 'settings', 'reports']) });
/** `n`: the link's nonce; a link opens one session only (src/store/repos/link-uses.ts). */
export const settingsLinkSchema = z.object({ w: id, a: id, b: basis, n: z.string().min(16).max(64) });
export const settingsSessionSchema = z.object({ w: id, a: id, b: basis, s: z.string().min(16).max(64), v: z.enum(['link', 'oauth']) });

export type OAuthState = z.infer<typeof oauthStateSchema>;
export type OAuthIntent = OAuthState['i'];
export type SettingsLink = z.infer<typeof settingsLinkSchema>;
export type SettingsSession = z.infer<typeof settingsSessionSchema>;

export interface InstallTokens {
  state: SignedTokens<OAuthState>;
  link: SignedTokens<SettingsLink>;
  session: SignedTokens<SettingsSession>;
  csrf: Csrf;
}

export function createInstallTokens(keys: readonly Buffer[]): InstallTokens {
  return {
    state: createSignedTokens({ keys, purpose: 'oauth-state', ttlMs: OAUTH_STATE_TTL_MS, schema: oauthStateSchema }),
    link: createSignedTokens({ keys, purpose: 'settings-link', ttlMs: SETTINGS_LINK_TTL_MS, schema: settingsLinkSchema }),
    session: createSignedTokens({ keys, purpose: 'settings-session', ttlMs: SETTINGS_SESSION_TTL_MS, schema: settingsSessionSchema }),
    csrf: createCsrf(keys),
  };
}
