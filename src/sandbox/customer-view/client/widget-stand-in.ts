/**
 * A stand-in for Intercom's Messenger widget script, for the sandbox's customer view (no Intercom host is reachable
 * here). It speaks the command interface the SDK drives: the SDK's loader queues commands in `window.Intercom.q`
 * until the widget script loads; the widget then replays them and becomes `window.Intercom` itself. Supported:
 * boot, update, show, hide, shutdown, showConversation, showTicket, showMessages; others are recorded and ignored.
 * What it "opens" it draws in a small panel, with only what a customer would see in the real Messenger: the
 * conversation's public replies (no internal notes) and the "Your requests" card.
 */

type Args = unknown[];
interface Queued {
  q?: IArguments[];
}

interface PublicPart {
  author: 'you' | 'team';
  text: string;
}

const commands: string[] = [];
let settings: Record<string, unknown> = {};

function panel(): HTMLElement {
  let root = document.getElementById('messenger-stand-in');
  if (!root) {
    root = document.createElement('aside');
    root.id = 'messenger-stand-in';
    root.dataset['testid'] = 'messenger';
    root.hidden = true;
    document.body.append(root);
  }
  return root;
}

function draw(title: string, lines: readonly PublicPart[] | readonly string[]): void {
  const root = panel();
  const heading = document.createElement('h2');
  heading.textContent = title;
  const list = document.createElement('ol');
  for (const line of lines) {
    const item = document.createElement('li');
    if (typeof line === 'string') item.textContent = line;
    else {
      item.className = `part part--${line.author}`;
      item.textContent = `${line.author === 'you' ? 'You' : 'Team'}: ${line.text}`;
    }
    list.append(item);
  }
  root.replaceChildren(heading, list);
  root.hidden = false;
  root.dataset['open'] = title;
}

async function showConversation(id: string): Promise<void> {
  const res = await fetch(`/sandbox/customer/conversations/${encodeURIComponent(id)}`);
  const body = res.ok ? ((await res.json()) as { parts: PublicPart[] }) : { parts: [] };
  draw(`Conversation ${id}`, body.parts);
}

async function showCard(): Promise<void> {
  const res = await fetch('/sandbox/customer/card');
  const body = res.ok ? ((await res.json()) as { lines: string[] }) : { lines: ['The card could not be loaded.'] };
  draw('Your requests', body.lines);
}

function run(command: string, args: Args): unknown {
  commands.push(command);
  document.body.dataset['messengerCommands'] = commands.join(' ');
  switch (command) {
    case 'boot':
      settings = { ...settings, ...((args[0] as Record<string, unknown>) ?? {}) };
      document.body.dataset['messengerBooted'] = settings['intercom_user_jwt'] ? 'verified' : 'anonymous';
      return undefined;
    case 'update':
      settings = { ...settings, ...((args[0] as Record<string, unknown>) ?? {}) };
      return undefined;
    case 'shutdown':
      document.body.dataset['messengerBooted'] = 'no';
      panel().hidden = true;
      return undefined;
    case 'hide':
      panel().hidden = true;
      return undefined;
    case 'show':
    case 'showMessages':
      void showCard();
      return undefined;
    case 'showConversation':
      void showConversation(String(args[0]));
      return undefined;
    case 'showTicket':
      draw(`Ticket ${String(args[0])}`, ['A shared ticket opens here in the real Messenger.']);
      return undefined;
    default:
      return undefined;
  }
}

const intercom = (command: string, ...args: Args) => run(command, args);
const queued = (window as unknown as { Intercom?: Queued }).Intercom?.q ?? [];
(window as unknown as { Intercom: typeof intercom }).Intercom = intercom;
// The real widget boots itself from the settings the SDK wrote, then replays what was queued before it loaded.
run('boot', [(window as unknown as { intercomSettings?: Record<string, unknown> }).intercomSettings ?? {}]);
for (const entry of queued) {
  const [command, ...rest] = Array.from(entry) as [string, ...Args];
  run(command, rest);
}
