import { detectLanguage, isLanguage } from '../../../src/domain/triage/language';

describe('detectLanguage', () => {
  it('needs evidence and a lead: nothing, one word or a tie is unclear', () => {
    expect(detectLanguage([])).toBeNull();
    expect(detectLanguage(['the'])).toBeNull();
    expect(detectLanguage(['the and', 'der und'])).toBeNull();
  });

  it('reads HTML bodies and folded accents, bounded like triage', () => {
    expect(detectLanguage(['<p>Não consigo acessar a minha conta, você pode ajudar?</p>'])).toBe('pt');
    expect(detectLanguage([`${'der die das und '.repeat(50_000)}`])).toBe('de');
  });

  it('knows its five languages', () => {
    expect(isLanguage('fr')).toBe(true);
    expect(isLanguage('it')).toBe(false);
  });
});
