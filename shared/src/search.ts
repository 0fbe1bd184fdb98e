import { z } from 'zod';
import { noControlCharacters } from './auth.js';
import { ComponentSlug, CONTENT_KINDS, ContentKind, OrganizationCodeQuery, positiveIntFromQuery, Tag } from './content.js';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_SORTS = ['relevance', 'newest', 'votes'] as const;
export const SearchSort = z.enum(SEARCH_SORTS, { error: 'Sortér efter relevans, nyeste eller stemmer' });
export type SearchSort = z.infer<typeof SearchSort>;
export const SEARCH_SORT_LABELS: Record<SearchSort, string> = { relevance: 'Bedste match', newest: 'Nyeste', votes: 'Flest stemmer' };

export const SEARCH_ENGINES = ['meilisearch', 'postgres'] as const;
export type SearchEngine = (typeof SEARCH_ENGINES)[number];

const SearchText = z
  .string()
  .trim()
  .max(SEARCH_QUERY_MAX, { error: `Søgningen må højst være ${SEARCH_QUERY_MAX} tegn` })
  .refine(noControlCharacters, { error: 'Søgningen indeholder ugyldige tegn' });

/** `GET /api/search`: an empty `q` with filters browses. */
export const SearchQuerySchema = z.strictObject({
  q: SearchText.default(''),
  kind: z.enum(CONTENT_KINDS, { error: 'Vælg en gyldig indholdstype' }).optional(),
  component: ComponentSlug.optional(),
  tag: Tag.optional(),
  organization: OrganizationCodeQuery.optional(),
  solved: z
    .enum(['true', 'false'], { error: 'solved er true eller false' })
    .transform((value) => value === 'true')
    .optional(),
  sort: SearchSort.default('relevance'),
  page: positiveIntFromQuery('Siden', 1_000).default(1),
  pageSize: positiveIntFromQuery('Sidestørrelsen', 50).default(20),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;
export type SearchQueryInput = z.input<typeof SearchQuerySchema>;

export const SuggestQuerySchema = z.strictObject({ q: SearchText.default('') });

export const SearchHitSchema = z.object({
  id: z.number().int(),
  kind: ContentKind,
  title: z.string(),
  /** Where the item lives in the web. */
  url: z.string(),
  /** Plain text around the match; the only markup is <mark>…</mark> around matched words (everything else is escaped). */
  snippet: z.string(),
  /** The title with <mark> around matched words, escaped like the snippet. */
  titleHighlighted: z.string(),
  organization: z.object({ code: z.string(), name: z.string() }),
  tags: z.array(z.string()),
  solved: z.boolean(),
  score: z.number().int(),
  replyCount: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

const FacetCounts = z.record(z.string(), z.number().int());

export const SearchResponseSchema = z.object({
  hits: z.array(SearchHitSchema),
  /** Counts within what the viewer may see, for the query and the other filters. */
  facets: z.object({ kind: FacetCounts, component: FacetCounts, tag: FacetCounts, organization: FacetCounts }),
  /** Display names of the component slugs and organization codes in `facets`. */
  labels: z.object({ component: z.record(z.string(), z.string()), organization: z.record(z.string(), z.string()) }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  engine: z.enum(SEARCH_ENGINES),
  tookMs: z.number(),
  /** Only when nothing was found: a respelt query from the words the forum uses, and tags near the query. */
  hints: z.object({ didYouMean: z.string().nullable(), relatedTags: z.array(z.string()) }).nullable(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const SuggestResponseSchema = z.object({
  suggestions: z.array(z.object({ id: z.number().int(), kind: ContentKind, title: z.string(), url: z.string() })),
  engine: z.enum(SEARCH_ENGINES),
});
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;

// Synonyms: groups of terms that mean the same, edited by moderators.
export const SYNONYM_TERMS_MAX = 12;
export const SynonymTerm = z
  .string()
  .trim()
  .min(1, { error: 'Et ord kan ikke være tomt' })
  .max(60, { error: 'Et ord eller udtryk må højst være 60 tegn' })
  .refine(noControlCharacters, { error: 'Ordet indeholder ugyldige tegn' });

export const SynonymGroupInputSchema = z.strictObject({
  terms: z
    .array(SynonymTerm, { error: 'Skriv mindst to ord, der betyder det samme' })
    .transform((terms) => [...new Map(terms.map((term) => [term.toLocaleLowerCase('da'), term.replace(/\s+/g, ' ')])).values()])
    .pipe(
      z
        .array(z.string())
        .min(2, { error: 'Skriv mindst to forskellige ord, der betyder det samme' })
        .max(SYNONYM_TERMS_MAX, { error: `Højst ${SYNONYM_TERMS_MAX} ord i en gruppe` }),
    ),
});
export type SynonymGroupInput = z.input<typeof SynonymGroupInputSchema>;

export const SynonymGroupSchema = z.object({
  id: z.string(),
  terms: z.array(z.string()),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().nullable(),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;
export const SynonymListSchema = z.object({ groups: z.array(SynonymGroupSchema) });
