import { error } from '@sveltejs/kit';
import type { ContentKind } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { loadContentPage } from './content-page';
import { revisionViews } from './revision-diff';

/** The item's versions, newest first, each with what it changed; the diffs are worked out here, on the server. */
export async function loadHistoryPage(locals: App.Locals, url: URL, param: string, kind: ContentKind) {
  const item = await loadContentPage(locals, url, param, kind, '/historik');
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/content/{id}/revisions', {
    params: { path: { id: String(item.id) } },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 404 ? 404 : 502, failure.message);
  }
  return { item: { title: item.title, path: item.path }, versions: revisionViews(data.items) };
}
