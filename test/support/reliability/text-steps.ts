/**
 * Every function that reads a customer's words, each as one step that takes the raw message (as Intercom sends a
 * part's body: HTML) and does that function's work on it. The hostile-text test times each step on one input at
 * two sizes; a step's own cost is what it measures, so a step gets its inputs (the parsed conversation, the
 * corpus, the signals) prepared beforehand.
 */
import { parseConversation } from '../../../src/domain/conversation';
import { defaultSettings } from '../../../src/domain/settings';
import { analyseSignals, customerCorpus, findKeywords, scoreFrustration } from '../../../src/domain/signals';
import { buildHandoffSummary, extractDiagnostics, summaryPreview, summaryToNoteHtml } from '../../../src/domain/summary';
import { maskCards } from '../../../src/domain/text/cards';
import { decodeEntities, htmlToText, maskSensitive, oneLine, truncate } from '../../../src/domain/text';
import { contactView, NOW_MS, restConversation } from '../../fixtures/conversations/factory';

export interface TextStep {
  readonly name: string;
  readonly run: () => unknown;
}

const settings = defaultSettings('Europe/Berlin');
const keywords = [...settings.signals.keywords];

/** The steps for one message; preparing them (parsing, signals) is not part of any step's time. */
export function textSteps(message: string): TextStep[] {
  const rest = restConversation([
    { who: 'customer', body: message },
    { who: 'agent', body: '<p>Looking into it.</p>' },
    { who: 'customer', body: message },
  ]);
  const conversation = parseConversation(rest);
  const contact = contactView();
  const corpus = customerCorpus(conversation);
  const signalInput = { conversation, contact, company: null, settings: settings.signals, now: NOW_MS };
  const { signals, facts } = analyseSignals(signalInput);
  const summaryInput = {
    conversation,
    contact,
    company: null,
    reason: message.slice(0, 500),
    signals,
    facts,
    priorEscalations: 0,
    conversationUrl: 'https://app.intercom.com/a/inbox/ws/inbox/conversation/1',
    now: NOW_MS,
    timezone: 'Europe/Berlin',
  };
  const summary = buildHandoffSummary(summaryInput);
  return [
    { name: 'HTML to text', run: () => htmlToText(message) },
    { name: 'entities', run: () => decodeEntities(message) },
    { name: 'masking', run: () => maskSensitive(message) },
    { name: 'card detection', run: () => maskCards(message) },
    { name: 'one line + truncate', run: () => truncate(oneLine(message), 200) },
    // A fresh parse: the corpus is cached per parsed conversation.
    { name: 'conversation parse and corpus', run: () => customerCorpus(parseConversation(rest)) },
    { name: 'keywords', run: () => findKeywords(corpus, keywords) },
    { name: 'frustration', run: () => scoreFrustration(conversation, corpus) },
    { name: 'diagnostics', run: () => extractDiagnostics(conversation, contact) },
    { name: 'signals', run: () => analyseSignals(signalInput) },
    { name: 'summary', run: () => buildHandoffSummary(summaryInput) },
    {
      name: 'summary preview and note',
      run: () => [summaryPreview(summary, 300), summaryToNoteHtml(summary, 42, 'https://x.example/t/42')],
    },
  ];
}
