import type { LayoutServerLoad } from './$types';

/**
 * Pages get only who is logged in; the API client stays on the server. Read on every navigation (it depends on
 * the URL), so the notification bell's count is never that of an earlier page.
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
  void url.pathname;
  return { user: locals.user };
};
