import type { ProgrammeItemInput } from '@infraforum/shared';

/**
 * The webinar the project started from, as the source material has it (`infrastruktur-i-praksis-2023-11-02`):
 * programme, both talks, the three Mentimeter dialogue questions with every answer given (imported as anonymous
 * answers, "-" and "??" included, so the counts match the slides: 19, 27 and 13), the four evaluation statements
 * (the slides hold no results for them) and the nine topic suggestions from the closing question. Who wrote each
 * suggestion is not in the source: they are attributed to the fictional demo accounts, with their contact details
 * shown to moderators only.
 */

export const DEMO_WEBINAR = {
  author: 'moderator@kombit.dk',
  title: 'Kommunens hverdag med den fælleskommunale infrastruktur',
  series: 'Infrastruktur i praksis',
  startsAt: '2023-11-02T10:00:00+01:00',
  endsAt: '2023-11-02T12:00:00+01:00',
  hosts: ['0159', '0561'],
  tags: ['infrastruktur-i-praksis', 'hotline', 'forbrugsdata'],
  components: ['context-handler', 'faelleskommunal-beskedfordeler', 'serviceplatformen-administrationsmodul'],
  body: `Gladsaxe og Esbjerg Kommune holder inspirationsoplæg og skaber rammerne for dialog og deling af viden og erfaringer på tværs af deltagerne. Fokus er på to forvaltningsopgaver.

## Dagens take-away

Når webinaret er slut, har du fået inspiration til, hvordan din kommune kan håndtere to centrale forvaltningsopgaver. Det sker helt konkret ved, at du:

- hører, hvad infrastrukturansvarlig i Gladsaxe Kommune gør for at understøtte servicedesken, så de kan supportere it-systemer, der anvender infrastrukturen
- hører, hvordan Esbjerg Kommune systematisk anvender forbrugsdata til at udbrede og få mest mulig værdi af den fælleskommunale infrastruktur
- har bidraget til dialogen og delt erfaringer med at håndtere de to forvaltningsopgaver, så du går herfra med erfaringer fra flere kommuner`,
  programme: [
    { start: '10:00', end: '10:15', title: 'Velkomst og rammesætning af dagens webinar', speakerOrganization: 'KOMBIT' },
    {
      start: '10:15',
      end: '10:30',
      title:
        'Inspirationsoplæg: Sådan understøtter Gladsaxe Kommune deres hotline, så de kan supportere it-systemer, der integrerer til den fælleskommunale infrastruktur',
      speaker: 'Andreas Behrens',
      speakerOrganization: 'Gladsaxe Kommune',
    },
    { start: '10:30', end: '11:00', title: 'Fælles dialog og deling af erfaringer v. alle deltagere', speakerOrganization: 'KOMBIT' },
    { start: '11:00', end: '11:10', title: 'Pause' },
    {
      start: '11:10',
      end: '11:25',
      title: 'Inspirationsoplæg: Sådan bruger Esbjerg Kommune forbrugsdata til at udbrede og få værdi af den fælleskommunale infrastruktur',
      speaker: 'Martin Dahlstrøm Vinter',
      speakerOrganization: 'Esbjerg Kommune',
    },
    { start: '11:25', end: '11:50', title: 'Fælles dialog og deling af erfaringer v. alle deltagere', speakerOrganization: 'KOMBIT' },
    { start: '11:50', end: '12:00', title: 'Next step, evaluering og afslutning', speakerOrganization: 'KOMBIT' },
  ] satisfies ProgrammeItemInput[],
  recap: `Gladsaxe fortalte, hvordan én infrastrukturansvarlig og seks medarbejdere i it-hotlinen håndterer KOMBITs statusmails: de videresendes til helpdesksystemet og bliver til sager, og hotline har meget konkrete vejledninger pr. komponent (Fælleskommunal Adgangsstyring, Context Handler, Beskedfordeler) med hvad der rammes, og hvilken besked der lægges på intranettet.

Esbjerg viste, hvordan forbrugsdata (rapporten om brugen af den fælleskommunale infrastruktur, administrationsmodulets rapporter, pipeline- og potentialerapporten) giver overblik over kommunens nuværende og mulige brug af infrastrukturen.

Deltagerne efterlyste konkrete vejledninger, diagrammer over sammenhænge, overblik over hvad der rammes, når en komponent er nede, cases om at flytte en leverandør til en ny snitflade, og ét sted at spørge hinanden.`,
};

