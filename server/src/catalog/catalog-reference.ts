import type { ComponentType, Severity } from '@infraforum/shared';

/**
 * Reference data for the catalog of the common municipal infrastructure ("den fælleskommunale infrastruktur").
 * Slugs are stable ids: content links to them, so never rename one. Descriptions only state what is well known;
 * where we are unsure what a service does, the text stays generic and points to Digitaliseringskataloget.
 */
export interface ReferenceComponent {
  /** Kebab-case ascii id, e.g. 'serviceplatformen', 'sf1601-digital-post', 'context-handler'. */
  slug: string;
  /** Danish display name. */
  name: string;
  /** Short form people use: 'SF1601', 'CH', 'BF', 'SP'. */
  shortName: string | null;
  type: ComponentType;
  /** Parent slug; parents are listed before their children. */
  parent: string | null;
  /** What it is, 1–2 Danish sentences. */
  description: string;
  /** How bad it is for a municipality when it is down. */
  severity: Severity;
  /** What breaks, one Danish sentence. */
  impact: string;
  /** Other names people type when they search. */
  aliases: string[];
  /** Slugs of other components it needs to work. */
  dependsOn?: string[];
  /** Phased out from this day, replaced by that component (slug). */
  phasedOut?: { since: string; replacedBy: string | null };
}

export interface ReferenceSystem {
  slug: string;
  name: string;
  /** One Danish sentence: what the system is. */
  description: string;
  /** Slugs of the components it depends on directly. */
  components: string[];
}

