import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { hotEntity, hotExecute, hotInsert, hotQuery, hotWrite, isMysql } from '../../common/database/hot-query';
import { EventSession } from './entities/event-session.entity';
import { EventSignup, PENDING, type StoredSignupStatus } from './entities/event-signup.entity';
import { ACTIVE } from './events.mapper';

const INSERT_SQL = `INSERT INTO event_signups (event_id, session_id, user_id, public_no, ticket_code, status, active_key,
  answers_json, child_name_cipher, child_age_cipher, child_guardian_cipher, deprioritised)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`;
const ACTIVE_IDS_SQL = `SELECT id FROM event_signups WHERE user_id = ? AND event_id = ?
  AND status IN ('pending', 'entered', 'confirmed', 'waitlisted', 'offered', 'checked_in') ORDER BY id`;
const TAKE_PLACE_SQL = `UPDATE event_sessions ss JOIN event_signups s ON s.id = ?
  SET ss.remaining = ss.remaining - 1, s.status = 'confirmed'
  WHERE ss.id = ? AND ss.remaining > 0 AND s.session_id = ss.id AND s.status = 'pending'`;
const REMAINING_SQL = 'SELECT remaining FROM event_sessions WHERE id = ?';
const HELD_ID_SQL = 'SELECT id FROM event_signups WHERE active_key = ?';
const WITHDRAW_SQL = "DELETE FROM event_signups WHERE id = ? AND status = 'pending'";

export interface NewSignup {
  eventId: number;
  sessionId: number;
  userId: number;
  publicNo: string;
  ticketCode: string;
  status: typeof PENDING | 'entered';
  activeKey: string;
  answersJson: string;
  child: { name: string; age: string; guardian: string } | null;
}

/** What a cancellation did: gave a place back, closed a sign-up that held none, or nothing (not active). */
export type CancelOutcome = 'freed' | 'closed' | false;

class NoPlace extends Error {}

/**
 * The event_signups statements of a worker's path: signing up (plain autocommit SQL, as care's claims: the
 * session row a rush queues on is locked only inside one statement), cancelling, offers and check-in.
 */
