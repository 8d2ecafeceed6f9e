/**
 * The first canvas (initialize): what a teammate sees on opening a conversation. It must stay within 400 px
 * and carry no primary button (canvas-kit.md §10), so it shows what fits and links to the rest.
 */
import { encodeComponentId } from './component-ids';
import { formatAbsolute } from '../src/domain/text';
import {
  FIRST_CANVAS_MAX_HEIGHT_PX,
  button,
  estimateComponentHeight,
  estimateHeight,
  finalizeCanvas,
  submitAction,
  text,
  urlAction,
} from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { NO_TICKET_TEXT, QUEUED_TEXT, asOf, displayZone, linkButton, lines, navigation, trim } from './shared-blocks';
import { INCIDENT_BLOCK_SIZES, type IncidentBlockSize, incidentBlock, incidentHintBlock } from './incident-details';
import { encodeStoredData } from './stored-data';
import { clocksTicketBlock, compactTicketBlock, fullTicketBlock } from './ticket-card';
import type { SidebarVM, TicketCardVM, TimeZoneVM } from './view-models';

const HEADLINE_CHARS = 60;
const REASON_CHARS = 90;
const SOURCE_CHARS = 24;

/** The same on every sidebar: encoded (and checked) once. */
const HOME_STORED_DATA = encodeStoredData({ v: 1, flow: 'home' });

export function sidebarCanvas(vm: SidebarVM): CanvasResponse {
  return fitted(vm, 'full');
}

function fitted(vm: SidebarVM, incidentSize: IncidentBlockSize): CanvasResponse {
  const compose = (v: SidebarVM, offerIncidentLink: boolean) => composeWith(v, offerIncidentLink, incidentSize);
  const plain = compose({ ...vm, reportsUrl: null }, false);
  // The failure notice is the first thing to give up when nothing else can shrink enough.
  if (vm.failedEscalation && !plain.fits) return fitted({ ...vm, failedEscalation: null }, incidentSize);
  // Then the hint: the search form offers the same link.
  if (vm.incidentHint && !plain.fits) return fitted({ ...vm, incidentHint: null }, incidentSize);
  // Then the incident block shrinks (its title, then everything but its link): "Incident details" shows it in full.
  const smaller = INCIDENT_BLOCK_SIZES[INCIDENT_BLOCK_SIZES.indexOf(incidentSize) + 1];
  if (vm.incident && smaller && !plain.fits) return fitted(vm, smaller);
  // Last, the recommendation's close-call line, then the recommendation (the escalate form shows it in full).
  const rec = vm.recommendation;
  if (rec?.closeCall && !plain.fits) return fitted({ ...vm, recommendation: { ...rec, closeCall: null } }, incidentSize);
  if (rec && !plain.fits) return fitted({ ...vm, recommendation: null }, incidentSize);
  // The optional footer links (Reports; "Link to an incident" when there is neither an incident nor a hint, which
  // offer it themselves, as does the escalate form) join only when they cost nothing else on screen: the richest
  // footer beside which the plain body still fits. Only footers are built for that: a body is the first of its
  // choices that fits the room its footer leaves, and these footers are the plain one plus links, so one of them
  // keeps the plain body exactly when that body still fits beside it (and builds nothing else).
  // Each footer is built only if the richer ones before it did not fit (usually the first does).
  const offerIncidentLink = !(vm.incident || vm.incidentHint);
  const footers = [
    () => footerOf(vm, offerIncidentLink, incidentSize),
    () => footerOf(vm, false, incidentSize),
    () => footerOf({ ...vm, reportsUrl: null }, offerIncidentLink, incidentSize),
  ];
  const footer = (plain.fits && richestFitting(footers, plain.bodyPx)) || plain.footer;
  return finalizeCanvas([...plain.body, ...footer], HOME_STORED_DATA, { first: true });
}

/** The first footer that fits beside a body of `bodyPx`, building none after it; null when none does. */
function richestFitting(footers: readonly (() => Component[])[], bodyPx: number): Component[] | null {
  for (const build of footers) {
    const footer = build();
    if (estimateHeight(footer) + bodyPx <= FIRST_CANVAS_MAX_HEIGHT_PX) return footer;
  }
  return null;
}

