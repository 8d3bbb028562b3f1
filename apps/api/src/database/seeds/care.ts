import { PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTH, type ClaimStatus } from '@jingcai/shared';
import { claimViewOfRow } from '../../modules/care/care.mapper';
import { claimExpiringMessage, claimReadyMessage } from '../../modules/care/claim-messages';
import { Benefit } from '../../modules/care/entities/benefit.entity';
import { activeKeyOf, Claim } from '../../modules/care/entities/claim.entity';
import { Station } from '../../modules/care/entities/station.entity';
import { ineligibilityReason } from '../../modules/care/eligibility';
import { Notification } from '../../modules/notifications/entities/notification.entity';
import type { NotificationMessage } from '../../modules/notifications/notifications.service';
import type { Org } from '../../modules/orgs/entities/org.entity';
import { DEMO_BENEFITS, DEMO_STATIONS, type DemoBenefit } from './demo-data';
import type { Person } from './people';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

/** How far each release has got: claims made, and the share picked up, cancelled (the rest wait or expired). */
const RELEASES: Record<string, { claims: number; redeemed: number; cancelled: number }> = {
  暖新礼包: { claims: 420, redeemed: 0.68, cancelled: 0.04 },
  会员新春慰问品: { claims: 360, redeemed: 0.35, cancelled: 0.02 },
  会员免费体检: { claims: 150, redeemed: 0.4, cancelled: 0.06 },
  大市口街道暖冬早餐券: { claims: 90, redeemed: 0.55, cancelled: 0.03 },
  夏送清凉: { claims: 320, redeemed: 0.8, cancelled: 0.03 },
};

/** A demo user's claim: which benefit, at which station, and where it stands. */
export interface ScriptedClaim {
  person: Person;
  benefit: string;
  station: string;
  status: 'claimed' | 'redeemed';
  daysAgo: number;
}

/** Who redeems at a station: its org's staff member, or the district admin. */
export type Redeemers = (stationOrgKey: string) => number;

type SeededStation = Partial<Station> &
  Pick<Station, 'id' | 'name' | 'address' | 'hours' | 'latitude' | 'longitude'>;
/** A claim as the seed writes it: never the instant-long pending state. */
type SeededClaim = Omit<Claim, 'status'> & { status: ClaimStatus };

/**
 * The sweep reminds a worker of a pack not picked up once its deadline is less than a day away
 * (ClaimsService); the seed's reminders went out an hour into that day.
 */
const REMINDED_BEFORE_MS = 23 * 3_600_000;

/**
 * Stations, and care benefits mid-release: claims waiting for pickup, redeemed at the stations (some today),
 * cancelled, and — for the summer release that is over — expired, with the stock the claim path would have
 * left (a cancelled or expired claim gives its pack back).
 */
