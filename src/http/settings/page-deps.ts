/**
 * What the settings pages and the OAuth sign-in need, handed to them directly: the install services for sign-in,
 * tokens and role checks, and the store, clock, settings cache and logger the pages use themselves (rather than
 * reaching through the install services for them).
 */
import type { InstallServices } from '../../services/install';
import type { SettingsService } from '../../services/settings-service';
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';
import type { Logger } from '../../util/logger';

export interface SettingsPageDeps {
  install: InstallServices;
  store: Store;
  clock: Clock;
  settings: SettingsService;
  logger: Logger;
}
