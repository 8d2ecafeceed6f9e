/**
 * What the settings pages and the OAuth sign-in need, handed to them directly: the install services for sign-in,
 * tokens and role checks, and the store, clock, settings cache and logger the pages use themselves (rather than
 * reaching through the install services for them).
 */
import type { MessengerSecretService } from '../../services/customer-cases/messenger-secret';
import type { InstallServices } from '../../services/install';
import type { SettingsService } from '../../services/settings-service';
import type { TriageAiSettingsService } from '../../services/triage-ai/ai-settings';
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';
import type { Logger } from '../../util/logger';

export interface SettingsPageDeps {
  install: InstallServices;
  store: Store;
  clock: Clock;
  settings: SettingsService;
  /** The optional AI provider's settings (key sealed like the Intercom token), for its own form. */
  triageAi: TriageAiSettingsService;
  /** The Messenger identity-verification secret the embed checks JWTs with (sealed), for its own form. */
  messengerSecret?: MessengerSecretService;
  logger: Logger;
}