interface Composed {
  body: Component[];
  /** The body's estimated height, measured once here for the footer choice too. */
  bodyPx: number;
  footer: Component[];
  fits: boolean;
}

function footerOf(vm: SidebarVM, offerIncidentLink: boolean, incidentSize: IncidentBlockSize): Component[] {
  return [...incidentSection(vm, incidentSize), asOf(vm.now, vm.tz), ...navigation(...footerLinks(vm, offerIncidentLink))];
}

function composeWith(vm: SidebarVM, offerIncidentLink: boolean, incidentSize: IncidentBlockSize): Composed {
  const footer = footerOf(vm, offerIncidentLink, incidentSize);
  const footerPx = estimateHeight(footer);
  const body = vm.tickets.length > 0 ? fitTickets(vm, footerPx) : escalateBody(vm, footerPx);
  const bodyPx = estimateHeight(body);
  return { body, bodyPx, footer, fits: footerPx + bodyPx <= FIRST_CANVAS_MAX_HEIGHT_PX };
}

/** The conversation's incident, or else the hint that others report the same problem. */
function incidentSection(vm: SidebarVM, size: IncidentBlockSize): Component[] {
  if (vm.incident) return incidentBlock(vm.incident, size);
  return vm.incidentHint ? incidentHintBlock(vm.incidentHint) : [];
}

/**
 * The footer's fixed links, built once: components are frozen, so every canvas can hold the same objects (a view
 * builds two or three footers).
 */
const REFRESH = linkButton('Refresh', 'refresh');
const LINK_INCIDENT = linkButton('Link to an incident', 'incident_open');
const newEscalation = (disabled: boolean) =>
  button({
    id: encodeComponentId('escalate_open'),
    label: 'New escalation',
    style: 'link',
    action: submitAction(),
    disabled: disabled || undefined,
  });
const NEW_ESCALATION = { enabled: newEscalation(false), disabled: newEscalation(true) };

function footerLinks(vm: SidebarVM, offerIncidentLink: boolean) {
  const refresh = offerIncidentLink ? [LINK_INCIDENT, REFRESH] : [REFRESH];
  // With a ticket linked the Escalate button is gone; a second escalation stays one link away.
  const again = vm.tickets.length > 0 ? [vm.contactMissing ? NEW_ESCALATION.disabled : NEW_ESCALATION.enabled] : [];
  const reports = vm.reportsUrl ? [button({ id: 'open_reports', label: 'Reports', style: 'link', action: urlAction(vm.reportsUrl) })] : [];
  const settings = vm.settingsUrl
    ? [button({ id: 'open_settings', label: 'Settings', style: 'link', action: urlAction(vm.settingsUrl) })]
    : [];
  return [...again, ...refresh, ...reports, ...settings];
}

/** An escalation Intercom refused in the background: the teammate who asked for it may not have seen why. */
function failedBlock(vm: SidebarVM): Component[] {
  return vm.failedEscalation ? [text(`Escalation failed: ${trim(vm.failedEscalation.message, 90)}`, { style: 'error' })] : [];
}

/** Only the first queued escalation (in the order given) is spelled out; the rest are counted, so the block stays short. */
function pendingBlock(vm: SidebarVM): Component[] {
  const [first, ...rest] = vm.pending;
  if (!first) return [];
  const since = formatAbsolute(first.createdAt, displayZone(vm.tz).zone);
  return lines([
    { text: QUEUED_TEXT },
    { text: `${trim(first.message, 48)} · queued ${since}`, style: 'muted' },
    ...(rest.length > 0 ? [{ text: `+${rest.length} more queued`, style: 'muted' as const }] : []),
  ]);
}

/** The largest k in [0, n] whose components fit beside `fixedPx`; k = 0 is the fallback even if it does not. */
function largestFitting(n: number, build: (k: number) => Component[], fixedPx: number): Component[] {
  for (let k = n; k > 0; k--) {
    const candidate = build(k);
    if (fixedPx + estimateHeight(candidate) <= FIRST_CANVAS_MAX_HEIGHT_PX) return candidate;
  }
  return build(0);
}

function showAll(count: number): Component {
  const label = count === 1 ? 'Show the linked ticket' : `Show all ${count} tickets`;
  return button({ id: encodeComponentId('tickets_all'), label, style: 'link', action: submitAction() });
}

