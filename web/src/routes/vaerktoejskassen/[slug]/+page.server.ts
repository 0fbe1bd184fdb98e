import { addContentItem, addLinkItem, moveItem } from '$lib/server/toolbox/toolbox-actions';
import { curatesToolbox, fetchSection } from '$lib/server/toolbox/toolbox-page';
import { followingOf } from '$lib/server/follows/follows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const [section, following] = await Promise.all([fetchSection(locals, params.slug), followingOf(locals, 'toolbox_section', params.slug)]);
  return {
    section,
    curates: curatesToolbox(locals.user),
    proposalSent: url.searchParams.get('forslag') === 'sendt',
    added: url.searchParams.has('tilfoejet'),
    removed: url.searchParams.has('fjernet'),
    following,
  };
};

export const actions: Actions = {
  addContent: (event) => addContentItem(event),
  addLink: (event) => addLinkItem(event),
  move: (event) => moveItem(event),
};
