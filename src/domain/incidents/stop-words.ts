/**
 * Words that say nothing about *what* is failing, in the five languages triage reads: function words, and the
 * words every problem report shares ("error", "working", "please"). Matched on the engine's folded tokens
 * (lower case, accents folded), four letters and longer (shorter words are skipped anyway).
 */
const WORDS = `
about after again also always anymore anyone anything been before being cannot could does doing done dont each
even every from have having here into just keep keeps know like made make many more most much need needs never
only other over please really same seem seems should since some still such than that their them then there these
they this those through today very want wants were what when where which while will with would your yours
yesterday morning afternoon evening hour hours minute minutes week right now time times thing things help thanks
thank hello anybody someone something since ever getting gets got going goes went come comes back
error errors issue issues problem problems broken working work works worked failing fails failed fail failure
down outage slow slowly load loading loads stuck crash crashes crashing bug bugs wrong happening happen happens
anymore able unable cant doesnt isnt wont didnt arent trying tried try again customers customer users user
everyone everybody affected affecting others people team your our ours mine site page pages app application
since exactly completely totally entire whole just also even
show shows showing instead specific take takes give gives spin spins spinning nothing nobody sent send sending
stopped stop stops forever return returns request requests extremely halfway message messages created create
receiving receive missing single side whatever anything everything says said told tells shown looks look
aber alle allem alles auch bitte dass diese dieser dieses doch eine einem einen einer eines funktioniert geht
haben hatte heute immer jetzt kann kein keine leider mehr nach nicht noch oder schon seit sein sind uber unser
unsere wieder wird wurde fehler problem problema problemas probleme
avec cette dans depuis encore elle fait leur mais marche meme nous pour plus quand sont sous toujours tout
tous votre vous erreur bloque fonctionne
ahora algo como desde esta este esto estoy hace hasta para pero porque todo todos usted nuestra nuestro sigue
funciona error
agora aqui como desde esta este isso mais muito nada para pelo porque sempre tambem todo voces nosso nossa
funciona erro
http https status code codigo codes
kunde kunden kundin nutzer benutzer mitarbeiter kollegen client clients utilisateur utilisateurs cliente clientes
usuario usuarios usuaria equipe equipo company companies firma unternehmen entreprise societe empresa empresas
stunde stunden minuten tage gestern morgen fruh abend heure heures jour jours hier matin soir aujourd
hora horas dias ayer manana tarde noche ontem hoje manha noite depois antes despues durante
kommt kommen bekommen erhalten zeigt zeigen macht machen gibt geben bleibt bleiben lasst versuchen versucht
arrive arrivent recoit recoivent recevons envoie renvoie affiche montre donne reste essaye essaie peut peuvent
pouvons charge
llega llegan recibe reciben recibimos envia devuelve muestra queda puede pueden podemos intentamos intente
chega chegam chegando recebe recebem recebemos envia retorna mostra fica pode podem consegue conseguem conseguimos
aparece aparecen ella ellas ellos stehen steht drin alte alten ligne mettent unser unserer unseren unserem gemacht angezeigt rien entrar werden wird wurde wurden sent verschickt versendet envoye envoyes enviado enviados enviadas
estao estava estamos sendo nenhum nenhuma ninguem nunca tambien todavia siempre nadie nada
`;

const STOP = new Set(WORDS.split(/\s+/).filter((word) => word !== ''));

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}
