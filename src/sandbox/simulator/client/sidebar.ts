/**
 * The conversation-details sidebar: asks the sandbox to send the app a signed initialize or submit, draws the
 * canvas the app answered with, and keeps that canvas (with its stored_data) to send back as `current_canvas` on
 * the next submit, exactly as Intercom does. Also draws pasted canvases from the playground.
 */
import { ApiError, api, type CanvasExchange, type CanvasReport } from './api';
import { type CanvasHost, type RenderedCanvas, renderCanvas } from './canvas/render';
import { byId, h, replace, safeHref } from './dom';
import { renderReport } from './report';

export interface SidebarSession {
  conversationId: string;
  adminId: string;
}

export class Sidebar {
  private current: RenderedCanvas | null = null;
  private generation = 0;
  private readonly frame = byId('canvas-frame');
  private readonly notice = byId('canvas-notice');
  private readonly reportBox = byId('canvas-report');

  constructor(
    private readonly session: () => SidebarSession | null,
    /** Called after every exchange with the app: a submit may have changed tickets the other panels show. */
    private readonly afterExchange: () => void,
  ) {}

  /** As when a teammate opens the conversation: no current_canvas, the app starts from scratch. */
  async initialize(): Promise<void> {
    const session = this.session();
    if (!session) return;
    await this.exchange(() => api.initialize(session));
  }

  async submit(componentId: string, inputValues: Record<string, unknown>): Promise<void> {
    const session = this.session();
    if (!session || !this.current) return;
    const currentCanvas = this.current.canvas;
    this.current.setBusy(true);
    await this.exchange(() => api.submit({ ...session, componentId, inputValues, currentCanvas }));
  }

  /** A canvas pasted into the playground: validated by the sandbox, drawn like any other. */
  async showPasted(kind: 'initialize' | 'submit', text: string): Promise<void> {
    let response: unknown;
    try {
      response = JSON.parse(text);
    } catch {
      response = text;
    }
    const report = await api.validate(kind, response);
    this.draw(response, report, 'the playground');
  }

  private async exchange(run: () => Promise<CanvasExchange>): Promise<void> {
    const generation = ++this.generation;
    this.say(null);
    try {
      const result = await run();
      // A newer request (another conversation, a refresh) has already replaced this one.
      if (generation !== this.generation) return;
      this.draw(result.response, result.report, 'the app');
      this.log(result);
    } catch (error) {
      if (generation !== this.generation) return;
      this.current?.setBusy(false);
      this.say(error instanceof ApiError ? error.message : 'The sandbox did not answer.', true);
    }
    this.afterExchange();
  }

  private draw(response: unknown, report: CanvasReport, source: string): void {
    const canvas = response && typeof response === 'object' ? (response as { canvas?: unknown }).canvas : undefined;
    this.current = renderCanvas(canvas, this.host());
    replace(this.frame, this.current.element);
    const rendered = Math.round(this.current.element.getBoundingClientRect().height);
    replace(this.reportBox, renderReport(report, rendered, source));
    byId('exchange-json').textContent = JSON.stringify(response, null, 2);
  }

  private log(result: CanvasExchange): void {
    const line = `${result.kind} → HTTP ${result.status} in ${result.durationMs} ms · request ${(result.requestBytes / 1024).toFixed(1)} KB, signed with X-Body-Signature`;
    replace(byId('exchange-log'), h('p', {}, line));
  }

  private say(message: string | null, error = false): void {
    this.notice.hidden = message === null;
    this.notice.classList.toggle('error', error);
    this.notice.textContent = message ?? '';
  }

  private host(): CanvasHost {
    return {
      submit: (componentId, inputValues) => void this.submit(componentId, inputValues),
      openUrl: (url) => {
        const href = safeHref(url);
        if (!href) return this.say(`Not opened: ${JSON.stringify(url)} is not an http(s) link.`, true);
        window.open(href, '_blank', 'noopener');
        this.say(`Opened ${href} in a new tab (a url action never reaches the app).`);
      },
      sheet: () => this.say('Sheet actions open only in the Messenger; in the Inbox nothing happens.', true),
      notice: (message) => this.say(message, true),
    };
  }
}
