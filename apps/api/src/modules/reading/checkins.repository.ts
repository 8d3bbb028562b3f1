import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { ReadingCheckin, ReadingParticipant } from './entities/reading.entities';
import { standingOf, type DayRecord } from './standing';

/** A check-in to record; the standing row must exist already (`StandingsRepository.ensure`). */
export interface NewCheckin {
  seasonId: number;
  userId: number;
  day: string;
  bookId: number;
  minutes: number;
  note: string;
  noteHash: string;
  photoIds: string[];
  makeUp: boolean;
  status: ReadingCheckin['status'];
  orgPath: string | null;
}

/** Why a check-in was not recorded: the unique keys and the make-up allowance, held under races. */
export type CheckinRefusal = 'noMakeUpsLeft' | 'duplicateNote' | 'dayTaken';

class Refused extends Error {
  constructor(readonly reason: CheckinRefusal) {
    super(reason);
  }
}

/** The check-ins table (reading_checkins), and the transaction that records one with its standing. */
@Injectable()
export class CheckinsRepository {
  constructor(
    @InjectRepository(ReadingCheckin)
    private readonly checkins: Repository<ReadingCheckin>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  hasDay(seasonId: number, userId: number, day: string): Promise<boolean> {
    return this.checkins.existsBy({ seasonId, userId, day });
  }

  hasNote(seasonId: number, userId: number, noteHash: string): Promise<boolean> {
    return this.checkins.existsBy({ seasonId, userId, noteHash });
  }

  /**
   * One transaction: the standing row first (its row lock serialises one worker's concurrent check-ins,
   * and for a make-up the update only succeeds while make-ups remain), then the check-in, then the
   * standing rewritten from all the worker's days. Retried whole when InnoDB picks it as a deadlock victim.
   */
  async record(
    checkin: NewCheckin,
    makeUpAllowance: number,
  ): Promise<{ id: number } | { refused: CheckinRefusal }> {
    try {
      const id = await withDeadlockRetry(() =>
        this.dataSource.transaction(async (manager) => {
          await this.lockStanding(manager, checkin, makeUpAllowance);
          const id = await this.insert(manager, checkin);
          await this.recount(manager, checkin.seasonId, checkin.userId);
          return id;
        }),
      );
      return { id };
    } catch (error) {
      if (error instanceof Refused) return { refused: error.reason };
      throw error;
    }
  }

  /** The worker's days of a season, ascending: one index range of at most a season's days. */
  async daysOf(seasonId: number, userId: number): Promise<DayRecord[]> {
    return dayRecords(await this.dayRows(this.checkins.manager, seasonId, userId));
  }

  /** The worker's own check-ins with their books, newest day first. */
  mine(seasonId: number, userId: number, skip: number, take: number): Promise<[ReadingCheckin[], number]> {
    return this.checkins.findAndCount({
      where: { seasonId, userId },
      relations: { book: true },
      order: { day: 'DESC' },
      skip,
      take,
    });
  }

  withBook(id: number): Promise<ReadingCheckin> {
    return this.checkins.findOneOrFail({
      where: { id },
      relations: { book: true },
    });
  }

  byId(id: number): Promise<ReadingCheckin | null> {
    return this.checkins.findOneBy({ id });
  }

  /** Every check-in of a season with its book, by day (the staff export). */
  ofSeason(seasonId: number): Promise<ReadingCheckin[]> {
    return this.checkins.find({
      where: { seasonId },
      relations: { book: true },
      order: { day: 'ASC', id: 'ASC' },
    });
  }

  isBookUsed(bookId: number): Promise<boolean> {
    return this.checkins.existsBy({ bookId });
  }

  /** Moderation approved the last pending item: a pending check-in goes public. */
  async publishIfPending(id: number): Promise<void> {
    await this.checkins.update({ id, status: 'pending' }, { status: 'published' });
  }

  /** Moderation refused something of it: private for good. False when it was already out of the feed. */
  async reject(id: number): Promise<boolean> {
    const { affected } = await this.checkins.update(
      { id, status: In(['pending', 'published']) },
      { status: 'rejected' },
    );
    return Boolean(affected);
  }

  /** Staff take a note out of the feed. False when it was already out. */
  async hide(id: number, reason: string): Promise<boolean> {
    const { affected } = await this.checkins.update(
      { id, status: In(['published', 'pending']) },
      { status: 'hidden', hiddenReason: reason },
    );
    return Boolean(affected);
  }

  /** Whether `ownerId` has a published check-in showing upload `uploadId`. */
  hasPublishedPhoto(ownerId: number, uploadId: string): Promise<boolean> {
    return this.checkins
      .createQueryBuilder('c')
      .where('c.user_id = :owner AND c.status = :published', {
        owner: ownerId,
        published: 'published',
      })
      .andWhere('c.photo_ids LIKE :id', { id: `%${uploadId}%` })
      .getExists();
  }

  private async lockStanding(manager: EntityManager, checkin: NewCheckin, allowance: number): Promise<void> {
    const { seasonId, userId, makeUp, orgPath } = checkin;
    const qb = manager
      .createQueryBuilder()
      .update(ReadingParticipant)
      .set(makeUp ? { makeUpsUsed: () => 'make_ups_used + 1', orgPath } : { orgPath })
      .where('season_id = :seasonId AND user_id = :userId', {
        seasonId,
        userId,
      });
    if (makeUp) qb.andWhere('make_ups_used < :allowance', { allowance });
    const { affected } = await qb.execute();
    if (makeUp && !affected) throw new Refused('noMakeUpsLeft');
  }

  private async insert(manager: EntityManager, checkin: NewCheckin): Promise<number> {
    try {
      const inserted = await manager.insert(ReadingCheckin, {
        seasonId: checkin.seasonId,
        userId: checkin.userId,
        day: checkin.day,
        bookId: checkin.bookId,
        minutes: checkin.minutes,
        note: checkin.note,
        noteHash: checkin.noteHash,
        photoIds: checkin.photoIds,
        makeUp: checkin.makeUp,
        status: checkin.status,
        hiddenReason: null,
      });
      return Number(inserted.identifiers[0].id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new Refused(/note/.test(String(error)) ? 'duplicateNote' : 'dayTaken');
    }
  }

  /** Rewrites the standing from the worker's days: a make-up can join two runs, so nothing is incremental. */
  private async recount(manager: EntityManager, seasonId: number, userId: number): Promise<void> {
    const figures = standingOf(dayRecords(await this.dayRows(manager, seasonId, userId)));
    await manager.update(ReadingParticipant, { seasonId, userId }, figures);
  }

  private dayRows(manager: EntityManager, seasonId: number, userId: number) {
    return manager
      .createQueryBuilder(ReadingCheckin, 'c')
      .select('c.day', 'day')
      .addSelect('c.minutes', 'minutes')
      .addSelect('c.make_up', 'makeUp')
      .where('c.season_id = :seasonId AND c.user_id = :userId', {
        seasonId,
        userId,
      })
      .orderBy('c.day', 'ASC')
      .getRawMany<{
        day: string;
        minutes: number | string;
        makeUp: number | string | boolean;
      }>();
  }
}

function dayRecords(
  rows: Array<{
    day: string;
    minutes: number | string;
    makeUp: number | string | boolean;
  }>,
): DayRecord[] {
  return rows.map((r) => ({
    day: r.day,
    minutes: Number(r.minutes),
    makeUp: Number(r.makeUp) === 1 || r.makeUp === true,
  }));
}
