import { parseConversation } from '../../../src/domain/conversation';
import { conversationLanguage, customerStateName, updateMessage } from '../../../src/domain/customer-updates/message';
import { defaultCustomerSettings } from '../../../src/domain/customer-updates/settings';

function conversationSaying(...customer: string[]) {
  return parseConversation({
    id: '1',
    source: { id: 's', body: customer[0] ?? '', author: { type: 'user', id: 'u1' } },
    conversation_parts: {
      conversation_parts: [
        ...customer.slice(1).map((body, i) => ({ id: `p${i}`, part_type: 'comment', body, author: { type: 'user', id: 'u1' } })),
        {
          id: 'a1',
          part_type: 'comment',
          body: 'Thanks, I am passing this to the team and will be back with you',
          author: { type: 'admin', id: '9' },
        },
      ],
    },
  });
}

describe('conversationLanguage', () => {
  it.each([
    ['en', 'Hello, my invoice is wrong and I want the money back please'],
    ['de', 'Hallo, die Rechnung ist falsch und ich möchte bitte mein Geld zurück'],
    ['fr', 'Bonjour, la facture est fausse et je veux être remboursé, merci'],
    ['es', 'Hola, la factura está mal y quiero el reembolso, gracias'],
    ['pt', 'Olá, a fatura está errada e eu quero o reembolso, obrigado'],
  ])('reads %s from the customer’s own messages, not the teammate’s', (language, text) => {
    expect(conversationLanguage(conversationSaying(text), 'en')).toBe(language);
  });

  it('falls back when the customer wrote nothing telling', () => {
    expect(conversationLanguage(conversationSaying('ok', 'INV-2041'), 'de')).toBe('de');
  });

  it('follows the customer’s latest messages when they switch language', () => {
    const text = conversationSaying(
      'Hello, the invoice is wrong',
      'Is it fixed?',
      'Bonjour, je suis en France',
      'La facture est toujours fausse',
      'Merci de me répondre',
    );
    expect(conversationLanguage(text, 'en')).toBe('fr');
  });
});

describe('updateMessage', () => {
  it('uses the external label, else our customer-facing name in the language', () => {
    expect(customerStateName('waiting_on_customer', 'Waiting on you', 'de')).toBe('Waiting on you');
    expect(customerStateName('waiting_on_customer', '  ', 'de')).toBe('Wartet auf Sie');
    const html = updateMessage(defaultCustomerSettings(), {
      state: 'resolved',
      externalLabel: null,
      ticketNumber: '42',
      customerTitle: 'Your request',
      language: 'es',
    });
    expect(html).toBe('<p>Su solicitud #42 se ha resuelto. Estado: Resuelta. Si algo sigue sin funcionar, responda aquí.</p>');
  });
});
