import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The `session` table belongs to express-session's PostgreSQL store; we only ever end a user's sessions. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ends every session of the user, except `exceptSessionId` when given (the one that asked for it). */
  async deleteAllForUser(userId: string, manager?: EntityManager, exceptSessionId?: string): Promise<number> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `DELETE FROM "session" WHERE ("sess"->'passport'->>'user') = $1 AND ($2::varchar IS NULL OR "sid" <> $2)`,
      [userId, exceptSessionId ?? null],
    );
    return result[1];
  }
}
