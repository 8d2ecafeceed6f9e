/**
 * Who a request from the embed is: the `intercom_user_jwt` the company's server signed with the workspace's Messenger
 * identity-verification secret (entered on the settings page, stored sealed with the token cipher). Verified with
 * jose: HS256 only (an `alg: none` or any other algorithm is refused before a key is used), `exp` required, a
 * `user_id` claim required; then the user is bound to the workspace's one Intercom contact with that external id.
 * Every refusal is the same null to the caller: the answer never tells which check failed.
 */
import { errors, jwtVerify } from 'jose';
import type { TokenCipher } from '../../security/token-cipher';
import { createExpiringCache } from '../../util/expiring-cache';
import type { AppServices } from '../app-services';

export type IdentityDeps = Pick<AppServices, 'store' | 'clock' | 'directory'> & { cipher: TokenCipher };

/** Tolerated clock difference between the company's server and ours. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** A JWT is a few hundred bytes; anything far larger is not one, and is not parsed. */
const MAX_TOKEN_CHARS = 4096;
/** user → contact lookups remembered (per workspace and user), so a page that polls does not search Intercom each time. */
const CONTACTS_REMEMBERED = 10_000;
const CONTACT_TTL_MS = 10 * 60_000;

export type VerifiedUser = { userId: string };

export async function verifyUserJwt(deps: IdentityDeps, workspaceId: string, token: string): Promise<VerifiedUser | null> {
  if (token.length === 0 || token.length > MAX_TOKEN_CHARS) return null;
  const identity = await deps.store.customerSide.getIdentity(workspaceId);
  if (!identity) return null;
  let secret: string;
  try {
    secret = deps.cipher.decrypt(identity.secret.ciphertext, workspaceId);
  } catch {
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      currentDate: new Date(deps.clock.now()),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const userId = payload['user_id'];
    return typeof userId === 'string' && userId.length > 0 && userId.length <= 255 ? { userId } : null;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

export interface ContactResolver {
  /** The workspace's one user contact with this external id, or null (none, several, or only a lead). */
  contactFor(workspaceId: string, userId: string): Promise<string | null>;
}

export function createContactResolver(deps: IdentityDeps): ContactResolver {
  // "No such contact" is remembered too (as ''), so polling with an unknown user does not search Intercom each time.
  const remembered = createExpiringCache<string, string>({ max: CONTACTS_REMEMBERED, ttlMs: CONTACT_TTL_MS, clock: deps.clock });
  return {
    async contactFor(workspaceId, userId) {
      const key = `${workspaceId}\u0000${userId}`;
      const known = remembered.get(key);
      if (known !== undefined) return known === '' ? null : known;
      const client = await deps.directory.clientFor(workspaceId);
      const found = (await client.contacts.findByExternalId(userId)).filter((contact) => contact.role === 'user');
      const contactId = found.length === 1 ? found[0]!.id : null;
      remembered.set(key, contactId ?? '');
      return contactId;
    },
  };
}