@Injectable()
export class SignupsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(EventSignup)
    private readonly signups: Repository<EventSignup>,
  ) {}

  /** Inserts the sign-up; a unique violation when its active key, ticket code or public number is taken. */
  insert(s: NewSignup): Promise<number> {
    const values = [
      s.eventId,
      s.sessionId,
      s.userId,
      s.publicNo,
      s.ticketCode,
      s.status,
      s.activeKey,
      s.answersJson,
      s.child?.name ?? null,
      s.child?.age ?? null,
      s.child?.guardian ?? null,
    ];
    return withDeadlockRetry(() => hotInsert(this.dataSource, INSERT_SQL, values));
  }

  /** Ids of the worker's sign-ups for the event that count toward the limit (pending ones too), oldest first. */
  async activeIdsOf(userId: number, eventId: number): Promise<number[]> {
    const rows = await hotQuery<{ id: number }>(this.dataSource, ACTIVE_IDS_SQL, [userId, eventId]);
    return rows.map((r) => Number(r.id));
  }

  /** The session's free places now (first come: a full session refuses before writing anything). */
  async remainingOf(sessionId: number): Promise<number> {
    const [row] = await hotQuery<{ remaining: number }>(this.dataSource, REMAINING_SQL, [sessionId]);
    return Number(row?.remaining ?? 0);
  }

  /**
   * The id of the sign-up holding this active key, or null. Plain SQL: every try of a rush asks, and few find
   * one, so the whole row is read (`byId`) only by those that do.
   */
  async heldId(activeKey: string): Promise<number | null> {
    const [row] = await hotQuery<{ id: number }>(this.dataSource, HELD_ID_SQL, [activeKey]);
    return row ? Number(row.id) : null;
  }

  /**
   * Takes one of the session's places for the pending sign-up and confirms it, as one atomic step; false when
   * none is left. On MySQL/MariaDB a single autocommit statement, whose locks last as long as it.
   */
  takePlace(sessionId: number, signupId: number): Promise<boolean> {
    if (isMysql(this.dataSource)) {
      return withDeadlockRetry(
        async () => (await hotWrite(this.dataSource, TAKE_PLACE_SQL, [signupId, sessionId])) > 0,
      );
    }
    // SQLite (the embedded demo) has no multi-table UPDATE: the same two changes in one transaction.
    return this.dataSource
      .transaction(async (manager) => {
        const marked = await hotExecute(
          manager,
          "UPDATE event_signups SET status = 'confirmed' WHERE id = ? AND session_id = ? AND status = 'pending'",
          [signupId, sessionId],
        );
        const taken =
          marked &&
          (await hotExecute(
            manager,
            'UPDATE event_sessions SET remaining = remaining - 1 WHERE id = ? AND remaining > 0',
            [sessionId],
          ));
        if (!taken) throw new NoPlace(); // rolls the status back
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof NoPlace) return false;
        throw error;
      });
  }

  /** Deletes the sign-up if it is still pending (it holds no place). */
  async withdrawPending(id: number): Promise<void> {
    await withDeadlockRetry(() => hotWrite(this.dataSource, WITHDRAW_SQL, [id]));
  }

  /** Closes an entered or waitlisted sign-up that lost to the per-person limit (it holds no place). */
  async withdrawEntered(id: number, now: Date): Promise<void> {
    await this.signups.update(
      { id, status: In(['entered', 'waitlisted']) },
      { status: 'cancelled', activeKey: null, closedAt: now },
    );
  }

  /** Whether the worker cancelled an entry for this session before its draw (lottery: no second number). */
  async cancelledBeforeDraw(userId: number, sessionId: number): Promise<boolean> {
    return (
      (await this.signups.countBy({
        userId,
        sessionId,
        status: 'cancelled',
        drawRank: IsNull(),
      })) > 0
    );
  }

  /** Plain SQL (hotEntity): every sign-up of a rush that gets a ticket, or finds its own, reads it for the view. */
  byId(id: number): Promise<EventSignup | null> {
    return hotEntity(this.dataSource, EventSignup, 'id = ?', [id]);
  }

  /** The worker's own sign-up (not a pending one), or null. */
  async workerSignup(userId: number, id: number): Promise<EventSignup | null> {
    const signup = await this.signups.findOneBy({ id, userId });
    return signup && signup.status !== PENDING ? signup : null;
  }

  byTicket(ticketCode: string): Promise<EventSignup | null> {
    return this.signups.findOneBy({ ticketCode });
  }

  /** The worker's confirmed (or already checked-in) sign-up for the session. */
  heldFor(userId: number, sessionId: number): Promise<EventSignup | null> {
    return this.signups.findOneBy({
      userId,
      sessionId,
      status: In(['confirmed', 'checked_in']),
    });
  }

  /** The worker's sign-ups, newest first (pending tries aside). */
  pageOf(userId: number, skip: number, take: number): Promise<[EventSignup[], number]> {
    return this.signups.findAndCount({
      where: {
        userId,
        status: In([...ACTIVE, 'cancelled', 'expired', 'lost']),
      },
      order: { id: 'DESC' },
      skip,
      take,
    });
  }

  /** The worker's active sign-ups among these events. */
  activeOf(userId: number, eventIds: number[]): Promise<EventSignup[]> {
    if (!eventIds.length) return Promise.resolve([]);
    return this.signups.find({
      where: { userId, eventId: In(eventIds), status: In([...ACTIVE]) },
    });
  }

  /** 1-based places of waitlisted sign-ups in their sessions' waitlists. */
  async waitlistPositions(
    signups: Pick<EventSignup, 'id' | 'sessionId' | 'drawRank' | 'status'>[],
  ): Promise<Map<number, number>> {
    const positions = new Map<number, number>();
    for (const s of signups) {
      if (s.status !== 'waitlisted' || s.drawRank === null) continue;
      const ahead = await this.signups
        .createQueryBuilder('s')
        .where('s.session_id = :session AND s.status = :status AND s.draw_rank < :rank', {
          session: s.sessionId,
          status: 'waitlisted',
          rank: s.drawRank,
        })
        .getCount();
      positions.set(s.id, ahead + 1);
    }
    return positions;
  }

  /**
   * Cancels an active sign-up, giving its place back when it held one, in one short transaction; false when
   * it was no longer active (a concurrent cancel, a check-in).
   */
  cancel(
    id: number,
    now: Date,
    status: 'cancelled' | 'expired' = 'cancelled',
    from?: StoredSignupStatus[],
  ): Promise<CancelOutcome> {
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const holding = from
          ? from.filter((s) => s === 'confirmed' || s === 'offered')
          : ['confirmed', 'offered'];
        const freed = holding.length
          ? await manager.update(
              EventSignup,
              { id, status: In(holding) },
              { status, activeKey: null, closedAt: now, offerExpiresAt: null },
            )
          : { affected: 0 };
        if (freed.affected) {
          const signup = await manager.findOneByOrFail(EventSignup, { id });
          await this.giveBack(manager, signup.sessionId);
          return 'freed';
        }
        const waiting = from
          ? from.filter((s) => s === 'entered' || s === 'waitlisted')
          : ['entered', 'waitlisted'];
        if (!waiting.length) return false;
        const closed = await manager.update(
          EventSignup,
          { id, status: In(waiting) },
          { status, activeKey: null, closedAt: now },
        );
        return closed.affected ? 'closed' : false;
      }),
    );
  }

  /**
   * Offers the session's free places to the next waitlisted sign-ups in draw order. The session row is locked
   * for the transaction (a few milliseconds), so concurrent cancellations each promote distinct sign-ups and
   * never more than the places freed. Answers the ids offered.
   */
  promote(sessionId: number, offerExpiresAt: Date): Promise<number[]> {
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const lock = isMysql(this.dataSource) ? ' FOR UPDATE' : '';
        const [row] = await manager.query<{ remaining: number }[]>(
          `SELECT remaining FROM event_sessions WHERE id = ?${lock}`,
          [sessionId],
        );
        const free = Number(row?.remaining ?? 0);
        if (free <= 0) return [];
        const next = await manager.find(EventSignup, {
          select: { id: true },
          where: { sessionId, status: 'waitlisted' },
          order: { drawRank: 'ASC' },
          take: free,
        });
        if (!next.length) return [];
        const ids = next.map((s) => s.id);
        await manager.update(
          EventSignup,
          { id: In(ids), status: 'waitlisted' },
          { status: 'offered', offerExpiresAt },
        );
        await manager
          .createQueryBuilder()
          .update(EventSession)
          .set({ remaining: () => `remaining - ${ids.length}` })
          .where('id = :id', { id: sessionId })
          .updateEntity(false)
          .execute();
        return ids;
      }),
    );
  }

  /** Accepts the worker's offer before its deadline; false when there was none (any longer). */
  async confirmOffer(userId: number, id: number, now: Date): Promise<boolean> {
    const result = await this.signups
      .createQueryBuilder()
      .update()
      .set({ status: 'confirmed', offerExpiresAt: null })
      .where('id = :id AND user_id = :userId AND status = :status AND offer_expires_at > :now', {
        id,
        userId,
        status: 'offered',
        now,
      })
      .execute();
    return Boolean(result.affected);
  }

  /** Marks a confirmed sign-up checked in; false when it was not (any longer) confirmed: one scan wins. */
  async checkIn(id: number, by: number | null, method: 'ticket' | 'venue_code', now: Date): Promise<boolean> {
    const result = await this.signups.update(
      { id, status: 'confirmed' },
      {
        status: 'checked_in',
        checkedInAt: now,
        checkedInBy: by,
        checkinMethod: method,
      },
    );
    return Boolean(result.affected);
  }

  private async giveBack(manager: EntityManager, sessionId: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(EventSession)
      .set({ remaining: () => 'remaining + 1' })
      .where('id = :id', { id: sessionId })
      .updateEntity(false)
      .execute();
  }
}
