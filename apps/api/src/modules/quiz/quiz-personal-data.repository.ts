import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELETED_ACCOUNT_NAME, type PersonalDataSectionView } from '@jingcai/shared';
import { DataSource, In } from 'typeorm';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { Attempt, Campaign, Certificate, Mistake } from './entities/quiz.entities';

/**
 * Quiz attempts, certificates and the 错题本 in a worker's data copy. On deletion the 错题本 goes (it is
 * only the worker's own practice) and certificates lose the name; attempts and best scores stay, pointing
 * at the anonymised user, for the campaigns' participation figures.
 */
@Injectable()
export class QuizPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const attempts = await this.dataSource.getRepository(Attempt).find({ where: { userId }, order: { id: 'ASC' } });
    const certificates = await this.dataSource
      .getRepository(Certificate)
      .find({ where: { userId }, order: { issuedAt: 'ASC' } });
    const mistakes = await this.dataSource.getRepository(Mistake).find({ where: { userId } });
    const campaignIds = [...new Set([...attempts, ...certificates].map((a) => a.campaignId))];
    const campaigns = campaignIds.length
      ? await this.dataSource
          .getRepository(Campaign)
          .find({ select: { id: true, title: true }, where: { id: In(campaignIds) } })
      : [];
    const title = new Map(campaigns.map((c) => [c.id, c.title]));
    return [
      {
        key: 'quizAttempts',
        title: '答题记录',
        rows: attempts.map((a) => ({
          id: a.id,
          campaign: title.get(a.campaignId) ?? null,
          status: a.status,
          score: a.score,
          correctCount: a.correctCount,
          durationSeconds: a.durationSeconds,
          startedAt: iso(a.startedAt),
          submittedAt: iso(a.submittedAt),
        })),
      },
      {
        key: 'quizCertificates',
        title: '答题证书',
        rows: certificates.map((c) => ({
          serial: c.serial,
          campaign: title.get(c.campaignId) ?? null,
          name: c.name,
          score: c.score,
          issuedAt: iso(c.issuedAt),
        })),
      },
      {
        key: 'quizMistakes',
        title: '错题本',
        rows: mistakes.map((m) => ({ questionId: m.questionId, wrongCount: m.wrongCount, lastWrongAt: iso(m.lastWrongAt) })),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    await this.dataSource.getRepository(Mistake).delete({ userId });
    await this.dataSource.getRepository(Certificate).update({ userId }, { name: DELETED_ACCOUNT_NAME });
  }
}
