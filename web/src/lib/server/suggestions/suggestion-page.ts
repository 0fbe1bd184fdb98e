import type { ContentDetail } from '@infraforum/shared';
import { formatDateTime } from '$lib/components/content/format';
import { suggestionStatusOf } from '$lib/components/suggestions/suggestion-attributes';
import { loadContentPage } from '$lib/server/content/content-page';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The webinars a suggestion can be planned for: the planned ones, soonest first. */
async function plannedWebinars(locals: App.Locals): Promise<ChoiceOption[]> {
  const { data } = await locals.api.GET('/api/content', {
    params: { query: { kind: 'webinar', state: 'planned', sort: 'upcoming', pageSize: '100' } },
  });
  return (data?.items ?? []).map((webinar) => {
    const startsAt = typeof webinar.attributes.startsAt === 'string' ? webinar.attributes.startsAt : undefined;
    return { value: String(webinar.id), label: startsAt ? `${webinar.title} (${formatDateTime(startsAt)})` : webinar.title };
  });
}

/** The open suggestions this one can be merged into: published, not merged or locked themselves, not done. */
async function mergeTargets(locals: App.Locals, current: ContentDetail): Promise<ChoiceOption[]> {
  const { data } = await locals.api.GET('/api/content', {
    params: { query: { kind: 'suggestion', sort: 'votes', status: 'published', pageSize: '100' } },
  });
  return (data?.items ?? [])
    .filter((item) => item.id !== current.id && !item.locked && !['held', 'declined'].includes(suggestionStatusOf(item.attributes)))
    .map((item) => ({
      value: String(item.id),
      label: `${item.title} (nr. ${item.id}, ${item.score} ${item.score === 1 ? 'stemme' : 'stemmer'})`,
    }));
}

/** A suggestion's page: the item (at its canonical address), and for moderators the choices their forms offer. */
export async function loadSuggestionPage(locals: App.Locals, url: URL, param: string) {
  const suggestion = await loadContentPage(locals, url, param, 'suggestion');
  const [webinars, mergeOptions] = await Promise.all([
    suggestion.permissions.changeStatus ? plannedWebinars(locals) : [],
    suggestion.permissions.merge ? mergeTargets(locals, suggestion) : [],
  ]);
  return { suggestion, webinars, mergeOptions };
}