export const REFERENCE_COMPONENTS: ReferenceComponent[] = [
  // ---- Serviceplatformen and its services ----
  {
    slug: 'serviceplatformen',
    name: 'Serviceplatformen',
    shortName: 'SP',
    type: 'component',
    parent: null,
    description:
      'KOMBITs fælleskommunale integrationsplatform, hvor kommunernes it-systemer kalder services (SFxxxx) for data og funktionalitet, fx CPR-opslag og afsendelse af Digital Post. Adgang kræver en serviceaftale mellem kommunen og KOMBIT.',
    severity: 'kritisk',
    impact: 'It-systemer kan ikke kalde services via Serviceplatformen, fx CPR-opslag og afsendelse af Digital Post.',
    aliases: ['SP', 'Service Platformen', 'Serviceplatform', 'KOMBIT Serviceplatformen'],
  },
  {
    slug: 'serviceplatformen-administrationsmodul',
    name: 'Serviceplatformens administrationsmodul',
    shortName: null,
    type: 'module',
    parent: 'serviceplatformen',
    description:
      'Webmodul, hvor kommunen administrerer serviceaftaler for Serviceplatformen og kan trække rapporter om kommunens brug af services.',
    severity: 'ingen',
    impact:
      'Serviceaftaler kan ikke oprettes eller godkendes, og rapporterne kan ikke hentes, mens modulet er nede; kald af services påvirkes ikke.',
    aliases: ['Administrationsmodulet', 'Adm.modul', 'Serviceaftaler', 'Forbrugsrapporter'],
  },
  {
    slug: 'sf1601-digital-post',
    name: 'SF1601 Kombit Digital Post',
    shortName: 'SF1601',
    type: 'service',
    parent: 'serviceplatformen',
    description:
      'Service til at afsende post fra kommunens fagsystemer via Postkomponenten, bl.a. til Digital Post. Status på afsendt post kan sendes tilbage til fagsystemet via Beskedfordeleren.',
    severity: 'medium',
    impact: 'Breve fra fagsystemerne kan ikke afsendes til Digital Post og bliver forsinket.',
    aliases: ['Digital Post', 'Kombit Digital Post', 'Afsend post', 'KombiPostAfsend', 'SF1601'],
    dependsOn: ['postkomponent'],
  },
  {
    slug: 'sf1500-organisation',
    name: 'SF1500 Organisation',
    shortName: 'SF1500',
    type: 'service',
    parent: 'serviceplatformen',
    description:
      'Service, som it-systemerne bruger til at læse og vedligeholde kommunens organisation, enheder og brugere i Organisationssystemet. Kaldes med et token fra SF1514 Security Token Service.',
    severity: 'medium',
    impact: 'Fagsystemer kan ikke hente eller opdatere organisation og brugere fra Organisationssystemet.',
    aliases: ['Organisation', 'FK Organisation', 'Organisationsservice', 'SF1500'],
    dependsOn: ['organisationssystem', 'sf1514-security-token-service'],
  },
  {
    slug: 'sf1510-klassifikation',
    name: 'SF1510 Klassifikation',
    shortName: 'SF1510',
    type: 'service',
    parent: 'serviceplatformen',
    description:
      'Service, som it-systemerne bruger til at hente klassifikationer fra Klassifikationssystemet, bl.a. KLE. Kaldes med et token fra SF1514 Security Token Service.',
    severity: 'medium',
    impact: 'Fagsystemer kan ikke hente KLE og andre klassifikationer fra Klassifikationssystemet.',
    aliases: ['Klassifikation', 'KLE', 'KLE-opslag', 'SF1510'],
    dependsOn: ['klassifikationssystem', 'sf1514-security-token-service'],
  },
  {
    slug: 'sf1520-cpr-opslag',
    name: 'SF1520 CPR-replika opslag',
    shortName: 'SF1520',
    type: 'service',
    parent: 'serviceplatformen',
    description: 'Service til opslag af personoplysninger i Serviceplatformens replika af CPR.',
    severity: 'kritisk',
    impact: 'Fagsystemer kan ikke slå borgeres personoplysninger op i CPR.',
    aliases: ['CPR', 'CPR-opslag', 'CPR replika', 'CPR-replika opslag', 'SF1520'],
  },
  {
    slug: 'sf1530-cvr-online',
    name: 'SF1530 CVR-Online',
    shortName: 'SF1530',
    type: 'service',
    parent: 'serviceplatformen',
    description: 'Service til opslag af virksomhedsoplysninger i CVR.',
    severity: 'medium',
    impact: 'Fagsystemer kan ikke slå virksomheders oplysninger op i CVR.',
    aliases: ['CVR', 'CVR-opslag', 'CVR-Online', 'SF1530'],
  },
  {
    slug: 'sf1462',
    name: 'SF1462',
    shortName: 'SF1462',
    type: 'service',
    parent: 'serviceplatformen',
    description:
      'Serviceplatformens service SF1462. Se Digitaliseringskataloget for, hvad servicen bruges til, og hvilke systemer der kalder den.',
    severity: 'medium',
    impact: 'It-systemer, der bruger servicen, kan ikke kalde den.',
    aliases: ['SF1462'],
  },
  {
    slug: 'sf1470',
    name: 'SF1470',
    shortName: 'SF1470',
    type: 'service',
    parent: 'serviceplatformen',
    description:
      'Serviceplatformens service SF1470. Se Digitaliseringskataloget for, hvad servicen bruges til, og hvilke systemer der kalder den.',
    severity: 'medium',
    impact: 'It-systemer, der bruger servicen, kan ikke kalde den.',
    aliases: ['SF1470'],
  },

  // ---- Fælleskommunal Beskedfordeler ----
  {
    slug: 'faelleskommunal-beskedfordeler',
    name: 'Fælleskommunal Beskedfordeler',
    shortName: 'BF',
    type: 'component',
    parent: null,
    description:
      'Fordelingshub for beskeder mellem systemer: et system afsender en besked, og de systemer, der abonnerer på den, henter eller får den leveret via deres dueslag – fx adviser fra Sygehusadviser til Nexus.',
    severity: 'medium',
    impact:
      'Beskeder mellem systemer udebliver eller forsinkes, hvilket kan give fejlagtig sagsbehandling grundet manglende eller forkerte oplysninger.',
    aliases: ['BF', 'Beskedfordeler', 'Beskedfordeleren', 'FK Beskedfordeler', 'Dueslag'],
  },
  {
    slug: 'sf1461-modtag-beskeder',
    name: 'SF1461 Modtag beskeder via Beskedfordeler',
    shortName: 'SF1461',
    type: 'service',
    parent: 'faelleskommunal-beskedfordeler',
    description: 'Snitflade, hvor Beskedfordeleren leverer beskeder fra et dueslag til det modtagende it-system.',
    severity: 'medium',
    impact: 'Modtagende it-systemer får ikke leveret nye beskeder, før leveringen virker igen.',
    aliases: ['Modtag beskeder', 'SF1461'],
  },

  // ---- Fælleskommunal Adgangsstyring ----
  {
    slug: 'faelleskommunal-adgangsstyring',
    name: 'Fælleskommunal Adgangsstyring',
    shortName: null,
    type: 'component',
    parent: null,
    description:
      'Styrer brugeres og systemers adgang til it-systemer på den fælleskommunale infrastruktur: brugere logger på via kommunens egen IdP, og adgangen gives ud fra jobfunktionsroller.',
    severity: 'kritisk',
    impact: 'Brugere kan ikke logge på it-systemer via Fælleskommunal Adgangsstyring.',
    aliases: ['FK Adgangsstyring', 'Adgangsstyring', 'brugerstyring', 'FK Brugerstyring', 'Adgangsstyring for brugere'],
  },
  {
    slug: 'context-handler',
    name: 'Context Handler',
    shortName: 'CH',
    type: 'module',
    parent: 'faelleskommunal-adgangsstyring',
    description: 'Motoren, der håndterer de security tokens, som udstedes af kommunens IdP, når brugerne logger på it-systemerne.',
    severity: 'kritisk',
    impact: 'Brugere kan ikke logge på de påvirkede it-systemer.',
    aliases: ['CH', 'Contexthandler', 'Context-handler', 'Login', 'FK Login'],
  },
  {
    slug: 'administrationsmodul-jobfunktionsroller',
    name: 'Administrationsmodul til jobfunktionsroller',
    shortName: null,
    type: 'module',
    parent: 'faelleskommunal-adgangsstyring',
    description: 'Modulet, hvor kommunen definerer de jobfunktionsroller, der kan tildeles brugerne.',
    severity: 'ingen',
    impact: 'Jobfunktionsroller kan ikke oprettes eller ændres, mens modulet er nede; brugerne kan fortsat logge på.',
    aliases: ['Jobfunktionsroller', 'Rolleadministration', 'Brugersystemroller', 'Administrationsmodul for brugere'],
  },
  {
    slug: 'sf1514-security-token-service',
    name: 'SF1514 Security Token Service',
    shortName: 'SF1514',
    type: 'service',
    parent: 'faelleskommunal-adgangsstyring',
    description:
      'Security Token Service (STS) i Fælleskommunal Adgangsstyring, som udsteder tokens til it-systemer, der kalder token-baserede services som SF1500 Organisation.',
    severity: 'kritisk',
    impact: 'It-systemer kan ikke få udstedt tokens og kan derfor ikke kalde token-baserede services som SF1500 Organisation.',
    aliases: ['STS', 'Security Token Service', 'Adgangsstyring for systemer', 'SF1514'],
  },

  // ---- Støttesystemerne ----
  {
    slug: 'organisationssystem',
    name: 'Fælleskommunalt Organisationssystem',
    shortName: null,
    type: 'component',
    parent: null,
    description:
      'Kommunens fælles register over organisation, enheder, medarbejdere og brugere, som it-systemerne på infrastrukturen henter organisationsdata fra.',
    severity: 'medium',
    impact: 'It-systemerne kan ikke hente eller opdatere organisation og brugere, så nye og ændrede brugere slår ikke igennem.',
    aliases: ['Organisationssystemet', 'Organisation', 'FK Organisation', 'Fælleskommunal Organisation', 'Støttesystemet Organisation'],
  },
  {
    slug: 'klassifikationssystem',
    name: 'Fælleskommunalt Klassifikationssystem',
    shortName: null,
    type: 'component',
    parent: null,
    description: 'Fælles register over klassifikationer, bl.a. KLE, som it-systemerne bruger til at opmærke og fordele sager og data.',
    severity: 'medium',
    impact: 'It-systemerne kan ikke hente KLE og andre klassifikationer.',
    aliases: ['Klassifikationssystemet', 'Klassifikation', 'KLE', 'FK Klassifikation', 'Støttesystemet Klassifikation'],
  },
  {
    slug: 'sags-og-dokumentindeks',
    name: 'Sags- og dokumentindeks',
    shortName: null,
    type: 'component',
    parent: null,
    description: 'Fælleskommunalt indeks over sager og dokumenter på tværs af kommunens fagsystemer.',
    severity: 'medium',
    impact: 'Sager og dokumenter fra fagsystemerne kan ikke indekseres eller findes på tværs af systemer.',
    aliases: ['Sagsindeks', 'Dokumentindeks', 'FK Sags- og dokumentindeks', 'Støttesystemet Sags- og dokumentindeks'],
  },
  {
    slug: 'ydelsesindeks',
    name: 'Ydelsesindeks',
    shortName: null,
    type: 'component',
    parent: null,
    description: 'Fælleskommunalt indeks over ydelser, som borgere og virksomheder modtager fra kommunen.',
    severity: 'medium',
    impact: 'Ydelser kan ikke registreres eller slås op på tværs af fagsystemerne.',
    aliases: ['Fælleskommunalt Ydelsesindeks', 'FK Ydelsesindeks', 'Støttesystemet Ydelsesindeks'],
  },
  {
    slug: 'postkomponent',
    name: 'Fælleskommunal Postkomponent',
    shortName: null,
    type: 'component',
    parent: null,
    description: 'Fælles komponent, som står for forsendelse af post fra kommunens fagsystemer, bl.a. til Digital Post.',
    severity: 'medium',
    impact: 'Post fra fagsystemerne kan ikke sendes og bliver forsinket.',
    aliases: ['Postkomponenten', 'FK Postkomponent', 'Støttesystemet Postkomponent'],
  },
  {
    slug: 'fordelingskomponent',
    name: 'Fælleskommunal Fordelingskomponent',
    shortName: null,
    type: 'component',
    parent: null,
    description: 'Fælles komponent, som fordeler forsendelser, fx dokumenter, til det fagsystem i kommunen, der skal modtage dem.',
    severity: 'medium',
    impact: 'Forsendelser bliver ikke fordelt til de modtagende fagsystemer og bliver forsinket.',
    aliases: ['Fordelingskomponenten', 'FK Fordelingskomponent', 'Støttesystemet Fordelingskomponent'],
  },
  // ---- Phased out (kept so content that mentions them is marked as possibly outdated) ----
  {
    slug: 'sf1600-print',
    name: 'SF1600 Print',
    shortName: 'SF1600',
    type: 'service',
    parent: 'serviceplatformen',
    description:
      'Den tidligere service til afsendelse af Digital Post og fysisk post fra kommunens fagsystemer. Udfaset med overgangen til den nye Digital Post og afløst af SF1601 Kombit Digital Post.',
    severity: 'ingen',
    impact: 'Udfaset: fagsystemer skal sende post via SF1601.',
    aliases: ['SF1600', 'Print', 'SF1600 Print', 'Gammel Digital Post'],
    phasedOut: { since: '2022-03-31', replacedBy: 'sf1601-digital-post' },
  },
];

