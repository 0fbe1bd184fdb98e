import type { CaseAttributesInput, Visibility } from '@infraforum/shared';

/**
 * Demo migration cases seeded outside production, in the spirit of what the participants of "Infrastruktur i praksis"
 * (2 November 2023) asked for: concrete cases of how a municipality found and moved a supplier to a new interface.
 * Authors and details are fictional; the systems, services and suppliers are the real ones of the catalog.
 */
export interface DemoCase {
  author: string;
  title: string;
  body: string;
  tags: string[];
  visibility: Visibility;
  daysAgo: number;
  attributes: CaseAttributesInput;
  /** Members of other municipalities who marked "jeg er i gang med det samme". */
  workingOn: { email: string; showContact: boolean; note?: string }[];
  /** Toolbox section (slug) a KOMBIT moderator put it in, with the moderator's description. */
  toolbox?: { section: string; description: string };
}

export const DEMO_CASES: DemoCase[] = [
  {
    author: 'infrastruktur@gladsaxe.dk',
    title: 'Sådan flyttede vi KMD Nexus fra SF1600 til SF1601',
    body:
      'Da den gamle printservice blev udfaset, skulle afsendelsen af breve fra KMD Nexus flyttes til SF1601. Her er vores forløb, ' +
      'de krav vi stillede til leverandøren, og det vi ville gøre anderledes næste gang.',
    tags: ['sf1601', 'digital-post', 'leverandoerstyring'],
    visibility: 'public',
    daysAgo: 210,
    attributes: {
      system: 'KMD Nexus',
      supplier: 'KMD',
      from: { type: 'old_service', description: 'SF1600 Print' },
      to: { component: 'sf1601-digital-post' },
      status: 'completed',
      startDate: '2023-02-01',
      endDate: '2023-05-31',
      effortDays: 14,
      steps: [
        {
          title: 'Afdæk hvor SF1600 bruges',
          text: 'Vi trak en forbrugsrapport fra Serviceplatformens administrationsmodul og fandt tre fagsystemer, der stadig kaldte SF1600.',
          who: 'municipality',
        },
        {
          title: 'Krav ind i tillægsaftalen',
          text: 'Leverandøren fik kravet om SF1601 og en dato ind i en tillægsaftale, før der blev udviklet noget.',
          who: 'municipality',
        },
        {
          title: 'Serviceaftale og test',
          text: 'Ny serviceaftale i administrationsmodulet, derefter to ugers test i KOMBITs testmiljø med rigtige brevtyper.',
          who: 'supplier',
        },
        {
          title: 'Idriftsættelse og opfølgning',
          text: 'Vi fulgte de første ugers forsendelser via kvitteringerne på Beskedfordeleren, før den gamle aftale blev lukket.',
          who: 'municipality',
        },
      ],
      obstacles: 'Testmiljøet var ikke klar til den aftalte dato, og den første version sendte alle breve som fysisk post.',
      lessons: 'Få leverandøren til at bekræfte datoen skriftligt, og aftal på forhånd hvordan I ser, om brevene er kommet frem.',
      requirements: [
        'Leverandøren skal anvende SF1601 Kombit Digital Post til afsendelse af al post fra løsningen.',
        'Leverandøren skal kunne modtage og vise kvitteringer for afsendt post via Fælleskommunal Beskedfordeler.',
      ],
      contactOptIn: true,
    },
    workingOn: [
      { email: 'servicedesk@horsens.dk', showContact: true, note: 'Vi mangler stadig at flytte to fagsystemer.' },
      { email: 'infrastruktur@aarhus.dk', showContact: false },
    ],
    toolbox: {
      section: 'krav-it-indkoeb-og-leverandoerstyring',
      description: 'Gladsaxes kravtekster og forløb, da afsendelsen af post blev flyttet til SF1601.',
    },
  },
  {
    author: 'infrastruktur@aarhus.dk',
    title: 'Fasit: fra direkte databaseadgang til opslag i Organisation',
    body:
      'Vores Fasit-opsætning læste organisationsdata direkte fra en database. Vi er i gang med at flytte opslagene til ' +
      'SF1500 Organisation, så der kun er én kilde til organisationen.',
    tags: ['fasit', 'organisation', 'sf1500'],
    visibility: 'members',
    daysAgo: 40,
    attributes: {
      system: 'Fasit',
      supplier: 'Netcompany',
      from: { type: 'direct_database', description: 'Natlig kopi af organisationsdatabasen' },
      to: { component: 'sf1500-organisation' },
      status: 'in_progress',
      startDate: '2024-09-01',
      steps: [
        {
          title: 'Kortlægning af felterne',
          text: 'Vi sammenholdt felterne i den gamle database med Organisation og fandt fem, der ikke findes dér.',
          who: 'municipality',
        },
        { title: 'Afklaring med KOMBIT', text: 'KOMBIT hjalp med, hvordan de manglende felter kan ligge som egenskaber.', who: 'kombit' },
      ],
      lessons: 'Start med at rydde op i organisationen i Organisation – ellers flytter man bare rodet med.',
      contactOptIn: true,
    },
    workingOn: [{ email: 'infrastruktur@esbjerg.dk', showContact: true, note: 'Vi har samme opsætning og følger med.' }],
  },
];
