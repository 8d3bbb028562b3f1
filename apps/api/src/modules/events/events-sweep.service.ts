import { Injectable } from '@nestjs/common';
import { CHILD_DATA_RETENTION_DAYS } from '@jingcai/shared';
import { Clock } from '../../common/clock';
import { NotificationsService } from '../notifications/notifications.service';
import { reminderMessage } from './event-messages';
import { EventSweepsRepository } from './event-sweeps.repository';
import { EventsRepository } from './events.repository';
import { SignupsRepository } from './signups.repository';
import { SignupsService } from './signups.service';

const PENDING_ABANDONED_MS = 60_000;
const REMIND_BEFORE_MS = 24 * 3600_000;
const BATCH = 500;

export interface EventsSweepResult {
  offersLapsed: number;
  promoted: number;
  lost: number;
  reminded: number;
  childDataErased: number;
}

/**
 * What time does to sign-ups, run by every instance (EventsSweeper) and by tests directly: lapsed offers pass
 * to the next on the waitlist, free places reach the waitlist, unplaced entries close when their session
 * starts, the day-before reminder goes out once per ticket, and children's data are erased 30 days after
 * the event. Every step is a conditional update, so instances sweeping at once never do a step twice.
 */
@Injectable()
export class EventsSweepService {
  constructor(
    private readonly sweeps: EventSweepsRepository,
    private readonly signups: SignupsRepository,
    private readonly signupsService: SignupsService,
    private readonly events: EventsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<EventsSweepResult> {
    const now = this.clock.now();
    const result: EventsSweepResult = {
      offersLapsed: 0,
      promoted: 0,
      lost: 0,
      reminded: 0,
      childDataErased: 0,
    };
    await this.sweeps.deletePendingBefore(new Date(now.getTime() - PENDING_ABANDONED_MS));

    for (const offer of await this.sweeps.lapsedOffers(now, BATCH)) {
      if ((await this.signups.cancel(offer.id, now, 'expired', ['offered'])) !== 'freed') continue;
      result.offersLapsed++;
      const event = await this.events.byId(offer.eventId);
      if (event) result.promoted += await this.signupsService.promote(event, offer.sessionId);
    }
    for (const { eventId, sessionId } of await this.sweeps.sessionsToPromote(now)) {
      const event = await this.events.byId(eventId);
      if (event) result.promoted += await this.signupsService.promote(event, sessionId);
    }
    result.lost = await this.sweeps.closeUnplaced(now);

    for (const signup of await this.sweeps.dueForReminder(
      now,
      new Date(now.getTime() + REMIND_BEFORE_MS),
      BATCH,
    )) {
      if (!(await this.sweeps.markReminded(signup.id, now))) continue;
      const [event, session] = await Promise.all([
        this.events.byId(signup.eventId),
        this.events.session(signup.sessionId),
      ]);
      if (!event || !session) continue;
      const ticket = {
        id: signup.id,
        eventTitle: event.title,
        sessionLabel: session.label,
        sessionStartsAt: session.startsAt,
        venue: event.venue,
      };
      await this.notifications.notify(signup.userId, reminderMessage(ticket));
      result.reminded++;
    }

    const erasedBefore = new Date(now.getTime() - CHILD_DATA_RETENTION_DAYS * 86_400_000);
    for (const event of await this.sweeps.childDataDue(erasedBefore)) {
      await this.sweeps.eraseChildData(event.id, now);
      result.childDataErased++;
    }
    return result;
  }
}
