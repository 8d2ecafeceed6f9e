import fc from 'fast-check';
import { incidentDetailsCanvas } from '../../canvases/incident-details';
import { incidentLinkFormCanvas, incidentStartFormCanvas } from '../../canvases/incident-forms';
import { incidentSearchCanvas } from '../../canvases/incident-search';
import { sidebarCanvas } from '../../canvases/sidebar';
import type { IncidentOptionVM, IncidentVM } from '../../canvases/view-models';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { ids, sidebarVM, texts } from './factories';

const option = (overrides: Partial<IncidentOptionVM> = {}): IncidentOptionVM => ({
  trackerId: '400123',
  number: '88',
  title: 'Payments failing with E_PAYMENT_502',
  stateLabel: 'In progress',
  linkedCount: 12,
  ...overrides,
});

const incident = (overrides: Partial<IncidentVM> = {}): IncidentVM => ({
  linkId: '5f0c1e2a-1111-4222-8333-444455556666',
  trackerId: '400123',
  number: '88',
  title: 'Payments failing',
  stateLabel: 'In progress',
  linkedCount: 12,
  status: 'linked',
  followUps: null,
  url: 'https://app.intercom.com/a/inbox/x/inbox/conversation/400123',
  ...overrides,
});

describe('incident screens', () => {
  it('search lists each result as a pick button, most recent first as given, and says when nothing matches', () => {
    const res = incidentSearchCanvas({
      query: 'payments',
      results: [option(), option({ trackerId: '400124', number: null, linkedCount: 1 })],
      error: null,
      empty: false,
    });
    assertValidCanvasResponse(res, 'submit');
    expect(ids(res)).toEqual(expect.arrayContaining(['incident_pick:400123', 'incident_pick:400124', 'incident_start_open']));
    expect(texts(res).join(' ')).not.toContain('No open incident');
    const none = incidentSearchCanvas({ query: 'zzz', results: [], error: null, empty: true });
    expect(texts(none)).toContain('No open incident matches that.');
  });

  it('escapes hostile titles and notes, and stays valid at their limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.string({ maxLength: 600 }), (title, note) => {
        assertValidCanvasResponse(
          incidentLinkFormCanvas({ option: option({ title }), nonce: 'n0nce-abc123', note, error: null }),
          'submit',
        );
        assertValidCanvasResponse(incidentStartFormCanvas({ title, nonce: 'n0nce-abc123', error: 'x'.repeat(300) }), 'submit');
        assertValidCanvasResponse(incidentDetailsCanvas(incident({ title })), 'submit');
      }),
      { numRuns: 60, seed: 19 },
    );
    const res = incidentLinkFormCanvas({
      option: option({ title: '**bold** [x](javascript:alert(1))' }),
      nonce: 'n0nce-abc123',
      note: '',
      error: null,
    });
    // Markdown is escaped: no bold, no link (each escaping backslash shows doubled in JSON).
    expect(JSON.stringify(res)).toContain('\\\\*\\\\*bold\\\\*\\\\* \\\\[x\\\\](javascript');
  });

  it('details offer Unlink only while linked, and show the follow-ups once resolved', () => {
    expect(ids(incidentDetailsCanvas(incident()))).toContain('incident_unlink');
    expect(ids(incidentDetailsCanvas(incident({ status: 'unlinking' })))).not.toContain('incident_unlink');
    const resolved = incidentDetailsCanvas(incident({ stateLabel: 'Resolved', followUps: { done: 812, total: 2500 } }));
    expect(texts(resolved)).toContain('Follow-ups sent: 812 of 2500');
  });

  it('the first canvas shows the incident or the hint and stays within 400 px', () => {
    const linked = sidebarCanvas(sidebarVM({ incident: incident(), contactMissing: true, settingsUrl: 'https://handoff.example.com/s' }));
    assertValidCanvasResponse(linked, 'initialize');
    expect(texts(linked)).toContain('Incident #88');
    const hinted = sidebarCanvas(
      sidebarVM({
        incidentHint: { text: '4 other conversations since 09:10 mention E_PAYMENT_502 — incident #88 is open', trackerId: '400123' },
      }),
    );
    assertValidCanvasResponse(hinted, 'initialize');
    expect(ids(hinted)).toContain('incident_pick:400123');
    const plain = sidebarCanvas(sidebarVM());
    expect(ids(plain)).toContain('incident_open');
  });
});
