/**
 * A fake AI provider on loopback speaking the two wire formats Handoff uses: Anthropic's Messages API
 * (`POST /v1/messages`, the key, `anthropic-version`, a forced tool) and OpenAI's Chat Completions
 * (`POST /v1/chat/completions`, `Authorization: Bearer`, a strict `json_schema` response format). It rejects
 * requests the real APIs would reject (missing key, model, messages, max_tokens; a tool_choice naming no tool),
 * records every request, and answers as the test's `behaviour` says — including like a gullible model that obeys
 * instructions found in the customer's text, which is what the prompt-injection tests need.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Wire = 'anthropic' | 'openai';

export interface RecordedRequest {
  wire: Wire;
  apiKey: string | null;
  body: Record<string, unknown>;
  /** The system prompt and the user turn, as sent. */
  system: string;
  user: string;
}

export type Behaviour =
  | { kind: 'answer'; answer: unknown }
  | { kind: 'bad_json' }
  | { kind: 'refusal' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  /** Follows instructions in the transcript: answers `obeyed` when the user turn says "ignore previous instructions". */
  | { kind: 'gullible'; normal: unknown; obeyed: unknown };

export interface FakeLlmProvider {
  url: string;
  requests: RecordedRequest[];
  behave(behaviour: Behaviour): void;
  close(): Promise<void>;
}

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, raw?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake', 'x-request-id': 'req_fake' });
  res.end(raw ?? JSON.stringify(body));
}

function errorBody(wire: Wire, status: number, message: string): unknown {
  return wire === 'anthropic'
    ? { type: 'error', error: { type: ANTHROPIC_ERROR_TYPES[status] ?? 'api_error', message } }
    : { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null, param: null } };
}

/** What the real API would refuse with a 400 (or 401 for a missing key); null when the request is well-formed. */
function problemWith(wire: Wire, apiKey: string | null, body: Record<string, unknown>): { status: number; message: string } | null {
  if (!apiKey) return { status: 401, message: 'missing API key' };
  if (typeof body['model'] !== 'string' || !body['model']) return { status: 400, message: 'model: field required' };
  if (!Array.isArray(body['messages']) || body['messages'].length === 0) return { status: 400, message: 'messages: field required' };
  if (wire === 'anthropic') {
    if (typeof body['max_tokens'] !== 'number') return { status: 400, message: 'max_tokens: field required' };
    const tools = (body['tools'] ?? []) as { name?: string; input_schema?: { type?: string } }[];
    const choice = body['tool_choice'] as { type?: string; name?: string } | undefined;
    if (choice?.type === 'tool' && !tools.some((t) => t.name === choice.name)) return { status: 400, message: 'tool_choice names no tool' };
    if (tools.some((t) => t.input_schema?.type !== 'object')) return { status: 400, message: 'tools.input_schema.type must be object' };
  } else {
    const format = body['response_format'] as { type?: string; json_schema?: { name?: string; schema?: unknown } } | undefined;
    if (format && format.type === 'json_schema' && (!format.json_schema?.name || !format.json_schema.schema)) {
      return { status: 400, message: 'response_format.json_schema needs name and schema' };
    }
  }
  return null;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((block) => (block as { text?: string }).text ?? '').join('');
  return '';
}

export async function startFakeLlmProvider(): Promise<FakeLlmProvider> {
  const requests: RecordedRequest[] = [];
  let behaviour: Behaviour = { kind: 'status', status: 500 };
  const hanging = new Set<ServerResponse>();

  const reply = (wire: Wire, res: ServerResponse, recorded: RecordedRequest) => {
    const b = behaviour;
    if (b.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (b.kind === 'status') return sendJson(res, b.status, errorBody(wire, b.status, 'fake failure'));
    const answer =
      b.kind === 'answer'
        ? b.answer
        : b.kind === 'gullible'
          ? /ignore previous instructions/i.test(recorded.user)
            ? b.obeyed
            : b.normal
          : null;
    const model = String(recorded.body['model']);
    if (wire === 'anthropic') {
      const base = {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        model,
        stop_sequence: null,
        usage: { input_tokens: 100, output_tokens: 20 },
      };
      if (b.kind === 'refusal') return sendJson(res, 200, { ...base, content: [], stop_reason: 'refusal' });
      if (b.kind === 'bad_json') {
        // The Messages API always sends tool input as JSON; a model's broken output arrives as text instead.
        return sendJson(res, 200, { ...base, content: [{ type: 'text', text: '{"outcome": "billing_legal",' }], stop_reason: 'end_turn' });
      }
      const tool = { type: 'tool_use', id: 'toolu_fake', name: (recorded.body['tool_choice'] as { name: string }).name, input: answer };
      return sendJson(res, 200, { ...base, content: [tool], stop_reason: 'tool_use' });
    }
    const message =
      b.kind === 'refusal'
        ? { role: 'assistant', content: null, refusal: 'I can’t help with that.' }
        : { role: 'assistant', content: b.kind === 'bad_json' ? '{"outcome": "billing_legal",' : JSON.stringify(answer), refusal: null };
    return sendJson(res, 200, {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    });
  };

  const server: Server = createServer(async (req, res) => {
    const wire: Wire | null =
      req.method === 'POST' && req.url === '/v1/messages'
        ? 'anthropic'
        : req.method === 'POST' && req.url === '/v1/chat/completions'
          ? 'openai'
          : null;
    if (!wire) return sendJson(res, 404, { error: { message: 'not found' } });
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, errorBody(wire, 400, 'body is not JSON'));
    }
    // Anthropic takes `x-api-key`, and (as its SDK 1.x sends it) `Authorization: Bearer`; OpenAI only the latter.
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice('Bearer '.length) : null;
    const apiKey = wire === 'anthropic' ? ((req.headers['x-api-key'] as string | undefined) ?? bearer) : bearer;
    if (wire === 'anthropic' && !req.headers['anthropic-version'])
      return sendJson(res, 400, errorBody(wire, 400, 'anthropic-version header required'));
    const messages = (body['messages'] ?? []) as { role: string; content: unknown }[];
    const system = wire === 'anthropic' ? textOf(body['system']) : textOf(messages.find((m) => m.role === 'system')?.content);
    const user = textOf(messages.find((m) => m.role === 'user')?.content);
    const recorded: RecordedRequest = { wire, apiKey, body, system, user };
    requests.push(recorded);
    const problem = problemWith(wire, apiKey, body);
    if (problem) return sendJson(res, problem.status, errorBody(wire, problem.status, problem.message));
    reply(wire, res, recorded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behave: (next) => {
      behaviour = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
