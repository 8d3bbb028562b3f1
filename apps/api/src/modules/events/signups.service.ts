import { Injectable } from '@nestjs/common';
import { formAnswerProblems, type FormField, type Page, type SignupView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UsersRepository } from '../users/users.repository';
import type { CreateSignupDto } from './dto/create-signup.dto';
import type { EventSession } from './entities/event-session.entity';
import type { EventRecord } from './entities/event.entity';
import { PENDING, type EventSignup } from './entities/event-signup.entity';
import { newPublicNo, newTicketCode } from './event-codes';
import { eventIneligibility } from './event-eligibility';
import { offerMessage } from './event-messages';
import { formOf } from './events.mapper';
import { toSignupView } from './signup-view';
import { EventsRepository } from './events.repository';
import { SignupsRepository } from './signups.repository';

const CODE_ATTEMPTS = 3;
const RULES_TTL_MS = 5_000;

/** What signing up needs of an event, cached briefly per instance: a rush reads it thousands of times. */
interface EventRules {
  event: EventRecord;
  sessions: Map<number, EventSession>;
  /** The sign-up form, parsed once per load rather than twice per request. */
  form: FormField[];
  audience: { path: string; name: string } | null;
}

/** A worker's sign-ups: signing up, their tickets, cancelling, and accepting a waitlist offer. */
@Injectable()
export class SignupsService {
  /** One load per event at a time: when an entry expires mid-rush, the requests waiting share it. */
  private readonly rules = new TtlCache<number, EventRules>(RULES_TTL_MS);

