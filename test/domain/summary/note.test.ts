import { chat } from '../../fixtures/conversations/factory';
import { buildHandoffSummary, summaryPreview, summaryToNoteHtml } from '../../../src/domain/summary';
import { summaryInput } from './support';

// Built inside each test, not when the file loads: mutation testing attributes the code a test runs to that test, and
// code run at load time would make every mutant of the summary module cost the whole folder's tests.
const summaryWithMarkup = () =>
  buildHandoffSummary(
    summaryInput(
      chat([
        { who: 'customer', body: '<p>The &lt;b&gt;export&lt;/b&gt; fails &amp; I\'m "stuck"</p>' },
        { who: 'agent', body: 'On it.' },
      ]),
      { reason: 'Needs <devs> & "ops"' },
    ),
  );

describe('summaryPreview', () => {
  it('shows what was asked and why, within the limit', () => {
    const summary = summaryWithMarkup();
    const preview = summaryPreview(summary, 120);
    expect(preview.length).toBeLessThanOrEqual(120);
    expect(preview.startsWith('First message (Nov 21, 14:05): The ‹b>export‹/b> fails & I\'m "stuck"')).toBe(true);
    expect(summaryPreview(summary, 2000)).toContain('Agent\'s reason: Needs <devs> & "ops"');
  });
});

describe('summaryToNoteHtml', () => {
  const noteHtml = () => summaryToNoteHtml(summaryWithMarkup(), 33, 'https://app.intercom.com/a/apps/ecahpwf5/tickets/33');

  it('starts with the ticket number and a link to the ticket', () => {
    const html = noteHtml();
    expect(
      html.startsWith(
        '<p><b>Escalated to back-office ticket #33</b> · <a href="https://app.intercom.com/a/apps/ecahpwf5/tickets/33">Open ticket</a></p>',
      ),
    ).toBe(true);
  });

  it('escapes every piece of quoted text', () => {
    const html = noteHtml();
    expect(html).toContain('Agent&#39;s reason: Needs &lt;devs&gt; &amp; &quot;ops&quot;');
    expect(html).toContain('The ‹b&gt;export‹/b&gt; fails &amp; I&#39;m &quot;stuck&quot;');
    expect(html).not.toMatch(/<(?!\/?(p|b|br|a)\b)/);
  });

  it('renders each section as a titled paragraph with line breaks', () => {
    const html = noteHtml();
    expect(html).toContain(
      '<p><b>Why escalated</b><br>Agent&#39;s reason: Needs &lt;devs&gt; &amp; &quot;ops&quot;<br>Detected signals: none</p>',
    );
    expect(html.match(/<p><b>/g)).toHaveLength(7);
  });

  it('leaves out a ticket link that is not http(s) and escapes the number', () => {
    const unsafe = summaryToNoteHtml(summaryWithMarkup(), '<33>', 'javascript:alert(1)');
    expect(unsafe.startsWith('<p><b>Escalated to back-office ticket #&lt;33&gt;</b></p>')).toBe(true);
    expect(unsafe).not.toContain('javascript');
  });

  it('links an http ticket URL too, but never a mail link', () => {
    expect(summaryToNoteHtml(summaryWithMarkup(), 33, 'http://backoffice.example/33')).toContain(
      '<a href="http://backoffice.example/33">Open ticket</a>',
    );
    expect(summaryToNoteHtml(summaryWithMarkup(), 33, 'mailto:team@example.com')).not.toContain('<a ');
    expect(summaryToNoteHtml(summaryWithMarkup(), 33, 'mailto:team@example.com?body=https://x.example')).not.toContain('<a ');
  });

  it('puts the paragraphs one after the other, with nothing between them', () => {
    expect(noteHtml()).not.toMatch(/<\/p>[^<]/);
  });
});
