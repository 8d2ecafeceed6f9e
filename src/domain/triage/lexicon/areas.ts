/**
 * Product areas: *what* is failing, as one language-independent concept per area ("checkout", "payment page",
 * "Kasse", "page de paiement" and "página de pago" are one `area.checkout`). Written from the features a commerce,
 * billing or booking product has, in en, de, fr, es and pt, not from any labelled conversation. The incident
 * grouping (src/domain/incidents/signature.ts) reads them in the sentences where a customer reports a problem; the
 * concept's name after `area.` is what the sidebar shows (underscores read as spaces), so name it in plain English.
 *
 * Kept out of the engine's own matcher: routing does not read areas, and only the few problem sentences pay for them.
 * Words that mean something else in one of the languages stay out ("charge" is French for loading, "termin" starts
 * "terminal", "reçu" is also "received"), or are written as a phrase that settles it.
 */
import type { Lexicon } from '../matcher';

/**
 * A specific area named on the same words hides the broad one its compound or phrase also matches: "Auszahlungen"
 * is a payout (not also a payment, though "*zahlungen" matches it), a "Kartenterminal" is a terminal.
 */
export const NARROWER: Readonly<Record<string, readonly string[]>> = {
  'area.payment': ['area.payout', 'area.refund', 'area.terminal', 'area.direct_debit', 'area.checkout'],
  'area.card': ['area.terminal', 'area.gift_card'],
};

