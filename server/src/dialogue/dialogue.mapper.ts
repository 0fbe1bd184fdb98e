import {
  LIKERT_LABELS,
  LIKERT_VALUES,
  type DialogueQuestion,
  type DialogueResultAnswer,
  type LikertCount,
  type MyDialogueAnswer,
} from '@infraforum/shared';
import type { ContentViewer } from '../common/access-policy.js';
import { canAnswerDialogue, canManageDialogue } from './dialogue-policy.js';
import type { AnswerRow, QuestionRow, SavedAnswerRow } from './dialogue.repository.js';

const iso = (date: Date | string): string => new Date(date).toISOString();

export function toDialogueQuestion(row: QuestionRow, viewer: ContentViewer | undefined): DialogueQuestion {
  return {
    id: Number(row.id),
    webinarId: Number(row.content_id),
    kind: row.kind,
    prompt: row.prompt,
    position: row.position,
    open: row.open,
    openedAt: row.opened_at === null ? null : iso(row.opened_at),
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    answerCount: row.answer_count,
    myAnswers: row.my_answers.map((answer) => ({
      id: Number(answer.id),
      text: answer.text,
      value: answer.value,
      anonymous: answer.anonymous,
      hidden: answer.hidden,
      createdAt: iso(answer.createdAt),
      updatedAt: iso(answer.updatedAt),
    })),
    permissions: { answer: canAnswerDialogue(viewer, row, row), manage: canManageDialogue(viewer) },
  };
}

export function toMyAnswer(row: SavedAnswerRow): MyDialogueAnswer {
  return {
    id: Number(row.id),
    text: row.text,
    value: row.value,
    anonymous: row.anonymous,
    hidden: row.hidden,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The repository already left out what the viewer may not see (names of anonymous answers, their origin). */
export function toResultAnswer(row: AnswerRow, viewerId: string | null): DialogueResultAnswer {
  const organization =
    row.organization_code === null || row.organization_name === null ? null : { code: row.organization_code, name: row.organization_name };
  return {
    id: Number(row.id),
    text: row.text,
    createdAt: iso(row.created_at),
    anonymous: row.anonymous,
    author: row.anonymous || row.author_name === null ? null : { name: row.author_name, organization },
    organization,
    hidden: row.hidden,
    mine: viewerId !== null && row.user_id === viewerId,
  };
}

export function toDistribution(counts: readonly number[]): LikertCount[] {
  return LIKERT_VALUES.map((value, index) => ({ value, label: LIKERT_LABELS[value], count: counts[index] ?? 0 }));
}
