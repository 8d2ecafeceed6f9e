/**
 * "Diagnostics already collected": facts the back-office team would otherwise ask for again, pulled from every
 * message of the conversation. All patterns are precompiled with bounded or unambiguous repetition so scanning a
 * 500-part conversation stays linear; each category is de-duplicated and capped.
 */
import type { ContactView, ConversationView } from '../conversation';
import { maskSensitive, oneLine, truncate } from '../text';

export interface Diagnostics {
  urls: string[];
  errors: string[];
  references: string[];
  environment: string[];
  attachments: string[];
}

export const DIAGNOSTIC_CAP = 8;
const ITEM_MAX = 160;

const URL = /\bhttps?:\/\/[^\s<>"'`)\]]+/gi;
/** UPPER_SNAKE codes are kept when they name a failure (ERR_CONNECTION_RESET, PAYMENT_DECLINED …). */
const SNAKE_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const FAILURE_WORD =
  /ERR|FAIL|DENIED|DECLINED|INVALID|TIMEOUT|TIMED_OUT|EXPIRED|REJECT|NOT_FOUND|FORBIDDEN|UNAUTHORI|EXCEEDED|REFUSED|RESET/;
const ERRNO = /\bE(?:CONNRESET|CONNREFUSED|TIMEDOUT|NOTFOUND|ADDRINUSE|PIPE|ACCES|HOSTUNREACH)\b/g;
const HTTP_STATUS = /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|error(?: code)?)[ \t:]{0,3}([45]\d\d)\b/gi;
const HTTP_REASON =
  /\b([45]\d\d) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out|Not Found|Forbidden|Unauthorized|Bad Request|Too Many Requests|Conflict|Unprocessable Entity)\b/gi;
const ERROR_MESSAGE = /\b(?:[A-Z][A-Za-z]{0,40})?(?:Error|Exception|Fehler)\b:[ \t]{0,3}[^\n]{3,160}/g;
const PREFIXED_ID = /\b[A-Z]{2,6}-\d{3,}(?:-\d+)*\b/g;
const HASH_ID = /(?<![\w&])#\d{3,}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LABELLED_ID =
  /\b(order|invoice|ticket|case|reference|ref|account|transaction|bestellung|rechnung|auftrag)(?:[ \t]{0,3}(?:number|no\.?|nr\.?|id|#))?[ \t]{0,3}[:#]?[ \t]{0,3}(\d{4,})\b|(注文番号|請求書番号)[ \t]{0,3}[:：]?[ \t]{0,3}(\d{4,})/gi;
const BROWSER = /\b(Chrome|Firefox|Safari|Edge|Opera|Brave|Vivaldi)[ /]v?(\d+(?:\.\d+){0,3})/gi;
const OS =
  /\b(?:Windows(?: (?:11|10|8\.1|8|7|NT \d+\.\d+))?|macOS(?: \d+(?:\.\d+){0,2})?|Mac OS X(?: \d+(?:[._]\d+){0,2})?|iPadOS(?: \d+(?:\.\d+){0,2})?|iOS(?: \d+(?:\.\d+){0,2})?|Android(?: \d+(?:\.\d+){0,2})?|Ubuntu(?: \d+\.\d+)?|ChromeOS)\b/g;
const APP_VERSION = /\b(?:app version|version|ver\.|build|release)[ \t]{0,3}v?(\d+\.\d+(?:\.\d+){0,2})\b|\bv(\d+\.\d+\.\d+)\b/gi;

const SENTENCE_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?']);

/**
 * A URL without the sentence punctuation glued to its end. A backwards scan: `replace(/[.,;:!?]+$/, '')` retries
 * from every mark of a long run that does not end the URL, which is quadratic in what a customer typed.
 */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && SENTENCE_PUNCTUATION.has(url[end - 1]!)) end -= 1;
  return url.slice(0, end);
}

/** Collects unique values (case-insensitive) up to the cap, in order of first appearance. */
class Bucket {
  readonly items: string[] = [];
  private readonly seen = new Set<string>();

  get full(): boolean {
    return this.items.length >= DIAGNOSTIC_CAP;
  }

  add(raw: string): void {
    // De-duplicate on the raw value first: the same error repeated 200 times must cost one masking, not 200.
    const key = raw.toLowerCase().replace(/\/$/, '');
    if (this.full || this.seen.has(key)) return;
    this.seen.add(key);
    const value = truncate(maskSensitive(oneLine(raw)), ITEM_MAX);
    if (value) this.items.push(value);
  }

  collect(pattern: RegExp, text: string, pick: (m: RegExpMatchArray) => string | null = (m) => m[0]): void {
    for (const match of text.matchAll(pattern)) {
      if (this.full) return;
      const value = pick(match);
      if (value) this.add(value);
    }
  }
}

/** Extracts diagnostics from every message (not system events) plus what Intercom knows about the contact. */
export function extractDiagnostics(conversation: ConversationView, contact: ContactView | null): Diagnostics {
  const texts: string[] = [];
  const attachments = new Bucket();
  for (const part of conversation.parts) {
    if (part.authorType === 'system') continue;
    if (part.text) texts.push(part.text);
    for (const file of part.attachments) attachments.add(`${file.name}: ${file.url}`);
  }
  const text = texts.join('\n');

  const urls = new Bucket();
  urls.collect(URL, text, (m) => withoutTrailingPunctuation(m[0]));

  const errors = new Bucket();
  errors.collect(SNAKE_CODE, text, (m) => (FAILURE_WORD.test(m[0]) ? m[0] : null));
  errors.collect(ERRNO, text);
  errors.collect(HTTP_REASON, text, (m) => `HTTP ${m[1]} ${m[2]}`);
  // "HTTP 502 Bad Gateway" matches both patterns; keep the longer form only.
  errors.collect(HTTP_STATUS, text, (m) => (errors.items.some((e) => e.startsWith(`HTTP ${m[1]}`)) ? null : `HTTP ${m[1]}`));
  errors.collect(ERROR_MESSAGE, text);

  const references = new Bucket();
  references.collect(PREFIXED_ID, text);
  references.collect(HASH_ID, text);
  references.collect(LABELLED_ID, text, (m) => {
    const [label, number] = m[2] ? [m[1], m[2]] : [m[3], m[4]];
    // "Order #48213" was already listed as "#48213"; the same number twice is noise.
    return references.items.some((item) => item.includes(number as string)) ? null : `${label} ${number}`;
  });
  references.collect(UUID, text);

  const environment = new Bucket();
  if (contact?.browser) environment.add(`Browser (Intercom): ${contact.browser}`);
  if (contact?.os) environment.add(`OS (Intercom): ${contact.os}`);
  environment.collect(BROWSER, text, (m) => `${m[1]} ${m[2]}`);
  environment.collect(OS, text);
  environment.collect(APP_VERSION, text, (m) => `App version ${m[1] ?? m[2]}`);

  return {
    urls: urls.items,
    errors: errors.items,
    references: references.items,
    environment: environment.items,
    attachments: attachments.items,
  };
}

const LABELS: readonly [keyof Diagnostics, string][] = [
  ['urls', 'URLs'],
  ['errors', 'Errors'],
  ['references', 'References'],
  ['environment', 'Environment'],
  ['attachments', 'Attachments'],
];

export function formatDiagnostics(diagnostics: Diagnostics): string {
  const lines: string[] = [];
  for (const [key, label] of LABELS) {
    if (diagnostics[key].length === 0) continue;
    lines.push(`${label}:`, ...diagnostics[key].map((item) => `- ${item}`));
  }
  return lines.length > 0 ? lines.join('\n') : 'Nothing collected in the conversation yet.';
}
