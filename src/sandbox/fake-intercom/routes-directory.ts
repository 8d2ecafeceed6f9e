/** Read-only directory endpoints: `/me`, admins, teams, ticket types, contacts and companies. */
import { FakeHttpError, invalid, notFound } from './http-errors';
import type { RouteTable } from './route-types';
import { adminJson, companyJson, contactJson, meJson, teamJson } from './serialize-people';
import { ticketTypeJson } from './serialize-tickets';

export const directoryRoutes: RouteTable = {
  'get /me': ({ workspace }) => {
    const admin = workspace.meAdminId ? workspace.admins.get(workspace.meAdminId) : undefined;
    if (!admin) throw new FakeHttpError(500, 'server_error', 'The fake workspace has no admin yet: seed one');
    return meJson(workspace, admin);
  },
  'get /admins': ({ workspace }) => ({ type: 'admin.list', admins: [...workspace.admins.values()].map(adminJson) }),
  'get /admins/{admin_id}': ({ workspace, params }) => {
    const admin = workspace.admins.get(params['admin_id']!);
    if (!admin) throw notFound('Admin not found', 'admin_not_found');
    return adminJson(admin);
  },
  'get /teams': ({ workspace }) => ({ type: 'team.list', teams: [...workspace.teams.values()].map(teamJson) }),
  'get /ticket_types': ({ workspace }) => ({
    type: 'list',
    data: [...workspace.ticketTypes.values()].map((type) => ticketTypeJson(workspace, type)),
  }),
  'get /ticket_types/{ticket_type_id}': ({ workspace, params }) => {
    const type = workspace.ticketTypes.get(params['ticket_type_id']!);
    if (!type) throw notFound();
    return ticketTypeJson(workspace, type);
  },
  'get /contacts/{contact_id}': ({ workspace, params }) => {
    const contact = workspace.contacts.get(params['contact_id']!);
    if (!contact) throw notFound('User Not Found');
    if (contact.mergedInto !== null) {
      throw new FakeHttpError(
        410,
        'contact_merged',
        "This contact has been merged. See the 'Link' header for the canonical contact.",
        null,
        {
          Link: `</contacts/${contact.mergedInto}>; rel="canonical"`,
        },
      );
    }
    return contactJson(workspace, contact);
  },
  // Enough of the search for identity: `external_id` or `email` equal to a value (what Handoff asks), else 400.
  'post /contacts/search': ({ workspace, body }) => {
    const query = (body.query ?? {}) as { field?: unknown; operator?: unknown; value?: unknown };
    const field = query.field === 'external_id' ? 'externalId' : query.field === 'email' ? 'email' : null;
    if (!field || query.operator !== '=' || typeof query.value !== 'string') {
      throw invalid('The fake searches contacts by external_id or email with "=" only', 'query');
    }
    const data = [...workspace.contacts.values()]
      .filter((contact) => contact.mergedInto === null && contact[field] === query.value)
      .map((contact) => contactJson(workspace, contact));
    return { type: 'list', data, total_count: data.length, pages: { type: 'pages', page: 1, per_page: 50, total_pages: 1 } };
  },
  'get /contacts/{contact_id}/companies': ({ workspace, params }) => {
    const contact = workspace.contacts.get(params['contact_id']!);
    if (!contact) throw notFound('User Not Found');
    const companies = contact.companyIds.flatMap((id) => {
      const company = workspace.companies.get(id);
      return company ? [companyJson(workspace, company)] : [];
    });
    return {
      type: 'list',
      companies,
      total_count: companies.length,
      pages: { type: 'pages', page: 1, per_page: 50, total_pages: 1, next: null },
    };
  },
  'get /companies/{company_id}': ({ workspace, params }) => {
    const company = workspace.companies.get(params['company_id']!);
    if (!company) throw notFound('Company Not Found', 'company_not_found');
    return companyJson(workspace, company);
  },
};
