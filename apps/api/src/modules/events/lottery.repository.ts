import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NO_SHOW_THRESHOLD, type LotteryEntry, type LotterySessionResult } from '@jingcai/shared';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { isMysql } from '../../common/database/hot-query';
import { EventSession } from './entities/event-session.entity';
import { EventRecord } from './entities/event.entity';
import { EventSignup } from './entities/event-signup.entity';

/** Runs the draw over the entries and sessions it is given; the caller's pure function. */
export type Draw = (
  sessions: { sessionId: number; capacity: number }[],
  entries: LotteryEntry[],
) => LotterySessionResult[];

/** A drawn entry, for telling its worker. */
export interface DrawnEntry {
  signupId: number;
  userId: number;
  sessionId: number;
  won: boolean;
  /** 1-based waitlist position when not won. */
  position: number;
}

/** The draw as one transaction, and the published result read back from the ranks it stored. */
@Injectable()
export class LotteryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Draws the event once. The event row is locked for the transaction, so of concurrent calls on any
   * instances one draws and the others find `lottery_drawn_at` set; null for those (nothing was drawn now).
   */
  drawOnce(eventId: number, now: Date, draw: Draw): Promise<DrawnEntry[] | null> {
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const lock = isMysql(this.dataSource) ? ' FOR UPDATE' : '';
        const [row] = await manager.query<{ drawn: unknown; rule: unknown }[]>(
          `SELECT lottery_drawn_at AS drawn, no_show_rule AS rule FROM events WHERE id = ?${lock}`,
          [eventId],
        );
        if (!row || row.drawn !== null) return null;
        const sessions = await manager.find(EventSession, {
          where: { eventId },
          order: { startsAt: 'ASC', id: 'ASC' },
        });
        const entered = await manager.find(EventSignup, {
          where: { eventId, status: 'entered' },
        });
        const lowPriority = Number(row.rule)
          ? await this.frequentNoShows(manager, [...new Set(entered.map((s) => s.userId))], now)
          : new Set<number>();
        const entries = entered.map((s) => ({
          publicNo: s.publicNo,
          sessionId: s.sessionId,
          deprioritised: lowPriority.has(s.userId),
        }));
        const results = draw(
          sessions.map((s) => ({ sessionId: s.id, capacity: s.capacity })),
          entries,
        );
        const byNo = new Map(entered.map((s) => [s.publicNo, s]));
        const drawn: DrawnEntry[] = [];
        for (const result of results) {
          const order = [...result.winners, ...result.waitlist];
          for (let rank = 0; rank < order.length; rank++) {
            const signup = byNo.get(order[rank])!;
            const won = rank < result.capacity;
            await manager.update(
              EventSignup,
              { id: signup.id, status: 'entered' },
              {
                status: won ? 'confirmed' : 'waitlisted',
                drawRank: rank,
                deprioritised: lowPriority.has(signup.userId),
              },
            );
            drawn.push({
              signupId: signup.id,
              userId: signup.userId,
              sessionId: result.sessionId,
              won,
              position: rank - result.capacity + 1,
            });
          }
          await manager.update(
            EventSession,
            { id: result.sessionId },
            { remaining: result.capacity - result.winners.length },
          );
        }
        await manager.update(EventRecord, { id: eventId }, { lotteryDrawnAt: now });
        return drawn;
      }),
    );
  }

  /** The published draw: every entry it ran on, and per session the draw order split at the capacity. */
  async result(eventId: number): Promise<{ entries: LotteryEntry[]; sessions: LotterySessionResult[] }> {
    const sessions = await this.dataSource
      .getRepository(EventSession)
      .find({ where: { eventId }, order: { startsAt: 'ASC', id: 'ASC' } });
    const drawn = await this.dataSource.getRepository(EventSignup).find({
      select: {
        publicNo: true,
        sessionId: true,
        deprioritised: true,
        drawRank: true,
      },
      where: { eventId, drawRank: Not(IsNull()) },
      order: { drawRank: 'ASC' },
    });
    return {
      entries: drawn
        .map((s) => ({
          publicNo: s.publicNo,
          sessionId: s.sessionId,
          deprioritised: s.deprioritised,
        }))
        .sort((a, b) => (a.publicNo < b.publicNo ? -1 : 1)),
      sessions: sessions.map((session) => {
        const order = drawn.filter((s) => s.sessionId === session.id).map((s) => s.publicNo);
        return {
          sessionId: session.id,
          capacity: session.capacity,
          winners: order.slice(0, session.capacity),
          waitlist: order.slice(session.capacity),
        };
      }),
    };
  }

  /**
   * Workers with at least NO_SHOW_THRESHOLD no-shows: places they held (confirmed, never checked in) in
   * sessions that ended before `now`.
   */
  private async frequentNoShows(manager: EntityManager, userIds: number[], now: Date): Promise<Set<number>> {
    if (!userIds.length) return new Set();
    const rows = await manager
      .createQueryBuilder(EventSignup, 's')
      .innerJoin(EventSession, 'ss', 'ss.id = s.session_id')
      .select('s.user_id', 'userId')
      .addSelect('COUNT(*)', 'count')
      .where('s.user_id IN (:...userIds) AND s.status = :status AND ss.ends_at < :now', {
        userIds,
        status: 'confirmed',
        now,
      })
      .groupBy('s.user_id')
      .getRawMany<{ userId: number | string; count: number | string }>();
    return new Set(rows.filter((r) => Number(r.count) >= NO_SHOW_THRESHOLD).map((r) => Number(r.userId)));
  }
}
