/**
 * Both sides working one ticket at once: the back-office team in Intercom (state changes, an assignment, a note;
 * each sends its signed webhook to the first app) and agents in the sidebar of the last app (three notes, a
 * priority change, refreshes, sidebar views), while every instance's background jobs run. Returns the note texts
 * to look for and how many requests were made; every canvas answered is checked against Intercom's schema.
 */
import { randomUUID } from 'node:crypto';
import { initializeBody, submitBody } from '../../../src/sandbox/canvas-kit-body';
import { assertValidCanvasResponse } from '../canvas-schema';
import { formRoundTrip } from './escalate';
import type { WiredApp } from './wired-app';

/** The ticket's state category and priority as the fake Intercom holds them. */
export function intercomView(app: WiredApp, ticketId: string): { state: string | undefined; priority: string | undefined } {
  const { fake, demo } = app.harness;
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const ticket = workspace.tickets.get(ticketId)!;
  const state = workspace.ticketTypes.get(ticket.ticketTypeId)?.states.find((s) => s.id === ticket.stateId)?.category;
  const { name, options } = demo.backOffice.priorityAttribute;
  const priority = Object.entries(options).find(([, id]) => id === ticket.attributes[name])?.[0];
  return { state, priority };
}

export async function workOneTicketFromBothSides(apps: WiredApp[], ticketId: string): Promise<{ texts: string[]; requests: number }> {
  const sidebarApp = apps[apps.length - 1]!;
  const { fake, demo, context } = apps[0]!.harness;
  const texts = Array.from({ length: 3 }, () => `Sidebar note ${randomUUID()}`);
  const office = fake.backOffice;
  const noteIds = { open: `ticket_note_open:${ticketId}`, submit: `ticket_note_submit:${ticketId}` };
  const priorityIds = { open: `ticket_priority_open:${ticketId}`, submit: `ticket_priority_submit:${ticketId}` };
  const jobs = apps.map((app) => app.harness.application);
  const pump = async () => {
    for (let i = 0; i < 5; i += 1) await Promise.all(jobs.map((job) => Promise.all(job.jobs.map((j) => j.runOnce()))));
  };
  const answers = await Promise.all([
    (async () => {
      await office.setState(ticketId, 'in_progress', { adminId: demo.admins.lead });
      await office.assign(ticketId, demo.admins.lead);
      await office.addNote(ticketId, demo.admins.lead, '<p>Looking into it.</p>');
      await office.setState(ticketId, 'waiting_on_customer', { adminId: demo.admins.lead });
      await office.setState(ticketId, 'resolved', { adminId: demo.admins.lead });
      return [];
    })(),
    Promise.all(texts.map((text) => formRoundTrip(sidebarApp.wire, fake, context, noteIds, { note_body: text }))),
    Promise.all([formRoundTrip(sidebarApp.wire, fake, context, priorityIds, { new_priority: 'P1' })]),
    Promise.all([
      ...Array.from({ length: 3 }, () =>
        sidebarApp.wire.postCanvas(
          '/intercom/submit',
          JSON.stringify(submitBody(fake, context, { componentId: `ticket_refresh:${ticketId}` })),
        ),
      ),
      ...Array.from({ length: 3 }, () => sidebarApp.wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(fake, context)))),
    ]),
    pump().then(() => []),
  ]);
  for (const answer of [...answers[1], ...answers[2], ...answers[3].slice(0, 3)]) assertValidCanvasResponse(answer.json, 'submit');
  for (const answer of answers[3].slice(3)) assertValidCanvasResponse(answer.json, 'initialize');
  return { texts, requests: 5 + texts.length + 1 + 6 };
}
