/**
 * What `buildApplication` is given and what it hands back. The server, the sandbox, the benchmark and the tests all
 * build the same application; these options are the only ways they differ.
 */
import type { Router } from 'express';
import type { Config } from '../config';
import type { FlowDeps } from '../flows/deps';
import type { AfterReply } from '../http/after-reply';
import type { HttpApp } from '../http/front-door';
import type { BackgroundJob } from '../jobs/background-job';
import type { OutboxWorker } from '../jobs/outbox-worker';
import type { TokenCipher } from '../security/token-cipher';
import type { EscalationBudgets } from '../services/escalation';
import type { InstallServices } from '../services/install';
import type { TriageAiSettingsService } from '../services/triage-ai/ai-settings';
import type { Database, Store, Workspace } from '../store';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';

export interface BuildOptions {
  config: Readonly<Config>;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests share one); default: opened from config. */
  database?: Database;
  /** Send every workspace's API calls here (sandbox and tests: the fake Intercom). */
  apiBaseUrlOverride?: string;
  /** Retry waits of the Intercom client; tests make them instant. */
  intercomSleep?: (ms: number) => Promise<void>;
  intercomMaxRetries?: number;
  /** Identifies this process in row leases (outbox, SLA timers). */
  instanceId?: string;
  /** Runs the work requests do after answering; default: at once (tests hold it to see the answer come first). */
  afterReply?: AfterReply;
  /** Extra routers mounted before the 404 handler (the sandbox's Inbox simulator). */
  routers?: readonly Router[];
  /** Where a ticket's "Open" link points (the sandbox points it at its simulator). */
  ticketUrl?: (workspaceId: string, ticketId: string) => string;
  /**
   * Recorded as a private install at start (GET /me with it). Default: INTERCOM_ACCESS_TOKEN when the config is in
   * private mode; the sandbox passes its demo workspace's token.
   */
  privateInstallToken?: string;
  /** Where the handoff summary links back to the conversation (the sandbox points it at its simulator). */
  conversationUrl?: (workspaceId: string, conversationId: string) => string;
  /** Time budgets of the escalate submit (tests shorten them); see src/services/escalation/deps.ts. */
  escalationBudgets?: Partial<EscalationBudgets>;
}

export interface Application {
  app: HttpApp;
  store: Store;
  deps: FlowDeps;
  cipher: TokenCipher;
  logger: Logger;
  outbox: OutboxWorker;
  jobs: readonly BackgroundJob[];
  /** Install, uninstall, OAuth and the settings page (src/services/install). */
  install: InstallServices;
  /** The workspace recorded by the private install at start, or null when there was none. */
  privateWorkspace: Workspace | null;
  /** The optional AI provider's per-workspace settings (the settings page's "AI triage" form). */
  triageAiSettings: TriageAiSettingsService;
  /** Starts every background loop. Tests usually drive `runOnce` instead. */
  startJobs(): void;
  /** Resolves once the work requests left to do after answering (linking a created ticket) has finished. */
  settled(): Promise<void>;
  /** Stops the loops, waits for work in flight, closes the database. */
  stop(): Promise<void>;
}
