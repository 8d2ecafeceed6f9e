/**
 * The OAuth round trip behind both "install" (public app) and "sign in to
 * settings". Starting it mints a signed state bound to a nonce the browser
 * keeps in a cookie; finishing it checks both, exchanges the code, asks GET /me
 * who approved, and either records the install or names the settings admin.
 * Every failure comes back as a readable message; nothing is stored unless the
 * whole install succeeded, and the token never leaves this module in clear.
 */
import { type AccessBasis, type ReportsBasis, reportsAccess, settingsAccess } from './admin-access';
import { apiHostForRegion, createIntercomClient, exchangeCode, isIntercomApiError, type Me } from '../../intercom';
import { randomNonce } from '../../util/nonce';
import type { TokenCipher } from '../../security/token-cipher';
import type { SettingsService } from '../settings-service';
import type { WorkspaceDirectory } from '../workspace-directory';
import type { Store, Workspace } from '../../store';
import type { Clock } from '../../util/clock';
import type { InstallTokens, OAuthIntent } from './tokens';

export interface OAuthFlowDeps {
  store: Store;
  cipher: TokenCipher;
  clock: Clock;
  directory: WorkspaceDirectory;
  settings: SettingsService;
  tokens: InstallTokens;
  clientId: string;
  clientSecret: string;
  /** Where the token exchange and the first GET /me go (the fake Intercom in tests). */
  apiBaseUrl: string;
  timeoutMs: number;
  logger: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

export type OAuthFailure =
  | 'bad_state'
  | 'denied'
  | 'exchange_failed'
  | 'me_failed'
  | 'email_unverified'
  | 'not_installed'
  | 'not_admin'
  | 'not_viewer';

export type OAuthOutcome =
  | { ok: true; intent: 'install'; workspace: Workspace }
  | { ok: true; intent: 'settings'; workspaceId: string; adminId: string; basis: AccessBasis }
  | { ok: true; intent: 'reports'; workspaceId: string; adminId: string; basis: ReportsBasis }
  | { ok: false; intent: OAuthIntent; reason: OAuthFailure; message: string };

export interface OAuthCallback {
  code: unknown;
  state: unknown;
  /** The nonce cookie set when the flow started. */
  nonce: string | undefined;
  /** Intercom's `error` parameter when the admin declined. */
  error: unknown;
}

const MESSAGES: Record<OAuthFailure, string> = {
  bad_state: 'This install link has expired or was not started from this browser. Start again from the Intercom App Store.',
  denied: 'The install was cancelled in Intercom. Start again from the Intercom App Store.',
  exchange_failed: 'Intercom did not accept the authorization (it may have expired). Start again from the Intercom App Store.',
  me_failed: 'Intercom did not tell Handoff which workspace approved the install. Try again in a minute.',
  email_unverified: 'Your Intercom email address is not verified. Verify it in Intercom (Settings > Personal > Account), then try again.',
  not_installed: 'Handoff is not installed in this workspace. Install it from the Intercom App Store first.',
  not_admin: 'Only the admin who installed Handoff, or admins listed on its settings page, can change its settings.',
  not_viewer: 'Only Handoff’s settings admins and the teammates listed as report viewers on its settings page can read its reports.',
};

export function startOAuth(tokens: InstallTokens, intent: OAuthIntent, now: number): { state: string; nonce: string } {
  const nonce = randomNonce();
  return { state: tokens.state.sign({ n: nonce, i: intent }, now), nonce };
}

export async function finishOAuth(deps: OAuthFlowDeps, callback: OAuthCallback): Promise<OAuthOutcome> {
  const verified = deps.tokens.state.verify(callback.state, deps.clock.now());
  // Without a valid state the intent is unknown: report it as a failed install, the only flow Intercom starts.
  if (!verified.ok || !callback.nonce || verified.payload.n !== callback.nonce) return fail('install', 'bad_state');
  const intent = verified.payload.i;
  if (callback.error !== undefined || typeof callback.code !== 'string' || !callback.code) return fail(intent, 'denied');

  let token: string;
  try {
    const exchanged = await exchangeCode({
      tokenUrl: `${deps.apiBaseUrl}/auth/eagle/token`,
      code: callback.code,
      clientId: deps.clientId,
      clientSecret: deps.clientSecret,
      timeoutMs: deps.timeoutMs,
    });
    token = exchanged.accessToken;
  } catch (error) {
    deps.logger.warn({ intent, cause: describe(error) }, 'OAuth code exchange failed');
    return fail(intent, 'exchange_failed');
  }
  let me: Me;
  try {
    me = await createIntercomClient({ baseUrl: deps.apiBaseUrl, token, timeoutMs: deps.timeoutMs, maxRetries: 1 }).me.get();
  } catch (error) {
    deps.logger.warn({ intent, cause: describe(error) }, 'GET /me failed after the OAuth exchange');
    return fail(intent, 'me_failed');
  }
  // Intercom warns that an unverified email cannot be trusted to identify the admin.
  if (me.email_verified !== true) return fail(intent, 'email_unverified');
  return intent === 'install' ? install(deps, me, token) : signIn(deps, me, token, intent);
}

async function install(deps: OAuthFlowDeps, me: Me, token: string): Promise<OAuthOutcome> {
  const workspaceId = me.app.id_code;
  const existing = await deps.store.workspaces.get(workspaceId);
  const installer = existing ? await installerAfterReinstall(deps, existing, me) : me.id;
  const workspace = await deps.store.workspaces.upsert(workspaceId, {
    name: me.app.name ?? workspaceId,
    region: me.region,
    apiBaseUrl: apiHostForRegion(me.region),
    timezone: me.app.timezone ?? 'UTC',
    // The token belongs to the app's install in the workspace, not to the approver; after an uninstall the old
    // one is revoked, so the newest is the one that works.
    token: deps.cipher.encrypt(token, workspaceId),
    installMode: 'oauth',
    installedAt: existing && existing.uninstalledAt === null ? existing.installedAt : deps.clock.now(),
    installedByAdminId: installer,
    approval: { adminId: me.id, at: deps.clock.now() },
  });
  deps.directory.forget(workspaceId);
  deps.settings.invalidate(workspaceId);
  if (existing) {
    deps.logger.info(
      {
        workspaceId,
        reinstalledBy: me.id,
        installer,
        previousInstaller: existing.installedByAdminId,
        installerChanged: installer !== existing.installedByAdminId,
        wasUninstalled: existing.uninstalledAt !== null,
      },
      'workspace reinstalled through OAuth',
    );
  } else {
    deps.logger.info({ workspaceId, region: me.region, adminId: me.id }, 'workspace installed through OAuth');
  }
  return { ok: true, intent: 'install', workspace };
}

/**
 * Approving the app is open to more teammates than its settings are, and the installer is both a settings admin
 * and the actor of the SLA ladder. So a reinstall keeps the installer unless the approver may already change
 * settings (listed, or by role); otherwise anyone who can approve apps could take the workspace over.
 */
async function installerAfterReinstall(deps: OAuthFlowDeps, existing: Workspace, me: Me): Promise<string> {
  if (existing.installedByAdminId === null || existing.installedByAdminId === me.id) return me.id;
  const settings = await deps.settings.get(existing.id);
  // The access check refuses everyone on an uninstalled workspace; the approver is judged as if it were installed.
  const basis = settingsAccess({ ...existing, uninstalledAt: null }, settings, { id: me.id, raw: me });
  return basis ? me.id : existing.installedByAdminId;
}

async function signIn(deps: OAuthFlowDeps, me: Me, token: string, intent: 'settings' | 'reports'): Promise<OAuthOutcome> {
  const workspaceId = me.app.id_code;
  const [workspace, settings] = await Promise.all([deps.store.workspaces.get(workspaceId), deps.settings.get(workspaceId)]);
  if (!workspace || workspace.uninstalledAt !== null) return fail(intent, 'not_installed');
  // The reports sign-in also admits report viewers; their session opens the reports only.
  const basis = (intent === 'reports' ? reportsAccess : settingsAccess)(workspace, settings, { id: me.id, raw: me });
  if (!basis) return fail(intent, intent === 'reports' ? 'not_viewer' : 'not_admin');
  // Approving again may hand out a new token; keep the newest so the install keeps working whichever
  // token Intercom honours. A private app's token comes from its environment, so it is left alone.
  if (workspace.installMode === 'oauth') {
    await deps.store.workspaces.setToken(workspaceId, deps.cipher.encrypt(token, workspaceId));
    deps.directory.forget(workspaceId);
  }
  return intent === 'reports'
    ? { ok: true, intent, workspaceId, adminId: me.id, basis }
    : { ok: true, intent, workspaceId, adminId: me.id, basis: basis as AccessBasis };
}

function fail(intent: OAuthIntent, reason: OAuthFailure): OAuthOutcome {
  return { ok: false, intent, reason, message: MESSAGES[reason] };
}

/** Safe to log: the error's kind and status, never a request or a token. */
function describe(error: unknown): Record<string, unknown> {
  if (isIntercomApiError(error)) return { status: error.status, code: error.code };
  return { name: error instanceof Error ? error.name : typeof error };
}
