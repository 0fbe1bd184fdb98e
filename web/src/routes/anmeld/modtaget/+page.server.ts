import { ContentKind, KIND_PATHS } from '@infraforum/shared';
import { requireUser } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

/** After a flag that hid the item pending review: the flagger can no longer open it, so the thanks are here. */
export const load: PageServerLoad = ({ locals, url }) => {
  requireUser(locals, url);
  const kind = ContentKind.safeParse(url.searchParams.get('type'));
  return { list: kind.success ? { kind: kind.data, path: KIND_PATHS[kind.data] } : null };
};
