/** Danish names of the actions in the audit log; an action not listed is shown by its code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'moderation.dismiss': 'Anmeldelse afvist',
  'moderation.edit': 'Anmeldelse lukket: rettet',
  'moderation.hide': 'Skjult efter anmeldelse',
  'moderation.lock': 'Låst efter anmeldelse',
  'moderation.delete': 'Slettet efter anmeldelse',
  'content.hide_by_flags': 'Skjult pga. anmeldelser',
  'content.checked': 'Markeret som gennemgået',
  'reply.hide_by_flags': 'Svar skjult pga. anmeldelser',
  'content.hide': 'Indhold skjult',
  'content.unhide': 'Indhold vist igen',
  'content.lock': 'Indhold låst',
  'content.unlock': 'Indhold låst op',
  'content.edit': 'Indhold redigeret af en moderator',
  'content.delete': 'Indhold slettet af en moderator',
  'content.status': 'Status ændret',
  'content.merge': 'Emneforslag slået sammen',
  'reply.edit': 'Svar redigeret af en moderator',
  'reply.delete': 'Svar slettet af en moderator',
  'reply.move': 'Svar flyttet',
  'reply.accept': 'Svar accepteret af en moderator',
  'reply.unaccept': 'Accept af svar fjernet',
  'user.approve': 'Bruger godkendt',
  'user.suspend': 'Bruger suspenderet',
  'user.reactivate': 'Bruger genaktiveret',
  'user.set_role': 'Rolle ændret',
  'user.delete_self': 'Konto slettet af brugeren selv',
  'toolbox.section.create': 'Værktøjskasse-afsnit oprettet',
  'toolbox.section.update': 'Værktøjskasse-afsnit rettet',
  'toolbox.section.delete': 'Værktøjskasse-afsnit slettet',
  'toolbox.item.add': 'Tilføjet til værktøjskassen',
  'toolbox.item.update': 'Punkt i værktøjskassen rettet',
  'toolbox.item.remove': 'Fjernet fra værktøjskassen',
  'toolbox.proposal.accept': 'Forslag til værktøjskassen godtaget',
  'toolbox.proposal.decline': 'Forslag til værktøjskassen afvist',
  'search.synonyms.create': 'Synonymgruppe tilføjet',
  'search.synonyms.update': 'Synonymgruppe rettet',
  'search.synonyms.delete': 'Synonymgruppe slettet',
  'catalog.component.edit': 'Komponent rettet',
  'dialogue.create': 'Dialogspørgsmål oprettet',
  'dialogue.delete': 'Dialogspørgsmål slettet',
  'dialogue.export': 'Dialogsvar hentet',
  'attachment.delete': 'Materiale slettet',
};

/** The "Handling" filter: whole areas (a prefix of the action) and the moderators' decisions. */
export const AUDIT_ACTION_FILTERS: { label: string; options: { value: string; label: string }[] }[] = [
  {
    label: 'Områder',
    options: [
      { value: 'moderation', label: 'Afgørelser om anmeldelser' },
      { value: 'content', label: 'Indhold' },
      { value: 'reply', label: 'Svar' },
      { value: 'user', label: 'Brugere' },
      { value: 'toolbox', label: 'Værktøjskassen' },
      { value: 'search', label: 'Søgning' },
      { value: 'catalog', label: 'Komponenter' },
      { value: 'dialogue', label: 'Dialog på webinarer' },
      { value: 'attachment', label: 'Materiale' },
    ],
  },
  {
    label: 'Afgørelser om anmeldelser',
    options: ['dismiss', 'edit', 'hide', 'lock', 'delete'].map((decision) => ({
      value: `moderation.${decision}`,
      label: AUDIT_ACTION_LABELS[`moderation.${decision}`] ?? decision,
    })),
  },
  {
    label: 'Skjult pga. anmeldelser',
    options: [
      { value: 'content.hide_by_flags', label: 'Indhold skjult pga. anmeldelser' },
      { value: 'reply.hide_by_flags', label: 'Svar skjult pga. anmeldelser' },
    ],
  },
];

/** Before/after as indented JSON for people to read. */
export const prettyJson = (value: Record<string, unknown>): string => JSON.stringify(value, null, 2);
