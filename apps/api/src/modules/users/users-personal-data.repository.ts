import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELETED_ACCOUNT_NAME, maskIdNumber, maskPhone, type PersonalDataSectionView } from '@jingcai/shared';
import { DataSource, IsNull } from 'typeorm';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { PrivacyConsent } from './entities/privacy-consent.entity';
import { UserRole } from './entities/user-role.entity';
import { User } from './entities/user.entity';

/**
 * The users feature's part of a worker's data rights: the profile and consent history in the copy, the
 * identity anonymised on deletion, and consent withdrawn. Phone and ID numbers appear masked in the copy,
 * as in every response (SPEC: masked in every response); they are the numbers the worker gave us.
 */
@Injectable()
export class UsersPersonalDataRepository implements PersonalDataPart {
  // No eraseOf: the identity was anonymised with the deletion request itself (`anonymise`).
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, relations: { org: true, requestedOrg: true } });
    const consents = await this.dataSource
      .getRepository(PrivacyConsent)
      .find({ where: { userId }, order: { id: 'ASC' } });
    const roles = await this.dataSource.getRepository(UserRole).find({ where: { userId }, order: { id: 'ASC' } });
    if (!user) return [];
    const reveal = (cipher: string | null) => (cipher ? this.cipher.decrypt(cipher) : null);
    return [
      {
        key: 'profile',
        title: '个人资料',
        rows: [
          {
            id: user.id,
            realName: user.realName,
            nickname: user.nickname,
            phone: maskPhone(reveal(user.phoneCipher)),
            idNumber: maskIdNumber(reveal(user.idNumberCipher)),
            org: user.org?.name ?? null,
            requestedOrg: user.requestedOrg?.name ?? null,
            category: user.category,
            categoryVerified: user.categoryVerified,
            gigVerified: user.gigVerified,
            tags: user.tags.join(','),
            membership: user.membership,
            memberNo: user.memberNo,
            memberSince: iso(user.memberSince),
            wechatLinked: true,
            consentVersion: user.consentVersion,
            consentAt: iso(user.consentAt),
            createdAt: iso(user.createdAt),
          },
        ],
      },
      {
        key: 'consents',
        title: '隐私政策同意记录',
        rows: consents.map((c) => ({ version: c.version, withdrawn: c.withdrawn, at: iso(c.createdAt) })),
      },
      {
        key: 'roles',
        title: '角色',
        rows: roles.map((r) => ({ role: r.role, orgId: r.orgId, grantedAt: iso(r.createdAt) })),
      },
    ];
  }

  /**
   * The identity goes at once, in one transaction: the name becomes 已注销用户, and phone, ID number, member
   * number, openid and unionid are cleared (the openid becomes a placeholder, unique and matching no WeChat account), so
   * the same phone and WeChat can register again. Roles go too. The row stays: claims, attempts and
   * statistics point at it and now point at nobody.
   */
  async anonymise(userId: number, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        User,
        { id: userId, deletedAt: IsNull() },
        {
          openid: `deleted-${userId}`,
          unionid: null,
          // Both names, so lists that show nicknames (rankings, the feed) read 已注销用户 too.
          nickname: DELETED_ACCOUNT_NAME,
          realName: DELETED_ACCOUNT_NAME,
          phoneCipher: null,
          phoneHash: null,
          wechatPhoneHash: null,
          idNumberCipher: null,
          idNumberHash: null,
          requestedOrgId: null,
          orgRequestedAt: null,
          avatarUploadId: null,
          tags: [],
          // The member number links to the union's paper register: an identifier. The status stays for counts.
          memberNo: null,
          consentVersion: null,
          consentAt: null,
          deletedAt: at,
        },
      );
      if (!result.affected) return false;
      await manager.delete(UserRole, { userId });
      return true;
    });
  }

  /** Withdraws consent: the user's current version is cleared and the withdrawal joins the history. */
  async withdrawConsent(userId: number, version: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PrivacyConsent, { userId, version, withdrawn: true });
      await manager.update(User, userId, { consentVersion: null, consentAt: null });
    });
  }

  /** True once the account was deleted (or never existed). */
  async isGone(userId: number): Promise<boolean> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ select: { id: true, deletedAt: true }, where: { id: userId } });
    return !user || user.deletedAt !== null;
  }
}