export const DEMO_DIALOGUE: { prompt: string; answers: string[] }[] = [
  {
    prompt: 'Hvilken indsats har du/din kommune gjort for at understøtte medarbejdere i service-/helpdesk?',
    answers: [
      'Ingen',
      'Dialog / vejledninger / intranetsider',
      'De abonnerer selv hver i sær på disse statusmeddelelser',
      'Lidt det samme, mail som sager i ITSM og vidensposter',
      'Vejledninger',
      'Intern undervisning',
      'Ingen',
      'Egedal er en del af IT-Forsyningen og driftsfællesskabet.\nKender ikke en formel proces som understøtte dette!\nBestemt en indsats som skal klarlægges.',
      'Ved ikke',
      'Vi får leveret statusmails i en fælles postkasse som support medarbejderne kan slå op i, hvis der indmeldes problemer fra brugere. Og på supports storskærm kan de selv se KOMBIT status',
      'Vi opsamler informationerne uden for Servicedesk og sorterer i hvad de skal have af information. De er som regel travlt nok beskæftiget med hverdagen.',
      'Servicedesk er i udgangspunkt spoc for kombit driftsbekeder, men infrastruktur ansvarlig er nok mere proaktiv i hverdagen',
      'De får servicebeskederne og sorterer i dem hvad der skal ud til brugerne - og de omformulerer',
      'Centraliseret supporten til een eller to medarbejdere',
      'Der lægges drift beskeder på Intranet, især for at begrænse tryk/pres på supportfunktionen.',
      'Vi inddrager vores ServiceDesk, når nye systemer i driftssættes. Udarbejder en business service beskrivelse.',
      'vi har en videnspost med link til driftstatus hjemmesider. KMD Nexu melder til suporten der lægger meddelelser på intranettet ved problemer med login eller nedbrud mm.',
      'Du får meddelelse ad hoc - f.eks. når FK Brugerstyring er nede og ingen kan logge på :-)',
      'Ikke så meget. Snakket lidt om hvilke driftmeddelser som har relevans for vores kommune.',
    ],
  },
  {
    prompt:
      'Hvad er nu og her din/din kommunes største udfordring i relation til support af it-systemer, der er tilsluttet infrastrukturen?',
    answers: [
      'Finde ud af impact af de forskellige driftmeddelelser',
      'Manglende gode vejledninger og diagrammer over sammenhænge',
      'Få overblik over de services der ikke fungerer',
      'ingen umiddelbart',
      '"Afkodning" af meddelelser og viderformidling til IT + resten af organisationen',
      '-',
      'Der kommer rigtig mange mails om ændringer/opdateringer af systemer hele tiden både i test og prod, så man mister nogle gange overblikket.',
      'At forklare slutbrugeren hvori problemet består',
      'Vidensdeling internt i IT',
      'Mest intern oplæring. Måske kunne gøre noget i fællesskab??',
      'Forståelse af arkitekturen',
      'Arkitekturen',
      '-',
      'at der er uoverskueligt mange, og vi kender ikke til alle, som aktivt bruges i kommunen',
      'Mængden af beskeder siden overgang til Kyndryl',
      'Viden og forståelse for systemer og sammenhænge',
      '-',
      'Usikkerhed om vi får alle driftsmeddelelser? Nogle tilgå brugere andre modtages direkte til Digitalisering.',
      'Finde og kommunikere de vigtigste informationer',
      'Dialog mellemorganisationer og ServiceDesk koblet op mod meldingerne fra infrastrukturen',
      'Ved ikke.',
      'For mange æg i én kurv',
      'Hvis ikke driftsstatus hos kombit er opdateret at finde ud af om det er et lokalt problem eller hvor problemet ligger.',
      'at finde den rette baggrund for systemernes fejl/nedbrud - der kan være mange indgange til problemerne',
      '??',
      'Kompleksiteten',
      '-',
    ],
  },
  {
    prompt: 'Hvordan kan KOMBIT hjælpe dig i arbejdet med at understøtte service-/helpdesk?',
    answers: [
      'Bedre vejledninger og diagrammer og opdateringer der er live',
      '-',
      'tilpasse informationen så den er lettere læsbar',
      '-',
      'Mere forståelige beskeder og krav om fagsystemerne skal sende beskeder ud',
      'FAQ ift. de mest gængse fejl',
      'Driftsrejebøger',
      '-',
      'I kender serviceaftaler for os og I ved hvilke services der er problemer med. Derfor kunne det være SUPER fedt, med en side hvor disse kobles sammen og vi evt. kan sætte kontakter på...',
      'en konkret videnspost til eventuelle løsninger',
      'Tydelige udmeldinger der er forståelige.',
      'se foregående svar',
      'Specifikke meddelelser, hvor det er let at slå op i FK Administrationsmodul, men del del mangler endnu.',
    ],
  },
];

