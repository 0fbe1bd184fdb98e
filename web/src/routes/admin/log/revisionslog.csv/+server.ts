import { auditCsv } from '$lib/server/moderation/audit-log';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => auditCsv(locals, url);
