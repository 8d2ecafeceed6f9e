/**
 * Tier-driven needs (policy step 7) and deadlines (the "within about 3 business days" priority rule).
 * A need only routes to vip_high_tier for an enterprise (or VIP) customer; for others it is a how-to or an upsell.
 */
import type { Lexicon } from '../matcher';

export const ENTERPRISE: Lexicon = {
  'ent.need': [
    'cyber monday, komplettexport, gesamtexport, vollexport, export ~ all ~ transactions, parquet, nicht mehr rein',
    'kommt ~ nicht ~ rein, 2fa, two factor, handy verloren, lost ~ phone, limit ~ anheb*, anheben, limit ~ raise',
    'limite ~ subir, limite ~ elever',
    'wieder rein*, reinkommen, get back in, regain access, zugang wiederherstell*, acces ~ retablir, recuperar el acceso',
    'recuperar o acesso, restore ~ access, restaurer ~ acces, locked out, ausgesperrt',
    'lugares, mais lugares, utilizadores, mais usuarios, more users, additional users, weitere benutzer, mehr nutzer',
    'plus d utilisateurs, mas usuarios, mas licencias, plazas',
    'solo ~ enterprise, only ~ enterprise, exclusiv* ~ enterprise, enterprise ~ only, nur ~ enterprise',
    'reserve* ~ enterprise, apenas ~ enterprise, somente ~ enterprise, so ~ enterprise',
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
    'monday, tuesday, wednesday, thursday, friday, montag, dienstag, mittwoch, donnerstag, freitag, lundi, mardi, mercredi',
    'jeudi, vendredi, lunes, martes, miercoles, jueves, viernes, segunda feira, terca feira, terca, quarta feira',
    'quinta feira, sexta feira, sexta, deux jours ouvres, two business days, zwei werktage, dos dias habiles',
    'dois dias uteis',
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
    'in ~ wochen, in ~ weeks, dans ~ semaines, en ~ semanas, em ~ semanas, in ~ months, in ~ monaten, dans ~ mois',
    'en ~ meses, em ~ meses',
    'next month, in two weeks, in 2 weeks, in three weeks, in 3 weeks, weeks out, no rush, not urgent, next quarter',
    'before ~ starts, fiscal year, nachsten monat, in zwei wochen, in drei wochen, keine eile, nicht dringend',
    'nachstes quartal, le mois prochain, dans deux semaines, dans trois semaines, pas urgent, rien d urgent',
    'trimestre prochain, el mes que viene, el proximo mes, en dos semanas, en tres semanas, sin prisa, no es urgente',
    'proximo trimestre, mes que vem, proximo mes, em duas semanas, em tres semanas, sem pressa, nao e urgente',
    'proximo trimestre',
  ],
  // A request to switch something on: an enterprise need when it is not a how-to question.
  'ent.enable': ['activar*, habilitar*, ativar*, freischalt*, activer, enable ~ for us, switch on ~ for us, turn on ~ for us, aktivieren'],
  // A teammate handing it to the enterprise/account team: for an enterprise customer that is a tier-driven need.
  'ent.team_routed': [
    'enterprise team, account team, kundenbetreuung, kundenbetreuer*, kundenbetreuerin, equipe compte',
    'equipe grands comptes, equipo enterprise, equipo de cuenta, equipa de conta, time enterprise, equipe enterprise',
    'customer success, enterprise-team',
  ],
};
