import { PICKUP_CODE_ALPHABET, shanghaiDay, shanghaiDayStart, type FormField } from '@jingcai/shared';
import { EventSession } from '../../modules/events/entities/event-session.entity';
import { EventRecord } from '../../modules/events/entities/event.entity';
import { EventSignup } from '../../modules/events/entities/event-signup.entity';
import { newSecret } from '../../modules/events/event-codes';
import type { Org } from '../../modules/orgs/entities/org.entity';
import type { Person } from './people';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

const HOUR = 3600_000;

interface DemoSession {
  label: string;
  /** Days from today (Shanghai) and the local start hour. */
  day: number;
  hour: number;
  hours: number;
  capacity: number;
}

interface DemoEvent {
  title: string;
  kind: EventRecord['kind'];
  allocation: EventRecord['allocation'];
  description: string;
  venue: string;
  latitude: number;
  longitude: number;
  form: FormField[];
  sessions: DemoSession[];
  /** Days from now the sign-up window closes. */
  closesIn: number;
  signups: number;
}

const EVENTS: DemoEvent[] = [
  {
    title: '京口区职工羽毛球赛',
    kind: 'sports',
    allocation: 'first_come',
    description: '区总工会主办，设男子单打、女子单打，自备球拍，现场提供用球和饮用水。先报先得，额满即止。',
    venue: '京口区全民健身中心羽毛球馆',
    latitude: 32.2068,
    longitude: 119.4602,
    form: [
      { key: 'event', label: '参赛项目', type: 'choice', required: true, options: ['男子单打', '女子单打'] },
    ],
    sessions: [{ label: '周六全天', day: 5, hour: 9, hours: 8, capacity: 64 }],
    closesIn: 4,
    signups: 38,
  },
  {
    title: '职工免费体检（第二批）',
    kind: 'health_check',
    allocation: 'lottery',
    description:
      '200 个免费体检名额，按预约时段到院体检，请空腹。报名截止后公开抽签，抽签种子现已公布，任何人都可以复核。',
    venue: '京口区人民医院体检中心',
    latitude: 32.2011,
    longitude: 119.4531,
    form: [],
    sessions: [
      { label: '8:00–8:30', day: 9, hour: 8, hours: 0.5, capacity: 10 },
      { label: '8:30–9:00', day: 9, hour: 8.5, hours: 0.5, capacity: 10 },
      { label: '9:00–9:30', day: 9, hour: 9, hours: 0.5, capacity: 10 },
    ],
    closesIn: 3,
    signups: 52,
  },
  {
    title: '暖“新”一夏爱心暑托班',
    kind: 'childcare',
    allocation: 'lottery',
    description:
      '面向新就业形态劳动者子女（6–12 岁），工作日白天托管，含午餐和课业辅导。名额有限，报名截止后公开抽签。',
    venue: '大市口街道职工之家',
    latitude: 32.2044,
    longitude: 119.455,
    form: [{ key: 'pickup', label: '每天接送人', type: 'text', required: true }],
    sessions: [{ label: '第一期（两周）', day: 14, hour: 8, hours: 24 * 11 + 9, capacity: 40 }],
    closesIn: 7,
    signups: 0,
  },
];

function randomCode(dice: Dice, length: number): string {
  let code = '';
  for (let i = 0; i < length; i++)
    code += PICKUP_CODE_ALPHABET[dice.between(0, PICKUP_CODE_ALPHABET.length - 1)];
  return code;
}

/**
 * Three events of the district open for sign-up: a first-come badminton match with sign-ups coming in, a
 * health check by appointment slot drawn by lottery (entries gathering, seed published), and the summer
 * childcare for gig workers' children (lottery, no entries yet: a parent's journey starts empty).
 */
export async function seedEvents(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  district: Org,
  adminId: number,
  people: Person[],
): Promise<void> {
  const today = shanghaiDayStart(shanghaiDay(time.now)).getTime();
  const events: Partial<EventRecord>[] = [];
  const sessions: Partial<EventSession>[] = [];
  const signups: Partial<EventSignup>[] = [];
  const publicNos = new Set<string>();
  const fresh = (length: number) => {
    let code = randomCode(dice, length);
    while (publicNos.has(code)) code = randomCode(dice, length);
    publicNos.add(code);
    return code;
  };
  for (const demo of EVENTS) {
    const id = writer.id('events');
    const slots = demo.sessions.map((s) => {
      const startsAt = new Date(today + s.day * 24 * HOUR + s.hour * HOUR);
      return {
        ...s,
        id: writer.id('event_sessions'),
        startsAt,
        endsAt: new Date(startsAt.getTime() + s.hours * HOUR),
      };
    });
    const created = time.shift(-3);
    events.push({
      id,
      title: demo.title,
      kind: demo.kind,
      description: demo.description,
      coverId: null,
      venue: demo.venue,
      latitude: demo.latitude,
      longitude: demo.longitude,
      ownerOrgId: district.id,
      eligibleCategories:
        demo.kind === 'childcare' ? ['courier', 'delivery_rider', 'ride_hailing_driver'] : [],
      gigVerifiedRequired: false,
      eligibleTags: [],
      membersOnly: false,
      audienceOrgId: null,
      allocation: demo.allocation,
      signupStartsAt: created,
      signupEndsAt: time.shift(demo.closesIn),
      cancelDeadline: time.shift(demo.closesIn),
      perPersonLimit: 1,
      noShowRule: demo.allocation === 'lottery',
      offerHours: 24,
      formJson: JSON.stringify(demo.form),
      startsAt: slots[0].startsAt,
      endsAt: slots[slots.length - 1].endsAt,
      lotterySeed: demo.allocation === 'lottery' ? newSecret() : null,
      lotteryDrawnAt: null,
      childDataErasedAt: null,
      createdBy: adminId,
      createdAt: created,
      updatedAt: created,
    });
    const taken = new Map<number, number>();
    for (let i = 0; i < demo.signups; i++) {
      const person = people[(i * 37 + id * 11) % people.length];
      const slot = slots[i % slots.length];
      if (signups.some((s) => s.eventId === id && s.userId === person.id)) continue;
      const confirmed = demo.allocation === 'first_come';
      taken.set(slot.id, (taken.get(slot.id) ?? 0) + (confirmed ? 1 : 0));
      signups.push({
        id: writer.id('event_signups'),
        eventId: id,
        sessionId: slot.id,
        userId: person.id,
        publicNo: fresh(8),
        ticketCode: fresh(10),
        status: confirmed ? 'confirmed' : 'entered',
        activeKey: `${slot.id}:${person.id}`,
        answersJson: JSON.stringify(
          demo.form.length ? [{ key: demo.form[0].key, value: demo.form[0].options?.[i % 2] ?? '' }] : [],
        ),
        deprioritised: false,
        createdAt: time.shift(-2 + i / 100),
      });
    }
    for (const slot of slots) {
      sessions.push({
        id: slot.id,
        eventId: id,
        label: slot.label,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        capacity: slot.capacity,
        remaining: slot.capacity - (taken.get(slot.id) ?? 0),
        venueSecret: newSecret(),
      });
    }
  }
  await writer.insert(EventRecord, events);
  await writer.insert(EventSession, sessions);
  await writer.insert(EventSignup, signups);
}
