import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { EventKind } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import { Org } from '../orgs/entities/org.entity';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { EventSession } from './entities/event-session.entity';
import { EventRecord } from './entities/event.entity';
import { EventSignup } from './entities/event-signup.entity';
import { ACTIVE, type SessionWithCount } from './events.mapper';

export type NewEvent = Omit<
  EventRecord,
  'id' | 'createdAt' | 'updatedAt' | 'lotteryDrawnAt' | 'childDataErasedAt'
>;
export type NewSession = Pick<EventSession, 'label' | 'startsAt' | 'endsAt' | 'capacity' | 'venueSecret'>;
export type EventChanges = Partial<
  Omit<NewEvent, 'kind' | 'allocation' | 'ownerOrgId' | 'lotterySeed' | 'createdBy' | 'startsAt' | 'endsAt'>
>;

/** The events and event_sessions tables. */
@Injectable()
export class EventsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(EventRecord)
    private readonly events: Repository<EventRecord>,
    @InjectRepository(EventSession)
    private readonly sessions: Repository<EventSession>,
  ) {}

  /** The event and its sessions, each session starting with every place free. */
  insert(event: NewEvent, sessions: NewSession[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(EventRecord, event);
      const id = Number(identifiers[0].id);
      await manager.insert(
        EventSession,
        sessions.map((s) => ({ ...s, eventId: id, remaining: s.capacity })),
      );
      return id;
    });
  }

  async saveChanges(id: number, changes: EventChanges): Promise<void> {
    if (Object.keys(changes).length) await this.events.update({ id }, changes);
  }

  byId(id: number): Promise<EventRecord | null> {
    return this.events.findOneBy({ id });
  }

  byIds(ids: number[]): Promise<EventRecord[]> {
    return ids.length ? this.events.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  session(id: number): Promise<EventSession | null> {
    return this.sessions.findOneBy({ id });
  }

  sessionsByIds(ids: number[]): Promise<EventSession[]> {
    return ids.length ? this.sessions.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The events' sessions in time order, each with its number of active sign-ups. */
  async sessionsOf(eventIds: number[]): Promise<Map<number, SessionWithCount[]>> {
    const byEvent = new Map<number, SessionWithCount[]>(eventIds.map((id) => [id, []]));
    if (!eventIds.length) return byEvent;
    const sessions = await this.sessions.find({
      where: { eventId: In(eventIds) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const counts = await this.dataSource
      .getRepository(EventSignup)
      .createQueryBuilder('s')
      .select('s.session_id', 'sessionId')
      .addSelect('COUNT(*)', 'count')
      .where('s.event_id IN (:...eventIds) AND s.status IN (:...active)', {
        eventIds,
        active: ACTIVE,
      })
      .groupBy('s.session_id')
      .getRawMany<{ sessionId: number | string; count: number | string }>();
    const countOf = new Map(counts.map((c) => [Number(c.sessionId), Number(c.count)]));
    for (const s of sessions) byEvent.get(s.eventId)?.push({ ...s, signups: countOf.get(s.id) ?? 0 });
    return byEvent;
  }

  /**
   * Events a worker may still look at (not over), soonest first, optionally of one kind and with a session
   * in [from, to). At most 200: a district runs a few dozen at a time.
   */
  async upcoming(now: Date, kind?: EventKind, within?: { from: Date; to: Date }): Promise<EventRecord[]> {
    const query = this.events
      .createQueryBuilder('e')
      .where('e.ends_at > :now', { now })
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(200);
    if (kind) query.andWhere('e.kind = :kind', { kind });
    if (within) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM event_sessions ss WHERE ss.event_id = e.id AND ss.starts_at < :to AND ss.ends_at > :from)',
        within,
      );
    }
    return query.getMany();
  }

  /** Events whose owner org is in the scope, newest first. */
  pageInScope(
    scope: OrgScope,
    kind: EventKind | undefined,
    skip: number,
    take: number,
  ): Promise<[EventRecord[], number]> {
    const query = this.events
      .createQueryBuilder('e')
      .innerJoin(Org, 'o', 'o.id = e.owner_org_id')
      .where(...OrgScopeService.pathCondition(scope, 'o.path'))
      .orderBy('e.id', 'DESC')
      .skip(skip)
      .take(take);
    if (kind) query.andWhere('e.kind = :kind', { kind });
    return query.getManyAndCount();
  }

  /** The event's cover, when `uploadId` is the cover of some event (upload access policy). */
  async isCover(uploadId: string): Promise<boolean> {
    return (await this.events.countBy({ coverId: uploadId })) > 0;
  }
}
