import { diffArrays, diffWordsWithSpace } from 'diff';
import {
  CASE_ORIGIN_LABELS,
  CASE_STATUS_LABELS,
  CASE_STEP_ACTOR_LABELS,
  CaseOriginType,
  CaseStatus,
  CaseStepActor,
  SEVERITY_LABELS,
  Severity,
  type Revision,
} from '@infraforum/shared';

/** One run of text in a diff: kept, added in the newer version, or removed from the older one. */
export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FieldChange {
  label: string;
  parts: DiffPart[];
  /** Multi-line text (body, intranet notices): shown with its line breaks. */
  multiline: boolean;
}

export interface RevisionView {
  version: number;
  current: boolean;
  editor: Revision['editor'];
  editedAt: string;
  reason: string | null;
  /** What this version changed compared with the one before it; empty for the first version. */
  changes: FieldChange[];
  first: boolean;
}

const ATTRIBUTE_LABELS: Record<string, string> = {
  component: 'Komponent',
  purpose: 'Hvad det er',
  severity: 'Hvis nede',
  affectedSystems: 'Berørte it-systemer',
  action: 'Det gør hotline',
  'intranetNotice.outage': 'Tekst til intranettet ved nedbrud',
  'intranetNotice.maintenance': 'Tekst til intranettet ved planlagt vedligehold',
  // Cases
  system: 'It-system',
  supplier: 'Leverandør',
  'from.type': 'Flyttet fra',
  'from.description': 'Navnet på det gamle',
  'to.component': 'Flyttet til',
  'to.version': 'Version',
  status: 'Status',
  startDate: 'Startdato',
  endDate: 'Slutdato',
  effortDays: 'Indsats i persondage',
  steps: 'Trin for trin',
  obstacles: 'Forhindringer',
  lessons: 'Erfaringer',
  requirements: 'Kravtekster',
  contactOptIn: 'Vis kontaktoplysninger',
};
const MULTILINE_ATTRIBUTES = new Set([
  'action',
  'intranetNotice.outage',
  'intranetNotice.maintenance',
  'steps',
  'obstacles',
  'lessons',
  'requirements',
]);
/** Lists shown as text, one item after the other, rather than comma-separated: a case's requirement texts are long. */
const TEXT_LISTS = new Set(['requirements']);

/** A case's steps as text: "1. Title (Leverandøren)", the text below, a blank line between steps. */
function stepsText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .map((step: unknown, index) => {
      const { title, text, who } = (step ?? {}) as { title?: unknown; text?: unknown; who?: unknown };
      const actor = CaseStepActor.safeParse(who);
      return `${index + 1}. ${typeof title === 'string' ? title : ''}${actor.success ? ` (${CASE_STEP_ACTOR_LABELS[actor.data]})` : ''}\n${typeof text === 'string' ? text : ''}`;
    })
    .join('\n\n');
}

/**
 * Word diff, with neighbouring changes joined: "Sæt teksten" → "Ring til" reads as one deletion and one
 * insertion, not as alternating single words (the spaces between them are unchanged, but not worth a break).
 */
export function textDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  let pendingSpace = '';
  const flush = () => {
    if (removed) parts.push({ text: removed, change: 'removed' });
    if (added) parts.push({ text: added, change: 'added' });
    removed = added = '';
  };
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.added || change.removed) {
      if (pendingSpace && (removed || added)) {
        removed += pendingSpace;
        added += pendingSpace;
      } else if (pendingSpace) {
        parts.push({ text: pendingSpace, change: 'same' });
      }
      pendingSpace = '';
      if (change.added) added += change.value;
      else removed += change.value;
    } else if (/^[^\S\n]+$/.test(change.value) && (removed || added)) {
      // Unchanged spaces inside a run of changes: hold on, the run may go on.
      pendingSpace += change.value;
    } else {
      flush();
      parts.push({ text: pendingSpace + change.value, change: 'same' });
      pendingSpace = '';
    }
  }
  flush();
  if (pendingSpace) parts.push({ text: pendingSpace, change: 'same' });
  return parts;
}

/** Lists (tags, systems) compare item by item, shown comma-separated. */
function listDiff(before: readonly string[], after: readonly string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays([...before], [...after])) {
    for (const item of change.value) {
      if (parts.length > 0) parts.push({ text: ', ', change: 'same' });
      parts.push({ text: item, change: change.added ? 'added' : change.removed ? 'removed' : 'same' });
    }
  }
  return parts;
}

/** Attributes flattened to "intranetNotice.outage" → value, so nested texts diff on their own. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [path, leaf] of flatten(inner, prefix ? `${prefix}.${key}` : key)) entries.set(path, leaf);
    }
  } else if (prefix) {
    entries.set(prefix, value);
  }
  return entries;
}

function asText(path: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (path === 'severity') {
    const severity = Severity.safeParse(value);
    if (severity.success) return SEVERITY_LABELS[severity.data];
  }
  if (path === 'from.type') {
    const origin = CaseOriginType.safeParse(value);
    if (origin.success) return CASE_ORIGIN_LABELS[origin.data];
  }
  if (path === 'status') {
    const status = CaseStatus.safeParse(value);
    if (status.success) return CASE_STATUS_LABELS[status.data];
  }
  if (path === 'steps') return stepsText(value) ?? JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (TEXT_LISTS.has(path) && Array.isArray(value)) return value.join('\n\n');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const asList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;

function attributeChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const older = flatten(before);
  const newer = flatten(after);
  const paths = [...new Set([...Object.keys(ATTRIBUTE_LABELS), ...older.keys(), ...newer.keys()])].filter(
    (path) => older.has(path) || newer.has(path),
  );
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const a = older.get(path);
    const b = newer.get(path);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const listA = asList(a ?? []);
    const listB = asList(b ?? []);
    changes.push({
      label: ATTRIBUTE_LABELS[path] ?? path,
      parts: listA && listB && !TEXT_LISTS.has(path) ? listDiff(listA, listB) : textDiff(asText(path, a), asText(path, b)),
      multiline: MULTILINE_ATTRIBUTES.has(path),
    });
  }
  return changes;
}

/** What `newer` changed compared with `older`: only the fields that differ. */
export function compareRevisions(older: Revision, newer: Revision): FieldChange[] {
  const changes: FieldChange[] = [];
  if (older.title !== newer.title) changes.push({ label: 'Titel', parts: textDiff(older.title, newer.title), multiline: false });
  if (older.body !== newer.body) changes.push({ label: 'Tekst', parts: textDiff(older.body, newer.body), multiline: true });
  if (JSON.stringify(older.tags) !== JSON.stringify(newer.tags)) {
    changes.push({ label: 'Emneord', parts: listDiff(older.tags, newer.tags), multiline: false });
  }
  return [...changes, ...attributeChanges(older.attributes, newer.attributes)];
}

/** Revisions newest first (as the API lists them), each with its changes against the version before it. */
export function revisionViews(revisions: readonly Revision[]): RevisionView[] {
  return revisions.map((revision, index) => {
    const previous = revisions[index + 1];
    return {
      version: revision.version,
      current: revision.current,
      editor: revision.editor,
      editedAt: revision.editedAt,
      reason: revision.reason,
      changes: previous ? compareRevisions(previous, revision) : [],
      first: previous === undefined,
    };
  });
}
