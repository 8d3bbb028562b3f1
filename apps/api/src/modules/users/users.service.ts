import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  isValidIdNumber,
  PRIVACY_POLICY_VERSION,
  type MeView,
  type ReviewedProfileField,
  type RoleGrantView,
} from '@jingcai/shared';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { RoleGrant } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import type { ModerationItem } from '../content-safety/entities/moderation-item.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { Org } from '../orgs/entities/org.entity';
import { UploadsService } from '../uploads/uploads.service';
import { WechatClient } from '../wechat/wechat.client';
import type { GrantRoleDto } from './dto/admin-user.dto';
import type { UpdateMeDto } from './dto/me.dto';
import { PrivacyConsent } from './entities/privacy-consent.entity';
import { UserRole } from './entities/user-role.entity';
import { User } from './entities/user.entity';
import { toMeView } from './user.mapper';

/** Moderation subjects of the public profile; the subject id is the user id. */
const NICKNAME_SUBJECT = 'user_nickname';
const AVATAR_SUBJECT = 'user_avatar';
const PROFILE_FIELD_OF: Record<string, ReviewedProfileField> = {
  [NICKNAME_SUBJECT]: 'nickname',
  [AVATAR_SUBJECT]: 'avatar',
};

@Injectable()
export class UsersService implements OnModuleInit {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserRole) private readonly roles: Repository<UserRole>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly wechat: WechatClient,
    private readonly contentSafety: ContentSafetyService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A reviewed nickname or avatar is published on approval; on rejection the worker is told why. */
  onModuleInit(): void {
    const rejected = async (item: ModerationItem) =>
      this.notifications.notify(item.authorId, {
        kind: 'content_rejected',
        title: item.kind === 'image' ? '头像未通过审核' : '昵称未通过审核',
        body: '你提交的内容未通过审核，请修改后重新提交。',
        page: 'pages/profile/index',
      });
    this.contentSafety.registerHandler(NICKNAME_SUBJECT, {
      onApproved: async (item) =>
        void (await this.users.update(Number(item.subjectId), { nickname: item.content })),
      onRejected: rejected,
    });
    this.contentSafety.registerHandler(AVATAR_SUBJECT, {
      onApproved: async (item) =>
        void (await this.users.update(Number(item.subjectId), { avatarUploadId: item.content })),
      onRejected: rejected,
    });
  }

  /** Finds the user behind an openid, creating them on first login. Safe when two logins race. */
  async upsertByOpenid(openid: string, unionid?: string): Promise<User> {
    const existing = await this.users.findOneBy({ openid });
    if (existing) {
      if (unionid && existing.unionid !== unionid) await this.users.update(existing.id, { unionid });
      return { ...existing, unionid: unionid ?? existing.unionid };
    }
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ openid, unionid: unionid ?? null })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return this.users.findOneByOrFail({ openid });
  }

  async grantsOf(userId: number): Promise<RoleGrant[]> {
    const rows = await this.roles.find({ where: { userId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ role: r.role, orgId: r.orgId }));
  }

  async me(userId: number): Promise<MeView> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { org: true } });
    if (!user) throw new AppException('UNAUTHENTICATED');
    return this.view(user);
  }

  async consent(userId: number, version: string): Promise<MeView> {
    if (version !== PRIVACY_POLICY_VERSION) {
      throw new AppException('VALIDATION_FAILED', '隐私政策已更新，请刷新后重新阅读');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PrivacyConsent, { userId, version });
      await manager.update(User, userId, { consentVersion: version, consentAt: new Date() });
    });
    return this.me(userId);
  }

  async updateMe(userId: number, dto: UpdateMeDto): Promise<MeView> {
    await this.assertConsented(userId);
    if (dto.orgId != null && !(await this.orgs.existsBy({ id: dto.orgId }))) {
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
    const author = await this.users.findOneByOrFail({ id: userId });
    const nicknameVerdict =
      dto.nickname === undefined ? null : await this.contentSafety.screenText(author, dto.nickname, 1);
    if (dto.avatarId !== undefined)
      await this.uploads.requireOwned(userId, dto.avatarId, 'avatar', 'avatarId');

    const changes: Partial<User> = {};
    if (dto.realName !== undefined) changes.realName = dto.realName;
    if (nicknameVerdict?.publish) changes.nickname = dto.nickname;
    if (dto.orgId !== undefined) changes.orgId = dto.orgId;
    if (dto.category !== undefined) changes.category = dto.category;
    if (dto.idNumber !== undefined) {
      changes.idNumberCipher = this.cipher.encrypt(dto.idNumber);
      changes.idNumberHash = this.cipher.lookupHash(dto.idNumber);
    }
    if (Object.keys(changes).length > 0) {
      try {
        await this.users.update(userId, changes);
      } catch (error) {
        if (changes.idNumberHash && isUniqueViolation(error))
          throw new AppException('ID_NUMBER_TAKEN', '该身份证号码已被其他账号使用');
        throw error;
      }
    }
    if (nicknameVerdict && !nicknameVerdict.publish) {
      await this.contentSafety.queueText(
        author,
        { type: NICKNAME_SUBJECT, id: String(userId) },
        dto.nickname!,
        nicknameVerdict.reason,
      );
    }
    if (dto.avatarId !== undefined) {
      await this.contentSafety.screenImage(
        author,
        { type: AVATAR_SUBJECT, id: String(userId) },
        dto.avatarId,
        1,
      );
    }
    return this.me(userId);
  }

  async bindPhone(userId: number, code: string): Promise<MeView> {
    await this.assertConsented(userId);
    const phone = await this.wechat.phoneNumber(code);
    await this.users.update(userId, {
      phoneCipher: this.cipher.encrypt(phone),
      phoneHash: this.cipher.lookupHash(phone),
    });
    return this.me(userId);
  }

  /** Staff look-up by full phone number: matched on the keyed hash, never by decrypting every row. */
  async findByPhone(phone: string): Promise<MeView[]> {
    const users = await this.users.find({
      where: { phoneHash: this.cipher.lookupHash(phone) },
      relations: { org: true },
    });
    return Promise.all(users.map((u) => this.view(u)));
  }

  async grantRole(userId: number, dto: GrantRoleDto): Promise<RoleGrantView[]> {
    if (!(await this.users.existsBy({ id: userId }))) throw AppException.notFound('用户不存在');
    const orgId = dto.role === 'staff' ? dto.orgId : undefined;
    if (dto.role === 'staff' && !orgId) {
      throw new AppException('VALIDATION_FAILED', '工作人员必须指定所管理的组织', [
        { field: 'orgId', message: '必填' },
      ]);
    }
    if (orgId && !(await this.orgs.existsBy({ id: orgId }))) throw AppException.notFound('组织不存在');
    const already = await this.roles.existsBy({ userId, role: dto.role, orgId: orgId ?? IsNull() });
    if (!already) await this.roles.insert({ userId, role: dto.role, orgId: orgId ?? null });
    return this.grantsOf(userId);
  }

  async revokeRole(userId: number, dto: GrantRoleDto): Promise<RoleGrantView[]> {
    await this.roles.delete({ userId, role: dto.role, orgId: dto.orgId ?? IsNull() });
    return this.grantsOf(userId);
  }

  private async view(user: User): Promise<MeView> {
    const pending = await this.contentSafety.pendingFor([NICKNAME_SUBJECT, AVATAR_SUBJECT], String(user.id));
    return toMeView(user, await this.roles.findBy({ userId: user.id }), this.cipher, {
      avatarUrl: user.avatarUploadId ? this.uploads.signedUrl(user.avatarUploadId) : null,
      underReview: pending.map((type) => PROFILE_FIELD_OF[type]),
    });
  }

  private async assertConsented(userId: number): Promise<void> {
    const user = await this.users.findOne({
      select: { id: true, consentVersion: true },
      where: { id: userId },
    });
    if (user?.consentVersion !== PRIVACY_POLICY_VERSION) {
      throw new AppException('CONSENT_REQUIRED');
    }
  }
}
