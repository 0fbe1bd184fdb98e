import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { emptyContentForm } from '$lib/server/content/content-form';
import { createQuestion, followUpTitle, followUpWebinar, previewQuestion } from '$lib/server/webinars/follow-up';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  // "Stil et opfølgende spørgsmål" on a webinar's page links here with "?webinar=<id>".
  const [components, webinar] = await Promise.all([
    locals.api.GET('/api/catalog/components'),
    followUpWebinar(locals, url.searchParams.get('webinar')),
  ]);
  // Links from a component's page name it ("?komponent="; the catalog pages say "?component=").
  const preselected = url.searchParams.get('komponent') ?? url.searchParams.get('component');
  const items = components.data?.items ?? [];
  return {
    componentGroups: componentGroups(items),
    values: emptyContentForm({
      components: items.some((component) => component.slug === preselected) && preselected ? [preselected] : [],
      ...(webinar ? { title: followUpTitle(webinar) } : {}),
    }),
    webinar,
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewQuestion(locals, url, request),
  save: ({ locals, url, request }) => createQuestion(locals, url, request),
};
