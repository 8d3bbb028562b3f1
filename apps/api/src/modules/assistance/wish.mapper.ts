import {
  maskName,
  wallStatusOf,
  type HandOverView,
  type OrgSummary,
  type PhotoView,
  type StaffWishView,
  type WishOwnPart,
  type WishStatus,
  type WishView,
  type WishWallItem,
} from '@jingcai/shared';
import type { Wish } from './entities/wish.entity';

/** An enterprise donor is named (what companies sign up for); a worker donor stays anonymous. */
export function donorLabelOf(wish: Wish): string | null {
  if (wish.donorUserId === null) return null;
  return wish.donorEnterprise ?? '爱心职工';
}

/**
 * The wall identifies nobody: the surname only, the street-level union, and the words staff published.
 * Never the name, phone, address, the org below the street, the donor's person, or the photo.
 */
export function toWallItem(wish: Wish, realName: string | null, streetName: string): WishWallItem {
  return {
    id: wish.id,
    title: wish.publicTitle ?? wish.title,
    story: wish.publicStory ?? wish.story,
    amountYuan: wish.amountYuan,
    status: wallStatusOf(wish.status) ?? 'open',
    maskedName: maskName(realName)?.slice(0, 2) ?? '职*',
    streetName,
    donorLabel: donorLabelOf(wish),
    publishedAt: (wish.publishedAt ?? wish.createdAt).toISOString(),
  };
}

function handOverOf(wish: Wish): HandOverView | null {
  if (wish.donorUserId === null || !wish.handOverKind || !wish.handOverPlace) return null;
  return { kind: wish.handOverKind, place: wish.handOverPlace };
}

/** For the family (owner) or the donor: where to hand over or collect, never the family's address. */
export function toWishView(wish: Wish, myRole: 'owner' | 'donor', streetName: string): WishView {
  const published = wish.publishedAt !== null;
  return {
    id: wish.id,
    myRole,
    title: published ? (wish.publicTitle ?? wish.title) : wish.title,
    story: published ? (wish.publicStory ?? wish.story) : wish.story,
    amountYuan: wish.amountYuan,
    status: wish.status,
    rejectReason: wish.rejectReason,
    streetName,
    donorLabel: donorLabelOf(wish),
    handOver: handOverOf(wish),
    claimedAt: wish.claimedAt?.toISOString() ?? null,
    handedOverAt: wish.handedOverAt?.toISOString() ?? null,
    fulfilledAt: wish.fulfilledAt?.toISOString() ?? null,
    createdAt: wish.createdAt.toISOString(),
  };
}

/**
 * The statuses each staff step moves a wish from: the routes' conditional UPDATEs (409 from any other)
 * and the staff view's flags read the same lists.
 */
export const STEP_FROM: Readonly<Record<'vet' | 'handOver' | 'confirm', readonly WishStatus[]>> = {
  vet: ['pending_review'],
  handOver: ['claimed'],
  confirm: ['claimed', 'handed_over'],
};

/** Who may not vet a wish (publish or reject it; 403 `OWN_RECORD`): the family it is for and whoever wrote it. */
export function vetBarredIds(wish: Wish): number[] {
  return [wish.beneficiaryId, wish.authorId];
}

/**
 * Who may not confirm a wish (已圆梦; 403 `OWN_RECORD`): the family and the donor, who for an enterprise is
 * the staff member who recorded it.
 */
export function confirmBarredIds(wish: Wish): number[] {
  return [wish.beneficiaryId, ...(wish.donorUserId === null ? [] : [wish.donorUserId])];
}

/**
 * Who marks a wish handed over (403 for anyone else): its donor, a worker for themselves or the staff member
 * who recorded an enterprise donor.
 */
export function handOverMarkerId(wish: Wish): number | null {
  return wish.donorUserId;
}

/** Staff in scope may vet it now: it awaits review and it is not their own (`WishReviewService` checks the same). */
export function mayVet(wish: Wish, viewerId: number): boolean {
  return STEP_FROM.vet.includes(wish.status) && !vetBarredIds(wish).includes(viewerId);
}

/** The viewer may mark it handed over now: claimed, and theirs to mark (`WishesService` checks the same). */
export function mayMarkHandedOver(wish: Wish, viewerId: number): boolean {
  return STEP_FROM.handOver.includes(wish.status) && handOverMarkerId(wish) === viewerId;
}

/**
 * Staff in scope may confirm it now: it is claimed or handed over, and neither theirs nor their donation
 * (`WishReviewService` checks the same).
 */
export function mayConfirm(wish: Wish, viewerId: number): boolean {
  return STEP_FROM.confirm.includes(wish.status) && !confirmBarredIds(wish).includes(viewerId);
}

/**
 * The viewer's own part in a wish that bars them from the staff step it awaits, vetting or confirming (the
 * family's own first); null when nothing bars them or no step awaits staff.
 */
export function ownPartIn(wish: Wish, viewerId: number): WishOwnPart | null {
  const partIn = (barred: number[], other: WishOwnPart): WishOwnPart | null => {
    if (!barred.includes(viewerId)) return null;
    return wish.beneficiaryId === viewerId ? 'beneficiary' : other;
  };
  if (STEP_FROM.vet.includes(wish.status)) return partIn(vetBarredIds(wish), 'author');
  if (STEP_FROM.confirm.includes(wish.status)) return partIn(confirmBarredIds(wish), 'donor');
  return null;
}

/** A wish for staff in scope, as `viewerId` may act on it. */
export function toStaffWishView(
  wish: Wish,
  viewerId: number,
  streetName: string,
  people: { beneficiary: string; author: string; donor: string | null },
  org: OrgSummary,
  confirmPhoto: PhotoView | null,
): StaffWishView {
  const { myRole: _role, ...base } = toWishView(wish, 'owner', streetName);
  void _role;
  return {
    ...base,
    title: wish.publicTitle ?? wish.title,
    story: wish.publicStory ?? wish.story,
    originalTitle: wish.title,
    originalStory: wish.story,
    beneficiary: { id: wish.beneficiaryId, name: people.beneficiary, org },
    authorName: people.author,
    donor:
      wish.donorUserId === null
        ? null
        : wish.donorEnterprise
          ? { kind: 'enterprise', name: wish.donorEnterprise, recordedByName: people.donor }
          : { kind: 'worker', name: people.donor ?? '', recordedByName: null },
    confirmPhoto,
    mayVet: mayVet(wish, viewerId),
    mayMarkHandedOver: mayMarkHandedOver(wish, viewerId),
    mayConfirm: mayConfirm(wish, viewerId),
    ownPart: ownPartIn(wish, viewerId),
  };
}
