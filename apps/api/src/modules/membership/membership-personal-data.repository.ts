import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELETED_ACCOUNT_NAME, maskPhone, type PersonalDataSectionView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { MembershipApplication } from './entities/membership-application.entity';

/** Membership applications in a worker's data copy, and anonymised when the account is deleted. */
@Injectable()
export class MembershipPersonalDataRepository implements PersonalDataPart {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const rows = await this.dataSource
      .getRepository(MembershipApplication)
      .find({ where: { userId }, relations: { org: true }, order: { id: 'ASC' } });
    return [
      {
        key: 'membership',
        title: '入会申请',
        rows: rows.map((a) => ({
          id: a.id,
          realName: a.realName,
          phone: a.phoneCipher ? maskPhone(this.cipher.decrypt(a.phoneCipher)) : null,
          org: a.org?.name ?? a.orgNotListed,
          category: a.category,
          platform: a.platform,
          proofPhoto: a.proofUploadId !== null,
          status: a.status,
          rejectReason: a.rejectReason,
          memberNo: a.memberNo,
          createdAt: iso(a.createdAt),
          decidedAt: iso(a.decidedAt),
        })),
      },
    ];
  }

  /**
   * The applications stay for the membership register's counts, with no name, phone, org text, platform or
   * proof photo; one still pending is closed, so no staff member reviews a deleted person.
   */
  async eraseOf(userId: number): Promise<void> {
    const repo = this.dataSource.getRepository(MembershipApplication);
    await repo.update(
      { userId, status: 'pending' },
      { status: 'rejected', rejectReason: '申请人已注销账号', pendingUserId: null },
    );
    await repo.update(
      { userId },
      { realName: DELETED_ACCOUNT_NAME, phoneCipher: '', phoneHash: '', orgNotListed: null, platform: null, proofUploadId: null },
    );
  }
}
