/** The escalate flow's dead ends, each with a way back: no person selected, no Back-office ticket type. */
import { errorCanvas } from '../../../canvases/error';
import type { CanvasResponse } from '../types';

export function selectPersonCanvas(): CanvasResponse {
  return errorCanvas({
    title: 'Select a person to escalate',
    message: 'A back-office ticket needs a customer. Select a person in the conversation details, then click Escalate again.',
    retryable: false,
  });
}

export function noTicketTypeCanvas(): CanvasResponse {
  return errorCanvas({
    title: 'No back-office ticket type yet',
    message: 'Ask an admin to create a Back-office ticket type in Intercom (Settings > Tickets), then try again.',
    retryable: false,
  });
}
