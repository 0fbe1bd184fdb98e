import type { Organization, OrganizationContact, OrganizationDetail } from '@infraforum/shared';
import type { UserEntity } from '../users/user.entity.js';
import type { OrganizationEntity } from './organization.entity.js';

export function toOrganization(org: OrganizationEntity): Organization {
  return { code: org.code, name: org.name, type: org.type, region: org.region, emailDomains: org.emailDomains };
}

export function toOrganizationContact(user: UserEntity): OrganizationContact {
  return { id: user.id, name: user.name, title: user.title, email: user.email, phone: user.phone };
}

export function toOrganizationDetail(org: OrganizationEntity, memberCount: number, contacts: UserEntity[]): OrganizationDetail {
  return { ...toOrganization(org), memberCount, contacts: contacts.map(toOrganizationContact) };
}
