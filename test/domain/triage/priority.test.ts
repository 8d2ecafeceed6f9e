/** The priority rules: highest level that applies; tier raises blocked/degraded use only; tone never changes it. */
import { chat, verdict } from './helpers';

const blockedBug = chat(
  'c: Since 9am none of our stores can take card payments, every attempt returns PAY-5002. We changed nothing.',
  't: I can reproduce PAY-5002 on your account; other accounts look fine.',
);
const degradedBug = chat(
  'c: The monthly export has become very slow and sometimes times out. We split it into weekly exports, which works but is a pain.',
);

describe('priority rules', () => {
  it('blocked: P1 for an enterprise customer, P2 for anyone else', () => {
    expect(verdict(blockedBug, 'enterprise')).toEqual({ outcome: 'technical_bugs', priority: 'P1' });
    expect(verdict(blockedBug, 'standard')).toEqual({ outcome: 'technical_bugs', priority: 'P2' });
  });

  it('degraded with a workaround: P2 for an enterprise customer, P3 for anyone else', () => {
    expect(verdict(degradedBug, 'enterprise').priority).toBe('P2');
    expect(verdict(degradedBug, 'pro').priority).toBe('P3');
  });

  it('cosmetic defects stay P4 even for enterprise', () => {
    expect(
      verdict(
        chat('c: Small thing: the checkout page has a typo, "Zahlung abgeschlosen". Not urgent at all.', "t: Good catch, I'll log it."),
        'enterprise',
      ),
    ).toEqual({ outcome: 'technical_bugs', priority: 'P4' });
  });

  it('a security issue is P1', () => {
    expect(
      verdict(chat("c: When I search customers I see names and emails that are NOT our customers. Looks like another merchant's data?!")),
    ).toEqual({ outcome: 'technical_bugs', priority: 'P1' });
    expect(
      verdict(chat('c: Das ist doch ne Sicherheitslücke: der Link aus der Passwort-Mail funktioniert auch Tage später noch.')),
    ).toEqual({ outcome: 'technical_bugs', priority: 'P1' });
  });

  it('account_risk takes the level underneath, and is never P4', () => {
    expect(
      verdict(
        chat(
          'c: Your checkout widget does not load at all since 8am. We cannot sell anything. If this is not fixed tonight we are cancelling.',
        ),
        'pro',
      ),
    ).toEqual({ outcome: 'account_risk', priority: 'P2' });
    expect(
      verdict(
        chat("c: I'm the CEO and I'm extremely disappointed: the invoice PDF logo has been blurry for months, and nobody replied."),
        'pro',
      ),
    ).toEqual({ outcome: 'account_risk', priority: 'P3' });
  });

  it('tone never changes the priority', () => {
    const calm = verdict(chat('c: The payout report shows wrong fee totals; we reconcile manually as a workaround.'));
    const angry = verdict(chat('c: THE PAYOUT REPORT SHOWS WRONG FEE TOTALS!!! WE RECONCILE MANUALLY AS A WORKAROUND. RIDICULOUS.'));
    expect(angry).toEqual(calm);
  });

  it('an enterprise deadline within days is P2, weeks away P3', () => {
    expect(verdict(chat('c: Our auditors need your SOC 2 report and a bridge letter by Wednesday noon.'), 'enterprise')).toEqual({
      outcome: 'vip_high_tier',
      priority: 'P2',
    });
    expect(
      verdict(chat('c: Could the account team set up a fresh sandbox? Our sprint starts in two weeks, no rush.'), 'enterprise'),
    ).toEqual({ outcome: 'vip_high_tier', priority: 'P3' });
  });
});
