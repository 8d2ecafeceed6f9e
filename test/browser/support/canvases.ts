/**
 * Canvases for the renderer tests, written by hand from the Canvas Kit reference rather than by the app's
 * builders: the simulator must draw any canvas, not only the ones this app makes.
 */

/** All twelve component types, with their styles, `disabled`, `save_state` and the three action types. */
export const everyComponent = {
  canvas: {
    content: {
      components: [
        { type: 'text', id: 'title', text: 'Order **#4411** · [status page](https://status.example.com)', style: 'header' },
        { type: 'text', text: 'Muted and centred', style: 'muted', align: 'center', bottom_margin: 'none' },
        { type: 'text', text: 'Something failed', style: 'error', align: 'right' },
        { type: 'image', url: 'https://cdn.example.com/logo.png', width: 120, height: 40, align: 'center', rounded: true },
        { type: 'spacer', size: 'm' },
        { type: 'divider', bottom_margin: 'none' },
        {
          type: 'data-table',
          items: [
            { type: 'field-value', field: 'Plan', value: 'Enterprise' },
            { type: 'field-value', field: 'Renewal', value: 'Dec 14, 2026 — a long value the Inbox truncates to one line' },
          ],
        },
        { type: 'input', id: 'order_id', label: 'Order id', placeholder: 'e.g. 4411', action: { type: 'submit' } },
        { type: 'input', id: 'email_ok', label: 'Confirmed', value: 'done', save_state: 'saved' },
        { type: 'input', id: 'bad', label: 'Bad value', value: 'x', save_state: 'failed' },
        { type: 'textarea', id: 'why', label: 'Why', placeholder: 'Tell us', error: true },
        {
          type: 'dropdown',
          id: 'team',
          label: 'Team',
          value: 'billing',
          options: [
            { type: 'option', id: 'billing', text: 'Billing' },
            { type: 'option', id: 'tech', text: 'Technical' },
            { type: 'option', id: 'legal', text: 'Legal', disabled: true },
          ],
        },
        {
          type: 'single-select',
          id: 'prio',
          label: 'Priority',
          value: 'p2',
          options: [
            { type: 'option', id: 'p1', text: 'P1' },
            { type: 'option', id: 'p2', text: 'P2' },
            { type: 'option', id: 'p3', text: 'P3' },
          ],
        },
        {
          type: 'checkbox',
          id: 'notify',
          label: 'Notify',
          value: ['lead'],
          option: [
            { type: 'option', id: 'lead', text: 'Team lead' },
            { type: 'option', id: 'mgr', text: 'Manager' },
          ],
        },
        { type: 'checkbox', id: 'share', label: 'Share', options: [{ type: 'option', id: 'yes', text: 'Share with customer' }] },
        {
          type: 'list',
          items: [
            {
              type: 'item',
              id: 'doc_1',
              title: 'Refund policy',
              subtitle: 'Help center',
              tertiary_text: 'Updated May',
              action: { type: 'url', url: 'https://help.example.com/refunds' },
            },
            {
              type: 'item',
              id: 'doc_2',
              title: 'Avatar item',
              image: 'https://cdn.example.com/a.png',
              image_width: 32,
              image_height: 32,
              rounded_image: true,
              disabled: true,
            },
          ],
        },
        { type: 'button', id: 'go', label: 'Go', style: 'primary', action: { type: 'submit' } },
        { type: 'button', id: 'docs', label: 'Docs', style: 'secondary', action: { type: 'url', url: 'https://docs.example.com/' } },
        { type: 'button', id: 'sheet', label: 'Sheet', style: 'link', action: { type: 'sheet', url: 'https://sheet.example.com/' } },
        { type: 'button', id: 'off', label: 'Disabled', style: 'secondary', disabled: true, action: { type: 'submit' } },
      ],
    },
    stored_data: { flow: 'playground', step: 2 },
  },
};

/** Breaks the schema (an unknown component, a button with no action), the 64 KB limit and the first-canvas rules. */
export const brokenCanvas = {
  canvas: {
    content: {
      components: [
        { type: 'heading', text: 'No such component' },
        { type: 'button', id: 'create', label: 'Create', style: 'primary' },
        { type: 'text', text: 'x'.repeat(70_000) },
      ],
    },
  },
};
