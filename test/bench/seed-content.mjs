#!/usr/bin/env node
// @ts-check
/**
 * Fills a migrated Infraforum database with benchmark data: users across the municipalities, questions and guides
 * with components and tags, replies (a few threads with very many), votes and accepted answers; then sets the
 * counters (score, reply_count, last_activity_at) from the rows themselves and runs VACUUM ANALYZE.
 *
 *   node test/bench/seed-content.mjs [--contents 50000] [--replies 250000] [--users 400] [--seed 1]   (DATABASE_URL in the env)
 *
 * The database must have been started once by the app (migrations, organizations and the catalog are in place).
 * Needs `npm run build` (it uses the server's Markdown renderer and summary rule). Not for a database people use:
 * the rows are fictional, and ids are assigned here (nobody else may write content while it runs).
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { slugify } from '@infraforum/shared';
import { hashPassword } from '../../server/dist/auth/password-hasher.js';
import { summarize } from '../../server/dist/content/content.service.js';
import { renderMarkdown } from '../../server/dist/content/markdown.js';

/** The password of every generated user (they are fictional; the bench signs in as none of them). */
export const BENCH_PASSWORD = 'Benchmark-Hest-Batteri-Klips';
const BATCH = 5_000;
const DAY = 24 * 60 * 60 * 1000;
const SPAN = 3 * 365 * DAY;

/**
 * @typedef {object} SeedOptions
 * @property {string} databaseUrl a migrated Infraforum database
 * @property {number} [contents] content items (≈80 % questions, 20 % guides); default 50,000
 * @property {number} [replies] replies on questions; default 250,000
 * @property {number} [users] generated authors; default 400
 * @property {number} [seed] for the pseudo-random generator: the same seed gives the same data
 * @property {boolean} [progress] show a progress bar on stderr; default true
 */

/**
 * @typedef {object} SeedResult
 * @property {number} contents
 * @property {number} replies
 * @property {number} votes
 * @property {number} users
 * @property {number} elapsedMs
 */

// ---- Deterministic randomness ----

/** @param {number} seed */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} random */
function helpers(random) {
  /** @param {number} n */
  const int = (n) => Math.floor(random() * n);
  /** @template T @param {readonly T[]} list @returns {T} */
  const pick = (list) => /** @type {T} */ (list[int(list.length)]);
  /** Zipf-like: the first entries are picked far more often. @template T @param {readonly T[]} list @returns {T} */
  const pickSkewed = (list) => /** @type {T} */ (list[Math.floor(list.length * random() ** 2.2)]);
  /** `count` distinct indexes below `n`. @param {number} n @param {number} count */
  const distinct = (n, count) => {
    const chosen = new Set();
    while (chosen.size < Math.min(n, count)) chosen.add(int(n));
    return [...chosen];
  };
  return { int, pick, pickSkewed, distinct };
}

// ---- Word lists ----

