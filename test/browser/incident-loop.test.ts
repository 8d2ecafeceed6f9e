/**
 * Incidents in the Inbox simulator, in Chromium, on the sandbox's demo workspace (which has a Tracker ticket type
 * and open trackers): start an incident from one outage conversation, link a second one to it from the search, resolve
 * the tracker in the back-office view (a signed webhook to the app), move the clock, and both conversations carry
 * the resolve follow-up.
 */
import { artifact, describeBrowser } from './support/browser';
import { useSimulator } from './support/simulator';

describeBrowser('Inbox simulator: one incident for an outage, resolved for every linked conversation', () => {
  const sim = useSimulator();
  const { canvasText, clickCanvasButton, expectValidCanvas, openConversation: open, settled } = sim;
  let incidentNumber = '';

  it('lists the demo workspace’s open trackers and starts an incident from the outage conversation', async () => {
    await open('Dashboard down: 502 errors');
    await clickCanvasButton('Link to an incident');
    await expectValidCanvas();
    const search = await canvasText();
    expect(search).toContain('SSO sign-in fails for contractor accounts');
    expect(search).toContain('Large exports time out');
    await clickCanvasButton('Start an incident');
    await sim.sidebar.locator('input[data-component-id="incident_title"]').fill('Dashboard and reports return 502');
    await clickCanvasButton('Start incident');
    await expectValidCanvas();
    const started = await canvasText();
    expect(started).toMatch(/Incident #\d+ started/);
    incidentNumber = /Incident #(\d+) started/.exec(started)![1]!;
    await sim.page.screenshot({ path: artifact('incident-1-started.png') });
  });

  it('links a second conversation to it from the search', async () => {
    await open('Cannot load reports (502)');
    await clickCanvasButton('Link to an incident');
    await clickCanvasButton(`#${incidentNumber}`);
    await clickCanvasButton('Link conversation');
    await expectValidCanvas();
    await clickCanvasButton('Done');
    const shown = await canvasText();
    expect(shown).toContain(`Incident #${incidentNumber}`);
    expect(shown).toContain('2 conversations');
  });

  it('resolves the tracker in the back office: both conversations get the follow-up once the outbox runs', async () => {
    const tracker = sim.page.locator('.bo-ticket', { hasText: 'Dashboard and reports return 502' });
    await tracker.locator('[data-testid="bo-state"]').selectOption('resolved');
    await tracker.locator('[data-testid="bo-set-state"]').click();
    await settled();
    await expect(sim.page.locator('[data-testid="clock-result"]').textContent()).resolves.toContain('webhook ticket.state.updated → 200');
    // The follow-ups are paced (due one after another); moving the clock lets the outbox run them.
    await sim.page.click('.clock button[data-minutes="15"]');
    await settled();
    for (const title of ['Cannot load reports (502)', 'Dashboard down: 502 errors']) {
      await open(title);
      const transcript = (await sim.page.locator('[data-testid="transcript"]').textContent()) ?? '';
      expect(transcript.split(`Incident #${incidentNumber} resolved`).length - 1).toBe(1);
      expect(await canvasText()).toContain('Follow-ups sent to all 2 conversations');
    }
    await expectValidCanvas();
    await sim.page.screenshot({ path: artifact('incident-2-resolved.png') });
  });
});
