/**
 * Relationship-risk concepts (policy step 5): churn intent, frustration, repeat issues and executive authors.
 * Tone words only ever feed step 5 together with a trigger; they never set a priority (policy: tone never does).
 */
import type { Lexicon } from '../matcher';

export const RISK: Lexicon = {
  'risk.cancel': [
    'cancel*, terminate*, termination, end our subscription, end the subscription, not renew, won t renew, don t renew',
    'decided not to renew, close our account, close my account, kundig*, kuendig*, gekundigt, vertrag beenden, abo beenden',
    'nicht verlangern, konto schliessen, konto loschen, abbestell*, resili*, annul*, ne pas renouveler, fermer ~ compte',
    'mettre fin, cancel*, dar de baja, darnos de baja, darme de baja, baja, no renovar, rescind*, cerrar ~ cuenta, cancel*',
    'rescindir, rescisao, encerrar ~ conta, nao renovar, descontinuar',
  ],
  'risk.churn': [
    'switch to, switching to, move to a competitor, competitor*, alternatives, looking at alternatives, look elsewhere',
    'we re out, we are out, we re done, leave you, leaving you, stop using, found a tool, found another, another provider',
    'another vendor, take our business, last straw, we will leave, we ll leave, churn*, move away, wechseln',
    'anbieter wechseln, konkurrenz, wettbewerber, alternative*, woanders, nicht mehr nutzen, anderen anbieter, verlassen',
    'changer de prestataire, changer de fournisseur, concurren*, aller voir ailleurs, ailleurs, quitter, on part',
    'nous partons, arreter ~ utiliser, cambiar de proveedor, cambiarnos, competencia, alternativas, irnos, nos vamos',
    'dejar de usar, otro proveedor, buscar otra, trocar de fornecedor, mudar de fornecedor, concorren*, alternativas',
    'vamos sair, vamos embora, deixar de usar, outro fornecedor, procurar outra',
  ],
  'risk.frustration': [
    'frustrat*, fed up, sick of, tired of, unacceptable, ridiculous, disappointed, disappointing, annoy*, angry, furious',
    'outrageous, terrible, awful, joke, worst, not acceptable, enough is enough, exhausting, expect better, seriously, wtf',
    'unbelievable, incredible, fun guessing, really makes us feel, thanks for nothing, frustrier*, genervt, nervig',
    'argerlich, verargert, inakzeptabel, unzumutbar, lacherlich, enttausch*, wutend, sauer, katastroph*, frechheit',
    'es reicht, unfassbar, frustr*, agace*, inacceptable, ridicule, decu*, decevant, furieux, en colere, scandaleux',
    'honteux, inadmissible, j en ai marre, ras le bol, lamentable, incroyable, frustr*, harto*, inaceptable, ridiculo',
    'decepcion*, enfadad*, molest*, furios*, indignante, vergonzoso, lamentable, increible, ya basta, frustr*, cansad*',
    'inaceitavel, ridiculo, decepcion*, irritad*, chatead*, furios*, absurdo, vergonhoso, lamentavel, inacreditavel',
    'um absurdo, palhacada',
  ],
  'risk.repeat': [
    'yet again, once again, again and again, happening again, broken again, failing again, down again, third time',
    'fourth time, second time, fifth time, 2nd time, 3rd time, 4th time, 5th time, nth time, umpteenth, every week',
    'every single week, every month, keeps happening, keeps breaking, keep happening, still not fixed, still broken',
    'already reported, already told, reported ~ before, raised ~ before, last time, ticket ~ closed, closed ~ without',
    'nothing changed, weeks running, week running, months now, for weeks, for months, once more, yet again, recurring',
    'every time, same issue, same problem, third email, written ~ times, schon wieder, zum dritten mal, zum zweiten mal',
    'zum x ten mal, zum wiederholten, jede woche, jeden monat, bereits gemeldet, schon gemeldet, ticket ~ geschlossen',
    'seit wochen, seit monaten, standig, dauernd, immer wieder, gleiche problem, selbe problem, nichts geandert',
    'encore une fois, encore et encore, troisieme fois, deuxieme fois, quatrieme fois, chaque semaine, chaque mois',
    'deja signale, deja remonte, ticket ~ ferme, depuis des semaines, depuis des mois, sans cesse, meme probleme',
    'rien n a change, toujours le meme, otra vez lo mismo, una y otra vez, tercera vez, segunda vez, cuarta vez',
    'cada semana, cada mes, ya lo reporte, ya lo reportamos, ticket ~ cerrado, desde hace semanas, desde hace meses',
    'mismo problema, nada cambio, siempre lo mismo, de novo o mesmo, mais uma vez, terceira vez, segunda vez, quarta vez',
    'toda semana, todo mes, ja reportei, ja reportamos, ja avisei, ticket ~ fechado, chamado ~ fechado, ha semanas',
    'ha meses, mesmo problema, nada mudou, sempre a mesma',
  ],
  'risk.executive': [
    'ceo, cfo, cto, coo, cio, cmo, ciso, cro, chief, vp, vice president, svp, evp, director, founder, co founder, cofounder',
    'owner of, the board, our board, board member*, leadership, managing director, head of, president, senior management',
    'our management, management team, executive team, executives, geschaftsfuhrer*, geschaftsfuhrung, vorstand*',
    'bereichsleiter*, abteilungsleiter*, leiter*, leiterin, direktor*, inhaber*, grunder*, aufsichtsrat, prokurist*',
    'directeur*, directrice, pdg, dg, daf, dsi, president*, fondateur*, fondatrice, gerant*, conseil d administration',
    'la direction, notre direction, comite de direction, director*, directora, gerente, ceo, presidente, fundador*, socio',
    'consejo de administracion, la direccion, junta directiva, diretor*, diretora, gerente, presidente, fundador*, socio',
    'conselho de administracao, diretoria, chefe de, responsavel por',
  ],
};
