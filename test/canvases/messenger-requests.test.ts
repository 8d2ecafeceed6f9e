import { messengerRequestsCanvas } from '../../canvases/messenger-requests';
import { assertValidCanvasResponse } from '../support/canvas-schema';

const item = {
  id: 'tk-1',
  reference: '#42',
  title: 'Your billing question',
  state: 'waiting_on_customer' as const,
  stateName: '**Waiting** [on you](javascript:alert(1))',
  changedAt: Date.UTC(2026, 10, 18, 10, 0),
  waitingOnCustomer: true,
  conversationId: '1001',
};

describe('the "Your requests" Messenger card', () => {
  it('lists a case with its state and a box to add details, valid for Intercom, customer text escaped', () => {
    const canvas = messengerRequestsCanvas({ kind: 'list', language: 'en', zone: 'UTC', cases: [item], nonce: 'nonce-12345678' });
    assertValidCanvasResponse(canvas, 'submit');
    const json = JSON.stringify(canvas);
    expect(json).toContain('Your billing question #42');
    expect(json).toContain('add_details:tk-1');
    // The label's markdown is escaped: no bold, no link.
    const status = canvas.canvas.content.components.map((c) => ('text' in c ? c.text : '')).find((t) => t.includes('Waiting'));
    expect(status).toContain('\\*\\*Waiting\\*\\* \\[on you\\](javascript:alert(1))');
    expect(canvas.canvas.stored_data).toEqual({ nonce: 'nonce-12345678' });
  });

  it('shows a refused box with what was typed, and one line for a signed-out visitor', () => {
    const refused = messengerRequestsCanvas({
      kind: 'list',
      language: 'de',
      zone: 'UTC',
      cases: [item],
      nonce: 'nonce-12345678',
      problem: { caseId: 'tk-1', message: 'Write what you would like to add.', value: 'draft' },
    });
    expect(JSON.stringify(refused)).toContain('"value":"draft"');
    expect(JSON.stringify(refused)).toContain('Ihre Anfragen');
    const signedOut = messengerRequestsCanvas({ kind: 'signed_out', language: 'fr' });
    assertValidCanvasResponse(signedOut, 'initialize');
    expect(signedOut.canvas.content.components).toHaveLength(1);
    expect(JSON.stringify(signedOut)).toContain('Connectez-vous');
  });
});
