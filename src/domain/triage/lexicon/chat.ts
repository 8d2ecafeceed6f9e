/**
 * What an agent can finish in the session (policy step 1): how-to questions, routine account updates, information
 * requests, accepted limitations, and the words that close a chat ("thanks, it works now").
 */
import type { Lexicon } from '../matcher';

export const CHAT: Lexicon = {
  'chat.howto': [
    'how do i, how do we, how can i, how can we, how to, where do i, where can i, where do we, where can we, is there a way',
    'is it possible to, can i, can we, what s the best way, wie kann ich, wie konnen wir, wie geht, wie mache ich',
    'wo kann ich, wo finde ich, gibt es eine moglichkeit, ist es moglich, kann ich, konnen wir, comment, ou puis je',
    'ou est ce que, ou trouver, est il possible, est ce possible, puis je, pouvons nous, y a t il un moyen, como, donde',
    'se puede, es posible, puedo, podemos, hay forma, hay manera, como, onde, da para, e possivel, posso, podemos, tem como',
    'existe forma',
  ],
  'chat.routine_update': [
    'billing email, billing address, invoice email, send ~ invoices to, vat id, vat number, tax id, future invoices',
    'next invoice, invoice language, resend, re send, send ~ copy, copy of ~ invoice, again ~ invoice, invoice ~ again',
    'update ~ name, change ~ name, company name, add ~ user, invite*, new address, change ~ address, update ~ address',
    'change ~ email, rechnungsadresse, rechnungs e mail, rechnungsmail, ust id, ustid, steuernummer, kunftige rechnungen',
    'kunftigen rechnungen, nachste rechnung, rechnungssprache, erneut senden, nochmal schicken, nochmal senden',
    'kopie ~ rechnung, firmenname, adresse andern, adresse aktualisieren, einlad*, nutzer hinzufugen',
    'adresse de facturation, email de facturation, e mail de facturation, numero de tva, prochaines factures',
    'prochaine facture, langue ~ facture, renvoyer, copie ~ facture, changer ~ nom, modifier ~ adresse, inviter',
    'ajouter ~ utilisateur, correo de facturacion, direccion de facturacion, cif, nif, rfc, proximas facturas',
    'proxima factura, idioma ~ factura, reenviar, copia ~ factura, otra vez ~ factura, cambiar ~ nombre',
    'cambiar ~ direccion, invitar, agregar ~ usuario, anadir ~ usuario, email de cobranca, e mail de faturamento',
    'endereco de cobranca, cnpj, nif, proximas faturas, proxima fatura, idioma ~ fatura, reenviar, segunda via',
    'copia ~ fatura, alterar ~ nome, alterar ~ endereco, convidar, adicionar ~ usuario',
  ],
  'chat.info': [
    'postmortem, post mortem, root cause, status of, what happened, public sla, your sla, sla document, refund policy',
    'pricing page, is there a report, explain, understand why, why is, why was, what is, what does, just want to understand',
    'just checking, quick question, nachbericht, ursache, was ist passiert, erklaren, verstehen warum, warum ist',
    'warum wurde, kurze frage, rapport d incident, cause, que s est il passe, expliquer, comprendre pourquoi, pourquoi',
    'petite question, informe, causa, que paso, explicar, entender por que, por que, pregunta rapida, relatorio, causa',
    'o que aconteceu, explicar, entender por que, por que, pergunta rapida',
  ],
  'chat.limitation_accepted': [
    'fair enough, no worries, no problem, we ll do that, we ll just, we will just, that s fine, understood, makes sense',
    'ok then, we ll work around, all good, verstanden, alles klar, kein problem, dann machen wir, passt schon, macht sinn',
    'nachvollziehbar, ok dann, d accord, compris, pas de souci, pas de probleme, on fera, nous ferons, ca marche, tres bien',
    'entendido, de acuerdo, no pasa nada, sin problema, lo haremos, vale, tiene sentido, perfecto, entendi, entendido',
    'de acordo, sem problema, tudo bem, faremos, faz sentido, beleza, perfeito',
  ],
  'chat.thanks': ['thanks, thank you, thx, cheers, ty, appreciate*, danke*, vielen dank, merci, gracias, obrigad*, valeu'],
  'chat.works_now': [
    'works now, working now, it works, that worked, it worked, got it working, that was it, that fixed it, fixed it',
    'all good now, sorted, solved, found it, done and tested, coming in now, they re all back, back to normal, fine now',
    'resolved, perfect, brilliant, that did it, problem solved, funktioniert jetzt, funktioniert wieder, klappt jetzt',
    'klappt wieder, geht wieder, geht jetzt, gelost, gefunden, das war es, das wars, lauft wieder, wieder da, perfekt',
    'ca marche, ca fonctionne, fonctionne maintenant, fonctionne de nouveau, marche maintenant, c etait ca, resolu, trouve',
    'regle, c est bon, parfait, ya funciona, funciona ahora, funciona de nuevo, ya esta, era eso, resuelto, solucionado',
    'lo encontre, ya la tengo, ya lo tengo, perfecto, ja funciona, funcionou, funciona agora, voltou a funcionar, era isso',
    'resolvido, resolveu, achei, encontrei, deu certo, perfeito',
  ],
};
