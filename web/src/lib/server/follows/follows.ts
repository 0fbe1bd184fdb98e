import { redirect, type RequestEvent } from '@sveltejs/kit';
import { SubscriptionType, type Subscription } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { textFields } from '$lib/server/forms';
import { localReturnPath, withOutcome } from './return-path';

/**
 * Whether the signed-in caller follows one thing (a component, a section, a tag); false for visitors. A page
 * must not fail because this one lookup did: it then shows the "Følg" button.
 */
export async function followingOf(locals: App.Locals, type: SubscriptionType, key: string): Promise<boolean> {
  if (!locals.user) return false;
  const { data } = await locals.api.GET('/api/me/subscriptions');
  const wanted = key.trim().toLowerCase();
  return data?.items.some((item) => item.type === type && item.key === wanted) ?? false;
}

/**
 * The "Følg" button's action (/foelg): follows, or stops following, one thing and goes back to the page it was
 * on, whose query says how it went. Someone whose session ended is sent to log in and back.
 */
export async function followAction({ locals, request }: Pick<RequestEvent, 'locals' | 'request'>): Promise<never> {
  const form = textFields(await request.formData(), ['type', 'key', 'foelger', 'tilbage']);
  const back = localReturnPath(form.tilbage);
  if (!locals.user) redirect(303, `/log-ind?redirectTo=${encodeURIComponent(back)}`);
  const type = SubscriptionType.safeParse(form.type);
  const key = form.key.trim().toLowerCase();
  if (!type.success || key === '') redirect(303, withOutcome(back, 'failed'));

  if (form.foelger === 'ja') {
    const { error, response } = await locals.api.DELETE('/api/me/subscriptions/{type}/{key}', {
      params: { path: { type: type.data, key } },
    });
    // Not followed (404) is what was asked for.
    const done = response.ok || response.status === 404;
    if (!done) logFailure(error, response);
    redirect(303, withOutcome(back, done ? 'unfollowed' : 'failed'));
  }
  const { error, response } = await locals.api.POST('/api/me/subscriptions', { body: { type: type.data, key } });
  if (!response.ok) logFailure(error, response);
  redirect(303, withOutcome(back, response.ok ? 'followed' : 'failed'));
}

/** A refusal (400: nothing to follow there) is the page's message; anything else is also worth a log line. */
function logFailure(error: unknown, response: Response): void {
  const failure = apiError(error, response);
  if (failure.statusCode !== 400) console.error(`Following answered ${failure.statusCode}: ${failure.message}`);
}

/** Where a followed thing is seen. A tag's is the search filtered by it (the search page reads `tag`). */
export function subscriptionHref(item: Subscription): string {
  return item.type === 'tag' ? `/soeg?tag=${encodeURIComponent(item.key)}` : item.path;
}

export interface SubscriptionGroup {
  type: SubscriptionType;
  items: (Subscription & { href: string })[];
}

/** The things one follows in groups by type (content, components, tags, sections), each group by title. */
export function groupSubscriptions(items: readonly Subscription[]): SubscriptionGroup[] {
  return SubscriptionType.options
    .map((type) => ({
      type,
      items: items
        .filter((item) => item.type === type)
        .sort((a, b) => a.title.localeCompare(b.title, 'da'))
        .map((item) => ({ ...item, href: subscriptionHref(item) })),
    }))
    .filter((group) => group.items.length > 0);
}
