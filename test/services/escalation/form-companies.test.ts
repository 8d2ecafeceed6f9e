import { createFormCompanies, FORM_COMPANIES_TTL_MS } from '../../../src/services/escalation';
import type { Company } from '../../../src/intercom';

const globex = { type: 'company', id: 'c-1', name: 'Globex' } as unknown as Company;
const T0 = Date.UTC(2026, 10, 18, 10, 0, 0);

it('gives back what the form read, for that workspace and contact only, until the TTL has passed', () => {
  const memory = createFormCompanies();
  memory.remember('w-1', 'contact-1', [globex], T0);

  expect(memory.recall('w-1', 'contact-1', T0)).toEqual([globex]);
  expect(memory.recall('w-1', 'contact-1', T0 + FORM_COMPANIES_TTL_MS - 1)).toEqual([globex]);
  expect(memory.recall('w-1', 'contact-1', T0 + FORM_COMPANIES_TTL_MS)).toBeNull();
  expect(memory.recall('w-2', 'contact-1', T0)).toBeNull();
  expect(memory.recall('w-1', 'contact-2', T0)).toBeNull();
});

it('keeps the newest read, and trusts no read stamped after now (a clock set back)', () => {
  const memory = createFormCompanies();
  memory.remember('w-1', 'contact-1', [globex], T0);
  memory.remember('w-1', 'contact-1', [], T0 + 1_000);

  expect(memory.recall('w-1', 'contact-1', T0 + 2_000)).toEqual([]);
  expect(memory.recall('w-1', 'contact-1', T0)).toBeNull();
});

it('does not mix up ids that a plain separator would join into the same key', () => {
  const memory = createFormCompanies();
  memory.remember('w:1', 'c', [globex], T0);

  expect(memory.recall('w', '1:c', T0)).toBeNull();
});
