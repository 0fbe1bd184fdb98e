import type { GuideAttributesInput, Visibility } from '@infraforum/shared';

/**
 * Demo content seeded outside production, written from the webinar "Infrastruktur i praksis – Kommunens hverdag med den
 * fælleskommunale infrastruktur" (2 November 2023): Gladsaxe's hotline guides and the participants' answers about their
 * pains (impact of driftsmeddelelser, diagrams, forbrugsdata, moving suppliers to new interfaces). All authors are fictional.
 */

const KOMBIT_MODERATOR = 'moderator@kombit.dk';
const GLADSAXE_ADMIN = 'kommuneadmin@gladsaxe.dk';
const GLADSAXE_INFRA = 'infrastruktur@gladsaxe.dk';
const GLADSAXE_HOTLINE = 'hotline@gladsaxe.dk';
const ESBJERG_ADMIN = 'kommuneadmin@esbjerg.dk';
const ESBJERG_INFRA = 'infrastruktur@esbjerg.dk';
const AARHUS_INFRA = 'infrastruktur@aarhus.dk';
const HORSENS_SERVICEDESK = 'servicedesk@horsens.dk';
const EGEDAL_DIGITALISERING = 'digitalisering@egekom.dk';
const AALBORG_ARKITEKTUR = 'it-arkitektur@aalborg.dk';
const VARDE_ADMIN = 'kommuneadmin@varde.dk';

/** Extra fictional demo accounts (beside the existing ones) so questions come from several municipalities. */
export interface DemoContentAccount {
  email: string;
  name: string;
  organizationCode: string;
  role: 'member' | 'org_admin';
  title: string;
  showContactDetails: boolean;
}

export const DEMO_CONTENT_ACCOUNTS: DemoContentAccount[] = [
  {
    email: AARHUS_INFRA,
    name: 'Rasmus Kjeldsen',
    organizationCode: '0751',
    role: 'member',
    title: 'Integrationsarkitekt',
    showContactDetails: true,
  },
  {
    email: HORSENS_SERVICEDESK,
    name: 'Camilla Bech',
    organizationCode: '0615',
    role: 'member',
    title: 'Teamleder, servicedesk',
    showContactDetails: false,
  },
  {
    email: EGEDAL_DIGITALISERING,
    name: 'Henrik Mølgaard',
    organizationCode: '0240',
    role: 'member',
    title: 'Digitaliseringskonsulent',
    showContactDetails: true,
  },
  {
    email: AALBORG_ARKITEKTUR,
    name: 'Louise Thygesen',
    organizationCode: '0851',
    role: 'member',
    title: 'It-arkitekt',
    showContactDetails: true,
  },
  {
    email: VARDE_ADMIN,
    name: 'Niels Hedegaard',
    organizationCode: '0573',
    role: 'org_admin',
    title: 'It-koordinator',
    showContactDetails: true,
  },
];

export interface DemoAnswer {
  /** Author e-mail. */
  author: string;
  /** Markdown. */
  body: string;
  daysAgo: number;
  accepted?: boolean;
  voters?: { up: string[]; down: string[] };
}

export interface DemoQuestion {
  author: string;
  title: string;
  body: string;
  tags: string[];
  /** Catalog slugs (server/src/catalog/catalog-reference.ts). */
  components: string[];
  visibility: Visibility;
  daysAgo: number;
  voters?: { up: string[]; down: string[] };
  answers: DemoAnswer[];
}

export interface DemoGuide {
  author: string;
  title: string;
  body: string;
  tags: string[];
  components: string[];
  visibility: Visibility;
  daysAgo: number;
  attributes: GuideAttributesInput;
}

const ADGANGSSTYRING_SYSTEMS = [
  'BBR',
  'DAR',
  'Ejerfortegnelsen',
  'Fasit',
  'FLIS',
  'Kitos',
  'KSD',
  'KY',
  'SAPA',
  'Schultz Booking',
  'KMD Nexus',
];
const ADGANGSSTYRING_SYSTEMS_TEXT = 'BBR, DAR, Ejerfortegnelsen, Fasit, FLIS, Kitos, KSD, KY, Nexus, SAPA, Schultz Booking';

