import {
  ContentKind,
  KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  TOOLBOX_BADGE_LABELS,
  type ProposalStatus,
  type ToolboxBadge,
} from '@infraforum/shared';

/** "Vejledning", "Spørgsmål" … for an item of the forum; "Eksternt link" for a link out of it. */
export function kindLabel(kind: string): string {
  const parsed = ContentKind.safeParse(kind);
  return parsed.success ? KIND_LABELS[parsed.data] : 'Eksternt link';
}

export const badgeLabel = (badge: ToolboxBadge): string => TOOLBOX_BADGE_LABELS[badge];
export const proposalStatusLabel = (status: ProposalStatus): string => PROPOSAL_STATUS_LABELS[status];

/** Where "Foreslå til Værktøjskassen" on an item's page leads: the page where one picks the section. */
export const proposeHref = (contentId: number): string => `/vaerktoejskassen/foreslaa?indhold=${contentId}`;
