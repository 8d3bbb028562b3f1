import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  isValidIdNumber,
  MINIAPP_PAGES,
  PRIVACY_POLICY_VERSION,
  wechatPage,
  type MeView,
  type ReviewedProfileField,
  type RoleGrantView,
} from '@jingcai/shared';
import type { AuthUser, RoleGrant } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import type { ModerationItem } from '../content-safety/entities/moderation-item.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UploadsService } from '../uploads/uploads.service';
import { WechatClient } from '../wechat/wechat.client';
import { type GrantRoleDto } from './dto/grant-role.dto';
import { type UpdateMeDto } from './dto/update-me.dto';
import type { User } from './entities/user.entity';
import { toMeView } from './user.mapper';
import { UserRolesRepository } from './user-roles.repository';
import { UsersRepository, type ProfileChanges } from './users.repository';
import { categoryChanges, grantOrg, orgRequestChanges } from './users.rules';

/** Moderation subjects of the public profile; the subject id is the user id. */
export const NICKNAME_SUBJECT = 'user_nickname';
const AVATAR_SUBJECT = 'user_avatar';
const PROFILE_FIELD_OF: Record<string, ReviewedProfileField> = {
  [NICKNAME_SUBJECT]: 'nickname',
  [AVATAR_SUBJECT]: 'avatar',
};

