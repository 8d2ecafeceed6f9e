/** The store's public surface: open, migrate, wrap in repositories. */
export { type Database, DEFAULT_SQLITE_PATH, type DialectName, type OpenDatabaseOptions, openDatabase } from './database';
export { type MigrationReport, migrateTo, migrateToLatest } from './migrate';
export type {
  AttachmentRef,
  AttachRequest,
  AttachReservation,
  CandidateFilter,
  CaseAttachment,
  CaseAttachmentsRepo,
} from './repos/case-attachments';
export type { ClockRearm, ClocksRepo, ClockStatus, DueClock, SlaClock, SlaClockWrite } from './repos/clocks';
export {
  type CaseState,
  type CustomerCase,
  type CustomerSideRepo,
  type CustomerUpdate,
  type CustomerUpdateOutcome,
  type MessengerIdentity,
  UPDATE_OUTCOMES,
} from './repos/customer-side';
export type {
  Blocking,
  Escalation,
  EscalationRequest,
  EscalationStatus,
  EscalationsRepo,
  EscalationUpdate,
  ReserveInput,
  ReserveResult,
} from './repos/escalations';
export type { ConversationSignal, ConversationSignalsRepo } from './repos/conversation-signals';
export type { Incident, IncidentSnapshot, IncidentsRepo, IncidentUpsert } from './repos/incidents';
export type {
  FollowedUpLink,
  IncidentLink,
  IncidentLinksRepo,
  IncidentLinkStatus,
  LinkRequest,
  LinkReservation,
} from './repos/incident-links';
export type { InstallEvent, InstallEventKind, InstallEventsRepo } from './repos/install-events';
export type { LadderFiring, LadderRepo, WorkspaceFiring } from './repos/ladder';
export type { LinkUse, LinkUsesRepo } from './repos/link-uses';
export type { EnqueueInput, Lease, OutboxJob, OutboxRepo, OutboxStatus, WorkspaceEnqueue } from './repos/outbox';
export type {
  ReportClockRow,
  ReportDeadJobRow,
  ReportFiguresWrite,
  ReportEscalationRow,
  ReportFeedbackRow,
  ReportIncidentLinkRow,
  ReportIncidentRow,
  ReportFiringCountRow,
  ReportStateEventRow,
  ReportsRepo,
  ReportTicketDetails,
  ReportTicketListRow,
  ReportTicketRow,
  ReportWindow,
  TicketStateEventKind,
} from './repos/reports';
export { reportFigureColumns } from './repos/reports';
export type { SettingsAuditEntry, SettingsRecord, SettingsRepo, SettingsSave, SettingsSaveResult } from './repos/settings';
export {
  SENT_UPDATES_SHOWN,
  type SidebarClock,
  type SidebarEscalation,
  type SidebarIncident,
  type SidebarReadRepo,
  type SidebarRows,
  type SidebarSharedTicket,
  type SidebarTicket,
  type SidebarUpdate,
} from './repos/sidebar-read';
export type { TicketLink, TicketSnapshot, TicketsRepo, TicketUpsertResult } from './repos/tickets';
export { upsertedTicket } from './repos/tickets-batch';
export { keepsState } from './repos/case-states-batch';
export {
  TRIAGE_AI_PROVIDERS,
  type TriageAiCacheEntry,
  type TriageAiProvider,
  type TriageAiRepo,
  type TriageAiSettingsRecord,
  type TriageAiSettingsWrite,
} from './repos/triage-ai';
export type { TriageFeedback, TriageFeedbackInput, TriageFeedbackRepo, TriageFeedbackRevision } from './repos/triage-feedback';
export type { Delivery, InboxFinish, InboxNotification, InboxStatus, LeaseOnArrival, WebhooksRepo } from './repos/webhooks';
export type { InstallMode, SealedToken, Workspace, WorkspaceInstall, WorkspacesRepo } from './repos/workspaces';
export {
  type ChangeFeed,
  type ChangeScope,
  type ChangeSubject,
  conversationSubject,
  escalationSubject,
  incidentSubject,
  type StaleCause,
  ticketSubject,
} from './change-feed';
export { toJson } from './repos/repo-helpers';
export { createStore, type Store } from './store';
export { isStoreUnavailable } from './unavailable';