export async function seedCare(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  orgs: Map<string, Org>,
  adminId: number,
  people: Person[],
  scripted: ScriptedClaim[],
  redeemerAt: Redeemers,
): Promise<void> {
  const since = time.shift(-120);
  const stations = new Map<string, SeededStation>();
  const orgKeyOf = new Map<number, string>();
  for (const { key, org, ...fields } of DEMO_STATIONS) {
    const id = writer.id('care_stations');
    stations.set(key, { ...fields, id, orgId: orgs.get(org)!.id, createdAt: since, updatedAt: since });
    orgKeyOf.set(id, org);
  }
  await writer.insert(Station, [...stations.values()]);

  const codes = new Set<string>();
  const code = () => {
    let next: string;
    do next = Array.from({ length: PICKUP_CODE_LENGTH }, () => dice.pick([...PICKUP_CODE_ALPHABET])).join('');
    while (codes.has(next));
    codes.add(next);
    return next;
  };
  const claims: Partial<Claim>[] = [];
  const notices: Partial<Notification>[] = [];
  const benefits: Partial<Benefit>[] = [];
  const links: { benefit_id: number; station_id: number }[] = [];
  for (const demo of DEMO_BENEFITS) {
    const id = writer.id('care_benefits');
    const opens = time.at(demo.opensInDays, 9);
    const closes = time.at(demo.closesInDays, 20);
    const deadline = time.at(demo.pickupDays, 20);
    const rules = {
      eligibleCategories: demo.categories,
      gigVerifiedRequired: demo.gigVerifiedRequired,
      eligibleTags: demo.tags,
      membersOnly: demo.membersOnly,
    };
    const at = demo.stations.map((key) => stations.get(key)!);
    for (const station of at) links.push({ benefit_id: id, station_id: station.id });
    const release = RELEASES[demo.title];
    const over = deadline < time.now;
    const lastDay = Math.min(0, demo.closesInDays);
    let held = 0;
    const claim = (person: Person, station: (typeof at)[number], status: ClaimStatus, dayOffset: number) => {
      const createdAt = time.at(dayOffset, DemoTime.hour(dice));
      const redeemedAt =
        status === 'redeemed'
          ? !over && (dayOffset === 0 || dice.chance(0.04))
            ? time.at(0, 9 + dice.next() * 11)
            : new Date(
                Math.min(
                  time.now.getTime() - 3_600_000,
                  createdAt.getTime() + (0.1 + dice.next() * 5) * 86_400_000,
                ),
              )
          : null;
      const closedAt =
        status === 'cancelled'
          ? new Date(createdAt.getTime() + dice.int(48) * 3_600_000)
          : status === 'expired'
            ? deadline
            : redeemedAt;
      if (status === 'claimed' || status === 'redeemed') held++;
      const row: SeededClaim = {
        id: writer.id('care_claims'),
        benefitId: id,
        userId: person.id,
        stationId: station.id,
        code: code(),
        status,
        activeKey: status === 'claimed' ? activeKeyOf(id, person.id) : null,
        expiresAt: deadline,
        remindedAt: status === 'expired' ? new Date(deadline.getTime() - REMINDED_BEFORE_MS) : null,
        redeemedAt: redeemedAt && redeemedAt < createdAt ? createdAt : redeemedAt,
        redeemedBy: redeemedAt ? redeemerAt(orgKeyOf.get(station.id)!) : null,
        closedAt,
        createdAt,
      };
      claims.push(row);
      notices.push(...claimNotices(row, demo, station));
    };
    const scriptedHere = scripted.filter((s) => s.benefit === demo.title);
    for (const s of scriptedHere) claim(s.person, stations.get(s.station)!, s.status, -s.daysAgo);
    const taken = new Set(scriptedHere.map((s) => s.person.id));
    const audience = demo.audience ? orgs.get(demo.audience)! : null;
    const eligible = people.filter(
      (p) =>
        !taken.has(p.id) &&
        (!audience || Boolean(p.org?.path.startsWith(audience.path))) &&
        ineligibilityReason(
          {
            category: p.category,
            gigVerified: p.gigVerified,
            tags: p.tags,
            membership: p.member ? 'member' : 'none',
            orgPath: p.org?.path ?? null,
          },
          rules,
          null,
        ) === null,
    );
    const span = lastDay - demo.opensInDays + 1;
    for (const person of dice.sample(eligible, Math.min(release.claims, eligible.length, demo.stock))) {
      // A release is a rush on its first days, then a trickle.
      const dayOffset = demo.opensInDays + Math.floor(span * dice.next() ** 2.5);
      const roll = dice.next();
      const status: ClaimStatus =
        roll < release.cancelled
          ? 'cancelled'
          : roll < release.cancelled + release.redeemed
            ? 'redeemed'
            : over
              ? 'expired'
              : 'claimed';
      claim(
        person,
        dice.pick(at),
        status === 'redeemed' && dayOffset === 0 && dice.chance(0.5) ? 'claimed' : status,
        dayOffset,
      );
    }
    benefits.push({
      id,
      title: demo.title,
      description: demo.description,
      kind: demo.kind,
      totalStock: demo.stock,
      remainingStock: demo.stock - held,
      perPersonLimit: 1,
      claimStartsAt: opens,
      claimEndsAt: closes,
      pickupDeadline: deadline,
      ...rules,
      audienceOrgId: audience?.id ?? null,
      ownerOrgId: orgs.get(demo.owner)!.id,
      createdBy: adminId,
      createdAt: time.shift(demo.opensInDays - 4),
      updatedAt: time.shift(demo.opensInDays - 4),
    });
  }
  await writer.insert(Benefit, benefits);
  await writer.insertJoin('care_benefit_stations', links);
  await writer.insert(Claim, claims);
  await writer.insert(
    Notification,
    notices.map((n) => ({ ...n, id: writer.id('notifications') })),
  );
}

/**
 * The inbox entries a claim leaves, in the words of claim-messages.ts: 领取成功 when the pack is taken (read
 * by those who went on to pick it up or give it back), and 即将过期 from the sweep's reminder.
 */
function claimNotices(
  claim: SeededClaim,
  benefit: DemoBenefit,
  station: SeededStation,
): Partial<Notification>[] {
  const notice = (
    message: NotificationMessage,
    createdAt: Date,
    readAt: Date | null,
  ): Partial<Notification> => ({
    userId: claim.userId,
    kind: message.kind,
    title: message.title,
    body: message.body,
    page: message.page ?? null,
    readAt,
    subscribeDelivery: 'sent',
    createdAt,
  });
  const view = claimViewOfRow({
    ...claim,
    claimedAt: claim.createdAt,
    title: benefit.title,
    kind: benefit.kind,
    stationName: station.name,
    address: station.address,
    hours: station.hours,
    latitude: station.latitude,
    longitude: station.longitude,
  });
  const acted = claim.status === 'redeemed' || claim.status === 'cancelled';
  const notices = [notice(claimReadyMessage(view), claim.createdAt, acted ? claim.createdAt : null)];
  if (claim.remindedAt) {
    const reminded = Object.assign(new Claim(), claim, {
      benefit: Object.assign(new Benefit(), { title: benefit.title }),
      station,
    });
    notices.push(notice(claimExpiringMessage(reminded), claim.remindedAt, null));
  }
  return notices;
}
