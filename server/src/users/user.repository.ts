import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UserStatus } from '@infraforum/shared';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  private with(manager?: EntityManager): Repository<UserEntity> {
    return manager ? manager.getRepository(UserEntity) : this.repo;
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.with(manager).findOne({ where: { id }, relations: { organization: true } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { email: email.toLowerCase() }, relations: { organization: true } });
  }

  /** Locks the row for a status change, so two admins acting at once cannot interleave. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write', tables: ['user'] }, relations: { organization: true } });
  }

  /** Accounts their owners deleted are left out: nobody manages them any more. */
  listByOrganization(organizationId: string, status?: UserStatus): Promise<[UserEntity[], number]> {
    return this.repo.findAndCount({
      where: { organizationId, deletedAt: IsNull(), ...(status ? { status } : {}) },
      relations: { organization: true },
      order: { status: 'ASC', createdAt: 'DESC' },
      take: 1000,
    });
  }

  findActiveOrgAdmins(organizationId: string): Promise<UserEntity[]> {
    return this.repo.find({ where: { organizationId, role: 'org_admin', status: 'active' } });
  }

  findActiveKombitStaff(): Promise<UserEntity[]> {
    return this.repo.createQueryBuilder('u').where(`u.status = 'active' AND u.role IN ('moderator', 'admin')`).getMany();
  }

  save(user: UserEntity, manager?: EntityManager): Promise<UserEntity> {
    return this.with(manager).save(user);
  }

  create(fields: Partial<UserEntity>): UserEntity {
    return this.repo.create(fields);
  }

  async update(id: string, fields: Partial<UserEntity>, manager?: EntityManager): Promise<void> {
    await this.with(manager).update({ id }, fields);
  }

  countAll(): Promise<number> {
    return this.repo.count();
  }
}
