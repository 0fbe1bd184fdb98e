import { Inject, Injectable } from '@nestjs/common';
import { CONTENT_KINDS, contentPath, KIND_PATHS, Tag, type ContentKind } from '@infraforum/shared';
import { contentReadScope } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { ContentRepository, type ContentRow, type ListFilter } from '../content/content.repository.js';
import { FEED_CONTENT_TYPES, isFeedFormat, renderFeed, type FeedEntry, type FeedFormat } from './feed-document.js';
import { FeedsRepository, type FeedToolboxItemRow, type PublicBodyRow } from './feeds.repository.js';

/** How many entries a feed holds: the newest. */
export const FEED_SIZE = 50;

/** Titles of the feeds per kind (KIND_LABELS are singular). */
const KIND_FEED_TITLES: Record<ContentKind, string> = {
  question: 'Spørgsmål',
  guide: 'Vejledninger',
  case: 'Cases',
  webinar: 'Webinarer',
  suggestion: 'Emneforslag',
};

/** A feed as the controller sends it. */
export interface RenderedFeed {
  contentType: string;
  body: string;
}

/** What a feed says about itself; the addresses are paths on the site. */
interface FeedSource {
  title: string;
  description: string;
  pagePath: string;
  /** Without the extension. */
  selfPath: string;
  entries: FeedEntry[];
  /** Default: the newest entry's. */
  updated?: Date;
}

const isContentKind = (value: string): value is ContentKind => CONTENT_KINDS.some((kind) => kind === value);

const feedNotFound = (): ApiException =>
  ApiException.notFound('Feedet findes ikke. Et feed hedder fx /api/feeds/question.atom eller .rss.');

const authorLine = (name: string | null, organization: string | null): string | null =>
  name && organization ? `${name}, ${organization}` : (name ?? organization);

const latest = (dates: readonly Date[]): Date | undefined =>
  dates.length === 0 ? undefined : new Date(Math.max(...dates.map((date) => date.getTime())));

/**
 * Atom and RSS feeds of what a visitor without login may read. They never look at the caller: the same answer for
 * everyone, so any cache may keep it. Content feeds are ordered as the lists' "Nyeste" (by creation); the toolbox
 * feed by when an item was added to the section.
 */
