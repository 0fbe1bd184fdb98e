import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content that may be outdated: when an item was last checked by its author or a moderator, and catalog
 * components that are phased out (SF1600 → SF1601), which mark the content that mentions them.
 */
export class OutdatedContent1766390400000 implements MigrationInterface {
  name = 'OutdatedContent1766390400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "content" ADD "checked_at" timestamptz`);
    // Until someone checks it, an item counts as checked when it was published (or written).
    await q.query(`UPDATE "content" SET "checked_at" = COALESCE("published_at", "created_at")`);
    await q.query(`ALTER TABLE "content" ALTER COLUMN "checked_at" SET DEFAULT now()`);
    await q.query(`ALTER TABLE "content" ALTER COLUMN "checked_at" SET NOT NULL`);
    await q.query(`
      CREATE INDEX "content_review_idx" ON "content" ("checked_at")
        WHERE "kind" IN ('guide', 'case') AND "deleted_at" IS NULL AND "status" = 'published'`);

    await q.query(`ALTER TABLE "catalog_component" ADD "phased_out_at" date`);
    await q.query(`ALTER TABLE "catalog_component" ADD "replaced_by_id" uuid`);
    await q.query(`
      ALTER TABLE "catalog_component" ADD CONSTRAINT "catalog_component_replaced_by_id_fkey"
        FOREIGN KEY ("replaced_by_id") REFERENCES "catalog_component"("id") ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "catalog_component" DROP CONSTRAINT "catalog_component_replaced_by_id_fkey"`);
    await q.query(`ALTER TABLE "catalog_component" DROP COLUMN "replaced_by_id"`);
    await q.query(`ALTER TABLE "catalog_component" DROP COLUMN "phased_out_at"`);
    await q.query(`DROP INDEX "content_review_idx"`);
    await q.query(`ALTER TABLE "content" DROP COLUMN "checked_at"`);
  }
}
