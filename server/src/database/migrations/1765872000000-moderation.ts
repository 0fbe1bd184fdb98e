import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flags and the moderators' review of them. Members flag content or a reply; enough flags from different
 * municipalities hide the item until a moderator looks at it. A hidden item carries the reason its author is shown.
 */
export class Moderation1765872000000 implements MigrationInterface {
  name = 'Moderation1765872000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['content', 'reply']) {
      await q.query(`ALTER TABLE "${table}" ADD "hidden_reason" varchar(500)`);
      // Hidden by the flag threshold, not by a moderator: dismissing the flags shows it again.
      await q.query(`ALTER TABLE "${table}" ADD "hidden_by_flags" boolean NOT NULL DEFAULT false`);
    }
    await q.query(`
      CREATE TABLE "flag" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "content_id" bigint NOT NULL,
        "reply_id" bigint,
        "user_id" uuid,
        "organization_id" uuid NOT NULL,
        "reason" varchar(20) NOT NULL,
        "text" varchar(1000),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_at" timestamptz,
        "resolved_by" uuid,
        "resolution" varchar(10),
        "resolution_reason" varchar(500),
        CONSTRAINT "flag_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "flag_reply_id_fkey" FOREIGN KEY ("reply_id") REFERENCES "reply"("id") ON DELETE CASCADE,
        CONSTRAINT "flag_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "flag_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE,
        CONSTRAINT "flag_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "flag_reason_check" CHECK ("reason" IN ('outdated', 'off_topic', 'personal_data', 'abusive', 'other')),
        CONSTRAINT "flag_resolution_check" CHECK ("resolution" IN ('dismiss', 'edit', 'hide', 'lock', 'delete')),
        CONSTRAINT "flag_resolved_check" CHECK (("resolved_at" IS NULL) = ("resolution" IS NULL))
      )`);
    // One open flag per member and target (a repeat updates it); the target is the reply when there is one.
    await q.query(`
      CREATE UNIQUE INDEX "flag_open_key" ON "flag" ("user_id", "content_id", COALESCE("reply_id", 0)) WHERE "resolved_at" IS NULL`);
    await q.query(`CREATE INDEX "flag_open_idx" ON "flag" ("created_at") WHERE "resolved_at" IS NULL`);
    await q.query(`CREATE INDEX "flag_target_idx" ON "flag" ("content_id", "reply_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "flag"`);
    for (const table of ['reply', 'content']) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "hidden_by_flags"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "hidden_reason"`);
    }
  }
}
