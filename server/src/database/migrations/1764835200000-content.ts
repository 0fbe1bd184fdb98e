import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The infrastructure catalog (components, IT systems, who depends on what) and the one content model:
 * content of every kind, its components, replies, votes and revisions.
 */
export class Content1764835200000 implements MigrationInterface {
  name = 'Content1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "catalog_component" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "slug" varchar(100) NOT NULL CONSTRAINT "catalog_component_slug_key" UNIQUE,
        "name" varchar(200) NOT NULL,
        "short_name" varchar(40),
        "type" varchar(20) NOT NULL CONSTRAINT "catalog_component_type_check" CHECK ("type" IN ('component', 'service', 'module')),
        "parent_id" uuid CONSTRAINT "catalog_component_parent_id_fkey" REFERENCES "catalog_component"("id") ON DELETE RESTRICT,
        "description" text NOT NULL DEFAULT '',
        "severity" varchar(10) NOT NULL CONSTRAINT "catalog_component_severity_check" CHECK ("severity" IN ('kritisk', 'medium', 'ingen')),
        "impact" text NOT NULL DEFAULT '',
        "aliases" text[] NOT NULL DEFAULT '{}',
        "position" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "catalog_component_parent_idx" ON "catalog_component" ("parent_id")`);
    await q.query(`
      CREATE TABLE "catalog_component_dependency" (
        "component_id" uuid NOT NULL CONSTRAINT "catalog_component_dependency_component_id_fkey" REFERENCES "catalog_component"("id") ON DELETE CASCADE,
        "depends_on_id" uuid NOT NULL CONSTRAINT "catalog_component_dependency_depends_on_id_fkey" REFERENCES "catalog_component"("id") ON DELETE CASCADE,
        CONSTRAINT "catalog_component_dependency_pkey" PRIMARY KEY ("component_id", "depends_on_id")
      )`);
    await q.query(`
      CREATE TABLE "catalog_system" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "slug" varchar(100) NOT NULL CONSTRAINT "catalog_system_slug_key" UNIQUE,
        "name" varchar(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "catalog_system_component" (
        "system_id" uuid NOT NULL CONSTRAINT "catalog_system_component_system_id_fkey" REFERENCES "catalog_system"("id") ON DELETE CASCADE,
        "component_id" uuid NOT NULL CONSTRAINT "catalog_system_component_component_id_fkey" REFERENCES "catalog_component"("id") ON DELETE CASCADE,
        CONSTRAINT "catalog_system_component_pkey" PRIMARY KEY ("system_id", "component_id")
      )`);
    await q.query(`CREATE INDEX "catalog_system_component_component_idx" ON "catalog_system_component" ("component_id")`);

    await q.query(`
      CREATE TABLE "content" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "kind" varchar(20) NOT NULL CONSTRAINT "content_kind_check" CHECK ("kind" IN ('question', 'guide', 'case', 'webinar', 'suggestion')),
        "title" varchar(200) NOT NULL,
        "slug" varchar(100) NOT NULL,
        "body" text NOT NULL,
        "body_html" text NOT NULL,
        "body_text" text NOT NULL,
        "summary" varchar(300) NOT NULL,
        "author_id" uuid CONSTRAINT "content_author_id_fkey" REFERENCES "user"("id") ON DELETE SET NULL,
        "organization_id" uuid NOT NULL CONSTRAINT "content_organization_id_fkey" REFERENCES "organization"("id") ON DELETE RESTRICT,
        "status" varchar(20) NOT NULL CONSTRAINT "content_status_check" CHECK ("status" IN ('draft', 'published', 'hidden')),
        "visibility" varchar(20) NOT NULL CONSTRAINT "content_visibility_check" CHECK ("visibility" IN ('public', 'members', 'organization')),
        "tags" text[] NOT NULL DEFAULT '{}',
        "attributes" jsonb NOT NULL DEFAULT '{}',
        "locked" boolean NOT NULL DEFAULT false,
        "duplicate_of_id" bigint CONSTRAINT "content_duplicate_of_id_fkey" REFERENCES "content"("id") ON DELETE SET NULL,
        "accepted_reply_id" bigint,
        "score" integer NOT NULL DEFAULT 0,
        "reply_count" integer NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "last_activity_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        "deleted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // Lists: by kind, newest / active / votes, optionally within one municipality; tags by GIN.
    await q.query(`CREATE INDEX "content_kind_created_idx" ON "content" ("kind", "created_at")`);
    await q.query(`CREATE INDEX "content_kind_activity_idx" ON "content" ("kind", "last_activity_at")`);
    await q.query(`CREATE INDEX "content_kind_score_idx" ON "content" ("kind", "score")`);
    await q.query(`CREATE INDEX "content_organization_kind_idx" ON "content" ("organization_id", "kind", "created_at")`);
    await q.query(`CREATE INDEX "content_author_idx" ON "content" ("author_id")`);
    // Every column of the read scope: counts ("134 spørgsmål") are index-only scans, not reads of the whole table.
    await q.query(
      `CREATE INDEX "content_access_idx" ON "content" ("kind", "status", "visibility", "organization_id", "author_id", "deleted_at")`,
    );
    await q.query(`CREATE INDEX "content_tags_idx" ON "content" USING gin ("tags")`);

    await q.query(`
      CREATE TABLE "content_component" (
        "content_id" bigint NOT NULL CONSTRAINT "content_component_content_id_fkey" REFERENCES "content"("id") ON DELETE CASCADE,
        "component_id" uuid NOT NULL CONSTRAINT "content_component_component_id_fkey" REFERENCES "catalog_component"("id") ON DELETE RESTRICT,
        "position" smallint NOT NULL DEFAULT 0,
        CONSTRAINT "content_component_pkey" PRIMARY KEY ("content_id", "component_id")
      )`);
    await q.query(`CREATE INDEX "content_component_component_idx" ON "content_component" ("component_id", "content_id")`);

    await q.query(`
      CREATE TABLE "reply" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "content_id" bigint NOT NULL CONSTRAINT "reply_content_id_fkey" REFERENCES "content"("id") ON DELETE CASCADE,
        "author_id" uuid CONSTRAINT "reply_author_id_fkey" REFERENCES "user"("id") ON DELETE SET NULL,
        "organization_id" uuid NOT NULL CONSTRAINT "reply_organization_id_fkey" REFERENCES "organization"("id") ON DELETE RESTRICT,
        "body" text NOT NULL,
        "body_html" text NOT NULL,
        "body_text" text NOT NULL,
        "hidden" boolean NOT NULL DEFAULT false,
        "score" integer NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "deleted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "reply_content_idx" ON "reply" ("content_id", "created_at")`);
    await q.query(`CREATE INDEX "reply_author_idx" ON "reply" ("author_id")`);
    await q.query(`
      ALTER TABLE "content" ADD CONSTRAINT "content_accepted_reply_id_fkey"
        FOREIGN KEY ("accepted_reply_id") REFERENCES "reply"("id") ON DELETE SET NULL`);

    // One vote per user per item; a vote is on content or on a reply, never both.
    await q.query(`
      CREATE TABLE "vote" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" uuid NOT NULL CONSTRAINT "vote_user_id_fkey" REFERENCES "user"("id") ON DELETE CASCADE,
        "content_id" bigint CONSTRAINT "vote_content_id_fkey" REFERENCES "content"("id") ON DELETE CASCADE,
        "reply_id" bigint CONSTRAINT "vote_reply_id_fkey" REFERENCES "reply"("id") ON DELETE CASCADE,
        "value" smallint NOT NULL CONSTRAINT "vote_value_check" CHECK ("value" IN (-1, 1)),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "vote_target_check" CHECK (("content_id" IS NULL) <> ("reply_id" IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX "vote_user_content_key" ON "vote" ("user_id", "content_id") WHERE "content_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "vote_user_reply_key" ON "vote" ("user_id", "reply_id") WHERE "reply_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "vote_content_idx" ON "vote" ("content_id")`);
    await q.query(`CREATE INDEX "vote_reply_idx" ON "vote" ("reply_id")`);

    // The previous version of content or a reply, kept on every edit of title, body, tags or attributes.
    await q.query(`
      CREATE TABLE "revision" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "content_id" bigint NOT NULL CONSTRAINT "revision_content_id_fkey" REFERENCES "content"("id") ON DELETE CASCADE,
        "reply_id" bigint CONSTRAINT "revision_reply_id_fkey" REFERENCES "reply"("id") ON DELETE CASCADE,
        "version" integer NOT NULL,
        "title" varchar(200) NOT NULL,
        "body" text NOT NULL,
        "tags" text[] NOT NULL DEFAULT '{}',
        "attributes" jsonb NOT NULL DEFAULT '{}',
        "editor_id" uuid CONSTRAINT "revision_editor_id_fkey" REFERENCES "user"("id") ON DELETE SET NULL,
        "reason" text,
        "edited_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "revision_content_idx" ON "revision" ("content_id", "reply_id", "version")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "revision"`);
    await q.query(`DROP TABLE "vote"`);
    await q.query(`ALTER TABLE "content" DROP CONSTRAINT "content_accepted_reply_id_fkey"`);
    await q.query(`DROP TABLE "reply"`);
    await q.query(`DROP TABLE "content_component"`);
    await q.query(`DROP TABLE "content"`);
    await q.query(`DROP TABLE "catalog_system_component"`);
    await q.query(`DROP TABLE "catalog_system"`);
    await q.query(`DROP TABLE "catalog_component_dependency"`);
    await q.query(`DROP TABLE "catalog_component"`);
  }
}
