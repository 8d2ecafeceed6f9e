/**
 * Tier-driven needs (policy step 7) and deadlines (the "within about 3 business days" priority rule).
 * A need only routes to vip_high_tier for an enterprise (or VIP) customer; for others it is a how-to or an upsell.
 */
import type { Lexicon } from '../matcher';

export const ENTERPRISE: Lexicon = {
  'ent.need': [
    'seat limit, more seats, additional seats, seats, raise ~ limit, increase ~ limit, limit raised, limit increase*',
    'rate limit, higher limit, quota, special export, custom export, full export, bulk export, data extract, sandbox',
    'dedicated instance, dedicated environment, staging environment, named contact, launch, go live, go-live, black friday',
    'peak, campaign, traffic spike, extra support, hypercare, war room, soc 2, soc2, iso 27001, bridge letter',
    'security questionnaire, vendor assessment, pen test, penetration test, compliance, audit report, certificate',
    'attestation, restore ~ archived, unarchive, archived ~ restore, owner access, owner account, admin access',
    'regain access, recover ~ access, lost access, only admin, only owner, sole admin, data residency, ip allowlist',
    'ip whitelist, audit log*, custom domain, scim, account team, account manager, customer success, sitzplatze, lizenzen',
    'weitere nutzer, limit ~ erhoh*, erhoh* ~ limit, kontingent, sonderexport, vollstandiger export, testumgebung',
    'dedizierte* instanz, ansprechpartner, markteinfuhrung, hochphase, spitzenlast, kampagne, zertifikat*, nachweis*',
    'prufbericht, wiederherstell* ~ archiv*, zugriff ~ wiederherstell*, zugang ~ verloren, zugriff verloren, admin zugang',
    'inhaber zugang, account team, kundenbetreuer*, licences supplementaires, sieges, postes, augmenter ~ limite',
    'relever ~ limite, limite ~ augment*, export special, export complet, environnement de test, bac a sable',
    'instance dediee, lancement, pic, soldes, campagne, certificat*, questionnaire de securite, restaurer ~ archiv*',
    'acces ~ proprietaire, recuperer ~ acces, perdu ~ acces, interlocuteur dedie, charge de compte, equipe compte',
    'licencias, puestos, asientos, aumentar ~ limite, ampliar ~ limite, limite ~ aument*, exportacion especial',
    'exportacion completa, entorno de pruebas, instancia dedicada, lanzamiento, pico, buen fin, hot sale, campana',
    'certificad*, cuestionario de seguridad, restaurar ~ archiv*, acceso ~ propietario, recuperar ~ acceso',
    'perdimos ~ acceso, gestor de cuenta, equipo de cuenta, licencas, assentos, aumentar ~ limite, limite ~ aument*',
    'exportacao especial, exportacao completa, ambiente de testes, instancia dedicada, lancamento, pico, campanha',
    'certificad*, questionario de seguranca, restaurar ~ arquiv*, acesso ~ proprietario, recuperar ~ acesso',
    'perdemos ~ acesso, gerente de conta, equipe de conta, time de conta',
  ],
  'ent.deadline_soon': [
    'today, tonight, tomorrow, by tomorrow, by monday, by tuesday, by wednesday, by thursday, by friday, this week',
    'end of day, eod, end of the week, asap, urgent*, within 24 hours, within 48 hours, next 48 hours, in two days',
    'in 2 days, on monday, by noon, right now, immediately, heute, heute abend, morgen, bis morgen, bis montag',
    'bis dienstag, bis mittwoch, bis donnerstag, bis freitag, diese woche, dringend*, sofort, umgehend, ubermorgen',
    'aujourd hui, ce soir, demain, d ici demain, avant lundi, avant vendredi, d ici vendredi, cette semaine, urgent*',
    'immediatement, au plus vite, apres demain, hoy, esta noche, manana, para manana, antes del lunes, antes del viernes',
    'para el viernes, esta semana, urgente*, de inmediato, cuanto antes, pasado manana, hoje, hoje a noite, amanha',
    'ate amanha, ate segunda, ate sexta, antes de sexta, esta semana, essa semana, urgente*, imediatamente, o quanto antes',
    'depois de amanha',
  ],
  'ent.deadline_far': [
    'next month, in two weeks, in 2 weeks, in three weeks, in 3 weeks, weeks out, no rush, not urgent, next quarter',
    'before ~ starts, fiscal year, nachsten monat, in zwei wochen, in drei wochen, keine eile, nicht dringend',
    'nachstes quartal, le mois prochain, dans deux semaines, dans trois semaines, pas urgent, rien d urgent',
    'trimestre prochain, el mes que viene, el proximo mes, en dos semanas, en tres semanas, sin prisa, no es urgente',
    'proximo trimestre, mes que vem, proximo mes, em duas semanas, em tres semanas, sem pressa, nao e urgente',
    'proximo trimestre',
  ],
};
