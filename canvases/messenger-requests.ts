/**
 * The Messenger's "Your requests" card (issue 20): a signed-in customer's open cases, each with the title written
 * for them, the state's customer-facing name and when it last changed; a case the team waits on offers a box to
 * add details. Everything shown comes from the customer-safe case view; every text goes through the escaping kit.
 * A visitor, a lead or a workspace that did not switch the card on gets one line and nothing else.
 */
import { CUSTOMER_WORDS, type CustomerCaseView, DETAILS_PROMPT } from '../src/domain/customer-updates/case-view';
import { formatAbsolute } from '../src/domain/text';
import type { Language } from '../src/domain/triage/language';
import { button, finalizeCanvas, submitAction, text, textarea } from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { trim } from './shared-blocks';

export type MessengerRequestsVM =
  | { kind: 'signed_out' | 'unavailable'; language: Language }
  | {
      kind: 'list';
      language: Language;
      zone: string;
      cases: readonly CustomerCaseView[];
      /** Fresh per render: the add-details submit is posted once per card, whatever is resubmitted. */
      nonce: string;
      /** After a submit: the case whose box shows an error (with what was typed), or the thanks line. */
      problem?: { caseId: string; message: string; value: string } | null;
      thanked?: boolean;
    };

export const ADD_DETAILS_PREFIX = 'add_details:';
export const DETAILS_INPUT_PREFIX = 'details:';

const TITLE_CHARS = 80;

export function messengerRequestsCanvas(vm: MessengerRequestsVM): CanvasResponse {
  const words = CUSTOMER_WORDS[vm.language];
  if (vm.kind !== 'list') {
    return finalizeCanvas([text(vm.kind === 'signed_out' ? words.signIn : words.unavailable, { style: 'muted' })], {}, { first: false });
  }
  const components: Component[] = [text(words.heading, { style: 'header' })];
  if (vm.thanked) components.push(text(words.thanks, { style: 'muted' }));
  if (vm.cases.length === 0) components.push(text(words.none, { style: 'muted' }));
  for (const item of vm.cases) components.push(...caseBlock(item, vm, words));
  return finalizeCanvas(components, { nonce: vm.nonce }, { first: false });
}

function caseBlock(
  item: CustomerCaseView,
  vm: Extract<MessengerRequestsVM, { kind: 'list' }>,
  words: (typeof CUSTOMER_WORDS)[Language],
): Component[] {
  const heading = trim(item.reference ? `${item.title} ${item.reference}` : item.title, TITLE_CHARS);
  const blocks: Component[] = [
    text(heading, { style: 'header', bottomMargin: 'none' }),
    text(`${item.stateName} · ${words.updated} ${formatAbsolute(item.changedAt, vm.zone)}`, { style: 'muted' }),
  ];
  if (!item.waitingOnCustomer) return blocks;
  const problem = vm.problem?.caseId === item.id ? vm.problem : null;
  blocks.push(
    text(problem ? problem.message : DETAILS_PROMPT[vm.language], problem ? { style: 'error' } : {}),
    textarea({ id: `${DETAILS_INPUT_PREFIX}${item.id}`, label: words.addDetails, value: problem?.value ?? '', error: problem !== null }),
    button({ id: `${ADD_DETAILS_PREFIX}${item.id}`, label: words.send, style: 'primary', action: submitAction() }),
  );
  return blocks;
}
