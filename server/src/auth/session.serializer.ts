import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import type { SessionUser } from '../common/session-user.js';
import { toSessionUser } from '../users/user.mapper.js';
import { UserRepository } from '../users/user.repository.js';

/** Only the user id lives in the session; the user is reloaded on each request, so a suspension applies at once. */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly users: UserRepository) {
    super();
  }

  serializeUser(user: SessionUser, done: (err: Error | null, id?: string) => void): void {
    done(null, user.id);
  }

  deserializeUser(id: string, done: (err: Error | null, user?: SessionUser | false) => void): void {
    this.users
      .findById(id)
      .then((user) => done(null, user && user.status === 'active' ? toSessionUser(user) : false))
      .catch((error: unknown) => done(error instanceof Error ? error : new Error(String(error))));
  }
}
