import { parseCanvasRequest } from '../../src/http/canvas-request';

const base = {
  workspace_id: 'ws1',
  workspace_region: 'US',
  admin: { type: 'admin', id: '991267459', name: 'Ann Agent', email: 'ann@example.com' },
  conversation: { type: 'conversation', id: '1295' },
  contact: { type: 'contact', id: 'c1' },
};

function parse(body: unknown) {
  const result = parseCanvasRequest(body);
  if (!result.ok) throw new Error(result.problem);
  return result.request;
}

describe('parseCanvasRequest', () => {
  it('reads the current shape', () => {
    const req = parse({
      ...base,
      component_id: 'refresh',
      input_values: { a: 'b' },
      current_canvas: { stored_data: { v: 1, flow: 'home' } },
    });
    expect(req).toMatchObject({
      workspaceId: 'ws1',
      region: 'US',
      conversationId: '1295',
      componentId: 'refresh',
      inputValues: { a: 'b' },
      storedData: { v: 1, flow: 'home' },
    });
    expect(req.admin).toMatchObject({ id: '991267459', name: 'Ann Agent' });
    expect(req.contact).toMatchObject({ id: 'c1' });
  });

  it('normalises a numeric conversation id and admin id to strings', () => {
    const req = parse({ ...base, admin: { id: 42 }, conversation: { id: 1295 } });
    expect(req.conversationId).toBe('1295');
    expect(req.admin.id).toBe('42');
  });

  it('accepts legacy app_id, customer and user', () => {
    const { workspace_id: _ws, contact: _c, ...rest } = base;
    expect(parse({ ...rest, app_id: 'legacy', customer: { id: 'cust' } })).toMatchObject({
      workspaceId: 'legacy',
      contact: { id: 'cust' },
    });
    expect(parse({ ...rest, app_id: 'legacy', user: { id: 'u' } }).contact).toMatchObject({ id: 'u' });
  });

  it('reads stored_data from a doubly nested current_canvas', () => {
    const req = parse({ ...base, current_canvas: { current_canvas: { stored_data: { flow: 'escalate' } } } });
    expect(req.storedData).toEqual({ flow: 'escalate' });
  });

  it('treats a missing contact, inputs and canvas as empty', () => {
    const { contact: _c, ...rest } = base;
    const req = parse(rest);
    expect(req.contact).toBeNull();
    expect(req.inputValues).toEqual({});
    expect(req.storedData).toBeNull();
    expect(req.componentId).toBeNull();
  });

  it('keeps unknown fields', () => {
    expect(parse({ ...base, conversation: { id: '1', custom: true } }).conversation).toMatchObject({ custom: true });
  });

  it.each([
    ['no workspace', { ...base, workspace_id: undefined }, 'workspace_id'],
    ['no admin', { ...base, admin: undefined }, 'admin'],
    ['no conversation id', { ...base, conversation: {} }, 'conversation.id'],
    ['an array body', [], 'body'],
    ['a wrong-typed input_values', { ...base, input_values: 'x' }, 'input_values'],
  ])('reports %s', (_name, body, path) => {
    const result = parseCanvasRequest(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(path);
  });
});
