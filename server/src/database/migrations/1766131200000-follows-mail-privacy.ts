import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Following (content, a component, a tag, a toolbox section), each member's e-mail settings, when a notification
 * was mailed, and accounts deleted by their owner (the row stays, anonymised, so content keeps its municipality).
 * The mail queue itself is pg-boss, which keeps its own schema "pgboss".
 */
export class FollowsMailPrivacy1766131200000 implements MigrationInterface {
  name = 'FollowsMailPrivacy1766131200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "subscription" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" uuid NOT NULL,
        "target_type" varchar(20) NOT NULL,
        "target_key" varchar(100) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "subscription_target_key" UNIQUE ("user_id", "target_type", "target_key"),
        CONSTRAINT "subscription_target_type_check" CHECK ("target_type" IN ('content', 'component', 'tag', 'toolbox_section'))
      )`);
    // "Who follows this?" is asked on every new reply and every new item.
    await q.query(`CREATE INDEX "subscription_target_idx" ON "subscription" ("target_type", "target_key")`);

    await q.query(`
      CREATE TABLE "notification_settings" (
        "user_id" uuid PRIMARY KEY,
        "email_immediate" boolean NOT NULL DEFAULT true,
        "digest" varchar(10) NOT NULL DEFAULT 'weekly',
        "last_digest_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "notification_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "notification_settings_digest_check" CHECK ("digest" IN ('off', 'daily', 'weekly'))
      )`);

    await q.query(`ALTER TABLE "notification" ADD "emailed_at" timestamptz`);
    await q.query(`ALTER TABLE "user" ADD "deleted_at" timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user" DROP COLUMN "deleted_at"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "emailed_at"`);
    await q.query(`DROP TABLE "notification_settings"`);
    await q.query(`DROP TABLE "subscription"`);
  }
}
