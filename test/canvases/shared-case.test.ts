import { caseAttachFormCanvas, caseSearchCanvas } from '../../canvases/shared-case';
import { sidebarCanvas } from '../../canvases/sidebar';
import type { CaseOptionVM } from '../../canvases/view-models';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { ids, sidebarVM, texts, ticket } from './factories';

const option = (overrides: Partial<CaseOptionVM> = {}): CaseOptionVM => ({
  ticketId: '400123',
  number: '1042',
  title: 'Double charge on invoice INV-2041',
  stateLabel: 'In progress',
  ...overrides,
});

describe('shared-case screens', () => {
  it('search lists each open case as a pick button and says when nothing matches', () => {
    const res = caseSearchCanvas({
      query: 'charge',
      results: [option(), option({ ticketId: '400124', number: '1043' })],
      error: null,
      empty: false,
    });
    assertValidCanvasResponse(res, 'submit');
    expect(ids(res)).toEqual(expect.arrayContaining(['case_query', 'case_search', 'case_pick:400123', 'case_pick:400124', 'back']));
    const none = caseSearchCanvas({ query: 'zzz', results: [], error: null, empty: true });
    assertValidCanvasResponse(none, 'submit');
    expect(texts(none)).toContain('No open case matches that.');
    const bad = caseSearchCanvas({ query: '!!!', results: [], error: 'Search for words of the case title or its number.', empty: false });
    expect(texts(bad)).toContain('Search for words of the case title or its number.');
  });

  it('the attach form escapes the customer’s title and carries the picked ticket and nonce in stored_data', () => {
    const res = caseAttachFormCanvas({ option: option({ title: '<img src=x> **bold**' }), nonce: 'nonce-123456', note: '', error: null });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)).toContain('\\<img src=x\\> \\*\\*bold\\*\\*');
    expect(res.canvas.stored_data).toMatchObject({ flow: 'case', nonce: 'nonce-123456', ticketId: '400123' });
    const refused = caseAttachFormCanvas({
      option: option(),
      nonce: 'nonce-123456',
      note: 'x',
      error: 'This conversation already has that ticket.',
    });
    expect(texts(refused)).toContain('This conversation already has that ticket.');
  });

  it('the sidebar offers "Add to an existing case" beside Escalate, and not without a person', () => {
    const res = sidebarCanvas(sidebarVM({ tickets: [] }));
    assertValidCanvasResponse(res, 'initialize');
    expect(ids(res)).toEqual(expect.arrayContaining(['escalate_open', 'case_open']));
    expect(ids(sidebarCanvas(sidebarVM({ tickets: [], contactMissing: true })))).not.toContain('case_open');
  });

  it('a shared ticket says how many conversations share it; attached here it offers Detach instead of Manage', () => {
    const opened = sidebarCanvas(sidebarVM({ tickets: [ticket({ ticketId: '77', shared: { conversations: 3, attachmentId: null } })] }));
    assertValidCanvasResponse(opened, 'initialize');
    expect(texts(opened)).toContain('Shared with 3 conversations');
    expect(ids(opened)).toContain('ticket_details:77');
    const attachedId = '5f0c1e2a-1111-4222-8333-444455556666';
    const attached = sidebarCanvas(
      sidebarVM({ tickets: [ticket({ ticketId: '77', shared: { conversations: 2, attachmentId: attachedId } })] }),
    );
    assertValidCanvasResponse(attached, 'initialize');
    expect(texts(attached)).toContain('Attached from another conversation · Shared with 2 conversations');
    expect(ids(attached)).toContain(`case_detach:${attachedId}`);
    expect(ids(attached)).not.toContain('ticket_details:77');
  });
});
