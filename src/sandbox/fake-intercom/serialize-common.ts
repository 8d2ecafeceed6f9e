/**
 * Shared pieces of the fake's JSON output. Optional fields whose value is null are left out rather than sent as
 * null where the 2.16 schema does not mark them nullable, so the fake's answers validate against the spec.
 */
import type { FakeAuthor, FakeLink, FakeWorkspace } from './state';

/** 2.16 ticket and conversation assignee ids are integers, 0 meaning nobody. */
export function assigneeInt(id: string | null): number {
  return id === null ? 0 : Number(id);
}

export function linkedObjectsJson(links: readonly FakeLink[]) {
  return {
    type: 'list',
    total_count: links.length,
    has_more: false,
    data: links.map((link) => ({ type: link.type, id: link.id, category: link.category })),
  };
}

export function authorJson(workspace: FakeWorkspace, author: FakeAuthor) {
  if (author.type === 'admin' || author.type === 'bot') {
    const admin = workspace.admins.get(author.id);
    return { type: author.type, id: author.id, name: admin?.name ?? 'Operator', email: admin?.email ?? 'operator@intercom.io' };
  }
  if (author.type === 'team') {
    return { type: 'team', id: author.id, name: workspace.teams.get(author.id)?.name ?? 'Team', email: '' };
  }
  const contact = workspace.contacts.get(author.id);
  return { type: 'user', id: author.id, name: contact?.name ?? null, email: contact?.email ?? '' };
}

export function contactRefsJson(workspace: FakeWorkspace, contactIds: readonly string[]) {
  return {
    type: 'contact.list',
    contacts: contactIds.map((id) => ({ type: 'contact', id, external_id: workspace.contacts.get(id)?.externalId ?? null })),
  };
}

/** A tag, or a paragraph break (`</p>`, blanks, `<p…>`). `[^<>]` ends a tag at the next `<`, so each `<` is read once. */
const TAG = /<\/p>\s*<p[^<>]*>|<[^<>]*>/gi;
const HREF = /\shref="([^"]*)"/i;

/**
 * `display_as=plaintext`: tags dropped, links rendered as `label (url)`, common entities decoded. One pass over
 * the tags: the regexes this replaced (`<a\s[^>]*href="…"[^>]*>(.*?)<\/a>`, `<[^>]+>`) backtracked
 * polynomially on a message of many unclosed `<`.
 */
export function htmlToPlainText(html: string): string {
  let href: string | null = null;
  const text = html.replace(TAG, (tag) => {
    const lower = tag.toLowerCase();
    if (/^<\/p>\s*</.test(lower)) return '\n';
    if (/^<br[\s/>]/.test(lower)) return '\n';
    if (/^<a\s/.test(lower)) {
      href = HREF.exec(tag)?.[1] ?? null;
      return '';
    }
    if (lower === '</a>' && href !== null) {
      const link = ` (${href})`;
      href = null;
      return link;
    }
    return '';
  });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

/** Adds `key: value` only when the value is not null: for fields the spec types as non-nullable. */
export function withOptional<T extends object>(base: T, optional: Record<string, unknown>): T & Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(optional)) if (value !== null && value !== undefined) out[key] = value;
  return out as T & Record<string, unknown>;
}
