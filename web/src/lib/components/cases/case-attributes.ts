import { CaseAttributesSchema, CaseStatus, type CaseAttributes, type ContentSummary } from '@infraforum/shared';

/** What a list card shows of a case. */
export interface CaseCardData {
  id: number;
  title: string;
  path: string;
  summary: string;
  system: string;
  supplier: string;
  /** The target component's name ("SF1601 Kombit Digital Post"), or the stored slug when the catalog lost it. */
  target: string;
  targetVersion: string | null;
  state: CaseStatus;
  /** Draft, published or hidden. */
  status: ContentSummary['status'];
  organization: ContentSummary['organization'];
  workingOnCount: number;
  updatedAt: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The stored attributes, read as the schema reads them; what does not parse is left out rather than failing the page. */
export function caseAttributesOf(attributes: Record<string, unknown>): CaseAttributes | null {
  return CaseAttributesSchema.safeParse(attributes).data ?? null;
}

/** A summary's case attributes, read field by field (a list must show every case, even one stored under older rules). */
export function caseCardOf(item: ContentSummary, componentNames: ReadonlyMap<string, string>): CaseCardData {
  const attributes = item.attributes;
  const to = (attributes.to ?? {}) as Record<string, unknown>;
  const slug = text(to.component);
  const linked = item.components.find((component) => component.slug === slug);
  return {
    id: item.id,
    title: item.title,
    path: item.path,
    summary: item.summary,
    system: text(attributes.system),
    supplier: text(attributes.supplier),
    target: linked?.name ?? componentNames.get(slug) ?? slug,
    targetVersion: text(to.version) || null,
    state: CaseStatus.safeParse(attributes.status).data ?? 'planned',
    status: item.status,
    organization: item.organization,
    workingOnCount: item.workingOnCount ?? 0,
    updatedAt: item.updatedAt,
  };
}

const days = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** "1 persondag", "12,5 persondage". */
export function effortLabel(effortDays: number): string {
  return `${days.format(effortDays)} ${effortDays === 1 ? 'persondag' : 'persondage'}`;
}

/** "1 kommune er i gang med det samme", "3 kommuner er i gang med det samme". */
export function workingOnLabel(count: number): string {
  return `${count.toLocaleString('da-DK')} ${count === 1 ? 'kommune er' : 'kommuner er'} i gang med det samme`;
}

/** "1. marts 2024" from "2024-03-01" (a calendar day: no time zone can move it). */
export function formatCalendarDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
