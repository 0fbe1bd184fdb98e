import { error, redirect } from '@sveltejs/kit';
import type { Me, UserRole } from '@infraforum/shared';

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): Me {
  if (!locals.user) redirect(303, `/log-ind?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  return locals.user;
}

/** Like requireUser, and a 403 page for anyone without one of the roles. */
export function requireRole(locals: App.Locals, url: URL, roles: readonly UserRole[]): Me {
  const user = requireUser(locals, url);
  if (!roles.includes(user.role)) error(403, 'Du har ikke adgang til denne side.');
  return user;
}
