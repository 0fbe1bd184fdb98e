import { z } from 'zod';
import { ModeratorReason } from './content.js';
import { singleLine } from './text-fields.js';

/**
 * The dialogue of a webinar (its Mentimeter part): open questions answered in free text and evaluation
 * statements answered on a five-point scale. Moderators add them and open and close them live; participants
 * answer while one is open, anonymously to the others unless they choose otherwise.
 */

export const DIALOGUE_KINDS = ['open', 'likert'] as const;
export const DialogueKind = z.enum(DIALOGUE_KINDS, {
  error: 'Vælg åbent spørgsmål (open) eller udsagn til evaluering (likert)',
});
export type DialogueKind = z.infer<typeof DialogueKind>;
export const DIALOGUE_KIND_LABELS: Record<DialogueKind, string> = {
  open: 'Åbent spørgsmål',
  likert: 'Udsagn til evaluering',
};

export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
export type LikertValue = (typeof LIKERT_VALUES)[number];
export const LIKERT_LABELS: Record<LikertValue, string> = {
  1: 'helt uenig',
  2: 'uenig',
  3: 'hverken enig eller uenig',
  4: 'enig',
  5: 'helt enig',
};

export const DIALOGUE_PROMPT_MAX = 300;
export const DIALOGUE_ANSWER_MAX = 1000;
/** Answers one person may give to one open question (an evaluation is always one, changed in place). */
export const DIALOGUE_ANSWERS_PER_USER = 10;
/** Answers in one page of results; `hasMore` and `cursor` fetch the rest. */
export const DIALOGUE_RESULTS_PAGE_MAX = 500;

// ---- Input ----

const DialoguePrompt = singleLine('spørgsmålet eller udsagnet', 3, DIALOGUE_PROMPT_MAX);

export const CreateDialogueQuestionSchema = z.strictObject({
  kind: DialogueKind,
  prompt: DialoguePrompt,
});
export type CreateDialogueQuestionInput = z.input<typeof CreateDialogueQuestionSchema>;
export type CreateDialogueQuestion = z.output<typeof CreateDialogueQuestionSchema>;

export const UpdateDialogueQuestionSchema = z
  .strictObject({
    prompt: DialoguePrompt.optional(),
    /** true opens the question for answers (sets openedAt), false closes it (sets closedAt). */
    open: z.boolean({ error: 'open er true (åbn) eller false (luk)' }).optional(),
    /** 1 is first; a number past the end moves it last. The others move up or down to make room. */
    position: z
      .number({ error: 'Angiv placeringen som et tal' })
      .int({ error: 'Angiv placeringen som et helt tal' })
      .min(1, { error: 'Placeringen skal være mindst 1' })
      .max(10_000, { error: 'Placeringen må højst være 10000' })
      .optional(),
  })
  .refine((input) => input.prompt !== undefined || input.open !== undefined || input.position !== undefined, {
    error: 'Angiv mindst én ændring: prompt, open eller position',
  });
export type UpdateDialogueQuestionInput = z.input<typeof UpdateDialogueQuestionSchema>;
export type UpdateDialogueQuestion = z.output<typeof UpdateDialogueQuestionSchema>;

export const DeleteDialogueQuestionSchema = z.strictObject({ reason: ModeratorReason.optional() });

/** Newlines are kept (normalised to \n); every other control character is refused. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSWER_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

export const DialogueAnswerText = z
  .string({ error: 'Skriv dit svar som tekst' })
  .transform((value) => value.replace(/\r\n?/g, '\n'))
  .refine((value) => !ANSWER_CONTROL.test(value), { error: 'Svaret må ikke indeholde tabulatorer eller andre kontroltegn' })
  .transform((value) => value.trim())
  .refine((value) => value.length >= 1, { error: 'Skriv et svar' })
  .refine((value) => value.length <= DIALOGUE_ANSWER_MAX, { error: `Svaret må højst være på ${DIALOGUE_ANSWER_MAX} tegn` });

export const LikertValueSchema = z
  .number({ error: 'Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)' })
  .int({ error: 'Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)' })
  .min(1, { error: 'Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)' })
  .max(5, { error: 'Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)' })
  .transform((value) => value as LikertValue);

/**
 * `text` for an open question, `value` for a statement: exactly the one that fits the question's kind (the server
 * checks it and names the field). An evaluation given again replaces the earlier one.
 */
export const DialogueAnswerSchema = z.strictObject({
  text: DialogueAnswerText.optional(),
  value: LikertValueSchema.optional(),
  /** Hidden from other participants; KOMBIT's moderators still see the municipality (never the name). */
  anonymous: z.boolean({ error: 'anonymous er true eller false' }).default(true),
});
export type DialogueAnswerInput = z.input<typeof DialogueAnswerSchema>;
export type DialogueAnswer = z.output<typeof DialogueAnswerSchema>;

