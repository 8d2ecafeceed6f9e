import { customerSettingsSchema, defaultCustomerSettings } from '../../../src/domain/customer-updates/settings';
import { DEFAULT_TEMPLATES, renderTemplate, templateProblem } from '../../../src/domain/customer-updates/templates';
import { LANGUAGES } from '../../../src/domain/triage/language';
import { STATE_CATEGORIES } from '../../../src/domain/model';

const values = { state: 'In progress', reference: '#42', title: 'Your billing question' };

describe('templateProblem', () => {
  it('accepts the shipped templates in every language and state', () => {
    for (const language of LANGUAGES)
      for (const state of STATE_CATEGORIES) expect(templateProblem(DEFAULT_TEMPLATES[language][state])).toBeNull();
  });

  it.each([
    ['<script>alert(1)</script> {{state}}', /HTML tags/],
    ['Hello <b>there</b>', /HTML tags/],
    ['<!-- hidden -->', /HTML tags/],
    ['Your owner is {{owner}}', /Unknown placeholder \{\{owner\}\}/],
    ['SLA: {{ sla_minutes }}', /Unknown placeholder \{\{sla_minutes\}\}/],
    ['Status {{state}', /not closed/],
    ['Status state}}', /not closed/],
    ['   ', /Write the message/],
    ['x'.repeat(1001), /under 1000/],
  ])('refuses %j', (template, message) => {
    expect(templateProblem(template)).toMatch(message);
  });

  it('allows a lone < that opens no tag, and spaces inside braces', () => {
    expect(templateProblem('Response in < 2 days: {{ state }}')).toBeNull();
  });
});

describe('renderTemplate', () => {
  it('fills the placeholders and makes one paragraph per line', () => {
    expect(renderTemplate('Hi!\n\nStatus: {{state}} ({{reference}})\n{{title}}', values)).toBe(
      '<p>Hi!</p><p>Status: In progress (#42)</p><p>Your billing question</p>',
    );
  });

  it('escapes the text and every value, so a label from Intercom cannot inject markup', () => {
    const html = renderTemplate('A & B < C {{state}}', { ...values, state: '<img src=x onerror=alert(1)>' });
    expect(html).toBe('<p>A &amp; B &lt; C &lt;img src=x onerror=alert(1)&gt;</p>');
  });
});

describe('customer settings', () => {
  it('the defaults validate and nothing is switched on', () => {
    const parsed = customerSettingsSchema.parse(defaultCustomerSettings());
    expect(parsed.updateQueues).toEqual([]);
    expect(parsed.messenger).toBe('off');
  });

  it('a template with a script tag is refused with the reason on its path', () => {
    const settings = defaultCustomerSettings();
    settings.templates.de.resolved = '<script>steal()</script>';
    const result = customerSettingsSchema.safeParse(settings);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['templates', 'de', 'resolved'], message: expect.stringMatching(/HTML tags/) });
  });

  it('origins must be bare origins; they are stored lower case', () => {
    const good = customerSettingsSchema.parse({
      ...defaultCustomerSettings(),
      embedOrigins: ['https://App.Example.com', 'http://localhost:3000'],
    });
    expect(good.embedOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    for (const bad of ['*', 'https://example.com/', 'https://example.com/path', 'javascript:alert(1)', 'example.com']) {
      expect(customerSettingsSchema.safeParse({ ...defaultCustomerSettings(), embedOrigins: [bad] }).success).toBe(false);
    }
  });
});
