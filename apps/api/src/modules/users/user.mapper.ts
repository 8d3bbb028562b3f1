import {
  maskIdNumber,
  maskPhone,
  PRIVACY_POLICY_VERSION,
  type MeView,
  type ReviewedProfileField,
  type Role,
} from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import { toOrgSummary } from '../orgs/org.mapper';
import type { User } from './entities/user.entity';
import type { UserRole } from './entities/user-role.entity';

/**
 * The only way a user leaves the API: personal data decrypted just long enough to be masked. New
 * columns stay private until someone adds them here on purpose.
 */
export interface MeExtras {
  avatarUrl: string | null;
  underReview: ReviewedProfileField[];
}

export function toMeView(user: User, grants: UserRole[], cipher: PiiCipher, extras: MeExtras): MeView {
  const roles = new Set<Role>(['worker', ...grants.map((g) => g.role)]);
  return {
    id: user.id,
    nickname: user.nickname,
    avatarUrl: extras.avatarUrl,
    underReview: extras.underReview,
    realName: user.realName,
    phone: user.phoneCipher ? maskPhone(cipher.decrypt(user.phoneCipher)) : null,
    idNumber: user.idNumberCipher ? maskIdNumber(cipher.decrypt(user.idNumberCipher)) : null,
    org: user.org ? toOrgSummary(user.org) : null,
    requestedOrg: user.requestedOrg ? toOrgSummary(user.requestedOrg) : null,
    category: user.category,
    gigVerified: user.gigVerified,
    tags: user.tags,
    roles: [...roles],
    membership: user.membership,
    memberNo: user.memberNo,
    consentVersion: user.consentVersion,
    consentAt: user.consentAt?.toISOString() ?? null,
    consentRequired: user.consentVersion !== PRIVACY_POLICY_VERSION,
    careMode: user.careMode,
  };
}
