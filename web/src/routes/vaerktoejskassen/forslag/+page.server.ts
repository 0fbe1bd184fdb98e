import { requireUser } from '$lib/server/auth';
import { acceptProposal, declineProposal } from '$lib/server/toolbox/toolbox-actions';
import { curatesToolbox, fetchProposals, proposalStatusOf } from '$lib/server/toolbox/toolbox-page';
import type { Actions, PageServerLoad } from './$types';

/** Moderators: the proposals by status (pending first). Members: their own, whatever became of them. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const curates = curatesToolbox(user);
  const status = curates ? proposalStatusOf(url) : null;
  const list = await fetchProposals(locals, status ?? undefined);
  return {
    curates,
    status,
    proposals: list.items,
    total: list.total,
    acceptedId: Number(url.searchParams.get('optaget')) || null,
    declinedId: Number(url.searchParams.get('afvist')) || null,
  };
};

export const actions: Actions = {
  accept: (event) => acceptProposal(event),
  decline: (event) => declineProposal(event),
};
