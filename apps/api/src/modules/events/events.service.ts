import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  distanceMeters,
  shanghaiDay,
  shanghaiDayStart,
  type EventView,
  type FormField,
  type Page,
  type WorkerEventView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository, type PersonFacts } from '../users/users.repository';
import type { CreateEventDto } from './dto/create-event.dto';
import type { EventQueryDto, ManageEventQueryDto } from './dto/event-query.dto';
import type { UpdateEventDto } from './dto/update-event.dto';
import type { EventRecord } from './entities/event.entity';
import { newSecret } from './event-codes';
import { eventIneligibility } from './event-eligibility';
import { toEventView } from './events.mapper';
import { EventsRepository, type EventChanges } from './events.repository';
import { SignupsRepository } from './signups.repository';

/** Fields that decide who gets a place: fixed once the sign-up window opened. */
const LOCKED_FIELDS = [
  'eligibility',
  'signupStartsAt',
  'signupEndsAt',
  'cancelDeadline',
  'perPersonLimit',
  'noShowRule',
  'offerHours',
  'form',
] as const;

/** Events: what staff create and change, what workers may see and sign up for. */
@Injectable()
export class EventsService implements OnModuleInit {
  constructor(
    private readonly events: EventsRepository,
    private readonly signups: SignupsRepository,
    private readonly orgs: OrgsRepository,
    private readonly users: UsersRepository,
    private readonly uploads: UploadsService,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  /** A cover is public to anyone signed in once it is some event's cover (the list shows it to everyone). */
  onModuleInit(): void {
    this.uploads.registerAccessPolicy('event_cover', (_viewer, upload) => this.events.isCover(upload.id));
  }

  async create(staff: AuthUser, dto: CreateEventDto): Promise<EventView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    await this.scope.checkAudience(staff, dto.eligibility.orgId, 'eligibility.orgId');
    if (dto.coverId) await this.uploads.requireOwned(staff.id, dto.coverId, 'event_cover', 'coverId');
    checkForm(dto.form);
    const sessions = dto.sessions.map((s, i) => {
      const startsAt = new Date(s.startsAt);
      const endsAt = new Date(s.endsAt);
      if (endsAt <= startsAt)
        throw AppException.invalid(`sessions.${i}.endsAt`, '场次结束时间必须晚于开始时间');
      return {
        label: s.label,
        startsAt,
        endsAt,
        capacity: s.capacity,
        venueSecret: newSecret(),
      };
    });
    const startsAt = new Date(Math.min(...sessions.map((s) => s.startsAt.getTime())));
    const endsAt = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime())));
    const windows = checkWindows(dto.signupStartsAt, dto.signupEndsAt, dto.cancelDeadline, startsAt);
    const id = await this.events.insert(
      {
        title: dto.title,
        kind: dto.kind,
        description: dto.description,
        coverId: dto.coverId,
        venue: dto.venue,
        latitude: dto.latitude,
        longitude: dto.longitude,
        ownerOrgId: dto.ownerOrgId,
        ...eligibilityColumns(dto.eligibility),
        allocation: dto.allocation,
        ...windows,
        perPersonLimit: dto.perPersonLimit,
        noShowRule: dto.noShowRule,
        offerHours: dto.offerHours,
        formJson: JSON.stringify(dto.form),
        startsAt,
        endsAt,
        // Fixed and published now, before anyone can sign up; no route ever changes it.
        lotterySeed: dto.allocation === 'lottery' ? newSecret() : null,
        createdBy: staff.id,
      },
      sessions,
    );
    return this.view(await this.managed(staff, id));
  }

  async update(staff: AuthUser, id: number, dto: UpdateEventDto): Promise<EventView> {
    const event = await this.managed(staff, id);
    const locked = LOCKED_FIELDS.filter((field) => dto[field] !== undefined);
    if (locked.length && this.clock.now() >= event.signupStartsAt) {
      throw new AppException(
        'EVENT_LOCKED',
        undefined,
        locked.map((field) => ({ field, message: '报名开始后不能修改' })),
      );
    }
    const changes: EventChanges = {};
    if (dto.title !== undefined) changes.title = dto.title;
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.venue !== undefined) changes.venue = dto.venue;
    if (dto.latitude !== undefined) changes.latitude = dto.latitude;
    if (dto.longitude !== undefined) changes.longitude = dto.longitude;
    if (dto.perPersonLimit !== undefined) changes.perPersonLimit = dto.perPersonLimit;
    if (dto.noShowRule !== undefined) changes.noShowRule = dto.noShowRule;
    if (dto.offerHours !== undefined) changes.offerHours = dto.offerHours;
    if (dto.coverId !== undefined) {
      if (dto.coverId && dto.coverId !== event.coverId)
        await this.uploads.requireOwned(staff.id, dto.coverId, 'event_cover', 'coverId');
      changes.coverId = dto.coverId;
    }
    if (dto.form !== undefined) {
      checkForm(dto.form);
      changes.formJson = JSON.stringify(dto.form);
    }
    if (dto.eligibility !== undefined) {
      await this.scope.checkAudience(staff, dto.eligibility.orgId, 'eligibility.orgId');
      Object.assign(changes, eligibilityColumns(dto.eligibility));
    }
    if (
      dto.signupStartsAt !== undefined ||
      dto.signupEndsAt !== undefined ||
      dto.cancelDeadline !== undefined
    ) {
      Object.assign(
        changes,
        checkWindows(
          dto.signupStartsAt ?? event.signupStartsAt.toISOString(),
          dto.signupEndsAt ?? event.signupEndsAt.toISOString(),
          dto.cancelDeadline ?? event.cancelDeadline.toISOString(),
          event.startsAt,
        ),
      );
    }
    await this.events.saveChanges(id, changes);
    return this.view(await this.managed(staff, id));
  }

  async managedList(staff: AuthUser, query: ManageEventQueryDto): Promise<Page<EventView>> {
    const scope = await this.scope.scopeOf(staff);
    const [rows, total] = await this.events.pageInScope(scope, query.kind, query.skip, query.pageSize);
    return {
      items: await this.views(rows),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** One event, with whether the caller may sign up; 404 for a missing id. */
  async get(user: AuthUser, id: number): Promise<WorkerEventView> {
    const event = await this.events.byId(id);
    if (!event) throw AppException.notFound('活动不存在');
    const [view] = await this.forWorker(user.id, [event], null);
    return view;
  }

  /** The worker's list: events not over whose audience their verified facts fit, filtered, then paged. */
  async list(user: AuthUser, query: EventQueryDto): Promise<Page<WorkerEventView>> {
    const now = this.clock.now();
    const events = await this.events.upcoming(
      now,
      query.kind,
      query.thisWeek ? shanghaiWeek(now) : undefined,
    );
    const here =
      query.lat !== undefined && query.lng !== undefined
        ? { latitude: query.lat, longitude: query.lng }
        : null;
    let views = (await this.forWorker(user.id, events, here)).filter(
      (v) => v.eligible || v.mySignupIds.length,
    );
    if (here) views = views.sort((a, b) => a.distanceMeters! - b.distanceMeters!);
    return page(views, query);
  }

  /** An event the staff member's scope covers (by owner org); 404 otherwise. */
  async managed(staff: AuthUser, id: number): Promise<EventRecord> {
    const event = await this.events.byId(id);
    const owner = event && (await this.orgs.pathOf(event.ownerOrgId));
    if (!event || !owner || !this.scope.contains(await this.scope.scopeOf(staff), owner))
      throw AppException.notFound('活动不存在');
    return event;
  }

  /** Why this worker may not sign up, in words they can act on; null when they may. */
  async ineligibility(facts: PersonFacts, event: EventRecord): Promise<string | null> {
    const audience = event.audienceOrgId ? await this.orgs.byId(event.audienceOrgId) : null;
    return eventIneligibility(facts, event, audience);
  }

  async view(event: EventRecord): Promise<EventView> {
    return (await this.views([event]))[0];
  }

  async views(events: EventRecord[]): Promise<EventView[]> {
    const sessions = await this.events.sessionsOf(events.map((e) => e.id));
    const owners = await Promise.all(
      [...new Set(events.map((e) => e.ownerOrgId))].map((id) => this.orgs.byId(id)),
    );
    const ownerById = new Map(owners.filter((o) => o !== null).map((o) => [o.id, toOrgSummary(o)]));
    return events.map((e) =>
      toEventView(
        e,
        sessions.get(e.id) ?? [],
        ownerById.get(e.ownerOrgId) ?? {
          id: e.ownerOrgId,
          name: '',
          kind: 'district',
        },
        e.coverId ? this.uploads.signedUrl(e.coverId) : null,
      ),
    );
  }

  private async forWorker(
    userId: number,
    events: EventRecord[],
    here: { latitude: number; longitude: number } | null,
  ): Promise<WorkerEventView[]> {
    const facts = await this.users.facts(userId);
    if (!facts) throw AppException.notFound();
    const [views, mine] = await Promise.all([
      this.views(events),
      this.signups.activeOf(
        userId,
        events.map((e) => e.id),
      ),
    ]);
    return Promise.all(
      events.map(async (event, i) => {
        const reason = await this.ineligibility(facts, event);
        const own = mine.filter((s) => s.eventId === event.id);
        return {
          ...views[i],
          eligible: reason === null,
          ineligibleReason: reason,
          distanceMeters: here ? distanceMeters(here, event) : null,
          signupsUsed: own.length,
          mySignupIds: own.map((s) => s.id),
        };
      }),
    );
  }
}

function eligibilityColumns(eligibility: CreateEventDto['eligibility']) {
  return {
    eligibleCategories: eligibility.categories,
    gigVerifiedRequired: eligibility.gigVerifiedRequired,
    eligibleTags: eligibility.tags,
    membersOnly: eligibility.membersOnly,
    audienceOrgId: eligibility.orgId,
  };
}

/** The sign-up window closes before the first session starts; cancelling ends no later than that either. */
function checkWindows(startsAtText: string, endsAtText: string, cancelText: string, firstSession: Date) {
  const signupStartsAt = new Date(startsAtText);
  const signupEndsAt = new Date(endsAtText);
  const cancelDeadline = new Date(cancelText);
  if (signupEndsAt <= signupStartsAt)
    throw AppException.invalid('signupEndsAt', '报名截止时间必须晚于报名开始时间');
  if (signupEndsAt > firstSession)
    throw AppException.invalid('signupEndsAt', '报名截止时间不能晚于第一个场次开始');
  if (cancelDeadline < signupStartsAt || cancelDeadline > firstSession)
    throw AppException.invalid('cancelDeadline', '取消截止时间须在报名开始之后、第一个场次开始之前');
  return { signupStartsAt, signupEndsAt, cancelDeadline };
}

/** What the DTO cannot say about a form: keys unique, choices with options, bounds in order. */
function checkForm(form: FormField[]): void {
  const keys = new Set<string>();
  form.forEach((field, i) => {
    if (keys.has(field.key)) throw AppException.invalid(`form.${i}.key`, '报名表的字段标识不能重复');
    keys.add(field.key);
    if (field.type !== 'choice' && field.options !== undefined)
      throw AppException.invalid(`form.${i}.options`, '只有选择题可以设置选项');
    if (field.type !== 'number' && (field.min !== undefined || field.max !== undefined))
      throw AppException.invalid(`form.${i}.min`, '只有数字题可以设置范围');
    if (field.min !== undefined && field.max !== undefined && field.min > field.max)
      throw AppException.invalid(`form.${i}.max`, '最大值不能小于最小值');
  });
}

/** This Shanghai week, Monday 00:00 to the next Monday 00:00. */
function shanghaiWeek(now: Date): { from: Date; to: Date } {
  const today = shanghaiDayStart(shanghaiDay(now));
  const weekday = (new Date(`${shanghaiDay(now)}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = new Date(today.getTime() - weekday * 86_400_000);
  return { from, to: new Date(from.getTime() + 7 * 86_400_000) };
}

function page<T>(items: T[], query: PageQuery): Page<T> {
  return {
    items: items.slice(query.skip, query.skip + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
