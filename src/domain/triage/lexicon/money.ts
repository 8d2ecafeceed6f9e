/**
 * Money concepts (policy step 4), written from how people ask for money back in en, de, fr, es, pt (BR and PT),
 * not from the dev set. Stems end in * so inflections match ("refunded", "Rückerstattungen", "reembolsos").
 */
import type { Lexicon } from '../matcher';

export const MONEY: Lexicon = {
  // A refund word alone is often the product's own feature ("issue refunds", "refund.created"); it counts as an ask
  // only in a sentence that asks (mod.ask) or in one of the explicit ask phrases below.
  'money.refund_word': [
    'refund*, reimburs*, credit note, money back, ruckerstatt*, ruckzahl*, zuruckzahl*, zuruckerstatt*, erstatt*, gutschrift*, gutschreib*',
    'zuruckbuch*, *erstattung*, rembours*, avoir, restitu*, reembols*, devolu*, devolv*, devuelv*, reintegr*, abono, nota de credito',
    'estorn*, ressarc*, reembols*, devolucao, credito',
  ],
  'money.refund_ask': [
    'please refund, refund us, refund me, refund it, refund the, refund our, refund that, refund this, want a refund',
    'want our money, want my money, want that back, want it back, get a refund, get our money, get my money, need a refund',
    'expect a refund, request a refund, requesting a refund, asking for a refund, ask for a refund, demand a refund',
    'full refund, partial refund, credit us, credit it back, credit the difference, pay us back, pay me back',
    'give ~ money back, chance of a refund, correct and credit, refund ~ immediately, refund ~ by friday, geld ~ zuruck',
    'erstatten sie, bitte ~ erstatten, bitte ~ gutschreiben, bitte ~ zuruck, fordern ~ zuruck, verlangen ~ zuruck',
    'mochte ~ zuruck, mochten ~ zuruck, will ~ zuruck, wollen ~ zuruck, gutschrift ~ bitte, erstattung ~ bitte, remboursez',
    'remboursez nous, me rembourser, nous rembourser, demande ~ remboursement, exige ~ remboursement',
    'souhaite ~ remboursement, souhaitons ~ remboursement, veuillez ~ rembourser, merci de ~ rembourser, un avoir',
    'emettre un avoir, reembolsen, reembolsarnos, reembolsarme, devuelvan, devolvernos, devolverme, solicito ~ reembolso',
    'pido ~ reembolso, quiero ~ reembolso, queremos ~ reembolso, exijo ~ reembolso, exigimos ~ reembolso, quiero mi dinero',
    'queremos nuestro dinero, nota de credito, reembolsem, devolvam, estornem, solicito ~ reembolso, peco ~ reembolso',
    'quero ~ reembolso, queremos ~ reembolso, quero meu dinero, quero meu dinheiro, queremos nosso dinheiro',
    'dinheiro de volta, ressarcimento',
  ],
  'money.wrong_charge': [
    'charged twice, captured twice, captured two times, double capture*, duplicate capture*, two captures, charged us twice',
    'charged me twice, double charg*, duplicate charg*, double bill*, billed twice, two charges, charged two times',
    'overcharg*, over charg*, charged too much, wrong amount, wrong price, wrong rate, wrong tax, wrong vat',
    'incorrect charge*, incorrect amount, instead of applying, shouldn t have paid, should not have paid',
    'should not have been charged, shouldn t have been charged, never authori*, did not authori*, didn t authori*',
    'unauthori*, still charg*, charged again, another charge, took another, charged us for, charged me for, extra charge',
    'still charging, zu viel, trotzdem ~ abgebucht, doppelt abgebucht, doppelt belastet, doppelt berechnet',
    'zweimal abgebucht, zweimal belastet, zweimal berechnet, doppelbuchung*, doppelabbuchung*, falsch berechnet',
    'falschen betrag, falscher betrag, zu viel berechnet, zu viel abgebucht, zuviel berechnet, falsche mwst',
    'falschen steuersatz, falsche steuer, nicht autorisiert, trotzdem abgebucht, trotz kundigung, erneut abgebucht',
    'wieder abgebucht, nochmal abgebucht, unberechtigt*, debite deux fois, preleve deux fois, facture deux fois',
    'double prelevement, double debit, doublon, trop percu, trop facture, mauvais montant, mauvais taux, mauvaise tva',
    'tva erronee, preleve a tort, debite a tort, facture a tort, non autorise*, jamais autorise*, encore preleve',
    'quand meme preleve, de nouveau preleve, cobrado dos veces, cobraron dos veces, cobro duplicado, cargo duplicado',
    'doble cobro, doble cargo, cobrado de mas, cobraron de mas, cobro indebido, cobro incorrecto, importe incorrecto',
    'iva incorrecto, tasa incorrecta, no autorice, nunca autorice, no autorizado, siguen cobrando, volvieron a cobrar',
    'cobrado duas vezes, cobraram duas vezes, cobranca duplicada, cobranca em dobro, cobrado em dobro, debito duplicado',
    'cobrado a mais, cobraram a mais, cobranca indevida, valor errado, valor incorreto, imposto errado, taxa errada',
    'nao autorizei, nunca autorizei, nao autorizad*, continuam cobrando, voltaram a cobrar, cobraram de novo',
  ],
  'money.after_cancel': [
    'after cancel*, after we cancel*, after i cancel*, despite cancel*, cancelled ~ charged, canceled ~ charged',
    'cancelled ~ still, cancelled ~ yet, nach der kundigung, nach kundigung, trotz kundigung, gekundigt ~ abgebucht',
    'gekundigt ~ belastet, gekundigt ~ trotzdem, apres resiliation, apres la resiliation, apres avoir resilie',
    'resilie ~ preleve, resilie ~ debite, annule ~ preleve, despues de cancelar, tras cancelar, cancele ~ cobraron',
    'cancelamos ~ cobraron, cancelado ~ cobr*, depois de cancelar, apos cancelar, apos o cancelamento, cancelei ~ cobr*',
    'cancelamos ~ cobr*, cancelado ~ cobr*',
  ],
  'money.chargeback': [
    'chargeback*, charge back, disputed ~ charge, dispute ~ charge, disputed it with, dispute with my bank, with my bank',
    'with our bank, my card issuer, ruckbelastung*, widerspruch bei der bank, bei meiner bank, lastschrift zuruck*',
    'ruckgangig gemacht, widerrufen, retrofacturation, opposition bancaire, fait opposition, contest* aupres de ma banque',
    'aupres de ma banque, contracargo*, disputa con mi banco, con mi banco, reclamacion al banco, contestacao',
    'contestar ~ cartao, com o meu banco, com meu banco, junto ao banco',
  ],
  'money.invoice_fix': [
    'reissue*, re issue, correct* ~ invoice*, correct the invoice, corrected invoice, credit note, void* ~ invoice',
    'cancel ~ invoice, amend* ~ invoice, fix ~ invoice, new invoice with, invoice ~ corrected, invoice ~ wrong',
    'invoice ~ incorrect, rechnung ~ korrig*, korrigierte rechnung, rechnungskorrektur*, rechnung ~ neu ausstellen',
    'neu ausstell*, rechnung ~ storn*, storno*, stornier*, rechnung ~ falsch, corriger ~ facture, facture ~ corrig*',
    'facture rectificative, reemettre, reemission, re emettre, annuler ~ facture, facture ~ erron*, corregir ~ factura',
    'factura ~ correg*, factura rectificativa, reemitir, volver a emitir, anular ~ factura, factura ~ erron*',
    'factura ~ incorrecta, corrigir ~ fatura, corrigir ~ nota, fatura ~ corrig*, nota fiscal ~ corrig*, reemitir',
    'emitir novamente, cancelar ~ fatura, fatura ~ errad*, nota ~ errad*, fatura ~ incorret*',
  ],
  'money.contract_terms': [
    'payment terms, net 30, net 60, net 45, quarterly invoic*, quarterly billing, monthly invoic*, invoice ~ quarterly',
    'pay quarterly, pay monthly instead, change ~ contract, amend* ~ contract, contract amendment, purchase order',
    'po number ~ contract, renegotiat*, discount ~ renewal, renewal ~ discount, upfront, annual upfront, billing cycle',
    'billing frequency, zahlungsbedingung*, zahlungsziel*, zahlungsrhythmus, quartalsweise, vierteljahrlich*',
    'vertragsanderung*, vertrag ~ andern, vertrag ~ anpassen, nachverhandl*, rabatt ~ verlangerung, conditions de paiement',
    'delai de paiement, echeancier, trimestriel*, facturation trimestrielle, modifier ~ contrat, avenant, renegoci*',
    'paiement mensuel, condiciones de pago, plazo de pago, trimestral*, facturacion trimestral, modificar ~ contrato',
    'cambiar ~ contrato, adenda, pago mensual, pago trimestral, condicoes de pagamento, prazo de pagamento, trimestral*',
    'faturamento trimestral, alterar ~ contrato, aditivo, pagamento mensal, pagamento trimestral, boleto ~ prazo',
  ],
  'money.sla_credit': [
    'sla credit*, service credit*, credit ~ sla, availability ~ credit, uptime ~ credit, sla ~ gutschrift, gutschrift ~ sla',
    'sla gutschrift*, servicegutschrift*, credit sla, credit de service, penalit* ~ sla, credito sla, credito de servicio',
    'credito ~ sla, credito de servico, sla ~ credito',
  ],
  'money.annual_contract': [
    'annual plan, annual contract, annual subscription, yearly plan, yearly subscription, annual licen*, annual, annually',
    'per year, multi year, 12 month*, jahresvertrag*, jahresabo*, jahreslizenz*, jahrlich*, jahresplan, jahresabonnement',
    'abonnement annuel, contrat annuel, forfait annuel, plan annuel, annuel*, engagement annuel, plan anual, contrato anual',
    'suscripcion anual, anual*, plano anual, contrato anual, assinatura anual, anuidade',
  ],
  'money.renewal_invoiced': [
    'renewal invoice, invoice for the renewal, renewal ~ invoice, renewed ~ charged, auto renew*, automatically renewed',
    'renewed us, renewal charge, renewed without, verlangerungsrechnung, verlangert ~ rechnung, automatisch verlangert',
    'rechnung ~ verlangerung, facture de renouvellement, renouvel* ~ facture, renouvele automatiquement, reconduction',
    'factura de renovacion, renovacion ~ factura, renovo automaticamente, renovado automaticamente, fatura de renovacao',
    'renovacao ~ fatura, renovou automaticamente, renovado automaticamente',
  ],
  'money.topic': [
    'fee*, fees, charge*, charged, invoice*, billing, payment, price, pricing, vat, tax, gebuhr*, rechnung*, abbuch*',
    'abgebucht, belast*, preis*, mwst, umsatzsteuer, frais, facture*, factur*, prelev*, debit*, tarif*, tva, prix, cargo*',
    'cobr*, factura*, precio*, iva, comision*, tarifa*, cobranc*, fatura*, taxa*, preco*, nota fiscal, mensalidade',
  ],
  // "Tax that does not apply", "instead of the agreed rate": with a money word in the sentence this is a wrong charge.
  'money.should_not': [
    'does not apply, doesn t apply, should not apply, shouldn t apply, not applicable, should not be charged, no aplica',
    'no se aplica, no corresponde, nao se aplica, nao deveria, ne s applique pas, ne devrait pas, gilt nicht, durfte nicht',
    'hatte nicht',
  ],
  // A cancellation already made: with a later charge in the same message it is a charge after cancellation.
  'money.cancelled_done': [
    'i cancelled, we cancelled, i canceled, we canceled, cancelled my, cancelled our, canceled my, canceled our',
    'cancelled on, canceled on, already cancelled, gekundigt, habe gekundigt, haben gekundigt, resilie, j ai resilie',
    'nous avons resilie, avons annule, ai annule, di de baja, dimos de baja, cancele, cancelamos, cancelé, cancelei',
    'cancelado, cancelada, ja cancelei',
  ],
  'money.charged_done': [
    'charged, billed, took, debited, charged me, charged us, abgebucht, belastet, berechnet, eingezogen, preleve, debite',
    'facture, cobrado, cobrasteis, cobrado, habeis cobrado, cobraron, cobrou, cobraram, debitado, debitaram',
  ],
  // Fees we kept wrongly: ours even when the refund that triggered them went to a shopper.
  'money.fee_kept': [
    'quedado con, quedaron con, quedasteis con, os habeis quedado, se han quedado, ficaram com, ficou com, kept the',
    'you kept, behalten, garde les frais, kept the fee, kept our, withheld, withhold*, retained the fee, einbehalt*',
    'retenu*, conserve* ~ frais, retenid*, retuvieron, retido*, retiveram, not refunded the fee, fee ~ not ~ returned',
    'comision ~ no ~ devuelto, gebuhr ~ nicht ~ erstattet, frais ~ pas ~ rembourses, taxa ~ nao ~ devolvida',
  ],
};
