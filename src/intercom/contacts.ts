/**
 * Contacts and the companies they belong to, read for the handoff summary. A contact merged into another answers
 * 410 `contact_merged` with a canonical `Link`; `get` follows it once, so a summary still finds its customer.
 */
import { z } from 'zod';
import type { CallOptions } from './call-options';
import { Id, NullableString, OptionalId, UnixTime } from './common-schemas';
import { CompanySchema, type Company } from './companies';
import { isIntercomApiError } from './errors';
import type { IntercomHttp } from './transport';

export const ContactSchema = z.looseObject({
  id: Id,
  external_id: NullableString,
  role: NullableString,
  name: NullableString,
  email: NullableString,
  email_domain: NullableString,
  phone: NullableString,
  // Integer before 2.16, string since.
  owner_id: OptionalId,
  created_at: UnixTime,
  signed_up_at: UnixTime,
  last_seen_at: UnixTime,
  last_replied_at: UnixTime,
  last_contacted_at: UnixTime,
  language_override: NullableString,
  browser: NullableString,
  os: NullableString,
  location: z.looseObject({ country: NullableString, region: NullableString, city: NullableString }).nullish(),
  custom_attributes: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((attributes) => attributes ?? {}),
  companies: z
    .looseObject({ data: z.array(z.looseObject({ id: Id })).default([]) })
    .nullish()
    .transform((list) => list?.data ?? []),
});

/** `{type:"list", companies:[…]}`: `companies`, not `data`, on this endpoint; `data` is accepted too. */
const ContactCompaniesSchema = z.union([
  z.looseObject({ companies: z.array(CompanySchema) }).transform((list) => list.companies),
  z.looseObject({ data: z.array(CompanySchema) }).transform((list) => list.data),
]);

export type Contact = z.output<typeof ContactSchema>;

export interface ContactsApi {
  /** Follows one 410 `contact_merged` redirect to the canonical contact. */
  get(contactId: string, options?: CallOptions): Promise<Contact>;
  listCompanies(contactId: string, options?: CallOptions): Promise<Company[]>;
  /**
   * The users whose `external_id` (the company's own user id, what identity verification signs) is exactly this
   * value: `POST /contacts/search` with one filter, first page only (an external id names one user; more is a
   * data problem the caller refuses rather than guesses through).
   */
  findByExternalId(externalId: string, options?: CallOptions): Promise<Contact[]>;
}

const ContactSearchSchema = z.looseObject({ data: z.array(ContactSchema).nullish() }).transform((list) => list.data ?? []);

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

export function contactsApi(http: IntercomHttp): ContactsApi {
  const fetchContact = (contactId: string, options: CallOptions | undefined) =>
    http.request({ method: 'GET', path: contactPath(contactId), schema: ContactSchema, retry: options?.retry });

  return {
    async get(contactId, options) {
      try {
        return await fetchContact(contactId, options);
      } catch (error) {
        const canonical = isIntercomApiError(error) && error.status === 410 ? canonicalContactId(error.link) : null;
        // Only once: a canonical contact that is itself merged is a loop we do not chase.
        if (canonical === null || canonical === contactId) throw error;
        return fetchContact(canonical, options);
      }
    },
    findByExternalId: (externalId, options) =>
      http.request({
        method: 'POST',
        path: '/contacts/search',
        body: { query: { field: 'external_id', operator: '=', value: externalId }, pagination: { per_page: 5 } },
        schema: ContactSearchSchema,
        // A search is a read: safe to repeat.
        retry: options?.retry,
      }),
    listCompanies: (contactId, options) =>
      http.request({ method: 'GET', path: `${contactPath(contactId)}/companies`, schema: ContactCompaniesSchema, retry: options?.retry }),
  };
}

/** `</contacts/abc>; rel="canonical"` (relative or absolute) → `abc`. */
export function canonicalContactId(link: string | null): string | null {
  if (!link) return null;
  for (const entry of link.split(',')) {
    // indexOf, not /<([^>]+)>\s*;(.*)$/: that pattern rescans the rest of the header from every `<` (quadratic).
    const open = entry.indexOf('<');
    const close = entry.indexOf('>', open + 1);
    if (open === -1 || close <= open + 1) continue;
    const params = entry.slice(close + 1);
    if (!/^\s*;/.test(params) || !/rel="?canonical"?/i.test(params)) continue;
    const id = /\/contacts\/([^/?#]+)/.exec(entry.slice(open + 1, close))?.[1];
    if (id) return decodeURIComponent(id);
  }
  return null;
}
