import {
  rolesAllowedFor,
  type ContentKind,
  type ContentStatus,
  type OrganizationType,
  type UserRole,
  type UserStatus,
  type Visibility,
} from '@infraforum/shared';
import { ApiException } from './api-exception.js';

/** Every rule about who may touch which account or which content lives here, as pure functions (tested as a matrix). */

export interface Actor {
  id: string;
  role: UserRole;
  organizationId: string;
}

export interface AccountTarget {
  id: string;
  role: UserRole;
  organizationId: string;
}

const RANK: Record<UserRole, number> = { member: 0, org_admin: 1, moderator: 2, admin: 3 };

export const isKombitStaff = (actor: Actor | undefined): boolean => actor?.role === 'moderator' || actor?.role === 'admin';

/** Org admins manage their own municipality's accounts; KOMBIT moderators and admins manage every one. */
export function canManageOrganizationUsers(actor: Actor | undefined, organizationId: string): boolean {
  if (!actor) return false;
  return isKombitStaff(actor) || (actor.role === 'org_admin' && actor.organizationId === organizationId);
}

export function canApproveUser(actor: Actor | undefined, target: AccountTarget): boolean {
  return !!actor && actor.id !== target.id && canManageOrganizationUsers(actor, target.organizationId);
}

/** Suspend or reactivate: only over someone of a lower role, never oneself. */
export function canChangeUserStatus(actor: Actor | undefined, target: AccountTarget): boolean {
  return (
    !!actor && actor.id !== target.id && canManageOrganizationUsers(actor, target.organizationId) && RANK[actor.role] > RANK[target.role]
  );
}

export interface SuspendedAccount extends AccountTarget {
  /** The suspender's role when they suspended; null when unknown (suspended before this was recorded). */
  suspendedByRole: UserRole | null;
}

/**
 * Reactivate: as for any status change, and only by someone of at least the suspender's role, so an org
 * admin cannot lift a suspension by KOMBIT's moderators.
 */
export function canReactivateUser(actor: Actor | undefined, target: SuspendedAccount): boolean {
  return (
    !!actor && canChangeUserStatus(actor, target) && (target.suspendedByRole === null || RANK[actor.role] >= RANK[target.suspendedByRole])
  );
}

/** Only admins set roles; not their own (so the last admin cannot lock everyone out); moderator/admin only within KOMBIT. */
export function canSetRole(
  actor: Actor | undefined,
  target: AccountTarget,
  targetOrganizationType: OrganizationType,
  role: UserRole,
): boolean {
  return !!actor && actor.role === 'admin' && actor.id !== target.id && rolesAllowedFor(targetOrganizationType).includes(role);
}

/** What `actor` may do to `target` now: the UI offers exactly these, the service checks them again. */
export function allowedAccountActions(
  actor: Actor | undefined,
  target: SuspendedAccount & { status: UserStatus; emailDomainMatches: boolean; approvedAt: Date | null },
): { approve: boolean; suspend: boolean; reactivate: boolean; setRole: boolean } {
  // Only an address outside the municipality's domains waits for someone; the rest wait for their own e-mail.
  const awaitsApproval = target.status === 'pending' && !target.emailDomainMatches && target.approvedAt === null;
  return {
    approve: awaitsApproval && canApproveUser(actor, target),
    suspend: target.status !== 'suspended' && canChangeUserStatus(actor, target),
    reactivate: target.status === 'suspended' && canReactivateUser(actor, target),
    setRole: !!actor && actor.role === 'admin' && actor.id !== target.id,
  };
}

/** Contact details of a municipality's members: colleagues see each other; others only those who opted in. */
export function canSeeContactDetails(viewer: Actor | undefined, member: { organizationId: string; showContactDetails: boolean }): boolean {
  if (!viewer) return false;
  return member.showContactDetails || viewer.organizationId === member.organizationId || isKombitStaff(viewer);
}

export function requireAccess(allowed: boolean, message?: string): void {
  if (!allowed) throw ApiException.forbidden(message);
}

// ---- Content ----
// One rule for every read path (list, detail, count, feed, search): `contentReadScope` describes what a viewer
// may see; the content repository turns it into SQL, search (later) into a filter, and `canReadContent`
// applies it to one item. The matrix tests check that all of them agree.

