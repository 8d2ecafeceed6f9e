/**
 * The team a teammate hands the case to ("I'll pass this to our billing team", "ich gebe das an die Technik",
 * "lo paso a facturación", "je transmets à votre chargé de compte", "vou encaminhar para o financeiro"). Agents name
 * the owning team in their own words in every language; the team, not the phrasing around it, is the cue, so each
 * concept is a class of team nouns (compounds by their head: "Billing-Team", "Datenschutzteam", "Engineering-Team").
 * Read only in teammate messages (facts-handoff.ts).
 */
import type { Lexicon } from '../matcher';

export const HANDOFF: Lexicon = {
  'team.billing': [
    'billing team, through billing, to billing, with billing, finance team, accounts team, accounting, contracts team',
    'buchhaltung, abrechnung, finanzabteilung, vertragsabteilung, team fur vertrage, billing-team, *buchhaltung',
    'facturation, equipe facturation, service facturation, comptabilite, service comptable, service financier',
    'facturacion, equipo de facturacion, contabilidad, finanzas, equipo de contratos, departamento financiero',
    'financeiro, time financeiro, equipe financeira, faturamento, cobranca, time fiscal, setor financeiro',
  ],
  'team.privacy': [
    'privacy team, legal team, data protection officer, dpo, legal-team, *datenschutzteam, rechtsabteilung',
    'equipe juridique, service juridique, delegue a la protection, equipo legal, equipo de privacidad, juridico',
    'time juridico, equipe juridica, encarregado de dados',
  ],
  'team.tech': [
    'engineering, engineers, engineering team, our developers, dev team, tech team, technical team, product team',
    'design team, security team, security engineers, technik, entwicklung, produktteam, engineering-team',
    'security-team, *sicherheitsteam, equipe technique, developpeurs, equipe produit, equipe securite, ingenieria',
    'ingenieros, equipo tecnico, desarrollo, producto tecnico, equipo de seguridad, time tecnico, equipe tecnica',
    'engenharia, desenvolvimento, time de produto, time de design, time de seguranca, equipe de seguranca',
  ],
  'team.account': [
    'account manager, account team, customer success, success manager, csm, kundenbetreuung, kundenbetreuer*',
    'ansprechpartner*, account-team, customer-success-team, charge de compte, chargee de compte, responsable de compte',
    'gestionnaire de compte, gestor de cuenta, gestora de cuenta, responsable de cuenta, responsable de su cuenta',
    'gerente de conta*, gestor de conta*, gestora de conta*, responsavel pela conta, responsavel pela sua conta',
    'owns your account, who owns your account',
  ],
  // What an agent does with a case another team owns: passes, escalates, forwards it, or says that team handles it.
  'handoff.verb': [
    'pass, passing, passed, forward*, escalat*, hand*, send*, sending, route, routing, raise*, flag*, loop*, bring*, bringing, get ~ to',
    'getting, file, log, report, approv*, review*, go through, goes through, done by, need*, come from, alert*',
    'looking into, look into, is on it, are on it, working on',
    'gebe, geht an, leite*, weiterleit*, eskalier*, melde*, reiche*, hole*, ubernimmt, ubernehmen, macht, pruft, klaren',
    'lauft uber, laufen uber, verhandelt, schaltet, kummern, kummert, informiert, lege ~ an, erstellen, vergeben',
    'transmet*, remont*, escalad*, alerte, mobilise, envoie, passe, traite, valide*, gere, occupe, revient a, voit',
    'paso, pasa, escalo, escalamos, traslad*, deriv*, envio, reviso, revisa, gestion*, aviso, encarg*, tramit*, lleva',
    'encaminh*, passo, passar, repass*, escalo, abrir para, analisad*, aprovad*, feitas pelo, feito pelo, cuida, aciono',
  ],
  'team.enterprise': [
    'enterprise team, enterprise account team, enterprise-team, equipe entreprise, equipe dediee ~ entreprise',
    'equipe grands comptes, equipo enterprise, equipo de empresas, time enterprise, equipe enterprise',
  ],
};
