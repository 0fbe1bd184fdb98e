import { groupByRegion } from '$lib/organizations';

/** The organizations that can host a webinar, by region (KOMBIT last), as checkbox groups. */
export async function hostGroups(locals: App.Locals) {
  const { data } = await locals.api.GET('/api/organizations');
  return groupByRegion(data ?? []).map((group) => ({
    label: group.label,
    options: group.organizations.map((organization) => ({ value: organization.code, label: organization.name })),
  }));
}
