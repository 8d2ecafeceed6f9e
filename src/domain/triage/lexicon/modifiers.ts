/**
 * Context modifiers (step 4 of the engine): words that change what a concept in the same sentence means.
 * Negation looks a few words back; hypothetical, past, resolved and "their own shoppers" cover the sentence.
 */
import type { Lexicon } from '../matcher';

export const MODIFIERS: Lexicon = {
  'mod.negation': [
    'not, no, never, can t, cannot, nix, nichts, rien, nada, nothing, don t, dont, doesn t, isn t, aren t, wasn t, without, nothing to, not asking, no need, nicht, kein',
    'keine, keinen, keiner, nie, niemals, ohne, pas, jamais, aucun, aucune, sans, no, nunca, sin, ningun, ninguna',
    'tampoco, nao, nunca, sem, nenhum, nenhuma',
  ],
  'mod.hypothetical': [
    'if, hypothetical*, in case, suppose, what if, what happens if, falls, wenn, angenommen, hypothetisch*, im fall, si',
    'au cas ou, hypothese, hypothetique*, si, en caso de, suponiendo, hipotetic*, se voces, se eu, se nos, se a gente',
    'se for, se fosse, no caso de, supondo, hipotetic*',
  ],
  'mod.polite_if': [
    'if possible, if you can, if you could, if needed, if so, wenn moglich, falls moglich, wenn es geht, si possible',
    'si vous pouvez, si es posible, si puedes, se possivel, se puder, caso possivel',
  ],
  'mod.past': [
    'no dia, el dia, foram ~ horas, fueron ~ horas, were down for, was down for, waren ~ stunden, pendant ~ heures',
    'durante ~ horas',
    'january, february, march, april, june, july, august, september, october, november, december, januar, februar, marz',
    'juni, juli, oktober, dezember, janvier, fevrier, mars, avril, juin, juillet, aout, septembre, octobre, novembre',
    'decembre, enero, febrero, marzo, abril, junio, julio, agosto, septiembre, setiembre, octubre, noviembre, diciembre',
    'janeiro, fevereiro, marco, maio, junho, julho, setembro, outubro, novembro, dezembro, suite a, following the',
    'nach dem ausfall, tras la, apos a',
    'd hier, de ayer, de ontem, von gestern',
    'yesterday, last week, last night, last month, was down, were down, went down, was an outage, the incident on',
    'for about an hour, ago, gestern, letzte woche, letzten monat, war down, war ausgefallen, war nicht erreichbar',
    'vor ~ tagen, vor ~ stunden, vor ~ wochen, hier soir, hier matin, hier apres midi, hier entre, la semaine derniere',
    'le mois dernier, etait en panne, etait down, il y a, ayer, la semana pasada, el mes pasado, estuvo caido, estuvo caida',
    // Spanish "hace" is "ago" only before a span ("hace 2 días"); alone it is "does" ("no hace nada").
    'hace ~ dia*, hace ~ semana*, hace ~ mes*, hace ~ hora*, hace ~ minuto*, hace ~ ano*, hace poco, hace un rato',
    'ontem, semana passada, mes passado, ficou fora do ar, esteve fora, caiu ontem, atras',
  ],
  'mod.resolved': [
    'everything works again, everything is working again',
    'revenu a la normale, est clos, incident clos, est termine, ist behoben, quedo resuelto, foi resolvido',
    'back to normal since, hoy ya anda, ya anda, anda todo, todo bien, lauft wieder, tout fonctionne, tudo funcionando',
    'fine now, working again, works again, back up, back to normal, everything s fine, everything is fine, resolved',
    'fixed now, all good now, recovered, funktioniert wieder, lauft wieder, wieder normal, alles wieder, behoben, gelost',
    'fonctionne de nouveau, remarche, de nouveau operationnel, tout est rentre dans l ordre, resolu, retabli',
    'funciona de nuevo, vuelve a funcionar, volvio a funcionar, todo bien ahora, resuelto, restablecido, voltou a funcionar',
    'funcionando de novo, tudo normal, normalizado, resolvido, restabelecido',
  ],
  'mod.shoppers': [
    // Giving a refund to someone is the merchant refunding a shopper; asking for one is a dispute with us.
    'give her, give him, give them, issue her, issue him, le devuelvo, devolverle, devolverles, le rembourser',
    'la rembourser, ihm ~ erstatten, devolver pra ela, devolver pra ele, devolver para o cliente',
    'customer of mine, client of mine, a customer, the shopper, un cliente mio, cliente meu, client a moi, einem kunden',
    'ein kunde von',
    'kundin, kundinnen, eine kundin, ein kunde, kunde von mir, kundin von mir, einem kunden, einer kundin',
    'nos client*, mes client*, nuestros client*, mis client*, meus client*, nossos client*, our client*, my client*',
    'unsere kund*, meine kund*, clientes ont, de nos clientes',
    'captur*, capture, captures, doppelte captures, zwei captures, capturas, capturado*, capturad*',
    'shopper*, my customer, my customers, our customer, our customers, one of my, one of our, buyer*, end customer*',
    'end user*, client of ours, my clients, our clients, guest*, kunde*, meine kunden, unsere kunden, unser kunde',
    'endkunde*, kaufer*, besteller, mes clients, nos clients, un client, une cliente, acheteur*, client final, mis clientes',
    'nuestros clientes, un cliente, una clienta, comprador*, cliente final, meus clientes, nossos clientes, um cliente',
    'uma cliente, comprador*, cliente final, consumidor final',
  ],
  'mod.ongoing': [
    'jetzt, now, maintenant, ahora, agora',
    'since, seit, seitdem, seither, depuis, desde, still, right now, currently, at the moment, seit gestern, seit heute',
    'immer noch, noch immer, gerade, aktuell, derzeit, depuis hier, depuis ce matin, toujours, en ce moment, actuellement',
    'desde ayer, desde esta manana, todavia, sigue, siguen, ahora mismo, actualmente, desde ontem, desde hoje, ainda',
    'continua, agora, neste momento, atualmente',
  ],
  'tech.only_you': [
    'andere ~ nicht betroffen, other ~ not affected, others ~ not affected, autres ~ pas concern*, autres ~ pas affect*',
    'otros ~ no ~ afectad*, otras ~ no ~ afectad*, outros ~ nao ~ afetad*, outras ~ nao ~ afetad*, no wider incident',
    'no incident, keine storung, aucun incident, ningun incidente, nenhum incidente, specific to your, tied to your',
    'only on your',
    'only your, only you, specific to your, specific to you, other accounts look fine, others look fine, just your',
    'isolated to your, nur ihr, nur bei ihnen, nur euer, nur bei euch, nur ihren, andere konten ~ normal, seulement votre',
    'uniquement votre, propre a votre, les autres comptes ~ normal, solo su, solo tu, solo en su, unicamente su',
    'otras cuentas ~ normal, apenas sua, apenas a sua, apenas na sua, so a sua, so na sua, somente sua',
    'outras contas ~ normal',
  ],
  'mod.ask': [
    'podeis, podriais, necesitamos que, necesito que, os pido, queria pedir, quisiera, gostaria que, precisamos que',
    'preciso que',
    'please, pls, plz, we want, i want, we need, i need, we d like, i d like, we would like, i would like, we expect, i expect, we request, i request',
    'requesting, we demand, could you, can you, would you, kindly, we ask, i ask, asking for, expect',
    'bitte, wir mochten, ich mochte, wir wollen, ich will, wir brauchen, ich brauche, wir erwarten, ich erwarte, wir fordern, ich fordere, konnen sie, konnten sie',
    'konnt ihr, konntet ihr, verlangen',
    'merci de, veuillez, je souhaite, nous souhaitons, je veux, nous voulons, je demande, nous demandons, j exige, nous exigeons, pouvez vous, pourriez vous',
    'j aimerais, nous aimerions, svp, s il vous plait, s il te plait',
    'por favor, quiero, queremos, necesito, necesitamos, solicito, solicitamos, pido, pedimos, exijo, exigimos, pueden, podrian, puede, podria, me gustaria',
    'nos gustaria',
    'por favor, quero, queremos, preciso, precisamos, solicito, solicitamos, peco, pedimos, exijo, exigimos, podem, poderiam, pode, poderia, gostaria, gostariamos',
  ],
  'mod.contrast': [
    'but, however, though, although, aber, jedoch, allerdings, mais, cependant, pero, sin embargo, porem, entretanto',
    'contudo',
  ],
  // "Without it our audit is blocked": what follows is a consequence that has not happened yet.
  'mod.consequence': [
    'sans ca, sans cela, without it, without this, without that, sin esto, sin eso, sem isso, ohne das, ohne diese',
    'otherwise, sinon, sonst, de lo contrario, senao, caso contrario',
  ],
};
