/** The transcript excerpt on its own: who said what, and exactly how many of the newest lines fit the bytes left. */
import { zoned } from '../../../src/domain/summary/time';
import { transcriptSection } from '../../../src/domain/summary/transcript';
import { chat } from '../../fixtures/conversations/factory';

const UTC = zoned('UTC');
const URL = 'https://app.intercom.com/a/inbox/x/inbox/conversation/1';
const FRAME_BYTES = 600;
const bytes = (text: string) => Buffer.byteLength(text) + 1;

function excerpt(conversation: ReturnType<typeof chat>, budget = 100_000, url = URL): string[] {
  return transcriptSection(conversation.parts, conversation.totalPartCount, url, UTC, budget).split('\n');
}

describe('the transcript excerpt', () => {
  it('names bots, unnamed authors and attachments, and says so when a message has no text', () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}.png`, url: `https://x.example/f${i}.png` }));
    const lines = excerpt(
      chat([
        { who: 'customer', body: '<p>Hi</p>', name: null, attachments: files(1) },
        { who: 'bot', body: '<p>Someone will answer</p>' },
        { who: 'customer', body: '', attachments: files(2) },
      ]),
    );
    expect(lines.slice(1, 4).map((line) => line.replace(/^\[[^\]]+\] /, ''))).toEqual([
      'Customer: Hi [1 attachment]',
      'Bot (Operator): Someone will answer',
      'Customer (Jane Cooper): (no text) [2 attachments]',
    ]);
  });

  it('says "(no link)" when the conversation has no link', () => {
    expect(excerpt(chat([{ who: 'customer', body: '<p>Hi</p>' }]), 100_000, '').at(-1)).toBe('Conversation: (no link)');
  });

  it('keeps exactly the newest lines that fit the bytes left after its frame', () => {
    const conversation = chat([
      { who: 'customer', body: '<p>first</p>' },
      { who: 'agent', body: '<p>second</p>' },
      { who: 'customer', body: '<p>third message</p>' },
    ]);
    const all = excerpt(conversation).slice(1, 4);
    const lastTwo = FRAME_BYTES + bytes(all[1]!) + bytes(all[2]!);
    expect(excerpt(conversation, lastTwo).slice(0, 3)).toEqual(['Showing the last 2 of 3 messages (times in UTC).', all[1], all[2]]);
    expect(excerpt(conversation, lastTwo - 1).slice(0, 2)).toEqual(['Showing the last 1 of 3 messages (times in UTC).', all[2]]);
  });

  it('shows at most 30 lines however much room is left', () => {
    const many = chat(Array.from({ length: 31 }, (_, i) => ({ who: 'customer' as const, body: `<p>m${i}</p>`, at: i })));
    expect(excerpt(many)[0]).toBe('Showing the last 30 of 31 messages (times in UTC).');
  });
});
