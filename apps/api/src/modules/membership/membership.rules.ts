import { formatShanghai, isGigCategory } from '@jingcai/shared';
import { AppException } from '../../common/errors/app-exception';
import type { User } from '../users/entities/user.entity';
import { type SubmitApplicationDto } from './dto/submit-application.dto';
import type { MembershipApplication } from './entities/membership-application.entity';

/** `JK` + year + the application id: unique by construction (ids are), readable on a card. */
export function memberNumber(application: Pick<MembershipApplication, 'id' | 'createdAt'>): string {
  return `JK${application.createdAt.getUTCFullYear()}${String(application.id).padStart(6, '0')}`;
}

/** Gig workers must name their platform and show proof; everyone names an org or describes it. */
export function assertComplete(
  dto: Pick<SubmitApplicationDto, 'orgId' | 'orgNotListed' | 'category' | 'platform' | 'proofPhotoId'>,
): void {
  if (!dto.orgId && !dto.orgNotListed) throw AppException.invalid('orgId', '请选择所在工会，或填写单位名称');
  if (isGigCategory(dto.category)) {
    if (!dto.platform) throw AppException.invalid('platform', '请填写所在平台');
    if (!dto.proofPhotoId) throw AppException.invalid('proofPhotoId', '请上传从业证明照片');
  }
}

export type Enrolment = Partial<
  Pick<
    User,
    | 'membership'
    | 'memberNo'
    | 'memberSince'
    | 'realName'
    | 'category'
    | 'orgId'
    | 'categoryVerified'
    | 'gigVerified'
    | 'requestedOrgId'
    | 'orgRequestedAt'
    | 'phoneCipher'
    | 'phoneHash'
  >
>;

/**
 * What an approved application writes on the worker: membership, the applied name, the category (now
 * reviewed) and org (now verified; a pending request for that same org is thereby decided), gig
 * verification exactly when proof of this category was seen, and the applied phone unless the worker
 * bound one already.
 */
export function enrolment(
  application: Pick<
    MembershipApplication,
    'realName' | 'category' | 'orgId' | 'proofUploadId' | 'phoneCipher' | 'phoneHash'
  >,
  applicant: Pick<User, 'phoneCipher' | 'requestedOrgId'>,
  memberNo: string,
  at: Date,
): Enrolment {
  return {
    membership: 'member',
    memberNo,
    memberSince: at,
    realName: application.realName,
    category: application.category,
    categoryVerified: true,
    ...(application.orgId ? { orgId: application.orgId } : {}),
    ...(application.orgId && application.orgId === applicant.requestedOrgId
      ? { requestedOrgId: null, orgRequestedAt: null }
      : {}),
    // Verification of the gig category rides on this review: proof of this category was seen and accepted.
    gigVerified: !!application.proofUploadId && isGigCategory(application.category),
    ...(applicant.phoneCipher ? {} : { phoneCipher: application.phoneCipher, phoneHash: application.phoneHash }),
  };
}

/**
 * Fields of the "审核结果通知" subscribe template as configured in the mini-program's console:
 * thing1 item, phrase2 result, thing3 remark (≤ 20 chars), time4 time.
 */
export function reviewedTemplateData(result: string, remark: string, at: Date): Record<string, string> {
  return {
    thing1: '工会入会申请',
    phrase2: result,
    thing3: remark.slice(0, 20),
    time4: formatShanghai(at, 'dateTime'),
  };
}
