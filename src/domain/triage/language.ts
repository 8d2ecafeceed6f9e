/**
 * Which of the five languages the product reads a customer writes in, from the words only those languages use.
 * Built on the triage engine's own reading of hostile text (plainText caps each message, `sentences` folds accents
 * in one linear scan), so a 100 KB message costs what triage already pays, and nothing here is a second tokenizer.
 * Returns null when no language has clearly more evidence than the others: the caller then uses its default.
 */
import { plainText, sentences } from './text';

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Words only Portuguese uses among our five languages (Spanish shares "no" as a negation, Portuguese does not). */
export const PORTUGUESE_ONLY = new Set([
  'nao',
  'voce',
  'voces',
  'do',
  'da',
  'dos',
  'das',
  'ao',
  'pelo',
  'pela',
  'isso',
  'obrigado',
  'obrigada',
  'tambem',
  'entao',
  'um',
  'uma',
  'com',
  'em',
  'nosso',
  'nossa',
  'meu',
  'minha',
  'ta',
  'ja',
  'sao',
  'estao',
  'e',
]);

export const SPANISH_ONLY = new Set([
  'una',
  'unos',
  'unas',
  'hay',
  'ahora',
  'tengo',
  'el',
  'los',
  'del',
  'y',
  'con',
  'en',
  'un',
  'pero',
  'muy',
  'gracias',
  'nuestro',
  'nuestra',
  'mi',
  'ya',
  'usted',
  'ustedes',
  'hola',
  'es',
  'esta',
  'vuestro',
  'vuestra',
  'os',
]);

/** Frequent function words of each language that the others do not write (accent-folded, lower case). */
const MARKERS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(['the', 'and', 'is', 'are', 'you', 'my', 'our', 'with', 'this', 'that', 'have', 'not', 'please', 'thanks', 'it', 'we', 'i']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'wir', 'sie', 'mit', 'bitte', 'danke', 'mein', 'unser', 'auf', 'ein']),
  fr: new Set(['le', 'la', 'les', 'et', 'est', 'je', 'nous', 'vous', 'pas', 'avec', 'merci', 'mon', 'notre', 'une', 'des', 'du']),
  es: SPANISH_ONLY,
  pt: PORTUGUESE_ONLY,
};

/** Enough evidence to name a language, and a lead over the runner-up, so one borrowed word does not decide. */
const MIN_HITS = 2;
const MIN_LEAD = 1;

/** The language most of these texts (customer messages, HTML or plain) are written in, or null when unclear. */
export function detectLanguage(texts: readonly string[]): Language | null {
  const score: Record<Language, number> = { en: 0, de: 0, fr: 0, es: 0, pt: 0 };
  for (const text of texts) {
    for (const sentence of sentences(plainText(text))) {
      for (const token of sentence.tokens) {
        for (const language of LANGUAGES) if (MARKERS[language].has(token.word)) score[language]++;
      }
    }
  }
  const ranked = [...LANGUAGES].sort((a, b) => score[b] - score[a]);
  const best = ranked[0]!;
  const runnerUp = ranked[1]!;
  if (score[best] < MIN_HITS || score[best] - score[runnerUp] < MIN_LEAD) return null;
  return best;
}
