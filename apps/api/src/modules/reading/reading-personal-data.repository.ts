import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { ERASED_TEXT, iso, type PersonalDataPart } from '../../common/personal-data';
import { ReadingCheckin } from './entities/reading.entities';

/**
 * Reading check-ins in a worker's data copy. On deletion each note and its photos go and the check-in
 * leaves the feed; the day itself stays, pointing at the anonymised user, for the seasons' participation
 * figures (days and streaks are counts, not personal text).
 */
@Injectable()
export class ReadingPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const checkins = await this.dataSource.getRepository(ReadingCheckin).find({
      where: { userId },
      relations: { season: true, book: true },
      order: { id: 'ASC' },
    });
    return [
      {
        key: 'readingCheckins',
        title: '读书打卡',
        rows: checkins.map((c) => ({
          id: c.id,
          season: c.season?.theme ?? null,
          day: c.day,
          book: c.book?.title ?? null,
          minutes: c.minutes,
          note: c.note,
          photos: c.photoIds.length,
          makeUp: c.makeUp,
          status: c.status,
          likes: c.likeCount,
          createdAt: iso(c.createdAt),
        })),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    const repo = this.dataSource.getRepository(ReadingCheckin);
    const checkins = await repo.find({ select: { id: true }, where: { userId } });
    // The note hash is unique per season and worker, so each erased note gets a hash of its own.
    for (const { id } of checkins) {
      await repo.update(id, {
        note: ERASED_TEXT,
        noteHash: `erased-${id}`,
        photoIds: [],
        status: 'hidden',
        hiddenReason: '用户已注销',
      });
    }
  }
}
