import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { UserTokenEntity, type UserTokenPurpose } from './user-token.entity.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class UserTokenRepository {
  constructor(@InjectRepository(UserTokenEntity) private readonly repo: Repository<UserTokenEntity>) {}

  /** Creates a token and returns it in clear (for the mail); only its hash is stored. */
  async issue(userId: string, purpose: UserTokenPurpose, ttlMs: number, manager?: EntityManager): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const repo = manager ? manager.getRepository(UserTokenEntity) : this.repo;
    await repo.insert({ userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) });
    return token;
  }

  /** Marks an unused, unexpired token as used and returns it; undefined when it is not valid. Atomic, so a token works once. */
  async consume(token: string, purpose: UserTokenPurpose, manager: EntityManager): Promise<UserTokenEntity | undefined> {
    const repo = manager.getRepository(UserTokenEntity);
    const found = await repo.findOne({
      where: { tokenHash: sha256(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found) return undefined;
    await repo.update({ id: found.id }, { usedAt: new Date() });
    return found;
  }

  async revokeAll(userId: string, purpose: UserTokenPurpose, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(UserTokenEntity) : this.repo;
    await repo.update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
