import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search: the outbox that keeps Meilisearch in step, the synonyms moderators edit, and what the
 * PostgreSQL fallback needs (a Danish text search configuration that ignores accents, a GIN index
 * over the weighted document, trigram similarity on titles for typos).
 *
 * The outbox rows are written by triggers, so every write that changes searchable data adds its row
 * in the same transaction, whichever code path made it (services, moderators, the catalog seed,
 * a renamed municipality, the CLI): no path can forget.
 */
export class Search1765094400000 implements MigrationInterface {
  name = 'Search1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // Danish stemming after removing accents: "Fælleskommunal" and "faelleskommunal" meet.
    await q.query(`CREATE TEXT SEARCH CONFIGURATION infraforum_danish (COPY = pg_catalog.danish)`);
    await q.query(`
      ALTER TEXT SEARCH CONFIGURATION infraforum_danish
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, danish_stem`);
    // unaccent() is only STABLE (it looks its dictionary up by name); with the dictionary named it is
    // safe to declare IMMUTABLE, which an index expression needs.
    await q.query(`
      CREATE FUNCTION infraforum_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN public.unaccent('public.unaccent'::regdictionary, $1)`);
    await q.query(`
      CREATE FUNCTION content_search_vector(title text, summary text, tags text[], body_text text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN setweight(to_tsvector('infraforum_danish'::regconfig, coalesce(title, '')), 'A')
          || setweight(to_tsvector('infraforum_danish'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'A')
          || setweight(to_tsvector('infraforum_danish'::regconfig, coalesce(summary, '')), 'B')
          || setweight(to_tsvector('infraforum_danish'::regconfig, left(coalesce(body_text, ''), 200000)), 'C')`);
    // Stored, not an index expression: ranking reads it for every match, and recomputing it from the
    // text made a broad fallback query (13,000 matches) take seconds.
    await q.query(`ALTER TABLE "content" ADD COLUMN "search_vector" tsvector`);
    await q.query(`
      CREATE FUNCTION content_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search_vector := content_search_vector(NEW.title, NEW.summary, NEW.tags, NEW.body_text);
          RETURN NEW;
        END $$`);
    await q.query(`
      CREATE TRIGGER "content_search_vector" BEFORE INSERT OR UPDATE OF "title", "summary", "tags", "body_text" ON "content"
        FOR EACH ROW EXECUTE FUNCTION content_search_vector_update()`);
    await q.query(`UPDATE "content" SET "search_vector" = content_search_vector("title", "summary", "tags", "body_text")`);
    await q.query(`
      CREATE INDEX "content_search_idx" ON "content" USING gin ("search_vector")
        WHERE "deleted_at" IS NULL AND "status" = 'published'`);
    await q.query(`
      CREATE INDEX "content_title_trgm_idx" ON "content"
        USING gin (lower(infraforum_unaccent("title")) gin_trgm_ops)
        WHERE "deleted_at" IS NULL AND "status" = 'published'`);

    await q.query(`
      CREATE TABLE "search_outbox" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "entity" varchar(20) NOT NULL CONSTRAINT "search_outbox_entity_check" CHECK ("entity" IN ('content', 'synonyms')),
        "entity_id" bigint,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "available_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "search_outbox_available_idx" ON "search_outbox" ("available_at", "id")`);

