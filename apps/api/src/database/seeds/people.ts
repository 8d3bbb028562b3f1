import { isGigCategory, PRIVACY_POLICY_VERSION, type UserTag, type WorkerCategory } from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import type { Org } from '../../modules/orgs/entities/org.entity';
import { User } from '../../modules/users/entities/user.entity';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

/** How many generated workers join the demo users. */
export const DEMO_WORKER_COUNT = 4990;

/** A seeded person as the other seed parts need them. */
export interface Person {
  id: number;
  name: string;
  org: Org | null;
  category: WorkerCategory;
  member: boolean;
  gigVerified: boolean;
  tags: UserTag[];
  phone: string | null;
  joinedAt: Date;
}

// Common surnames, most frequent first (weights roughly as in the population).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华红飞鑫波宁琳浩宇欣怡子涵梓萱晨曦佳琪思远俊杰志强海燕春梅国庆建国文博嘉怡雨桐天宇晓东晓燕丹丹婷婷亮斌凯辉雪梅慧敏永红立新卫东小龙小红海涛振华';
const GIVEN_CHARS = [...GIVEN];
const PHONE_PREFIXES = ['135', '136', '137', '139', '150', '151', '152', '158', '159', '177', '180', '181', '186', '187', '188', '189', '199'];

const CATEGORY_WEIGHTS: [WorkerCategory, number][] = [
  ['regular', 62],
  ['courier', 10],
  ['delivery_rider', 10],
  ['ride_hailing_driver', 7],
  ['truck_driver', 4],
  ['domestic_worker', 4],
  ['other_gig', 3],
];

/** Where gig workers of a category belong, by org key (null: no org). */
const GIG_HOMES: Record<Exclude<WorkerCategory, 'regular'>, (string | null)[]> = {
  courier: ['logistics', 'logistics-1', 'logistics-2'],
  delivery_rider: ['riders'],
  ride_hailing_driver: ['ride-hailing'],
  truck_driver: ['logistics', null],
  domestic_worker: ['jiankang-4', null],
  other_gig: [null, 'techpark'],
};

function nameOf(dice: Dice): string {
  const surname = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(SURNAMES.length * dice.next() ** 2.2))];
  const given = dice.chance(0.3) ? dice.pick(GIVEN_CHARS) : dice.pick(GIVEN_CHARS) + dice.pick(GIVEN_CHARS);
  return surname + given;
}

/**
 * About 5,000 workers across the enterprises (weighted by their size) and the gig workers' unions, members
 * and not, with phones encrypted as the API stores them. Demo users' names and phones are left to them.
 */
export async function seedPeople(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  cipher: PiiCipher,
  orgs: Map<string, Org>,
  reserved: { names: Set<string>; phones: Set<string> },
): Promise<Person[]> {
  const enterprises = [...orgs.values()].filter((o) => o.kind === 'enterprise');
  const bySize = enterprises.map((o) => [o, o.memberCount] as const);
  const phones = new Set(reserved.phones);
  const people: Person[] = [];
  const rows: Partial<User>[] = [];
  for (let i = 0; i < DEMO_WORKER_COUNT; i++) {
    let name = nameOf(dice);
    while (reserved.names.has(name)) name = nameOf(dice);
    const category = dice.weighted(CATEGORY_WEIGHTS);
    const gig = isGigCategory(category);
    const homeKey = gig ? dice.pick(GIG_HOMES[category as Exclude<WorkerCategory, 'regular'>]) : null;
    const org = gig ? (homeKey ? orgs.get(homeKey)! : null) : dice.weighted(bySize);
    const member = dice.chance(gig ? 0.45 : 0.75);
    const gigVerified = gig && member && dice.chance(0.85);
    const tags: UserTag[] = [];
    if (dice.chance(0.012)) tags.push('model_worker');
    if (org?.name.match(/医院|卫生/) && dice.chance(0.5)) tags.push('frontline_medic');
    if ((category === 'courier' || category === 'delivery_rider' || org?.name.match(/电厂|环卫|建筑|港务/)) && dice.chance(0.5))
      tags.push('high_temperature_post');
    if (dice.chance(0.03)) tags.push('hardship_family');
    let phone: string | null = null;
    if (dice.chance(0.85)) {
      do phone = dice.pick(PHONE_PREFIXES) + String(dice.int(100_000_000)).padStart(8, '0');
      while (phones.has(phone));
      phones.add(phone);
    }
    const joinedAt = time.shift(-(3 + dice.int(400)) - dice.next());
    const memberSince = member ? new Date(Math.min(time.now.getTime(), joinedAt.getTime() + dice.int(10) * 86_400_000)) : null;
    const id = writer.id('users');
    const consented = dice.chance(0.97);
    people.push({ id, name, org, category, member, gigVerified, tags, phone, joinedAt });
    rows.push({
      id,
      openid: `demo-w${String(i + 1).padStart(5, '0')}`,
      nickname: dice.chance(0.6) ? name : null,
      realName: name,
      phoneCipher: phone ? cipher.encrypt(phone) : null,
      phoneHash: phone ? cipher.lookupHash(phone) : null,
      orgId: org?.id ?? null,
      category,
      categoryVerified: member || dice.chance(0.3),
      gigVerified,
      tags,
      membership: member ? 'member' : 'none',
      memberNo: member ? `JK${memberSince!.getUTCFullYear()}${String(900_000 + i).padStart(6, '0')}` : null,
      memberSince,
      consentVersion: consented ? PRIVACY_POLICY_VERSION : null,
      consentAt: consented ? joinedAt : null,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    });
  }
  await writer.insert(User, rows);
  return people;
}
