/**
 * Context modifiers (step 4 of the engine): words that change what a concept in the same sentence means.
 * Negation looks a few words back; hypothetical, past, resolved and "their own shoppers" cover the sentence.
 */
import type { Lexicon } from '../matcher';

export const MODIFIERS: Lexicon = {
  'mod.negation': [
    'not, no, never, don t, dont, doesn t, isn t, aren t, wasn t, without, nothing to, not asking, no need, nicht, kein',
    'keine, keinen, keiner, nie, niemals, ohne, ne, pas, jamais, aucun, aucune, sans, no, nunca, sin, ningun, ninguna',
    'tampoco, nao, nunca, sem, nenhum, nenhuma',
  ],
  'mod.hypothetical': [
    'if, hypothetical*, would it be possible, would we, could we get, could i get, in case, suppose, what if',
    'what happens if, would you, falls, wenn, angenommen, hypothetisch*, ware es moglich, konnten wir, im fall, si',
    'au cas ou, hypothese, hypothetique*, serait il possible, pourrions nous, est ce qu on pourrait, si, en caso de',
    'suponiendo, hipotetic*, seria posible, podriamos, se voces, se eu, se nos, se a gente, se for, se fosse, no caso de',
    'supondo, hipotetic*, seria possivel, poderiamos',
  ],
  'mod.polite_if': [
    'if possible, if you can, if you could, if needed, if so, wenn moglich, falls moglich, wenn es geht, si possible',
    'si vous pouvez, si es posible, si puedes, se possivel, se puder, caso possivel',
  ],
  'mod.past': [
    'yesterday, last week, last night, last month, was down, were down, went down, was an outage, the incident on',
    'for about an hour, ago, gestern, letzte woche, letzten monat, war down, war ausgefallen, war nicht erreichbar',
    'vor ~ tagen, vor ~ stunden, vor ~ wochen, hier soir, hier matin, hier apres midi, hier entre, la semaine derniere',
    'le mois dernier, etait en panne, etait down, il y a, ayer, la semana pasada, el mes pasado, estuvo caido, estuvo caida',
    'hace, ontem, semana passada, mes passado, ficou fora do ar, esteve fora, caiu ontem, atras',
  ],
  'mod.resolved': [
    'fine now, working again, works again, back up, back to normal, everything s fine, everything is fine, resolved',
    'fixed now, all good now, recovered, funktioniert wieder, lauft wieder, wieder normal, alles wieder, behoben, gelost',
    'fonctionne de nouveau, remarche, de nouveau operationnel, tout est rentre dans l ordre, resolu, retabli',
    'funciona de nuevo, vuelve a funcionar, volvio a funcionar, todo bien ahora, resuelto, restablecido, voltou a funcionar',
    'funcionando de novo, tudo normal, normalizado, resolvido, restabelecido',
  ],
  'mod.shoppers': [
    'shopper*, my customer, my customers, our customer, our customers, one of my, one of our, buyer*, end customer*',
    'end user*, client of ours, my clients, our clients, guest*, kunde*, meine kunden, unsere kunden, unser kunde',
    'endkunde*, kaufer*, besteller, mes clients, nos clients, un client, une cliente, acheteur*, client final, mis clientes',
    'nuestros clientes, un cliente, una clienta, comprador*, cliente final, meus clientes, nossos clientes, um cliente',
    'uma cliente, comprador*, cliente final, consumidor final',
  ],
  'mod.ongoing': [
    'since yesterday, since last, since this morning, still, right now, currently, at the moment, seit gestern, seit heute',
    'immer noch, noch immer, gerade, aktuell, derzeit, depuis hier, depuis ce matin, toujours, en ce moment, actuellement',
    'desde ayer, desde esta manana, todavia, sigue, siguen, ahora mismo, actualmente, desde ontem, desde hoje, ainda',
    'continua, agora, neste momento, atualmente',
  ],
  'tech.only_you': [
    'only your, only you, specific to your, specific to you, other accounts look fine, others look fine, just your',
    'isolated to your, nur ihr, nur bei ihnen, nur euer, nur bei euch, nur ihren, andere konten ~ normal, seulement votre',
    'uniquement votre, propre a votre, les autres comptes ~ normal, solo su, solo tu, solo en su, unicamente su',
    'otras cuentas ~ normal, apenas sua, apenas a sua, apenas na sua, so a sua, so na sua, somente sua',
    'outras contas ~ normal',
  ],
  'mod.contrast': [
    'but, however, though, although, aber, jedoch, allerdings, mais, cependant, pero, sin embargo, porem, entretanto',
    'contudo',
  ],
};
