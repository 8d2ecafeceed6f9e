/**
 * Workspace id → its Intercom client. The token is decrypted only here, once
 * per workspace per process, and the client is cached; a re-install or key
 * rotation calls `forget` so the next call builds a fresh client.
 */
import { AppError } from '../util/app-error';
import { apiHostForRegion, createIntercomClient, type IntercomClient } from '../intercom';
import type { TokenCipher } from '../security/token-cipher';
import type { Store, Workspace } from '../store';
import type { Clock } from '../util/clock';
import { changeGuardedMemo } from './change-guarded-memo';

export interface WorkspaceDirectoryOptions {
  store: Store;
  cipher: TokenCipher;
  clock: Clock;
  timeoutMs: number;
  /** When set (INTERCOM_API_BASE_URL, sandbox, tests), every workspace's API calls go here instead of its regional host. */
  apiBaseUrlOverride?: string;
  /** Retry waits; tests pass a sleep that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  maxRetries?: number;
}

export interface WorkspaceDirectory {
  get(workspaceId: string): Promise<Workspace | null>;
  /** The workspace's client; throws AppError('not_installed') when it has no usable token. */
  clientFor(workspaceId: string): Promise<IntercomClient>;
  forget(workspaceId: string): void;
  /** The base URL API calls for this workspace go to. */
  apiBaseUrl(workspace: Pick<Workspace, 'region' | 'apiBaseUrl'>): string;
}

export function createWorkspaceDirectory(options: WorkspaceDirectoryOptions): WorkspaceDirectory {
  const clients = new Map<string, IntercomClient>();
  const baseUrlFor = (workspace: Pick<Workspace, 'region' | 'apiBaseUrl'>) =>
    options.apiBaseUrlOverride ?? (workspace.apiBaseUrl || apiHostForRegion(workspace.region));

  // Every sidebar view reads its workspace (install state, time zone, who may see Settings) up to three times;
  // install, token and uninstall writes are of scope `settings`, so the row is read again only after one of them.
  const get = changeGuardedMemo(options.store, 'settings', (workspaceId) => options.store.workspaces.get(workspaceId));

  return {
    get,
    apiBaseUrl: baseUrlFor,
    forget: (workspaceId) => {
      clients.delete(workspaceId);
    },
    async clientFor(workspaceId) {
      const cached = clients.get(workspaceId);
      if (cached) return cached;
      const workspace = await options.store.workspaces.get(workspaceId);
      if (!workspace || workspace.uninstalledAt !== null || !workspace.token) {
        throw new AppError('not_installed', 'Handoff is not installed in this workspace.');
      }
      let token: string;
      try {
        token = options.cipher.decrypt(workspace.token.ciphertext, workspaceId);
      } catch (error) {
        throw new AppError('not_installed', 'The stored Intercom token could not be read; reinstall Handoff.', error);
      }
      const client = createIntercomClient({
        baseUrl: baseUrlFor(workspace),
        token,
        timeoutMs: options.timeoutMs,
        clock: options.clock,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      });
      clients.set(workspaceId, client);
      return client;
    },
  };
}
