import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The `session` table belongs to express-session's PostgreSQL store; we only ever end a user's sessions. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async deleteAllForUser(userId: string, manager?: EntityManager): Promise<number> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `DELETE FROM "session" WHERE ("sess"->'passport'->>'user') = $1`,
      [userId],
    );
    return result[1];
  }
}
