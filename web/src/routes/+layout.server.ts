import type { LayoutServerLoad } from './$types';

/** Pages get only who is logged in; the API client stays on the server. */
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user });
