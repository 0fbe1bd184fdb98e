import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webinars from idea to follow-up: the status timeline of suggestions and webinars, sign-ups, attachments
 * (material after the event), dialogue questions and evaluation statements with their answers, and the
 * in-app notifications that tell suggesters and voters what happened.
 *
 * An attachment's extracted text is part of its content's search document, so attachments enqueue the
 * content in the search outbox like every other searchable change (see 1765094400000-search).
 */
export class Webinars1765353600000 implements MigrationInterface {
  name = 'Webinars1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "status_change" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "content_id" bigint NOT NULL,
        "from_status" varchar(20),
        "to_status" varchar(20) NOT NULL,
        "reason" varchar(500),
        "webinar_id" bigint,
        "actor_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "status_change_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "status_change_webinar_id_fkey" FOREIGN KEY ("webinar_id") REFERENCES "content"("id") ON DELETE SET NULL,
        CONSTRAINT "status_change_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "status_change_content_idx" ON "status_change" ("content_id", "created_at")`);

    // Webinar times live in attributes as text: lists sort and the calendar filters by them without one bad value
    // (written outside the API) failing the whole query.
    await q.query(`
      CREATE FUNCTION infraforum_timestamptz(value text) RETURNS timestamptz LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
        BEGIN
          RETURN value::timestamptz;
        EXCEPTION WHEN others THEN
          RETURN NULL;
        END $$`);

    // Suggestions a webinar answers and questions that follow a webinar up both point at it from their attributes.
    await q.query(`
      CREATE INDEX "content_webinar_link_idx" ON "content" (("attributes"->>'webinarId'))
        WHERE "attributes" ? 'webinarId' AND "deleted_at" IS NULL`);
    // Suggestion and webinar lists filter on their lifecycle status.
    await q.query(`
      CREATE INDEX "content_lifecycle_idx" ON "content" ("kind", ("attributes"->>'status'))
        WHERE "kind" IN ('suggestion', 'webinar', 'case') AND "deleted_at" IS NULL`);

    await q.query(`
      CREATE TABLE "webinar_registration" (
        "content_id" bigint NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "webinar_registration_pkey" PRIMARY KEY ("content_id", "user_id"),
        CONSTRAINT "webinar_registration_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "webinar_registration_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "webinar_registration_user_idx" ON "webinar_registration" ("user_id")`);

    await q.query(`
      CREATE TABLE "attachment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "content_id" bigint NOT NULL,
        "sha256" char(64) NOT NULL,
        "name" varchar(200) NOT NULL,
        "size" bigint NOT NULL,
        "media_type" varchar(120) NOT NULL,
        "text" text,
        "uploaded_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        CONSTRAINT "attachment_size_check" CHECK ("size" >= 0),
        CONSTRAINT "attachment_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "attachment_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "attachment_content_idx" ON "attachment" ("content_id", "created_at")`);
    await q.query(`CREATE INDEX "attachment_sha256_idx" ON "attachment" ("sha256")`);
    await q.query(`
      CREATE FUNCTION search_outbox_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM search_outbox_enqueue('content', ARRAY[OLD.content_id]); END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM search_outbox_enqueue('content', ARRAY[NEW.content_id]); END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "attachment_search_outbox" AFTER INSERT OR UPDATE OR DELETE ON "attachment"
        FOR EACH ROW EXECUTE FUNCTION search_outbox_attachment()`);

    await q.query(`
      CREATE TABLE "dialogue_question" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "content_id" bigint NOT NULL,
        "kind" varchar(10) NOT NULL,
        "prompt" varchar(300) NOT NULL,
        "position" integer NOT NULL DEFAULT 0,
        "open" boolean NOT NULL DEFAULT false,
        "opened_at" timestamptz,
        "closed_at" timestamptz,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        CONSTRAINT "dialogue_question_kind_check" CHECK ("kind" IN ('open', 'likert')),
        CONSTRAINT "dialogue_question_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "dialogue_question_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "dialogue_question_content_idx" ON "dialogue_question" ("content_id", "position")`);

    await q.query(`
      CREATE TABLE "dialogue_answer" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "question_id" bigint NOT NULL,
        "user_id" uuid,
        "organization_id" uuid,
        "text" varchar(1000),
        "value" smallint,
        "anonymous" boolean NOT NULL DEFAULT true,
        "hidden" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "dialogue_answer_value_check" CHECK ("value" BETWEEN 1 AND 5),
        CONSTRAINT "dialogue_answer_shape_check" CHECK (("text" IS NULL) <> ("value" IS NULL)),
        CONSTRAINT "dialogue_answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "dialogue_question"("id") ON DELETE CASCADE,
        CONSTRAINT "dialogue_answer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "dialogue_answer_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "dialogue_answer_question_idx" ON "dialogue_answer" ("question_id", "id")`);
    // One evaluation per user per statement; open answers may be several.
    await q.query(`
      CREATE UNIQUE INDEX "dialogue_answer_likert_key" ON "dialogue_answer" ("question_id", "user_id")
        WHERE "value" IS NOT NULL AND "user_id" IS NOT NULL`);

    await q.query(`
      CREATE TABLE "notification" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" uuid NOT NULL,
        "type" varchar(40) NOT NULL,
        "content_id" bigint,
        "actor_id" uuid,
        "data" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "notification_content_id_fkey" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE,
        CONSTRAINT "notification_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "notification_user_idx" ON "notification" ("user_id", "created_at")`);
    await q.query(`CREATE INDEX "notification_unread_idx" ON "notification" ("user_id") WHERE "read_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notification"`);
    await q.query(`DROP TABLE "dialogue_answer"`);
    await q.query(`DROP TABLE "dialogue_question"`);
    await q.query(`DROP TRIGGER "attachment_search_outbox" ON "attachment"`);
    await q.query(`DROP FUNCTION search_outbox_attachment()`);
    await q.query(`DROP TABLE "attachment"`);
    await q.query(`DROP TABLE "webinar_registration"`);
    await q.query(`DROP INDEX "content_lifecycle_idx"`);
    await q.query(`DROP INDEX "content_webinar_link_idx"`);
    await q.query(`DROP TABLE "status_change"`);
    await q.query(`DROP FUNCTION infraforum_timestamptz(text)`);
  }
}