@Injectable()
export class UsersService implements OnModuleInit {
  constructor(
    private readonly users: UsersRepository,
    private readonly roles: UserRolesRepository,
    private readonly orgs: OrgsRepository,
    private readonly clock: Clock,
    private readonly cipher: PiiCipher,
    private readonly wechat: WechatClient,
    private readonly contentSafety: ContentSafetyService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A reviewed nickname or avatar is published on approval; on rejection the worker is told why.
   * Notifications reach a worker's WeChat through the openid kept here.
   */
  onModuleInit(): void {
    this.notifications.useOpenids((userId) => this.users.openidOf(userId));
    const rejected = async (item: ModerationItem) =>
      this.notifications.notify(item.authorId, {
        kind: 'content_rejected',
        title: item.kind === 'image' ? '头像未通过审核' : '昵称未通过审核',
        body: '你提交的内容未通过审核，请修改后重新提交。',
        page: wechatPage(MINIAPP_PAGES.profile),
      });
    this.contentSafety.registerHandler(NICKNAME_SUBJECT, {
      onApproved: async (item) =>
        this.users.updateProfile(Number(item.subjectId), { nickname: item.content }),
      onRejected: rejected,
    });
    this.contentSafety.registerHandler(AVATAR_SUBJECT, {
      onApproved: async (item) =>
        this.users.updateProfile(Number(item.subjectId), { avatarUploadId: item.content }),
      onRejected: rejected,
    });
  }

  /** Finds the user behind an openid, creating them on first login. Safe when two logins race. */
  upsertByOpenid(openid: string, unionid?: string): Promise<User> {
    return this.users.findOrCreateByOpenid(openid, unionid);
  }

  async grantsOf(userId: number): Promise<RoleGrant[]> {
    const rows = await this.roles.grantsOf(userId);
    return rows.map((r) => ({ role: r.role, orgId: r.orgId }));
  }

  async me(userId: number): Promise<MeView> {
    const user = await this.users.withOrg(userId);
    if (!user) throw new AppException('UNAUTHENTICATED');
    if (user.deletedAt) throw new AppException('ACCOUNT_DELETED');
    return this.view(user);
  }

  async consent(userId: number, version: string): Promise<MeView> {
    if (version !== PRIVACY_POLICY_VERSION) {
      throw new AppException('VALIDATION_FAILED', '隐私政策已更新，请刷新后重新阅读');
    }
    await this.users.recordConsent(userId, version, this.clock.now());
    return this.me(userId);
  }

  async updateMe(userId: number, dto: UpdateMeDto): Promise<MeView> {
    await this.assertConsented(userId);
    if (dto.orgId != null && !(await this.orgs.exists(dto.orgId))) {
      throw new AppException('VALIDATION_FAILED', '所选组织不存在', [
        { field: 'orgId', message: '组织不存在' },
      ]);
    }
    if (dto.idNumber !== undefined && !isValidIdNumber(dto.idNumber)) {
      throw new AppException('VALIDATION_FAILED', '身份证号码不正确', [
        { field: 'idNumber', message: '身份证号码不正确' },
      ]);
    }
    // Screened before anything is written, so risky text refuses the whole update and changes nothing.
    const author = (await this.users.byId(userId))!;
    const nicknameVerdict =
      dto.nickname === undefined
        ? null
        : await this.contentSafety.screenText(author, { nickname: dto.nickname }, 'profile');
    if (dto.avatarId !== undefined)
      await this.uploads.requireOwned(userId, dto.avatarId, 'avatar', 'avatarId');

    const changes: ProfileChanges = {
      ...orgRequestChanges(author, dto.orgId, this.clock.now()),
      ...categoryChanges(author, dto.category),
    };
    if (dto.realName !== undefined) changes.realName = dto.realName;
    if (nicknameVerdict?.publish) changes.nickname = dto.nickname;
    if (dto.careMode !== undefined) changes.careMode = dto.careMode;
    if (dto.idNumber !== undefined) {
      changes.idNumberCipher = this.cipher.encrypt(dto.idNumber);
      changes.idNumberHash = this.cipher.lookupHash(dto.idNumber);
    }
    if (Object.keys(changes).length > 0) {
      try {
        await this.users.updateProfile(userId, changes);
      } catch (error) {
        if (changes.idNumberHash && isUniqueViolation(error))
          throw new AppException('ID_NUMBER_TAKEN', '该身份证号码已被其他账号使用');
        throw error;
      }
    }
    if (nicknameVerdict) {
      const subject = { type: NICKNAME_SUBJECT, id: String(userId) };
      await this.contentSafety.holdText(author, subject, { nickname: dto.nickname }, nicknameVerdict);
    }
    if (dto.avatarId !== undefined) {
      const subject = { type: AVATAR_SUBJECT, id: String(userId) };
      await this.contentSafety.checkPhotos(author, [dto.avatarId], 'profile', subject);
    }
    return this.me(userId);
  }

  async bindPhone(userId: number, code: string): Promise<MeView> {
    await this.assertConsented(userId);
    const phone = await this.wechat.phoneNumber(code);
    const phoneHash = this.cipher.lookupHash(phone);
    try {
      await this.users.updateProfile(userId, {
        phoneCipher: this.cipher.encrypt(phone),
        phoneHash,
        wechatPhoneHash: phoneHash,
      });
    } catch (error) {
      // The unique index on the verified phone decides, so two accounts binding at once cannot both win.
      if (isUniqueViolation(error)) throw new AppException('PHONE_TAKEN');
      throw error;
    }
    return this.me(userId);
  }

  /** Staff look-up by full phone number: matched on the keyed hash, never by decrypting every row. */
  async findByPhone(phone: string): Promise<MeView[]> {
    const users = await this.users.withOrgByPhoneHash(this.cipher.lookupHash(phone));
    return Promise.all(users.map((u) => this.view(u)));
  }

  /** An admin's grant (`POST /api/admin/users/:id/roles`): to others, never to themselves. */
  async grantRoleAs(admin: AuthUser, userId: number, dto: GrantRoleDto): Promise<RoleGrantView[]> {
    if (userId === admin.id) throw new AppException('OWN_RECORD', '不能给自己授予角色');
    return this.grantRole(userId, dto);
  }

  /** Grants a role; the operator's `grant-admin` command calls this directly. */
  async grantRole(userId: number, dto: GrantRoleDto): Promise<RoleGrantView[]> {
    if (!(await this.users.exists(userId))) throw AppException.notFound('用户不存在');
    const orgId = grantOrg(dto);
    if (orgId && !(await this.orgs.exists(orgId))) throw AppException.notFound('组织不存在');
    await this.roles.grant(userId, dto.role, orgId);
    return this.grantsOf(userId);
  }

  /**
   * Revokes exactly the grant named (a staff grant by its org, which is required as for granting); 404 when
   * the user does not hold it, and never the last admin grant, whoever asks.
   */
  async revokeRole(userId: number, dto: GrantRoleDto): Promise<RoleGrantView[]> {
    if (!(await this.users.exists(userId))) throw AppException.notFound('用户不存在');
    const orgId = grantOrg(dto);
    if (dto.role === 'admin') {
      const outcome = await this.roles.revokeAdmin(userId);
      if (outcome === 'last_admin') throw new AppException('LAST_ADMIN');
      if (outcome === 'not_held') throw AppException.notFound('该用户没有这个角色');
    } else if (!(await this.roles.revoke(userId, dto.role, orgId))) {
      throw AppException.notFound('该用户没有这个角色');
    }
    return this.grantsOf(userId);
  }

  private async view(user: User): Promise<MeView> {
    const pending = await this.contentSafety.pendingFor([NICKNAME_SUBJECT, AVATAR_SUBJECT], String(user.id));
    return toMeView(user, await this.roles.grantsOf(user.id), this.cipher, {
      avatarUrl: user.avatarUploadId ? this.uploads.signedUrl(user.avatarUploadId) : null,
      underReview: pending.map((type) => PROFILE_FIELD_OF[type]),
    });
  }

  private async assertConsented(userId: number): Promise<void> {
    if ((await this.users.consentVersionOf(userId)) !== PRIVACY_POLICY_VERSION) {
      throw new AppException('CONSENT_REQUIRED');
    }
  }
}
