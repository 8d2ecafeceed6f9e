/**
 * A private app serves one workspace with one access token. At start the app
 * asks Intercom who the token belongs to (`GET /me`) and records the install;
 * a token Intercom refuses stops start-up with one readable line.
 */
import { ConfigError } from '../config';
import { apiHostForRegion, createIntercomClient, isIntercomApiError } from '../intercom';
import type { TokenCipher } from '../security/token-cipher';
import type { Store, Workspace } from '../store';
import type { Clock } from '../util/clock';

export interface PrivateInstallInput {
  token: string;
  /** Where /me is asked (the configured API host, or the fake in tests). */
  apiBaseUrl: string;
  /** Keep API calls on `apiBaseUrl` instead of the regional host /me reports (tests, sandbox). */
  pinBaseUrl: boolean;
  timeoutMs: number;
  store: Store;
  cipher: TokenCipher;
  clock: Clock;
}

/**
 * Start-up's one call waits at least this long: no teammate is waiting on a canvas yet, and a slow first answer
 * (a cold host, a busy machine) must not stop the app when the per-call timeout is tuned short for the sidebar.
 */
const START_UP_TIMEOUT_FLOOR_MS = 10_000;

export async function installPrivateWorkspace(input: PrivateInstallInput): Promise<Workspace> {
  const timeoutMs = Math.max(input.timeoutMs, START_UP_TIMEOUT_FLOOR_MS);
  const client = createIntercomClient({ baseUrl: input.apiBaseUrl, token: input.token, timeoutMs, maxRetries: 2 });
  let me: Awaited<ReturnType<typeof client.me.get>>;
  try {
    me = await client.me.get();
  } catch (error) {
    if (isIntercomApiError(error) && (error.status === 401 || error.status === 403)) {
      throw new ConfigError(
        `INTERCOM_ACCESS_TOKEN was refused by Intercom (${error.status} ${error.code}); copy the token again from the Developer Hub`,
      );
    }
    const reason = isIntercomApiError(error) ? `${error.status || ''} ${error.code}`.trim() : 'no answer';
    throw new ConfigError(`Could not reach Intercom to check INTERCOM_ACCESS_TOKEN (${reason}); is ${input.apiBaseUrl} reachable?`);
  }
  const existing = await input.store.workspaces.get(me.app.id_code);
  return input.store.workspaces.upsert(me.app.id_code, {
    name: me.app.name ?? me.app.id_code,
    region: me.region,
    apiBaseUrl: input.pinBaseUrl ? input.apiBaseUrl : apiHostForRegion(me.region),
    timezone: me.app.timezone ?? 'UTC',
    token: input.cipher.encrypt(input.token, me.app.id_code),
    installMode: 'private',
    installedAt: existing?.installedAt ?? input.clock.now(),
    installedByAdminId: me.id,
  });
}