export const REFERENCE_SYSTEMS: ReferenceSystem[] = [
  {
    slug: 'bbr',
    name: 'BBR',
    description: 'Bygnings- og Boligregistret, det landsdækkende register over bygninger og boliger.',
    components: ['context-handler'],
  },
  {
    slug: 'dar',
    name: 'DAR',
    description: 'Danmarks Adresseregister, det autoritative register over adresser i Danmark.',
    components: ['context-handler'],
  },
  {
    slug: 'ejerfortegnelsen',
    name: 'Ejerfortegnelsen',
    description: 'Registret over ejere af fast ejendom.',
    components: ['context-handler'],
  },
  {
    slug: 'fasit',
    name: 'Fasit',
    description: 'Fagsystem, som brugerne logger på via Fælleskommunal Adgangsstyring.',
    components: ['context-handler'],
  },
  {
    slug: 'flis',
    name: 'FLIS',
    description: 'Fælleskommunalt Ledelsesinformationssystem med nøgletal til styring og sammenligning på tværs af kommuner.',
    components: ['context-handler'],
  },
  {
    slug: 'kitos',
    name: 'Kitos',
    description: 'Kommunernes it-overbliksystem til overblik over kommunens it-systemer, kontrakter og databehandling.',
    components: ['context-handler'],
  },
  {
    slug: 'ksd',
    name: 'KSD',
    description: 'Kommunernes Sygedagpengesystem til sagsbehandling og udbetaling af sygedagpenge.',
    components: ['context-handler'],
  },
  {
    slug: 'ky',
    name: 'KY',
    description: 'Kommunernes Ydelsessystem til sagsbehandling og udbetaling af ydelser som fx kontanthjælp.',
    components: ['context-handler'],
  },
  {
    slug: 'sapa',
    name: 'SAPA',
    description:
      'Sags- og partsoverblik, som giver sagsbehandlere overblik over en borgers eller virksomheds sager på tværs af kommunens systemer.',
    components: ['context-handler'],
  },
  {
    slug: 'schultz-booking',
    name: 'Schultz Booking',
    description: 'Bookingsystem til booking af kommunens lokaler og faciliteter.',
    components: ['context-handler'],
  },
  {
    slug: 'kmd-nexus',
    name: 'KMD Nexus',
    description: 'Omsorgs- og journalsystem på sundheds-, ældre- og socialområdet.',
    components: ['context-handler', 'faelleskommunal-beskedfordeler'],
  },
  {
    slug: 'sygehusadviser',
    name: 'Sygehusadviser',
    description: 'Adviser fra sygehusene om kommunens borgere, som fordeles via Beskedfordeleren til kommunens systemer, fx Nexus.',
    components: ['faelleskommunal-beskedfordeler'],
  },
];
