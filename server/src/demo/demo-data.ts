import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { UserRole } from '@infraforum/shared';
import { hashPassword } from '../auth/password-hasher.js';
import { UserRepository } from '../users/user.repository.js';
import { UsersService } from '../users/users.service.js';
import { DEMO_CONTENT_ACCOUNTS } from './demo-content.js';

export interface DemoAccount {
  email: string;
  name: string;
  organizationCode: string;
  role: UserRole;
  title: string;
  showContactDetails: boolean;
}

/** Fictional people in Gladsaxe, Esbjerg and KOMBIT, one of every role. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@kombit.dk',
    name: 'Anne Kjær',
    organizationCode: 'KOMBIT',
    role: 'admin',
    title: 'Platformsansvarlig',
    showContactDetails: true,
  },
  {
    email: 'moderator@kombit.dk',
    name: 'Mads Holm',
    organizationCode: 'KOMBIT',
    role: 'moderator',
    title: 'Infrastrukturkonsulent',
    showContactDetails: true,
  },
  {
    email: 'kommuneadmin@gladsaxe.dk',
    name: 'Lene Friis',
    organizationCode: '0159',
    role: 'org_admin',
    title: 'IT-chef',
    showContactDetails: true,
  },
  {
    email: 'infrastruktur@gladsaxe.dk',
    name: 'Jonas Brandt',
    organizationCode: '0159',
    role: 'member',
    title: 'Infrastrukturansvarlig',
    showContactDetails: true,
  },
  {
    email: 'hotline@gladsaxe.dk',
    name: 'Sofie Lund',
    organizationCode: '0159',
    role: 'member',
    title: 'Hotline',
    showContactDetails: false,
  },
  {
    email: 'kommuneadmin@esbjerg.dk',
    name: 'Peter Nørgaard',
    organizationCode: '0561',
    role: 'org_admin',
    title: 'Digitaliseringschef',
    showContactDetails: false,
  },
  {
    email: 'infrastruktur@esbjerg.dk',
    name: 'Maria Østergaard',
    organizationCode: '0561',
    role: 'member',
    title: 'Infrastrukturansvarlig',
    showContactDetails: true,
  },
];

/** The demo password is made once per data dir (printed at every start), so no fixed password ships in the code. */
export function demoPassword(dataDir: string): string {
  const file = path.join(dataDir, 'demo-password');
  if (!existsSync(file)) writeFileSync(file, `Demo-${randomBytes(9).toString('base64url')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Creates the demo accounts that are missing (idempotent), plus one sign-up waiting for approval in Gladsaxe. */
export async function seedDemoData(app: INestApplicationContext, password: string): Promise<DemoAccount[]> {
  const users = app.get(UsersService);
  const repository = app.get(UserRepository);
  const passwordHash = await hashPassword(password);
  for (const account of [...DEMO_ACCOUNTS, ...DEMO_CONTENT_ACCOUNTS]) {
    if (await users.findByEmail(account.email)) continue;
    await users.createActiveUser({ ...account, passwordHash });
  }
  const waitingEmail = 'ny.kollega@gmail.com';
  if (!(await users.findByEmail(waitingEmail))) {
    const created = await users.createActiveUser({
      email: waitingEmail,
      name: 'Ida Vestergaard',
      organizationCode: '0159',
      role: 'member',
      passwordHash,
      title: 'Vikar, servicedesk',
    });
    await repository.update(created.id, { status: 'pending', emailDomainMatches: false, approvedAt: null });
  }
  return DEMO_ACCOUNTS;
}
