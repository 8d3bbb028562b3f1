import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { ERASED_TEXT, iso, type PersonalDataPart } from '../../common/personal-data';
import { Feedback } from './entities/feedback.entity';

/**
 * A worker's complaints and suggestions in the data copy. On deletion their words and photos go and the
 * contact request is dropped; the items stay, with category and reply, for the union's service figures.
 */
@Injectable()
export class FeedbackPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const rows = await this.dataSource.getRepository(Feedback).find({ where: { userId }, order: { id: 'ASC' } });
    return [
      {
        key: 'feedback',
        title: '投诉建议',
        rows: rows.map((f) => ({
          id: f.id,
          category: f.category,
          text: f.text,
          photos: f.photoIds.length,
          wantsContact: f.wantsContact,
          status: f.status,
          reply: f.reply,
          createdAt: iso(f.createdAt),
          repliedAt: iso(f.repliedAt),
        })),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    await this.dataSource
      .getRepository(Feedback)
      .update({ userId }, { text: ERASED_TEXT, photoIds: [], wantsContact: false });
  }
}
