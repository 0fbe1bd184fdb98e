import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Organization, OrganizationDetail } from '@infraforum/shared';
import { canSeeContactDetails } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import type { OrganizationEntity } from './organization.entity.js';
import { toOrganization, toOrganizationDetail } from './organization.mapper.js';
import { OrganizationRepository } from './organization.repository.js';
import { referenceOrganizations } from './reference-data.js';

const danish = new Intl.Collator('da');

@Injectable()
export class OrganizationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganizationsService.name);

  constructor(private readonly organizations: OrganizationRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const changed = await this.organizations.upsertReference(referenceOrganizations());
    if (changed > 0) this.logger.log(`Reference data: ${changed} organizations inserted or updated`);
  }

  async list(): Promise<Organization[]> {
    const all = await this.organizations.findAll();
    return all.sort((a, b) => danish.compare(a.name, b.name)).map(toOrganization);
  }

  async getByCode(code: string): Promise<OrganizationEntity> {
    const org = await this.organizations.findByCode(code);
    if (!org) throw ApiException.notFound('Kommunen findes ikke.');
    return org;
  }

  async detail(code: string, viewer: SessionUser | undefined): Promise<OrganizationDetail> {
    const org = await this.getByCode(code);
    const [memberCount, members] = await Promise.all([
      this.organizations.countActiveMembers(org.id),
      viewer ? this.organizations.findActiveMembers(org.id) : Promise.resolve([]),
    ]);
    const contacts = members.filter((member) => canSeeContactDetails(viewer, member)).sort((a, b) => danish.compare(a.name, b.name));
    return toOrganizationDetail(org, memberCount, contacts);
  }
}
