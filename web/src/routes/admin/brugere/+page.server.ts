import { error, fail } from '@sveltejs/kit';
import { ROLE_LABELS, STATUS_LABELS, USER_ROLES, USER_STATUSES, rolesAllowedFor, type UserRole, type UserStatus } from '@infraforum/shared';
import { apiError, type ApiClient } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { textFields } from '$lib/server/forms';
import { groupByRegion } from '$lib/organizations';
import type { Actions, PageServerLoad } from './$types';

const USER_MANAGERS = ['org_admin', 'moderator', 'admin'] as const;

const isStatus = (value: string | null): value is UserStatus => USER_STATUSES.some((status) => status === value);
const isRole = (value: string): value is UserRole => USER_ROLES.some((role) => role === value);

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals, url, USER_MANAGERS);
  const kombitStaff = user.role === 'moderator' || user.role === 'admin';
  // Org admins manage their own municipality; KOMBIT staff pick one (their own by default).
  const organizationCode = kombitStaff ? url.searchParams.get('kommune')?.trim() || user.organization.code : user.organization.code;
  const statusParam = url.searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;

  const [users, organizations] = await Promise.all([
    locals.api.GET('/api/organizations/{code}/users', { params: { path: { code: organizationCode }, query: status ? { status } : {} } }),
    kombitStaff ? locals.api.GET('/api/organizations') : Promise.resolve(undefined),
  ]);
  if (!users.data) {
    const problem = apiError(users.error, users.response);
    error(problem.statusCode === 404 ? 404 : problem.statusCode === 403 ? 403 : 502, problem.message);
  }

  const organization = organizations?.data?.find((org) => org.code === organizationCode);
  const organizationType = organization?.type ?? user.organization.type;
  return {
    organizationCode,
    organizationName: organization?.name ?? users.data.items[0]?.organization.name ?? user.organization.name,
    status: status ?? null,
    users: users.data.items,
    total: users.data.total,
    organizationGroups: organizations?.data ? groupByRegion(organizations.data) : undefined,
    roleOptions: rolesAllowedFor(organizationType).map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    statusOptions: USER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
    roleLabels: ROLE_LABELS,
    statusLabels: STATUS_LABELS,
  };
};

type StatusChange = 'approve' | 'suspend' | 'reactivate';

const DONE: Record<StatusChange, string> = { approve: 'er godkendt', suspend: 'er suspenderet', reactivate: 'er genaktiveret' };

async function changeStatus(api: ApiClient, request: Request, change: StatusChange) {
  const { id } = textFields(await request.formData(), ['id']);
  const options = { params: { path: { id } }, body: {} };
  const { data, error, response } =
    change === 'approve'
      ? await api.POST('/api/users/{id}/approve', options)
      : change === 'suspend'
        ? await api.POST('/api/users/{id}/suspend', options)
        : await api.POST('/api/users/{id}/reactivate', options);
  if (!data) return actionFailed(error, response);
  return { done: `${data.name} ${DONE[change]}.` };
}

/** The API's message plus any per-field messages, for the alert above the table. */
function actionFailed(error: unknown, response: Response) {
  const problem = apiError(error, response);
  const details = Object.values(problem.fields ?? {}).flat();
  return fail(problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500, { message: problem.message, details });
}

export const actions: Actions = {
  approve: async ({ locals, url, request }) => {
    requireRole(locals, url, USER_MANAGERS);
    return changeStatus(locals.api, request, 'approve');
  },
  suspend: async ({ locals, url, request }) => {
    requireRole(locals, url, USER_MANAGERS);
    return changeStatus(locals.api, request, 'suspend');
  },
  reactivate: async ({ locals, url, request }) => {
    requireRole(locals, url, USER_MANAGERS);
    return changeStatus(locals.api, request, 'reactivate');
  },
  role: async ({ locals, url, request }) => {
    requireRole(locals, url, ['admin']);
    const { id, role } = textFields(await request.formData(), ['id', 'role']);
    if (!isRole(role)) return fail(400, { message: 'Vælg en rolle fra listen.', details: [] });
    const { data, error, response } = await locals.api.PUT('/api/users/{id}/role', { params: { path: { id } }, body: { role } });
    if (!data) return actionFailed(error, response);
    return { done: `${data.name} har nu rollen ${ROLE_LABELS[data.role]}.` };
  },
};
