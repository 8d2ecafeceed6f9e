/**
 * The demo's conversations: the cases a support team escalates (or rightly does not). Each is written the way
 * customers really write, and together they show every kind of triage recommendation the sidebar makes: keep in
 * chat (`howTo`), each queue (`refund`, `outage`, `renewal`, `launch`), a close call (`chargeback`, once the demo's
 * seeded corrections are learnt: demo-feedback.ts) and "could not judge" (`screenshot`, a message without words).
 * Ages are minutes before the sandbox start.
 */
import { escapeHtml } from '../domain/text';
import type { Seeder, SeedMessage } from './fake-intercom';

export interface DemoPeople {
  admins: { agent: string; agent2: string; engineer: string; lead: string };
  companies: Record<string, string>;
  contacts: Record<string, { id: string; companyId: string }>;
}

interface Script {
  key: string;
  contact: string;
  title: string;
  /** Minutes before now of the first message; later messages follow at `gapMinutes`. */
  ageMinutes: number;
  gapMinutes?: number;
  priority?: 'none' | 'urgent';
  /** `c:` customer, `a:` agent reply, `n:` internal note. */
  lines: string[];
}

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;

function longThread(): string[] {
  return [
    'c:Our SSO login through Okta stopped working for half of the team this morning.',
    'a:Sorry to hear that! Which error do people see after the Okta redirect?',
    'c:"SAML response signature invalid". The other half can log in fine.',
    'a:Thanks. Did anyone rotate the signing certificate in Okta recently?',
    'c:Our IT team says no, nothing changed on our side.',
    'a:Could you send me the SAML trace of a failing login? The SAML-tracer browser add-on exports it.',
    'c:Attached the trace from Jade.',
    'n:Trace shows two certificates in the metadata; we may be caching the old one.',
    'a:We see two certificates in your metadata. Could you re-upload the metadata XML in Settings > Security?',
    'c:Done. Still failing for the same people.',
    'a:Thanks for trying. Are the failing users all in the same Okta group?',
    'c:Yes, they are all in "Contractors".',
    'a:That group has a different app assignment in Okta. Can you check its SAML settings?',
    'c:The Contractors app points to an old ACS URL.',
    'a:Please update it to the URL shown in Settings > Security > SSO.',
    'c:Updated. Now they get a 500 error instead of the signature error.',
    'a:Progress at least! Which time did the last 500 happen? I will look in our logs.',
    'c:About 10:42 UK time, user jade@hooli.example.',
    'n:500 from the SSO callback: NullPointer in group mapping for users without a department. Looks like a bug.',
    'a:We found an error on our side for users without a department attribute. I am checking with engineering.',
    'c:How long will this take? 40 people are locked out and we have a release tomorrow.',
    'a:I understand the urgency. As a workaround, adding any department value in Okta lets them in.',
    'c:We cannot change HR data for 40 contractors today. Please fix the bug.',
  ];
}

