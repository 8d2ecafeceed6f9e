/**
 * Installing and administering, framework-free: OAuth install and settings
 * sign-in, uninstall, token re-sealing after a key rotation, the sidebar's
 * Settings link, and the choices the settings page offers. Built once in
 * src/wiring/intercom-access.ts; the Express routes in src/http/ are thin wrappers over it.
 */
import type { Config } from '../../config';
import type { WorkspaceSettings } from '../../domain/settings';
import { randomNonce } from '../../util/nonce';
import type { TokenCipher } from '../../security/token-cipher';
import type { Store, Workspace } from '../../store';
import type { Clock } from '../../util/clock';
import type { Logger } from '../../util/logger';
import type { SettingsService } from '../settings-service';
import type { WorkspaceDirectory } from '../workspace-directory';
import { type AccessBasis, type AdminIdentity, type ReportsBasis, reportsAccess, settingsAccess } from './admin-access';
import { resealTokens, type RotationReport } from './key-rotation';
import { type RoleRecheck, recheckRole } from './role-recheck';
import { finishOAuth, type OAuthCallback, type OAuthOutcome, startOAuth } from './oauth-flow';
import { createInstallTokens, type InstallTokens, type OAuthIntent } from './tokens';
import { type UninstallOutcome, uninstallWorkspace } from './uninstall';
import { createWorkspaceCatalog, type WorkspaceCatalog } from './workspace-catalog';

export interface InstallServicesOptions {
  config: Readonly<Config>;
  store: Store;
  cipher: TokenCipher;
  clock: Clock;
  directory: WorkspaceDirectory;
  settings: SettingsService;
  logger: Logger;
  /** The token exchange and the installer's GET /me go here (the fake Intercom in tests and the sandbox). */
  apiBaseUrl: string;
}

/**
 * Install operations and what the install pages show. The store, clock, settings and logger are not handed out
 * here: whoever needs them (the settings pages) is given them directly by the composition root.
 */
export interface InstallServices {
  readonly tokens: InstallTokens;
  readonly catalog: WorkspaceCatalog;
  readonly publicUrl: string;
  /** Cookies get `Secure` when the app is served over https. */
  readonly secureCookies: boolean;
  /** Pages say plainly that nothing here reaches a real Intercom workspace. */
  readonly sandbox: boolean;
  readonly appStoreRedirectUrl: string;
  /** An OAuth client id and secret are configured, so installs and sign-in through Intercom work. */
  readonly oauthEnabled: boolean;
  /** Null when no OAuth client id is configured (a private app without one). */
  oauthStart(intent: OAuthIntent): { url: string; nonce: string } | null;
  oauthFinish(callback: OAuthCallback): Promise<OAuthOutcome>;
  uninstall(workspaceId: string): Promise<UninstallOutcome>;
  resealTokens(): Promise<RotationReport>;
  access(workspaceId: string, admin: AdminIdentity): Promise<AccessBasis | null>;
  /** Asks Intercom whether a teammate whose session came from their role still has it (before each save). */
  recheckRole(workspace: Workspace, adminId: string): Promise<RoleRecheck>;
  /**
   * The sidebar's Settings link for this teammate, or null when they may not change settings: the OAuth sign-in
   * page (a replayed initialize must not yield a working link), or in the sandbox a one-use signed link.
   */
  settingsUrlFor(workspaceId: string, admin: AdminIdentity): Promise<string | null>;
  /** The sidebar's Reports link: as the Settings link, for settings admins and report viewers. */
  reportsUrlFor(workspaceId: string, admin: AdminIdentity): Promise<string | null>;
}

export function createInstallServices(options: InstallServicesOptions): InstallServices {
  const { config, store, cipher, clock, directory, settings, logger } = options;
  const tokens = createInstallTokens([config.encryption.current.key, ...config.encryption.previous.map((k) => k.key)]);
  const publicUrl = config.publicUrl;
  const redirectUri = `${publicUrl}/oauth/callback`;
  const { clientId } = config.intercom;
  const clientSecret = config.intercom.clientSecrets[0];
  const log = logger.child({ component: 'install' });
  const catalog = createWorkspaceCatalog(directory, clock);

  /**
   * What a rule of admin-access.ts grants this teammate. The sidebar calls it on every view: one primary-key read,
   * then the cached settings, and no Intercom call. A workspace that is not installed stops at the first read.
   */
  const basisBy = async <B>(
    rule: (w: Workspace, s: WorkspaceSettings, a: AdminIdentity) => B | null,
    workspaceId: string,
    admin: AdminIdentity,
  ) => {
    const workspace = await directory.get(workspaceId);
    if (!workspace || workspace.uninstalledAt !== null) return null;
    return rule(workspace, await settings.get(workspaceId), admin);
  };
  const access = (workspaceId: string, admin: AdminIdentity) => basisBy(settingsAccess, workspaceId, admin);

  /**
   * The sidebar's link to an admin page, for a teammate its rule lets in. Intercom signs no timestamp, so a captured
   * initialize can be replayed at will: a link that opened a session by itself would be minted afresh for whoever
   * replays it. Outside the sandbox the link is therefore the page's sign-in, and Intercom's OAuth says who is
   * signing in. The sandbox's secret is public (anyone can sign its requests), so there a one-use bearer link keeps
   * the demo to one click.
   */
  const pageLink = (page: 'settings' | 'reports', basis: ReportsBasis | null, workspaceId: string, admin: AdminIdentity) => {
    if (!basis) return null;
    if (config.mode !== 'sandbox') return `${publicUrl}/${page}/login`;
    const token = tokens.link.sign({ w: workspaceId, a: admin.id, b: basis, n: randomNonce() }, clock.now());
    return `${publicUrl}/${page}?token=${encodeURIComponent(token)}`;
  };

  return {
    tokens,
    catalog,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sandbox: config.mode === 'sandbox',
    appStoreRedirectUrl: config.intercom.appStoreRedirectUrl,
    oauthEnabled: Boolean(clientId && clientSecret),
    oauthStart(intent) {
      if (!clientId || !clientSecret) return null;
      const { state, nonce } = startOAuth(tokens, intent, clock.now());
      const url = new URL(config.intercom.oauthUrl);
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('state', state);
      url.searchParams.set('redirect_uri', redirectUri);
      return { url: url.toString(), nonce };
    },
    async oauthFinish(callback) {
      if (!clientId || !clientSecret) return { ok: false, intent: 'install', reason: 'bad_state', message: 'OAuth is not configured.' };
      const flow = { store, cipher, clock, directory, settings, tokens, clientId, clientSecret, logger: log };
      return finishOAuth({ ...flow, apiBaseUrl: options.apiBaseUrl, timeoutMs: config.intercom.timeoutMs }, callback);
    },
    async uninstall(workspaceId) {
      catalog.forget(workspaceId);
      return uninstallWorkspace({ store, clock, directory, settings, logger: log }, workspaceId);
    },
    resealTokens: () => resealTokens(store, cipher, log),
    access,
    recheckRole: (workspace, adminId) => recheckRole({ directory, settings }, workspace, adminId),
    async settingsUrlFor(workspaceId, admin) {
      return pageLink('settings', await access(workspaceId, admin), workspaceId, admin);
    },
    async reportsUrlFor(workspaceId, admin) {
      return pageLink('reports', await basisBy(reportsAccess, workspaceId, admin), workspaceId, admin);
    },
  };
}

export type { AccessBasis, AdminIdentity } from './admin-access';
export type { OAuthOutcome } from './oauth-flow';
export type { SettingsSession } from './tokens';
