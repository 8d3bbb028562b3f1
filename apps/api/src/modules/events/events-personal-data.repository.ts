import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource, In, Not } from 'typeorm';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { EventSession } from './entities/event-session.entity';
import { EventRecord } from './entities/event.entity';
import { EventSignup, PENDING } from './entities/event-signup.entity';
import { answersOf, childOf } from './events.mapper';

/**
 * Event sign-ups in a worker's data copy, and their erasure: form answers and children's data go; places
 * still held are given back (the sweep offers them to the waitlist); the rows stay, anonymous, for the
 * event's attendance figures and the published draw.
 */
@Injectable()
export class EventsPersonalDataRepository implements PersonalDataPart {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const signups = await this.dataSource.getRepository(EventSignup).find({
      where: { userId, status: Not(PENDING) },
      order: { id: 'ASC' },
    });
    const events = await this.dataSource
      .getRepository(EventRecord)
      .findBy({ id: In([0, ...signups.map((s) => s.eventId)]) });
    const sessions = await this.dataSource
      .getRepository(EventSession)
      .findBy({ id: In([0, ...signups.map((s) => s.sessionId)]) });
    const title = new Map(events.map((e) => [e.id, e.title]));
    const label = new Map(sessions.map((s) => [s.id, s.label]));
    return [
      {
        key: 'eventSignups',
        title: '活动报名',
        rows: signups.map((s) => {
          // The worker's own copy: masked like every response (it may be forwarded in WeChat).
          const child = childOf(s, this.cipher);
          return {
            id: s.id,
            event: title.get(s.eventId) ?? null,
            session: label.get(s.sessionId) ?? null,
            publicNo: s.publicNo,
            status: s.status,
            answers: answersOf(s)
              .map((a) => `${a.key}: ${a.value}`)
              .join('; '),
            child: child ? `${child.name}，${child.age} 岁，监护人 ${child.guardian}` : null,
            createdAt: iso(s.createdAt),
            checkedInAt: iso(s.checkedInAt),
          };
        }),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const holding = await manager.find(EventSignup, {
        select: { id: true, sessionId: true },
        where: { userId, status: In(['confirmed', 'offered']) },
      });
      for (const s of holding) {
        const closed = await manager.update(
          EventSignup,
          { id: s.id, status: In(['confirmed', 'offered']) },
          { status: 'cancelled', activeKey: null, closedAt: new Date() },
        );
        if (closed.affected) await manager.increment(EventSession, { id: s.sessionId }, 'remaining', 1);
      }
      await manager.update(
        EventSignup,
        { userId, status: In(['entered', 'waitlisted', PENDING]) },
        { status: 'cancelled', activeKey: null, closedAt: new Date() },
      );
      await manager.update(
        EventSignup,
        { userId },
        {
          answersJson: '[]',
          childNameCipher: null,
          childAgeCipher: null,
          childGuardianCipher: null,
        },
      );
    });
  }
}
