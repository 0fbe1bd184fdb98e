import { error, redirect } from '@sveltejs/kit';
import { KIND_LABELS, type ContentDetail, type ContentKind, type Reply } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';

/** "123-context-handler-er-nede" → 123 (the slug after the id is only for people; the id decides). */
export function contentIdOf(param: string): number | undefined {
  const match = /^(\d{1,9})(?:-.*)?$/.exec(param);
  return match ? Number(match[1]) : undefined;
}

const notFound = (kind: ContentKind) => `${KIND_LABELS[kind]} findes ikke, eller du har ikke adgang til det.`;

/** The item by its route parameter, or the API's answer as an error page (404 also for what the caller may not see). */
export async function fetchContent(locals: App.Locals, param: string, kind: ContentKind): Promise<ContentDetail> {
  const id = contentIdOf(param);
  if (id === undefined) error(404, notFound(kind));
  const { data, error: problem, response } = await locals.api.GET('/api/content/{id}', { params: { path: { id: String(id) } } });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 404 ? 404 : failure.statusCode === 403 ? 403 : 502, failure.message);
  }
  return data;
}

/**
 * Loads the item for a page under its path, and sends anyone on an old or wrong address (changed title,
 * wrong section) to the canonical one, with the same sub-page and query.
 */
export async function loadContentPage(
  locals: App.Locals,
  url: URL,
  param: string,
  kind: ContentKind,
  subPath = '',
): Promise<ContentDetail> {
  const detail = await fetchContent(locals, param, kind);
  const canonical = detail.path + subPath;
  if (url.pathname !== canonical) redirect(301, canonical + url.search);
  return detail;
}

/** One answer in `question`, by its route parameter; an answer of another thread is not found here. */
export async function fetchReply(locals: App.Locals, question: ContentDetail, param: string): Promise<Reply> {
  if (!/^\d{1,9}$/.test(param)) error(404, 'Svaret findes ikke.');
  const { data, error: problem, response } = await locals.api.GET('/api/replies/{id}', { params: { path: { id: param } } });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 404 ? 404 : 502, failure.statusCode === 404 ? 'Svaret findes ikke.' : failure.message);
  }
  if (data.contentId !== question.id) error(404, 'Svaret findes ikke.');
  return data;
}

/** The sub-pages where the caller changes an item or an answer, and what a refusal says they cannot do. */
const CHANGES = {
  edit: { subPage: 'rediger', verb: 'redigere' },
  delete: { subPage: 'slet', verb: 'slette' },
} as const;
type Change = keyof typeof CHANGES;

const DEFINITE: Record<ContentKind, string> = {
  question: 'spørgsmålet',
  guide: 'vejledningen',
  case: 'casen',
  webinar: 'webinaret',
  suggestion: 'emneforslaget',
};

/** The item for its edit or delete page: the caller must be logged in (else sent to log in) and allowed to (else 403). */
export async function loadContentToChange(
  locals: App.Locals,
  url: URL,
  param: string,
  kind: ContentKind,
  change: Change,
): Promise<ContentDetail> {
  requireUser(locals, url);
  const item = await loadContentPage(locals, url, param, kind, `/${CHANGES[change].subPage}`);
  if (!item.permissions[change]) error(403, `Du kan ikke ${CHANGES[change].verb} ${DEFINITE[kind]}.`);
  return item;
}

/**
 * An answer (a comment, under a suggestion) and its thread for its edit or delete page, on the same terms as
 * `loadContentToChange`.
 */
export async function loadReplyToChange(
  locals: App.Locals,
  url: URL,
  params: { id: string; replyId: string },
  change: Change,
  kind: 'question' | 'suggestion' = 'question',
) {
  requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, kind, `/svar/${params.replyId}/${CHANGES[change].subPage}`);
  const reply = await fetchReply(locals, question, params.replyId);
  if (!reply.permissions[change]) error(403, `Du kan ikke ${CHANGES[change].verb} svaret.`);
  return { question: { title: question.title, path: question.path }, reply };
}