function scripts(): Script[] {
  return [
    {
      key: 'refund',
      contact: 'sam',
      title: 'Charged twice this month',
      ageMinutes: 95,
      lines: [
        'c:Hi, I was charged twice for November (invoice INV-2041). I want a refund for the duplicate charge.',
        'a:Sorry about that, Sam! Let me look at the invoice.',
        'c:This is the second time I ask. Please refund it today.',
      ],
    },
    {
      key: 'legal',
      contact: 'rita',
      title: 'Data processing breach: legal notice',
      ageMinutes: 50,
      lines: [
        'c:Our legal team found patient exports shared outside the agreed region. This breaches our contract.',
        'c:Our lawyer will send a formal notice on Monday unless we get a written explanation.',
      ],
    },
    {
      key: 'outage',
      contact: 'vera',
      title: 'Dashboard down: 502 errors',
      ageMinutes: 35,
      gapMinutes: 3,
      priority: 'urgent',
      lines: [
        'c:Our dashboard is not working since 9:00, every page shows error 502. 4,000 people cannot work.',
        'n:Second outage report in 10 minutes; status page still green.',
        'c:ANY UPDATE?? This is an outage for our whole company.',
      ],
    },
    {
      key: 'outage2',
      contact: 'omar',
      title: 'Cannot load reports (502)',
      ageMinutes: 28,
      lines: ['c:Reports page returns 502 Bad Gateway for everyone here. Is there an outage?'],
    },
    {
      key: 'vipBug',
      contact: 'victor',
      title: 'Export crashes for large workspaces',
      ageMinutes: 240,
      gapMinutes: 20,
      lines: [
        'c:The PDF export crashes with "Unexpected error" when a report has more than 500 rows.',
        'a:Thanks Victor, I can reproduce it with a large report. Looks like a bug.',
        'c:We need this for the board meeting on Thursday.',
      ],
    },
    {
      key: 'howTo',
      contact: 'lina',
      title: 'How do I export last month as CSV?',
      ageMinutes: 15,
      lines: ['c:Hello! How do I export last month of orders as a CSV file?'],
    },
    {
      key: 'renewal',
      contact: 'pat',
      title: 'Still no fix for the sync delays',
      ageMinutes: 180,
      gapMinutes: 30,
      lines: [
        'c:Shipments sync hours late again. I reported this twice last month.',
        'a:I am sorry, Pat. I have added your report to the existing issue.',
        'c:That is what I heard last time. Honestly this is useless, nothing gets fixed.',
        'c:Our contract is up for renewal this month and we are looking at other vendors. AGAIN no answer.',
      ],
    },
    {
      key: 'gdpr',
      contact: 'noah',
      title: 'GDPR erasure request',
      ageMinutes: 300,
      lines: ['c:Under GDPR Article 17 I ask you to erase all personal data you hold about me and confirm in writing.'],
    },
    {
      key: 'chargeback',
      contact: 'erin',
      title: 'Chargeback filed with my bank',
      ageMinutes: 70,
      lines: [
        'c:You charged my card after I cancelled the add-on, so I have filed a chargeback with my bank.',
        'a:Thanks for letting us know, Erin. Could you tell me the date of the charge?',
        'c:12 November, 240 GBP.',
      ],
    },
    {
      key: 'apiError',
      contact: 'jade',
      title: 'POST /v2/orders returns 500',
      ageMinutes: 40,
      lines: [
        'c:Since this morning POST /v2/orders returns 500 Internal Server Error for about 5% of calls. Request id req_8f2c91. Our API integration retries but some orders are lost.',
      ],
    },
    {
      key: 'cancel',
      contact: 'erin',
      title: 'We want to cancel',
      ageMinutes: 20,
      lines: ['c:Please cancel our subscription at the end of the month. We are switching to a competitor.'],
    },
    {
      key: 'german',
      contact: 'klaus',
      title: 'Export funktioniert nicht',
      ageMinutes: 60,
      lines: [
        'c:Hallo, seit gestern funktioniert der Export nicht mehr. Wir bekommen nur eine leere Datei.',
        'c:Bitte um schnelle Hilfe, wir brauchen die Daten für die Monatsabrechnung.',
      ],
    },
    {
      key: 'launch',
      contact: 'rita',
      title: 'More seats before our launch',
      ageMinutes: 45,
      lines: ['c:Our launch is on Monday and we need 300 extra seats added to our plan before then. Can the account team arrange it?'],
    },
    {
      key: 'screenshot',
      contact: 'lina',
      title: 'Screenshot',
      ageMinutes: 8,
      // A screenshot sent on its own: an empty message, nothing to judge.
      lines: ['c:'],
    },
    { key: 'sso', contact: 'jade', title: 'SSO login fails for contractors', ageMinutes: 320, gapMinutes: 12, lines: longThread() },
  ];
}

export function seedDemoConversations(seed: Seeder, workspaceId: string, people: DemoPeople, now: number): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const script of scripts()) {
    const contact = people.contacts[script.contact]!;
    const start = now - script.ageMinutes * 60;
    const gap = (script.gapMinutes ?? 5) * 60;
    const messages: SeedMessage[] = script.lines.map((line, index) => {
      const [kind, text] = [line.slice(0, 2), line.slice(2)];
      const from: SeedMessage['from'] = kind === 'c:' ? 'contact' : { adminId: people.admins.agent };
      return { from, body: text ? p(text) : '', partType: kind === 'n:' ? 'note' : 'comment', createdAt: start + index * gap };
    });
    const conversation = seed.conversation(workspaceId, {
      contactId: contact.id,
      companyId: contact.companyId,
      title: script.title,
      priority: script.priority ?? 'none',
      adminAssigneeId: people.admins.agent,
      createdAt: start,
      messages,
    });
    ids[script.key] = conversation.id;
  }
  return ids;
}
