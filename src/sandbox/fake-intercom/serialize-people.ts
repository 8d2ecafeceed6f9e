/** Admins, teams, `/me`, contacts and companies as Intercom 2.16 returns them. */
import type { FakeAdmin, FakeCompany, FakeContact, FakeTeam, FakeWorkspace } from './state';

export function adminJson(admin: FakeAdmin) {
  return {
    type: 'admin',
    id: admin.id,
    name: admin.name,
    email: admin.email,
    job_title: admin.jobTitle ?? '',
    away_mode_enabled: admin.awayMode,
    away_mode_reassign: false,
    has_inbox_seat: admin.hasInboxSeat,
    // Integers in the 2.16 schema, unlike the admin's own id.
    team_ids: admin.teamIds.map(Number),
    avatar: null,
    ...(admin.role ? { role: { type: 'role', id: admin.role.id, name: admin.role.name } } : {}),
  };
}

export function meJson(workspace: FakeWorkspace, admin: FakeAdmin) {
  return {
    ...adminJson(admin),
    avatar: { type: 'avatar', image_url: null },
    email_verified: admin.emailVerified,
    app: {
      type: 'app',
      id_code: workspace.id,
      name: workspace.name,
      region: workspace.region,
      timezone: workspace.timezone,
      created_at: workspace.createdAt,
      identity_verification: false,
    },
  };
}

export function teamJson(team: FakeTeam) {
  return { type: 'team', id: team.id, name: team.name, admin_ids: team.adminIds.map(Number) };
}

export function companyJson(workspace: FakeWorkspace, company: FakeCompany) {
  return {
    type: 'company',
    id: company.id,
    name: company.name,
    app_id: workspace.id,
    plan: company.plan ? { type: 'plan', id: `plan_${company.plan.toLowerCase()}`, name: company.plan } : {},
    company_id: company.companyId,
    remote_created_at: company.createdAt,
    created_at: company.createdAt,
    updated_at: company.createdAt,
    last_request_at: company.createdAt,
    size: company.size ?? 0,
    website: company.website ?? '',
    industry: company.industry ?? '',
    monthly_spend: company.monthlySpend ?? 0,
    session_count: 0,
    user_count: company.userCount,
    custom_attributes: { ...company.customAttributes },
    tags: { type: 'tag.list', tags: [] as unknown[] },
    segments: { type: 'segment.list', segments: [] as unknown[] },
  };
}

function refList(type: string, ids: readonly string[], url: string) {
  return {
    type: 'list',
    data: ids.slice(0, 10).map((id) => ({ type, id, url: `/${type === 'company' ? 'companies' : `${type}s`}/${id}` })),
    url,
    total_count: ids.length,
    has_more: ids.length > 10,
  };
}

export function contactJson(workspace: FakeWorkspace, contact: FakeContact) {
  return {
    type: 'contact',
    id: contact.id,
    external_id: contact.externalId,
    workspace_id: workspace.id,
    role: contact.role,
    email: contact.email ?? '',
    email_domain: contact.email?.split('@')[1] ?? '',
    phone: contact.phone,
    name: contact.name,
    owner_id: contact.ownerId,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: false,
    created_at: contact.createdAt,
    updated_at: contact.createdAt,
    signed_up_at: contact.signedUpAt,
    last_seen_at: contact.lastSeenAt,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: contact.browser,
    browser_version: null,
    browser_language: null,
    os: contact.os,
    custom_attributes: { ...contact.customAttributes },
    avatar: null,
    tags: refList('tag', [], `/contacts/${contact.id}/tags`),
    notes: refList('note', [], `/contacts/${contact.id}/notes`),
    companies: refList('company', contact.companyIds, `/contacts/${contact.id}/companies`),
    location: { type: 'location', country: contact.location?.country ?? null, region: null, city: contact.location?.city ?? null },
    social_profiles: { type: 'list', data: [] as unknown[] },
  };
}