const FIRST_NAMES = [
  'Anne', 'Mette', 'Hanne', 'Susanne', 'Lene', 'Camilla', 'Louise', 'Maria', 'Pia', 'Tina', 'Marianne', 'Karina', 'Helle', 'Birgitte',
  'Jens', 'Peter', 'Lars', 'Michael', 'Henrik', 'Søren', 'Thomas', 'Niels', 'Rasmus', 'Morten', 'Jesper', 'Anders', 'Mads', 'Kasper',
  'Ole', 'Torben', 'Martin', 'Christian', 'Frederik', 'Ida', 'Sofie', 'Emma', 'Line', 'Signe', 'Rikke', 'Bo',
]; // prettier-ignore
const LAST_NAMES = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen',
  'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Kjeldsen', 'Bech', 'Mølgaard',
  'Thygesen', 'Hedegaard', 'Lund', 'Holm', 'Dalgaard', 'Skov', 'Bruun', 'Winther',
]; // prettier-ignore
const JOB_TITLES = [
  'It-arkitekt', 'Integrationsarkitekt', 'Systemadministrator', 'Teamleder, servicedesk', 'It-koordinator', 'Digitaliseringskonsulent',
  'Driftsansvarlig', 'Hotline-medarbejder', 'Informationssikkerhedskoordinator', 'Projektleder', 'Applikationsansvarlig', null,
]; // prettier-ignore
const TOPICS = [
  'certifikatfornyelsen', 'serviceaftalerne', 'brugeradministrationen', 'systemrollerne', 'dataafgrænsningerne', 'driftsmeddelelserne',
  'leverandørskiftet', 'fejlbeskederne', 'snitfladerne', 'forbrugsdata', 'testmiljøet', 'logningen', 'overvågningen',
  'beskedabonnementerne', 'fuldmagterne', 'adresseopslagene', 'CPR-opslagene', 'returposten', 'kvitteringerne', 'tilslutningen',
]; // prettier-ignore
const PROBLEMS = [
  'timeouts', 'fejl 500', 'manglende kvitteringer', 'langsomme svartider', 'afviste certifikater', 'dubletter', 'forsinkede beskeder',
  'tomme svar', 'login-fejl', 'forkerte rettigheder',
]; // prettier-ignore
const EVENTS = [
  'opdateringen i weekenden', 'skiftet til ny leverandør', 'certifikatfornyelsen', 'den nye release', 'migreringen', 'nedbruddet i går',
  'flytningen til ny driftsleverandør', 'det planlagte vedligehold',
]; // prettier-ignore
const VERBS = ['håndterer', 'tester', 'overvåger', 'dokumenterer', 'organiserer', 'automatiserer', 'planlægger'];
/** Valid tags (lower case, Danish letters, hyphens); the first ones are the common ones. */
const TAGS = [
  'certifikater', 'driftsmeddelelser', 'nedbrud', 'integration', 'leverandørskift', 'adgangsstyring', 'digital-post', 'hotline',
  'serviceaftale', 'fejlsøgning', 'test', 'overvågning', 'brugerstyring', 'vedligehold', 'sikkerhed', 'arkitektur', 'logning',
  'cpr', 'bbr', 'dar', 'mitid', 'nemlogin', 'fuldmagt', 'gdpr', 'indkøb', 'kontrakt', 'dokumentation', 'beredskab', 'støttesystemer', 'sf1601',
]; // prettier-ignore

