import { loadSearch } from '$lib/server/search/search-page';
import { followingOf } from '$lib/server/follows/follows';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  // Filtered by a tag, the page offers to follow it.
  const tag = url.searchParams.get('tag')?.trim() ?? '';
  const [search, followingTag] = await Promise.all([loadSearch(locals, url), tag ? followingOf(locals, 'tag', tag) : false]);
  return { ...search, followingTag };
};