export type ContentViewer = Actor;

export interface ContentTarget {
  authorId: string | null;
  organizationId: string;
  status: ContentStatus;
  visibility: Visibility;
  locked: boolean;
  kind: ContentKind;
  deleted: boolean;
}

export interface ContentReadScope {
  /** Published items with these visibilities, from every organization. */
  publishedVisibilities: Visibility[];
  /** Published `organization` items of this organization too (the viewer's own municipality). */
  ownOrganizationId: string | null;
  /** Every published item, whatever its visibility (KOMBIT's moderators). */
  allPublished: boolean;
  /** Drafts and hidden items written by this user. */
  authorId: string | null;
  /** Drafts and hidden items of this organization (its org admin; KOMBIT's moderators for KOMBIT's). */
  managedOrganizationId: string | null;
  /** Hidden items anywhere (moderators, to review them). */
  allHidden: boolean;
  /** Items in review or scheduled, anywhere (moderators: they approve and schedule them). */
  allAwaitingPublication: boolean;
}

/** The workflow's statuses: KOMBIT material on its way to publication. */
export const AWAITING_PUBLICATION: readonly ContentStatus[] = ['in_review', 'scheduled'];

/**
 * What `viewer` may read. Drafts: their author and the org admin; hidden, in review and scheduled: also moderators;
 * deleted: nobody.
 */
export function contentReadScope(viewer: ContentViewer | undefined): ContentReadScope {
  if (!viewer) {
    return {
      publishedVisibilities: ['public'],
      ownOrganizationId: null,
      allPublished: false,
      authorId: null,
      managedOrganizationId: null,
      allHidden: false,
      allAwaitingPublication: false,
    };
  }
  const staff = isKombitStaff(viewer);
  return {
    publishedVisibilities: ['public', 'members'],
    ownOrganizationId: viewer.organizationId,
    allPublished: staff,
    authorId: viewer.id,
    // KOMBIT's moderators are the editors of KOMBIT's own material, as an org admin is of their municipality's.
    managedOrganizationId: viewer.role === 'org_admin' || staff ? viewer.organizationId : null,
    allHidden: staff,
    allAwaitingPublication: staff,
  };
}

export function isInReadScope(scope: ContentReadScope, item: ContentTarget): boolean {
  if (item.deleted) return false;
  if (item.status === 'published') {
    return (
      scope.allPublished ||
      scope.publishedVisibilities.includes(item.visibility) ||
      (item.visibility === 'organization' && item.organizationId === scope.ownOrganizationId)
    );
  }
  if (scope.authorId !== null && item.authorId === scope.authorId) return true;
  if (scope.managedOrganizationId !== null && item.organizationId === scope.managedOrganizationId) return true;
  return (item.status === 'hidden' && scope.allHidden) || (AWAITING_PUBLICATION.includes(item.status) && scope.allAwaitingPublication);
}

export function canReadContent(viewer: ContentViewer | undefined, item: ContentTarget): boolean {
  return isInReadScope(contentReadScope(viewer), item);
}

/** The author edits their own; the org admin their municipality's; moderators anything. A locked item only moderators. */
export function canEditContent(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  if (!actor || item.deleted) return false;
  if (isKombitStaff(actor)) return true;
  // Webinars are KOMBIT's moderators' (not a KOMBIT org admin's, nor a former moderator's who wrote one).
  if (item.locked || item.kind === 'webinar') return false;
  return item.authorId === actor.id || (actor.role === 'org_admin' && actor.organizationId === item.organizationId);
}

/** Acting on someone else's content is a moderation action: it needs a reason and goes to the audit log. */
export function actsOnOthersContent(actor: ContentViewer, item: { authorId: string | null }): boolean {
  return item.authorId !== actor.id;
}

export function canModerateContent(actor: ContentViewer | undefined): boolean {
  return isKombitStaff(actor);
}