/** Markdown bodies with placeholders filled per item: {{komponent}}, {{kommune}}, {{system}}, {{emne}}. */
const QUESTION_BODIES = [
  `Vi oplever {{problem}} i {{komponent}}, når {{system}} kalder. Det startede efter {{begivenhed}}.\n\nHar andre kommuner set det samme? Vi har:\n\n- genstartet integrationen\n- tjekket certifikatet\n- kontaktet leverandøren, som ikke kan genskabe fejlen\n\nPå forhånd tak for hjælpen fra {{kommune}}.`,
  `Hvordan håndterer I {{emne}} i {{komponent}}?\n\nHos os i {{kommune}} er det i dag en manuel proces, og vi vil gerne **automatisere** den. Vi kunne godt tænke os at høre om jeres erfaringer, især hvis I bruger {{system}}.`,
  `## Baggrund\n\nVi skal i gang med {{emne}} og er i tvivl om, hvilke roller der skal oprettes i {{komponent}}.\n\n## Spørgsmål\n\n1. Hvem hos jer ejer opgaven?\n2. Hvor lang tid tog det?\n3. Er der faldgruber, vi skal kende?\n\nVi bruger {{system}} og har læst vejledningen på Digitaliseringskataloget.`,
  `Efter {{begivenhed}} får vi {{problem}} fra {{komponent}}. Fejlen ser sådan ud:\n\n\`\`\`\nHTTP 500: Internal Server Error (correlation-id: 7f3c2a)\n\`\`\`\n\nVi har tjekket [driftsstatus](https://www.kombit.dk/driftsstatus), men der står ikke noget. Er det kun os i {{kommune}}?`,
  `Er der nogen, der har en god skabelon til en driftsmeddelelse om {{komponent}}? Vores hotline får mange opkald om {{system}}, når der er nedbrud, og vi vil gerne skrive noget, som medarbejderne forstår.`,
  `Vi overvejer at flytte {{system}} til en ny leverandør. Hvad skal vi være opmærksomme på i forhold til {{komponent}} og {{emne}}? Især serviceaftaler og certifikater bekymrer os.`,
]; // prettier-ignore
const GUIDE_BODIES = [
  `## Når {{komponent}} er nede\n\nHotline kan genkende nedbruddet på, at {{system}} viser {{problem}}.\n\n1. Tjek KOMBITs driftsstatus.\n2. Send driftsmeddelelsen til intranettet.\n3. Registrér sagen og vent på meldingen om, at det virker igen.\n\n| Hvem | Gør hvad |\n| --- | --- |\n| Hotline | Svarer brugerne |\n| Drift | Følger op hos leverandøren |\n\nSkrevet af {{kommune}} til fri brug.`,
  `## Sådan gør I\n\nDenne vejledning beskriver {{emne}} for {{komponent}}. Den bygger på vores erfaringer i {{kommune}}.\n\n### Før I starter\n\n- Adgang til administrationsmodulet\n- Et gyldigt certifikat\n- En kontaktperson hos leverandøren af {{system}}\n\n### Trin for trin\n\n1. Opret serviceaftalen.\n2. Tildel rollerne.\n3. Test i testmiljøet, før I går i produktion.`,
  `## Tjekliste ved planlagt vedligehold\n\n{{komponent}} lukker for vedligehold et par gange om året. Sådan forbereder vi os i {{kommune}}:\n\n- Varsl brugerne af {{system}} mindst tre dage før.\n- Læg beskeden på intranettet.\n- Hav en plan for {{emne}}, hvis vedligeholdet trækker ud.\n\n> Husk at tage beskeden ned igen bagefter.`,
]; // prettier-ignore
const REPLY_BODIES = [
  `Det har vi også set i {{kommune}}. Hos os hjalp det at forny certifikatet i {{komponent}} og genstarte integrationen.`,
  `Vi løste det ved at oprette en ny serviceaftale. Det tog cirka en uge, før den var godkendt.`,
  `Har I tjekket, om {{system}} bruger den nyeste version af snitfladen? Den gamle blev udfaset sidste år.`,
  `Samme problem her. Vi har en sag hos KOMBIT og skriver, når vi hører noget.`,
  `Tak, det virkede for os også!`,
  `Vi har dokumenteret vores opsætning af {{emne}} her:\n\n1. Opret systemrollerne.\n2. Tildel dem via brugeradministrationen.\n3. Test med en testbruger.\n\nSkriv gerne, hvis I har spørgsmål.`,
  `Det lyder som en fejl i {{komponent}}. Prøv at se i loggen, om kaldet overhovedet når frem; hos os var det en firewall-regel.`,
  `Vi oplever det kun om mandagen efter {{begivenhed}}. Måske er det belastning?`,
  `Hos os i {{kommune}} har hotline en fast tekst til netop den situation. Jeg kan sende den, hvis I skriver til mig.`,
  `Godt spørgsmål. Vi har ikke fundet en løsning endnu, men følger tråden.`,
]; // prettier-ignore

/**
 * Renders each template once with the server's renderer; the placeholders survive rendering as plain text and are
 * filled per row in SQL (HTML-escaped in body_html), so 300,000 rows cost a handful of renders.
 * @param {string[]} sources
 */
function renderTemplates(sources) {
  return sources.map((body, idx) => {
    const rendered = renderMarkdown(body);
    return { idx, body, html: rendered.html, text: rendered.text };
  });
}

/** @param {string} source @param {Record<string, string>} values */
const fill = (source, values) => source.replace(/\{\{(\w+)\}\}/g, (all, key) => values[key] ?? all);

/**
 * Seeds the database. Returns what it wrote and how long it took.
 * @param {SeedOptions} options
 * @returns {Promise<SeedResult>}
 */