export const DEMO_EVALUATION: string[] = [
  'Det var inspirerende at høre om Gladsaxe og Esbjerg Kommunes hverdag med den fælleskommunale infrastruktur',
  'Jeg har fået input, som jeg kan bruge direkte i mit videre arbejde med at understøtte service-/helpdeskens medarbejdere i min kommune',
  'Jeg er blevet opmærksom på værdien af forbrugsdata og vil fremover bruge forbrugsdata aktivt i min opgaveløsning',
  'Dialogen på webinaret var værdifuld for mig',
];

export interface DemoSuggestion {
  author: string;
  title: string;
  /** The answer as written on the day. */
  body: string;
  voters: string[];
}

/** "Skriv dine forslag til emner og udfordringer, som vi skal behandle på et Infrastruktur i praksis webinar?" (9 responses). */
export const DEMO_SUGGESTIONS: DemoSuggestion[] = [
  {
    author: 'kommuneadmin@varde.dk',
    title: 'Er der nogle af vores opgaver, som kunne løses centralt?',
    body: 'Er der nogle af vores opgaver som kunne løses centralt?',
    voters: ['infrastruktur@aarhus.dk', 'servicedesk@horsens.dk'],
  },
  { author: 'digitalisering@egekom.dk', title: 'Værktøjskassen', body: 'Værktøjskassen', voters: [] },
  {
    author: 'servicedesk@horsens.dk',
    title: 'Værktøjskassen og Esbjergs gennemgang med fast frekvens',
    body: 'Værktøjskassen og gennemgang af hvordan man kan gøre lige som Esbjerg kom med ville være gavnligt at tage op med en fast frekvens for at dække de nye ind der jævnligt kommer.',
    voters: ['digitalisering@egekom.dk'],
  },
  {
    author: 'infrastruktur@aarhus.dk',
    title: 'Et længere oplæg om, hvordan Esbjerg anvender forbrugsdata',
    body: 'Gerne et længere oplæg som Martin fra Esbjergs oplæg om, hvordan de anvender forbrugsdata. Jeg vil starte med at se oplægget igen på optagelsen, når den kommer :)',
    voters: ['it-arkitektur@aalborg.dk', 'kommuneadmin@varde.dk', 'infrastruktur@gladsaxe.dk'],
  },
  {
    author: 'it-arkitektur@aalborg.dk',
    title: 'Flere kommuners brug af infrastrukturen',
    body: 'Flere kommuners brug af infrastrukturen - forbrugstal, potentialerapport, tips og tricks generelt',
    voters: ['infrastruktur@aarhus.dk'],
  },
  {
    author: 'infrastruktur@gladsaxe.dk',
    title: 'Forløb: sådan finder og flytter man en leverandør til en ny snitflade',
    body: 'Eksempler på hvordan man gennemfører et forløb med hvordan man finder og efterfølgende flytter en leverandør over på en ny snitflade. (tips og triks til fremgangsmåder)',
    voters: ['infrastruktur@aarhus.dk', 'servicedesk@horsens.dk', 'it-arkitektur@aalborg.dk', 'kommuneadmin@varde.dk'],
  },
  {
    author: 'infrastruktur@esbjerg.dk',
    title: 'Konkrete cases om at finde og flytte en leverandør',
    body: 'Gennemgang af konkrete cases hvordan man har fundet frem til- og flyttet en leverandør.',
    voters: ['digitalisering@egekom.dk', 'infrastruktur@gladsaxe.dk'],
  },
  {
    author: 'hotline@gladsaxe.dk',
    title: 'Et fælles forum med vejledninger og sparring',
    body: 'Helt klart et fælles forum/hjemmeside med vejledninger og konkrete løsninger fra KOMBIT hvor det er muligt. Hvor det er muligt at søge sparring med andre . Værktøjskassen er lidt uoverskuelig til dett',
    voters: [
      'infrastruktur@aarhus.dk',
      'servicedesk@horsens.dk',
      'digitalisering@egekom.dk',
      'it-arkitektur@aalborg.dk',
      'kommuneadmin@varde.dk',
    ],
  },
  {
    author: 'kommuneadmin@esbjerg.dk',
    title: 'En platform med interaktive muligheder for problemløsning og sparring',
    body: 'Så en platform med flere interaktive muligheder på problemløsning og sparring',
    voters: ['hotline@gladsaxe.dk', 'infrastruktur@aarhus.dk'],
  },
];