/** Kinds that take replies and votes today; later kinds add themselves here. Replies on a suggestion are comments. */
export const REPLYABLE_KINDS: readonly ContentKind[] = ['question', 'suggestion'];
export const VOTABLE_KINDS: readonly ContentKind[] = ['question', 'guide', 'suggestion'];
/** Kinds with files attached (a webinar's material; a case's documents). */
export const ATTACHABLE_KINDS: readonly ContentKind[] = ['webinar', 'case'];
/** Kinds with a lifecycle status that only moderators move on. */
export const STATUS_KINDS: readonly ContentKind[] = ['suggestion', 'webinar'];

/** Webinars are KOMBIT's (its moderators plan them); every other kind any active member may write. */
export function canCreateKind(actor: ContentViewer | undefined, kind: ContentKind): boolean {
  if (!actor) return false;
  return kind === 'webinar' ? isKombitStaff(actor) : true;
}

/** New → considering → planned → held, or declined; webinars planned → held or cancelled: moderators only. */
export function canChangeStatus(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return (
    isKombitStaff(actor) && !item.deleted && (item.status === 'published' || item.status === 'hidden') && STATUS_KINDS.includes(item.kind)
  );
}

/** Whoever may edit the item may attach files to it, on the kinds that take files. */
export function canAttachTo(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return canEditContent(actor, item) && ATTACHABLE_KINDS.includes(item.kind);
}

/** Signed-in readers sign up for a published webinar while it is planned (the service also checks it is not over). */
export function canRegisterFor(actor: ContentViewer | undefined, item: ContentTarget & { webinarStatus: string | null }): boolean {
  return (
    !!actor && canReadContent(actor, item) && item.status === 'published' && item.kind === 'webinar' && item.webinarStatus === 'planned'
  );
}

/** Registrations (names, e-mails, municipalities), dialogue questions and the origin of anonymous answers: KOMBIT's moderators. */
export function canManageWebinar(actor: ContentViewer | undefined): boolean {
  return isKombitStaff(actor);
}

export function canReplyTo(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return (
    !!actor &&
    canReadContent(actor, item) &&
    item.status === 'published' &&
    REPLYABLE_KINDS.includes(item.kind) &&
    (!item.locked || isKombitStaff(actor))
  );
}

/** One vote per user, not on one's own posts, only on published, unlocked items one can read. */
export function canVoteOnContent(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return (
    !!actor &&
    canReadContent(actor, item) &&
    item.status === 'published' &&
    !item.locked &&
    VOTABLE_KINDS.includes(item.kind) &&
    item.authorId !== actor.id
  );
}

/** The asker (or a moderator) accepts an answer in an open question. */
export function canAcceptReply(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return (
    !!actor &&
    item.kind === 'question' &&
    item.status === 'published' &&
    !item.deleted &&
    (isKombitStaff(actor) || (item.authorId === actor.id && !item.locked))
  );
}

export interface ReplyTarget {
  authorId: string | null;
  organizationId: string;
  hidden: boolean;
  deleted: boolean;
}

/** Within a thread one may read: hidden replies only for their author and moderators. */
export function canReadReply(viewer: ContentViewer | undefined, reply: ReplyTarget): boolean {
  if (reply.deleted) return false;
  return !reply.hidden || (!!viewer && (reply.authorId === viewer.id || isKombitStaff(viewer)));
}

export function canEditReply(actor: ContentViewer | undefined, thread: ContentTarget, reply: ReplyTarget): boolean {
  if (!actor || reply.deleted || thread.deleted) return false;
  if (isKombitStaff(actor)) return true;
  if (thread.locked) return false;
  return reply.authorId === actor.id || (actor.role === 'org_admin' && actor.organizationId === reply.organizationId);
}

/** Whoever may edit a guide or a case confirms it is still right ("Markér som gennemgået"). */
export function canMarkChecked(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return canEditContent(actor, item) && (item.kind === 'guide' || item.kind === 'case') && item.status === 'published';
}

/** Signed-in readers flag published content that is not their own. */
export function canFlagContent(actor: ContentViewer | undefined, item: ContentTarget): boolean {
  return !!actor && !item.deleted && item.status === 'published' && canReadContent(actor, item) && item.authorId !== actor.id;
}

