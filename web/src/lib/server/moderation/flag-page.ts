import { error, redirect } from '@sveltejs/kit';
import { CreateFlagSchema, KIND_LABELS, type ContentDetail, type ContentKind, type FlagReason, type Reply } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { fetchReply } from '$lib/server/content/content-page';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import { plainExcerpt } from './excerpt';

const NOT_FOUND = 'Det, du vil anmelde, findes ikke, eller du har ikke adgang til det.';
const ID = /^\d{1,9}$/;

/** What is flagged: an item, or one reply in it. */
interface FlagTarget {
  item: ContentDetail;
  reply: Reply | null;
}

/** `/anmeld?indhold=<id>` or `/anmeld?svar=<replyId>&indhold=<id>`, read as the caller may see them (404 otherwise). */
async function fetchFlagTarget(locals: App.Locals, url: URL): Promise<FlagTarget> {
  const contentId = url.searchParams.get('indhold') ?? '';
  const replyId = url.searchParams.get('svar');
  if (!ID.test(contentId) || (replyId !== null && !ID.test(replyId))) error(404, NOT_FOUND);
  const { data: item, error: problem, response } = await locals.api.GET('/api/content/{id}', { params: { path: { id: contentId } } });
  if (!item) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 404 || failure.statusCode === 403 ? 404 : 502, failure.statusCode === 404 ? NOT_FOUND : failure.message);
  }
  const reply = replyId === null ? null : await fetchReply(locals, item, replyId);
  return { item, reply };
}

export interface FlagPageData {
  kind: ContentKind;
  kindLabel: string;
  title: string;
  path: string;
  /** The item's summary, or the reply's text as plain text. */
  excerpt: string;
  reply: { id: number; authorName: string } | null;
  canFlag: boolean;
  /** The caller wrote it (and so cannot flag it). */
  mine: boolean;
  /** The caller's open flag: sending again replaces it. */
  myFlag: FlagReason | null;
}

export async function loadFlagPage(locals: App.Locals, url: URL): Promise<FlagPageData> {
  requireUser(locals, url);
  const { item, reply } = await fetchFlagTarget(locals, url);
  return {
    kind: item.kind,
    kindLabel: KIND_LABELS[item.kind],
    title: item.title,
    path: item.path,
    excerpt: reply ? plainExcerpt(reply.body) : item.summary,
    reply: reply ? { id: reply.id, authorName: reply.author?.name ?? 'en slettet bruger' } : null,
    canFlag: reply ? reply.permissions.flag : item.permissions.flag,
    mine: reply ? reply.mine : item.mine,
    myFlag: reply ? reply.myFlag : item.myFlag,
  };
}

/**
 * Sends the flag and goes back to the item, which says thanks. When the flag hid the item pending review the
 * flagger can no longer open it, so they land on a receipt page instead.
 */
export async function submitFlag(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const values = textFields(await request.formData(), ['reason', 'text']);
  const { item, reply } = await fetchFlagTarget(locals, url);
  const checked = checkForm(CreateFlagSchema, values);
  if (!checked.ok) return failWithFieldErrors(checked.fields, values);
  const body = { reason: checked.data.reason, ...(checked.data.text ? { text: checked.data.text } : {}) };
  const {
    data,
    error: problem,
    response,
  } = reply
    ? await locals.api.POST('/api/replies/{id}/flags', { params: { path: { id: String(reply.id) } }, body })
    : await locals.api.POST('/api/content/{id}/flags', { params: { path: { id: String(item.id) } }, body });
  if (!data) return failWithApiError(apiError(problem, response), values);
  if (data.hiddenPendingReview && !reply) redirect(303, `/anmeld/modtaget?type=${item.kind}`);
  if (data.hiddenPendingReview) redirect(303, `${item.path}?anmeldt=svar-skjult`);
  redirect(303, `${item.path}?anmeldt=1${reply ? `#svar-${reply.id}` : ''}`);
}
