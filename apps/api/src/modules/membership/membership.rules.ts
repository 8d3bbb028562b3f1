import { formatShanghai, isGigCategory } from '@jingcai/shared';
import { AppException } from '../../common/errors/app-exception';
import type { User } from '../users/entities/user.entity';
import type { SubmitApplicationDto } from './dto/membership.dto';
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
    | 'gigVerified'
    | 'phoneCipher'
    | 'phoneHash'
  >
>;

/**
 * What an approved application writes on the worker: membership, the applied name, category and org,
 * gig verification when proof was seen, and the applied phone unless the worker bound one already.
 */
export function enrolment(
  application: Pick<
    MembershipApplication,
    'realName' | 'category' | 'orgId' | 'proofUploadId' | 'phoneCipher' | 'phoneHash'
  >,
  applicant: Pick<User, 'phoneCipher'>,
  memberNo: string,
  at: Date,
): Enrolment {
  return {
    membership: 'member',
    memberNo,
    memberSince: at,
    realName: application.realName,
    category: application.category,
    ...(application.orgId ? { orgId: application.orgId } : {}),
    // Verification of the gig category rides on this review: proof was seen and accepted.
    ...(application.proofUploadId && isGigCategory(application.category) ? { gigVerified: true } : {}),
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
