import type { InstallHarness } from '../../services/install/harness';
import { controlTag, editSection, fieldError, getPage, postForm, readForm, signIn, useSignedInSettings } from './support';

let h: InstallHarness;
let session: string;
useSignedInSettings((started, signedIn) => {
  h = started;
  session = signedIn;
});

const ws = () => h.demo.workspaceId;
const stored = () => h.application.store.settings.get(ws());

describe('saving a section', () => {
  it('saves, drops the settings cache, and shows who changed what, when, before → after', async () => {
    expect((await h.application.deps.settings.get(ws())).queues.technical.teamId).toBeNull();
    h.clock.advance(90 * 60_000);
    const res = await editSection(h, session, 'routing', {
      'queues.technical.label': 'Engineering',
      'queues.technical.teamId': h.demo.teams.technical,
    });
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe('/settings?saved=routing#section-routing');
    const record = await stored();
    expect(record).toMatchObject({ version: 1, updatedBy: h.demo.admins.agent });
    expect(record.settings.queues.technical).toEqual({
      label: 'Engineering',
      teamId: h.demo.teams.technical,
    });
    // The sidebar reads through the cache: it sees the change at once.
    expect((await h.application.deps.settings.get(ws())).queues.technical.label).toBe('Engineering');

    const page = await getPage(h, session, '/settings?saved=routing');
    expect(page.text).toContain('Saved: Queues and routing');
    const history = page.text.slice(page.text.indexOf('id="section-history"'));
    expect(history).toContain(
      '<strong>Version 1</strong> · Alex Agent · <time datetime="2026-11-18T11:30:00.000Z">Nov 18, 2026, 11:30 AM GMT</time>',
    );
    expect(history).toContain('Technical / Bugs: name shown to agents</span>: <del>Technical / Bugs</del> → <ins>Engineering</ins>');
    expect(history).toContain(
      `Technical / Bugs: Intercom team</span>: <del>(empty)</del> → <ins>Technical / Bugs (${h.demo.teams.technical})</ins>`,
    );
    // Unchanged fields are not listed.
    expect(history).not.toContain('Billing / Legal: name shown to agents');
    expect(await h.application.store.settings.listAudit(ws())).toHaveLength(1);
  });

  it('offers the workspace teams and admins from Intercom as choices', async () => {
    const page = await getPage(h, session);
    expect(page.text).toContain(`<option value="${h.demo.teams.billing_legal}">Billing / Legal</option>`);
    expect(page.text).toContain(`<option value="${h.demo.admins.lead}">Lee Lead</option>`);
    expect(page.text).toContain(`<option value="${h.demo.backOffice.ticketTypeId}">Back-office escalation</option>`);
    expect(page.text).not.toContain('Customer request</option>');
    expect(page.text).toContain('<datalist id="ticket-attributes"><option value="Priority"></option><option value="Queue"></option>');
  });

  it('refuses a form without the CSRF token, or with the token of another session, and saves nothing', async () => {
    const page = await getPage(h, session);
    const form = readForm(page.text, 'access');
    const { _csrf: _dropped, ...withoutToken } = form;
    const missing = await postForm(h, session, 'access', { ...withoutToken, retentionOnUninstall: 'purge' });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Nothing was saved');

    const other = await signIn(h, h.demo.admins.agent);
    const otherForm = readForm((await getPage(h, other)).text, 'access');
    const wrong = await postForm(h, session, 'access', { ...form, _csrf: otherForm['_csrf']!, retentionOnUninstall: 'purge' });
    expect(wrong.status).toBe(403);
    expect(await stored()).toMatchObject({ version: 0, settings: { retentionOnUninstall: 'keep' } });
  });

  it('refuses a POST with no session at all', async () => {
    const form = readForm((await getPage(h, session)).text, 'access');
    expect((await postForm(h, null, 'access', { ...form, retentionOnUninstall: 'purge' })).status).toBe(401);
    expect((await stored()).version).toBe(0);
  });

  it('shows each problem next to its field, keeps what was typed, and saves nothing', async () => {
    const res = await editSection(h, session, 'sla', {
      'sla.targets.P1.enterprise.responseMinutes': 'abc',
      'sla.targets.P2.pro.resolutionMinutes': '0',
      'sla.businessHours.weekly.mon': '9-5',
      'sla.businessHours.weekly.tue': '18:00-09:00',
      'sla.businessHours.timezone': 'Mars/Olympus',
      'sla.businessHours.holidays': '2026-12-25, 26/12/2026',
    });
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'sla.targets.P1.enterprise.responseMinutes')).toBe('Enter a whole number');
    expect(fieldError(res.text, 'sla.businessHours.weekly.mon')).toMatch(/^Use opening hours like 09:00-17:30/);
    expect(controlTag(res.text, 'sla.targets.P1.enterprise.responseMinutes')).toMatch(/value="abc".*aria-invalid="true"/);
    expect(controlTag(res.text, 'sla.targets.P1.enterprise.responseMinutes')).toContain(
      'aria-describedby="f-sla-targets-P1-enterprise-responseMinutes-error"',
    );
    expect(controlTag(res.text, 'sla.businessHours.weekly.mon')).toContain('value="9-5"');
    expect(res.text).toContain('Nothing was saved: please correct the fields below');
    expect(res.text).toContain(
      '<a href="#f-sla-targets-P1-enterprise-responseMinutes">P1 enterprise: response (minutes): Enter a whole number</a>',
    );
    expect((await stored()).version).toBe(0);

    // With the parse errors fixed, the schema's own checks land on their fields too.
    const second = await editSection(h, session, 'sla', {
      'sla.targets.P2.pro.resolutionMinutes': '0',
      'sla.businessHours.weekly.tue': '18:00-09:00',
      'sla.businessHours.timezone': 'Mars/Olympus',
      'sla.businessHours.holidays': '2026-12-25, 26/12/2026',
    });
    expect(second.status).toBe(422);
    expect(fieldError(second.text, 'sla.targets.P2.pro.resolutionMinutes')).toBe('Must be more than 0');
    expect(fieldError(second.text, 'sla.businessHours.weekly.tue')).toBe('The closing time must be after the opening time');
    expect(fieldError(second.text, 'sla.businessHours.timezone')).toMatch(/Unknown time zone/);
    expect(fieldError(second.text, 'sla.businessHours.holidays')).toBe('Use YYYY-MM-DD');
    expect(controlTag(second.text, 'sla.businessHours.holidays')).not.toBeNull();
    expect(second.text).toContain('2026-12-25, 26/12/2026</textarea>');
    expect((await stored()).version).toBe(0);
  });

  it('reports a ladder whose escalate step comes before its warning on the escalate field', async () => {
    const res = await editSection(h, session, 'ladder', { 'ladder.warnAt': '80', 'ladder.escalateAt': '70' });
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'ladder.escalateAt')).toBe('The escalate step must come after the warning');
    expect(fieldError(res.text, 'ladder.warnAt')).toBeNull();
  });

  it('refuses a stale form with a clear message, keeps the other save, and lists the values not saved', async () => {
    const other = await signIn(h, h.demo.admins.agent);
    const stale = readForm((await getPage(h, session)).text, 'ladder');
    expect((await editSection(h, other, 'ladder', { 'ladder.warnAt': '60' })).status).toBe(303);
    const res = await postForm(h, session, 'ladder', { ...stale, 'ladder.warnAt': '70', resolveBehaviour: 'unsnooze' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Not saved: someone else changed these settings while you were editing');
    expect(res.text).toContain('The settings are now at version 1');
    expect(res.text).toContain('Warn the owner at (% of target): 70');
    expect(res.text).toContain('When a back-office ticket resolves: unsnooze');
    // The form now shows the current values and version, ready to redo the change.
    expect(readForm(res.text, 'ladder')).toMatchObject({ 'ladder.warnAt': '60', version: '1' });
    expect(await stored()).toMatchObject({ version: 1, settings: { ladder: { warnAt: 0.6 }, resolveBehaviour: 'reopen' } });
  });

  it('writes nothing (and no audit entry) when the form is saved unchanged', async () => {
    const res = await editSection(h, session, 'tickets', {});
    expect(res.headers['location']).toBe('/settings?unchanged=tickets#section-tickets');
    expect((await getPage(h, session, '/settings?unchanged=tickets')).text).toContain('No changes to save in Back-office tickets');
    expect(await h.application.store.settings.listAudit(ws())).toEqual([]);
  });

  it('changes only the fields of the section posted, whatever else the form carries', async () => {
    const res = await editSection(h, session, 'tickets', {
      queueAttribute: 'Team queue',
      retentionOnUninstall: 'purge',
      'access.adminIds': '1',
      workspace_id: 'someone-else',
    });
    expect(res.status).toBe(303);
    expect((await stored()).settings).toMatchObject({
      queueAttribute: 'Team queue',
      retentionOnUninstall: 'keep',
      access: { adminIds: [] },
    });
  });

  it('shows what an admin typed as text, never as markup', async () => {
    const label = '<img src=x onerror=alert(1)> "quoted"';
    expect((await editSection(h, session, 'routing', { 'queues.vip.label': label })).status).toBe(303);
    const page = await getPage(h, session);
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('value="&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;"');
    expect(page.text).toContain('<ins>&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;</ins>');
  });

  it('saves the admins allowed to change settings from the checkbox list', async () => {
    const res = await editSection(h, session, 'access', {
      'access.adminIds': [h.demo.admins.lead, h.demo.admins.manager],
      'access.roleNames': '',
    });
    expect(res.status).toBe(303);
    expect((await stored()).settings.access).toEqual({ adminIds: [h.demo.admins.lead, h.demo.admins.manager], roleNames: [] });
    expect(await h.application.deps.settingsUrlFor(ws(), { id: h.demo.admins.manager, raw: {} })).not.toBeNull();
  });

  it('still works when Intercom cannot list teams and admins: plain id fields and a warning', async () => {
    h.fake.faults.add({ route: 'GET /teams', effect: { type: 'status', status: 503 }, times: Number.POSITIVE_INFINITY });
    const page = await getPage(h, session);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Intercom could not be asked for this workspace’s teams');
    expect(controlTag(page.text, 'queues.vip.teamId')).toMatch(/^<input/);
    const res = await editSection(h, session, 'routing', { 'queues.vip.teamId': h.demo.teams.vip });
    expect(res.status).toBe(303);
    expect((await stored()).settings.queues.vip.teamId).toBe(h.demo.teams.vip);
  });
});
