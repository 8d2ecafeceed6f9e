/**
 * `GET /me`: who the token belongs to and which workspace (`app.id_code`), region and time zone it is for. Install
 * refuses admins whose `email_verified` is not true, as Intercom advises, so it is kept nullable, not defaulted.
 */
import { z } from 'zod';
import type { CallOptions } from './call-options';
import { Id, IdList, NullableString } from './common-schemas';
import { normaliseRegion } from './regions';
import type { IntercomHttp } from './transport';

export const MeSchema = z.looseObject({
  id: Id,
  name: NullableString,
  email: NullableString,
  email_verified: z
    .boolean()
    .nullish()
    .transform((verified) => verified ?? null),
  team_ids: IdList.nullish().transform((ids) => ids ?? []),
  app: z.looseObject({
    /** The workspace id: the same value as Canvas Kit `workspace_id` and webhook `app_id`. */
    id_code: z.string(),
    name: NullableString,
    region: NullableString,
    timezone: NullableString,
  }),
});

export type Me = z.output<typeof MeSchema> & { region: ReturnType<typeof normaliseRegion> };

export interface MeApi {
  get(options?: CallOptions): Promise<Me>;
}

export function meApi(http: IntercomHttp): MeApi {
  return {
    async get(options) {
      const me = await http.request({ method: 'GET', path: '/me', schema: MeSchema, retry: options?.retry });
      return { ...me, region: normaliseRegion(me.app.region) };
    },
  };
}
