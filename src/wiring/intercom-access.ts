/**
 * Phase 2, Intercom access and installing: each workspace's client and settings, OAuth / uninstall / the settings
 * page's sign-in, the re-sealing of secrets stored under a previous key, and the private install (when configured)
 * recorded before any request is served.
 */
import { resealMessengerSecrets } from '../services/customer-cases/messenger-secret';
import { createInstallServices, type InstallServices } from '../services/install';
import { installPrivateWorkspace } from '../services/private-install';
import { createSettingsService, type SettingsService } from '../services/settings-service';
import { resealAiKeys } from '../services/triage-ai';
import { createWorkspaceDirectory, type WorkspaceDirectory } from '../services/workspace-directory';
import type { Workspace } from '../store';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { BuildOptions } from './options';
import type { Storage } from './storage';

export interface IntercomAccess {
  directory: WorkspaceDirectory;
  settings: SettingsService;
  install: InstallServices;
  privateWorkspace: Workspace | null;
}

export async function buildIntercomAccess(
  options: BuildOptions,
  { store, cipher }: Storage,
  clock: Clock,
  logger: Logger,
): Promise<IntercomAccess> {
  const { config } = options;
  // An explicit INTERCOM_API_BASE_URL wins over every workspace's regional host (the test override over both).
  const pinnedApiBaseUrl = options.apiBaseUrlOverride ?? config.intercom.pinnedApiBaseUrl;
  const directory = createWorkspaceDirectory({
    store,
    cipher,
    clock,
    timeoutMs: config.intercom.timeoutMs,
    ...(pinnedApiBaseUrl ? { apiBaseUrlOverride: pinnedApiBaseUrl } : {}),
    ...(options.intercomSleep ? { sleep: options.intercomSleep } : {}),
    ...(options.intercomMaxRetries === undefined ? {} : { maxRetries: options.intercomMaxRetries }),
  });
  const settings = createSettingsService(store);

  const apiBaseUrl = options.apiBaseUrlOverride ?? config.intercom.apiBaseUrl;
  const install = createInstallServices({ config, store, cipher, clock, directory, settings, logger, apiBaseUrl });
  // Secrets sealed under a previous encryption key are re-sealed under the current one before any request is served.
  await install.resealTokens();
  await resealAiKeys(store, cipher, logger.child({ component: 'triage-ai' }));
  await resealMessengerSecrets(store, cipher, logger.child({ component: 'customer-side' }));

  const privateToken = options.privateInstallToken ?? (config.installMode === 'private' ? config.intercom.accessToken : undefined);
  const privateWorkspace = privateToken
    ? await installPrivateWorkspace({
        token: privateToken,
        apiBaseUrl,
        // Stored as the workspace's host: the configured (or overridden) one when pinned, else the region's.
        pinBaseUrl: pinnedApiBaseUrl !== undefined,
        timeoutMs: config.intercom.timeoutMs,
        store,
        cipher,
        clock,
      })
    : null;
  return { directory, settings, install, privateWorkspace };
}
