/**
 * The held-out split: never tuned on (`npm run eval:incidents` prints only its aggregates). Other problems, other
 * phrasing, written in one sitting with the dev split and not changed after the first run.
 */
import type { IncidentCase } from './types';

export const HOLDOUT: IncidentCase[] = [
  // Subscription renewals charging fails with a code.
  { id: 'h01', problem: 'renew', messages: ['Renewal charges fail with SUB_RENEWAL_FAILED_09 for all our subscribers tonight.'] },
  { id: 'h02', problem: 'renew', messages: ['We see SUB_RENEWAL_FAILED_09 on dozens of subscriptions, nobody got renewed.'] },
  { id: 'h03', problem: 'renew', messages: ['Hello, what is SUB_RENEWAL_FAILED_09? Our renewals broke overnight.'] },
  { id: 'h04', problem: 'renew', messages: ['Verlängerungen schlagen fehl: SUB_RENEWAL_FAILED_09 bei jedem Abo.'] },
  // Search in the customer list broken.
  { id: 'h05', problem: 'search', messages: ['Customer search returns nothing, even for names I know exist.'] },
  { id: 'h06', problem: 'search', messages: ['The search box in the customer list is broken, searching customers gives zero results.'] },
  { id: 'h07', problem: 'search', messages: ['La búsqueda de clientes no funciona, la búsqueda no devuelve clientes.'] },
  { id: 'h08', problem: 'search', messages: ['searching for a customer by email does not work anymore, search results are empty'] },
  // Two-factor codes not arriving.
  { id: 'h09', problem: '2fa', messages: ['Two-factor SMS codes are not arriving, we are locked out of the admin.'] },
  { id: 'h10', problem: '2fa', messages: ['My 2FA code SMS never comes, can’t get into the account, colleagues have the same.'] },
  { id: 'h11', problem: '2fa', messages: ['Les codes SMS de double authentification n’arrivent pas, impossible de se connecter.'] },
  // Terminal / card reader offline.
  { id: 'h12', problem: 'terminal', messages: ['All our card terminals show offline since the update, the terminal cannot connect.'] },
  { id: 'h13', problem: 'terminal', messages: ['Card reader terminal disconnected in every store, terminals are offline.'] },
  {
    id: 'h14',
    problem: 'terminal',
    messages: ['Our terminals are down, the card terminal says offline and we can’t take payments in the shop.'],
  },
  // Tax report numbers wrong.
  { id: 'h15', problem: 'tax', messages: ['The quarterly tax report totals are wrong, the tax report double counts refunds.'] },
  { id: 'h16', problem: 'tax', messages: ['Tax report for Q3 shows wrong totals, refunds are counted twice in the report.'] },
  { id: 'h17', problem: 'tax', messages: ['O relatório de impostos está errado, os totais do relatório contam os reembolsos duas vezes.'] },
  // Gateway timeouts with a code.
  { id: 'h18', problem: 'gw', messages: ['Getting GW-4410 timeouts on every authorization request.'] },
  { id: 'h19', problem: 'gw', messages: ['Authorizations time out with GW-4410, is your gateway slow?'] },
  { id: 'h20', problem: 'gw', messages: ['GW-4410 everywhere since 14:00'] },
  // Mobile app login crash.
  { id: 'h21', problem: 'ioslogin', messages: ['The iPhone app crashes right after login, every time since version 5.2.'] },
  { id: 'h22', problem: 'ioslogin', messages: ['iOS app crashes on login after the update, my staff cannot use the app.'] },
  { id: 'h23', problem: 'ioslogin', messages: ['App crasht beim Login auf dem iPhone seit dem Update.'] },
  // One-offs.
  { id: 'h24', problem: null, messages: ['How do I add a second admin to our account?'] },
  { id: 'h25', problem: null, messages: ['One renewal was charged at the old price for customer 8812, can you check?'] },
  { id: 'h26', problem: null, messages: ['Can the customer list be sorted by signup date? That would help.'] },
  { id: 'h27', problem: null, messages: ['I lost my phone and need to reset my two-factor setup.'] },
  { id: 'h28', problem: null, messages: ['Where can I download the tax report for last year?'] },
  { id: 'h29', problem: null, messages: ['Our terminal order has not shipped yet, when will the card reader arrive?'] },
  { id: 'h30', problem: null, messages: ['The app login screen has a typo in the German translation.'] },
  { id: 'h31', problem: null, messages: ['We need an invoice with our new company address, please.'] },
  { id: 'h32', problem: null, messages: ['Search engine ranking of our shop dropped, can your SEO plugin help?'] },
];
