/**
 * Payment card numbers typed into a chat. A digit run is only masked when it has a card's length for its issuer
 * prefix *and* passes the Luhn check, so order numbers, phone numbers and millisecond timestamps stay readable.
 */

export const CARD_MASK_PREFIX = '•••• •••• •••• ';

/** Digits with at most one space or dash between them; each repetition consumes a digit, so the scan is linear. */
const DIGIT_RUN = /\d(?:[ -]?\d)+/g;
/**
 * A run holding 13 digits, the fewest a card has. Text without one is returned as it is without the replace, which
 * would call back for every number in it (dates, order numbers) only to put each back unchanged.
 */
const CARD_LENGTH_RUN = /\d(?:[ -]?\d){12}/;
const SEPARATOR = /[ -]/;

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes (IIN ranges) and the lengths each network issues; anything else is not treated as a card. */
function plausibleCard(d: string): boolean {
  const len = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === '4') return len === 13 || len === 16 || len === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // Amex
  if (p2 === 35) return len >= 16; // JCB
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return len >= 14; // Diners
  if (d[0] === '6') return len >= 16; // Discover, UnionPay, Maestro 6x
  if (p2 === 50 || (p2 >= 56 && p2 <= 58)) return len >= 13; // Maestro
  return false;
}

/** Every issuer prefix above starts with one of these: a window starting with any other digit is never a card. */
const CARD_FIRST_DIGITS = new Set(['2', '3', '4', '5', '6']);

function isCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && plausibleCard(digits) && luhnValid(digits);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z_]/.test(ch);
}

interface RunContext {
  /** The run directly follows our own mask, so its first group is the kept last four digits. */
  followsMask: boolean;
  /** The first/last group is glued to a letter: part of an identifier (`order_4242…`, `…0A`), never a card. */
  gluedStart: boolean;
  gluedEnd: boolean;
}

/**
 * Masks the card numbers inside one run of digit groups. Scanning left to right, the longest valid window of whole
 * groups starting at each group wins. Skipping the kept last four after our own mask makes masking idempotent.
 */
function maskRun(run: string, context: RunContext): string {
  const groups: string[] = [];
  const seps: string[] = [];
  let start = 0;
  for (let i = 0; i < run.length; i++) {
    if (SEPARATOR.test(run[i] as string)) {
      groups.push(run.slice(start, i));
      seps.push(run[i] as string);
      start = i + 1;
    }
  }
  groups.push(run.slice(start));
  const first = context.gluedStart || (context.followsMask && groups[0]?.length === 4) ? 1 : 0;
  const last = context.gluedEnd ? groups.length - 2 : groups.length - 1;
  let out = '';
  for (let g = 0; g < first && g < groups.length; g++) out += groups[g] + (seps[g] ?? '');
  let g = first;
  while (g < groups.length) {
    let best = -1;
    let digits = '';
    // Skipping impossible starts keeps a 100 KB run of `0-0-0-…` from trying 19 windows at every group.
    const possible = CARD_FIRST_DIGITS.has((groups[g] as string)[0] as string);
    for (let end = g; possible && end <= last && digits.length + (groups[end] as string).length <= 19; end++) {
      digits += groups[end];
      if (isCard(digits)) best = end;
    }
    if (best === -1) {
      out += groups[g] + (seps[g] ?? '');
      g++;
      continue;
    }
    const card = groups.slice(g, best + 1).join('');
    out += CARD_MASK_PREFIX + card.slice(-4) + (seps[best] ?? '');
    g = best + 1;
  }
  return out;
}

/** Replaces card-number-like strings with `•••• •••• •••• 1234`. */
export function maskCards(text: string): string {
  if (!CARD_LENGTH_RUN.test(text)) return text;
  return text.replace(DIGIT_RUN, (run: string, offset: number) => {
    if (run.length < 13) return run; // too short to hold 13 digits: the common case, skipped cheaply
    return maskRun(run, {
      followsMask: text.endsWith(CARD_MASK_PREFIX, offset),
      gluedStart: isWordChar(text[offset - 1]),
      gluedEnd: isWordChar(text[offset + run.length]),
    });
  });
}
