import { signBody, verifySignature } from '../../src/http/signature';

// Golden vectors computed independently with `openssl dgst -sha256|-sha1 -hmac golden-secret`.
const CANVAS_BODY = '{"workspace_id":"abc123","conversation":{"id":"1295"}}';
const CANVAS_SIG = '83c3212a59adb11b28baf0dbfa9a8fac92c8db40aadbe018cd6963c7c994172f';
const WEBHOOK_BODY = '{"type":"notification_event","id":"notif_1"}';
const WEBHOOK_SIG = 'sha1=0a0b269cc8414d44227521d5c9f47bd369470c76';

describe('request signatures', () => {
  it('matches the golden vectors', () => {
    expect(signBody('canvas', CANVAS_BODY, 'golden-secret')).toBe(CANVAS_SIG);
    expect(signBody('webhook', WEBHOOK_BODY, 'golden-secret')).toBe(WEBHOOK_SIG);
    expect(verifySignature('canvas', Buffer.from(CANVAS_BODY), CANVAS_SIG, ['golden-secret'])).toBe(true);
    expect(verifySignature('webhook', Buffer.from(WEBHOOK_BODY), WEBHOOK_SIG, ['golden-secret'])).toBe(true);
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    expect(verifySignature('canvas', Buffer.from(CANVAS_BODY), ` ${CANVAS_SIG.toUpperCase()} `, ['golden-secret'])).toBe(true);
  });

  it('accepts any secret in the rotation list, in any position', () => {
    const raw = Buffer.from(CANVAS_BODY);
    expect(verifySignature('canvas', raw, CANVAS_SIG, ['new-secret', 'golden-secret'])).toBe(true);
    expect(verifySignature('canvas', raw, CANVAS_SIG, ['golden-secret', 'new-secret'])).toBe(true);
    expect(verifySignature('canvas', raw, CANVAS_SIG, ['new-secret'])).toBe(false);
    expect(verifySignature('canvas', raw, CANVAS_SIG, [])).toBe(false);
    expect(verifySignature('canvas', raw, CANVAS_SIG, [''])).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', CANVAS_SIG.slice(0, 63)],
    ['not hex', 'z'.repeat(64)],
    ['sha1 length', CANVAS_SIG.slice(0, 40)],
    ['one bit off', CANVAS_SIG.slice(0, 63) + (CANVAS_SIG.endsWith('f') ? 'e' : 'f')],
    ['array', [CANVAS_SIG]],
  ])('rejects a %s canvas signature', (_name, header) => {
    expect(verifySignature('canvas', Buffer.from(CANVAS_BODY), header, ['golden-secret'])).toBe(false);
  });

  it('rejects a body changed after signing', () => {
    expect(verifySignature('canvas', Buffer.from(CANVAS_BODY + ' '), CANVAS_SIG, ['golden-secret'])).toBe(false);
  });

  it('keeps the two schemes apart', () => {
    const raw = Buffer.from(WEBHOOK_BODY);
    expect(verifySignature('webhook', raw, WEBHOOK_SIG.slice(5), ['golden-secret'])).toBe(false);
    expect(verifySignature('canvas', raw, WEBHOOK_SIG, ['golden-secret'])).toBe(false);
    expect(verifySignature('webhook', raw, signBody('canvas', raw, 'golden-secret'), ['golden-secret'])).toBe(false);
  });
});
