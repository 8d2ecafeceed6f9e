/**
 * Legal threats and data-protection requests (policy step 2). The traps the policy names have their own concepts
 * (legal entity / name / address, the standard DPA download) so the rules can cancel them explicitly.
 */
import type { Lexicon } from '../matcher';

export const LEGAL: Lexicon = {
  'legal.threat': [
    'lawyer*, attorney*, solicitor*, legal counsel, general counsel, our counsel, legal action, legal steps, take legal',
    'sue, sue you, suing, lawsuit*, court, small claims, formal notice, notice of breach, breach of contract, in breach of',
    'material breach, terminate for breach, termination for breach, damages, compensation for, regulator*, ombudsman',
    'consumer protection, attorney general, ftc, trading standards, cfpb, litigation, legal department will',
    'legal team will, anwalt*, rechtsanwalt*, anwaltin, anwaltlich*, rechtliche schritte, rechtlichen schritte, klage',
    'klageweg, klage einreichen, verklag*, gericht, gerichtlich*, mahnbescheid, abmahnung, vertragsbruch*',
    'vertragsverletzung*, schadensersatz*, schadenersatz*, verbraucherschutz*, verbraucherzentrale, aufsichtsbehorde, bafin',
    'fristsetzung, rechtsabteilung ~ prufen, avocat*, action en justice, poursuite*, poursuivre, tribunal*, mise en demeure',
    'mettre en demeure, rupture de contrat, manquement contractuel, violation du contrat, dommages et interets',
    'dommages interets, prejudice, dgccrf, cnil, association de consommateurs, contentieux, huissier, abogado*',
    'accion legal, acciones legales, demanda judicial, presentar una demanda, poner una demanda, demandar, demandaremos',
    'demandarlos, tribunal*, juzgado, burofax, requerimiento formal, incumplimiento de contrato, incumplimiento contractual',
    'danos y perjuicios, indemnizacion, profeco, defensa del consumidor, consumidores y usuarios, oficina del consumidor',
    'aepd, reclamacion formal, via judicial, advogad*, acao judicial, processo judicial, processar, entrar na justica',
    'abrir um processo, entrar com um processo, processar voces, justica, notificacao extrajudicial, notificacao formal',
    'quebra de contrato, violacao do contrato, danos morais, perdas e danos, indenizacao, procon, reclame aqui, anpd',
    'juizado, pequenas causas',
  ],
  'legal.trap': [
    'legal entity, legal name, legal address, legal form, legal department, legal team, rechtsform, juristische person',
    'firmierung, raison sociale, forme juridique, entite juridique, razon social, entidad legal, forma juridica',
    'razao social, entidade legal, natureza juridica, pessoa juridica',
  ],
  'privacy.dsar': [
    'gdpr, dsgvo, rgpd, lgpd, ccpa, data subject, subject access, right to be forgotten, right to erasure',
    'erase ~ personal data, delete ~ personal data, erasure, portability, article 15, article 17, article 20, art 15',
    'art 17, art 20, personal data ~ export, all personal data, data we hold, data you hold, auskunft ~ daten',
    'auskunftsersuchen, auskunftsanfrage, datenauskunft, loschung ~ daten, daten ~ loschen, personenbezogen*',
    'recht auf vergessen*, datenubertragbarkeit, betroffenenanfrage, betroffenenrecht*, donnees personnelles',
    'donnees a caractere personnel, droit d acces, droit a l oubli, droit a l effacement, effacement, portabilite',
    'supprimer ~ donnees, datos personales, derecho de acceso, derecho al olvido, derecho de supresion, supresion de datos',
    'portabilidad, borrar ~ datos, eliminar ~ datos personales, dados pessoais, direito de acesso, direito ao esquecimento',
    'eliminacao dos dados, exclusao dos dados, apagar ~ dados, portabilidade, titular dos dados',
  ],
  'privacy.dpa_negotiation': [
    'redline*, dpa ~ changes, changes to ~ dpa, our own dpa, our dpa, amend* ~ dpa, negotiat* ~ dpa, dpa ~ negotiat*',
    'countersign*, sign ~ our dpa, custom dpa, modified dpa, clauses ~ dpa, dpa ~ clause*, sub processor ~ clause*',
    'audit clause*, scc*, avv ~ anpass*, avv ~ anderung*, unseren avv, unsere avv, eigene avv, eigenen avv',
    'auftragsverarbeitungsvertrag ~ anpass*, anderungen ~ avv, gegenzeichn*, notre dpa, notre propre dpa, modifier ~ dpa',
    'modifications ~ dpa, negocier ~ dpa, clauses ~ dpa, contresign*, nuestro dpa, nuestro propio dpa, modificar ~ dpa',
    'cambios ~ dpa, negociar ~ dpa, clausulas ~ dpa, contrafirm*, encargo de tratamiento ~ modific*, nosso dpa',
    'nosso proprio dpa, alterar ~ dpa, alteracoes ~ dpa, negociar ~ dpa, clausulas ~ dpa, contra assin*',
  ],
  'privacy.dpa_standard': [
    'standard dpa, your dpa, the dpa, copy of ~ dpa, download ~ dpa, dpa ~ download, data processing agreement',
    'data processing addendum, standard avv, ihren avv, ihre avv, auftragsverarbeitungsvertrag, auftragsverarbeitung',
    'votre dpa, le dpa, dpa standard, accord de traitement, sous traitance des donnees, su dpa, el dpa, dpa estandar',
    'acuerdo de tratamiento, contrato de encargado, seu dpa, o dpa, dpa padrao, acordo de processamento',
    'acordo de tratamento',
  ],
  'privacy.breach_notice': [
    'breach notification, notify ~ breach, confirm ~ personal data ~ affected, whether ~ personal data, was our data',
    'were our data, data ~ part of the incident, security notice, datenpanne*, datenschutzverletzung*, meldepflicht',
    'violation de donnees, fuite de donnees, notification ~ violation, brecha de datos, violacion de datos',
    'notificacion ~ brecha, vazamento de dados, violacao de dados, incidente de seguranca ~ dados, notificacao ~ incidente',
  ],
  'privacy.dpa_clause': [
    'under ~ dpa, per ~ dpa, section ~ dpa, our dpa requires, gemass ~ avv, laut ~ avv, nach ~ avv, conformement ~ dpa',
    'selon ~ dpa, au titre ~ dpa, conforme ~ dpa, segun ~ dpa, de acuerdo con ~ dpa, nos termos ~ dpa, de acordo com ~ dpa',
  ],
  'privacy.personal_data': [
    'personal data, customer data, customers data, personenbezogene daten, kundendaten, donnees personnelles',
    'donnees de nos clients, datos personales, datos de nuestros clientes, dados pessoais, dados dos nossos clientes',
    'dados de clientes',
  ],
};
