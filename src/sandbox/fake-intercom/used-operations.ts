/**
 * The Intercom REST operations Handoff calls, as spelled in the 2.16 OpenAPI description. This one list drives
 * the spec extraction (scripts/extract-openapi-subset.ts) and therefore what the fake Intercom accepts: a call the
 * app starts making must be added here first, and the subset regenerated.
 */
export interface UsedOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
}

export const USED_OPERATIONS: readonly UsedOperation[] = Object.freeze([
  { method: 'get', path: '/me' },
  { method: 'get', path: '/admins' },
  { method: 'get', path: '/admins/{admin_id}' },
  { method: 'get', path: '/teams' },
  { method: 'get', path: '/ticket_types' },
  { method: 'get', path: '/ticket_types/{ticket_type_id}' },
  { method: 'post', path: '/tickets' },
  { method: 'get', path: '/tickets/{ticket_id}' },
  { method: 'put', path: '/tickets/{ticket_id}' },
  { method: 'post', path: '/tickets/{ticket_id}/reply' },
  { method: 'post', path: '/tickets/search' },
  { method: 'post', path: '/tickets/{ticket_id}/linked_conversations' },
  { method: 'delete', path: '/tickets/{ticket_id}/linked_conversations/{id}' },
  { method: 'get', path: '/conversations/{conversation_id}' },
  { method: 'post', path: '/conversations/{conversation_id}/reply' },
  { method: 'post', path: '/conversations/{conversation_id}/parts' },
  { method: 'get', path: '/contacts/{contact_id}' },
  { method: 'get', path: '/contacts/{contact_id}/companies' },
  { method: 'post', path: '/contacts/search' },
  { method: 'get', path: '/companies/{company_id}' },
]);
