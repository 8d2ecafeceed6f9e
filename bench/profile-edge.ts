/**
 * `npx tsx bench/profile-edge.ts [views]`: the CPU a fresh sidebar view spends at its edges, apart from the store:
 * taking the request in (signature, JSON, the Canvas Kit schema) and building the canvas and its bytes. Both are
 * pure CPU, so they are measured in-process with `process.cpuUsage` over many views, which stays comparable on a
 * loaded machine where the full benchmark's req/s does not. To compare two versions, run this from each tree in turn
 * (A, B, A, B) and read the µs per view.
 *
 * The requests are the benchmark's fresh initialize bodies (bench/scenarios/sidebar.ts: the demo conversation under
 * many ids); the canvas is a sidebar with two linked tickets, their clocks running, in a workspace zone with a
 * daylight-saving rule, and the Settings and Reports links, with `now` moving a second per view (the clocks' due times
 * stay put, as a ticket's do between views).
 */
import { sidebarCanvas } from '../canvases/sidebar';
import { canvasJson } from '../canvases/kit';
import type { SidebarVM } from '../canvases/view-models';
import { parseCanvasRequest } from '../src/http/canvas-request';
import { parseJson } from '../src/http/raw-body';
import { signBody, verifySignature } from '../src/http/signature';
import { initializeBody } from '../src/sandbox/canvas-kit-body';
import { startFakeIntercom } from '../src/sandbox/fake-intercom';
import { ManualClock } from '../src/util/clock';
import { clock, HOUR, NOW, sidebarVM, ticket } from '../test/canvases/factories';

const SECRET = 'profile-edge-secret';
const DISTINCT = 1_000;

function sidebarAt(now: number): SidebarVM {
  return sidebarVM({
    now,
    tz: { zone: 'Europe/Berlin', source: 'workspace' },
    settingsUrl: 'https://handoff.example/settings/login',
    reportsUrl: 'https://handoff.example/reports/login',
    tickets: [
      ticket({ clocks: [clock({ kind: 'response', dueAt: NOW + HOUR, remainingMs: HOUR }), clock({ dueAt: NOW + 5 * HOUR })] }),
      ticket({
        ticketId: '216',
        ticketNumber: '1043',
        title: 'Card declined at checkout for the annual plan',
        stateLabel: 'Waiting on customer',
        clocks: [clock({ status: 'paused', pausedSince: NOW - HOUR, pausedStateLabel: 'Waiting on customer' })],
      }),
    ],
  });
}

/** CPU µs per call of `step` over `count` calls, after `count / 4` unmeasured ones (the JIT's warm-up). */
function cpuPerCall(count: number, step: (i: number) => void): number {
  for (let i = 0; i < count / 4; i += 1) step(i);
  const before = process.cpuUsage();
  for (let i = 0; i < count; i += 1) step(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

async function main(): Promise<void> {
  const views = Number(process.argv[2] ?? 20_000);
  const fake = await startFakeIntercom({ clock: new ManualClock(NOW) });
  const demo = fake.seedDemoWorkspace();
  const base = initializeBody(fake, {
    workspaceId: demo.workspaceId,
    conversationId: demo.conversations.refund,
    adminId: demo.admins.agent,
  });
  await fake.close();
  const bodies = Array.from({ length: DISTINCT }, (_, i) => {
    const raw = Buffer.from(JSON.stringify({ ...base, conversation: { ...(base['conversation'] as object), id: String(5_000_000 + i) } }));
    return { raw, signature: signBody('canvas', raw, SECRET) };
  });
  let sink = 0;
  const request = cpuPerCall(views, (i) => {
    const { raw, signature } = bodies[i % DISTINCT]!;
    if (!verifySignature('canvas', raw, signature, [SECRET])) throw new Error('signature');
    const json = parseJson(raw);
    if (!json.ok) throw new Error('json');
    const parsed = parseCanvasRequest(json.value);
    if (!parsed.ok) throw new Error(parsed.problem);
    sink += parsed.request.conversationId.length;
  });
  const canvas = cpuPerCall(views, (i) => {
    sink += Buffer.from(canvasJson(sidebarCanvas(sidebarAt(NOW + i * 1_000)))).length;
  });
  console.log(
    `${views} views, ${bodies[0]!.raw.length}-byte bodies: request in ${request.toFixed(1)} µs, canvas out ${canvas.toFixed(1)} µs of CPU per view (${sink > 0 ? 'checked' : ''})`,
  );
}

void main();
