import { customerCorpus, scoreFrustration } from '../../../src/domain/signals';
import { chat, type Line } from '../../fixtures/conversations/factory';

function score(lines: Line[]) {
  const conversation = chat(lines);
  return scoreFrustration(conversation, customerCorpus(conversation));
}

const customer = (body: string): Line => ({ who: 'customer', body });
const agent = (body = 'Looking into it.'): Line => ({ who: 'agent', body });

describe('frustration score', () => {
  it('is 0 for a calm conversation', () => {
    expect(score([customer('Hi, how do I export to CSV?'), agent(), customer('Thanks, that worked.')])).toMatchObject({ score: 0 });
  });

  it('scores repeated asks by the longest run without a reply the customer could see', () => {
    expect(score([customer('a'), customer('b'), agent(), customer('c')]).repeatedAsks).toBe(1);
    expect(score([customer('a'), customer('b'), customer('c')]).repeatedAsks).toBe(2);
    expect(score([customer('a'), customer('b'), customer('c'), customer('d'), customer('e')]).repeatedAsks).toBe(3);
    // An internal note is not an answer; a bot reply is.
    expect(score([customer('a'), { who: 'note', body: 'checking' }, customer('b')]).repeatedAsks).toBe(1);
    expect(score([customer('a'), { who: 'bot', body: 'auto' }, customer('b')]).repeatedAsks).toBe(0);
  });

  it('scores chasing words and repeated question marks, half a point each, up to 2', () => {
    expect(score([customer('Is this still broken??')]).chasing).toBe(1);
    expect(score([customer('Any update? again?? still?? immer noch, schon wieder, まだ')]).chasing).toBe(2);
  });

  it('scores all-caps words but not acronyms or error codes', () => {
    expect(score([customer('This is NOT OK')]).shouting).toBe(0.5); // "OK" is two letters
    expect(score([customer('The API returns ERR_CONNECTION_RESET over HTTPS for our SSO users')]).shouting).toBe(0);
    expect(score([customer('FIX THIS NOW PLEASE TODAY')]).shouting).toBe(2);
  });

  it('scores distinct negative terms, in English and German, up to 3', () => {
    expect(score([customer('This is unacceptable. Unacceptable!')]).negative).toBe(1);
    expect(score([customer('Eine Frechheit, ich bin enttäuscht.')]).negative).toBe(2);
    expect(score([customer('terrible, useless, ridiculous, a joke')]).negative).toBe(3);
    expect(score([customer('最悪です')]).negative).toBe(1);
  });

  it('scores exclamation runs up to 1', () => {
    expect(score([customer('Help!!')]).exclamations).toBe(0.5);
    expect(score([customer('Help!! Now!!! Please！！')]).exclamations).toBe(1);
    expect(score([customer('Thanks!')]).exclamations).toBe(0);
  });

  it('ignores what agents write', () => {
    expect(score([customer('Hi'), agent('STILL?? This is TERRIBLE!!! unacceptable')]).score).toBe(0);
  });

  it('adds up, rounds and caps at 10', () => {
    const furious = [
      customer('STILL BROKEN?? This is UNACCEPTABLE!!!'),
      customer('Ridiculous. Useless. A joke!!'),
      customer('Hello?? anyone there? AGAIN!!'),
      customer('WORST SERVICE EVER, fed up!!'),
    ];
    expect(score(furious)).toEqual({ repeatedAsks: 3, chasing: 2, shouting: 2, negative: 3, exclamations: 1, score: 10 });
    // 1 (two asks) + 1 ("still", "??") + 0.5 (one caps word) = 2.5 → 3
    expect(score([customer('is it still down??'), customer('HELLO')]).score).toBe(3);
  });
});
