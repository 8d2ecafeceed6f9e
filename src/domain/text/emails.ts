/**
 * Masks email addresses, for text that leaves the app for a third party (the optional AI provider). The summary
 * and notes keep emails (the back office needs the contact's address); a model judging the case does not.
 * A hand-written scan, not a regex: from each `@` it reads left over local-part characters and right over
 * domain characters, and neither run can cross another `@`, so every character is read a bounded number of times.
 */
export const EMAIL_MASK = '[email]';

const DOT = 46;

function isLocalChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === DOT ||
    code === 95 || // _
    code === 45 || // -
    code === 43 || // +
    code === 37 // %
  );
}

function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === DOT || code === 45;
}

/** `text` with every `local@domain.tld` replaced by EMAIL_MASK; text without `@` is returned as it is. */
export function maskEmails(text: string): string {
  if (!text.includes('@')) return text;
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && isLocalChar(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && isDomainChar(text.charCodeAt(end))) end += 1;
    // A trailing dot ends the sentence, not the domain.
    while (end > at + 1 && text.charCodeAt(end - 1) === DOT) end -= 1;
    const domain = text.slice(at + 1, end);
    if (start === at || !domain.includes('.') || domain.startsWith('.')) continue;
    out += text.slice(copied, start) + EMAIL_MASK;
    copied = end;
    at = end - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
