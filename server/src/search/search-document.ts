import { createHash } from 'node:crypto';
import type { ContentKind, ContentStatus, Visibility } from '@infraforum/shared';
import type { DanishCompoundSplitter } from './danish-compounds.js';

/** One row as `SearchDocumentRepository` reads it: everything a document is built from. */
export interface SearchSourceRow {
  id: string;
  kind: ContentKind;
  title: string;
  slug: string;
  summary: string;
  body_text: string;
  tags: string[];
  attributes: Record<string, unknown>;
  status: ContentStatus;
  visibility: Visibility;
  organization_id: string;
  organization_code: string;
  organization_name: string;
  author_id: string | null;
  author_name: string | null;
  score: number;
  reply_count: number;
  solved: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
  /** The item's components and their parents (filters: a parent finds its parts' content). */
  component_slugs: string[];
  /** Names, short names and aliases of the item's own components. */
  component_names: string[];
  /** Accepted answer first, then the best voted; trimmed. */
  answers: string[];
  toolbox_section: string | null;
  /** Each attachment's name and extracted text (a webinar's slides), trimmed. */
  attachment_texts: string[];
  /** A webinar's hosting municipalities. */
  host_names: string[];
}

/** What Meilisearch holds per content item. Field names are the index's schema (settings refer to them). */
export interface SearchDocument {
  id: number;
  kind: ContentKind;
  title: string;
  slug: string;
  summary: string;
  body: string;
  tags: string[];
  components: string[];
  componentSlugs: string[];
  systems: string[];
  answers: string[];
  /** Attachments: name and extracted text ("Slides: …"), so a webinar is found by what its slides say. */
  attachments: string[];
  /**
   * Guides only: "<component> nede nedbrud" per component name. A guide is what hotline reads when its
   * component is down, so "context handler nede" must find it before a thread that merely says so.
   */
  outage: string[];
  /** 1 for guides (curated answers), 0 otherwise: a ranking rule prefers them when all else is equal. */
  kindBoost: number;
  /** Parts of the compounds in the text: "adgangsstyring" → "adgang styring" (see danish-compounds.ts). */
  compoundParts: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  authorId: string | null;
  authorName: string | null;
  toolboxSection: string | null;
  status: ContentStatus;
  visibility: Visibility;
  solved: boolean;
  score: number;
  replyCount: number;
  year: number;
  /** Epoch milliseconds (sortable; items written in the same second keep their order). */
  createdAt: number;
  updatedAt: number;
  lastActivityAt: number;
  version: number;
  /** Hash of everything above: `search:check` compares it with what PostgreSQL would give now. */
  fingerprint: string;
}

const BODY_MAX = 20_000;
const ANSWER_MAX = 1_500;
const ATTACHMENT_MAX = 20_000;

/** Guides name the IT systems hit when their component is down; a case the system it moved. */
function systemsOf(kind: ContentKind, attributes: Record<string, unknown>): string[] {
  const systems = attributes.affectedSystems;
  if (kind === 'guide' && Array.isArray(systems)) return systems.filter((s): s is string => typeof s === 'string');
  if (kind === 'case' && typeof attributes.system === 'string') return [attributes.system];
  return [];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Text from kind attributes that searchers type: a guide's purpose, action and intranet texts; a webinar's
 * series, programme (talks, speakers and their organizations) and recap; a case's supplier, what it moved from,
 * its steps, obstacles, lessons and requirement texts. Never a suggester's or a case author's contact details.
 */
function attributeText(attributes: Record<string, unknown>, hostNames: string[]): string {
  const notice = (attributes.intranetNotice ?? {}) as Record<string, unknown>;
  const programme = Array.isArray(attributes.programme) ? (attributes.programme as Record<string, unknown>[]) : [];
  const steps = Array.isArray(attributes.steps) ? (attributes.steps as Record<string, unknown>[]) : [];
  const from = (typeof attributes.from === 'object' && attributes.from !== null ? attributes.from : {}) as Record<string, unknown>;
  const requirements = Array.isArray(attributes.requirements) ? attributes.requirements.map(text) : [];
  return [
    text(attributes.supplier) && `Leverandør: ${text(attributes.supplier)}`,
    text(from.description) && `Fra: ${text(from.description)}`,
    ...steps.map((step) => [text(step.title), text(step.text)].filter(Boolean).join(': ')),
    text(attributes.obstacles),
    text(attributes.lessons),
    ...requirements,
    text(attributes.series),
    hostNames.length > 0 ? `Værter: ${hostNames.join(', ')}` : '',
    ...programme.map((item) => [text(item.title), text(item.speaker), text(item.speakerOrganization)].filter(Boolean).join(' – ')),
    text(attributes.recap),
    text(attributes.purpose),
    text(attributes.action),
    text(notice.outage) && `Tekst til intranettet ved nedbrud: ${text(notice.outage)}`,
    text(notice.maintenance) && `Tekst til intranettet ved planlagt vedligehold: ${text(notice.maintenance)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function toSearchDocument(row: SearchSourceRow, splitter: DanishCompoundSplitter | undefined): SearchDocument {
  const extra = attributeText(row.attributes, row.host_names ?? []);
  const body = `${row.body_text}${extra.trim() ? `\n${extra}` : ''}`.slice(0, BODY_MAX);
  const systems = systemsOf(row.kind, row.attributes);
  const answers = row.answers.map((answer) => answer.slice(0, ANSWER_MAX));
  const compoundSource = [row.title, row.tags.join(' '), row.summary, row.component_names.join(' '), systems.join(' '), body].join('\n');
  const document: Omit<SearchDocument, 'fingerprint'> = {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    body,
    tags: row.tags,
    components: row.component_names,
    componentSlugs: row.component_slugs,
    systems,
    answers,
    attachments: (row.attachment_texts ?? []).map((attachment) => attachment.slice(0, ATTACHMENT_MAX)),
    outage: row.kind === 'guide' ? row.component_names.map((name) => `${name} nede nedbrud`) : [],
    kindBoost: row.kind === 'guide' ? 1 : 0,
    compoundParts: splitter ? splitter.partsOf(compoundSource).join(' ') : '',
    organizationId: row.organization_id,
    organizationCode: row.organization_code,
    organizationName: row.organization_name,
    authorId: row.author_id,
    authorName: row.author_name,
    toolboxSection: row.toolbox_section,
    status: row.status,
    visibility: row.visibility,
    solved: row.solved,
    score: row.score,
    replyCount: row.reply_count,
    year: row.created_at.getUTCFullYear(),
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
    lastActivityAt: row.last_activity_at.getTime(),
    version: row.version,
  };
  return { ...document, fingerprint: fingerprintOf(document) };
}

export function fingerprintOf(document: Omit<SearchDocument, 'fingerprint'>): string {
  return createHash('sha1').update(JSON.stringify(document)).digest('base64url').slice(0, 16);
}
