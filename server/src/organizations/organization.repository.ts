import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import type { ReferenceOrganization } from './reference-data.js';

@Injectable()
export class OrganizationRepository {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly repo: Repository<OrganizationEntity>,
    @InjectRepository(UserEntity) private readonly members: Repository<UserEntity>,
  ) {}

  findAll(): Promise<OrganizationEntity[]> {
    return this.repo.find();
  }

  findByCode(code: string): Promise<OrganizationEntity | null> {
    return this.repo.findOneBy({ code });
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Inserts new reference rows and updates changed ones; unchanged rows are not touched. */
  async upsertReference(rows: ReferenceOrganization[]): Promise<number> {
    const result: unknown[] = await this.repo.query(
      `INSERT INTO "organization" ("code", "name", "type", "region", "email_domains")
       SELECT x.code, x.name, x.type, x.region, x.email_domains
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, type text, region text, email_domains text[])
       ON CONFLICT ("code") DO UPDATE SET
         "name" = EXCLUDED."name", "type" = EXCLUDED."type", "region" = EXCLUDED."region",
         "email_domains" = EXCLUDED."email_domains", "updated_at" = now()
       WHERE ("organization"."name", "organization"."type", "organization"."region", "organization"."email_domains")
         IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."type", EXCLUDED."region", EXCLUDED."email_domains")
       RETURNING "id"`,
      [JSON.stringify(rows.map((r) => ({ code: r.code, name: r.name, type: r.type, region: r.region, email_domains: r.emailDomains })))],
    );
    return result.length;
  }

  countActiveMembers(organizationId: string): Promise<number> {
    return this.members.countBy({ organizationId, status: 'active' });
  }

  findActiveMembers(organizationId: string): Promise<UserEntity[]> {
    return this.members.find({ where: { organizationId, status: 'active' }, order: { name: 'ASC' }, take: 500 });
  }
}
