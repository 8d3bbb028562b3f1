import {
  maskPhone,
  type ApplicationView,
  type MemberCardView,
  type ReviewApplicationView,
} from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import { toOrgSummary } from '../orgs/org.mapper';
import type { User } from '../users/entities/user.entity';
import type { MembershipApplication } from './entities/membership-application.entity';

export function toApplicationView(
  application: MembershipApplication,
  cipher: PiiCipher,
  proofPhotoUrl: string | null,
): ApplicationView {
  return {
    id: application.id,
    status: application.status,
    realName: application.realName,
    // Empty once the applicant deleted the account (the erasure keeps the row, not the number).
    phone: application.phoneCipher ? maskPhone(cipher.decrypt(application.phoneCipher))! : '',
    org: application.org ? toOrgSummary(application.org) : null,
    orgNotListed: application.orgNotListed,
    category: application.category,
    platform: application.platform,
    proofPhotoUrl,
    rejectReason: application.rejectReason,
    memberNo: application.memberNo,
    submittedAt: application.createdAt.toISOString(),
    decidedAt: application.decidedAt?.toISOString() ?? null,
  };
}

export function toReviewView(
  application: MembershipApplication,
  cipher: PiiCipher,
  proofPhotoUrl: string | null,
  deciderName: string | null,
): ReviewApplicationView {
  return {
    ...toApplicationView(application, cipher, proofPhotoUrl),
    applicantId: application.userId,
    decidedBy: deciderName,
  };
}

export function toMemberCard(user: User): MemberCardView | null {
  if (user.membership !== 'member' || !user.memberNo || !user.memberSince) return null;
  return {
    realName: user.realName ?? '',
    org: user.org ? toOrgSummary(user.org) : null,
    memberNo: user.memberNo,
    category: user.category,
    gigVerified: user.gigVerified,
    joinedAt: user.memberSince.toISOString(),
  };
}
