import { customerCorpus, findKeywords } from '../../../src/domain/signals';
import { chat, type Line } from '../../fixtures/conversations/factory';
import { nonEnglishConversation } from '../../fixtures/conversations/scenarios';

function found(lines: Line[], keywords: string[]): string[] {
  return findKeywords(customerCorpus(chat(lines)), keywords);
}

describe('keyword matching', () => {
  it('looks at customer messages only', () => {
    const lines: Line[] = [
      { who: 'customer', body: 'The export is broken.' },
      { who: 'agent', body: 'Would a refund help? Our legal team says…' },
      { who: 'note', body: 'refund approved' },
    ];
    expect(found(lines, ['refund', 'legal', 'broken'])).toEqual(['broken']);
  });

  it('is case-insensitive and returns keywords lower-cased, once, in settings order', () => {
    expect(found([{ who: 'customer', body: 'GDPR request! Also a Refund. refund!!' }], ['refund', 'Refund', 'gdpr'])).toEqual([
      'refund',
      'gdpr',
    ]);
  });

  it('matches whole words only', () => {
    const lines: Line[] = [{ who: 'customer', body: 'Where is the cancellation link? The download is slow.' }];
    expect(found(lines, ['cancel', 'down', 'load'])).toEqual([]);
    expect(found([{ who: 'customer', body: 'Please cancel. We are down!' }], ['cancel', 'down'])).toEqual(['cancel', 'down']);
  });

  it('matches phrases across any whitespace, but never across two messages', () => {
    expect(found([{ who: 'customer', body: '<p>it is not\n   working</p>' }], ['not working'])).toEqual(['not working']);
    const split: Line[] = [
      { who: 'customer', body: 'Honestly not' },
      { who: 'customer', body: 'working today is fine' },
    ];
    expect(found(split, ['not working'])).toEqual([]);
  });

  it('handles accented words, CJK without spaces, full-width letters and regex characters', () => {
    const conversation = nonEnglishConversation();
    expect(findKeywords(customerCorpus(conversation), ['Rückerstattung', '返金', 'frechheit', 'rück'])).toEqual([
      'rückerstattung',
      '返金',
      'frechheit',
    ]);
    expect(found([{ who: 'customer', body: 'ＲＥＦＵＮＤ please' }], ['refund'])).toEqual(['refund']);
    expect(found([{ who: 'customer', body: 'our C++ SDK (v2) crashes' }], ['c++', '(v2)', 'sdk'])).toEqual(['c++', '(v2)', 'sdk']);
  });

  it('ignores blank keywords and conversations without customer text', () => {
    expect(found([{ who: 'customer', body: 'refund' }], ['', '   '])).toEqual([]);
    expect(found([{ who: 'agent', body: 'refund' }], ['refund'])).toEqual([]);
  });
});
