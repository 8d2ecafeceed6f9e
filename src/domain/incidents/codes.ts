/**
 * The error codes a customer quotes, normalised so that one failure written three ways meets itself:
 * "E_PAYMENT_502", "payment 502" and "HTTP 502 on checkout" all carry the status 502, and the code's own words
 * (PAYMENT) are read like the customer's words for the failing area.
 *
 * - `codes`: codes as written (upper-cased): E_PAYMENT_502, ERR-1234, GW-4410; one shared code groups on its own;
 * - `statuses`: HTTP-like statuses (4xx, 5xx) from a code's last part, or a number a code word stands beside
 *   ("error 503", "Fehler 504", "returns 500", "500 Internal Server Error"), never a bare number ("order 503");
 * - `parts`: the code's words (lower case, "payment", "rejected"), for the area lexicon.
 *
 * Customer messages only; at most `MAX_CODES` codes and statuses each.
 */
import type { AnalysedMessage } from '../triage/mentions';

export const MAX_CODES = 4;

/** E_PAYMENT_502, ERR-1234, AUTH_TIMEOUT, E1042: capitals with a digit or a joiner; not a plain shouted word. */
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$|^[A-Z]{1,5}-?\d{2,6}$/;
const STATUS = /^[45]\d\d$/;

/** Words that name a status when a number follows them: "error 503", "HTTP 502", "renvoie 503", "devuelve 500". */
const LEADS_BEFORE = new Set([
  'error',
  'http',
  'status',
  'code',
  'returns',
  'returned',
  'fehler',
  'liefert',
  'erreur',
  'renvoie',
  'repond',
  'erro',
  'codigo',
  'devuelve',
  'retorna',
]);
/** Words that name a status when they follow the number: "500 Internal Server Error", "504 Gateway Timeout". */
const LEADS_AFTER = new Set(['internal', 'bad', 'service', 'gateway', 'error', 'errors', 'errore', 'fehler', 'erreur']);

export interface QuotedCodes {
  codes: string[];
  statuses: string[];
  parts: string[];
}

export function quotedCodes(read: readonly AnalysedMessage[]): QuotedCodes {
  const codes = new Set<string>();
  const statuses = new Set<string>();
  const parts = new Set<string>();
  for (const message of read) {
    if (message.author !== 'customer') continue;
    for (const sentence of message.sentences) {
      const tokens = sentence.tokens;
      tokens.forEach((token, i) => {
        // The tokenizer splits on a hyphen ("ERR-1234" is "err", "1234"): a code is read across one.
        const next = tokens[i + 1];
        const hyphenated = next !== undefined && next.start === token.end + 1 && message.text[token.end] === '-';
        const joined = hyphenated ? message.text.slice(token.start, next.end) : '';
        const raw = hyphenated && CODE_SHAPE.test(joined) ? joined : message.text.slice(token.start, token.end);
        if (CODE_SHAPE.test(raw)) {
          if (codes.size >= MAX_CODES) return;
          codes.add(raw.toUpperCase());
          const words = raw.toLowerCase().split(/[_-]/);
          const last = words[words.length - 1]!;
          if (STATUS.test(last) && statuses.size < MAX_CODES) statuses.add(last);
          for (const word of words) if (/^[a-z]{3,}$/.test(word)) parts.add(word);
        } else if (STATUS.test(raw) && statuses.size < MAX_CODES) {
          const before = tokens[i - 1]?.word;
          const after = tokens[i + 1]?.word;
          if ((before !== undefined && LEADS_BEFORE.has(before)) || (after !== undefined && LEADS_AFTER.has(after))) {
            statuses.add(raw);
          }
        }
      });
    }
  }
  return { codes: [...codes], statuses: [...statuses], parts: [...parts] };
}
