import { error } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { loadContentPage } from '$lib/server/content/content-page';
import type { PageServerLoad } from './$types';

const danish = new Intl.Collator('da');

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireRole(locals, url, ['moderator', 'admin']);
  const webinar = await loadContentPage(locals, url, params.id, 'webinar', '/deltagere');
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/webinars/{id}/registrations', {
    params: { path: { id: String(webinar.id) } },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 403 || failure.statusCode === 404 ? failure.statusCode : 502, failure.message);
  }
  const perOrganization = new Map<string, { code: string; name: string; count: number }>();
  for (const registration of data.items) {
    const entry = perOrganization.get(registration.organization.code) ?? { ...registration.organization, count: 0 };
    entry.count += 1;
    perOrganization.set(registration.organization.code, entry);
  }
  return {
    webinar: { id: webinar.id, title: webinar.title, path: webinar.path },
    registrations: data.items,
    total: data.total,
    organizations: [...perOrganization.values()].sort((a, b) => b.count - a.count || danish.compare(a.name, b.name)),
  };
};