/**
 * Full blocks for as many tickets as fit (in the order given: flows put the most urgent first); failing that,
 * blocks without the Open button (all clocks still shown); failing that, compact ones; failing that, only
 * "Show all". Queued escalations stay visible below the tickets.
 */
function fitTickets(vm: SidebarVM, footerPx: number): Component[] {
  const n = vm.tickets.length;
  const pending = [...pendingBlock(vm), ...failedBlock(vm)];
  const room = FIRST_CANVAS_MAX_HEIGHT_PX - footerPx - estimateHeight(pending);
  for (const block of [fullTicketBlock, clocksTicketBlock, compactTicketBlock]) {
    const fitted = leadingBlocks(vm, block, room);
    if (fitted.length > 0) return [...fitted, ...pending];
  }
  return [showAll(n), ...pending];
}

/**
 * The first k tickets' blocks for the largest k that fits `room` ("Show all" below them when k < n); none when
 * not even one does. Each block is built and measured once, in order, and only while one more could still fit:
 * blocks are at least a line tall, so once k blocks overflow, more never fit (a view of many tickets built all of
 * them in every form, and measured the first ones once per candidate count).
 */
function leadingBlocks(vm: SidebarVM, block: (t: TicketCardVM, tz: TimeZoneVM) => Component[], room: number): Component[] {
  const n = vm.tickets.length;
  const more = showAll(n);
  const morePx = estimateComponentHeight(more);
  const built: Component[][] = [];
  let px = 0;
  let fitting = 0;
  for (const ticket of vm.tickets) {
    const next = block(ticket, vm.tz);
    px += estimateHeight(next);
    built.push(next);
    const all = built.length === n;
    if (px + (all ? 0 : morePx) <= room) fitting = built.length;
    // Past the room even without "Show all": no larger k can fit.
    if (px > room) break;
  }
  if (fitting === 0) return [];
  return [...built.slice(0, fitting).flat(), ...(fitting < n ? [more] : [])];
}

/**
 * No ticket yet: the recommendation (headline, then as many reasons as fit, then the close-call line), and
 * Escalate and "Add to an existing case", always: the recommendation informs the teammate and never blocks them.
 */
function escalateBody(vm: SidebarVM, fixedPx: number): Component[] {
  const escalate = button({
    id: encodeComponentId('escalate_open'),
    label: 'Escalate',
    style: 'secondary', // the first canvas may carry no primary button (canvas-kit.md §10)
    action: submitAction(),
    // A ticket needs a contact; the muted line above says how to get one.
    disabled: vm.contactMissing || undefined,
  });
  const intro = [
    ...failedBlock(vm),
    ...(vm.contactMissing ? [text('Select a person in the conversation details to escalate.', { style: 'muted' })] : []),
    ...(vm.pending.length === 0 ? [text(NO_TICKET_TEXT, { style: 'muted' })] : pendingBlock(vm)),
  ];
  const n = vm.recommendation?.reasons.length ?? 0;
  const build = (k: number): Component[] => [...intro, ...recommendationLines(vm, k), escalate];
  const plain = largestFitting(n, build, fixedPx);
  // The other way out: the same case may already have a ticket, opened from another conversation (issue 19). It
  // needs the person (the note carries this conversation's summary), and joins when it fits beside the same body.
  if (vm.contactMissing) return plain;
  const withCase = [
    ...plain,
    button({ id: encodeComponentId('case_open'), label: 'Add to an existing case', style: 'link', action: submitAction() }),
  ];
  return fixedPx + estimateHeight(withCase) <= FIRST_CANVAS_MAX_HEIGHT_PX ? withCase : plain;
}

/** The headline, the first `k` reasons ("… — customer, 10:32") and the close-call line. */
function recommendationLines(vm: SidebarVM, k: number): Component[] {
  const rec = vm.recommendation;
  if (!rec) return [];
  const reasons = rec.reasons.slice(0, k).map((r) => ({ text: `• ${trim(r.text, REASON_CHARS)} — ${trim(r.source, SOURCE_CHARS)}` }));
  const close = rec.closeCall ? [{ text: trim(rec.closeCall, REASON_CHARS), style: 'muted' as const }] : [];
  return lines([{ text: trim(rec.headline, HEADLINE_CHARS), style: rec.kind === 'unjudged' ? 'muted' : 'header' }, ...reasons, ...close]);
}
