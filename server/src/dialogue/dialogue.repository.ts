import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, ContentStatus, DialogueKind, Visibility } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { poolOf, preparedQuery } from '../database/prepared-query.js';

/** The webinar a question belongs to, as the access policy needs it. */
export interface WebinarAccessRow {
  content_id: string;
  content_kind: ContentKind;
  content_status: ContentStatus;
  content_visibility: Visibility;
  content_author_id: string | null;
  content_organization_id: string;
  content_locked: boolean;
  content_deleted_at: Date | null;
}

/** A question with its webinar's access columns, its visible answer count and the viewer's own answers. */
export interface QuestionRow extends WebinarAccessRow {
  id: string;
  kind: DialogueKind;
  prompt: string;
  position: number;
  open: boolean;
  opened_at: Date | null;
  closed_at: Date | null;
  answer_count: number;
  /** json_agg output: ids are numbers, dates strings. */
  my_answers: {
    id: number;
    text: string | null;
    value: number | null;
    anonymous: boolean;
    hidden: boolean;
    createdAt: string;
    updatedAt: string;
  }[];
}

/** What the write paths lock: the question without the per-viewer parts. */
export interface QuestionLockRow extends WebinarAccessRow {
  id: string;
  kind: DialogueKind;
  prompt: string;
  position: number;
  open: boolean;
}

export interface AnswerRow {
  id: string;
  text: string | null;
  value: number | null;
  anonymous: boolean;
  hidden: boolean;
  created_at: Date;
  updated_at: Date;
  user_id: string | null;
  /** Null unless the answer is named (the SQL itself never hands out the name of an anonymous answer). */
  author_name: string | null;
  /** Null for imported answers, and for anonymous ones unless the origin was asked for. */
  organization_code: string | null;
  organization_name: string | null;
}

export interface SavedAnswerRow {
  id: string;
  text: string | null;
  value: number | null;
  anonymous: boolean;
  hidden: boolean;
  created_at: Date;
  updated_at: Date;
  replaced: boolean;
}

export interface AnswerLockRow extends WebinarAccessRow {
  id: string;
  question_id: string;
  organization_id: string | null;
  hidden: boolean;
}

export interface QuestionStats {
  total: number;
  hiddenIds: string[];
  counts: [number, number, number, number, number];
  mean: number | null;
}

const ACCESS_COLUMNS = `
  c.id AS content_id, c.kind AS content_kind, c.status AS content_status, c.visibility AS content_visibility,
  c.author_id AS content_author_id, c.organization_id AS content_organization_id, c.locked AS content_locked,
  c.deleted_at AS content_deleted_at`;

const QUESTION_COLUMNS = `
  q.id, q.kind, q.prompt, q.position, q.open, q.opened_at, q.closed_at, ${ACCESS_COLUMNS},
  (SELECT count(*)::int FROM dialogue_answer a WHERE a.question_id = q.id AND NOT a.hidden) AS answer_count,
  COALESCE((
    SELECT json_agg(json_build_object('id', a.id, 'text', a.text, 'value', a.value, 'anonymous', a.anonymous, 'hidden', a.hidden,
                                      'createdAt', a.created_at, 'updatedAt', a.updated_at) ORDER BY a.id)
    FROM dialogue_answer a WHERE a.question_id = q.id AND a.user_id = $2::uuid
  ), '[]'::json) AS my_answers`;

const SAVED_ANSWER_COLUMNS = 'id, text, value, anonymous, hidden, created_at, updated_at';

