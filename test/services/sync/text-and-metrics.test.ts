/** Note text (escaping, limits), finding an already-posted note, the resolve note, and the per-view call counter. */
import { NOTE_MAX_CHARS, noteHtml, validateNote } from '../../../src/flows/ticket-actions/note';
import { containsNote } from '../../../src/services/sync/already-posted';
import { resolveNoteHtml } from '../../../src/services/sync/resolve-follow-ups';
import { isHandoffNote } from '../../../src/services/sync/ticket-events';
import { countingIntercomCalls, createViewCounters, viewMetrics } from '../../../src/http/view-metrics';
import { recordIntercomCall, runWithRequestContext } from '../../../src/util/request-context';
import { silentLogger } from '../../../src/util/logger';
import type { CanvasRequest } from '../../../src/flows/types';

describe('note text', () => {
  it('escapes everything typed, keeps paragraphs and line breaks, and marks the note as Handoff’s', () => {
    const html = noteHtml('  <b>bold</b> & co\nline two\n\n"quoted" \'x\'  ');
    expect(html).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; &amp; co<br>line two</p><p>&quot;quoted&quot; &#39;x&#39;</p><p><em>Added from the conversation via Handoff</em></p>',
    );
    expect(isHandoffNote({ part_type: 'note', body: html, app_package_code: 'handoff' })).toBe(true);
  });

  it('refuses empty notes and notes over the limit', () => {
    expect(validateNote(' \n ')).toBe('Write the note first.');
    expect(validateNote('x'.repeat(NOTE_MAX_CHARS))).toBeNull();
    expect(validateNote('x'.repeat(NOTE_MAX_CHARS + 1))).toContain('4,001');
  });

  it('escapes the ticket title in the resolve note', () => {
    const html = resolveNoteHtml({
      ticketId: '1',
      ticketNumber: '57',
      title: '<img src=x onerror=alert(1)>',
      ownerName: 'Lee & co',
    } as never);
    expect(html).toContain('Ticket #57 resolved: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Resolved by Lee &amp; co.');
    expect(html).not.toContain('<img');
  });
});

describe('containsNote', () => {
  const note = { adminId: '9', body: '<p>Refund sent</p>', notBefore: 1_000_000 };
  const part = (fields: Partial<{ part_type: string; body: string; created_at: number; author: { id: string } }>) => ({
    part_type: 'note',
    body: '<p>Refund sent</p>',
    created_at: 1_000,
    author: { id: '9' },
    ...fields,
  });

  it('finds the same text by the same admin, however Intercom re-wrapped the HTML', () => {
    expect(containsNote([part({ body: '<div><p>Refund  sent</p></div>' })], note)).toBe(true);
  });

  it.each([
    ['another author', { author: { id: '8' } }],
    ['other text', { body: '<p>Refund pending</p>' }],
    ['an older note', { created_at: 900 }],
    ['a comment', { part_type: 'comment' }],
  ])('does not mistake %s for it', (_name, fields) => {
    expect(containsNote([part(fields)], note)).toBe(false);
  });
});

describe('per-view Intercom call counter', () => {
  const request = {} as CanvasRequest;
  const ctx = { logger: silentLogger };
  const canvas = { canvas: { content: { components: [] } } };

  it('adds the calls each view made, and counts the views that made none', async () => {
    const counters = createViewCounters();
    const quiet = countingIntercomCalls(async () => canvas, counters);
    const chatty = countingIntercomCalls(async () => {
      recordIntercomCall();
      recordIntercomCall();
      return canvas;
    }, counters);
    await runWithRequestContext(() => quiet(request, ctx));
    await runWithRequestContext(() => chatty(request, ctx));
    await runWithRequestContext(() => chatty(request, ctx).catch(() => null));
    expect(viewMetrics(counters)).toEqual({
      sidebar_views_total: 3,
      sidebar_intercom_calls_total: 4,
      sidebar_views_without_intercom_calls_total: 1,
      sidebar_views_reused_total: 0,
      sidebar_views_reused_ratio: 0,
    });
  });

  it('counts a view that failed too', async () => {
    const counters = createViewCounters();
    const failing = countingIntercomCalls(async () => {
      recordIntercomCall();
      throw new Error('boom');
    }, counters);
    await expect(runWithRequestContext(() => failing(request, ctx))).rejects.toThrow('boom');
    expect(counters).toEqual({ views: 1, intercomCalls: 1, viewsWithoutCalls: 0, reused: 0 });
  });
});
