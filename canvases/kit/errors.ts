/**
 * A canvas that breaks one of Intercom's rules is a bug in our code, not a teammate's mistake, so the kit
 * throws instead of sending something the Inbox may render blank. The HTTP layer catches this type and answers
 * with the error canvas, which is built to stay inside every rule itself.
 */
export type CanvasRule =
  | 'content_too_large'
  | 'stored_data_too_large'
  | 'duplicate_id'
  | 'primary_on_first_canvas'
  | 'first_canvas_too_tall'
  | 'empty_canvas'
  | 'option_count'
  | 'invalid_option'
  | 'invalid_url'
  | 'invalid_component';

export class CanvasRuleError extends Error {
  override readonly name = 'CanvasRuleError';

  constructor(
    readonly rule: CanvasRule,
    message: string,
  ) {
    super(`${rule}: ${message}`);
  }
}