@Injectable()
export class FeedsService {
  constructor(
    private readonly content: ContentRepository,
    private readonly repo: FeedsRepository,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async kindFeed(kind: string, format: string): Promise<RenderedFeed> {
    const feedFormat = this.requireFormat(format);
    if (!isContentKind(kind)) throw feedNotFound();
    const title = KIND_FEED_TITLES[kind];
    const entries = await this.publicEntries({ kind });
    return this.render(feedFormat, {
      title: `Infraforum – ${title}`,
      description: `Nyeste ${title.toLowerCase()} på Infraforum, som alle kan læse`,
      pagePath: KIND_PATHS[kind],
      selfPath: `/api/feeds/${kind}`,
      entries,
    });
  }

  /** Content about the component or one of its sub-components. */
  async componentFeed(slug: string, format: string): Promise<RenderedFeed> {
    const feedFormat = this.requireFormat(format);
    const component = await this.repo.component(slug);
    if (!component) throw ApiException.notFound('Komponenten findes ikke.');
    const entries = await this.publicEntries({ componentSlug: component.slug });
    return this.render(feedFormat, {
      title: `Infraforum – ${component.name}`,
      description: `Nyt om ${component.name} på Infraforum, som alle kan læse`,
      pagePath: `/komponenter/${encodeURIComponent(component.slug)}`,
      selfPath: `/api/feeds/components/${encodeURIComponent(component.slug)}`,
      entries,
    });
  }

  /** Any tag has a feed (empty until something is tagged with it); a string that cannot be a tag has none. */
  async tagFeed(tag: string, format: string): Promise<RenderedFeed> {
    const feedFormat = this.requireFormat(format);
    const parsed = Tag.safeParse(tag);
    if (!parsed.success) throw ApiException.notFound('Emneordet findes ikke.');
    const entries = await this.publicEntries({ tag: parsed.data });
    return this.render(feedFormat, {
      title: `Infraforum – #${parsed.data}`,
      description: `Nyt med emneordet ${parsed.data} på Infraforum, som alle kan læse`,
      pagePath: `/soeg?tag=${encodeURIComponent(parsed.data)}`,
      selfPath: `/api/feeds/tags/${encodeURIComponent(parsed.data)}`,
      entries,
    });
  }

  /** A toolbox section's newest additions: its public content and its external links. */
  async toolboxFeed(slug: string, format: string): Promise<RenderedFeed> {
    const feedFormat = this.requireFormat(format);
    const section = await this.repo.toolboxSection(slug);
    if (!section) throw ApiException.notFound('Afsnittet findes ikke i Værktøjskassen.');
    const pagePath = `/vaerktoejskassen/${encodeURIComponent(section.slug)}`;
    const rows = await this.repo.toolboxItems(section.id, FEED_SIZE);
    const entries = rows.map((row) => this.toolboxEntry(row, pagePath));
    return this.render(feedFormat, {
      title: `Infraforum – Værktøjskassen: ${section.title}`,
      description: `Det nyeste i Værktøjskassens afsnit »${section.title}« på Infraforum`,
      pagePath,
      selfPath: `/api/feeds/toolbox/${encodeURIComponent(section.slug)}`,
      entries,
      // Items added or removed change the section, not the items.
      updated: latest([section.updated_at, ...entries.map((entry) => entry.updated)]),
    });
  }

  private requireFormat(format: string): FeedFormat {
    if (!isFeedFormat(format)) throw feedNotFound();
    return format;
  }

  /**
   * The newest items in the read scope of a visitor without login (the access policy's one rule), with their bodies.
   * The bodies are read again under an explicit "public" condition: an item hidden between the two reads is left out.
   */
  private async publicEntries(filter: Pick<ListFilter, 'kind' | 'componentSlug' | 'tag'>): Promise<FeedEntry[]> {
    const { rows } = await this.content.list(contentReadScope(undefined), {
      ...filter,
      viewerId: null,
      sort: 'newest',
      limit: FEED_SIZE,
      offset: 0,
    });
    const bodies = await this.repo.publicBodies(rows.map((row) => row.id));
    return rows.flatMap((row) => {
      const body = bodies.get(row.id);
      return body ? [this.contentEntry(row, body)] : [];
    });
  }

  private contentEntry(row: ContentRow, body: PublicBodyRow): FeedEntry {
    const url = this.absolute(contentPath({ kind: row.kind, id: Number(row.id), slug: row.slug }));
    return {
      id: url,
      link: url,
      title: row.title,
      summary: row.summary,
      contentHtml: body.body_html,
      author: authorLine(row.author_name, row.organization_name),
      tags: row.tags,
      published: body.published_at ?? row.created_at,
      updated: row.updated_at,
    };
  }

  private toolboxEntry(row: FeedToolboxItemRow, sectionPath: string): FeedEntry {
    if (row.content_id !== null && row.kind !== null && row.slug !== null) {
      const url = this.absolute(contentPath({ kind: row.kind, id: Number(row.content_id), slug: row.slug }));
      const published = row.published_at ?? row.created_at ?? row.added_at;
      return {
        id: url,
        link: url,
        title: row.title ?? '',
        summary: row.summary ?? '',
        contentHtml: row.body_html,
        author: authorLine(row.author_name, row.organization_name),
        tags: row.tags ?? [],
        published,
        // New in the section is news to its readers, however old the item is.
        updated: latest([row.updated_at ?? published, row.added_at]) ?? published,
      };
    }
    // An external link: its place in the section is its id (the address may be in several sections).
    return {
      id: this.absolute(`${sectionPath}#punkt-${row.item_id}`),
      link: new URL(row.url ?? sectionPath, this.config.publicUrl).href,
      title: row.link_title ?? '',
      summary: row.description ?? '',
      contentHtml: null,
      author: null,
      tags: [],
      published: row.added_at,
      updated: row.added_at,
    };
  }

  private absolute(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  private render(format: FeedFormat, { pagePath, selfPath, updated, ...feed }: FeedSource): RenderedFeed {
    const document = {
      ...feed,
      pageUrl: this.absolute(pagePath),
      selfUrl: this.absolute(selfPath),
      siteUrl: this.config.publicUrl,
      updated: updated ?? latest(feed.entries.map((entry) => entry.updated)),
    };
    return { contentType: FEED_CONTENT_TYPES[format], body: renderFeed(document, format) };
  }
}