  constructor(
    private readonly signups: SignupsRepository,
    private readonly events: EventsRepository,
    private readonly orgs: OrgsRepository,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly notifications: NotificationsService,
    private readonly contentSafety: ContentSafetyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs up for one session. Correct under any concurrency and any number of instances because the
   * invariants live in the database: the `active_key` unique index (one sign-up per person and session; a
   * retry finds it), the conditional `remaining > 0` decrement in the statement that confirms a first-come
   * sign-up, and the per-person limit re-counted after the insert in id order (see `overLimit`).
   */
  async signup(
    user: AuthUser,
    eventId: number,
    dto: CreateSignupDto,
  ): Promise<{ created: boolean; signup: SignupView }> {
    const { event, sessions, form, audience } = await this.rulesOf(eventId);
    const session = sessions.get(dto.sessionId);
    if (!session) throw AppException.invalid('sessionId', '场次不存在');
    const now = this.clock.now();
    if (now < event.signupStartsAt || now >= event.signupEndsAt || now >= session.startsAt)
      throw new AppException('SIGNUP_CLOSED');
    const facts = await this.users.facts(user.id);
    if (!facts) throw AppException.notFound();
    const reason = eventIneligibility(facts, event, audience);
    if (reason) throw new AppException('NOT_ELIGIBLE', reason);
    this.checkAnswers(event, form, dto);
    await this.checkAnswerText(user.id, form, dto);

    const activeKey = `${session.id}:${user.id}`;
    const heldId = await this.signups.heldId(activeKey);
    if (heldId !== null) return { created: false, signup: await this.existing(heldId, event, session) };
    // A full first-come session refuses at once: in a rush most tries end here, with no write at all.
    if (event.allocation === 'first_come' && (await this.signups.remainingOf(session.id)) <= 0)
      throw new AppException('EVENT_FULL');
    if ((await this.signups.activeIdsOf(user.id, event.id)).length >= event.perPersonLimit)
      throw new AppException('PER_PERSON_LIMIT', `每人最多报名 ${event.perPersonLimit} 个场次`);
    if (event.allocation === 'lottery' && (await this.signups.cancelledBeforeDraw(user.id, session.id)))
      throw new AppException('SIGNUP_REENTRY_REFUSED');

    const id = await this.insert(user.id, event, session, dto, activeKey);
    if (id === null) {
      const racedId = await this.signups.heldId(activeKey);
      if (racedId === null) throw new AppException('ALREADY_SIGNED_UP');
      return { created: false, signup: await this.existing(racedId, event, session) };
    }
    if (await this.overLimit(user.id, event, id)) {
      if (event.allocation === 'lottery') await this.signups.withdrawEntered(id, now);
      else await this.signups.withdrawPending(id);
      throw new AppException('PER_PERSON_LIMIT', `每人最多报名 ${event.perPersonLimit} 个场次`);
    }
    if (event.allocation === 'first_come' && !(await this.signups.takePlace(session.id, id))) {
      await this.signups.withdrawPending(id);
      throw new AppException('EVENT_FULL');
    }
    return {
      created: true,
      signup: await this.view((await this.signups.byId(id))!, event, session),
    };
  }

  async mine(user: AuthUser, query: PageQuery): Promise<Page<SignupView>> {
    const [rows, total] = await this.signups.pageOf(user.id, query.skip, query.pageSize);
    const events = new Map(
      (await this.events.byIds([...new Set(rows.map((s) => s.eventId))])).map((e) => [e.id, e]),
    );
    const sessions = new Map(
      (await this.events.sessionsByIds([...new Set(rows.map((s) => s.sessionId))])).map((s) => [s.id, s]),
    );
    const positions = await this.signups.waitlistPositions(rows);
    const items = rows.map((s) =>
      toSignupView(
        s,
        events.get(s.eventId)!,
        sessions.get(s.sessionId)!,
        this.cipher,
        this.clock.now(),
        positions.get(s.id),
      ),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async one(user: AuthUser, id: number): Promise<SignupView> {
    const signup = await this.signups.workerSignup(user.id, id);
    if (!signup) throw AppException.notFound('报名记录不存在');
    return this.viewOf(signup);
  }

  /** Cancels before the deadline; a place given back goes to the next on the waitlist (lottery, drawn). */
  async cancel(user: AuthUser, id: number): Promise<SignupView> {
    const signup = await this.signups.workerSignup(user.id, id);
    if (!signup) throw AppException.notFound('报名记录不存在');
    const event = (await this.events.byId(signup.eventId))!;
    const now = this.clock.now();
    if (now >= event.cancelDeadline) throw new AppException('SIGNUP_NOT_CANCELLABLE');
    const outcome = await this.signups.cancel(signup.id, now);
    if (!outcome) throw new AppException('SIGNUP_NOT_CANCELLABLE');
    if (outcome === 'freed') await this.promote(event, signup.sessionId);
    return this.viewOf((await this.signups.byId(id))!);
  }

  /** Accepts a waitlist offer before its deadline. */
  async confirm(user: AuthUser, id: number): Promise<SignupView> {
    const signup = await this.signups.workerSignup(user.id, id);
    if (!signup) throw AppException.notFound('报名记录不存在');
    if (signup.status !== 'offered') throw new AppException('NO_OFFER');
    if (!(await this.signups.confirmOffer(user.id, id, this.clock.now()))) {
      const now = (await this.signups.byId(id))!;
      throw new AppException(
        now.status === 'offered' || now.status === 'expired' ? 'OFFER_EXPIRED' : 'NO_OFFER',
      );
    }
    return this.viewOf((await this.signups.byId(id))!);
  }

  /**
   * Offers the session's free places to the next waitlisted, each told with a confirm deadline. Only for a
   * drawn lottery before the session starts: a first-come place given back is simply free again.
   */
  async promote(event: EventRecord, sessionId: number): Promise<number> {
    if (event.allocation !== 'lottery' || !event.lotteryDrawnAt) return 0;
    const session = await this.events.session(sessionId);
    if (!session || this.clock.now() >= session.startsAt) return 0;
    const offerExpiresAt = new Date(
      Math.min(this.clock.now().getTime() + event.offerHours * 3600_000, session.startsAt.getTime()),
    );
    const ids = await this.signups.promote(sessionId, offerExpiresAt);
    for (const id of ids) {
      const offered = (await this.signups.byId(id))!;
      const ticket = {
        id,
        eventTitle: event.title,
        sessionLabel: session.label,
        sessionStartsAt: session.startsAt,
        venue: event.venue,
      };
      this.notifications.notifyLater(offered.userId, offerMessage(ticket, offerExpiresAt));
    }
    return ids.length;
  }

  /** Inserts with fresh codes; null when the worker already holds this session (the active key is taken). */
  private async insert(
    userId: number,
    event: EventRecord,
    session: EventSession,
    dto: CreateSignupDto,
    activeKey: string,
  ): Promise<number | null> {
    const child = dto.child
      ? {
          name: this.cipher.encrypt(dto.child.name),
          age: this.cipher.encrypt(String(dto.child.age)),
          guardian: this.cipher.encrypt(dto.child.guardian),
        }
      : null;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.signups.insert({
          eventId: event.id,
          sessionId: session.id,
          userId,
          publicNo: newPublicNo(),
          ticketCode: newTicketCode(),
          status: event.allocation === 'lottery' ? 'entered' : PENDING,
          activeKey,
          answersJson: JSON.stringify(dto.answers.map((a) => ({ key: a.key, value: a.value }))),
          child,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if ((await this.signups.heldId(activeKey)) !== null) return null;
        if (attempt >= CODE_ATTEMPTS) throw error; // a code clash three times running: not chance
      }
    }
  }

  /**
   * Whether this new sign-up is beyond the worker's limit. Every try counts the worker's active sign-ups after
   * its own insert and keeps only the first `limit` by id: ids grow in insert order, so of two racing tries
   * the later one always sees the earlier and gives way, and the earlier one is never the one beyond.
   */
  private async overLimit(userId: number, event: EventRecord, id: number): Promise<boolean> {
    const ids = await this.signups.activeIdsOf(userId, event.id);
    return ids.indexOf(id) >= event.perPersonLimit;
  }

  private rulesOf(eventId: number): Promise<EventRules> {
    return this.rules.get(eventId, async () => {
      const event = await this.events.byId(eventId);
      if (!event) throw AppException.notFound('活动不存在');
      const sessions = (await this.events.sessionsOf([eventId])).get(eventId) ?? [];
      const audience = event.audienceOrgId ? await this.orgs.byId(event.audienceOrgId) : null;
      return {
        event,
        sessions: new Map(sessions.map((s) => [s.id, s])),
        form: formOf(event),
        audience: audience ? { path: audience.path, name: audience.name } : null,
      };
    });
  }

  private checkAnswers(event: EventRecord, form: FormField[], dto: CreateSignupDto): void {
    if (event.kind === 'childcare' && !dto.child) throw new AppException('CHILD_REQUIRED');
    if (event.kind !== 'childcare' && dto.child)
      throw AppException.invalid('child', '该活动不需要填写孩子信息');
    const problems = formAnswerProblems(form, dto.answers);
    if (problems.length) throw new AppException('VALIDATION_FAILED', problems[0].message, problems);
  }

  /**
   * Text answers are worker-written text the event's staff read: they go through WeChat's check like any other
   * (refused on `review`: a sign-up has no moderation queue). Choices, numbers and dates are the form's own words.
   */
  private async checkAnswerText(userId: number, form: FormField[], dto: CreateSignupDto): Promise<void> {
    const textKeys = new Set(form.filter((f) => f.type === 'text').map((f) => f.key));
    const fields = Object.fromEntries(
      dto.answers.filter((a) => textKeys.has(a.key) && a.value).map((a) => [`answers.${a.key}`, a.value]),
    );
    if (!Object.keys(fields).length) return;
    const author = await this.users.author(userId);
    if (!author) throw AppException.notFound();
    await this.contentSafety.checkText(
      { id: author.id, openid: author.openid, orgId: author.orgId },
      fields,
      'profile',
    );
  }

  /** A repeat of a sign-up the worker holds: the same ticket (a try still taking its place is told to wait). */
  private async existing(heldId: number, event: EventRecord, session: EventSession): Promise<SignupView> {
    const held = await this.signups.byId(heldId);
    // Ended between the two reads (withdrawn, cancelled): the try may simply be made again.
    if (!held) throw new AppException('ALREADY_SIGNED_UP', '报名正在处理中，请稍后查看我的报名');
    if (held.status === PENDING)
      throw new AppException('ALREADY_SIGNED_UP', '报名正在处理中，请稍后查看我的报名');
    return this.view(held, event, session);
  }

  private async viewOf(signup: EventSignup): Promise<SignupView> {
    const [event, session] = await Promise.all([
      this.events.byId(signup.eventId),
      this.events.session(signup.sessionId),
    ]);
    return this.view(signup, event!, session!);
  }

  private async view(signup: EventSignup, event: EventRecord, session: EventSession): Promise<SignupView> {
    const positions = await this.signups.waitlistPositions([signup]);
    return toSignupView(signup, event, session, this.cipher, this.clock.now(), positions.get(signup.id));
  }
}