export const AREAS: Lexicon = {
  'area.checkout': [
    'checkout*, check out page, payment page, pay page, kasse, *kasse, bezahlseite, zahlungsseite, bezahlvorgang',
    'page de paiement, page de paiment, tunnel de paiement, pagina de pago, pasarela de compra, finalizar compra',
    'pagina de pagamento, pagina de checkout',
  ],
  'area.payment': ['payment*, pay, paying, zahlung*, *zahlung, *zahlungen, bezahl*, paiement*, payer, pago, pagos, pagar', 'pagamento*'],
  'area.card': [
    'card, cards, credit card*, debit card*, karte, karten*, *karte, kreditkarte*, carte, cartes, carte bancaire',
    'tarjeta*, cartao, cartoes',
  ],
  'area.gateway': ['gateway*, passerelle*, pasarela*, acquirer*'],
  'area.authorization': ['authori*, autorisier*, autorisation*, autorizacion*, autorizacao*, autorizac*'],
  'area.invoice': ['invoice*, rechnung*, *rechnung, *rechnungen, facture*, factura*, fatura*'],
  'area.receipt': [
    'receipt*, beleg*, *beleg, *belege, quittung*, kassenbon*, de recu, le recu, les recus, des recus, un recu',
    'ticket de caisse, recibo*, comprovante*',
  ],
  'area.pdf': ['pdf, pdfs'],
  'area.download': ['download*, herunterlad*, telecharg*, descarg*, baixar, baixa o, transferir o'],
  'area.export': ['export*, exportier*, exportar, exportacion*, exportacao*'],
  'area.import': ['import, imports, imported, importing, importer, importier*, importation*, importar, importacion*, importacao*'],
  'area.csv': ['csv, csvs, spreadsheet*, tabelle*, hoja de calculo, planilha*'],
  'area.login': [
    'login*, log in, log on, logon, sign in, signin, anmeld*, einlogg*, connexion, se connecter, me connecter',
    'nous connecter, iniciar sesion, inicio de sesion, fazer login, entrar na conta, entrar no sistema',
  ],
  'area.sso': ['sso, saml, single sign on, okta, azure ad, entra id'],
  'area.password': ['password*, passwort*, kennwort*, mot de passe, mots de passe, contrasena*, senha*'],
  'area.two_factor': [
    '2fa, mfa, otp, two factor, 2 factor, zwei faktor*, 2 faktor*, deux facteurs, double authentification',
    'doble factor, dos factores, dois fatores, verification code*, bestatigungscode*, code de verification',
    'codigo de verificacion, codigo de verificacao',
  ],
  'area.email': ['email*, e mail*, mail, mails, *mail, *mails, courriel*, correo*'],
  'area.sms': ['sms, *sms, text message*'],
  'area.notification': ['notifica*, push notification*, push message*, benachrichtigung*, mitteilung*'],
  'area.webhook': ['webhook*, *webhook, *webhooks'],
  'area.api': ['api, apis, endpoint*, schnittstelle*'],
  'area.sync': ['sync*, synchronis*, sincroniz*, abgleich*'],
  'area.dashboard': ['dashboard*, tableau de bord, tableaux de bord, panel, painel, cuadro de mando'],
  'area.reports': [
    'report, reports, reporting, bericht*, *bericht, *berichte, auswertung*, rapports, le rapport, du rapport, un rapport',
    'rapport de*, rapport des, informe*, reporte*, relatorio*',
    'chart*, graph*, diagramm*, grafico*, graphique*, analytics, statisti*, estadistica*, estatistica*',
  ],
  'area.search': ['search*, suche, *suche, suchfunktion, recherche*, busqueda*, buscador, pesquisa*, busca'],
  'area.payout': [
    'payout*, pay out, auszahlung*, versement*, virement*, transferencia*, repasse*, saque*, bank transfer*',
    'uberweisung*, bank, bank account*, bankkonto*, compte bancaire, cuenta bancaria, conta bancaria',
  ],
  'area.refund': ['refund*, ruckerstatt*, erstattung*, *erstattung, rembours*, reembols*, estorno*'],
  'area.subscription': [
    'subscription*, subscriber*, renewal*, abo, abos, abonnement*, abonnent*, verlangerung*, renouvellement*',
    'suscripcion*, renovacion*, assinatura*, renovacao*',
  ],
  'area.tax': ['tax, taxes, vat, steuer*, *steuer, mwst, tva, taxe*, impot*, iva, impuesto*, imposto*'],
  'area.shipping': ['shipping, shipment*, versand*, *versand, livraison*, expedition*, frete, envio de pedidos'],
  'area.label': ['label, labels, etikett*, *etikett, *etiketten, etiquette*, etiqueta*'],
  'area.printing': ['print*, drucker*, druck*, *drucker, imprim*, impresora*, impressora*, impressao'],
  'area.booking': [
    'booking*, appointment*, reservation*, buchung, buchungen, termin, termine, terminen, rendez vous, rdv',
    'reserva, reservas, cita, citas, agendamento*',
  ],
  'area.reminder': ['reminder*, erinnerung*, *erinnerung, *erinnerungen, rappel*, recordatorio*, lembrete*'],
  'area.qr_code': ['qr, qr code*, qr kod*, code qr, codes qr, codigo qr, codigos qr, qrcode*'],
  'area.tables': ['table, tables, tisch, tische, tischen, mesa, mesas'],
  'area.gift_card': [
    'gift card*, giftcard*, geschenkkarte*, carte cadeau, cartes cadeaux, carte cadeaux, tarjeta regalo, tarjetas regalo',
    'cartao presente, cartoes presente, vale presente',
  ],
  'area.balance': ['balance, balances, guthaben, kontostand, solde, soldes, saldo, saldos'],
  'area.price': ['price, prices, pricing, preis, preise, *preis, *preise, prix, precio, precios, preco, precos'],
  'area.network': ['wifi, wi fi, wlan, network, netzwerk, reseau, red wifi, rede, internet, ethernet'],
  'area.online_shop': [
    'online shop, online store, onlineshop*, webshop*, web shop, website, boutique en ligne, site web, tienda online',
    'tienda en linea, sitio web, loja online, loja virtual',
  ],
  'area.calendar': ['calendar*, kalender*, *kalender, agenda*, calendrier*, calendario*'],
  'area.inventory': ['inventory, stock, stocks, lagerbestand*, bestand, lager, inventaire*, inventario*, existencias, estoque*'],
  'area.order': ['orders, new order, an order, the order, bestellung*, *bestellung, *bestellungen, commande*, pedido*, encomenda*'],
  'area.pos': ['pos, point of sale, cash register, kassensystem*, caisse, caja, tpv, caixa, pdv, ponto de venda'],
  'area.terminal': [
    'terminal*, card reader*, kartenleser*, kartenterminal*, zahlungsterminal*, lesegerat*, tpe, terminal de paiement',
    'terminal de pago, terminal de pagamento, datafono*, lector de tarjeta*, lectores de tarjeta*',
    'maquininha*, leitor de cartao',
  ],
  'area.upload': ['upload*, hochlad*, *upload, telechargement vers, televers*, subir, subida*, carregar arquivo*'],
  'area.image': ['image*, bild, bilder, *bild, *bilder, foto, fotos, photo*, imagen*, imagem*'],
  'area.mobile_app': ['mobile app, app, apps, application mobile, appli, aplicacion, aplicativo, aplicacion movil'],
  'area.ios': ['ios, iphone*, ipad*'],
  'area.android': ['android'],
  'area.accounting': ['accounting, xero, quickbooks, datev, sage, buchhaltung*, comptabilit*, contabilidad*, contabilidade*'],
  'area.discount': ['coupon*, discount*, rabatt*, gutschein*, code promo, codes promo, remise*, descuento*, cupon*, cupom*, desconto*'],
  'area.direct_debit': ['sepa, direct debit*, lastschrift*, prelevement*, domiciliacion*, debito automatico'],
  'area.permissions': ['permission*, role, roles, berechtigung*, droits d acces, permiso*, permisso*'],
  'area.domain': ['domain*, dns, domaine*, dominio*'],
  'area.attachment': ['attachment*, anhang*, anhange, piece jointe, pieces jointes, adjunto*, anexo*'],
};
