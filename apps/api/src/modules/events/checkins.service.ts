import { Injectable } from '@nestjs/common';
import {
  CHECKIN_OPENS_BEFORE_MINUTES,
  maskName,
  staffName,
  VENUE_CODE_WINDOW_SECONDS,
  venueCodeWindow,
  type AttendanceView,
  type EventCheckinView,
  type VenueCodeView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { hasRole, isAdmin } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { UsersRepository } from '../users/users.repository';
import type { EventCheckinDto } from './dto/event-checkin.dto';
import type { EventSession } from './entities/event-session.entity';
import type { EventSignup } from './entities/event-signup.entity';
import { isVenueCodeCurrent, venueCodeAt } from './event-codes';
import { childOf } from './events.mapper';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { SignupReportsRepository } from './signup-reports.repository';
import { SignupsRepository } from './signups.repository';

/** 签到: staff scanning a ticket, a worker entering the venue's rotating code; the venue screen; attendance. */
@Injectable()
export class CheckinsService {
  constructor(
    private readonly signups: SignupsRepository,
    private readonly reports: SignupReportsRepository,
    private readonly events: EventsRepository,
    private readonly eventsService: EventsService,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async checkIn(user: AuthUser, dto: EventCheckinDto): Promise<EventCheckinView> {
    const byTicket = dto.ticketCode !== undefined;
    const byVenue = dto.sessionId !== undefined || dto.venueCode !== undefined;
    if (byTicket === byVenue || (byVenue && (dto.sessionId === undefined || dto.venueCode === undefined)))
      throw AppException.invalid('ticketCode', '请提交票码，或提交场次和现场签到码');
    return byTicket ? this.scan(user, dto.ticketCode!) : this.venue(user, dto.sessionId!, dto.venueCode!);
  }

  /** Staff scan a ticket: only for events their scope covers (others read as an unknown ticket), never their own. */
  private async scan(staff: AuthUser, ticketCode: string): Promise<EventCheckinView> {
    if (!hasRole(staff, 'staff') && !isAdmin(staff)) throw AppException.forbidden('只有工作人员可以扫码签到');
    const signup = await this.signups.byTicket(ticketCode);
    if (!signup) throw new AppException('TICKET_INVALID');
    await this.eventsService.managed(staff, signup.eventId).catch(() => {
      throw new AppException('TICKET_INVALID');
    });
    if (signup.userId === staff.id) throw new AppException('OWN_RECORD');
    const session = (await this.events.session(signup.sessionId))!;
    this.assertOpen(session);
    return this.mark(signup, session, staff.id, 'ticket');
  }

  /** A worker at the venue: the code on the screen now (or one window ago) and a place held in that session. */
  private async venue(user: AuthUser, sessionId: number, code: string): Promise<EventCheckinView> {
    const session = await this.events.session(sessionId);
    if (!session) throw AppException.notFound('场次不存在');
    this.assertOpen(session);
    if (!isVenueCodeCurrent(session.venueSecret, code, this.clock.now().getTime()))
      throw new AppException('CHECKIN_CODE_STALE');
    const signup = await this.signups.heldFor(user.id, sessionId);
    if (!signup) throw new AppException('NO_TICKET_FOR_SESSION');
    return this.mark(signup, session, null, 'venue_code');
  }

  /** The code the venue screen shows now; the console refreshes it before `expiresAt`. */
  async venueCode(staff: AuthUser, eventId: number, sessionId: number): Promise<VenueCodeView> {
    await this.eventsService.managed(staff, eventId);
    const session = await this.events.session(sessionId);
    if (!session || session.eventId !== eventId) throw AppException.notFound('场次不存在');
    const window = venueCodeWindow(this.clock.now().getTime());
    return {
      sessionId,
      code: venueCodeAt(session.venueSecret, window),
      expiresAt: new Date((window + 1) * VENUE_CODE_WINDOW_SECONDS * 1000).toISOString(),
      windowSeconds: VENUE_CODE_WINDOW_SECONDS,
    };
  }

  async attendance(staff: AuthUser, eventId: number): Promise<AttendanceView> {
    await this.eventsService.managed(staff, eventId);
    const now = this.clock.now();
    const sessions = (await this.events.sessionsOf([eventId])).get(eventId) ?? [];
    const counts = await this.reports.statusCounts(eventId);
    const count = (sessionId: number, status: string) =>
      counts.find((c) => c.sessionId === sessionId && c.status === status)?.count ?? 0;
    const views = sessions.map((s) => {
      const confirmed = count(s.id, 'confirmed');
      const checkedIn = count(s.id, 'checked_in');
      return {
        sessionId: s.id,
        label: s.label,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: s.capacity,
        booked: confirmed + checkedIn,
        checkedIn,
        noShows: now >= s.endsAt ? confirmed : null,
      };
    });
    return {
      eventId,
      sessions: views,
      checkedIn: views.reduce((sum, v) => sum + v.checkedIn, 0),
      booked: views.reduce((sum, v) => sum + v.booked, 0),
      at: now.toISOString(),
    };
  }

  /** Check-in opens CHECKIN_OPENS_BEFORE_MINUTES before the session and closes when it ends. */
  private assertOpen(session: EventSession): void {
    const now = this.clock.now().getTime();
    if (
      now < session.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MINUTES * 60_000 ||
      now >= session.endsAt.getTime()
    )
      throw new AppException('CHECKIN_CLOSED');
  }

  /** One check-in per ticket: the conditional update lets exactly one of concurrent scans through. */
  private async mark(
    signup: EventSignup,
    session: EventSession,
    by: number | null,
    method: 'ticket' | 'venue_code',
  ): Promise<EventCheckinView> {
    if (signup.status === 'checked_in') throw new AppException('TICKET_CHECKED_IN');
    if (signup.status !== 'confirmed') throw new AppException('TICKET_NOT_VALID');
    if (!(await this.signups.checkIn(signup.id, by, method, this.clock.now()))) {
      const now = await this.signups.byId(signup.id);
      throw new AppException(now?.status === 'checked_in' ? 'TICKET_CHECKED_IN' : 'TICKET_NOT_VALID');
    }
    const [marked, event, names] = await Promise.all([
      this.signups.byId(signup.id),
      this.events.byId(signup.eventId),
      this.users.namesOf([signup.userId]),
    ]);
    return {
      signupId: signup.id,
      publicNo: signup.publicNo,
      event: { id: event!.id, title: event!.title },
      session: {
        id: session.id,
        label: session.label,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
      },
      workerName: maskName(staffName(names.get(signup.userId), '职工')) ?? '职工',
      child: childOf(marked!, this.cipher),
      method,
      checkedInAt: marked!.checkedInAt!.toISOString(),
    };
  }
}
