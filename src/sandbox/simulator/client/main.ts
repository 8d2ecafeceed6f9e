/**
 * The Inbox simulator page: conversation list, transcript and back-office panel from the fake Intercom, the app's
 * sidebar canvas, the clock control and the canvas playground. `body[data-busy]` counts work in flight, so a
 * browser test can wait until the page has settled instead of sleeping.
 */
import { ApiError, api, type Overview } from './api';
import { drawBackOffice } from './back-office';
import { byId } from './dom';
import { drawConversationList, drawTranscript, formatTime } from './inbox';
import { Sidebar } from './sidebar';

let overview: Overview | null = null;
let selected: string | null = null;
let inFlight = 0;

async function busy<T>(work: () => Promise<T>): Promise<T> {
  document.body.dataset.busy = String(++inFlight);
  try {
    return await work();
  } finally {
    document.body.dataset.busy = String(--inFlight);
  }
}

const viewer = byId<HTMLSelectElement>('viewer');
const sidebar = new Sidebar(
  () => (selected ? { conversationId: selected, adminId: viewer.value } : null),
  () => void busy(refreshPanels),
);

function status(message: string, error = false): void {
  const line = byId('clock-result');
  line.textContent = message;
  line.classList.toggle('error', error);
}

function drawClock(): void {
  if (!overview) return;
  byId('clock-now').textContent = `Sandbox time: ${formatTime(overview.now, overview.workspace.timezone)} (${overview.workspace.timezone})`;
  const minutes = Math.round(overview.movedMs / 60_000);
  byId('clock-moved').textContent = minutes === 0 ? '' : `moved +${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

async function refreshPanels(): Promise<void> {
  overview = await api.overview();
  const zone = overview.workspace.timezone;
  drawClock();
  drawConversationList(byId('conversation-list'), overview.conversations, selected, zone, (id) => void busy(() => select(id)));
  if (!selected) return;
  const transcript = await api.conversation(selected);
  drawTranscript(byId('transcript'), transcript, zone);
  const { admins, teams } = overview;
  drawBackOffice(byId('back-office-body'), transcript.tickets, {
    admins,
    teams,
    zone,
    act: (body) => busy(() => outside(() => api.backOffice(body), 'Back-office change')),
  });
}

async function select(conversationId: string): Promise<void> {
  selected = conversationId;
  const url = new URL(window.location.href);
  url.searchParams.set('conversation', conversationId);
  url.searchParams.delete('ticket');
  window.history.replaceState(null, '', url);
  await refreshPanels();
  await sidebar.initialize();
}

/** Something outside the app happened (back-office, time): show what ran, then re-open the sidebar. */
async function outside(run: () => ReturnType<typeof api.backOffice>, what: string): Promise<void> {
  try {
    const result = await run();
    const jobs = Object.entries(result.jobs)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${name} ${n}`);
    const hook = result.webhook ? ` · webhook ${result.webhook.topic} → ${result.webhook.status || result.webhook.error}` : '';
    status(`${what} done${hook}${jobs.length ? ` · jobs: ${jobs.join(', ')}` : ''}`);
  } catch (error) {
    status(error instanceof ApiError ? error.message : `${what} failed`, true);
  }
  await refreshPanels();
  await sidebar.initialize();
}

async function start(): Promise<void> {
  overview = await api.overview();
  for (const admin of overview.admins) viewer.append(new Option(`${admin.name}${admin.jobTitle ? ` (${admin.jobTitle})` : ''}`, admin.id));
  viewer.value = overview.defaultAdminId;
  viewer.addEventListener('change', () => void busy(() => sidebar.initialize()));
  document.querySelectorAll<HTMLButtonElement>('.clock button[data-minutes]').forEach((button) => {
    const minutes = Number(button.dataset.minutes);
    button.addEventListener('click', () => void busy(() => outside(() => api.advanceClock(minutes), `Clock ${button.textContent}`)));
  });
  byId('playground-render').addEventListener('click', () => {
    const kind = byId<HTMLSelectElement>('playground-kind').value === 'submit' ? 'submit' : 'initialize';
    void busy(() => sidebar.showPasted(kind, byId<HTMLTextAreaElement>('playground-json').value));
  });
  const params = new URL(window.location.href).searchParams;
  const ticketId = params.get('ticket');
  const fromTicket = ticketId ? await api.ticket(ticketId).catch(() => null) : null;
  const wanted = fromTicket?.conversationId ?? params.get('conversation');
  const first = overview.conversations.find((c) => c.id === wanted) ?? overview.conversations[0];
  if (first) await select(first.id);
  else await refreshPanels();
}

void busy(start).catch((error: unknown) => status(error instanceof Error ? error.message : 'The simulator could not start', true));
