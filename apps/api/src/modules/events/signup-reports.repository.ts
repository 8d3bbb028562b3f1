import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SignupStatus } from '@jingcai/shared';
import { In, Not, Repository, type FindOptionsWhere } from 'typeorm';
import { EventSignup, PENDING } from './entities/event-signup.entity';

export interface SignupFilter {
  sessionId?: number;
  status?: SignupStatus;
  /** A public number or a ticket code. */
  q?: string;
}

/** An event's sign-ups as its staff read them: lists, exports, counts. */
@Injectable()
export class SignupReportsRepository {
  constructor(
    @InjectRepository(EventSignup)
    private readonly signups: Repository<EventSignup>,
  ) {}

  page(eventId: number, filter: SignupFilter, skip: number, take: number): Promise<[EventSignup[], number]> {
    return this.signups.findAndCount({
      where: this.where(eventId, filter),
      order: { id: 'ASC' },
      skip,
      take,
    });
  }

  /** Every matching sign-up for the export (a district event has at most a few thousand). */
  all(eventId: number, filter: SignupFilter): Promise<EventSignup[]> {
    return this.signups.find({
      where: this.where(eventId, filter),
      order: { sessionId: 'ASC', id: 'ASC' },
    });
  }

  async statusCounts(eventId: number): Promise<{ sessionId: number; status: string; count: number }[]> {
    const rows = await this.signups
      .createQueryBuilder('s')
      .select('s.session_id', 'sessionId')
      .addSelect('s.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('s.event_id = :eventId', { eventId })
      .groupBy('s.session_id')
      .addGroupBy('s.status')
      .getRawMany<{
        sessionId: number | string;
        status: string;
        count: number | string;
      }>();
    return rows.map((r) => ({
      sessionId: Number(r.sessionId),
      status: r.status,
      count: Number(r.count),
    }));
  }

  private where(eventId: number, filter: SignupFilter): FindOptionsWhere<EventSignup>[] {
    const base: FindOptionsWhere<EventSignup> = {
      eventId,
      status: filter.status ?? Not(In([PENDING])),
      ...(filter.sessionId ? { sessionId: filter.sessionId } : {}),
    };
    if (!filter.q) return [base];
    return [
      { ...base, publicNo: filter.q },
      { ...base, ticketCode: filter.q },
    ];
  }
}
