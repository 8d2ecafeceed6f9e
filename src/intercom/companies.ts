/** Companies, read for the handoff summary and tier/renewal signals. */
import { z } from 'zod';
import type { CallOptions } from './call-options';
import { Id, NullableString, UnixTime } from './common-schemas';
import type { IntercomHttp } from './transport';

const OptionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

export const CompanySchema = z.looseObject({
  id: Id,
  /** The customer's own id for the company, as opposed to Intercom's `id`. */
  company_id: NullableString,
  name: NullableString,
  plan: z.looseObject({ id: z.union([z.string(), z.number()]).nullish(), name: NullableString }).nullish(),
  monthly_spend: OptionalNumber,
  size: OptionalNumber,
  user_count: OptionalNumber,
  session_count: OptionalNumber,
  website: NullableString,
  industry: NullableString,
  custom_attributes: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((attributes) => attributes ?? {}),
  created_at: UnixTime,
  remote_created_at: UnixTime,
  last_request_at: UnixTime,
});

export type Company = z.output<typeof CompanySchema>;

export interface CompaniesApi {
  get(companyId: string, options?: CallOptions): Promise<Company>;
}

export function companiesApi(http: IntercomHttp): CompaniesApi {
  return {
    get: (companyId, options) =>
      http.request({ method: 'GET', path: `/companies/${encodeURIComponent(companyId)}`, schema: CompanySchema, retry: options?.retry }),
  };
}