export const DialogueModerationSchema = z.strictObject({ reason: ModeratorReason });

const answerIdQuery = z.string().regex(/^(0|[1-9]\d{0,17})$/, { error: 'after skal være id på et svar (et heltal)' });

export const DialogueResultsQuerySchema = z.strictObject({
  /** Only answers newer than this answer id (live polling); total and distribution are always for all answers. */
  after: answerIdQuery.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'limit skal være et positivt heltal' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: 'limit skal være mindst 1' })
        .max(DIALOGUE_RESULTS_PAGE_MAX, { error: `limit må højst være ${DIALOGUE_RESULTS_PAGE_MAX}` }),
    )
    .optional(),
  /** csv: every answer as a spreadsheet (KOMBIT's moderators only). */
  format: z.enum(['json', 'csv'], { error: 'format er json eller csv' }).optional(),
});
export type DialogueResultsQuery = z.output<typeof DialogueResultsQuerySchema>;

// ---- Output ----

const OrganizationRefSchema = z.object({ code: z.string(), name: z.string() });

export const MyDialogueAnswerSchema = z.object({
  id: z.number().int(),
  text: z.string().nullable(),
  value: z.number().int().nullable(),
  anonymous: z.boolean(),
  /** Hidden by a moderator: the author still sees it here, nobody else but moderators does. */
  hidden: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MyDialogueAnswer = z.infer<typeof MyDialogueAnswerSchema>;

export const DialogueQuestionSchema = z.object({
  id: z.number().int(),
  webinarId: z.number().int(),
  kind: DialogueKind,
  prompt: z.string(),
  position: z.number().int(),
  open: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Answers not hidden by a moderator. */
  answerCount: z.number().int(),
  /** The caller's own answers, oldest first (an evaluation has at most one). */
  myAnswers: z.array(MyDialogueAnswerSchema),
  permissions: z.object({
    /** Logged in, may read the webinar (published), and the question is open. */
    answer: z.boolean(),
    /** Open, close, edit, delete, hide answers, export (KOMBIT's moderators). */
    manage: z.boolean(),
  }),
});
export type DialogueQuestion = z.infer<typeof DialogueQuestionSchema>;

export const DialogueQuestionListSchema = z.object({ items: z.array(DialogueQuestionSchema) });
export type DialogueQuestionList = z.infer<typeof DialogueQuestionListSchema>;

export const DialogueResultAnswerSchema = z.object({
  id: z.number().int(),
  text: z.string().nullable(),
  createdAt: z.string(),
  anonymous: z.boolean(),
  /** Named answers only; null when anonymous or imported. */
  author: z.object({ name: z.string(), organization: OrganizationRefSchema.nullable() }).nullable(),
  /** The municipality: for named answers to everyone, for anonymous ones only to moderators; null for imported answers. */
  organization: OrganizationRefSchema.nullable(),
  /** Only moderators ever see hidden answers. */
  hidden: z.boolean(),
  /** The caller's own answer. */
  mine: z.boolean(),
});
export type DialogueResultAnswer = z.infer<typeof DialogueResultAnswerSchema>;

export const LikertCountSchema = z.object({ value: z.number().int(), label: z.string(), count: z.number().int() });
export type LikertCount = z.infer<typeof LikertCountSchema>;

/**
 * What has been answered. `answers` lists open questions' answers oldest first (after `after`, at most `limit`); a
 * statement's evaluations are summed up in `distribution` and `mean` (its answers list is empty: each person's
 * value is in the moderators' CSV). `total`, `distribution`, `mean` and `hiddenIds` always cover every answer.
 */
export const DialogueResultsSchema = z.object({
  question: DialogueQuestionSchema,
  /** Answers not hidden. */
  total: z.number().int(),
  answers: z.array(DialogueResultAnswerSchema),
  /** More answers after `cursor` than this page held. */
  hasMore: z.boolean(),
  /** Pass as `after` to get what came after this page (the last answer id seen, or the `after` sent). */
  cursor: z.number().int().nullable(),
  /** Answers hidden by a moderator: a live view drops these ids from what it already shows. */
  hiddenIds: z.array(z.number().int()),
  /** All five values, also those nobody chose (empty for open questions). */
  distribution: z.array(LikertCountSchema),
  /** Mean of the values (likert, at least one answer), else null. */
  mean: z.number().nullable(),
});
export type DialogueResults = z.infer<typeof DialogueResultsSchema>;

export const DialogueAnswerResultSchema = z.object({
  answer: MyDialogueAnswerSchema,
  /** An earlier evaluation of the caller was changed (the answer keeps its id). */
  replaced: z.boolean(),
  question: DialogueQuestionSchema,
});
export type DialogueAnswerResult = z.infer<typeof DialogueAnswerResultSchema>;
