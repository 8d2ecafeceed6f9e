/** The schema check itself: it must accept what Intercom allows and fail what it does not. */
import { assertValidCanvasResponse, canvasSchemaErrors, canvasSchemaErrorsUnpatched } from '../support/canvas-schema';

const canvasWith = (...components: unknown[]) => ({ canvas: { content: { components } } });

describe('canvas schema check', () => {
  it('accepts the smallest valid response of both kinds', () => {
    const body = canvasWith({ type: 'text', text: 'Hello' });
    expect(canvasSchemaErrors(body, 'initialize')).toEqual([]);
    expect(canvasSchemaErrors({ ...body, event: { type: 'completed' } }, 'submit')).toEqual([]);
  });

  it.each([
    ['a component type Canvas Kit does not have', canvasWith({ type: 'heading', text: 'x' })],
    ['a button without an action', canvasWith({ type: 'button', id: 'b', label: 'Go', style: 'secondary' })],
    ['a text style that does not exist', canvasWith({ type: 'text', text: 'x', style: 'bold' })],
    ['an option without text', canvasWith({ type: 'dropdown', id: 'd', options: [{ type: 'option', id: 'a' }] })],
    ['a data-table row without a value', canvasWith({ type: 'data-table', items: [{ type: 'field-value', field: 'x' }] })],
    ['an image without a size', canvasWith({ type: 'image', url: 'https://x.test/a.png' })],
    [
      'a sheet action on an image (url only)',
      canvasWith({ type: 'image', url: 'https://x', width: 1, height: 1, action: { type: 'sheet', url: 'https://x' } }),
    ],
    ['stored_data that is not an object', { canvas: { content: { components: [] }, stored_data: 'home' } }],
    ['no canvas at all', { content: { components: [] } }],
    ['a canvas without content', { canvas: { stored_data: {} } }],
  ])('rejects %s', (_name, body) => {
    expect(canvasSchemaErrors(body, 'submit').length).toBeGreaterThan(0);
    expect(() => assertValidCanvasResponse(body, 'initialize')).toThrow(/not a valid Canvas Kit initialize response/);
  });

  it('follows the spec on checkbox `option`: the tutorial spelling `options` fails it (canvas-kit.md §11.2)', () => {
    const base = { type: 'checkbox', id: 'c', label: 'Share' };
    const opts = [{ type: 'option', id: 'yes', text: 'Share' }];
    expect(canvasSchemaErrors(canvasWith({ ...base, option: opts }), 'submit')).toEqual([]);
    expect(canvasSchemaErrors(canvasWith({ ...base, options: opts }), 'submit').join('\n')).toMatch(/required property 'option'/);
  });

  describe('list items with an image (the one oneOf checked as anyOf)', () => {
    const withImage = canvasWith({
      type: 'list',
      items: [{ type: 'item', id: 'i', title: 'T', image: 'https://x.test/a.png', image_width: 24, image_height: 24 }],
    });

    it('are rejected by the published oneOf, because they match both item branches', () => {
      expect(canvasSchemaErrorsUnpatched(withImage, 'submit').join('\n')).toMatch(
        /must match exactly one schema in oneOf.*"passingSchemas":\[0,1\]/,
      );
    });

    it('are accepted by our check, which still rejects a malformed item', () => {
      expect(canvasSchemaErrors(withImage, 'submit')).toEqual([]);
      const noSize = canvasWith({ type: 'list', items: [{ type: 'item', id: 'i', title: 'T', image: 1 }] });
      expect(canvasSchemaErrors(noSize, 'submit').length).toBeGreaterThan(0);
    });

    it('change nothing for items without an image', () => {
      const plain = canvasWith({ type: 'list', items: [{ type: 'item', id: 'i', title: 'T' }] });
      expect(canvasSchemaErrorsUnpatched(plain, 'submit')).toEqual([]);
      expect(canvasSchemaErrors(plain, 'submit')).toEqual([]);
    });
  });
});
