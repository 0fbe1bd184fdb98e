import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who suspended a user, and in which role then: only someone of at least that role may lift the suspension. */
export class UserSuspendedBy1764576000000 implements MigrationInterface {
  name = 'UserSuspendedBy1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "user"
        ADD COLUMN "suspended_by_id" uuid CONSTRAINT "user_suspended_by_id_fkey" REFERENCES "user"("id") ON DELETE SET NULL,
        ADD COLUMN "suspended_by_role" varchar(20)
          CONSTRAINT "user_suspended_by_role_check" CHECK ("suspended_by_role" IN ('member', 'org_admin', 'moderator', 'admin'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user" DROP COLUMN "suspended_by_role", DROP COLUMN "suspended_by_id"`);
  }
}
