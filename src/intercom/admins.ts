/** Admins (teammates): names for the sidebar's owner line, and the lead/manager choices in settings. */
import { z } from 'zod';
import type { CallOptions } from './call-options';
import { Id, IdList, NullableString } from './common-schemas';
import type { IntercomHttp } from './transport';

export const AdminSchema = z.looseObject({
  id: Id,
  name: NullableString,
  email: NullableString,
  job_title: NullableString,
  away_mode_enabled: z.boolean().optional(),
  has_inbox_seat: z.boolean().optional(),
  // Integers in the spec; strings here like every other id.
  team_ids: IdList.nullish().transform((ids) => ids ?? []),
});

const AdminListSchema = z.looseObject({ admins: z.array(AdminSchema) }).transform((list) => list.admins);

export type Admin = z.output<typeof AdminSchema>;

export interface AdminsApi {
  list(options?: CallOptions): Promise<Admin[]>;
  get(adminId: string, options?: CallOptions): Promise<Admin>;
}

export function adminsApi(http: IntercomHttp): AdminsApi {
  return {
    list: (options) => http.request({ method: 'GET', path: '/admins', schema: AdminListSchema, retry: options?.retry }),
    get: (adminId, options) =>
      http.request({ method: 'GET', path: `/admins/${encodeURIComponent(adminId)}`, schema: AdminSchema, retry: options?.retry }),
  };
}
