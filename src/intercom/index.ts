/** The Intercom REST client's public surface: import from here, not from the resource files. */
export { createIntercomClient, INTERCOM_API_VERSION, type IntercomClient, type IntercomClientOptions } from './client';
export { IntercomApiError, isIntercomApiError, type IntercomErrorCode } from './errors';
export { apiHostForRegion, normaliseRegion, REGIONS, type Region } from './regions';
export { exchangeCode, type ExchangeCodeInput, type ExchangedToken } from './oauth';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
export type { CallOptions } from './call-options';
export type { IntercomLogger } from './transport';
export type { Admin } from './admins';
export type { Company } from './companies';
export type { Contact } from './contacts';
export type { Conversation, ConversationNoteInput, ConversationPart } from './conversations';
export type { Me } from './me';
export type { Team } from './teams';
export { type Ticket, type TicketPart, TicketPartSchema, TicketSchema, type TicketStateRef } from './ticket-schemas';
export type { TicketState, TicketType, TicketTypeAttribute } from './ticket-types';
export type {
  CreateTicketInput,
  TicketAttributes,
  TicketAttributeValue,
  TicketPage,
  TicketReplyInput,
  TicketSearchQuery,
  UpdateTicketInput,
} from './tickets';