/** …and visible replies in a published thread that are not their own. */
export function canFlagReply(actor: ContentViewer | undefined, thread: ContentTarget, reply: ReplyTarget): boolean {
  return (
    !!actor &&
    canReadContent(actor, thread) &&
    thread.status === 'published' &&
    !reply.deleted &&
    !reply.hidden &&
    reply.authorId !== actor.id
  );
}

export function canVoteOnReply(actor: ContentViewer | undefined, thread: ContentTarget, reply: ReplyTarget): boolean {
  return (
    !!actor &&
    canReadContent(actor, thread) &&
    canReadReply(actor, reply) &&
    thread.status === 'published' &&
    !thread.locked &&
    !reply.hidden &&
    reply.authorId !== actor.id
  );
}

// ---- Publishing workflow (KOMBIT material) ----
// KOMBIT's guides, cases and webinars go draft → in review → published (or scheduled). Whoever is not a moderator
// cannot publish KOMBIT material directly; material for Værktøjskassen needs a second moderator's approval.

export interface PublishingTarget extends ContentTarget {
  /** Written in KOMBIT's organization, of a kind that is material (`PUBLISHING_KINDS`). */
  kombitMaterial: boolean;
  /** Who sent it to review (null when it never was). */
  submittedBy: string | null;
  /** Meant for a section of Værktøjskassen. */
  toolboxMaterial: boolean;
  /** Who changed its text since it was submitted (they approve their own words otherwise). */
  editedSinceSubmission: readonly string[];
}

/** KOMBIT material by someone who is not a moderator goes through review instead of straight out. */
export function mustBeReviewed(actor: ContentViewer | undefined, item: { kombitMaterial: boolean }): boolean {
  return item.kombitMaterial && !isKombitStaff(actor);
}

/** "Send til godkendelse": a KOMBIT draft, by whoever may edit it. */
export function canSubmitForReview(actor: ContentViewer | undefined, item: PublishingTarget): boolean {
  return canEditContent(actor, item) && item.status === 'draft' && item.kombitMaterial;
}

/** Its author or submitter takes it back to draft (a moderator who did neither returns it, with a reason). */
export function canWithdrawFromReview(actor: ContentViewer | undefined, item: PublishingTarget): boolean {
  return (
    !!actor && item.status === 'in_review' && canEditContent(actor, item) && (item.authorId === actor.id || item.submittedBy === actor.id)
  );
}

export function canReturnFromReview(actor: ContentViewer | undefined, item: PublishingTarget): boolean {
  return isKombitStaff(actor) && !item.deleted && item.status === 'in_review';
}

/** A moderator approves; toolbox material only one who neither wrote, submitted nor changed it since (four eyes). */
export function canApprovePublication(actor: ContentViewer | undefined, item: PublishingTarget): boolean {
  return (
    !!actor &&
    isKombitStaff(actor) &&
    !item.deleted &&
    item.status === 'in_review' &&
    (!item.toolboxMaterial ||
      (actor.id !== item.authorId && actor.id !== item.submittedBy && !item.editedSinceSubmission.includes(actor.id)))
  );
}

/**
 * As a contributor in a newsroom CMS: who must have material reviewed cannot change it once it is approved (scheduled)
 * or out (published); a moderator can, or they take a scheduled item back to draft and submit it again.
 */
export function canEditMaterial(actor: ContentViewer | undefined, item: ContentTarget & { kombitMaterial: boolean }): boolean {
  return canEditContent(actor, item) && !(mustBeReviewed(actor, item) && (item.status === 'published' || item.status === 'scheduled'));
}

/** Whoever may publish a draft directly may also have it published later. */
export function canSchedulePublication(actor: ContentViewer | undefined, item: PublishingTarget): boolean {
  return canEditContent(actor, item) && item.status === 'draft' && !mustBeReviewed(actor, item);
}

export function canUnschedulePublication(actor: ContentViewer | undefined, item: PublishingTarget): boolean {
  return canEditContent(actor, item) && item.status === 'scheduled';
}

/** A moderator places content in Værktøjskassen, but not their own: that takes a second moderator (proposal or review). */
export function canPlaceInToolbox(actor: ContentViewer | undefined, item: { authorId: string | null }): boolean {
  return !!actor && isKombitStaff(actor) && item.authorId !== actor.id;
}
