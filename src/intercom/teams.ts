/** Teams: each routing queue maps to one, and tickets are assigned to it. */
import { z } from 'zod';
import type { CallOptions } from './call-options';
import { Id, IdList, NullableString } from './common-schemas';
import type { IntercomHttp } from './transport';

export const TeamSchema = z.looseObject({
  id: Id,
  name: NullableString,
  admin_ids: IdList.nullish().transform((ids) => ids ?? []),
});

const TeamListSchema = z.looseObject({ teams: z.array(TeamSchema) }).transform((list) => list.teams);

export type Team = z.output<typeof TeamSchema>;

export interface TeamsApi {
  list(options?: CallOptions): Promise<Team[]>;
}

export function teamsApi(http: IntercomHttp): TeamsApi {
  return {
    list: (options) => http.request({ method: 'GET', path: '/teams', schema: TeamListSchema, retry: options?.retry }),
  };
}
