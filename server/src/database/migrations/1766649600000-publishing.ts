import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publishing workflow for KOMBIT material: two more content statuses (in review, scheduled) and, per item, where
 * it stands: the toolbox section it is meant for, when it goes live, who submitted, approved or returned it.
 */
export class Publishing1766649600000 implements MigrationInterface {
  name = 'Publishing1766649600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "content" DROP CONSTRAINT "content_status_check"`);
    await q.query(`
      ALTER TABLE "content" ADD CONSTRAINT "content_status_check"
        CHECK ("status" IN ('draft', 'in_review', 'scheduled', 'published', 'hidden'))`);
    await q.query(`
      CREATE TABLE "content_publishing" (
        "content_id" bigint NOT NULL,
        "toolbox_section_id" bigint,
        "publish_at" timestamptz,
        "note" varchar(1000),
        "submitted_by" uuid,
        "submitted_at" timestamptz,
        "approved_by" uuid,
        "approved_at" timestamptz,
        "returned_by" uuid,
        "returned_reason" varchar(1000),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "content_publishing_pkey" PRIMARY KEY ("content_id"),
        CONSTRAINT "content_publishing_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "content_publishing_toolbox_section_id_fkey"
          FOREIGN KEY ("toolbox_section_id") REFERENCES "toolbox_section"("id") ON DELETE SET NULL,
        CONSTRAINT "content_publishing_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "content_publishing_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "content_publishing_returned_by_fkey" FOREIGN KEY ("returned_by") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    // The minute job looks for scheduled items that are due.
    await q.query(`CREATE INDEX "content_scheduled_idx" ON "content" ("id") WHERE "status" = 'scheduled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "content_scheduled_idx"`);
    await q.query(`DROP TABLE "content_publishing"`);
    await q.query(`UPDATE "content" SET "status" = 'draft' WHERE "status" IN ('in_review', 'scheduled')`);
    await q.query(`ALTER TABLE "content" DROP CONSTRAINT "content_status_check"`);
    await q.query(`ALTER TABLE "content" ADD CONSTRAINT "content_status_check" CHECK ("status" IN ('draft', 'published', 'hidden'))`);
  }
}
