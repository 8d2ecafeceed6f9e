/** The dev split: tuned on. Problems of a made-up payments and invoicing product, over a working day. */
import type { IncidentCase } from './types';

export const DEV: IncidentCase[] = [
  // Card payments failing with one code.
  { id: 'd01', problem: 'pay502', messages: ['Checkout fails for every card since 9am, we get E_PAYMENT_502 on the payment page.'] },
  {
    id: 'd02',
    problem: 'pay502',
    messages: ['Hi, our customers cannot pay. The widget shows error code E_PAYMENT_502 and nothing goes through.'],
  },
  {
    id: 'd03',
    problem: 'pay502',
    messages: ['E_PAYMENT_502 again and again when I try to charge a card', 'Is something down on your side?'],
  },
  { id: 'd04', problem: 'pay502', messages: ['Bei uns schlagen alle Kartenzahlungen fehl, Fehlermeldung E_PAYMENT_502.'] },
  {
    id: 'd05',
    problem: 'pay502',
    messages: [
      'Payments not going through at checkout, the card payment fails every time',
      { teammate: 'We are aware of an incident with card payments, our engineers are on it.' },
    ],
  },
  // Invoice PDFs not generating.
  { id: 'd06', problem: 'pdf', messages: ['The invoice PDF download is broken, it just spins and never gives me the PDF.'] },
  { id: 'd07', problem: 'pdf', messages: ['I can’t download invoice PDFs anymore, the download button does nothing.'] },
  { id: 'd08', problem: 'pdf', messages: ['Invoice pdf export is not working for any of my invoices today'] },
  {
    id: 'd09',
    problem: 'pdf',
    messages: ['Le téléchargement des factures PDF ne fonctionne plus, le PDF de la facture ne se charge pas.'],
  },
  // Login / SSO outage.
  { id: 'd10', problem: 'sso', messages: ['Nobody on our team can log in with SSO, the SAML login page is down.'] },
  { id: 'd11', problem: 'sso', messages: ['SSO login broken for all our users, we get sent back to the login page every time.'] },
  { id: 'd12', problem: 'sso', messages: ['Our SAML SSO login stopped working this morning, login loops forever'] },
  { id: 'd13', problem: 'sso', messages: ['Is there an outage? Single sign-on login is unavailable for everyone here.'] },
  // Webhooks delayed.
  { id: 'd14', problem: 'webhooks', messages: ['Your webhooks are delayed by hours, our order sync is stuck waiting for webhook events.'] },
  { id: 'd15', problem: 'webhooks', messages: ['We stopped receiving webhook events since noon, the webhook deliveries are very slow.'] },
  { id: 'd16', problem: 'webhooks', messages: ['webhook events arrive 2 hours late, is the webhook delivery broken?'] },
  { id: 'd17', problem: 'webhooks', messages: ['Webhooks sind massiv verzögert, unsere Webhook Events kommen nicht an.'] },
  // Dashboard slow.
  { id: 'd18', problem: 'dashboard', messages: ['The reporting dashboard is extremely slow, charts take minutes to load.'] },
  { id: 'd19', problem: 'dashboard', messages: ['Dashboard charts won’t load, the reporting page times out.'] },
  { id: 'd20', problem: 'dashboard', messages: ['El panel de reportes va muy lento, los gráficos del dashboard no cargan.'] },
  // Bank payouts missing with a code.
  { id: 'd21', problem: 'payout', messages: ['Our payout failed with PAYOUT_REJECTED_R03, the bank payout never arrived.'] },
  {
    id: 'd22',
    problem: 'payout',
    messages: ['Payout shows PAYOUT_REJECTED_R03 in the list, what does it mean? Money is not on our account.'],
  },
  { id: 'd23', problem: 'payout', messages: ['PAYOUT_REJECTED_R03 on yesterday’s transfer, please help'] },
  // CSV import failing.
  { id: 'd24', problem: 'csv', messages: ['The customer CSV import fails halfway, import stops at row 200 with no message.'] },
  { id: 'd25', problem: 'csv', messages: ['CSV import of customers is broken, the import hangs and nothing is created.'] },
  { id: 'd26', problem: 'csv', messages: ['Importing my customer list from CSV fails every time'] },
  // Emails to customers not sent.
  { id: 'd27', problem: 'email', messages: ['Receipt emails are not being sent to our customers since this morning.'] },
  {
    id: 'd28',
    problem: 'email',
    messages: ['Our customers are not receiving receipt emails after they pay, the receipt email is missing.'],
  },
  { id: 'd29', problem: 'email', messages: ['Les e-mails de reçu ne partent plus, nos clients ne reçoivent pas les reçus.'] },
  // API 503s.
  { id: 'd30', problem: 'api503', messages: ['Your API returns HTTP 503 for every request to the charges endpoint.'] },
  { id: 'd31', problem: 'api503', messages: ['We get error 503 from the API since 10:05, all our API calls fail.'] },
  { id: 'd32', problem: 'api503', messages: ['API down? status 503 on /v1/charges'] },
  // One-offs: other problems, some sharing words with the clusters above (the hard negatives).
  { id: 'd33', problem: null, messages: ['How do I change the logo on my invoices? I want a different logo on the PDF.'] },
  { id: 'd34', problem: null, messages: ['I want a refund for last month, I was charged twice for the subscription.'] },
  { id: 'd35', problem: null, messages: ['Can you add a dark mode to the dashboard? Would be great.'] },
  { id: 'd36', problem: null, messages: ['One specific invoice shows the wrong VAT rate, invoice 2024-118 has 19% instead of 7%.'] },
  { id: 'd37', problem: null, messages: ['My password reset email never arrives, I cannot log in to my own account.'] },
  { id: 'd38', problem: null, messages: ['The checkout button colour is wrong on mobile, it shows grey instead of our brand colour.'] },
  { id: 'd39', problem: null, messages: ['How do I export my transactions to CSV for my accountant?'] },
  { id: 'd40', problem: null, messages: ['A single customer says her card was declined with insufficient funds, is that on your side?'] },
  { id: 'd41', problem: null, messages: ['We want to cancel our plan at the end of the month, please confirm.'] },
  { id: 'd42', problem: null, messages: ['The mobile app crashes when I open settings on my Android phone.'] },
  { id: 'd43', problem: null, messages: ['Webhook signing secret: where do I find it in the dashboard?'] },
  { id: 'd44', problem: null, messages: ['Our payout schedule should be weekly instead of daily, how do I change it?'] },
  // Added for issue 19: the same clusters in the other languages, three new clusters, more hard negatives.
  {
    id: 'd45',
    problem: 'pay502',
    lang: 'es',
    messages: ['Los pagos con tarjeta fallan en el checkout con el error 502 desde esta mañana.'],
  },
  { id: 'd46', problem: 'pay502', lang: 'pt', messages: ['Pagamento no checkout dá erro 502, nenhum cliente consegue pagar com cartão.'] },
  {
    id: 'd47',
    problem: 'pay502',
    lang: 'fr',
    messages: ['La page de paiement renvoie une erreur HTTP 502, impossible de payer par carte.'],
  },
  { id: 'd48', problem: 'pay502', lang: 'de', messages: ['Die Kasse zeigt nur noch payment 502, keiner kann mehr mit Karte bezahlen!'] },
  {
    id: 'd49',
    problem: 'sso',
    lang: 'de',
    messages: ['Die Anmeldung per SSO geht nicht, alle Kollegen landen immer wieder auf der Login-Seite.'],
  },
  { id: 'd50', problem: 'sso', lang: 'pt', messages: ['Não conseguimos entrar com SSO, o login via SAML está fora do ar.'] },
  { id: 'd51', problem: 'webhooks', lang: 'fr', messages: ['Vos webhooks arrivent avec des heures de retard aujourd’hui.'] },
  { id: 'd52', problem: 'webhooks', lang: 'pt', messages: ['Os webhooks estão atrasados, os eventos chegam horas depois.'] },
  { id: 'd53', problem: 'dashboard', lang: 'de', messages: ['Das Dashboard lädt ewig und die Berichte bleiben leer.'] },
  {
    id: 'd54',
    problem: 'dashboard',
    lang: 'fr',
    messages: ['Le tableau de bord est très lent, les graphiques ne s’affichent pas.'],
  },
  { id: 'd55', problem: 'csv', lang: 'es', messages: ['La importación de clientes desde CSV falla a la mitad, no se crea nadie.'] },
  { id: 'd56', problem: 'csv', lang: 'de', messages: ['Der CSV-Import unserer Kundenliste bricht jedes Mal ab.'] },
  {
    id: 'd57',
    problem: 'email',
    lang: 'de',
    messages: ['Belegmails an unsere Kunden werden seit heute früh nicht verschickt.'],
  },
  { id: 'd58', problem: 'email', lang: 'pt', messages: ['Os e-mails de recibo não estão chegando aos clientes depois do pagamento.'] },
  { id: 'd59', problem: 'api503', lang: 'fr', messages: ['Votre API répond 503 sur toutes nos requêtes depuis 10h.'] },
  { id: 'd60', problem: 'api503', lang: 'es', messages: ['¿La API está caída? Nos devuelve 503 en todas las llamadas.'] },
  {
    id: 'd61',
    problem: 'payout',
    lang: 'es',
    messages: ['La transferencia a nuestro banco fue rechazada con PAYOUT_REJECTED_R03.'],
  },
  { id: 'd62', problem: 'pdf', lang: 'es', messages: ['No puedo descargar las facturas en PDF, el botón no hace nada.'] },
  // SMS reminders not sent.
  { id: 'd63', problem: 'sms', lang: 'en', messages: ['Appointment reminder SMS are not going out today, clients are not showing up.'] },
  { id: 'd64', problem: 'sms', lang: 'de', messages: ['Die SMS-Erinnerungen an unsere Patienten werden nicht verschickt.'] },
  { id: 'd65', problem: 'sms', lang: 'es', messages: ['Los recordatorios por SMS no se envían desde ayer.'] },
  // Receipt printer at the till.
  { id: 'd66', problem: 'printer', lang: 'en', messages: ['Receipt printer stopped printing orders from the POS, tried restarting it.'] },
  { id: 'd67', problem: 'printer', lang: 'fr', messages: ['L’imprimante de tickets n’imprime plus les commandes de la caisse.'] },
  { id: 'd68', problem: 'printer', lang: 'pt', messages: ['A impressora de recibos parou de imprimir os pedidos do caixa.'] },
  // Image uploads failing.
  {
    id: 'd69',
    problem: 'upload',
    lang: 'en',
    messages: ['Product image upload fails, the picture never finishes uploading.', 'Same with every browser.'],
  },
  { id: 'd70', problem: 'upload', lang: 'de', messages: ['Produktbilder hochladen funktioniert nicht, der Upload bricht bei 90% ab.'] },
  { id: 'd71', problem: 'upload', lang: 'es', messages: ['No se pueden subir imágenes de productos, la subida se queda colgada.'] },
  // Hard negatives.
  {
    id: 'd72',
    problem: null,
    lang: 'en',
    messages: ['Our checkout is in English but our shop is German, how do I translate the checkout?'],
  },
  { id: 'd73', problem: null, lang: 'de', messages: ['Auf der Rechnung im PDF ist noch unser altes Logo, wie ändere ich das?'] },
  {
    id: 'd74',
    problem: null,
    lang: 'fr',
    messages: ['Le webhook de test renvoie 401, j’ai sûrement mis le mauvais secret.'],
  },
  {
    id: 'd75',
    problem: null,
    lang: 'en',
    messages: ['Our own website shows 502 since our hosting migration last night, probably nothing to do with you.'],
  },
  { id: 'd76', problem: null, lang: 'es', messages: ['El dashboard muestra los importes en dólares en vez de euros.'] },
  { id: 'd77', problem: null, lang: 'pt', messages: ['A importação de produtos por CSV não aceita vírgula como separador decimal.'] },
  { id: 'd78', problem: null, lang: 'de', messages: ['Ein Kunde hat zweimal für dieselbe Bestellung bezahlt, wie erstatte ich das?'] },
  { id: 'd79', problem: null, lang: 'en', messages: ['The login page shows the wrong company logo on our subdomain.'] },
  { id: 'd80', problem: null, lang: 'en', messages: ['Could you send the receipt email again for order 5521? The customer deleted it.'] },
  { id: 'd81', problem: null, lang: 'fr', messages: ['L’application mobile est lente sur nos vieux iPad.'] },
  {
    id: 'd82',
    problem: null,
    lang: 'pt',
    messages: ['O painel mostra as vendas de ontem com o fuso horário errado.'],
  },
  { id: 'd83', problem: null, lang: 'es', messages: ['Necesito cambiar el correo de los recibos, ¿dónde está esa opción?'] },
];