    await q.query(`
      CREATE TABLE "search_synonym" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "terms" text[] NOT NULL CONSTRAINT "search_synonym_terms_check" CHECK (cardinality("terms") >= 2),
        "created_by_id" uuid CONSTRAINT "search_synonym_created_by_id_fkey" REFERENCES "user"("id") ON DELETE SET NULL,
        "updated_by_id" uuid CONSTRAINT "search_synonym_updated_by_id_fkey" REFERENCES "user"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);

    // The obvious ones, from how hotline staff and KOMBIT name the components; moderators own them from here.
    await q.query(`INSERT INTO search_synonym (terms) SELECT terms FROM jsonb_to_recordset($1::jsonb) AS t(terms text[])`, [
      JSON.stringify(
        [
          ['FK Adgangsstyring', 'Fælleskommunal Adgangsstyring', 'brugerstyring', 'adgangsstyring', 'access management'],
          ['BF', 'Beskedfordeler', 'Fælleskommunal Beskedfordeler', 'message broker'],
          ['SP', 'Serviceplatformen'],
          ['CH', 'Context Handler', 'kontekst handler'],
          ['Digital Post', 'SF1601'],
          ['Organisation', 'SF1500'],
          ['KLE', 'Klassifikation', 'SF1510'],
          ['nede', 'nedbrud', 'down'],
          ['ramt', 'påvirket', 'påvirker', 'påvirkede'],
        ].map((terms) => ({ terms })),
      ),
    ]);

    // One function enqueues; NOTIFY wakes the workers at commit (PostgreSQL folds repeats into one).
    await q.query(`
      CREATE FUNCTION search_outbox_enqueue(entity text, ids bigint[]) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
          IF entity = 'synonyms' THEN
            INSERT INTO search_outbox (entity, entity_id) VALUES ('synonyms', NULL);
          ELSIF cardinality(ids) > 0 THEN
            INSERT INTO search_outbox (entity, entity_id) SELECT 'content', id FROM unnest(ids) AS id WHERE id IS NOT NULL;
          ELSE
            RETURN;
          END IF;
          PERFORM pg_notify('search_outbox', '');
        END $$`);

    await q.query(`
      CREATE FUNCTION search_outbox_on_content() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            PERFORM search_outbox_enqueue('content', ARRAY[OLD.id]);
          ELSE
            PERFORM search_outbox_enqueue('content', ARRAY[NEW.id]);
          END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "content_search_outbox" AFTER INSERT OR UPDATE OR DELETE ON "content"
        FOR EACH ROW EXECUTE FUNCTION search_outbox_on_content()`);

    // Replies and component links belong to their content's document (answers, components).
    await q.query(`
      CREATE FUNCTION search_outbox_on_content_child() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM search_outbox_enqueue('content', ARRAY[NEW.content_id]);
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM search_outbox_enqueue('content', ARRAY[OLD.content_id]);
          ELSIF OLD.content_id IS DISTINCT FROM NEW.content_id THEN
            PERFORM search_outbox_enqueue('content', ARRAY[OLD.content_id, NEW.content_id]);
          ELSE
            PERFORM search_outbox_enqueue('content', ARRAY[NEW.content_id]);
          END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "reply_search_outbox" AFTER INSERT OR UPDATE OR DELETE ON "reply"
        FOR EACH ROW EXECUTE FUNCTION search_outbox_on_content_child()`);
    await q.query(`
      CREATE TRIGGER "content_component_search_outbox" AFTER INSERT OR UPDATE OR DELETE ON "content_component"
        FOR EACH ROW EXECUTE FUNCTION search_outbox_on_content_child()`);

    // Names that appear in documents: a component's names, an author's name, a municipality's name.
    await q.query(`
      CREATE FUNCTION search_outbox_on_component() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM search_outbox_enqueue('content', ARRAY(
            SELECT cc.content_id FROM content_component cc
            WHERE cc.component_id = NEW.id
               OR cc.component_id IN (SELECT id FROM catalog_component WHERE parent_id = NEW.id)));
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "catalog_component_search_outbox" AFTER UPDATE OF "name", "short_name", "aliases", "slug", "parent_id" ON "catalog_component"
        FOR EACH ROW
        WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name
          OR OLD.aliases IS DISTINCT FROM NEW.aliases OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
        EXECUTE FUNCTION search_outbox_on_component()`);
    await q.query(`
      CREATE FUNCTION search_outbox_on_author() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM search_outbox_enqueue('content', ARRAY(SELECT id FROM content WHERE author_id = NEW.id AND deleted_at IS NULL));
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "user_search_outbox" AFTER UPDATE OF "name" ON "user"
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION search_outbox_on_author()`);
    await q.query(`
      CREATE FUNCTION search_outbox_on_organization() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM search_outbox_enqueue('content', ARRAY(SELECT id FROM content WHERE organization_id = NEW.id AND deleted_at IS NULL));
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "organization_search_outbox" AFTER UPDATE OF "name", "code" ON "organization"
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.code IS DISTINCT FROM NEW.code)
        EXECUTE FUNCTION search_outbox_on_organization()`);
    await q.query(`
      CREATE FUNCTION search_outbox_on_synonyms() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM search_outbox_enqueue('synonyms', NULL);
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER "search_synonym_search_outbox" AFTER INSERT OR UPDATE OR DELETE ON "search_synonym"
        FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_on_synonyms()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "search_synonym_search_outbox" ON "search_synonym"`);
    await q.query(`DROP TRIGGER "organization_search_outbox" ON "organization"`);
    await q.query(`DROP TRIGGER "user_search_outbox" ON "user"`);
    await q.query(`DROP TRIGGER "catalog_component_search_outbox" ON "catalog_component"`);
    await q.query(`DROP TRIGGER "content_component_search_outbox" ON "content_component"`);
    await q.query(`DROP TRIGGER "reply_search_outbox" ON "reply"`);
    await q.query(`DROP TRIGGER "content_search_outbox" ON "content"`);
    await q.query(`DROP FUNCTION search_outbox_on_synonyms()`);
    await q.query(`DROP FUNCTION search_outbox_on_organization()`);
    await q.query(`DROP FUNCTION search_outbox_on_author()`);
    await q.query(`DROP FUNCTION search_outbox_on_component()`);
    await q.query(`DROP FUNCTION search_outbox_on_content_child()`);
    await q.query(`DROP FUNCTION search_outbox_on_content()`);
    await q.query(`DROP FUNCTION search_outbox_enqueue(text, bigint[])`);
    await q.query(`DROP TABLE "search_synonym"`);
    await q.query(`DROP TABLE "search_outbox"`);
    await q.query(`DROP INDEX "content_title_trgm_idx"`);
    await q.query(`DROP INDEX "content_search_idx"`);
    await q.query(`DROP TRIGGER "content_search_vector" ON "content"`);
    await q.query(`DROP FUNCTION content_search_vector_update()`);
    await q.query(`ALTER TABLE "content" DROP COLUMN "search_vector"`);
    await q.query(`DROP FUNCTION content_search_vector(text, text, text[], text)`);
    await q.query(`DROP FUNCTION infraforum_unaccent(text)`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION infraforum_danish`);
    // The extensions stay: other schemas may use them, and they hold no data.
  }
}
