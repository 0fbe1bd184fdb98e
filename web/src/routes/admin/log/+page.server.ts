import { loadAuditLog } from '$lib/server/moderation/audit-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadAuditLog(locals, url);
