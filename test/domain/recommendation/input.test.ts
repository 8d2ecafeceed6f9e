import { customerTier, triageInputFrom } from '../../../src/domain/recommendation';
import { chat, OPENED_AT } from '../../fixtures/conversations/factory';

const STANDARD = { tier: 'standard' as const, isVip: false, renewalInDays: null };

describe('the one mapping from a conversation to the engine’s input', () => {
  it('keeps customer messages and replies to the customer, in order, with their times and part ids', () => {
    const conversation = chat([
      { who: 'customer', body: '<p>I was charged <b>twice</b></p>', at: 0 },
      { who: 'note', body: '<p>Escalating: customer says refund or lawyer</p>', at: 1 },
      { who: 'assignment', at: 2 },
      { who: 'fin', body: '<p>I am an AI, here is an article</p>', at: 3 },
      { who: 'agent', body: '<p>I can see both charges</p>', at: 4 },
      { who: 'lead', body: '<p>Still waiting</p>', at: 5 },
    ]);
    const { input, parts } = triageInputFrom(conversation, { tier: 'pro', isVip: false, renewalInDays: 20 });
    expect(input.messages).toEqual([
      { author: 'customer', text: 'I was charged twice', at: OPENED_AT * 1000, partId: '2793165017' },
      { author: 'teammate', text: 'I can see both charges', at: (OPENED_AT + 4 * 60) * 1000, partId: '29681940004' },
      { author: 'customer', text: 'Still waiting', at: (OPENED_AT + 5 * 60) * 1000, partId: '29681940005' },
    ]);
    expect(parts.map((p) => p.id)).toEqual(input.messages.map((m) => m.partId));
    expect(input).toMatchObject({ tier: 'pro', renewalInDays: 20 });
  });

  it('keeps an attachment-only message (empty text) so message indexes match what the teammate sees', () => {
    const conversation = chat([{ who: 'customer', body: '', attachments: [{ name: 'screen.png', url: 'https://x.example/s.png' }] }]);
    expect(triageInputFrom(conversation, STANDARD).input.messages).toEqual([expect.objectContaining({ author: 'customer', text: '' })]);
  });

  it('reads a VIP flag as the vip tier, over the tier attribute', () => {
    expect(customerTier({ tier: 'enterprise', isVip: true })).toBe('vip');
    expect(customerTier({ tier: 'enterprise', isVip: false })).toBe('enterprise');
    expect(customerTier({ tier: 'standard', isVip: false })).toBe('standard');
  });

  it('gives a part with no time of its own no time, rather than 1970', () => {
    const conversation = chat([{ who: 'customer', body: '<p>Hello</p>' }]);
    const untimed = { ...conversation, parts: conversation.parts.map((part) => ({ ...part, createdAt: 0 })) };
    expect(triageInputFrom(untimed, STANDARD).input.messages).toEqual([expect.objectContaining({ text: 'Hello', at: null })]);
  });
});
