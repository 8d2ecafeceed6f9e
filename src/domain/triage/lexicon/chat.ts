/**
 * What an agent can finish in the session (policy step 1): how-to questions, routine account updates, information
 * requests, accepted limitations, and the words that close a chat ("thanks, it works now").
 */
import type { Lexicon } from '../matcher';

export const CHAT: Lexicon = {
  'chat.howto': [
    'quelles sont les etapes, what are the steps, welche schritte, cuales son los pasos, quais sao os passos',
    'quais os passos',
    'how do i, how do we, how can i, how can we, how to, where do i, where can i, where do we, where can we, is there a way',
    'is it possible to, what s the best way, wie kann ich, wie konnen wir, wie geht, wie mache ich, wo kann ich',
    'wo finde ich, gibt es eine moglichkeit, ist es moglich, ou puis je, ou est ce que, ou trouver, est il possible',
    'est ce possible, y a t il un moyen, es posible, hay forma, hay manera, como, e possivel, podemos, existe forma',
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
  // The customer's last word only acknowledges: an answer understood, a fix confirmed, an apology for the alarm.
  'chat.ack': [
    'sorry for the, sorry about the, my bad, my mistake, got it, got them, ok, okay, perfect, great, all good, i see',
    'sorry fur den, entschuldig*, alles klar, passt, prima, super, stimmt, verstehe, erhalten, sind da, ist da',
    'desole pour, pardon pour, c est bon, parfait, effectivement, d accord, bien recu, recu, ca y est',
    'perdon por, perdona, disculpa*, vale, listo, hecho, perfecto, genial, confirmado, recibid*, ya llegan, ya llego',
    'desculpa*, desculpe, foi mal, beleza, perfeito, feito, pronto, verdade, recebi, recebeu, ja recebeu, tudo certo',
  ],
  'chat.thanks': ['thanks, thank you, thx, cheers, ty, appreciate*, danke*, vielen dank, merci, gracias, obrigad*, valeu'],
  'chat.works_now': [
    'kommt an, jetzt kommt, je viens de remettre, remis, ca arrive, hab ~ umgestellt, habe ~ umgestellt, ya lo cambie',
    'ja mudei, i changed it back',
    'my bad, not a bug, kein fehler, pas un bug, no es un error, nao e um bug, switched it back, turned it back on',
    'wieder eingeschaltet, lo volvi a activar, reativei, llego, chegou, ist angekommen, est arrive',
    'ya entre, ja entrei, bin drin, je suis entre, i m in, got in, *ing again, coming in again, sorry for the noise',
    'false alarm, fehlalarm, fausse alerte, falsa alarma, alarme falso, das war, war mein, war unser, c est notre',
    'c etait notre, was our, was my, fue nuestro, fue mi, foi nosso, foi meu, era nuestro, c est ca, ah oui, reactive',
    'apparaissent, apparait, je viens de, just did, acabo de, acabei de, gerade gemacht, erscheinen jetzt, aparecen',
    'aparecem, now shows, now appear*, showing now, changed it, s affiche, se muestra, aparece agora, funciona, funciono',
    'fonctionne, marche, klappt, funktioniert, works, worked, hat geklappt, hat funktioniert, geklappt, ist drin, sind drin',
    'funciono, ya quedo, consegui, works now, working now, it works, that worked, it worked, got it working, that was it',
    'that fixed it, fixed it, all good now, sorted, solved, found it, done and tested, coming in now, they re all back',
    'back to normal, fine now, resolved, that did it, problem solved, funktioniert jetzt, funktioniert wieder, klappt jetzt',
    'klappt wieder, geht wieder, geht jetzt, gelost, gefunden, das war es, das wars, lauft wieder, wieder da, ca marche',
    'ca fonctionne, fonctionne maintenant, fonctionne de nouveau, marche maintenant, c etait ca, resolu, trouve, regle',
    'ya funciona, funciona ahora, funciona de nuevo, era eso, resuelto, solucionado, lo encontre, ya la tengo, ya lo tengo',
    'ja funciona, funcionou, funciona agora, voltou a funcionar, era isso, resolvido, resolveu, achei, encontrei, deu certo',
  ],
  // Question words that mean how-to only in a question ("como configuro…?", not "como ninguém respondeu").
  'chat.howto_weak': [
    'can i, can we, kann ich, konnen wir, comment, puis je, pouvons nous, como, donde, se puede, puedo, podemos, onde',
    'da para, posso, tem como, wo, ou, what, which, was, quel, quelle, cual, qual',
  ],
  // The customer still wants a fix: "thanks, monthly works, please get it fixed" is not solved in the chat.
  'chat.still_wants_fix': [
    'arreglad*, arreglen*, arreglalo, corrijan, corrigez, beheben, repare*, consertem, but fix, aber repariert',
    'get it fixed, please fix, fix it, fix this, bitte beheben, bitte ~ fixen, beheben sie, corrigez, merci de corriger',
    'arreglenlo, arreglen, corrijam, corrijan, consertem, solucionen, live with it, for now, vorerst, pour l instant',
    'por ahora, por enquanto',
  ],
  // A teammate handing the case on: not by itself a confirmed fault (it may go to billing, legal or the account team).
  'chat.routed': [
    'escalating, i ll escalate, lo paso a, vou passar para, je le transmets, ich gebe es weiter, encaminhei',
    'estou escalando, escalando, eskaliere, j escalade, le remonte, la remonte, je remonte, lo reporto, vou reportar',
    'i ll report it, i ll log it, lo escalo, vou escalar, vou encaminhar',
  ],
};
