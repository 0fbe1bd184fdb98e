import { LIKERT_LABELS, type DialogueKind, type LikertValue } from '@infraforum/shared';
import { copenhagenTimestamp, toCsv } from '../common/csv.js';
import type { AnswerRow } from './dialogue.repository.js';

/** Every answer (hidden ones too, marked), with the municipality also of anonymous ones but never their name. */
export function dialogueCsv(kind: DialogueKind, answers: AnswerRow[]): string {
  const header =
    kind === 'open'
      ? ['id', 'tidspunkt', 'svar', 'anonym', 'navn', 'kommune', 'skjult']
      : ['id', 'tidspunkt', 'værdi', 'betydning', 'anonym', 'navn', 'kommune', 'skjult'];
  const rows = answers.map((answer) => {
    const answered =
      kind === 'open' ? [answer.text] : [answer.value, answer.value === null ? null : LIKERT_LABELS[answer.value as LikertValue]];
    return [
      Number(answer.id),
      // An evaluation counts from when its value was last set.
      copenhagenTimestamp(kind === 'open' ? answer.created_at : answer.updated_at),
      ...answered,
      answer.anonymous ? 'ja' : 'nej',
      answer.anonymous ? null : answer.author_name,
      answer.organization_name,
      answer.hidden ? 'ja' : 'nej',
    ];
  });
  return toCsv(header, rows);
}
