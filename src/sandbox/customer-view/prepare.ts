/**
 * Sets the sandbox up for its customer view: the customer's side switched on in the demo settings (Messenger card,
 * embed for the sandbox's own origin, automatic updates for every queue), a Messenger identity-verification secret made for
 * this run and stored sealed like a real one, and one demo customer given an external user id, as a company's
 * product would have. The page then signs that customer's `intercom_user_jwt` as the company's server would.
 */
import { randomBytes } from 'node:crypto';
import { QUEUE_KEYS } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import { createMessengerSecrets } from '../../services/customer-cases/messenger-secret';
import type { FakeIntercom } from '../fake-intercom';
import type { Application } from '../../wiring';
import type { SandboxDemo } from '../demo-data';

export interface CustomerView {
  /** The identity-verification secret of this run (the sandbox plays the company's server with it). */
  secret: string;
  /** The demo customer's id in the company's product (`user_id` in the JWT) and in Intercom. */
  userId: string;
  contactId: string;
  /** The conversation that customer started. */
  conversationId: string;
}

export const DEMO_USER_ID = 'acme-user-1001';

/** The demo's customer side: everything on, the embed allowed on the sandbox's own origin. */
export function withCustomerSide(settings: WorkspaceSettings, origin: string): WorkspaceSettings {
  return {
    ...settings,
    customer: { ...settings.customer, messenger: 'on', embedOrigins: [origin], updateQueues: [...QUEUE_KEYS] },
  };
}

export async function prepareCustomerView(
  application: Application,
  fake: FakeIntercom,
  demo: SandboxDemo,
  now: number,
): Promise<CustomerView> {
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const conversationId = Object.values(demo.conversations)[0]!;
  const contactId = workspace.conversations.get(conversationId)!.contactIds[0]!;
  const contact = workspace.contacts.get(contactId)!;
  contact.externalId = DEMO_USER_ID;
  contact.role = 'user';
  const secret = randomBytes(24).toString('base64url');
  const secrets = createMessengerSecrets({ store: application.store, cipher: application.cipher, now: () => now });
  await secrets.save(demo.workspaceId, demo.admins.manager, { secret });
  return { secret, userId: DEMO_USER_ID, contactId, conversationId };
}
