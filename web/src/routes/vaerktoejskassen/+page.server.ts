import { createSection } from '$lib/server/toolbox/toolbox-actions';
import { introExcerpt } from '$lib/server/toolbox/intro-excerpt';
import { curatesToolbox, fetchProposals, fetchSections } from '$lib/server/toolbox/toolbox-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const curates = curatesToolbox(locals.user);
  const [sections, pending] = await Promise.all([fetchSections(locals), curates ? pendingCount(locals) : Promise.resolve(null)]);
  return {
    sections: sections.map((section) => ({
      slug: section.slug,
      title: section.title,
      excerpt: introExcerpt(section.introHtml),
      itemCount: section.items.length,
    })),
    curates,
    pendingCount: pending,
    deleted: url.searchParams.has('slettet'),
  };
};

/** How many proposals wait for a moderator; the overview still shows when the count cannot be had. */
async function pendingCount(locals: App.Locals): Promise<number | null> {
  try {
    return (await fetchProposals(locals, 'pending')).total;
  } catch {
    return null;
  }
}

export const actions: Actions = {
  createSection: (event) => createSection(event),
};
