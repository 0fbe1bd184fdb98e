import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Migration cases and the toolbox (Værktøjskassen): who else is working on the same migration, KOMBIT's curated
 * sections with their ordered items, and the municipalities' proposals for them.
 *
 * Positions are dense (1..n) and unique per section; the uniqueness is checked at commit, so a reorder can move
 * every row in one transaction without passing through a clash.
 */
export class CasesToolbox1765612800000 implements MigrationInterface {
  name = 'CasesToolbox1765612800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_working_on" (
        "content_id" bigint NOT NULL,
        "user_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "show_contact" boolean NOT NULL DEFAULT false,
        "note" varchar(300),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "case_working_on_pkey" PRIMARY KEY ("content_id", "user_id"),
        CONSTRAINT "case_working_on_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "case_working_on_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "case_working_on_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "case_working_on_user_idx" ON "case_working_on" ("user_id")`);

    // The case list filters and the matrix groups on the system, the supplier and the target component.
    await q.query(`
      CREATE INDEX "content_case_system_idx" ON "content" (lower("attributes"->>'system'), lower("attributes"->>'supplier'))
        WHERE "kind" = 'case' AND "deleted_at" IS NULL`);

    await q.query(`
      CREATE TABLE "toolbox_section" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "slug" varchar(80) NOT NULL,
        "title" varchar(150) NOT NULL,
        "intro" text NOT NULL DEFAULT '',
        "intro_html" text NOT NULL DEFAULT '',
        "position" integer NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "toolbox_section_slug_key" UNIQUE ("slug"),
        CONSTRAINT "toolbox_section_position_key" UNIQUE ("position") DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT "toolbox_section_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE "toolbox_item" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "section_id" bigint NOT NULL,
        "position" integer NOT NULL,
        "content_id" bigint,
        "url" varchar(500),
        "title" varchar(200),
        "description" varchar(1000),
        "added_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "toolbox_item_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "toolbox_section"("id") ON DELETE CASCADE,
        CONSTRAINT "toolbox_item_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "toolbox_item_added_by_fkey" FOREIGN KEY ("added_by") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "toolbox_item_position_key" UNIQUE ("section_id", "position") DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT "toolbox_item_content_key" UNIQUE ("section_id", "content_id"),
        CONSTRAINT "toolbox_item_target_check" CHECK (("content_id" IS NULL) = ("url" IS NOT NULL AND "title" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX "toolbox_item_content_idx" ON "toolbox_item" ("content_id")`);

    await q.query(`
      CREATE TABLE "toolbox_proposal" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "section_id" bigint NOT NULL,
        "content_id" bigint NOT NULL,
        "proposer_id" uuid,
        "organization_id" uuid NOT NULL,
        "note" varchar(1000),
        "status" varchar(10) NOT NULL DEFAULT 'pending',
        "reason" varchar(500),
        "decided_by" uuid,
        "decided_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "toolbox_proposal_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "toolbox_section"("id") ON DELETE CASCADE,
        CONSTRAINT "toolbox_proposal_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "toolbox_proposal_proposer_id_fkey" FOREIGN KEY ("proposer_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "toolbox_proposal_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE,
        CONSTRAINT "toolbox_proposal_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "toolbox_proposal_status_check" CHECK ("status" IN ('pending', 'accepted', 'declined'))
      )`);
    // One open proposal per item and section: a second click or a colleague's proposal joins the first.
    await q.query(`
      CREATE UNIQUE INDEX "toolbox_proposal_pending_key" ON "toolbox_proposal" ("section_id", "content_id") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "toolbox_proposal_status_idx" ON "toolbox_proposal" ("status", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "toolbox_proposal"`);
    await q.query(`DROP TABLE "toolbox_item"`);
    await q.query(`DROP TABLE "toolbox_section"`);
    await q.query(`DROP INDEX "content_case_system_idx"`);
    await q.query(`DROP TABLE "case_working_on"`);
  }
}
