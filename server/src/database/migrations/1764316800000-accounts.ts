import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, users, one-time tokens, sessions (connect-pg-simple's table), audit log and the dev inbox. */
export class Accounts1764316800000 implements MigrationInterface {
  name = 'Accounts1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "organization" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "code" varchar(16) NOT NULL UNIQUE,
        "name" varchar(200) NOT NULL,
        "type" varchar(20) NOT NULL CHECK ("type" IN ('municipality', 'kombit')),
        "region" varchar(100),
        "email_domains" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "user" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "password_hash" varchar(255) NOT NULL,
        "name" varchar(120) NOT NULL,
        "title" varchar(100),
        "phone" varchar(20),
        "show_contact_details" boolean NOT NULL DEFAULT false,
        "role" varchar(20) NOT NULL DEFAULT 'member' CHECK ("role" IN ('member', 'org_admin', 'moderator', 'admin')),
        "status" varchar(20) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'active', 'suspended')),
        "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE RESTRICT,
        "email_domain_matches" boolean NOT NULL,
        "email_verified_at" timestamptz,
        "approved_at" timestamptz,
        "approved_by_id" uuid REFERENCES "user"("id") ON DELETE SET NULL,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "user_email_lower" CHECK ("email" = lower("email"))
      )`);
    await q.query(`CREATE UNIQUE INDEX "user_email_key" ON "user" ("email")`);
    await q.query(`CREATE INDEX "user_organization_status_idx" ON "user" ("organization_id", "status")`);
    await q.query(`
      CREATE TABLE "user_token" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "user"("id") ON DELETE CASCADE,
        "purpose" varchar(20) NOT NULL CHECK ("purpose" IN ('verify_email', 'reset_password')),
        "token_hash" char(64) NOT NULL UNIQUE,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "user_token_user_idx" ON "user_token" ("user_id", "purpose")`);
    // Layout required by connect-pg-simple.
    await q.query(`
      CREATE TABLE "session" (
        "sid" varchar NOT NULL PRIMARY KEY,
        "sess" json NOT NULL,
        "expire" timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX "session_expire_idx" ON "session" ("expire")`);
    // Suspension and password reset end every session of a user at once.
    await q.query(`CREATE INDEX "session_user_idx" ON "session" (("sess"->'passport'->>'user'))`);
    await q.query(`
      CREATE TABLE "audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "actor_id" uuid REFERENCES "user"("id") ON DELETE SET NULL,
        "action" varchar(60) NOT NULL,
        "target_type" varchar(40) NOT NULL,
        "target_id" varchar(64) NOT NULL,
        "organization_id" uuid REFERENCES "organization"("id") ON DELETE SET NULL,
        "reason" text,
        "before" jsonb,
        "after" jsonb,
        "correlation_id" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "audit_log_action_idx" ON "audit_log" ("action")`);
    await q.query(`CREATE INDEX "audit_log_target_idx" ON "audit_log" ("target_id")`);
    await q.query(`CREATE INDEX "audit_log_created_idx" ON "audit_log" ("created_at")`);
    await q.query(`
      CREATE TABLE "dev_mail" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "to_address" varchar(254) NOT NULL,
        "subject" varchar(300) NOT NULL,
        "text" text NOT NULL,
        "html" text,
        "sent_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "dev_mail"`);
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP TABLE "session"`);
    await q.query(`DROP TABLE "user_token"`);
    await q.query(`DROP TABLE "user"`);
    await q.query(`DROP TABLE "organization"`);
  }
}
