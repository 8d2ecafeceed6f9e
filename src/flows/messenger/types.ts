/** A Messenger Canvas Kit request, reduced to what the "Your requests" card reads (parsed in src/http/messenger-request.ts). */
export interface MessengerRequest {
  workspaceId: string;
  /** The end user the signed request names (`user`, else `contact`); null when it names nobody. */
  contact: { id: string; role: string | null } | null;
  /** `context.locale`, e.g. `de` or `pt-BR`. */
  locale: string | null;
  /** Submit only. */
  componentId: string | null;
  inputValues: Readonly<Record<string, unknown>>;
  /** The nonce the card was rendered with (`current_canvas.stored_data.nonce`). */
  nonce: string | null;
}
