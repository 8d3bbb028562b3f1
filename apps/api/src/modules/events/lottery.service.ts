import { Injectable } from '@nestjs/common';
import { drawLottery, type LotteryResultView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import type { EventRecord } from './entities/event.entity';
import { hmacSha256Hex } from './event-codes';
import { lotteryResultMessage } from './event-messages';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { LotteryRepository } from './lottery.repository';

/** The published, reproducible draw (SPEC §5; the algorithm is `drawLottery` in @jingcai/shared). */
@Injectable()
export class LotteryService {
  constructor(
    private readonly lottery: LotteryRepository,
    private readonly events: EventsRepository,
    private readonly eventsService: EventsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Staff run the draw once the window closed; a second call (on any instance) returns the same result. */
  async run(staff: AuthUser, eventId: number): Promise<LotteryResultView> {
    const event = await this.eventsService.managed(staff, eventId);
    if (event.allocation !== 'lottery' || !event.lotterySeed) throw new AppException('NOT_A_LOTTERY');
    const now = this.clock.now();
    if (now < event.signupEndsAt) throw new AppException('LOTTERY_NOT_READY');
    const seed = event.lotterySeed;
    const drawn = await this.lottery.drawOnce(eventId, now, (sessions, entries) =>
      drawLottery(seed, sessions, entries, hmacSha256Hex),
    );
    if (drawn) {
      const sessions = new Map(
        (await this.events.sessionsByIds([...new Set(drawn.map((d) => d.sessionId))])).map((s) => [s.id, s]),
      );
      for (const entry of drawn) {
        const session = sessions.get(entry.sessionId)!;
        const ticket = {
          id: entry.signupId,
          eventTitle: event.title,
          sessionLabel: session.label,
          sessionStartsAt: session.startsAt,
          venue: event.venue,
        };
        this.notifications.notifyLater(entry.userId, lotteryResultMessage(ticket, entry.won, entry.position));
      }
    }
    return this.resultOf((await this.events.byId(eventId))!);
  }

  /** The seed, and once drawn the entries and result: public to anyone signed in, so anyone can re-run it. */
  async result(eventId: number): Promise<LotteryResultView> {
    const event = await this.events.byId(eventId);
    if (!event) throw AppException.notFound('活动不存在');
    if (event.allocation !== 'lottery' || !event.lotterySeed) throw new AppException('NOT_A_LOTTERY');
    return this.resultOf(event);
  }

  private async resultOf(event: EventRecord): Promise<LotteryResultView> {
    const drawn = event.lotteryDrawnAt ? await this.lottery.result(event.id) : { entries: [], sessions: [] };
    return {
      eventId: event.id,
      seed: event.lotterySeed!,
      drawnAt: event.lotteryDrawnAt?.toISOString() ?? null,
      ...drawn,
    };
  }
}
