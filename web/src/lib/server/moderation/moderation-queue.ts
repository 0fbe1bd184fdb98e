import { error, redirect } from '@sveltejs/kit';
import { FlagResolution, ResolveFlagSchema, type ModerationQueue, type UserRole } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';

/** Who reviews flags (the API says the same). */
export const MODERATORS: readonly UserRole[] = ['moderator', 'admin'];

export type QueueStatus = 'open' | 'resolved';

/** `?status=` and `?side=` of the queue page; anything else is the first page of open flags. */
export function queueQuery(url: URL): { status: QueueStatus; page: number } {
  const status = url.searchParams.get('status') === 'resolved' ? 'resolved' : 'open';
  const side = url.searchParams.get('side') ?? '';
  const page = /^\d{1,5}$/.test(side) && Number(side) >= 1 ? Number(side) : 1;
  return { status, page };
}

export async function loadModerationQueue(
  locals: App.Locals,
  url: URL,
): Promise<{ queue: ModerationQueue; status: QueueStatus; decided: FlagResolution | null }> {
  requireRole(locals, url, MODERATORS);
  const { status, page } = queueQuery(url);
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/moderation/queue', {
    params: { query: { status, ...(page > 1 ? { page: String(page) } : {}) } },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 403 ? 403 : failure.statusCode === 400 ? 400 : 502, failure.message);
  }
  const decided = FlagResolution.safeParse(url.searchParams.get('behandlet'));
  return { queue: data, status, decided: decided.success ? decided.data : null };
}

/**
 * One item's decision form: every open flag on the item is decided at once. Failures name the item's form (by
 * the flag id it sent), so only that card shows the messages; success goes back to the open flags.
 */
export async function resolveFlags(locals: App.Locals, url: URL, request: Request) {
  requireRole(locals, url, MODERATORS);
  const values = textFields(await request.formData(), ['flagId', 'action', 'reason']);
  const flagId = /^\d{1,12}$/.test(values.flagId) ? values.flagId : '';
  if (!flagId) error(400, 'Anmeldelsen mangler i formularen.');
  const { action, reason } = values;
  const checked = checkForm(ResolveFlagSchema, { action, reason });
  if (!checked.ok) return failWithFieldErrors(checked.fields, values, flagId);
  const {
    data,
    error: problem,
    response,
  } = await locals.api.POST('/api/moderation/flags/{id}/resolve', {
    params: { path: { id: flagId } },
    body: { action: checked.data.action, ...(checked.data.reason ? { reason: checked.data.reason } : {}) },
  });
  if (!data) return failWithApiError(apiError(problem, response), values, flagId);
  redirect(303, `/admin/moderation?behandlet=${data.action}`);
}
