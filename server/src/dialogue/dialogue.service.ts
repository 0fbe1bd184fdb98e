import { Injectable } from '@nestjs/common';
import {
  CreateDialogueQuestionSchema,
  DIALOGUE_ANSWERS_PER_USER,
  DialogueAnswerText,
  LikertValueSchema,
  type CreateDialogueQuestion,
  type DialogueAnswer,
  type DialogueAnswerResult,
  type DialogueKind,
  type DialogueQuestion,
  type DialogueQuestionList,
  type DialogueResultAnswer,
  type DialogueResults,
  type DialogueResultsQuery,
  type UpdateDialogueQuestion,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { requireAccess } from '../common/access-policy.js';
import { ApiException, type FieldErrors } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { dialogueCsv } from './dialogue-csv.js';
import { answerNotFound, questionNotFound, webinarNotFound } from './dialogue-errors.js';
import { toDialogueQuestion, toDistribution, toMyAnswer, toResultAnswer } from './dialogue.mapper.js';
import { canManageDialogue, canReadDialogue } from './dialogue-policy.js';
import { DialogueRepository, type QuestionLockRow, type SavedAnswerRow } from './dialogue.repository.js';

export interface ActionContext {
  correlationId?: string;
}

/** A question with its answers from elsewhere (the demo seed): no user, no municipality, all anonymous. */
export interface DialogueImport {
  kind: DialogueKind;
  prompt: string;
  /** Imported questions are closed: the event is over. */
  open?: false;
  answers: readonly string[] | readonly number[];
  /** When it was asked and answered (openedAt, closedAt and every answer's time); now when left out. */
  answeredAt?: Date;
}

export const DEFAULT_RESULTS_PAGE = 200;

/** A webinar's dialogue questions and evaluation statements: moderators run them, participants answer. */
@Injectable()
export class DialogueService {
  constructor(
    private readonly repo: DialogueRepository,
    private readonly content: ContentService,
    private readonly contentRepo: ContentRepository,
    private readonly audit: AuditService,
  ) {}

  /** 404, never 403, when the webinar is not one the viewer may read. */
  async list(viewer: SessionUser | undefined, webinarId: string): Promise<DialogueQuestionList> {
    const [webinar, rows] = await Promise.all([this.repo.findWebinar(webinarId), this.repo.listQuestions(webinarId, viewer?.id ?? null)]);
    if (!webinar || !canReadDialogue(viewer, webinar)) throw webinarNotFound();
    return { items: rows.map((row) => toDialogueQuestion(row, viewer)) };
  }

  async get(viewer: SessionUser | undefined, questionId: string): Promise<DialogueQuestion> {
    const row = await this.repo.findQuestion(questionId, viewer?.id ?? null);
    if (!row || !canReadDialogue(viewer, row)) throw questionNotFound();
    return toDialogueQuestion(row, viewer);
  }

  async create(
    actor: SessionUser,
    webinarId: string,
    input: CreateDialogueQuestion,
    context: ActionContext = {},
  ): Promise<DialogueQuestion> {
    requireAccess(canManageDialogue(actor), 'Kun KOMBITs moderatorer kan tilføje dialogspørgsmål.');
    const id = await this.repo.transaction(async (manager) => {
      // The webinar's row lock queues every change to its list of questions, so positions stay 1, 2, 3 …
      const webinar = await this.lockWebinar(actor, webinarId, manager);
      const questionId = await this.repo.insertQuestion(
        { contentId: webinarId, kind: input.kind, prompt: input.prompt, createdById: actor.id },
        manager,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'dialogue.create',
          targetType: 'dialogue_question',
          targetId: questionId,
          organizationId: webinar.organization_id,
          after: { webinarId: Number(webinarId), kind: input.kind, prompt: input.prompt },
          correlationId: context.correlationId,
        },
        manager,
      );
      return questionId;
    });
    return this.get(actor, id);
  }

  /** Edit the prompt, open or close, move: each change that happens is audited on its own. */
  async update(
    actor: SessionUser,
    questionId: string,
    input: UpdateDialogueQuestion,
    context: ActionContext = {},
  ): Promise<DialogueQuestion> {
    requireAccess(canManageDialogue(actor), 'Kun KOMBITs moderatorer kan ændre dialogspørgsmål.');
    await this.changeQuestion(actor, questionId, async (question, webinar, manager) => {
      const record = (action: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
        this.audit.record(
          {
            actorId: actor.id,
            action,
            targetType: 'dialogue_question',
            targetId: questionId,
            organizationId: webinar.organization_id,
            before,
            after,
            correlationId: context.correlationId,
          },
          manager,
        );
      if (input.prompt !== undefined && input.prompt !== question.prompt) {
        await this.repo.setPrompt(questionId, input.prompt, manager);
        await record('dialogue.edit', { prompt: question.prompt }, { prompt: input.prompt });
      }
      if (input.open !== undefined && input.open !== question.open) {
        await this.repo.setOpen(questionId, input.open, manager);
        await record(input.open ? 'dialogue.open' : 'dialogue.close', { open: question.open }, { open: input.open });
      }
      if (input.position !== undefined) {
        const ids = await this.repo.orderedQuestionIds(question.content_id, manager);
        const from = ids.indexOf(questionId);
        const to = Math.min(input.position, ids.length) - 1;
        if (from !== to) {
          ids.splice(from, 1);
          ids.splice(to, 0, questionId);
          await this.repo.renumber(ids, manager);
          await record('dialogue.move', { position: from + 1 }, { position: to + 1 });
        }
      }
    });
    return this.get(actor, questionId);
  }

  /** Soft delete: the question and its answers stay for the audit trail; the others close up. */
  async remove(actor: SessionUser, questionId: string, reason: string | undefined, context: ActionContext = {}): Promise<void> {
    requireAccess(canManageDialogue(actor), 'Kun KOMBITs moderatorer kan slette dialogspørgsmål.');
    await this.changeQuestion(actor, questionId, async (question, webinar, manager) => {
      await this.repo.softDeleteQuestion(questionId, manager);
      await this.repo.renumber(await this.repo.orderedQuestionIds(question.content_id, manager), manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'dialogue.delete',
          targetType: 'dialogue_question',
          targetId: questionId,
          organizationId: webinar.organization_id,
          reason: reason ?? null,
          before: { prompt: question.prompt, kind: question.kind, open: question.open },
          correlationId: context.correlationId,
        },
        manager,
      );
    });
  }

  /**
   * An answer while the question is open. Holding the question's row in SHARE mode lets answers in parallel but
   * makes a close wait for them, so nothing lands after "closed". An evaluation replaces the user's earlier one.
   */
  async answer(actor: SessionUser, questionId: string, input: DialogueAnswer): Promise<DialogueAnswerResult> {
    const saved = await this.repo.transaction(async (manager): Promise<SavedAnswerRow> => {
      const question = await this.repo.lockQuestion(questionId, 'share', manager);
      if (!question || !canReadDialogue(actor, question)) throw questionNotFound();
      requireAccess(question.content_status === 'published', 'Webinaret er ikke offentliggjort, så der kan ikke svares endnu.');
      if (!question.open) {
        throw ApiException.conflict(
          'CONFLICT',
          question.kind === 'open'
            ? 'Spørgsmålet er lukket for svar. Moderatoren åbner det, når der kan svares.'
            : 'Evalueringen er lukket. Moderatoren åbner den, når der kan svares.',
        );
      }
      checkAnswerShape(question.kind, input);
      const base = { questionId, userId: actor.id, organizationId: actor.organizationId, anonymous: input.anonymous };
      if (question.kind === 'likert') return this.repo.upsertEvaluation({ ...base, value: input.value! }, manager);
      await this.repo.lockUserOnQuestion(questionId, actor.id, manager);
      if ((await this.repo.countAnswersBy(questionId, actor.id, manager)) >= DIALOGUE_ANSWERS_PER_USER) {
        throw ApiException.field('text', `Du kan højst give ${DIALOGUE_ANSWERS_PER_USER} svar på det samme spørgsmål`);
      }
      return this.repo.insertTextAnswer({ ...base, text: input.text! }, manager);
    });
    return { answer: toMyAnswer(saved), replaced: saved.replaced, question: await this.get(actor, questionId) };
  }

  /**
   * Totals and the distribution over every answer; the answers themselves page by id (`after`) for live polling.
   * Hidden answers and where anonymous ones came from: moderators only.
   */
  async results(viewer: SessionUser | undefined, questionId: string, query: DialogueResultsQuery): Promise<DialogueResults> {
    const row = await this.repo.findQuestion(questionId, viewer?.id ?? null);
    if (!row || !canReadDialogue(viewer, row)) throw questionNotFound();
    const manage = canManageDialogue(viewer);
    const limit = query.limit ?? DEFAULT_RESULTS_PAGE;
    const after = query.after ?? '0';
    const [stats, fetched] = await Promise.all([
      this.repo.stats(questionId),
      row.kind === 'open'
        ? this.repo.listAnswers(questionId, { afterId: after, limit: limit + 1, includeHidden: manage, withOrigin: manage })
        : Promise.resolve([]),
    ]);
    const page = fetched.slice(0, limit);
    const last = page.at(-1);
    return {
      question: toDialogueQuestion(row, viewer),
      total: stats.total,
      answers: page.map((answer) => toResultAnswer(answer, viewer?.id ?? null)),
      hasMore: fetched.length > limit,
      cursor: last ? Number(last.id) : query.after !== undefined ? Number(query.after) : null,
      hiddenIds: stats.hiddenIds.map(Number),
      distribution: row.kind === 'likert' ? toDistribution(stats.counts) : [],
      mean: row.kind === 'likert' && stats.mean !== null ? Math.round(stats.mean * 100) / 100 : null,
    };
  }

  /** Every answer as a spreadsheet, for KOMBIT's moderators (audited: it carries the municipalities of anonymous answers). */
  async resultsCsv(
    viewer: SessionUser | undefined,
    questionId: string,
    context: ActionContext = {},
  ): Promise<{ filename: string; body: string }> {
    const row = await this.repo.findQuestion(questionId, viewer?.id ?? null);
    if (!row || !canReadDialogue(viewer, row)) throw questionNotFound();
    if (!viewer) throw ApiException.unauthenticated();
    requireAccess(canManageDialogue(viewer), 'Kun KOMBITs moderatorer kan hente svarene som regneark.');
    const answers = await this.repo.listAnswers(questionId, { afterId: '0', limit: null, includeHidden: true, withOrigin: true });
    await this.audit.record({
      actorId: viewer.id,
      action: 'dialogue.export',
      targetType: 'dialogue_question',
      targetId: questionId,
      organizationId: row.content_organization_id,
      after: { answers: answers.length },
      correlationId: context.correlationId,
    });
    return { filename: `dialog-webinar-${row.content_id}-spoergsmaal-${row.id}.csv`, body: dialogueCsv(row.kind, answers) };
  }

  /** Hide an abusive answer (or show it again): moderators, with a reason, audited. */
  async setAnswerHidden(
    actor: SessionUser,
    answerId: string,
    hidden: boolean,
    reason: string,
    context: ActionContext = {},
  ): Promise<DialogueResultAnswer> {
    requireAccess(canManageDialogue(actor), 'Kun KOMBITs moderatorer kan skjule svar.');
    await this.repo.transaction(async (manager) => {
      const answer = await this.repo.lockAnswer(answerId, manager);
      if (!answer || !canReadDialogue(actor, answer)) throw answerNotFound();
      if (answer.hidden === hidden)
        throw ApiException.conflict('CONFLICT', hidden ? 'Svaret er allerede skjult.' : 'Svaret er ikke skjult.');
      await this.repo.setAnswerHidden(answerId, hidden, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: hidden ? 'dialogue.answer.hide' : 'dialogue.answer.unhide',
          targetType: 'dialogue_answer',
          targetId: answerId,
          organizationId: answer.organization_id,
          reason,
          before: { hidden: answer.hidden, questionId: Number(answer.question_id) },
          after: { hidden },
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    const row = await this.repo.findAnswerForModerator(answerId);
    if (!row) throw answerNotFound();
    return toResultAnswer(row, actor.id);
  }

  /**
   * For the demo seed: a closed question with imported answers (no user, no municipality, anonymous). Idempotent:
   * when the webinar already has a question with this prompt, nothing is added and its id comes back.
   */
  async importQuestion(webinarId: string | number, input: DialogueImport): Promise<{ id: number; created: boolean }> {
    const contentId = String(webinarId);
    const { kind, prompt } = CreateDialogueQuestionSchema.parse({ kind: input.kind, prompt: input.prompt });
    const answers = (input.answers as readonly (string | number)[]).map((answer) =>
      kind === 'open' ? { text: DialogueAnswerText.parse(answer), value: null } : { text: null, value: LikertValueSchema.parse(answer) },
    );
    const existing = await this.repo.findQuestionIdByPrompt(contentId, prompt);
    if (existing) return { id: Number(existing), created: false };
    const id = await this.repo.transaction(async (manager) => {
      const webinar = await this.contentRepo.lockContent(contentId, manager);
      if (!webinar || webinar.kind !== 'webinar' || webinar.deleted_at !== null) throw new Error(`No webinar with id ${contentId}`);
      const questionId = await this.repo.insertQuestion({ contentId, kind, prompt, createdById: null, at: input.answeredAt }, manager);
      await this.repo.setOpen(questionId, true, manager, input.answeredAt);
      await this.repo.setOpen(questionId, false, manager, input.answeredAt);
      await this.repo.insertImportedAnswers(questionId, answers, input.answeredAt ?? null, manager);
      return questionId;
    });
    return { id: Number(id), created: true };
  }

  // ---- helpers ----

  private async lockWebinar(actor: SessionUser, webinarId: string, manager: EntityManager) {
    const webinar = await this.content.lockReadable(actor, webinarId, manager).catch((error: unknown) => {
      throw error instanceof ApiException && error.statusCode === 404 ? webinarNotFound() : error;
    });
    if (webinar.kind !== 'webinar') throw webinarNotFound();
    return webinar;
  }

  /** Locks the webinar, then the question (the same order as create), and hands both to `work`. */
  private async changeQuestion(
    actor: SessionUser,
    questionId: string,
    work: (question: QuestionLockRow, webinar: { organization_id: string }, manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const webinarId = await this.repo.webinarIdOfQuestion(questionId);
    if (!webinarId) throw questionNotFound();
    await this.repo.transaction(async (manager) => {
      const webinar = await this.lockWebinar(actor, webinarId, manager).catch((error: unknown) => {
        throw error instanceof ApiException && error.statusCode === 404 ? questionNotFound() : error;
      });
      const question = await this.repo.lockQuestion(questionId, 'update', manager);
      if (!question || question.content_id !== webinarId) throw questionNotFound();
      await work(question, webinar, manager);
    });
  }
}

/** Text for an open question, a value for a statement, never both: each mistake named on its field. */
function checkAnswerShape(kind: DialogueKind, input: DialogueAnswer): void {
  const fields: FieldErrors = {};
  if (kind === 'open') {
    if (input.text === undefined) fields.text = ['Skriv et svar'];
    if (input.value !== undefined) fields.value = ['Et åbent spørgsmål besvares med tekst, ikke en værdi'];
  } else {
    if (input.value === undefined) fields.value = ['Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)'];
    if (input.text !== undefined) fields.text = ['Et udsagn besvares med en værdi fra 1 til 5, ikke med tekst'];
  }
  if (Object.keys(fields).length > 0) throw ApiException.validation(fields);
}