/** All SQL about dialogue questions and their answers. */
@Injectable()
export class DialogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside a transaction as a named prepared statement (results are polled every few seconds); inside on its connection. */
  private run<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    if (manager) return manager.query(sql, params) as Promise<T[]>;
    return preparedQuery<T>(poolOf(this.dataSource), sql, params);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---- Reads ----

  async findWebinar(contentId: string): Promise<WebinarAccessRow | null> {
    const rows = await this.run<WebinarAccessRow>(`SELECT ${ACCESS_COLUMNS} FROM content c WHERE c.id = $1`, [contentId]);
    return rows[0] ?? null;
  }

  /** The webinar's questions in their order, each with the viewer's answers. */
  listQuestions(contentId: string, viewerId: string | null, manager?: EntityManager): Promise<QuestionRow[]> {
    return this.run<QuestionRow>(
      `SELECT ${QUESTION_COLUMNS}
       FROM dialogue_question q JOIN content c ON c.id = q.content_id
       WHERE q.content_id = $1 AND q.deleted_at IS NULL
       ORDER BY q.position, q.id`,
      [contentId, viewerId],
      manager,
    );
  }

  async findQuestion(id: string, viewerId: string | null, manager?: EntityManager): Promise<QuestionRow | null> {
    const rows = await this.run<QuestionRow>(
      `SELECT ${QUESTION_COLUMNS}
       FROM dialogue_question q JOIN content c ON c.id = q.content_id
       WHERE q.id = $1 AND q.deleted_at IS NULL`,
      [id, viewerId],
      manager,
    );
    return rows[0] ?? null;
  }

  /** Counts over every answer of the question (hidden ones only as ids). */
  async stats(questionId: string): Promise<QuestionStats> {
    const rows = await this.run<{
      total: number;
      hidden_ids: string[];
      v1: number;
      v2: number;
      v3: number;
      v4: number;
      v5: number;
      mean: string | null;
    }>(
      `SELECT count(*) FILTER (WHERE NOT hidden)::int AS total,
         COALESCE(array_agg(id ORDER BY id) FILTER (WHERE hidden), '{}') AS hidden_ids,
         count(*) FILTER (WHERE NOT hidden AND value = 1)::int AS v1,
         count(*) FILTER (WHERE NOT hidden AND value = 2)::int AS v2,
         count(*) FILTER (WHERE NOT hidden AND value = 3)::int AS v3,
         count(*) FILTER (WHERE NOT hidden AND value = 4)::int AS v4,
         count(*) FILTER (WHERE NOT hidden AND value = 5)::int AS v5,
         avg(value) FILTER (WHERE NOT hidden) AS mean
       FROM dialogue_answer WHERE question_id = $1`,
      [questionId],
    );
    const row = rows[0]!;
    return {
      total: row.total,
      hiddenIds: row.hidden_ids.map(String),
      counts: [row.v1, row.v2, row.v3, row.v4, row.v5],
      mean: row.mean === null ? null : Number(row.mean),
    };
  }

  /**
   * Answers oldest first, after `afterId`, at most `limit` (null: all). The name of an anonymous answer never leaves
   * the database; its municipality only with `withOrigin` (moderators).
   */
  listAnswers(
    questionId: string,
    options: { afterId: string; limit: number | null; includeHidden: boolean; withOrigin: boolean },
  ): Promise<AnswerRow[]> {
    return this.run<AnswerRow>(
      `SELECT a.id, a.text, a.value, a.anonymous, a.hidden, a.created_at, a.updated_at, a.user_id,
         CASE WHEN a.anonymous THEN NULL ELSE u.name END AS author_name,
         CASE WHEN a.anonymous AND NOT $4::boolean THEN NULL ELSE o.code END AS organization_code,
         CASE WHEN a.anonymous AND NOT $4::boolean THEN NULL ELSE o.name END AS organization_name
       FROM dialogue_answer a
       LEFT JOIN "user" u ON u.id = a.user_id
       LEFT JOIN organization o ON o.id = a.organization_id
       WHERE a.question_id = $1 AND a.id > $2::bigint AND ($3::boolean OR NOT a.hidden)
       ORDER BY a.id
       LIMIT $5::int`,
      [questionId, options.afterId, options.includeHidden, options.withOrigin, options.limit],
    );
  }

  // ---- Writes: each takes the transaction's manager ----

  /** Locks the question (SHARE for answers, so closing waits for answers in flight; UPDATE for edits). */
  async lockQuestion(id: string, mode: 'share' | 'update', manager: EntityManager): Promise<QuestionLockRow | null> {
    const rows = await this.run<QuestionLockRow>(
      `SELECT q.id, q.kind, q.prompt, q.position, q.open, ${ACCESS_COLUMNS}
       FROM dialogue_question q JOIN content c ON c.id = q.content_id
       WHERE q.id = $1 AND q.deleted_at IS NULL
       FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'} OF q`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  /** The webinar of a question, without locking (to lock the webinar first). */
  async webinarIdOfQuestion(id: string): Promise<string | null> {
    const rows = await this.run<{ content_id: string }>(`SELECT content_id FROM dialogue_question WHERE id = $1 AND deleted_at IS NULL`, [
      id,
    ]);
    return rows[0]?.content_id ?? null;
  }

  async insertQuestion(
    input: { contentId: string; kind: DialogueKind; prompt: string; createdById: string | null; at?: Date },
    manager: EntityManager,
  ): Promise<string> {
    const rows = await this.run<{ id: string }>(
      `INSERT INTO dialogue_question (content_id, kind, prompt, position, created_by, created_at)
       VALUES ($1, $2, $3,
               (SELECT COALESCE(max(position), 0) + 1 FROM dialogue_question WHERE content_id = $1 AND deleted_at IS NULL),
               $4, COALESCE($5::timestamptz, now()))
       RETURNING id`,
      [input.contentId, input.kind, input.prompt, input.createdById, input.at ?? null],
      manager,
    );
    return rows[0]!.id;
  }

  /** Opening stamps openedAt and clears closedAt; closing stamps closedAt. */
  async setOpen(id: string, open: boolean, manager: EntityManager, at?: Date): Promise<void> {
    await this.run(
      open
        ? `UPDATE dialogue_question SET open = TRUE, opened_at = COALESCE($2::timestamptz, now()), closed_at = NULL WHERE id = $1`
        : `UPDATE dialogue_question SET open = FALSE, closed_at = COALESCE($2::timestamptz, now()) WHERE id = $1`,
      [id, at ?? null],
      manager,
    );
  }

  async setPrompt(id: string, prompt: string, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE dialogue_question SET prompt = $2 WHERE id = $1`, [id, prompt], manager);
  }

  async softDeleteQuestion(id: string, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE dialogue_question SET deleted_at = now(), open = FALSE WHERE id = $1`, [id], manager);
  }

  /** Ids of the webinar's questions in their current order (under the webinar's lock). */
  async orderedQuestionIds(contentId: string, manager: EntityManager): Promise<string[]> {
    const rows = await this.run<{ id: string }>(
      `SELECT id FROM dialogue_question WHERE content_id = $1 AND deleted_at IS NULL ORDER BY position, id`,
      [contentId],
      manager,
    );
    return rows.map((row) => row.id);
  }

  /** Numbers the questions 1, 2, 3 … in the given order. */
  async renumber(orderedIds: string[], manager: EntityManager): Promise<void> {
    if (orderedIds.length === 0) return;
    await this.run(
      `UPDATE dialogue_question q SET position = t.ordinality
       FROM unnest($1::bigint[]) WITH ORDINALITY AS t(id, ordinality)
       WHERE q.id = t.id AND q.position <> t.ordinality`,
      [orderedIds],
      manager,
    );
  }

  async findQuestionIdByPrompt(contentId: string, prompt: string): Promise<string | null> {
    const rows = await this.run<{ id: string }>(
      `SELECT id FROM dialogue_question WHERE content_id = $1 AND prompt = $2 AND deleted_at IS NULL ORDER BY id LIMIT 1`,
      [contentId, prompt],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Serialises one user's answers to one question (so the cap on open answers holds however many arrive at once)
   * without holding up anybody else's.
   */
  async lockUserOnQuestion(questionId: string, userId: string, manager: EntityManager): Promise<void> {
    await this.run(
      `SELECT pg_advisory_xact_lock(hashtextextended('dialogue_answer:' || $1::text || ':' || $2::text, 0))`,
      [questionId, userId],
      manager,
    );
  }

  async countAnswersBy(questionId: string, userId: string, manager: EntityManager): Promise<number> {
    const rows = await this.run<{ n: number }>(
      `SELECT count(*)::int AS n FROM dialogue_answer WHERE question_id = $1 AND user_id = $2`,
      [questionId, userId],
      manager,
    );
    return rows[0]?.n ?? 0;
  }

  async insertTextAnswer(
    input: { questionId: string; userId: string; organizationId: string; text: string; anonymous: boolean },
    manager: EntityManager,
  ): Promise<SavedAnswerRow> {
    const rows = await this.run<SavedAnswerRow>(
      `INSERT INTO dialogue_answer (question_id, user_id, organization_id, text, anonymous) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${SAVED_ANSWER_COLUMNS}, FALSE AS replaced`,
      [input.questionId, input.userId, input.organizationId, input.text, input.anonymous],
      manager,
    );
    return rows[0]!;
  }

  /** One evaluation per user per statement: a second one replaces the value (and the anonymity choice) in place. */
  async upsertEvaluation(
    input: { questionId: string; userId: string; organizationId: string; value: number; anonymous: boolean },
    manager: EntityManager,
  ): Promise<SavedAnswerRow> {
    const rows = await this.run<SavedAnswerRow>(
      `INSERT INTO dialogue_answer (question_id, user_id, organization_id, value, anonymous) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (question_id, user_id) WHERE value IS NOT NULL AND user_id IS NOT NULL
       DO UPDATE SET value = EXCLUDED.value, anonymous = EXCLUDED.anonymous, organization_id = EXCLUDED.organization_id,
                     updated_at = now()
       RETURNING ${SAVED_ANSWER_COLUMNS}, (xmax <> 0) AS replaced`,
      [input.questionId, input.userId, input.organizationId, input.value, input.anonymous],
      manager,
    );
    return rows[0]!;
  }

  /** Imported answers (demo seed): no user, no municipality, anonymous. */
  async insertImportedAnswers(
    questionId: string,
    answers: { text: string | null; value: number | null }[],
    at: Date | null,
    manager: EntityManager,
  ): Promise<void> {
    if (answers.length === 0) return;
    await this.run(
      `INSERT INTO dialogue_answer (question_id, text, value, anonymous, created_at, updated_at)
       SELECT $1, t.text, t.value, TRUE, COALESCE($4::timestamptz, now()), COALESCE($4::timestamptz, now())
       FROM unnest($2::varchar[], $3::smallint[]) AS t(text, value)`,
      [questionId, answers.map((answer) => answer.text), answers.map((answer) => answer.value), at],
      manager,
    );
  }

  async lockAnswer(id: string, manager: EntityManager): Promise<AnswerLockRow | null> {
    const rows = await this.run<AnswerLockRow>(
      `SELECT a.id, a.question_id, a.organization_id, a.hidden, ${ACCESS_COLUMNS}
       FROM dialogue_answer a
       JOIN dialogue_question q ON q.id = a.question_id AND q.deleted_at IS NULL
       JOIN content c ON c.id = q.content_id
       WHERE a.id = $1
       FOR UPDATE OF a`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  async setAnswerHidden(id: string, hidden: boolean, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE dialogue_answer SET hidden = $2 WHERE id = $1`, [id, hidden], manager);
  }

  /** One answer as a moderator sees it (for the hide/unhide response). */
  async findAnswerForModerator(id: string): Promise<AnswerRow | null> {
    const rows = await this.run<AnswerRow>(
      `SELECT a.id, a.text, a.value, a.anonymous, a.hidden, a.created_at, a.updated_at, a.user_id,
         CASE WHEN a.anonymous THEN NULL ELSE u.name END AS author_name,
         o.code AS organization_code, o.name AS organization_name
       FROM dialogue_answer a
       LEFT JOIN "user" u ON u.id = a.user_id
       LEFT JOIN organization o ON o.id = a.organization_id
       WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
