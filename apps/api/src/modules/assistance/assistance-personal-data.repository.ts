import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource, In } from 'typeorm';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { ERASED_TEXT, iso, type PersonalDataPart } from '../../common/personal-data';
import { ApplicationSecretsCodec } from './application-secrets';
import { AssistanceApplication } from './entities/assistance-application.entity';
import { AssistanceEvent } from './entities/assistance-event.entity';
import { AssistanceRegisterEntry } from './entities/assistance-register-entry.entity';
import { Wish } from './entities/wish.entity';

/**
 * Help in hardship in a worker's data copy: their applications (what they told the union, each step, the
 * grant, return reasons they were shown), their place on the register and their wishes (as the family or
 * the donor). Staff's internal notes and visit notes are the union's working records and are not copied.
 * On deletion everything the family said, the visit record, the notes and document references go; the
 * applications stay as empty shells (kind, steps, grant) for the union's ledger and yearly figures, and a
 * wish not yet claimed leaves the wall.
 */
@Injectable()
export class AssistancePersonalDataRepository implements PersonalDataPart {
  private readonly codec: ApplicationSecretsCodec;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    cipher: PiiCipher,
  ) {
    this.codec = new ApplicationSecretsCodec(cipher);
  }

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const applications = await this.dataSource
      .getRepository(AssistanceApplication)
      .find({ where: { applicantId: userId }, order: { id: 'ASC' } });
    const register = await this.dataSource
      .getRepository(AssistanceRegisterEntry)
      .find({ where: { userId }, order: { id: 'ASC' } });
    const wishes = await this.wishesOf(userId);
    return [
      {
        key: 'assistanceApplications',
        title: '困难帮扶申请',
        rows: applications.map((a) => {
          const secrets = this.codec.open(a);
          return {
            id: a.id,
            kind: a.kind,
            status: a.status,
            familySituation: secrets.familySituation,
            householdSize: a.householdSize,
            monthlyIncomePerMember: secrets.monthlyIncomePerMember,
            reasons: secrets.reasons,
            documents: secrets.documentIds.length,
            returnReason: secrets.returnReason,
            filedByStaff: a.filedBy !== null,
            grantAmount: a.grantAmountFen === null ? null : a.grantAmountFen / 100,
            grantKind: a.grantKind,
            grantDate: a.grantDate,
            createdAt: iso(a.createdAt),
          };
        }),
      },
      {
        key: 'assistanceRegister',
        title: '困难职工档案',
        rows: register.map((r) => ({
          id: r.id,
          status: r.status,
          registeredAt: iso(r.createdAt),
          reviewDueAt: iso(r.reviewDueAt),
          lastReviewedAt: iso(r.lastReviewedAt),
          closedAt: iso(r.closedAt),
        })),
      },
      {
        key: 'wishes',
        title: '微心愿',
        rows: wishes.map((w) => ({
          id: w.id,
          role: w.beneficiaryId === userId ? '心愿人' : w.donorUserId === userId ? '认领人' : '代填人',
          title: w.title,
          story: w.story,
          amountYuan: w.amountYuan,
          status: w.status,
          createdAt: iso(w.createdAt),
          claimedAt: iso(w.claimedAt),
          fulfilledAt: iso(w.fulfilledAt),
        })),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    const applications = this.dataSource.getRepository(AssistanceApplication);
    const ids = (await applications.find({ select: { id: true }, where: { applicantId: userId } })).map(
      (a) => a.id,
    );
    if (ids.length) {
      await applications.update(
        { id: In(ids) },
        {
          ...this.codec.seal({
            familySituation: ERASED_TEXT,
            monthlyIncomePerMember: 0,
            reasons: ERASED_TEXT,
            documentIds: [],
          }),
          returnReasonCipher: null,
          visitNotesCipher: null,
          visitPhotoIdsCipher: null,
          visitVisitors: null,
          // An open application cannot be reviewed once its content is gone.
          activeKey: null,
        },
      );
      await applications.update(
        { id: In(ids), status: In(['submitted', 'checked', 'approved', 'returned']) },
        { status: 'withdrawn' },
      );
      await this.dataSource
        .getRepository(AssistanceEvent)
        .update({ applicationId: In(ids) }, { noteCipher: null });
    }
    await this.dataSource.getRepository(AssistanceRegisterEntry).update({ userId }, { noteCipher: null });
    const wishes = this.dataSource.getRepository(Wish);
    await wishes.update(
      { beneficiaryId: userId, status: In(['pending_review', 'open']) },
      { status: 'rejected', rejectReason: '账号已注销', activeKey: null },
    );
    await wishes.update(
      { beneficiaryId: userId },
      { title: '（已删除）', story: ERASED_TEXT, publicTitle: null, publicStory: null, confirmPhotoId: null },
    );
  }

  private wishesOf(userId: number): Promise<Wish[]> {
    return this.dataSource.getRepository(Wish).find({
      where: [{ beneficiaryId: userId }, { donorUserId: userId }, { authorId: userId }],
      order: { id: 'ASC' },
    });
  }
}
