import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThan, LessThanOrEqual, Not } from 'typeorm';
import { EventSession } from './entities/event-session.entity';
import { EventRecord } from './entities/event.entity';
import { EventSignup, PENDING } from './entities/event-signup.entity';

/** The statements of the events sweep; each is safe on several instances at once (conditional updates). */
@Injectable()
export class EventSweepsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get signups() {
    return this.dataSource.getRepository(EventSignup);
  }

  /** Deletes pending sign-ups created before `before`: left by an instance that stopped mid-sign-up. */
  async deletePendingBefore(before: Date): Promise<void> {
    await this.signups.delete({ status: PENDING, createdAt: LessThan(before) });
  }

  /** Offers whose confirm deadline passed. */
  lapsedOffers(now: Date, take: number): Promise<Pick<EventSignup, 'id' | 'eventId' | 'sessionId'>[]> {
    return this.signups.find({
      select: { id: true, eventId: true, sessionId: true },
      where: { status: 'offered', offerExpiresAt: LessThanOrEqual(now) },
      take,
    });
  }

  /** Sessions of drawn lotteries, not started, with a free place and someone waiting (a missed promotion). */
  async sessionsToPromote(now: Date): Promise<{ eventId: number; sessionId: number }[]> {
    const rows = await this.dataSource
      .getRepository(EventSession)
      .createQueryBuilder('ss')
      .innerJoin(EventRecord, 'e', 'e.id = ss.event_id')
      .select('ss.event_id', 'eventId')
      .addSelect('ss.id', 'sessionId')
      .where('ss.remaining > 0 AND ss.starts_at > :now AND e.lottery_drawn_at IS NOT NULL', { now })
      .andWhere(
        "EXISTS (SELECT 1 FROM event_signups w WHERE w.session_id = ss.id AND w.status = 'waitlisted')",
      )
      .limit(100)
      .getRawMany<{ eventId: number | string; sessionId: number | string }>();
    return rows.map((r) => ({
      eventId: Number(r.eventId),
      sessionId: Number(r.sessionId),
    }));
  }

  /** Entries still waiting when their session began did not get a place. */
  async closeUnplaced(now: Date): Promise<number> {
    const started = this.dataSource
      .getRepository(EventSession)
      .createQueryBuilder('ss')
      .select('ss.id')
      .where('ss.starts_at <= :now');
    const result = await this.signups
      .createQueryBuilder()
      .update()
      .set({ status: 'lost', activeKey: null, closedAt: now })
      .where(`status IN ('entered', 'waitlisted') AND session_id IN (${started.getQuery()})`)
      .setParameters({ now })
      .execute();
    return result.affected ?? 0;
  }

  /** Held places whose session starts in (now, until], not yet reminded. */
  async dueForReminder(now: Date, until: Date, take: number): Promise<EventSignup[]> {
    const soon = await this.dataSource
      .getRepository(EventSession)
      .createQueryBuilder('ss')
      .select('ss.id', 'id')
      .where('ss.starts_at > :now AND ss.starts_at <= :until', { now, until })
      .getRawMany<{ id: number | string }>();
    if (!soon.length) return [];
    return this.signups.find({
      where: {
        status: 'confirmed',
        remindedAt: IsNull(),
        sessionId: In(soon.map((s) => Number(s.id))),
      },
      take,
    });
  }

  /** Marks the ticket reminded; false when another instance did first (so each ticket is reminded once). */
  async markReminded(id: number, now: Date): Promise<boolean> {
    const marked = await this.signups.update({ id, remindedAt: IsNull() }, { remindedAt: now });
    return Boolean(marked.affected);
  }

  /** Events over since before `before` whose children's data are still held. */
  childDataDue(before: Date): Promise<Pick<EventRecord, 'id'>[]> {
    return this.dataSource.getRepository(EventRecord).find({
      select: { id: true },
      where: {
        kind: 'childcare',
        endsAt: LessThan(before),
        childDataErasedAt: IsNull(),
      },
      take: 50,
    });
  }

  /** Erases every child's data of the event, then marks the event done. */
  async eraseChildData(eventId: number, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        EventSignup,
        { eventId, childNameCipher: Not(IsNull()) },
        {
          childNameCipher: null,
          childAgeCipher: null,
          childGuardianCipher: null,
        },
      );
      await manager.update(EventRecord, { id: eventId }, { childDataErasedAt: now });
    });
  }
}