export const DEMO_GUIDES: DemoGuide[] = [
  {
    author: GLADSAXE_INFRA,
    title: 'Hotline-vejledning: Fælleskommunal Adgangsstyring – Context Handler',
    body: [
      'Vejledning til hotline om **Fælleskommunal Adgangsstyring for brugere**. Brug den, når KOMBIT sender en statusmail om fejl eller planlagt vedligehold på Adgangsstyring.',
      '',
      '## Hvad er det?',
      '',
      'Fælleskommunal Adgangsstyring sørger for, at medarbejderne kan logge på en række it-systemer med deres almindelige kommunale login. Den består af to moduler, som hotline skal kende forskel på:',
      '',
      '| Modul | Hvad gør det? | Hvis nede |',
      '| --- | --- | --- |',
      '| Administrationsmodul til jobfunktionsroller | Her defineres de adgangsroller, som kan tildeles brugerne | Ingen handling påkrævet |',
      '| Context Handler | Motor, der håndterer de security tokens, som udstedes af vores IdP | **Kritisk** – brugere kan ikke logge på de påvirkede it-systemer |',
      '',
      '## Hvad gør hotline, når Context Handler er nede?',
      '',
      '1. Tilknyt henvendelserne til den incident, som KOMBITs statusmail er blevet til i helpdesksystemet.',
      '2. Læg besked på intranettet under **Driftstatus** – brug teksten til intranettet på denne vejledning.',
      '3. Fortæl brugerne, at fejlen ligger i den fælleskommunale infrastruktur og ikke skyldes deres egen pc eller adgangskode.',
      '4. Er du i tvivl, så kontakt infrastrukturansvarlig.',
      '',
      '## Påvirkede systemer',
      '',
      'Påvirker blandt andet: BBR, DAR, Ejerfortegnelsen, Fasit, FLIS, Kitos, KSD, KY, SAPA, Schultz Booking og KMD Nexus.',
      '',
      'Se den fulde liste over påvirkede systemer i AD under `Intern\\Adgang\\IT systemer\\Stoettesystemerne`.',
      '',
      '## Når administrationsmodulet er nede',
      '',
      'Ingen handling påkrævet. Brugerne kan fortsat logge på; det er kun ændringer af jobfunktionsroller, der må vente, til modulet er oppe igen.',
    ].join('\n'),
    tags: ['adgangsstyring', 'context-handler', 'hotline', 'login', 'vejledning'],
    components: ['faelleskommunal-adgangsstyring', 'context-handler', 'administrationsmodul-jobfunktionsroller'],
    visibility: 'public',
    daysAgo: 290,
    attributes: {
      component: 'context-handler',
      purpose: 'Motor, der håndterer de security tokens, som udstedes af kommunens IdP, når brugerne logger på it-systemerne',
      severity: 'kritisk',
      affectedSystems: ADGANGSSTYRING_SYSTEMS,
      action: [
        'Kritisk – brugere kan ikke logge på de påvirkede it-systemer.',
        '1. Tilknyt henvendelser til incidenten fra KOMBITs statusmail.',
        '2. Læg besked på intranettet under Driftstatus.',
        '3. Se fuld liste over påvirkede systemer i AD under Intern\\Adgang\\IT systemer\\Stoettesystemerne.',
        '4. Kontakt infrastrukturansvarlig ved tvivl.',
        'Er det kun administrationsmodulet til jobfunktionsroller, der er nede: Ingen handling påkrævet.',
      ].join('\n'),
      intranetNotice: {
        outage: [
          'Der er problemer med at logge på it-systemer via Fælleskommunal Adgangsstyring.',
          `Dette påvirker blandt andet: ${ADGANGSSTYRING_SYSTEMS_TEXT}.`,
        ].join('\n'),
        maintenance: [
          'Planlagt vedligehold på Fælleskommunal Adgangsstyring.',
          'Den [dato] kl. [xx–xx] kan der opleves problemer med at logge på it-systemer via Fælleskommunal Adgangsstyring.',
          `Dette påvirker blandt andet: ${ADGANGSSTYRING_SYSTEMS_TEXT}.`,
        ].join('\n'),
      },
    },
  },
  {
    author: GLADSAXE_INFRA,
    title: 'Hotline-vejledning: Fælleskommunal Beskedfordeler',
    body: [
      'Vejledning til hotline om **Fælleskommunal Beskedfordeler**. Brug den, når KOMBIT sender en statusmail om fejl eller planlagt vedligehold på Beskedfordeleren.',
      '',
      '## Hvad er det?',
      '',
      'Beskedfordeleren er en fordelingshub for meddelelser mellem systemer. Systemerne kan sende og hente beskeder via et "dueslag" – fx når Sygehusadviser sender adviser til Nexus.',
      '',
      '## Hvor kritisk er det?',
      '',
      '**Medium kritisk.** Brugerne kan stadig logge på og arbejde, men der kan mangle oplysninger:',
      '',
      '- Påvirker blandt andet KMD Nexus.',
      '- Kan give fejlagtig sagsbehandling grundet manglende/forkerte oplysninger, fx hvis et advis fra sygehuset ikke er kommet frem.',
      '',
      '## Hvad gør hotline?',
      '',
      '1. Læg besked på intranettet under **Driftstatus** – brug teksten til intranettet på denne vejledning.',
      '2. Giv systemejeren for Nexus besked, så fagområdet kan være ekstra opmærksomt.',
      '3. Når fejlen er rettet: Bed systemejeren få bekræftet hos leverandøren, at beskederne er kommet igennem, før beskeden på intranettet fjernes.',
    ].join('\n'),
    tags: ['beskedfordeler', 'nexus', 'sygehusadviser', 'hotline', 'vejledning'],
    components: ['faelleskommunal-beskedfordeler'],
    visibility: 'public',
    daysAgo: 284,
    attributes: {
      component: 'faelleskommunal-beskedfordeler',
      purpose:
        'Fordelingshub for meddelelser mellem systemer – systemerne sender og henter beskeder via "dueslag", fx Sygehusadviser til Nexus',
      severity: 'medium',
      affectedSystems: ['KMD Nexus', 'Sygehusadviser'],
      action: [
        'Medium kritisk – kan give fejlagtig sagsbehandling grundet manglende/forkerte oplysninger.',
        '1. Læg besked på intranettet under Driftstatus.',
        '2. Giv systemejeren for Nexus besked.',
        '3. Når fejlen er rettet: Få bekræftet via systemejeren, at beskederne er kommet igennem, før beskeden på intranettet fjernes.',
      ].join('\n'),
      intranetNotice: {
        outage: [
          'Der er problemer med Fælleskommunal Beskedfordeler, som sender beskeder mellem it-systemer.',
          'Dette påvirker blandt andet: Nexus. Adviser fra sygehusene kan være forsinkede eller mangle, så vær ekstra opmærksom på, om oplysningerne er fuldstændige.',
        ].join('\n'),
        maintenance: [
          'Planlagt vedligehold på Fælleskommunal Beskedfordeler.',
          'Den [dato] kl. [xx–xx] kan beskeder mellem it-systemer blive forsinkede.',
          'Dette påvirker blandt andet: Nexus. Adviser fra sygehusene kan komme senere end normalt.',
        ].join('\n'),
      },
    },
  },
];

