/** Hostile and odd input: bounded work, a recommendation or an honest "could not judge". No timing assertions here (see bench/). */
import { chat, judge } from './helpers';

describe('bad input', () => {
  it('empty, whitespace-only and attachment-only conversations are not judged', () => {
    expect(judge([]).judged).toBe(false);
    expect(judge(chat('c:    ', 't: Hello?')).judged).toBe(false);
    const attachments = judge([{ author: 'customer', text: '<img src="https://x.test/a.png"><a href="https://x.test/f.pdf"></a>' }]);
    expect(attachments).toMatchObject({ judged: false, outcome: 'stay_in_chat', priority: null });
    expect(attachments.reasons[0]?.text).toMatch(/could not judge/i);
  });

  it('a 500-part conversation with 100 KB messages is still judged, on its last messages', () => {
    const filler = 'We are just chatting about the weather. '.repeat(2_600);
    const messages = Array.from({ length: 499 }, (_, i) => ({
      author: i % 2 ? ('teammate' as const) : ('customer' as const),
      text: filler,
    }));
    messages.push({ author: 'customer', text: 'Please refund the duplicate charge on INV-7.' });
    const result = judge(messages);
    expect(result.judged).toBe(true);
    expect(result.reasons[0]?.messageIndex).toBe(499);
    expect(result.outcome).toBe('billing_legal');
  });

  it('HTML and markdown are read as text, scripts dropped', () => {
    const result = judge([
      { author: 'customer', text: '<p><b>We were charged twice</b> for March.</p><script>refund()</script><p>Please **refund** one.</p>' },
    ]);
    expect(result).toMatchObject({ judged: true, outcome: 'billing_legal', priority: 'P2' });
    expect(result.reasons.every((r) => !r.quote.includes('<'))).toBe(true);
  });

  it('mixed languages in one chat are understood', () => {
    const result = judge(chat('c: Hola! sorry my english is not so good. Nos habéis cobrado dos veces el plan, please refund.'));
    expect(result.outcome).toBe('billing_legal');
  });

  it('regex-like and control characters do not break it', () => {
    const result = judge(chat('c: (((((a*)*)*)*)$^[]{}\\ \u0000\u202e refund?? ???? !!!!'));
    expect(result.judged).toBe(true);
  });
});
