import { capitalize, LIKERT_LABELS, type DialogueKind, type DialogueResultAnswer, type LikertValue } from '@infraforum/shared';

/** What a question is called on the pages: the moderator's choice between the two kinds. */
export const KIND_NAMES: Record<DialogueKind, string> = {
  open: 'Dialogspørgsmål',
  likert: 'Evalueringsudsagn',
};

const decimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });

/** "4,2": one decimal, Danish comma. */
export function formatMean(mean: number): string {
  return decimal.format(mean);
}

/** "40 %" of the total; 0 % when nobody answered. */
export function formatShare(count: number, total: number): string {
  return percent.format(total > 0 ? count / total : 0);
}

/** "5 – Helt enig". */
export function likertLabel(value: number): string {
  const label = LIKERT_LABELS[value as LikertValue];
  return label ? `${value} – ${capitalize(label)}` : String(value);
}

/**
 * Who gave an answer, as the viewer may know it: the name and municipality of a named answer; "Anonym" for the
 * others, with the municipality for KOMBIT's moderators (the API sends it only to them).
 */
export function answerByline(answer: Pick<DialogueResultAnswer, 'anonymous' | 'author' | 'organization'>): string {
  if (!answer.anonymous && answer.author) {
    const organization = answer.author.organization ?? answer.organization;
    return organization ? `${answer.author.name}, ${organization.name}` : answer.author.name;
  }
  return answer.organization ? `Anonym (${answer.organization.name})` : 'Anonym';
}

/** "1 nyt svar", "3 nye svar". */
export function newAnswersText(count: number): string {
  return count === 1 ? '1 nyt svar' : `${count.toLocaleString('da-DK')} nye svar`;
}

/** "1 svar", "12 svar". */
export function answerCountText(count: number): string {
  return `${count.toLocaleString('da-DK')} svar`;
}
