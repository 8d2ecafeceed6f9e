/** Plain-text utilities for untrusted message content. */
export { decodeEntities } from './entities';
export { htmlToText } from './html';
export { maskSensitive, SECRET_MASK } from './mask';
export { EMAIL_MASK, maskEmails } from './emails';
export { CARD_MASK_PREFIX } from './cards';
export { safeUrl } from './sink';
export { ELLIPSIS, escapeHtml, oneLine, truncate, truncateBytes, utf8Length } from './format';
export { formatAbsolute, formatDuration, formatTime, isValidTimeZone } from './time-format';
