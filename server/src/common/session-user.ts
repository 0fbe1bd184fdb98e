import type { OrganizationType, UserRole, UserStatus } from '@infraforum/shared';

/** What a logged-in request carries as `req.user`, reloaded from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  title: string | null;
  phone: string | null;
  showContactDetails: boolean;
  role: UserRole;
  status: UserStatus;
  organizationId: string;
  organization: { id: string; code: string; name: string; type: OrganizationType };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionUser {}
  }
}
