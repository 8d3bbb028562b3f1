import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { ReadingCheckin, ReadingLike } from './entities/reading.entities';

/** The public feed (published check-ins, newest first) and likes (reading_likes with the counts they move). */
@Injectable()
export class FeedRepository {
  constructor(
    @InjectRepository(ReadingCheckin)
    private readonly checkins: Repository<ReadingCheckin>,
    @InjectRepository(ReadingLike)
    private readonly likes: Repository<ReadingLike>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Up to `take` published check-ins with their books, by id descending, below `cursor` when given. */
  page(seasonId: number, cursor: number | null, take: number): Promise<ReadingCheckin[]> {
    const qb = this.checkins
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.book', 'b')
      .where('c.season_id = :seasonId AND c.status = :published', {
        seasonId,
        published: 'published',
      })
      .orderBy('c.id', 'DESC')
      .take(take);
    if (cursor !== null) qb.andWhere('c.id < :cursor', { cursor });
    return qb.getMany();
  }

  publishedById(id: number): Promise<ReadingCheckin | null> {
    return this.checkins.findOneBy({ id, status: 'published' });
  }

  /** Which of `checkinIds` the worker liked. */
  async likedAmong(userId: number, checkinIds: number[]): Promise<Set<number>> {
    if (!checkinIds.length) return new Set();
    const rows = await this.likes.find({
      select: { checkinId: true },
      where: { userId, checkinId: In(checkinIds) },
    });
    return new Set(rows.map((l) => l.checkinId));
  }

  /**
   * Idempotent: the (check-in, worker) key admits one like. The count first: the UPDATE takes the check-in
   * row's exclusive lock before the like's foreign-key check would take a shared one, so many workers
   * liking one note queue instead of deadlocking. A like that already exists rolls the count back with it.
   */
  async like(checkinId: number, userId: number): Promise<void> {
    await withDeadlockRetry(() =>
      this.dataSource
        .transaction(async (manager) => {
          await manager.increment(ReadingCheckin, { id: checkinId }, 'likeCount', 1);
          await manager.insert(ReadingLike, { checkinId, userId });
        })
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
        }),
    );
  }

  /** The count moves only when a like was there to delete. */
  async unlike(checkinId: number, userId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.delete(ReadingLike, {
        checkinId,
        userId,
      });
      if (affected) await manager.decrement(ReadingCheckin, { id: checkinId }, 'likeCount', 1);
    });
  }

  /** Whether the worker likes the check-in, and its count. */
  async likeState(checkinId: number, userId: number): Promise<{ liked: boolean; likeCount: number }> {
    const [checkin, liked] = await Promise.all([
      this.checkins.findOneByOrFail({ id: checkinId }),
      this.likes.existsBy({ checkinId, userId }),
    ]);
    return { liked, likeCount: checkin.likeCount };
  }
}
