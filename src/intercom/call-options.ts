/** Per-call options every resource method accepts. */
export interface CallOptions {
  /**
   * Overrides the method's retry default. Reads and updates retry by default; creating a ticket and posting
   * replies or notes do not, because a retry after a lost answer could create a duplicate (see transport.ts).
   */
  retry?: boolean;
}

/** Ticket-update `admin_id` is the one integer id in a 2.16 request body; everything else stays a string. */
export function toIntegerId(id: string, field: string): number {
  if (!/^\d+$/.test(id)) throw new TypeError(`${field} must be a numeric Intercom id, got ${JSON.stringify(id)}`);
  return Number(id);
}

/** Drops undefined fields so request bodies carry only what the caller set. */
export function compact<T extends Record<string, unknown>>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}
