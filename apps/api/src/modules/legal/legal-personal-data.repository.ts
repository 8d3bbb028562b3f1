import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { ERASED_TEXT, iso, type PersonalDataPart } from '../../common/personal-data';
import { AidApplication, LegalMessage, LegalQuestion } from './entities/legal.entities';

/**
 * Legal questions (with the worker's own messages) and aid applications in a worker's data copy. On
 * deletion the worker's words and photos go; the questions stay as empty threads (with the answers staff
 * and lawyers wrote) for the workbench's figures. Published cases were anonymised before publishing and
 * stay as they are.
 */
@Injectable()
export class LegalPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const questions = await this.dataSource
      .getRepository(LegalQuestion)
      .find({ where: { askerId: userId }, order: { id: 'ASC' } });
    const messages = await this.dataSource
      .getRepository(LegalMessage)
      .find({ where: { authorId: userId }, order: { id: 'ASC' } });
    const aid = await this.dataSource
      .getRepository(AidApplication)
      .find({ where: { applicantId: userId }, order: { id: 'ASC' } });
    return [
      {
        key: 'legalQuestions',
        title: '法律咨询',
        rows: questions.map((q) => ({
          id: q.id,
          category: q.category,
          title: q.title,
          status: q.status,
          publicAllowed: q.publicAllowed,
          rating: q.rating,
          ratingComment: q.ratingComment,
          createdAt: iso(q.createdAt),
        })),
      },
      {
        key: 'legalMessages',
        title: '咨询留言',
        rows: messages.map((m) => ({
          questionId: m.questionId,
          role: m.authorRole,
          body: m.body,
          photos: m.photoIds.length,
          createdAt: iso(m.createdAt),
        })),
      },
      {
        key: 'legalAid',
        title: '法律援助申请',
        rows: aid.map((a) => ({
          id: a.id,
          kind: a.kind,
          facts: a.facts,
          employer: a.employer,
          amountYuan: a.amountFen / 100,
          status: a.status,
          createdAt: iso(a.createdAt),
        })),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    await this.dataSource
      .getRepository(LegalQuestion)
      .update({ askerId: userId }, { title: ERASED_TEXT, ratingComment: null });
    await this.dataSource
      .getRepository(LegalMessage)
      .update({ authorId: userId, authorRole: 'asker' }, { body: ERASED_TEXT, photoIds: [] });
    await this.dataSource
      .getRepository(AidApplication)
      .update({ applicantId: userId }, { facts: ERASED_TEXT, employer: '', photoIds: [] });
  }
}
