import type { ContentKind, FlagReason, FlagResolution } from '@infraforum/shared';

/** What each flag reason covers, under its radio. */
export const FLAG_REASON_HINTS: Record<FlagReason, string> = {
  outdated: 'Fx en vejledning, der ikke længere passer til komponenten, eller et svar, der er forkert.',
  off_topic: 'Det handler ikke om den fælleskommunale infrastruktur eller om tråden.',
  personal_data: 'Fx navne på borgere, cpr-numre eller helbredsoplysninger.',
  abusive: 'Fx personangreb, chikane eller grove ord.',
  other: 'Beskriv problemet i feltet nedenfor.',
};

/** The moderator's choices for a flagged item, as the decision form names them. */
export const DECISION_LABELS: Record<FlagResolution, string> = {
  dismiss: 'Afvis – intet galt',
  edit: 'Rettet',
  hide: 'Skjul',
  lock: 'Lås',
  delete: 'Slet',
};

export const DECISION_HINTS: Record<FlagResolution, string> = {
  dismiss: 'Anmeldelserne lukkes. Er det skjult pga. anmeldelser, vises det igen.',
  edit: 'Du har rettet indholdet. Anmeldelserne lukkes, og det vises igen.',
  hide: 'Kun forfatteren og moderatorerne kan se det. Forfatteren ser begrundelsen.',
  lock: 'Ingen kan svare eller stemme mere. For et svar låses tråden.',
  delete: 'Slettes for alle, og det kan ikke fortrydes.',
};

/** The lists the kinds live in, for a link back. */
export const KIND_LIST_LABELS: Record<ContentKind, string> = {
  question: 'Spørgsmål',
  guide: 'Vejledninger',
  case: 'Cases',
  webinar: 'Webinarer',
  suggestion: 'Emneforslag',
};

/** "spørgsmålet", "vejledningen": the item as a sentence names it. */
export const KIND_DEFINITE: Record<ContentKind, string> = {
  question: 'spørgsmålet',
  guide: 'vejledningen',
  case: 'casen',
  webinar: 'webinaret',
  suggestion: 'emneforslaget',
};
