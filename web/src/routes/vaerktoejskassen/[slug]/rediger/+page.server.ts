import { requireRole } from '$lib/server/auth';
import { previewSectionIntro, updateSection } from '$lib/server/toolbox/toolbox-actions';
import { fetchSection } from '$lib/server/toolbox/toolbox-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireRole(locals, url, ['moderator', 'admin']);
  const section = await fetchSection(locals, params.slug);
  return { section: { slug: section.slug, title: section.title, intro: section.intro, position: section.position } };
};

export const actions: Actions = {
  preview: (event) => previewSectionIntro(event),
  save: (event) => updateSection(event),
};