export async function seedContent(options) {
  const started = performance.now();
  const contentTotal = options.contents ?? 50_000;
  const replyTarget = options.replies ?? 250_000;
  const userTotal = options.users ?? 400;
  const random = mulberry32(options.seed ?? 1);
  const { int, pick, pickSkewed, distinct } = helpers(random);
  const showProgress = options.progress ?? true;

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'infraforum-bench-seed' });
  await client.connect();
  const bar = new cliProgress.SingleBar(
    {
      format: '{phase} |{bar}| {percentage}% {value}/{total} rows, {duration_formatted}',
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  /** @param {string} phase @param {number} total */
  const startPhase = (phase, total) => {
    if (!showProgress) return;
    bar.stop();
    bar.start(total, 0, { phase: phase.padEnd(14) });
  };
  /** @param {number} done */
  const advance = (done) => {
    if (showProgress) bar.increment(done);
  };

  try {
    // Bulk load: a lost last commit on a crash is fine here.
    await client.query(`SET synchronous_commit = off`);
    const organizations = (await client.query(`SELECT id, code, name, type, email_domains FROM organization ORDER BY code`)).rows;
    const components = (await client.query(`SELECT id, slug, name FROM catalog_component ORDER BY position, slug`)).rows;
    const systems = (await client.query(`SELECT name FROM catalog_system ORDER BY name`)).rows.map((row) => String(row.name));
    if (organizations.length === 0 || components.length === 0) {
      throw new Error('No organizations or catalog components: start the app once on this database first (it migrates and seeds them).');
    }
    const municipalities = organizations.filter((org) => org.type === 'municipality');
    const kombit = organizations.find((org) => org.type === 'kombit') ?? pick(organizations);
    // Bigger municipalities write more: shuffle once, then pick skewed.
    const orgOrder = [...municipalities].sort(() => random() - 0.5);

    // ---- Users ----
    startPhase('Brugere', userTotal);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const runTag = randomBytes(3).toString('hex');
    const userRows = Array.from({ length: userTotal }, (_, n) => {
      const org = n % 20 === 0 ? kombit : pickSkewed(orgOrder);
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const domain = org.email_domains[0] ?? 'example.dk';
      const role = org === kombit ? (n % 40 === 0 ? 'moderator' : 'member') : n % 15 === 0 ? 'org_admin' : 'member';
      return {
        email: `${slugify(`${first}.${last}`, 40).replace(/-/g, '.')}.${runTag}${n}@${domain}`,
        name: `${first} ${last}`,
        title: pick(JOB_TITLES),
        role,
        organizationId: String(org.id),
        organizationName: String(org.name),
        createdAt: new Date(Date.now() - SPAN - int(180) * DAY),
      };
    });
    const insertedUsers = await client.query(
      `INSERT INTO "user" (email, password_hash, name, title, role, status, organization_id, email_domain_matches, email_verified_at,
                           approved_at, created_at, updated_at, show_contact_details)
       SELECT d.email, $1, d.name, d.title, d.role, 'active', d.org, TRUE, d.created, d.created, d.created, d.created, d.contact
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::timestamptz[], $8::boolean[])
         WITH ORDINALITY AS d(email, name, title, role, org, created, contact, n)
       ORDER BY d.n
       RETURNING id, email`,
      [
        passwordHash,
        userRows.map((u) => u.email),
        userRows.map((u) => u.name),
        userRows.map((u) => u.title),
        userRows.map((u) => u.role),
        userRows.map((u) => u.organizationId),
        userRows.map((u) => u.createdAt),
        userRows.map((_, n) => n % 3 === 0),
      ],
    );
    const idByEmail = new Map(insertedUsers.rows.map((row) => [String(row.email), String(row.id)]));
    const users = userRows.map((u) => ({ ...u, id: /** @type {string} */ (idByEmail.get(u.email)) }));
    advance(userTotal);

    // ---- Templates (rendered once) ----
    await client.query(`CREATE TEMP TABLE bench_template (idx int PRIMARY KEY, body text, html text, text text)`);
    const questionTemplates = renderTemplates(QUESTION_BODIES);
    const guideTemplates = renderTemplates(GUIDE_BODIES).map((t) => ({ ...t, idx: t.idx + 100 }));
    const replyTemplates = renderTemplates(REPLY_BODIES).map((t) => ({ ...t, idx: t.idx + 200 }));
    const templates = [...questionTemplates, ...guideTemplates, ...replyTemplates];
    await client.query(`INSERT INTO bench_template SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])`, [
      templates.map((t) => t.idx),
      templates.map((t) => t.body),
      templates.map((t) => t.html),
      templates.map((t) => t.text),
    ]);
    // Placeholders filled per row: Markdown and text get the value, HTML the escaped value.
    /** @param {string} column @param {string} prefix @param {boolean} html */
    const filled = (column, prefix, html) =>
      ['komponent', 'kommune', 'system', 'emne', 'problem', 'begivenhed'].reduce(
        (sql, key) => `replace(${sql}, '{{${key}}}', ${html ? `${prefix}_${key}_html` : `${prefix}_${key}`})`,
        column,
      );

    // ---- Content ----
    const firstContentId = Number((await client.query(`SELECT COALESCE(max(id), 0) AS max FROM content`)).rows[0].max) + 1;
    const now = Date.now();
    /**
     * @typedef {object} ContentPlan
     * @property {number} id
     * @property {'question' | 'guide'} kind
     * @property {'published' | 'draft' | 'hidden'} status
     * @property {number} createdAt
     * @property {number} replies
     */
    /** @type {ContentPlan[]} */
    const plans = [];
    startPhase('Indhold', contentTotal);
    for (let offset = 0; offset < contentTotal; offset += BATCH) {
      const count = Math.min(BATCH, contentTotal - offset);
      const cols = {
        /** @type {number[]} */ id: [],
        /** @type {string[]} */ kind: [],
        /** @type {string[]} */ title: [],
        /** @type {string[]} */ slug: [],
        /** @type {number[]} */ template: [],
        /** @type {string[]} */ summary: [],
        /** @type {string[]} */ author: [],
        /** @type {string[]} */ org: [],
        /** @type {string[]} */ status: [],
        /** @type {string[]} */ visibility: [],
        /** @type {string[]} */ tags: [],
        /** @type {string[]} */ attributes: [],
        /** @type {boolean[]} */ locked: [],
        /** @type {Date[]} */ created: [],
        /** @type {string[]} */ components: [],
        /** @type {string[][]} */ values: [[], [], [], [], [], []],
      };
      for (let i = 0; i < count; i++) {
        const id = firstContentId + offset + i;
        const kind = random() < 0.8 ? 'question' : 'guide';
        const author = pickSkewed(users);
        const chosen = distinct(components.length, 1 + (random() < 0.35 ? 1 : 0)).map((n) => components[n]);
        const component = chosen[0];
        const componentName = String(component.name);
        const system = pick(systems.length > 0 ? systems : ['fagsystemet']);
        const values = {
          komponent: componentName,
          kommune: author.organizationName,
          system,
          emne: pick(TOPICS),
          problem: pick(PROBLEMS),
          begivenhed: pick(EVENTS),
        };
        const title =
          kind === 'question'
            ? fill(
                pick([
                  'Hvordan {{verbum}} I {{emne}} i {{komponent}}?',
                  '{{komponent}} giver {{problem}} efter {{begivenhed}}',
                  'Erfaringer med {{emne}} i {{komponent}}?',
                  'Oplever andre kommuner {{problem}} med {{komponent}}?',
                  'Hvem har styr på {{emne}} for {{system}}?',
                  '{{system}} og {{komponent}}: {{problem}} efter {{begivenhed}}',
                ]),
                { ...values, verbum: pick(VERBS) },
              )
            : fill(
                pick([
                  'Sådan {{verbum}} vi {{emne}} i {{komponent}}',
                  'Vejledning: {{komponent}} ved nedbrud',
                  'Tjekliste: {{emne}} for {{komponent}}',
                  'Hotline-vejledning til {{komponent}} og {{system}}',
                ]),
                { ...values, verbum: pick(VERBS) },
              );
        const templates = kind === 'question' ? questionTemplates : guideTemplates;
        const template = pick(templates);
        const roll = random();
        const status = roll < 0.93 ? 'published' : roll < 0.97 ? 'draft' : 'hidden';
        const visibilityRoll = random();
        const visibility = visibilityRoll < 0.5 ? 'public' : visibilityRoll < 0.9 ? 'members' : 'organization';
        const createdAt = now - Math.floor(SPAN * random() ** 0.8);
        const tagCount = int(5);
        const tags = distinct(TAGS.length, tagCount)
          .map((n) => TAGS[Math.floor(TAGS.length * (n / TAGS.length) ** 1.8)])
          .filter((tag, index, all) => all.indexOf(tag) === index);
        const attributes =
          kind === 'guide'
            ? {
                component: String(component.slug),
                purpose: `${componentName} i den fælleskommunale infrastruktur`,
                severity: pick(['kritisk', 'medium', 'ingen']),
                affectedSystems: distinct(systems.length, 1 + int(4)).map((n) => systems[n]),
                action: 'Hotline henviser til driftsmeddelelsen og registrerer henvendelsen.',
                intranetNotice: { outage: '', maintenance: '' },
              }
            : {};
        const text = fill(template.text, values);
        cols.id.push(id);
        cols.kind.push(kind);
        cols.title.push(title.charAt(0).toUpperCase() + title.slice(1).slice(0, 199));
        cols.slug.push(slugify(title) || 'indhold');
        cols.template.push(template.idx);
        cols.summary.push(summarize(text));
        cols.author.push(author.id);
        cols.org.push(author.organizationId);
        cols.status.push(status);
        cols.visibility.push(visibility);
        cols.tags.push(tags.join(','));
        cols.attributes.push(JSON.stringify(attributes));
        cols.locked.push(random() < 0.005);
        cols.created.push(new Date(createdAt));
        cols.components.push(chosen.map((c) => String(c.id)).join(','));
        Object.values(values).forEach((value, index) => cols.values[index]?.push(value));
        plans.push({ id, kind, status, createdAt, replies: 0 });
      }
      await client.query(
        `INSERT INTO content (id, kind, title, slug, body, body_html, body_text, summary, author_id, organization_id, status, visibility, tags,
                              attributes, locked, created_at, updated_at, last_activity_at, published_at)
         OVERRIDING SYSTEM VALUE
         SELECT d.id, d.kind, d.title, d.slug, ${filled('t.body', 'd', false)}, ${filled('t.html', 'd', true)}, ${filled('t.text', 'd', false)},
                d.summary, d.author, d.org, d.status, d.visibility, string_to_array(d.tags, ','), d.attributes::jsonb, d.locked,
                d.created, d.created, d.created, CASE WHEN d.status = 'published' THEN d.created END
         FROM (
           SELECT u.*, ${['komponent', 'kommune', 'system', 'emne', 'problem', 'begivenhed']
             .map(
               (key) =>
                 `replace(replace(replace(replace(u.d_${key}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') AS d_${key}_html`,
             )
             .join(', ')}
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::uuid[], $8::uuid[], $9::text[], $10::text[],
                       $11::text[], $12::text[], $13::boolean[], $14::timestamptz[],
                       $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[])
             AS u(id, kind, title, slug, template, summary, author, org, status, visibility, tags, attributes, locked, created,
                  d_komponent, d_kommune, d_system, d_emne, d_problem, d_begivenhed)
         ) d JOIN bench_template t ON t.idx = d.template`,
        [
          cols.id,
          cols.kind,
          cols.title,
          cols.slug,
          cols.template,
          cols.summary,
          cols.author,
          cols.org,
          cols.status,
          cols.visibility,
          cols.tags,
          cols.attributes,
          cols.locked,
          cols.created,
          ...cols.values,
        ],
      );
      await client.query(
        `INSERT INTO content_component (content_id, component_id, position)
         SELECT d.id, c.component_id::uuid, c.n - 1
         FROM unnest($1::bigint[], $2::text[]) AS d(id, components),
              unnest(string_to_array(d.components, ',')) WITH ORDINALITY AS c(component_id, n)`,
        [cols.id, cols.components],
      );
      advance(count);
    }

    // ---- Replies: most threads 0–8, a few very long ones; only on questions that were published ----
    const threads = plans.filter((plan) => plan.kind === 'question' && plan.status !== 'draft');
    let planned = 0;
    for (const thread of threads) {
      thread.replies = random() < 0.025 ? 25 + Math.floor(40 / (random() + 0.1)) : int(9);
      planned += thread.replies;
    }
    // Scale to exactly the requested number, keeping the shape.
    while (planned !== replyTarget && threads.length > 0) {
      const thread = pick(threads);
      if (planned < replyTarget) {
        thread.replies++;
        planned++;
      } else if (thread.replies > 0) {
        thread.replies--;
        planned--;
      }
    }
    const firstReplyId = Number((await client.query(`SELECT COALESCE(max(id), 0) AS max FROM reply`)).rows[0].max) + 1;
    /** @type {{ contentId: number, replyId: number }[]} */
    const accepted = [];
    /** @type {{ id: number, createdAt: number }[]} */
    const votableReplies = [];
    startPhase('Svar', planned);
    let replyId = firstReplyId;
    /** @type {{ id: number[], content: number[], author: string[], org: string[], template: number[], hidden: boolean[], deleted: (Date | null)[], created: Date[], values: string[][] }} */
    let batch = emptyReplyBatch();
    const flush = async () => {
      if (batch.id.length === 0) return;
      await client.query(
        `INSERT INTO reply (id, content_id, author_id, organization_id, body, body_html, body_text, hidden, deleted_at, created_at, updated_at)
         OVERRIDING SYSTEM VALUE
         SELECT d.id, d.content, d.author, d.org, ${filled('t.body', 'd', false)}, ${filled('t.html', 'd', true)}, ${filled('t.text', 'd', false)},
                d.hidden, d.deleted, d.created, d.created
         FROM (
           SELECT u.*, ${['komponent', 'kommune', 'system', 'emne', 'problem', 'begivenhed']
             .map(
               (key) =>
                 `replace(replace(replace(replace(u.d_${key}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') AS d_${key}_html`,
             )
             .join(', ')}
           FROM unnest($1::bigint[], $2::bigint[], $3::uuid[], $4::uuid[], $5::int[], $6::boolean[], $7::timestamptz[], $8::timestamptz[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
             AS u(id, content, author, org, template, hidden, deleted, created, d_komponent, d_kommune, d_system, d_emne, d_problem, d_begivenhed)
         ) d JOIN bench_template t ON t.idx = d.template`,
        [batch.id, batch.content, batch.author, batch.org, batch.template, batch.hidden, batch.deleted, batch.created, ...batch.values],
      );
      advance(batch.id.length);
      batch = emptyReplyBatch();
    };
    for (const thread of threads) {
      if (thread.replies === 0) continue;
      // Replies come in over the weeks after the question (long threads over months), never in the future.
      const spread = thread.replies > 20 ? 240 * DAY : 30 * DAY;
      const times = Array.from({ length: thread.replies }, () => thread.createdAt + Math.floor(spread * random() ** 2) + 60_000)
        .map((time) => Math.min(time, now - 1_000))
        .sort((a, b) => a - b);
      /** @type {number[]} */
      const visible = [];
      for (const time of times) {
        const author = pickSkewed(users);
        const roll = random();
        const hidden = roll < 0.01;
        const deleted = !hidden && roll < 0.015;
        batch.id.push(replyId);
        batch.content.push(thread.id);
        batch.author.push(author.id);
        batch.org.push(author.organizationId);
        batch.template.push(pick(replyTemplates).idx);
        batch.hidden.push(hidden);
        batch.deleted.push(deleted ? new Date(Math.min(time + DAY, now)) : null);
        batch.created.push(new Date(time));
        const values = [
          String(pick(components).name),
          author.organizationName,
          pick(systems.length > 0 ? systems : ['fagsystemet']),
          pick(TOPICS),
          pick(PROBLEMS),
          pick(EVENTS),
        ];
        values.forEach((value, index) => batch.values[index]?.push(value));
        if (!hidden && !deleted) {
          visible.push(replyId);
          votableReplies.push({ id: replyId, createdAt: time });
        }
        replyId++;
        if (batch.id.length >= BATCH) await flush();
      }
      if (thread.status === 'published' && visible.length > 0 && random() < 0.45) {
        accepted.push({ contentId: thread.id, replyId: /** @type {number} */ (visible[Math.floor(visible.length * random() ** 2)]) });
      }
    }
    await flush();

    // ---- Votes: on about 40 % of the content and 15 % of the replies, mostly up ----
    /** @type {{ user: string[], content: (number | null)[], reply: (number | null)[], value: number[], created: Date[] }} */
    const votes = { user: [], content: [], reply: [], value: [], created: [] };
    for (const plan of plans) {
      if (plan.status !== 'published' || random() >= 0.4) continue;
      for (const n of distinct(users.length, 1 + int(6))) {
        votes.user.push(/** @type {{ id: string }} */ (users[n]).id);
        votes.content.push(plan.id);
        votes.reply.push(null);
        votes.value.push(random() < 0.88 ? 1 : -1);
        votes.created.push(new Date(Math.min(plan.createdAt + int(20) * DAY, now)));
      }
    }
    for (const reply of votableReplies) {
      if (random() >= 0.15) continue;
      for (const n of distinct(users.length, 1 + int(3))) {
        votes.user.push(/** @type {{ id: string }} */ (users[n]).id);
        votes.content.push(null);
        votes.reply.push(reply.id);
        votes.value.push(random() < 0.9 ? 1 : -1);
        votes.created.push(new Date(Math.min(reply.createdAt + int(10) * DAY, now)));
      }
    }
    startPhase('Stemmer', votes.user.length);
    for (let offset = 0; offset < votes.user.length; offset += BATCH) {
      const end = offset + BATCH;
      await client.query(
        `INSERT INTO vote (user_id, content_id, reply_id, value, created_at, updated_at)
         SELECT d.u, d.c, d.r, d.v, d.t, d.t FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::smallint[], $5::timestamptz[]) AS d(u, c, r, v, t)`,
        [
          votes.user.slice(offset, end),
          votes.content.slice(offset, end),
          votes.reply.slice(offset, end),
          votes.value.slice(offset, end),
          votes.created.slice(offset, end),
        ],
      );
      advance(Math.min(BATCH, votes.user.length - offset));
    }

    // ---- Counters from the rows themselves, as the server keeps them ----
    const lastContentId = firstContentId + contentTotal - 1;
    const steps = [
      [
        'identity',
        `SELECT setval(pg_get_serial_sequence('content', 'id'), (SELECT max(id) FROM content)),
                setval(pg_get_serial_sequence('reply', 'id'), GREATEST((SELECT max(id) FROM reply), 1))`,
      ],
      [
        'accepted',
        `UPDATE content c SET accepted_reply_id = d.r FROM unnest($1::bigint[], $2::bigint[]) AS d(c, r) WHERE c.id = d.c`,
        [accepted.map((a) => a.contentId), accepted.map((a) => a.replyId)],
      ],
      [
        'reply_count',
        `UPDATE content c SET reply_count = s.n, last_activity_at = GREATEST(c.created_at, s.last)
         FROM (SELECT content_id, count(*)::int AS n, max(created_at) AS last FROM reply
               WHERE deleted_at IS NULL AND NOT hidden AND content_id BETWEEN $1 AND $2 GROUP BY content_id) s
         WHERE c.id = s.content_id`,
        [firstContentId, lastContentId],
      ],
      [
        'content score',
        `UPDATE content c SET score = s.total FROM (SELECT content_id, sum(value)::int AS total FROM vote
           WHERE content_id BETWEEN $1 AND $2 GROUP BY content_id) s WHERE c.id = s.content_id`,
        [firstContentId, lastContentId],
      ],
      [
        'reply score',
        `UPDATE reply r SET score = s.total FROM (SELECT reply_id, sum(value)::int AS total FROM vote
           WHERE reply_id >= $1 GROUP BY reply_id) s WHERE r.id = s.reply_id`,
        [firstReplyId],
      ],
      ['vacuum analyze', `VACUUM (ANALYZE) content, content_component, reply, vote, "user"`],
    ];
    startPhase('Tællere', steps.length);
    for (const [, sql, params] of steps) {
      await client.query(/** @type {string} */ (sql), /** @type {unknown[] | undefined} */ (params));
      advance(1);
    }
    if (showProgress) bar.stop();
    return {
      contents: contentTotal,
      replies: planned,
      votes: votes.user.length,
      users: userTotal,
      elapsedMs: performance.now() - started,
    };
  } finally {
    if (showProgress) bar.stop();
    await client.end();
  }
}

function emptyReplyBatch() {
  return {
    /** @type {number[]} */ id: [],
    /** @type {number[]} */ content: [],
    /** @type {string[]} */ author: [],
    /** @type {string[]} */ org: [],
    /** @type {number[]} */ template: [],
    /** @type {boolean[]} */ hidden: [],
    /** @type {(Date | null)[]} */ deleted: [],
    /** @type {Date[]} */ created: [],
    /** @type {string[][]} */ values: [[], [], [], [], [], []],
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      contents: { type: 'string', default: '50000' },
      replies: { type: 'string', default: '250000' },
      users: { type: 'string', default: '400' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (values.help || !databaseUrl) {
    console.error(
      'Usage: DATABASE_URL=postgres://… node test/bench/seed-content.mjs [--contents 50000] [--replies 250000] [--users 400] [--seed 1]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const result = await seedContent({
    databaseUrl,
    contents: Number(values.contents),
    replies: Number(values.replies),
    users: Number(values.users),
    seed: Number(values.seed),
  });
  console.log(
    `Seeded ${result.contents} content items, ${result.replies} replies, ${result.votes} votes and ${result.users} users in ${(result.elapsedMs / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
