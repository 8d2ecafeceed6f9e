import { areaHits, areaName, wordsAsSentence } from '../../../src/domain/incidents/areas';
import { AREAS } from '../../../src/domain/triage/lexicon/areas';
import { sentences } from '../../../src/domain/triage/text';

const areasIn = (text: string) => [...new Set(sentences(text).flatMap((s) => areaHits(s).map((hit) => hit.concept)))].sort();

describe('product areas', () => {
  it('names every area in plain words the sidebar can show', () => {
    for (const concept of Object.keys(AREAS)) expect(concept).toMatch(/^area\.[a-z]+(?:_[a-z]+)*$/);
  });

  it('reads one area for its words in the five languages', () => {
    for (const text of ['checkout', 'payment page', 'Kasse', 'page de paiement', 'página de pago', 'página de pagamento'])
      expect(areasIn(text)).toEqual(['area.checkout']);
    for (const text of ['invoices', 'Rechnungen', 'Sammelrechnung', 'factures', 'facturas', 'faturas'])
      expect(areasIn(text)).toEqual(['area.invoice']);
    for (const text of ['log in', 'Anmeldung', 'connexion', 'iniciar sesión', 'fazer login']) expect(areasIn(text)).toEqual(['area.login']);
  });

  it('reads a code’s words like the customer’s', () => {
    expect(areaHits(wordsAsSentence(['e', 'payment', '502'])).map(areaName)).toEqual(['payment']);
  });

  it('leaves out the words that mean something else in another language', () => {
    expect(areasIn('le PDF ne se charge pas')).toEqual(['area.pdf']);
    expect(areasIn('it is important, in order to continue, till tomorrow')).toEqual([]);
    expect(areasIn('j’ai reçu un message')).toEqual([]);
  });
});