export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    author: HORSENS_SERVICEDESK,
    title: 'Context Handler er nede – hvordan ved hotline hurtigt, hvilke systemer der er ramt?',
    body: [
      'I morges fik vi en statusmail fra KOMBIT om fejl på Context Handler. Inden for en halv time havde vi over 40 henvendelser om KY, KSD og Nexus, og servicedesk brugte lang tid på at finde ud af, om det var et lokalt problem eller en fejl hos KOMBIT.',
      '',
      'Hvordan har I gjort det nemt for hotline at se, **hvilke systemer der påvirkes**, når Context Handler er nede? Har I en liste, som I vedligeholder – og hvor henter I den fra?',
    ].join('\n'),
    tags: ['context-handler', 'login', 'hotline', 'driftsmeddelelser'],
    components: ['context-handler'],
    visibility: 'members',
    daysAgo: 212,
    voters: { up: [GLADSAXE_HOTLINE, AALBORG_ARKITEKTUR, EGEDAL_DIGITALISERING, ESBJERG_INFRA], down: [] },
    answers: [
      {
        author: GLADSAXE_INFRA,
        body: [
          'Vi har lavet en konkret vejledning til hotline i vores vidensbase – den ligger også her på forummet: *Hotline-vejledning: Fælleskommunal Adgangsstyring – Context Handler*. Kort fortalt:',
          '',
          '- Context Handler nede = **kritisk**: brugerne kan ikke logge på de påvirkede it-systemer.',
          '- Det påvirker blandt andet BBR, DAR, Ejerfortegnelsen, Fasit, FLIS, Kitos, KSD, KY, Nexus, SAPA og Schultz Booking.',
          '- Den fulde liste ligger i AD under `Intern\\Adgang\\IT systemer\\Stoettesystemerne`.',
          '- Hotline lægger en fast tekst på intranettet under Driftstatus.',
          '',
          'Det vigtigste for os var at gøre vejledningen så konkret, at hotline ikke behøver at forstå arkitekturen.',
        ].join('\n'),
        daysAgo: 211,
        accepted: true,
        voters: { up: [HORSENS_SERVICEDESK, VARDE_ADMIN, ESBJERG_INFRA, KOMBIT_MODERATOR], down: [] },
      },
      {
        author: ESBJERG_INFRA,
        body: 'Vi gør næsten det samme. Derudover spørger vi leverandøren, om systemet bruger Fælleskommunal Adgangsstyring, hver gang vi tilslutter et nyt system – så kommer det med på listen fra start i stedet for at blive opdaget under et nedbrud.',
        daysAgo: 209,
        voters: { up: [HORSENS_SERVICEDESK, GLADSAXE_INFRA], down: [] },
      },
    ],
  },
  {
    author: AALBORG_ARKITEKTUR,
    title: 'Beskedfordeleren var nede i nat – mangler der nu adviser i Nexus?',
    body: [
      'KOMBIT meldte i nat et nedbrud på Fælleskommunal Beskedfordeler på ca. to timer. Sygeplejerskerne spørger nu, om de kan stole på, at alle adviser fra Sygehusadviser er kommet ind i Nexus.',
      '',
      '- Bliver beskederne leveret, når Beskedfordeleren er oppe igen?',
      '- Er der noget, vi selv skal gøre – eller er det leverandøren?',
      '- Hvad skriver I til brugerne i mellemtiden?',
    ].join('\n'),
    tags: ['beskedfordeler', 'nexus', 'sygehusadviser'],
    components: ['faelleskommunal-beskedfordeler', 'sf1461-modtag-beskeder'],
    visibility: 'members',
    daysAgo: 180,
    voters: { up: [VARDE_ADMIN, GLADSAXE_HOTLINE, ESBJERG_ADMIN], down: [] },
    answers: [
      {
        author: GLADSAXE_INFRA,
        body: [
          'Hos os er Beskedfordeleren vurderet som **medium kritisk**: Den giver ikke et nedbrud, men kan give fejlagtig sagsbehandling grundet manglende eller forkerte oplysninger.',
          '',
          'Sådan gør vi:',
          '',
          '1. Hotline lægger besked på intranettet under Driftstatus, så brugerne i Nexus ved, at oplysninger kan mangle.',
          '2. Vi beder systemejeren for Nexus om at kontakte leverandøren og få bekræftet, at alle beskeder er hentet efter nedbruddet.',
          '3. Når det er bekræftet, fjerner vi beskeden på intranettet igen.',
          '',
          'Om beskederne kommer igennem bagefter, afhænger af, hvordan systemet modtager dem – så det er leverandøren, der kan give det præcise svar.',
        ].join('\n'),
        daysAgo: 179,
        accepted: true,
        voters: { up: [AALBORG_ARKITEKTUR, VARDE_ADMIN, ESBJERG_INFRA], down: [] },
      },
      {
        author: VARDE_ADMIN,
        body: 'Vi fik sidst bekræftet af leverandøren, at deres integration henter de beskeder, der ligger i dueslaget, når forbindelsen er tilbage, så der manglede ikke noget hos os. Vi skriver alligevel til brugerne, at de skal være ekstra opmærksomme resten af dagen.',
        daysAgo: 178,
        voters: { up: [AALBORG_ARKITEKTUR], down: [] },
      },
    ],
  },
  {
    author: VARDE_ADMIN,
    title: 'Hvordan kan vi se, om breve sendt via SF1601 er kommet frem?',
    body: [
      'En borger siger, at hun aldrig har fået et brev om sin sag, men fagsystemet viser "sendt".',
      '',
      'Hvordan fejlsøger I på SF1601? Hvor kan man se, om brevet er kommet frem i Digital Post – eller om det er sendt som fysisk post i stedet?',
    ].join('\n'),
    tags: ['sf1601', 'digital-post', 'fejlsøgning'],
    components: ['sf1601-digital-post', 'postkomponent'],
    visibility: 'members',
    daysAgo: 150,
    voters: { up: [AARHUS_INFRA, HORSENS_SERVICEDESK, GLADSAXE_HOTLINE], down: [] },
    answers: [
      {
        author: AARHUS_INFRA,
        body: [
          'Status på en forsendelse kommer tilbage til fagsystemet som en besked via Beskedfordeleren. Første spørgsmål er derfor, om jeres fagsystem modtager og viser de statusbeskeder.',
          '',
          'Vores tjekliste:',
          '',
          '1. Slå forsendelsen op i fagsystemet og se, hvilken status systemet har modtaget.',
          '2. Har systemet ingen status, så spørg leverandøren, om de modtager statusbeskederne.',
          '3. Er borgeren fritaget for Digital Post, kan brevet være sendt som fysisk post – tjek det også.',
          '4. Først derefter opretter vi en sag hos KOMBIT med tidspunkt og forsendelsens id.',
        ].join('\n'),
        daysAgo: 149,
        accepted: true,
        voters: { up: [VARDE_ADMIN, GLADSAXE_INFRA, KOMBIT_MODERATOR, HORSENS_SERVICEDESK], down: [] },
      },
      {
        author: KOMBIT_MODERATOR,
        body: 'Supplement fra KOMBIT: Når I opretter en sag hos os, så tag forsendelsens id, tidspunktet og det afsendende it-system med. Så er det meget hurtigere at finde forsendelsen.',
        daysAgo: 147,
        voters: { up: [VARDE_ADMIN, AARHUS_INFRA], down: [] },
      },
    ],
  },
  {
    author: EGEDAL_DIGITALISERING,
    title: 'Ny medarbejder kan ikke logge på KSD – er fejlen i Organisation eller i rollerne?',
    body: [
      'En ny sagsbehandler i jobcentret kan logge på Windows og Outlook, men får en fejl, når hun åbner KSD. Kollegerne i samme afdeling kan godt logge på.',
      '',
      'Hvor starter I fejlsøgningen: i Organisationssystemet, i jobfunktionsrollerne eller i vores egen IdP?',
    ].join('\n'),
    tags: ['organisation', 'jobfunktionsroller', 'login', 'ksd'],
    components: ['organisationssystem', 'sf1500-organisation', 'administrationsmodul-jobfunktionsroller', 'context-handler'],
    visibility: 'members',
    daysAgo: 130,
    voters: { up: [HORSENS_SERVICEDESK, AALBORG_ARKITEKTUR, GLADSAXE_HOTLINE], down: [] },
    answers: [
      {
        author: ESBJERG_INFRA,
        body: [
          'Når det kun er én bruger, starter vi altid i denne rækkefølge:',
          '',
          '1. **Organisation**: Er brugeren kommet over i Fælleskommunalt Organisationssystem? Nye brugere kommer med vores synkronisering fra AD, og den sker ikke med det samme.',
          '2. **Jobfunktionsroller**: Har brugeren fået tildelt den jobfunktionsrolle, der giver adgang til KSD? Det er en klassiker, at den nye medarbejder er oprettet uden de samme roller som kollegerne.',
          '3. **IdP**: Er 1 og 2 i orden, ser vi på, om brugeren får de rigtige oplysninger med i login fra vores IdP.',
          '',
          'Kan flere brugere ikke logge på flere systemer, er det sandsynligvis Context Handler – så tjek KOMBITs statusmails først.',
        ].join('\n'),
        daysAgo: 129,
        accepted: true,
        voters: { up: [EGEDAL_DIGITALISERING, HORSENS_SERVICEDESK, GLADSAXE_HOTLINE, AALBORG_ARKITEKTUR], down: [] },
      },
      {
        author: AALBORG_ARKITEKTUR,
        body: 'Samme erfaring her. Vi har lavet et lille skema til servicedesk med de tre trin, og det har halveret antallet af sager, der bliver sendt videre til os.',
        daysAgo: 127,
        voters: { up: [EGEDAL_DIGITALISERING], down: [] },
      },
    ],
  },
  {
    author: AARHUS_INFRA,
    title: 'Hvem ejer KLE-opmærkningen af organisationen hos jer?',
    body: [
      'Efter webinaret om, hvordan KLE styrer data i den fælleskommunale infrastruktur, har vi opdaget, at KLE-opmærkningen af vores enheder i Organisation er forældet flere steder.',
      '',
      'Hos os ligger opgaven mellem tre stole: HR, dokumentstyring og it. Hvem ejer den hos jer, og hvor ofte gennemgår I opmærkningen?',
    ].join('\n'),
    tags: ['kle', 'klassifikation', 'organisation'],
    components: ['klassifikationssystem', 'sf1510-klassifikation', 'organisationssystem'],
    visibility: 'members',
    daysAgo: 240,
    voters: { up: [ESBJERG_INFRA, GLADSAXE_INFRA, KOMBIT_MODERATOR], down: [] },
    answers: [
      {
        author: EGEDAL_DIGITALISERING,
        body: 'Hos os ligger den hos dokumentstyring, fordi de i forvejen kender KLE fra journaliseringen. It hjælper kun med det tekniske. Vi gennemgår opmærkningen én gang om året og ved hver større omorganisering.',
        daysAgo: 236,
        voters: { up: [AARHUS_INFRA, ESBJERG_INFRA], down: [] },
      },
      {
        author: ESBJERG_INFRA,
        body: [
          'Vi har gjort det til en del af processen ved omorganiseringer:',
          '',
          '- Når HR opretter eller ændrer en enhed, får infrastrukturansvarlig besked.',
          '- Infrastrukturansvarlig sørger for KLE-opmærkningen sammen med fagområdet.',
          '- En gang om året trækker vi en liste over enheder uden opmærkning.',
          '',
          'Det er ikke perfekt, men det fanger de fleste ændringer.',
        ].join('\n'),
        daysAgo: 233,
        voters: { up: [AARHUS_INFRA, EGEDAL_DIGITALISERING, KOMBIT_MODERATOR], down: [] },
      },
    ],
  },
  {
    author: ESBJERG_ADMIN,
    title: 'Certifikatet til en integration på Serviceplatformen udløber – hvad skal vi huske?',
    body: [
      'Vi har fået en advarsel om, at certifikatet til et af vores egne it-systemer på Serviceplatformen udløber om tre uger. Sidste gang gik vores CPR-opslag ned en hel formiddag, fordi det nye certifikat ikke var registreret i tide.',
      '',
      'Har I en tjekliste for certifikatskift, og hvem i jeres organisation holder øje med udløbsdatoerne?',
    ].join('\n'),
    tags: ['serviceplatformen', 'certifikater', 'sf1520'],
    components: ['serviceplatformen', 'serviceplatformen-administrationsmodul', 'sf1520-cpr-opslag'],
    visibility: 'members',
    daysAgo: 4,
    voters: { up: [VARDE_ADMIN, AARHUS_INFRA], down: [] },
    answers: [],
  },
  {
    author: HORSENS_SERVICEDESK,
    title: 'Hvordan oversætter I KOMBITs driftsmeddelelser, så brugerne forstår dem?',
    body: [
      'Vi modtager mange statusmails fra KOMBIT, og det er svært at finde ud af impact: Hvilke af vores systemer bliver ramt, og hvad skal vi fortælle brugerne? Der kommer også mange mails om ændringer i både test og produktion, så vi mister nogle gange overblikket.',
      '',
      'Vi er heller ikke sikre på, at vi får alle meddelelser – nogle går direkte til brugerne, andre til Digitalisering.',
      '',
      'Hvordan gør I? Har I faste skabeloner, og hvem sorterer i meddelelserne?',
    ].join('\n'),
    tags: ['driftsmeddelelser', 'hotline', 'intranet', 'kommunikation'],
    components: ['faelleskommunal-adgangsstyring', 'faelleskommunal-beskedfordeler', 'serviceplatformen'],
    visibility: 'public',
    daysAgo: 260,
    voters: {
      up: [GLADSAXE_HOTLINE, EGEDAL_DIGITALISERING, AALBORG_ARKITEKTUR, ESBJERG_INFRA, VARDE_ADMIN, KOMBIT_MODERATOR],
      down: [],
    },
    answers: [
      {
        author: GLADSAXE_INFRA,
        body: [
          'Vores opskrift:',
          '',
          '- Statusmails fra KOMBIT videresendes til vores helpdesksystem, hvor de kategoriseres og bliver til sager (incidents).',
          '- For de vigtigste komponenter har hotline en vejledning: Hvad er det, hvor kritisk er det, hvilke systemer påvirkes, og hvad gør man?',
          '- Hver vejledning har færdige tekster til intranettet – én ved nedbrud og én ved planlagt vedligehold.',
          '',
          'Eksempel på teksten ved nedbrud:',
          '',
          `> Der er problemer med at logge på it-systemer via Fælleskommunal Adgangsstyring. Dette påvirker blandt andet: ${ADGANGSSTYRING_SYSTEMS_TEXT}.`,
          '',
          'Vores to vejledninger ligger her på forummet, hvis I vil bruge dem som skabelon.',
        ].join('\n'),
        daysAgo: 258,
        accepted: true,
        voters: { up: [HORSENS_SERVICEDESK, AARHUS_INFRA, EGEDAL_DIGITALISERING, VARDE_ADMIN, KOMBIT_MODERATOR], down: [] },
      },
      {
        author: AARHUS_INFRA,
        body: 'Vi har samlet sorteringen hos én person uden for servicedesk, som omformulerer meddelelserne, før de sendes ud. Servicedesk har travlt nok med hverdagen, så det fungerer bedre for os. Meddelelserne kommer til en fælles postkasse, så vi ikke er afhængige af, hvem der abonnerer.',
        daysAgo: 255,
        voters: { up: [HORSENS_SERVICEDESK, GLADSAXE_HOTLINE], down: [] },
      },
      {
        author: KOMBIT_MODERATOR,
        body: 'Tak for de gode eksempler. Vi samler input til, hvordan driftsmeddelelserne kan blive lettere at afkode – skriv gerne konkrete eksempler på meddelelser, der var svære at forstå, her i tråden.',
        daysAgo: 250,
        voters: { up: [HORSENS_SERVICEDESK], down: [] },
      },
    ],
  },
  {
    author: EGEDAL_DIGITALISERING,
    title: 'Hvordan bruger I forbrugsdata til at finde systemer, der ikke bruger infrastrukturen endnu?',
    body: [
      'Efter Esbjergs oplæg om forbrugsdata på webinaret vil vi gerne i gang med at overvåge vores forbrug af den fælleskommunale infrastruktur.',
      '',
      'Hvilke rapporter starter I med, og hvordan bruger I dem i praksis – fx over for leverandører eller fagområder?',
    ].join('\n'),
    tags: ['forbrugsdata', 'rapporter', 'serviceplatformen'],
    components: ['serviceplatformen', 'serviceplatformen-administrationsmodul'],
    visibility: 'members',
    daysAgo: 170,
    voters: { up: [AARHUS_INFRA, AALBORG_ARKITEKTUR, KOMBIT_MODERATOR, VARDE_ADMIN], down: [] },
    answers: [
      {
        author: ESBJERG_INFRA,
        body: [
          'Vi bruger tre kilder her og nu:',
          '',
          '| Rapport | Hvad vi bruger den til |',
          '| --- | --- |',
          '| Rapport – brugen af den fælleskommunale infrastruktur | Kommunens samlede brug over tid |',
          '| Overblik for kommuner og it-systemer på infrastrukturen | Hvilke af vores systemer der er tilsluttet, og hvad andre kommuner bruger |',
          '| Serviceplatformens administrationsmodul – rapporter | Brug pr. it-system og service |',
          '',
          'Pipelinerapporten og potentialerapporten er på vej, og dem glæder vi os til.',
          '',
          'I praksis sammenligner vi os med kommuner af samme størrelse: Bruger de en service, som vi ikke bruger, tager vi det op med fagområdet og leverandøren. Det er blevet et fast punkt på vores møder med systemejerne.',
        ].join('\n'),
        daysAgo: 168,
        accepted: true,
        voters: { up: [EGEDAL_DIGITALISERING, AARHUS_INFRA, GLADSAXE_INFRA, KOMBIT_MODERATOR, VARDE_ADMIN], down: [] },
      },
      {
        author: AALBORG_ARKITEKTUR,
        body: 'Vi har gjort det samme og fundet to systemer, der stadig slog CPR op via en gammel integration. Forbrugsdata gjorde det meget lettere at tage snakken med leverandøren, fordi vi kunne vise tallene.',
        daysAgo: 161,
        voters: { up: [EGEDAL_DIGITALISERING, ESBJERG_INFRA], down: [] },
      },
    ],
  },
  {
    author: VARDE_ADMIN,
    title: 'Erfaringer med at flytte en leverandør over på en ny snitflade?',
    body: [
      'Vi har et fagsystem, som stadig bruger en ældre CPR-integration i stedet for SF1520 på Serviceplatformen. Leverandøren siger, at det er muligt at skifte, men at det "kræver et projekt".',
      '',
      'Har nogen gennemført et forløb, hvor I har fundet og flyttet en leverandør over på en ny snitflade? Tips til fremgangsmåde, kontrakt og test modtages gerne.',
    ].join('\n'),
    tags: ['leverandørstyring', 'snitflader', 'sf1520', 'migrering'],
    components: ['serviceplatformen', 'sf1520-cpr-opslag'],
    visibility: 'members',
    daysAgo: 110,
    voters: { up: [AALBORG_ARKITEKTUR, ESBJERG_INFRA, GLADSAXE_INFRA, EGEDAL_DIGITALISERING], down: [] },
    answers: [
      {
        author: AALBORG_ARKITEKTUR,
        body: [
          'Vi gjorde det sidste år. Det, der virkede for os:',
          '',
          '1. Find systemet i forbrugsdata og dokumentér, at det ikke kalder SF1520.',
          '2. Find kravet i kontrakten – mange nyere kontrakter har krav om at bruge den fælleskommunale infrastruktur.',
          '3. Aftal en plan med leverandøren med testperiode og en dato for, hvornår den gamle integration lukkes.',
          '4. Opret serviceaftalen i god tid, så leverandøren kan teste.',
          '5. Følg op i forbrugsdata, at kaldene faktisk kommer.',
        ].join('\n'),
        daysAgo: 105,
        voters: { up: [VARDE_ADMIN, ESBJERG_INFRA, AARHUS_INFRA], down: [] },
      },
      {
        author: ESBJERG_ADMIN,
        body: 'Husk at tage fagområdet med fra starten. Hos os var det systemejeren, der fik leverandøren til at prioritere skiftet – ikke it.',
        daysAgo: 101,
        voters: { up: [VARDE_ADMIN], down: [] },
      },
    ],
  },
  {
    author: AALBORG_ARKITEKTUR,
    title: 'Hvordan har I organiseret hotline omkring den fælleskommunale infrastruktur?',
    body: [
      'Vi er ved at se på, hvordan vores servicedesk bedst understøtter de systemer, der bruger infrastrukturen. I dag er det lidt tilfældigt, hvem der reagerer på KOMBITs meddelelser.',
      '',
      '- Har I en fast infrastrukturansvarlig?',
      '- Hvor meget skal servicedesk selv kunne?',
      '- Hvordan holder I viden ved lige?',
    ].join('\n'),
    tags: ['hotline', 'servicedesk', 'organisering'],
    components: [],
    visibility: 'public',
    daysAgo: 285,
    voters: { up: [HORSENS_SERVICEDESK, EGEDAL_DIGITALISERING, VARDE_ADMIN, GLADSAXE_HOTLINE, KOMBIT_MODERATOR], down: [] },
    answers: [
      {
        author: GLADSAXE_ADMIN,
        body: [
          'Hos os er der én FK-infrastrukturansvarlig og seks medarbejdere i it-hotline. Vores erfaringer:',
          '',
          '- Hotline har ikke tid til den dybe forståelse af infrastrukturen – de har brug for **meget konkrete vejledninger**.',
          '- De har brug for en ven at gå til med tvivlsspørgsmål. Det er den infrastrukturansvarlige.',
          '- Vi holdt et indledende møde med hotline og senere et møde for at genopfriske.',
          '',
          'Næste skridt for os er at blive bedre til at advisere de interne systemejere direkte.',
        ].join('\n'),
        daysAgo: 283,
        accepted: true,
        voters: { up: [AALBORG_ARKITEKTUR, HORSENS_SERVICEDESK, EGEDAL_DIGITALISERING, KOMBIT_MODERATOR, ESBJERG_INFRA], down: [] },
      },
      {
        author: EGEDAL_DIGITALISERING,
        body: 'Egedal er en del af IT-Forsyningen og driftsfællesskabet, så hos os er det ikke helt klart, hvor opgaven ligger. Vi er i gang med at klarlægge, hvem der gør hvad – og den her tråd er god inspiration.',
        daysAgo: 280,
        voters: { up: [AALBORG_ARKITEKTUR], down: [] },
      },
      {
        author: HORSENS_SERVICEDESK,
        body: 'Vi har samlet supporten af infrastrukturen hos to medarbejdere i servicedesk. Resten af servicedesk kender vejledningerne og sender videre til de to, når det bliver svært.',
        daysAgo: 276,
        voters: { up: [AALBORG_ARKITEKTUR, GLADSAXE_ADMIN], down: [] },
      },
    ],
  },
  {
    author: HORSENS_SERVICEDESK,
    title: 'Findes der et diagram over sammenhængen mellem SF-services og vores fagsystemer?',
    body: [
      'Vores største udfordring er at forklare slutbrugerne, hvori problemet består, når en service fejler. Vi mangler et diagram over sammenhænge: Hvilke fagsystemer bruger hvilke SF-services og komponenter?',
      '',
      'Har nogen lavet sådan et, eller trækker I oplysningerne et sted fra?',
    ].join('\n'),
    tags: ['arkitektur', 'diagrammer', 'sf-services', 'overblik'],
    components: ['serviceplatformen'],
    visibility: 'members',
    daysAgo: 9,
    voters: { up: [AARHUS_INFRA, EGEDAL_DIGITALISERING, VARDE_ADMIN], down: [] },
    answers: [],
  },
  {
    author: GLADSAXE_HOTLINE,
    title: 'Skal hotline også reagere på driftsmeddelelser om enkelte SF-services?',
    body: [
      'Vi har vejledninger til Adgangsstyring og Beskedfordeleren, men i dag kom der en statusmail om fejl på en enkelt SF-service. Vi ved ikke, hvilke af vores systemer der bruger den, så sagen ligger bare i køen.',
      '',
      'Skal vi gøre noget ved den slags meddelelser, og hvem skal vi i givet fald kontakte?',
    ].join('\n'),
    tags: ['hotline', 'sf-services', 'driftsmeddelelser'],
    components: ['serviceplatformen'],
    visibility: 'organization',
    daysAgo: 60,
    voters: { up: [GLADSAXE_ADMIN, GLADSAXE_INFRA], down: [] },
    answers: [
      {
        author: GLADSAXE_INFRA,
        body: [
          'Godt spørgsmål – det er et hul i vores vejledninger, som vi kender. Indtil vi har vejledninger til de enkelte services, gør I sådan:',
          '',
          '1. Tilknyt statusmailen til incidenten som altid.',
          '2. Send sagen videre til mig, så finder jeg ud af, hvilke af vores systemer der bruger servicen.',
          '3. Jeg kontakter selv systemejerne, hvis deres system er ramt.',
          '',
          'Det er også noget, vi gerne vil blive bedre til: at advisere de interne systemejere direkte.',
        ].join('\n'),
        daysAgo: 59,
        accepted: true,
        voters: { up: [GLADSAXE_HOTLINE, GLADSAXE_ADMIN], down: [] },
      },
    ],
  },
];
